"""Repair what OCR typically gets wrong in an administrative document's fields.

Tesseract's Vietnamese model confuses tone marks that differ by a stroke
("kiếm" for "kiểm", "dần" for "dân") and serif capitals ("TIr" for "TTr").
Two narrow repairs, used only on OCR text:

* a word that is not in the administrative lexicon becomes the lexicon word
  with the same letters that is fewest marks away ("thấm định" → "thẩm
  định"); a tie the everyday administrative words do not settle is left as read;
* a code part of "Số: …" that is not a known Decree 30 abbreviation but
  matches exactly one of them once look-alike letters are merged becomes it.

The lexicon is the Vietnamese of the shipped frameworks, the program's own
messages, and a list of words every administrative document uses.
"""

from __future__ import annotations

import functools
import json
import re

from parDesk.intake.fields import fold

# Decree 30/2020, Appendix III: abbreviations of document types, plus the usual body codes.
CODES = ("NQ", "QĐ", "CT", "QC", "QyĐ", "TB", "TC", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr", "HĐ",
         "CĐ", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "BGN", "BTT", "UBND", "HĐND", "VP", "BCĐ", "SNV", "STP",
         "STC", "SKHCN", "PNV", "CAP", "CAX", "MTTQ", "TP", "NV", "TCKH", "VHXH", "ĐCXD", "TTHC")
_LOOKALIKE = str.maketrans({"I": "T", "l": "T", "1": "T", "|": "T", "i": "T", "t": "T", "r": "T", "f": "T",
                            "0": "O", "Đ": "D", "đ": "D", "5": "S", "8": "B"})

COMMON_WORDS = """
ủy ban nhân dân hội đồng xã phường thị trấn huyện quận tỉnh thành phố đặc khu sở phòng ban văn phòng
cộng hòa hội chủ nghĩa việt nam độc lập tự do hạnh phúc kế hoạch quyết định báo cáo thông báo tờ trình
biên bản chương trình công văn nghị quyết chỉ thị hướng dẫn quy chế quy định kính gửi căn cứ về việc
cải cách hành chính kiểm tra công tác thẩm định tự đánh giá chỉ số năm quý tháng ngày thực hiện kết quả
nhiệm vụ đề nghị tuyên truyền rà soát hệ thống hóa văn bản quy phạm pháp luật theo dõi tình hình thi hành
trên địa bàn kiểm soát thủ tục chuyển đổi số phát triển chính quyền thành lập tổ công vụ ban hành làm việc
công khai ngân sách nhà nước mức độ hài lòng người dân đối với sự phục vụ của cơ quan triển khai bộ phận
tiếp nhận và trả giải quyết bồi dưỡng kỹ năng cho cán bộ công chức cấp tăng cường kỷ luật kỷ cương cung
cấp tài liệu kiểm chứng dịch vụ trực tuyến toàn trình các chuyên môn thôn dân phố nội vụ tư pháp tài chính
khoa học công nghệ đông sơn tân lập hòa bình phú minh côn đảo mỹ bình long xuyên mẫu chỉ đạo
"""


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, ...]]:
    """Folded form → the lexicon words with that form."""
    words: set[str] = set(COMMON_WORDS.split())
    try:
        from parDesk.resources import resources_dir

        for path in (resources_dir() / "frameworks").glob("*.json"):
            _collect(json.loads(path.read_text(encoding="utf-8")), words)
    except (OSError, ValueError, ImportError):
        pass
    from parDesk import i18n

    catalogue = i18n.keys()  # the message keys (a function of the module, not a dict view)
    for key in catalogue:
        try:
            words.update(_words(i18n.t(key, "vi")))
        except ValueError:  # a message whose format spec needs its parameters: its words are elsewhere too
            continue
    by_fold: dict[str, set[str]] = {}
    for w in words:
        if len(w) >= 2 and any(ch.isalpha() for ch in w):
            by_fold.setdefault(fold(w), set()).add(w)
    return {f: tuple(sorted(ws)) for f, ws in by_fold.items()}


def _marks(word: str) -> list[tuple[str, frozenset[str]]]:
    import unicodedata

    out = []
    for ch in word:
        d = unicodedata.normalize("NFD", ch)
        out.append((fold(ch), frozenset(d[1:]) | ({"stroke"} if ch in "đĐ" else set())))
    return out


def _distance(a: str, b: str) -> int:
    """How many marks (tone, hat, horn, breve, stroke) differ between two words of one folded form."""
    return sum(len(ma ^ mb) for (_, ma), (_, mb) in zip(_marks(a), _marks(b), strict=True))


def _best(word: str, candidates: tuple[str, ...]) -> str | None:
    """The candidate fewest marks away; ties go to the everyday administrative words, else none."""
    common = set(COMMON_WORDS.split())
    ranked = sorted((_distance(word.lower(), c), c not in common, c) for c in candidates)
    if len(ranked) > 1 and ranked[0][:2] == ranked[1][:2]:
        return None
    return ranked[0][2]


def _collect(node: object, out: set[str]) -> None:
    if isinstance(node, dict):
        for value in node.values():
            _collect(value, out)
    elif isinstance(node, list):
        for value in node:
            _collect(value, out)
    elif isinstance(node, str):
        out.update(_words(node))


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


@functools.lru_cache(maxsize=1)
def _known_lower() -> frozenset[str]:
    return frozenset(w for ws in lexicon().values() for w in ws)


def fix_words(text: str) -> str:
    """Each word not in the lexicon but matching exactly one lexicon word without accents becomes that word."""
    lex = lexicon()
    known = _known_lower()

    def repl(m: re.Match[str]) -> str:
        word = m.group(0)
        lower = word.lower()
        if lower in known or len(word) < 2:
            return word
        roman = _roman(word)
        if roman is not None:
            return roman
        candidates = lex.get(fold(word))
        target = _best(word, candidates) if candidates else None
        if target is None:
            return word
        if word[:1].isupper():
            target = target[:1].upper() + target[1:]
        return target

    return _fix_phrases(_WORD.sub(repl, text))


_ROMAN = re.compile(r"X{0,3}(?:IX|IV|VI{0,3}|I{1,3})")


def _roman(word: str) -> str | None:
    """A Roman numeral (quý, phần, giai đoạn) whose I's OCR read as serif look-alikes, else None.

    Tesseract reads a serif I as T, l or 1, and two touching I's as one H
    ("quý TII", "quý IH", "quý HI" for "quý III"), or one I with a neighbour's
    serif as H ("quý IHI"). Only a word that becomes a valid numeral once they
    are merged is changed (an H as two I's first, else as one), so "HIV" or
    "TL" stay.
    """
    if not re.fullmatch(r"[IVXTlH1]{2,4}", word) or not ("I" in word or "H" in word):
        return None
    for h in ("II", "I"):
        table: dict[str, str | int | None] = {"T": "I", "l": "I", "1": "I", "H": h}
        merged = word.translate(str.maketrans(table))
        if merged != word and _ROMAN.fullmatch(merged):
            return merged
    return None


# Fixed phrases of administrative Vietnamese: where OCR turns one of their words into another real
# word ("tổ dần phố"), the phrase around it says which one was printed.
PHRASES = ("tổ dân phố", "thẩm định", "kiểm tra", "chuyên môn", "cải cách hành chính", "người dân",
           "ủy ban nhân dân", "thủ tục hành chính", "văn bản quy phạm pháp luật", "tài liệu kiểm chứng",
           "chuyển đổi số")


def _fix_phrases(text: str) -> str:
    folded = fold(text)
    out = text
    for phrase in PHRASES:
        key = fold(phrase)
        for m in re.finditer(r"(?<!\w)" + re.escape(key) + r"(?!\w)", folded):
            span = out[m.start():m.end()]
            if span.isupper():
                continue  # capitals carry no tone-mark doubt worth a rewrite
            fixed = phrase[:1].upper() + phrase[1:] if span[:1].isupper() else phrase
            out = out[:m.start()] + fixed + out[m.end():]
    return out


@functools.lru_cache(maxsize=1)
def _codes_by_lookalike() -> dict[str, str]:
    """Each code's look-alike form → the code, for the forms only one code has."""
    forms: dict[str, list[str]] = {}
    for c in CODES:
        forms.setdefault(c.translate(_LOOKALIKE).upper(), []).append(c)
    return {k: v[0] for k, v in forms.items() if len(v) == 1}


def fix_number(number: str) -> str:
    """"162/TIr-UBND" → "162/TTr-UBND": code parts that are one look-alike away from one known code."""
    if "/" not in number:
        return number
    head, _, code = number.partition("/")
    known = _codes_by_lookalike()
    parts = []
    for part in re.split(r"(-|/)", code):
        if part in ("-", "/") or part in CODES or part.isdigit():
            parts.append(part)
            continue
        key = part.translate(_LOOKALIKE).upper()
        parts.append(known.get(key) or _split_stroke(part, known) or part)
    return head + "/" + "".join(parts)


def _split_stroke(part: str, known: dict[str, str]) -> str | None:
    """"CTIr" → "CTr", "QĐĐ" → "QĐ": one letter OCR read twice (a serif split off as an extra stroke, or a
    doubled letter); the code if dropping one such letter fits exactly one."""
    fits = {known.get((part[:i] + part[i + 1:]).translate(_LOOKALIKE).upper())
            for i, ch in enumerate(part) if len(part) > 2 and (ch in "Il|1T" or part[i - 1:i] == ch)}
    fits.discard(None)
    return fits.pop() if len(fits) == 1 else None
