"""Each pattern family of the Decree 30 field reader, on hand-made lines (no PDF needed)."""

from __future__ import annotations

import pytest

from parDesk.intake.fields import find_date, find_number, org_case, propose
from parDesk.intake.layout import Line


def L(text: str, x0: float, y0: float, x1: float | None = None, h: float = 0.014, bold: bool | None = None) -> Line:
    return Line(text, x0, y0, x1 if x1 is not None else x0 + 0.006 * len(text), y0 + h, bold)


def header(number_text: str = "Số: 15/KH-UBND", date_text: str = "Tân Lập, ngày 10 tháng 01 năm 2025",
           left: list[tuple[str, bool | None]] | None = None) -> list[Line]:
    left = left if left is not None else [("ỦY BAN NHÂN DÂN", True), ("XÃ TÂN LẬP", True)]
    lines = [L(t, 0.12, 0.07 + 0.017 * i, 0.38, bold=b) for i, (t, b) in enumerate(left)]
    y = 0.07 + 0.017 * len(left) + 0.01
    lines += [L("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 0.46, 0.07, 0.88, bold=True),
              L("Độc lập - Tự do - Hạnh phúc", 0.55, 0.087, 0.79, bold=True),
              L(number_text, 0.18, y, 0.33), L(date_text, 0.5, y, 0.86)]
    return sorted(lines, key=lambda ln: (ln.y0, ln.x0))


@pytest.mark.parametrize("text,want", [
    ("Số: 15/KH-UBND", "15/KH-UBND"),
    ("Số 125/QĐ-UBND", "125/QĐ-UBND"),
    ("Số: 15 / KH - UBND", "15/KH-UBND"),
    ("Số:15/KH–UBND", "15/KH-UBND"),
    ("Số: 15/KH—UBND", "15/KH-UBND"),
    ("Số: 03/2025/QĐ-UBND", "03/2025/QĐ-UBND"),
    ("Số: 7/TTr-UBND", "7/TTr-UBND"),
    ("Số: 212/UBND-VP", "212/UBND-VP"),
    ("Sô: 15/KH-UBND", "15/KH-UBND"),  # OCR lost a tone mark
    ("So: 88/BC-UBND", "88/BC-UBND"),
    ("Số: 15/KH-BCĐ", "15/KH-BCĐ"),
    ("Số: 14a/TB-UBND", "14a/TB-UBND"),
])
def test_number_variants(text: str, want: str) -> None:
    assert find_number([L(text, 0.15, 0.12)])[0] == want


@pytest.mark.parametrize("text", ["Số:        /KH-UBND", "Số: …/KH-UBND", "Số:", "Số: /UBND-VP"])
def test_blank_number_is_not_invented(text: str) -> None:
    assert find_number([L(text, 0.15, 0.12)])[0] == ""


@pytest.mark.parametrize("text,want", [
    ("Tân Lập, ngày 10 tháng 01 năm 2025", "2025-01-10"),
    ("Hòa Bình, ngày 5 tháng 3 năm 2026", "2026-03-05"),
    ("Tân Lập, ngay 10 thang 01 nam 2025", "2025-01-10"),  # OCR without diacritics
    ("Tân Lập, ngày 10tháng 01 năm 2025", "2025-01-10"),
    ("Côn Đảo, ngày 28 tháng 12 năm 2024", "2024-12-28"),
])
def test_date_variants(text: str, want: str) -> None:
    assert find_date([L(text, 0.5, 0.12)])[0] == want


@pytest.mark.parametrize("text", [
    "Tân Lập, ngày    tháng    năm 2025",  # left for the clerk to write by hand
    "Tân Lập, ngày … tháng … năm 2025",
    "Tân Lập, ngày 31 tháng 02 năm 2025",  # no such day
    "Tân Lập, ngày   tháng 3 năm 2025",  # day missing
    "Tân Lập, tháng 3 năm 2025",
])
def test_date_is_never_invented(text: str) -> None:
    assert find_date([L(text, 0.5, 0.12)])[0] == ""


@pytest.mark.parametrize("upper,want", [
    ("ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "Ủy ban nhân dân xã Tân Lập"),
    ("UỶ BAN NHÂN DÂN PHƯỜNG HÒA BÌNH", "Ủy ban nhân dân phường Hòa Bình"),
    ("ỦY BAN NHÂN DÂN THỊ TRẤN PHÚ MINH", "Ủy ban nhân dân thị trấn Phú Minh"),
    ("ỦY BAN NHÂN DÂN ĐẶC KHU CÔN ĐẢO", "Ủy ban nhân dân đặc khu Côn Đảo"),
    ("SỞ NỘI VỤ", "Sở Nội vụ"),
    ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở Khoa học và Công nghệ"),
    ("VĂN PHÒNG ỦY BAN NHÂN DÂN", "Văn phòng Ủy ban nhân dân"),
    ("PHÒNG NỘI VỤ", "Phòng Nội vụ"),
    ("BAN CHỈ ĐẠO", "Ban Chỉ đạo"),
    ("HỘI ĐỒNG NHÂN DÂN XÃ ĐÔNG SƠN", "Hội đồng nhân dân xã Đông Sơn"),
])
def test_org_case(upper: str, want: str) -> None:
    assert org_case(upper) == want


@pytest.mark.parametrize("left,issuer,gov", [
    ([("ỦY BAN NHÂN DÂN", True), ("XÃ TÂN LẬP", True)], "Ủy ban nhân dân xã Tân Lập", ""),
    ([("ỦY BAN NHÂN DÂN XÃ TÂN LẬP", True)], "Ủy ban nhân dân xã Tân Lập", ""),
    ([("ỦY BAN NHÂN DÂN TỈNH MẪU", False), ("SỞ NỘI VỤ", True)], "Sở Nội vụ", "Ủy ban nhân dân tỉnh Mẫu"),
    # OCR: no weight known; the body kinds split the block.
    ([("ỦY BAN NHÂN DÂN TỈNH MẪU", None), ("SỞ TƯ PHÁP", None)], "Sở Tư pháp", "Ủy ban nhân dân tỉnh Mẫu"),
    ([("ỦY BAN NHÂN DÂN HUYỆN", None), ("ĐÔNG ANH", None), ("PHÒNG NỘI VỤ", None)], "Phòng Nội vụ",
     "Ủy ban nhân dân huyện Đông Anh"),
    ([("ỦY BAN NHÂN DÂN", None), ("XÃ ĐÔNG SƠN", None)], "Ủy ban nhân dân xã Đông Sơn", ""),
    ([("UBND THÀNH PHỐ LONG XUYÊN", False), ("ỦY BAN NHÂN DÂN", True), ("PHƯỜNG MỸ BÌNH", True)],
     "Ủy ban nhân dân phường Mỹ Bình", "UBND thành phố Long Xuyên"),
])
def test_issuer_from_the_left_header(left: list[tuple[str, bool | None]], issuer: str, gov: str) -> None:
    p = propose(header(left=left))
    assert p.issuer == issuer
    assert p.governing_body == gov


def test_plan_with_two_line_subject() -> None:
    lines = header() + [L("KẾ HOẠCH", 0.44, 0.22, 0.56, bold=True),
                        L("Kiểm tra công tác cải cách hành chính năm 2025 đối với các bộ phận", 0.2, 0.24, 0.8),
                        L("chuyên môn và thôn, tổ dân phố", 0.36, 0.257, 0.64),
                        L("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;", 0.12, 0.3, 0.9)]
    p = propose(sorted(lines, key=lambda ln: (ln.y0, ln.x0)))
    assert (p.doc_type, p.subject) == ("Kế hoạch", "Kiểm tra công tác cải cách hành chính năm 2025 đối với các bộ "
                                                   "phận chuyên môn và thôn, tổ dân phố")
    assert p.full_subject().startswith("Kế hoạch kiểm tra công tác")


def test_decision_subject_stops_at_the_issuing_authority() -> None:
    lines = header("Số: 125/QĐ-UBND") + [
        L("QUYẾT ĐỊNH", 0.43, 0.22, 0.57, bold=True),
        L("Về việc thành lập Tổ kiểm tra công vụ năm 2025", 0.27, 0.24, 0.73),
        L("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN LẬP", 0.3, 0.27, 0.7, bold=True)]
    p = propose(lines)
    assert (p.number, p.doc_type, p.subject) == ("125/QĐ-UBND", "Quyết định",
                                                  "Về việc thành lập Tổ kiểm tra công vụ năm 2025")


def test_letter_subject_under_the_number() -> None:
    lines = header("Số: 212/UBND-VP") + [
        L("V/v báo cáo kết quả thực hiện nhiệm vụ", 0.13, 0.142, 0.37),
        L("cải cách hành chính năm 2025", 0.17, 0.157, 0.33),
        L("Kính gửi: Sở Nội vụ tỉnh Mẫu.", 0.35, 0.19, 0.65)]
    p = propose(sorted(lines, key=lambda ln: (ln.y0, ln.x0)))
    assert p.doc_type == "Công văn"
    assert p.subject == "V/v báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính năm 2025"
    assert p.full_subject() == p.subject


def test_nothing_proposed_for_a_page_that_is_not_an_administrative_document() -> None:
    lines = [L("Ảnh chụp buổi tuyên truyền tại nhà văn hóa thôn 3", 0.1, 0.1, 0.9),
             L("Người chụp: Nguyễn Văn A", 0.1, 0.15, 0.5)]
    p = propose(lines)
    assert (p.number, p.issued_date, p.issuer, p.doc_type, p.subject) == ("", "", "", "", "")


def test_issuer_run_on_into_the_country_name_is_cut() -> None:
    lines = [L("ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠNCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 0.09, 0.056, 0.84, bold=True),
             L("Độc lập - Tự do - Hạnh phúc", 0.5, 0.077, 0.76, bold=True),
             L("Số: 350/QĐ-UBND", 0.18, 0.09, 0.34), L("Đông Sơn, ngày 14 tháng 02 năm 2025", 0.47, 0.09, 0.8)]
    assert propose(lines).issuer == "Ủy ban nhân dân xã Đông Sơn"


@pytest.mark.parametrize("read,want", [
    ("162/TIr-UBND", "162/TTr-UBND"), ("155/TTT-VP", "155/TTr-VP"), ("123/CIr-PNV", "123/CTr-PNV"),
    ("15/KH-UBND", "15/KH-UBND"), ("03/2025/QĐ-UBND", "03/2025/QĐ-UBND"), ("7/XYZ-UBND", "7/XYZ-UBND"),
    # a serif split off as an extra stroke: only the one code it can be
    ("195/CTIr-UBND", "195/CTr-UBND"), ("20/KlH-UBND", "20/KH-UBND"), ("31/BIC-UBND", "31/BC-UBND"),
    ("255/TTTr-BCĐ", "255/TTr-BCĐ"), ("52/QĐĐ-UBND", "52/QĐ-UBND"), ("7/KHH-UBND", "7/KH-UBND"),
    ("8/AIB-UBND", "8/AIB-UBND"),  # no code fits: kept as read
])
def test_ocr_number_lookalikes(read: str, want: str) -> None:
    from parDesk.intake.ocrfix import fix_number

    assert fix_number(read) == want


def test_ocr_foreign_lookalikes_become_vietnamese() -> None:
    from parDesk.intake.ocr import _vietnamese

    assert _vietnamese("Số: 52/QĐ\u00d0-UBND, \u00f0ã") == "Số: 52/QĐĐ-UBND, đã"
    assert _vietnamese("Ủy ban nhân dân") == "Ủy ban nhân dân"


@pytest.mark.parametrize("read,want", [
    ("thôn, tổ dần phố", "thôn, tổ dân phố"), ("đề nghị thấm định", "đề nghị thẩm định"),
    ("Tổ kiếm tra công vụ", "Tổ kiểm tra công vụ"), ("bộ phận chuyền môn", "bộ phận chuyên môn"),
    ("quý TII năm 2025", "quý III năm 2025"), ("quý IH năm 2026", "quý III năm 2026"),
    ("quý HI năm 2026", "quý III năm 2026"), ("quý lI năm 2024", "quý II năm 2024"),
    ("quý IHI năm 2025", "quý III năm 2025"),
    ("quý IV năm 2025", "quý IV năm 2025"),
    ("phòng chống HIV năm 2025", "phòng chống HIV năm 2025"),  # not a numeral once merged: kept
    ("Chuyển đối số và phát triển", "Chuyển đổi số và phát triển"),
    ("Cải cách hành chính năm 2025", "Cải cách hành chính năm 2025"),  # right words stay
    ("Xyzabc qwerty", "Xyzabc qwerty"),  # unknown words stay as read
])
def test_ocr_word_repairs(read: str, want: str) -> None:
    from parDesk.intake.ocrfix import fix_words

    assert fix_words(read) == want
