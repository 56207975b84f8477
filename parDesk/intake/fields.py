"""Find a document's number, date, issuing body, type and subject by their Decree 30 places.

Decree 30/2020/NĐ-CP, Appendix I, fixes the layout of page 1:

* top left: the governing body (upper case, regular), the issuing body
  (upper case, bold) and under it "Số: 15/KH-UBND"; a letter (công văn)
  adds its "V/v …" subject line under the number;
* top right: the country name, the motto, and the italic place-and-date line
  "Tân Lập, ngày 10 tháng 01 năm 2025";
* centred under the header: the document type in bold capitals ("KẾ HOẠCH")
  and its subject on the lines below.

Every rule matches on a diacritic-folded copy of the text (OCR often drops
a tone mark) but returns the document's own characters. A field that is not
printed, or printed blank for the clerk to fill by hand ("ngày   tháng   năm
2025"), gets no proposal: a wrong value typed for the officer is worse than
none.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import asdict, dataclass, field

from parDesk.intake.layout import Line

# ---------------------------------------------------------------------------
# Folding: one character in, one character out, so match offsets stay valid.


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0]
    return base.lower() if base.isascii() else ch.lower()


def fold(text: str) -> str:
    """Lower case without diacritics, the same length as ``text`` (NFC input)."""
    return "".join(_fold_char(ch) for ch in text)


def fold_words(text: str) -> str:
    return " ".join(fold(unicodedata.normalize("NFC", text)).split())


# ---------------------------------------------------------------------------
# The proposal


@dataclass
class Proposal:
    """What page 1 says, field by field; an empty string means "not found, do not propose"."""

    number: str = ""
    issued_date: str = ""  # YYYY-MM-DD
    issuer: str = ""
    governing_body: str = ""
    doc_type: str = ""
    subject: str = ""
    source: str = ""  # "text" (the PDF's text layer) or "ocr"
    signer: str = ""  # a signed PDF's signing-certificate organisation, beside the printed issuer
    notes: list[str] = field(default_factory=list)

    FIELDS = ("number", "issued_date", "issuer", "doc_type", "subject")

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def metadata(self) -> dict[str, str]:
        """The document fields a proposal fills: number, date, issuer, subject (type + subject)."""
        out = {"number": self.number, "issued_date": self.issued_date, "issuer": self.issuer,
               "subject": self.full_subject()}
        return {k: v for k, v in out.items() if v}

    def full_subject(self) -> str:
        """The register's "type and subject" (tên loại và trích yếu): "Kế hoạch cải cách hành chính năm 2025"."""
        if not self.subject:
            return ""
        if not self.doc_type or self.doc_type == DOC_TYPE_LETTER or self.subject.lower().startswith("v/v"):
            return self.subject
        return f"{self.doc_type} {_lower_first(self.subject)}"


def _lower_first(text: str) -> str:
    """Lower the first letter unless the first word is an acronym ("CCHC", "UBND")."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return text
    return text[:1].lower() + text[1:]


# ---------------------------------------------------------------------------
# Number and code: "Số: 15/KH-UBND", "Số 125/QĐ-UBND", "Số: 03 / 2025 / QĐ – UBND"

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_CODE_PART = r"[a-z0-9]{1,10}"
_NUMBER_RE = re.compile(
    r"\bs[o0]\s*[:;.]?\s*(?P<num>\d{1,5}[a-z]?)\s*(?P<year>/\s*\d{4}\s*)?[/|]\s*"
    rf"(?P<code>{_CODE_PART}(?:\s*[{_DASHES}]\s*{_CODE_PART})*)")


def find_number(lines: list[Line]) -> tuple[str, Line | None]:
    for ln in lines:
        if ln.y0 > 0.45:
            break
        folded = fold(ln.text)
        m = _NUMBER_RE.search(folded)
        if not m:
            continue
        raw = ln.text[m.start("num"):m.end("code")]
        value = re.sub(r"\s+", "", raw)
        value = re.sub(f"[{_DASHES}]", "-", value).replace("|", "/")
        return value, ln
    return "", None


def find_number_line(lines: list[Line]) -> Line | None:
    """The "Số:" line even when the number itself is left blank for the clerk."""
    for ln in lines:
        if ln.y0 > 0.45:
            break
        if re.match(r"\s*s[o0]\s*[:;.]", fold(ln.text)) and ln.cx < 0.5:
            return ln
    return None


# ---------------------------------------------------------------------------
# Date: "Tân Lập, ngày 10 tháng 01 năm 2025"

_DATE_RE = re.compile(r"ngay\s*(\d{1,2})\s*[,.]?\s*thang\s*(\d{1,2})\s*[,.]?\s*nam\s*(\d{4})")
_BLANK_DATE_RE = re.compile(r"ngay\s*[._…\s]*thang\s*[._…\s\d]*nam\s*\d{0,4}")


def find_date(lines: list[Line]) -> tuple[str, Line | None, bool]:
    """The ISO date, the line it is on, and whether a blank date line was seen instead."""
    blank = False
    for ln in lines:
        if ln.y0 > 0.45:
            break
        folded = fold(ln.text)
        m = _DATE_RE.search(folded)
        if m:
            try:
                d = _dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                return "", ln, False
            if not 1945 <= d.year <= 2100:
                return "", ln, False
            return d.isoformat(), ln, False
        if _BLANK_DATE_RE.search(folded):
            blank = True
    # A date left blank for the clerk is often set as separate runs ("ngày", "tháng", "năm 2025").
    top = " ".join(fold(ln.text) for ln in lines if ln.y0 <= 0.45 and ln.cx >= 0.4)
    if not blank and _BLANK_DATE_RE.search(top) and not _DATE_RE.search(top):
        blank = True
    return "", None, blank


# ---------------------------------------------------------------------------
# Issuing body: the left header block

_BODY_STARTS = [fold_words(x) for x in (
    "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UBND", "HỘI ĐỒNG NHÂN DÂN", "HĐND", "SỞ", "PHÒNG", "BAN", "VĂN PHÒNG",
    "CÔNG AN", "ĐẢNG ỦY", "ĐẢNG UỶ", "BỘ", "CỤC", "CHI CỤC", "TRƯỜNG", "TRẠM", "TRUNG TÂM", "MẶT TRẬN",
    "ỦY BAN MẶT TRẬN",
    "HỘI", "ĐOÀN", "BỘ PHẬN", "TỔ", "TÒA ÁN", "VIỆN KIỂM SÁT", "KHO BẠC", "BẢO HIỂM", "THANH TRA", "QUÂN SỰ",
    "BAN CHỈ HUY", "BAN CHỈ ĐẠO", "BAN THƯỜNG VỤ")]
_COUNTRY = fold_words("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")

_KINDS_CASE = {fold_words(k): v for k, v in {
    "ỦY BAN NHÂN DÂN": "Ủy ban nhân dân", "UỶ BAN NHÂN DÂN": "Ủy ban nhân dân",
    "HỘI ĐỒNG NHÂN DÂN": "Hội đồng nhân dân", "VĂN PHÒNG": "Văn phòng", "SỞ": "Sở", "PHÒNG": "Phòng",
    "BAN CHỈ ĐẠO": "Ban Chỉ đạo", "BAN CHỈ HUY QUÂN SỰ": "Ban Chỉ huy Quân sự", "BAN": "Ban", "CÔNG AN": "Công an",
    "ĐẢNG ỦY": "Đảng ủy", "TRƯỜNG": "Trường", "TRẠM Y TẾ": "Trạm Y tế", "TRUNG TÂM": "Trung tâm",
    "CHI CỤC": "Chi cục", "CỤC": "Cục", "BỘ": "Bộ", "BỘ PHẬN": "Bộ phận", "THANH TRA": "Thanh tra",
    "KHO BẠC NHÀ NƯỚC": "Kho bạc Nhà nước", "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM": "Ủy ban Mặt trận Tổ quốc Việt Nam",
}.items()}
_ADMIN_WORDS = {fold_words(k): k.lower() for k in (
    "XÃ", "PHƯỜNG", "THỊ TRẤN", "HUYỆN", "QUẬN", "THỊ XÃ", "THÀNH PHỐ", "TỈNH", "ĐẶC KHU")}
_FIELDS_CASE = {fold_words(k): v for k, v in {
    "NỘI VỤ": "Nội vụ", "TƯ PHÁP": "Tư pháp", "TÀI CHÍNH": "Tài chính",
    "KHOA HỌC VÀ CÔNG NGHỆ": "Khoa học và Công nghệ", "KẾ HOẠCH VÀ ĐẦU TƯ": "Kế hoạch và Đầu tư",
    "THÔNG TIN VÀ TRUYỀN THÔNG": "Thông tin và Truyền thông", "GIÁO DỤC VÀ ĐÀO TẠO": "Giáo dục và Đào tạo",
    "Y TẾ": "Y tế", "XÂY DỰNG": "Xây dựng", "CÔNG THƯƠNG": "Công Thương", "NÔNG NGHIỆP VÀ MÔI TRƯỜNG":
    "Nông nghiệp và Môi trường", "VĂN HÓA, THỂ THAO VÀ DU LỊCH": "Văn hóa, Thể thao và Du lịch",
    "VĂN HÓA - XÃ HỘI": "Văn hóa - Xã hội", "KINH TẾ": "Kinh tế", "TÀI CHÍNH - KẾ HOẠCH": "Tài chính - Kế hoạch",
    "TƯ PHÁP - HỘ TỊCH": "Tư pháp - Hộ tịch", "ĐỊA CHÍNH - XÂY DỰNG": "Địa chính - Xây dựng",
    "VĂN PHÒNG - THỐNG KÊ": "Văn phòng - Thống kê", "KINH TẾ - HẠ TẦNG": "Kinh tế - Hạ tầng",
}.items()}
_ACRONYMS = {"UBND", "HĐND", "MTTQ", "CCHC", "TTHC", "KT-XH", "THCS", "THPT", "CAND", "QĐND", "BCĐ"}


def _is_upper_text(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _starts_body(text: str) -> bool:
    f = fold_words(text)
    return any(f == s or f.startswith(s + " ") for s in _BODY_STARTS)


def header_block(lines: list[Line]) -> list[Line]:
    """The upper-case lines of the left header column, above the "Số:" line."""
    number_line = find_number_line(lines)
    limit = number_line.y0 if number_line else 0.3
    out = []
    for ln in lines:
        ln = _cut_at_country(ln)
        if ln.y0 >= limit - 0.002 or ln.cx >= 0.5:
            continue
        if ln.x1 > 0.62 or fold_words(ln.text).startswith(_COUNTRY[:12]):
            continue  # a run that spans into the right column is not the body's name
        if _is_upper_text(ln.text):
            out.append(ln)
    return out


def _cut_at_country(ln: Line) -> Line:
    """A run that ran on from the issuing body into "CỘNG HÒA XÃ HỘI …" (columns set edge to edge)."""
    at = fold(ln.text).find("cong hoa xa hoi")
    if at <= 0:
        return ln
    share = at / max(len(ln.text), 1)
    return Line(ln.text[:at].strip(), ln.x0, ln.y0, ln.x0 + (ln.x1 - ln.x0) * share, ln.y1, ln.bold)


def split_bodies(block: list[Line]) -> list[str]:
    """The governing body and the issuing body, each joined from its lines.

    When the text layer says which lines are bold, the issuing body is the
    bold one (Decree 30: governing body regular, issuing body bold). OCR
    does not know weight, so a new body starts at a line that begins with a
    kind of body ("ỦY BAN NHÂN DÂN", "SỞ", …) and every other line continues
    the one before ("XÃ TÂN LẬP" under "ỦY BAN NHÂN DÂN").
    """
    if not block:
        return []
    if all(ln.bold is not None for ln in block) and any(ln.bold for ln in block) and not all(ln.bold for ln in block):
        gov = " ".join(ln.text for ln in block if not ln.bold)
        body = " ".join(ln.text for ln in block if ln.bold)
        return [gov, body]
    bodies: list[list[str]] = []
    for ln in block:
        if not bodies or (_starts_body(ln.text) and not _continues_kind(bodies[-1])):
            bodies.append([ln.text])
        else:
            bodies[-1].append(ln.text)
    return [" ".join(b) for b in bodies]


def _continues_kind(parts: list[str]) -> bool:
    """"ỦY BAN NHÂN DÂN" alone on its line waits for its place on the next one."""
    joined = fold_words(" ".join(parts))
    return joined in _KINDS_CASE and joined != fold_words("SỞ")


def org_case(upper: str) -> str:
    """"ỦY BAN NHÂN DÂN XÃ TÂN LẬP" → "Ủy ban nhân dân xã Tân Lập"; "SỞ NỘI VỤ" → "Sở Nội vụ"."""
    words = upper.split()
    out: list[str] = []
    i = 0
    # The kind of body, longest match first.
    for n in range(min(7, len(words)), 0, -1):
        key = fold_words(" ".join(words[:n]))
        if key in _KINDS_CASE:
            out.append(_KINDS_CASE[key])
            i = n
            break
    rest = words[i:]
    key = fold_words(" ".join(rest))
    if out and rest and any(key == k or key.startswith(k + " ") for k in _KINDS_CASE):
        return " ".join(out + [org_case(" ".join(rest))])  # "Văn phòng" + "Ủy ban nhân dân …"
    if rest and key in _FIELDS_CASE:
        return " ".join(out + [_FIELDS_CASE[key]])
    j = 0
    while j < len(rest):
        for n in (2, 1):
            k = fold_words(" ".join(rest[j:j + n]))
            if len(rest[j:j + n]) == n and k in _ADMIN_WORDS:
                out.append(" ".join(w.lower() for w in rest[j:j + n]))
                j += n
                break
        else:
            w = rest[j]
            if w.upper() in _ACRONYMS or (len(w) > 1 and not any(ch in "AEIOUYaeiouy" for ch in fold(w))):
                out.append(w)
            else:
                out.append(w[:1].upper() + w[1:].lower())
            j += 1
    return " ".join(out)


# ---------------------------------------------------------------------------
# Type and subject

DOC_TYPE_LETTER = "Công văn"
_TYPES = {fold_words(k): k[:1] + k[1:].lower() for k in (
    "KẾ HOẠCH", "QUYẾT ĐỊNH", "BÁO CÁO", "THÔNG BÁO", "TỜ TRÌNH", "BIÊN BẢN", "CHƯƠNG TRÌNH", "HƯỚNG DẪN",
    "QUY CHẾ", "QUY ĐỊNH", "NGHỊ QUYẾT", "CHỈ THỊ", "GIẤY MỜI", "PHƯƠNG ÁN", "ĐỀ ÁN", "DỰ ÁN", "CÔNG ĐIỆN",
    "THÔNG CÁO", "HỢP ĐỒNG", "GIẤY XÁC NHẬN", "GIẤY CHỨNG NHẬN", "BẢN GHI NHỚ", "BẢN THỎA THUẬN", "DANH SÁCH",
    "PHIẾU", "GIẤY ỦY QUYỀN", "KẾT LUẬN")}
_STOP_FOLDED = ("can cu", "kinh gui", "chu tich", "i.", "phan", "muc dich")


def find_type_and_subject(lines: list[Line], header_bottom: float) -> tuple[str, str]:
    body = [ln for ln in lines if ln.y0 > header_bottom + 0.002]
    for k, ln in enumerate(body[:8]):
        if abs(ln.cx - 0.5) > 0.15 or not _is_upper_text(ln.text):
            continue
        key = fold_words(ln.text)
        doc_type = _TYPES.get(key) or (ln.text[:1] + ln.text[1:].lower() if len(key) >= 4 else "")
        if not doc_type:
            continue
        subject_lines: list[str] = []
        prev = ln
        for nxt in body[k + 1:]:
            if abs(nxt.cx - 0.5) > 0.2 or _is_upper_text(nxt.text):
                break
            if nxt.y0 - prev.y1 > 2.2 * max(prev.height, 0.008):
                break
            if fold_words(nxt.text).startswith(_STOP_FOLDED):
                break
            subject_lines.append(nxt.text)
            prev = nxt
        return doc_type, " ".join(subject_lines).strip()
    return "", ""


def find_letter_subject(lines: list[Line], after: Line | None) -> str:
    """The "V/v …" line of a letter, under the number in the left column, with its continuation."""
    start = after.y1 if after else 0.0
    cand = [ln for ln in lines if ln.y0 >= start - 0.002 and ln.cx < 0.5 and ln.y0 < 0.5]
    for k, ln in enumerate(cand):
        f = fold(ln.text)
        if f.startswith("v/v") or f.startswith("v / v") or f.startswith("ve viec"):
            parts = [ln.text]
            prev = ln
            for nxt in cand[k + 1:]:
                if nxt.y0 - prev.y1 > 1.2 * max(prev.height, 0.008) or nxt.x1 > 0.55:
                    break
                if fold_words(nxt.text).startswith(("kinh gui", "can cu", "thuc hien")):
                    break
                parts.append(nxt.text)
                prev = nxt
            text = " ".join(parts)
            return re.sub(r"^\s*[Vv]\s*/\s*[Vv]\s*:?\s*", "V/v ", text).strip()
    return ""


# ---------------------------------------------------------------------------


def propose(lines: list[Line], source: str = "text") -> Proposal:
    """Every field found on page 1's lines; see the module docstring for where each one sits."""
    p = Proposal(source=source)
    p.number, number_line = find_number(lines)
    p.issued_date, date_line, blank_date = find_date(lines)
    if blank_date and not p.issued_date:
        p.notes.append("date_blank")
    bodies = split_bodies(header_block(lines))
    if bodies:
        p.issuer = org_case(bodies[-1])
        if len(bodies) > 1:
            p.governing_body = org_case(bodies[-2])
    letter_subject = find_letter_subject(lines, number_line or find_number_line(lines))
    bottoms = [ln.y1 for ln in (number_line, date_line, find_number_line(lines)) if ln is not None]
    header_bottom = max(bottoms) if bottoms else 0.2
    doc_type, subject = find_type_and_subject(lines, header_bottom)
    if letter_subject and not doc_type:
        p.doc_type, p.subject = DOC_TYPE_LETTER, letter_subject
    else:
        p.doc_type, p.subject = doc_type, subject
    return p
