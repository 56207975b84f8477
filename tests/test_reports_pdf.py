"""Printed forms: Decree 30 layout, Vietnamese text intact, nothing outside the margins.

The checks use poppler's command-line tools the way a reviewer would:
``pdftotext`` for the words (and, cropped, for what is in the top margin),
``pdffonts`` for embedding, ``pdfinfo`` for the page size, and
``pdftoppm`` to render every page and look for ink outside the text area.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from report_fixtures import (
    LONG_TITLE,
    build_snapshot,
    shipped_framework,
    small_framework,
    synthetic_framework,
)

from parDesk.i18n import ParDeskError
from parDesk.numfmt import fmt_percent, fmt_score
from parDesk.reports import (
    Cancelled,
    render_checklist,
    render_letter,
    render_receipt_sheet,
    render_table,
)
from parDesk.reports.decree30 import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
)

POPPLER = all(shutil.which(x) for x in ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
MM = 72 / 25.4
PKG_HASH = hashlib.sha256(b"package").hexdigest()
END_MARK = "HẾT-GIẢI-TRÌNH-DÀI"
LONG_FILE = "Tai_lieu_kiem_chung_scan_200dpi_" + "rat_dai_khong_co_dau_cach_" * 8 + "cuoi.pdf"


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pdftext(path: Path, *extra: str) -> str:
    return run("pdftotext", "-enc", "UTF-8", *extra, str(path), "-")


def _pct(value: str) -> str:
    """A percentage as printed: "69,4 %" (pdftotext reads the non-breaking space as a space)."""
    return fmt_percent(value).replace("%", " %")


def page_count(path: Path) -> int:
    m = re.search(r"Pages:\s+(\d+)", run("pdfinfo", str(path)))
    assert m, path
    return int(m.group(1))


def page_size(path: Path) -> tuple[float, float]:
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", run("pdfinfo", str(path)))
    assert m, path
    return float(m.group(1)), float(m.group(2))


@pytest.fixture(scope="module")
def snap():
    return build_snapshot()


@pytest.fixture(scope="module")
def long_snap():
    """Very long titles and explanations, an unbreakable file name, a huge evidence list on one leaf."""
    s = build_snapshot(long_text=True, docs_per_leaf=3)
    for item in s["items"]:
        if item["code"] == "1.1.2":
            item["explanation"] = ("Giải trình rất dài về cách tính điểm. " + LONG_TITLE + ". ") * 14 + END_MARK
            item["evidence"][0]["original_name"] = LONG_FILE
        if item["code"] == "2.1.1":
            item["title"] = LONG_TITLE + " " + LONG_TITLE
    return s


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, snap, long_snap):
    out = tmp_path_factory.mktemp("pdf")
    files = {
        "checklist": render_checklist(snap, out / "checklist.pdf").path,
        "table": render_table(snap, out / "table.pdf", number="15/UBND-VP", date="2026-01-05").path,
        "letter": render_letter(snap, out / "letter.pdf", number="15/UBND-VP", date="2026-01-05").path,
        "receipt": render_receipt_sheet(snap, out / "receipt.pdf", PKG_HASH,
                                        {"receipt_id": "SNV-2026-000123", "received_at": "2026-01-06T09:15:02+07:00",
                                         "package_hash": PKG_HASH}).path,
        "checklist_long": render_checklist(long_snap, out / "checklist_long.pdf").path,
        "table_long": render_table(long_snap, out / "table_long.pdf").path,
    }
    return files


# ---------------------------------------------------------------------------
# Text, fonts, sizes


@needs_poppler
@pytest.mark.parametrize("name", ["checklist", "table", "letter", "receipt"])
def test_national_header_and_vietnamese_text_intact(pdfs, name):
    text = pdftext(pdfs[name])
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "ỦY BAN NHÂN DÂN" in text
    assert "XÃ TÂN LẬP" in text


@needs_poppler
def test_checklist_content(pdfs, snap):
    text = pdftext(pdfs["checklist"])
    assert "DANH MỤC TÀI LIỆU KIỂM CHỨNG" in text
    assert "Ủy ban nhân dân xã Tân Lập" in text
    assert "Chưa có tài liệu kiểm chứng." in text
    assert "Giải trình:" in text  # the missing item's explanation is printed with it
    assert "Chưa có giải trình." in text  # …or the lack of one
    assert "Kế hoạch được điều chỉnh ngày 20/7/2025" in text
    assert "tối đa 1,5 điểm" in text  # Vietnamese decimals
    assert "(trùng tài liệu STT 1)" in " ".join(text.split())  # the same file under two items points back
    for item in snap["items"]:
        for doc in item.get("evidence", []):
            assert doc["sha256"][:12] in text
            assert doc["number"] in text
    assert "Bản nháp" in text


@needs_poppler
def test_table_content(pdfs, snap):
    text = " ".join(pdftext(pdfs["table"]).split())
    assert "BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM" in text
    for header in ("Điểm thẩm định", "Ý kiến thẩm định", "Giải trình", "Điểm tối"):
        assert header in text
    t = snap["totals"]
    for key in ("base", "total", "bonus", "max_applicable"):
        assert fmt_score(t[key]) in text, key
    assert "," in fmt_score(t["total"]) + fmt_score(t["base"])  # the fixture has decimals: Vietnamese commas
    assert _pct(t["percent"]) in text and t["rating"] in text
    assert "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH" in text  # area rows in caps
    assert "Không áp dụng" in text
    assert "ngày 05 tháng 01 năm 2026" in text
    assert "Số: 15/UBND-VP" not in text  # an attachment carries the letter's number, not its own
    assert "(Kèm theo Văn bản số 15/UBND-VP ngày 05/01/2026" in text
    assert t["rating"] == "Trung bình"


@needs_poppler
def test_letter_content(pdfs, snap):
    text = pdftext(pdfs["letter"])
    t = snap["totals"]
    flat = " ".join(text.split())
    assert "Kính gửi: Sở Nội vụ tỉnh Mẫu." in flat
    assert "V/v đề nghị thẩm định kết quả tự đánh giá, chấm điểm Chỉ số CCHC năm 2025" in flat
    assert "Tân Lập, ngày 05 tháng 01 năm 2026" in flat
    assert "Số: 15/UBND-VP" in flat
    assert "Quyết định số 2712/QĐ-UBND ngày 31/10/2025" in flat
    assert f"{fmt_score(t['total'])}/{fmt_score(t['max_applicable'])} điểm" in flat
    assert f"đạt {_pct(t['percent'])}" in flat
    # "ban hành Bộ Chỉ số …": the framework's name, without its dash-prefix or parenthetical suffix
    assert "ban hành Bộ Chỉ số cải cách hành chính cấp xã, Ủy ban" in flat
    assert "TM. ỦY BAN NHÂN DÂN" in flat and "CHỦ TỊCH" in flat and "Nguyễn Văn A" in flat
    assert "Nơi nhận:" in flat and "- Như trên;" in flat and "- Lưu: VT, VP." in flat
    assert 1 <= page_count(pdfs["letter"]) <= 2


@needs_poppler
def test_letter_blank_number_and_date(tmp_path, snap):
    path = render_letter(snap, tmp_path / "l.pdf").path
    layout = pdftext(path, "-layout")
    assert re.search(r"Số:\s+/UBND", layout)
    assert re.search(r"Tân Lập, ngày\s+tháng\s+năm 2026", layout)


@needs_poppler
def test_receipt_sheet(pdfs, tmp_path, snap):
    text = pdftext(pdfs["receipt"])
    grouped = " ".join(PKG_HASH[i:i + 8] for i in range(0, 64, 8))
    assert grouped in " ".join(text.split())
    assert "SNV-2026-000123" in text
    assert "Khớp với mã băm gói hồ sơ ở trên." in text
    assert "09:15 06/01/2026 (UTC+07:00)" in text
    # A receipt naming another package is flagged, not hidden.
    other = render_receipt_sheet(snap, tmp_path / "r.pdf", PKG_HASH, {"package_hash": "0" * 64}).path
    assert "KHÔNG KHỚP" in pdftext(other)
    none = render_receipt_sheet(snap, tmp_path / "r0.pdf", PKG_HASH).path
    assert "Chưa nhận được biên nhận" in pdftext(none)
    assert page_count(none) == 1


def test_receipt_qr_encodes_the_hash():
    from parDesk.reports.receipt import qr_drawing

    d = qr_drawing(PKG_HASH)
    assert d.value == PKG_HASH
    n = len(d.modules)
    assert n >= 33 and all(len(row) == n for row in d.modules)  # version ≥ 4 holds 64 characters at level M
    # The three finder patterns are where a reader looks for them.
    for r0, c0 in ((0, 0), (0, n - 7), (n - 7, 0)):
        assert all(d.modules[r0][c0 + i] for i in range(7)) and all(d.modules[r0 + i][c0] for i in range(7))


def test_receipt_rejects_a_bad_hash(tmp_path, snap):
    with pytest.raises(ParDeskError) as exc:
        render_receipt_sheet(snap, tmp_path / "r.pdf", "abc")
    assert exc.value.key == "rc.bad_hash"
    assert not (tmp_path / "r.pdf").exists()


@needs_poppler
@pytest.mark.parametrize("name", ["checklist", "table", "letter", "receipt", "checklist_long"])
def test_fonts_embedded(pdfs, name):
    out = run("pdffonts", str(pdfs[name]))
    rows = [ln.split() for ln in out.splitlines()[2:] if ln.strip()]
    assert rows, out
    for row in rows:
        assert "LiberationSerif" in row[0], out
        # columns: name type encoding emb sub uni object ID
        assert row[-5] == "yes", out  # embedded
    assert any("Bold" in r[0] for r in rows)


@needs_poppler
@pytest.mark.parametrize("name, landscape", [("checklist", True), ("table", True), ("letter", False),
                                             ("receipt", False)])
def test_a4_page_size_and_orientation(pdfs, name, landscape):
    w, h = page_size(pdfs[name])
    a4 = (595.28, 841.89)
    expected = (a4[1], a4[0]) if landscape else a4
    assert abs(w - expected[0]) < 1 and abs(h - expected[1]) < 1


@needs_poppler
@pytest.mark.parametrize("name", ["checklist", "table", "checklist_long", "table_long"])
def test_page_numbers_from_page_two_in_the_top_margin(pdfs, name):
    path = pdfs[name]
    n = page_count(path)
    assert n >= 2
    w, _ = page_size(path)
    top = int(MARGIN_TOP)  # crop to the top margin only
    for page in range(1, n + 1):
        text = pdftext(path, "-f", str(page), "-l", str(page), "-x", "0", "-y", "0", "-W", str(int(w)),
                       "-H", str(top)).strip()
        assert text == ("" if page == 1 else str(page)), (page, text)


# ---------------------------------------------------------------------------
# Nothing outside the margins


def ink_outside_margins(path: Path, landscape: bool, dpi: int = 50) -> list[tuple[int, int, int]]:
    """(page, x, y) of dark pixels outside the text area, except the page-number slot."""
    from PIL import Image

    out_dir = path.parent / (path.stem + "_png")
    out_dir.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(path), str(out_dir / "p")], check=True)
    px = dpi / 72
    bad = []
    for png in sorted(out_dir.glob("p-*.png")):
        page = int(png.stem.split("-")[1])
        img = Image.open(png).convert("L")
        w, h = img.size
        left = MARGIN_LEFT * px - 1.5
        right = w - MARGIN_RIGHT * px + 1.5
        top = MARGIN_TOP * px - 1.5
        bottom = h - MARGIN_BOTTOM * px + 1.5
        data = img.tobytes()  # one byte per pixel in mode "L"
        for y in range(h):
            for x in range(w):
                if data[y * w + x] > 200:
                    continue
                inside = left <= x <= right and top <= y <= bottom
                page_number_slot = (page >= 2 and y < top and abs(x - (left + right) / 2) < 15 * MM * px
                                    and y > 4 * MM * px)
                if not inside and not page_number_slot:
                    bad.append((page, x, y))
    return bad


@needs_poppler
@pytest.mark.parametrize("name, landscape", [("checklist", True), ("table", True), ("letter", False),
                                             ("receipt", False), ("checklist_long", True), ("table_long", True)])
def test_nothing_drawn_outside_the_margins(pdfs, name, landscape):
    bad = ink_outside_margins(pdfs[name], landscape)
    assert not bad, bad[:20]


@needs_poppler
def test_long_text_wraps_and_is_never_cut(pdfs, long_snap):
    """The long explanation is printed to its last word; the long file name is whole within its column."""
    text = pdftext(pdfs["table_long"])
    assert END_MARK in text.replace("\n", "")
    assert pdftext(pdfs["table_long"]).count(END_MARK[:8]) >= 1
    # File-name column of the checklist: crop to it and read the name back in one piece.
    from parDesk.reports.checklist import _col_widths

    widths = _col_widths()
    x0 = MARGIN_LEFT + sum(widths[:6])
    joined = ""
    for page in range(1, page_count(pdfs["checklist_long"]) + 1):
        joined += pdftext(pdfs["checklist_long"], "-f", str(page), "-l", str(page), "-x", str(int(x0) + 1),
                          "-y", "0", "-W", str(int(widths[6]) - 2), "-H", "595")
    assert LONG_FILE in re.sub(r"\s+", "", joined)
    # Every word of the 2,000-character explanation is in the table PDF.
    expl = next(i["explanation"] for i in long_snap["items"] if i["code"] == "1.1.2")
    words = set(re.sub(r"\s+", " ", text).split())
    missing = [w for w in set(expl.split()) if w not in words and w != END_MARK]
    assert not missing, missing[:10]


@needs_poppler
def test_a_row_taller_than_a_page_is_split_not_lost(tmp_path):
    s = build_snapshot()
    for item in s["items"]:
        if item["code"] == "1.2.2":
            item["explanation"] = "\n".join(f"Dòng giải trình số {i}." for i in range(1, 121)) + "\n" + END_MARK
    path = render_table(s, tmp_path / "tall.pdf").path
    text = pdftext(path)
    for i in (1, 60, 120):
        assert f"Dòng giải trình số {i}." in text
    assert END_MARK in text
    assert not ink_outside_margins(path, True)


# ---------------------------------------------------------------------------
# Behaviour: determinism, progress, cancel, atomicity, languages, inputs


def test_same_snapshot_same_bytes(tmp_path, snap):
    a = render_checklist(snap, tmp_path / "a.pdf").path.read_bytes()
    b = render_checklist(snap, tmp_path / "b.pdf").path.read_bytes()
    assert a == b
    c = render_letter(snap, tmp_path / "c.pdf", number="1/UBND").path.read_bytes()
    d = render_letter(snap, tmp_path / "d.pdf", number="1/UBND").path.read_bytes()
    assert c == d


@needs_poppler
def test_thousands_are_grouped_the_vietnamese_way(tmp_path):
    s = build_snapshot(synthetic_framework(areas=2, criteria=3, leaves=3), total_docs=1234)
    text = " ".join(pdftext(render_checklist(s, tmp_path / "k.pdf").path, "-l", "1").split())
    assert "Tổng số 1.234 tài liệu kiểm chứng" in text


def test_progress_is_monotonic_and_complete(tmp_path):
    s = build_snapshot(synthetic_framework(areas=2, criteria=3, leaves=3), total_docs=300)
    seen: list[tuple[int, int]] = []
    result = render_checklist(s, tmp_path / "p.pdf", progress=lambda d, t: seen.append((d, t)))
    assert result.pages > 5
    assert len(seen) >= result.pages - 1
    dones = [d for d, _ in seen]
    assert dones == sorted(dones)
    assert seen[-1][0] == seen[-1][1] and len({t for _, t in seen}) == 1


def test_cancel_leaves_no_file(tmp_path):
    s = build_snapshot(synthetic_framework(areas=2, criteria=3, leaves=3), total_docs=400)
    out = tmp_path / "c.pdf"
    out.write_bytes(b"previous version")
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 5

    with pytest.raises(Cancelled):
        render_checklist(s, out, cancel=cancel)
    assert out.read_bytes() == b"previous version"
    assert not list(tmp_path.glob(".*partial"))
    ev = threading.Event()
    ev.set()
    with pytest.raises(Cancelled):
        render_table(s, tmp_path / "t.pdf", cancel=ev)
    assert not (tmp_path / "t.pdf").exists()


def test_bad_snapshot_is_refused_with_a_message(tmp_path, snap):
    bad = copy.deepcopy(snap)
    bad["format"] = "something-else/9"
    with pytest.raises(ParDeskError) as exc:
        render_checklist(bad, tmp_path / "x.pdf")
    assert exc.value.key == "rep.snapshot_format"
    assert "định dạng" in exc.value.message("vi") and "format" in exc.value.message("en")
    with pytest.raises(ParDeskError):
        render_table([], tmp_path / "y.pdf")  # type: ignore[arg-type]


@needs_poppler
def test_english_forms(tmp_path, snap):
    path = render_table(snap, tmp_path / "en.pdf", lang="en").path
    text = " ".join(pdftext(path).split())
    assert "SUMMARY OF SELF-ASSESSMENT SCORES" in text and "Appraised score" in text
    assert fmt_score(snap["totals"]["total"], lang="en") in text and "Average" in text
    assert "SOCIALIST REPUBLIC OF VIET NAM" in text


@needs_poppler
def test_locked_snapshot_is_not_marked_draft_and_deputy_signs_for_the_chair(tmp_path):
    s = build_snapshot(status="locked")
    s["unit"]["leader_title"] = "Phó Chủ tịch"
    path = render_letter(s, tmp_path / "l.pdf").path
    flat = " ".join(pdftext(path).split())
    assert "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in flat
    assert "Bản nháp" not in pdftext(render_checklist(s, tmp_path / "c.pdf").path)


@needs_poppler
def test_decomposed_unicode_is_printed_composed(tmp_path):
    import unicodedata

    s = build_snapshot()
    s["unit"]["name"] = unicodedata.normalize("NFD", "Ủy ban nhân dân xã Tân Lập")
    text = pdftext(render_letter(s, tmp_path / "l.pdf").path)
    assert "ỦY BAN NHÂN DÂN" in text and "Ủy ban nhân dân xã Tân Lập" in " ".join(text.split())


@needs_poppler
@pytest.mark.parametrize("name", ["tiny-test.json", "sample-xa-2025.json"])
def test_shipped_frameworks_render(tmp_path, name):
    fw = shipped_framework(name)
    if fw is None:
        pytest.skip(f"{name} not shipped yet")
    s = build_snapshot(fw)
    for fn, landscape in ((render_checklist, True), (render_table, True)):
        path = fn(s, tmp_path / f"{fn.__name__}.pdf").path
        assert not ink_outside_margins(path, landscape)
    assert "ỦY BAN NHÂN DÂN" in pdftext(render_letter(s, tmp_path / "l.pdf").path)


def test_all_snapshot_items_in_the_table(tmp_path):
    """Every code of the framework appears in the scoring table, in order."""
    fw = small_framework()
    s = build_snapshot(fw)
    if not POPPLER:
        pytest.skip("poppler-utils not installed")
    text = pdftext(render_table(s, tmp_path / "t.pdf").path, "-layout")
    codes = [i["code"] for i in s["items"]]
    positions = []
    for code in codes:
        m = re.search(rf"(?m)^\s*{re.escape(code)}\s", text[positions[-1] if positions else 0:])
        assert m, code
        positions.append((positions[-1] if positions else 0) + m.start())


def test_receipt_qr_matches_an_independent_encoder():
    """python-qrcode, given the hash, builds the very same module matrix under one of the 8 masks.

    Two independent encoders agreeing on every module means the printed code
    carries exactly the hash (there is no QR decoder among the dependencies).
    """
    qrcode = pytest.importorskip("qrcode")
    from parDesk.reports.receipt import qr_drawing

    for value in (PKG_HASH, hashlib.sha256(b"other").hexdigest(), "0" * 64):
        ours = qr_drawing(value).modules
        matrices = []
        for mask in range(8):
            q = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, mask_pattern=mask)
            q.add_data(value)
            q.make(fit=True)
            matrices.append(q.get_matrix())
        assert ours in matrices


@needs_poppler
def test_a_heading_with_a_giant_first_row_still_lays_out(tmp_path):
    """A heading kept with a row longer than a page falls back to splitting, losing nothing."""
    s = build_snapshot()
    for item in s["items"]:
        if item["code"] == "1.1.1":
            item["evidence"][0]["subject"] = "\n".join(f"Dòng trích yếu {k}" for k in range(1, 90)) + "\n" + END_MARK
        if item["code"] == "1.1.3":
            item["explanation"] = "\n".join(f"Dòng {k}" for k in range(1, 200)) + "\n" + END_MARK
    path = render_checklist(s, tmp_path / "giant.pdf").path
    text = pdftext(path)
    assert text.count("Dòng trích yếu") == 89 and text.count(END_MARK) == 2
    assert all(f"Dòng {k}\n" in text for k in (2, 100, 199))
    assert not ink_outside_margins(path, True)


# ---------------------------------------------------------------------------
# Issue 9: not applicable is a word, a number keeps its unit, the letter's wording


@needs_poppler
def test_not_applicable_is_printed_as_a_word_and_leaves_the_maximum(tmp_path):
    fw = small_framework()
    answers = {"1.3.2": {"not_applicable": True}, "2.2.1": {"not_applicable": True},
               "1.1.1": {"inputs": {"done": True}}}
    snap = build_snapshot(fw, answers)
    for lang, word in (("vi", "Không áp dụng"), ("en", "N/A")):
        table = render_table(snap, tmp_path / f"table-{lang}.pdf", lang=lang).path
        rows = [ln.split() for ln in pdftext(table, "-layout").splitlines()]
        for code in ("1.3.2", "2.2.1"):
            row = next(r for r in rows if r and r[0] == code)
            assert word.split()[0] in row and "0" not in row[-6:], (lang, code, row)  # never "1 | 0"
        if lang == "vi":
            flat = " ".join(pdftext(table).split())
            assert "không tính vào điểm tối đa của đơn vị" in flat
    checklist = " ".join(pdftext(render_checklist(snap, tmp_path / "c.pdf").path).split())
    assert "1.3.2. Xử lý vấn đề phát hiện qua kiểm tra (tối đa 1 điểm; không áp dụng" in checklist
    # the unit's maximum is the framework's minus what is not applicable and the unfilled survey items
    assert snap["totals"]["max_applicable"] == "19"


@needs_poppler
def test_a_criterion_whose_items_are_all_not_applicable_says_so(tmp_path):
    fw = small_framework()
    snap = build_snapshot(fw, {"2.2.1": {"not_applicable": True}})
    for item in snap["items"]:  # make 2.2's other item not applicable too (as a framework might allow)
        if item["code"] == "2.2.2":
            item.update(not_applicable=True, score=None, max_applicable="0", status="not_applicable")
    rows = [ln.split() for ln in pdftext(render_table(snap, tmp_path / "t.pdf").path, "-layout").splitlines()]
    row = next(r for r in rows if r and r[0] == "2.2")
    assert "Không" in row and "0" not in row[-4:], row


@needs_poppler
@pytest.mark.parametrize("unit", ["xã A", "xã Tân Lập Mới", "xã Nậm Pồ Đông Bắc Xa", "phường Tân Lập Trung Tâm"])
def test_a_number_and_its_unit_never_break_apart(tmp_path, unit):
    """Whatever the line length, "69,4 %" and "17,35 điểm" stay on one line in every form."""
    snap = build_snapshot()
    snap["unit"]["name"] = "Ủy ban nhân dân " + unit
    snap["unit"]["short_name"] = unit
    files = [render_letter(snap, tmp_path / "l.pdf").path,
             render_receipt_sheet(snap, tmp_path / "r.pdf", PKG_HASH).path,
             render_checklist(snap, tmp_path / "c.pdf").path, render_table(snap, tmp_path / "t.pdf").path]
    for path in files:
        lines = [ln.strip() for ln in pdftext(path).splitlines() if ln.strip()]
        for a, b in itertools.pairwise(lines):
            broken = re.search(r"\d$", a) and re.match(r"(%|điểm\b|points\b)", b)
            assert not broken, (path.name, a, b)
    from parDesk.reports._common import NBSP, percent_text

    assert percent_text("94.17") == "94,17" + NBSP + "%" and percent_text("94.17", lang="en") == "94.17%"


def test_letter_names_the_framework_without_its_label():
    from parDesk.reports._common import decision_title

    assert decision_title("MẪU – Bộ Chỉ số CCHC cấp xã 2025 (không phải văn bản chính thức)") == \
        "Bộ Chỉ số CCHC cấp xã 2025"
    assert decision_title("Bộ Chỉ số cải cách hành chính cấp xã (bộ thử nghiệm)") == \
        "Bộ Chỉ số cải cách hành chính cấp xã"
    assert decision_title("Bộ Chỉ số CCHC xã, phường - Tỉnh Sơn La") == "Bộ Chỉ số CCHC xã, phường"
    assert decision_title("Bộ tiêu chí đánh giá") == "Bộ tiêu chí đánh giá"


@needs_poppler
def test_penalty_items_say_points_deducted(tmp_path, snap):
    checklist = " ".join(pdftext(render_checklist(snap, tmp_path / "c.pdf").path).split())
    assert "TR2. Bị cơ quan có thẩm quyền phê bình về CCHC (tối đa 1 điểm; số điểm bị trừ: 1 điểm)" in checklist
    table = " ".join(pdftext(render_table(snap, tmp_path / "t.pdf").path).split())
    assert "Số điểm bị trừ." in table


def test_the_report_modules_import_no_circle():
    """The font names live in their own module: the grid needs them, the layout needs the grid."""
    import ast

    folder = Path(__file__).resolve().parents[1] / "parDesk" / "reports"
    graph: dict[str, set[str]] = {}
    for path in folder.glob("*.py"):
        if path.name == "__init__.py":
            continue
        deps = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:  # module level: what runs at import
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("parDesk.reports."):
                deps.add(node.module.rsplit(".", 1)[1])
        graph[path.stem] = deps
    assert "decree30" not in graph["grid"] and "grid" in graph["decree30"]

    def reach(start: str, seen: set[str]) -> None:
        for dep in graph.get(start, ()):
            assert dep != start_module, f"import cycle through {start_module} and {start}"
            if dep not in seen:
                seen.add(dep)
                reach(dep, seen)

    for start_module in graph:
        reach(start_module, set())
