"""Generate ``sample-xa-2025.json``, the SAMPLE commune framework shipped with parDesk.

The sample is modelled on the public structure of the post-2025 commune
frameworks (eight areas plus bonus and penalty points, e.g. Hà Nội
5666/QĐ-UBND) but is NOT an official document: titles, points and rules are
illustrative. Run from anywhere::

    python resources/frameworks/_make_sample.py

The script checks the sums itself and then validates the written file with
``parDesk.models.framework.load_framework`` when parDesk is importable. The
JSON file is committed; re-run this script only to change the sample.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "sample-xa-2025.json"


# ---------------------------------------------------------------------------
# Small builders. Points are written as strings here and turned into JSON
# numbers on output (exact: JSON numbers are read as decimals by the loader).


def _num(value: str) -> int | float:
    d = Decimal(value)
    return int(d) if d == d.to_integral_value() else float(value)


def leaf(code: str, title: str, mx: str, rule: dict[str, Any], hints: list[str] | None = None, *,
         guidance: str = "", na: bool = False, self_scored: bool | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {"code": code, "title": title, "max": mx, "rule": rule}
    if self_scored is not None:
        d["self_scored"] = self_scored
    if na:
        d["can_be_na"] = True
    d["evidence_hints"] = hints or []
    if guidance:
        d["guidance"] = guidance
    return d


def node(code: str, title: str, children: list[dict[str, Any]]) -> dict[str, Any]:
    total = sum((Decimal(str(c["max"])) for c in children), Decimal(0))
    return {"code": code, "title": title, "max": format(total.normalize(), "f"), "children": children}


def yes_no(desc: str) -> dict[str, Any]:
    return {"kind": "yes_no", "description": desc}


def tiers(desc: str, num: str, den: str, steps: list[tuple[str, str]], else_points: str = "0",
          zero: str = "max") -> dict[str, Any]:
    return {"kind": "ratio_tiers", "description": desc, "numerator_label": num, "denominator_label": den,
            "zero_denominator": zero,
            "tiers": [{"min_percent": p, "points": pts} for p, pts in steps], "else_points": else_points}


def prop(desc: str, num: str, den: str, zero: str = "max", rounding: dict[str, Any] | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {"kind": "proportional", "description": desc, "numerator_label": num,
                         "denominator_label": den, "zero_denominator": zero}
    if rounding is not None:
        d["rounding"] = rounding
    return d


def levels(desc: str, items: list[tuple[str, str, str]]) -> dict[str, Any]:
    return {"kind": "levels", "description": desc,
            "levels": [{"id": i, "label": label, "points": pts} for i, label, pts in items]}


def manual(desc: str, step: str = "0.25") -> dict[str, Any]:
    return {"kind": "manual", "description": desc, "step": step}


def deductions(desc: str, per: str, label: str, floor: str = "0") -> dict[str, Any]:
    return {"kind": "deductions", "description": desc, "per_violation": per, "floor": floor,
            "violation_label": label}


def survey(desc: str) -> dict[str, Any]:
    return {"kind": "survey", "description": desc}


def survey_leaf(code: str, title: str, mx: str, desc: str) -> dict[str, Any]:
    return leaf(code, title, mx, survey(desc), [], self_scored=False)


HALF_UP_2 = {"places": 2, "mode": "half_up"}
DOWN_2 = {"places": 2, "mode": "down"}
TTHC_SYS = "Báo cáo tình hình, kết quả giải quyết TTHC trích xuất từ Hệ thống thông tin giải quyết TTHC của tỉnh"
KY_BAO_CAO = "Kỳ số liệu: từ ngày 15/12/2024 đến ngày 14/12/2025."


# ---------------------------------------------------------------------------
# Area 1 — 10 points

area1 = node("1", "Công tác chỉ đạo, điều hành cải cách hành chính", [
    node("1.1", "Kế hoạch cải cách hành chính năm", [
        leaf("1.1.1", "Ban hành Kế hoạch CCHC năm đúng thời hạn", "0.5",
             yes_no("Ban hành trước ngày 31/12/2024: 0,5 điểm; ban hành sau thời hạn hoặc không ban hành: 0 điểm."),
             ["Kế hoạch CCHC năm 2025 của UBND xã"]),
        leaf("1.1.2", "Mức độ thực hiện Kế hoạch CCHC năm", "1",
             tiers("Hoàn thành 100% nhiệm vụ: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm.",
                   "Số nhiệm vụ đã hoàn thành", "Tổng số nhiệm vụ trong Kế hoạch CCHC năm",
                   [("100", "1"), ("80", "0.5")]),
             ["Kế hoạch CCHC năm 2025 của UBND xã", "Báo cáo CCHC năm 2025 (phụ lục kết quả thực hiện nhiệm vụ)"],
             guidance="Nhiệm vụ được tính là hoàn thành khi có sản phẩm cụ thể (văn bản, báo cáo, kết quả) "
                      "trong năm đánh giá. Nhiệm vụ điều chỉnh, bổ sung phải có văn bản của UBND xã."),
        leaf("1.1.3", "Ban hành Kế hoạch tuyên truyền CCHC năm", "0.5",
             yes_no("Có kế hoạch tuyên truyền riêng hoặc nội dung tuyên truyền trong Kế hoạch CCHC: 0,5 điểm."),
             ["Kế hoạch tuyên truyền CCHC năm 2025 của UBND xã"]),
    ]),
    node("1.2", "Báo cáo cải cách hành chính", [
        leaf("1.2.1", "Thực hiện đầy đủ, đúng thời hạn báo cáo CCHC định kỳ", "1",
             deductions("Mỗi báo cáo chậm thời hạn hoặc thiếu nội dung theo đề cương: trừ 0,25 điểm.", "0.25",
                        "Số báo cáo chậm hoặc thiếu nội dung"),
             ["Báo cáo CCHC quý I, 6 tháng, quý III và năm 2025 của UBND xã",
              "Văn bản đôn đốc của Sở Nội vụ (nếu có)"]),
        leaf("1.2.2", "Thực hiện báo cáo chuyên đề, đột xuất về CCHC theo yêu cầu", "0.5",
             yes_no("Thực hiện đầy đủ, đúng hạn các báo cáo chuyên đề, đột xuất: 0,5 điểm."),
             ["Báo cáo chuyên đề, đột xuất về CCHC năm 2025"], na=True),
    ]),
    node("1.3", "Kiểm tra công tác cải cách hành chính", [
        leaf("1.3.1", "Ban hành Kế hoạch kiểm tra CCHC đối với các bộ phận chuyên môn, thôn, tổ dân phố", "0.5",
             yes_no("Có kế hoạch kiểm tra CCHC năm (riêng hoặc lồng ghép): 0,5 điểm."),
             ["Kế hoạch kiểm tra CCHC năm 2025 của UBND xã"]),
        leaf("1.3.2", "Tỷ lệ bộ phận, thôn, tổ dân phố được kiểm tra so với Kế hoạch", "0.5",
             prop("Điểm = 0,5 × số đã kiểm tra / số theo kế hoạch.", "Số bộ phận, thôn, tổ dân phố đã kiểm tra",
                  "Số bộ phận, thôn, tổ dân phố phải kiểm tra theo Kế hoạch", rounding=HALF_UP_2),
             ["Kế hoạch kiểm tra CCHC năm 2025", "Biên bản, thông báo kết quả kiểm tra CCHC"]),
        leaf("1.3.3", "Xử lý các vấn đề phát hiện qua kiểm tra", "0.5",
             tiers("Xử lý 100% vấn đề phát hiện: 0,5 điểm; từ 80% đến dưới 100%: 0,25 điểm; dưới 80%: 0 điểm. "
                   "Không phát hiện vấn đề nào: 0,5 điểm.",
                   "Số vấn đề đã xử lý hoặc kiến nghị xử lý", "Số vấn đề phát hiện qua kiểm tra",
                   [("100", "0.5"), ("80", "0.25")]),
             ["Báo cáo kết quả kiểm tra CCHC năm 2025", "Văn bản chỉ đạo khắc phục sau kiểm tra"]),
    ]),
    node("1.4", "Công tác tuyên truyền cải cách hành chính", [
        leaf("1.4.1", "Mức độ thực hiện Kế hoạch tuyên truyền CCHC", "1",
             levels("Chọn mức đúng với kết quả thực hiện.", [
                 ("hoan_thanh", "Hoàn thành 100% nội dung Kế hoạch", "1"),
                 ("tren_80", "Hoàn thành từ 80% đến dưới 100%", "0.5"),
                 ("duoi_80", "Hoàn thành dưới 80%", "0"),
             ]),
             ["Báo cáo kết quả tuyên truyền CCHC năm 2025", "Ảnh, tin bài trên Trang thông tin điện tử của xã"]),
        leaf("1.4.2", "Đa dạng hóa hình thức tuyên truyền CCHC", "0.5",
             manual("Mỗi hình thức (hội nghị, loa truyền thanh, Trang thông tin điện tử, mạng xã hội, "
                    "cuộc thi…) được 0,25 điểm; tối đa 0,5 điểm."),
             ["Tin, bài, ảnh chụp các hình thức tuyên truyền"]),
    ]),
    node("1.5", "Sáng kiến, giải pháp mới trong cải cách hành chính", [
        leaf("1.5.1", "Có sáng kiến hoặc giải pháp mới trong CCHC được áp dụng", "1",
             levels("Chọn cấp công nhận cao nhất đạt được trong năm.", [
                 ("cap_tinh", "Được cấp tỉnh công nhận, nhân rộng", "1"),
                 ("cap_xa", "Được UBND xã công nhận và áp dụng hiệu quả", "0.5"),
                 ("khong", "Không có sáng kiến, giải pháp mới", "0"),
             ]),
             ["Quyết định công nhận sáng kiến", "Báo cáo đánh giá hiệu quả áp dụng sáng kiến"]),
    ]),
    node("1.6", "Thực hiện nhiệm vụ UBND tỉnh giao", [
        leaf("1.6.1", "Tỷ lệ nhiệm vụ UBND tỉnh giao về CCHC hoàn thành đúng hạn", "1.5",
             tiers("Hoàn thành 100% đúng hạn: 1,5 điểm; từ 90% đến dưới 100%: 0,75 điểm; dưới 90%: 0 điểm.",
                   "Số nhiệm vụ hoàn thành đúng hạn", "Tổng số nhiệm vụ được giao",
                   [("100", "1.5"), ("90", "0.75")]),
             ["Danh mục nhiệm vụ UBND tỉnh giao trên Hệ thống theo dõi nhiệm vụ",
              "Báo cáo kết quả thực hiện nhiệm vụ được giao năm 2025"],
             guidance="Số liệu lấy từ Hệ thống theo dõi nhiệm vụ của tỉnh tại thời điểm 14/12/2025."),
        leaf("1.6.2", "Thực hiện chỉ đạo, chấn chỉnh của UBND tỉnh, Sở Nội vụ về CCHC", "1",
             deductions("Mỗi văn bản nhắc nhở, phê bình do chậm thực hiện: trừ 0,5 điểm.", "0.5",
                        "Số văn bản nhắc nhở, phê bình"),
             ["Văn bản chỉ đạo của UBND tỉnh, Sở Nội vụ", "Văn bản báo cáo kết quả thực hiện của UBND xã"]),
    ]),
])

# ---------------------------------------------------------------------------
# Area 2 — 8 points

area2 = node("2", "Cải cách thể chế", [
    node("2.1", "Xây dựng, ban hành văn bản quy phạm pháp luật", [
        leaf("2.1.1", "Mức độ thực hiện Kế hoạch ban hành văn bản QPPL của HĐND, UBND xã", "1",
             tiers("Ban hành 100% văn bản theo Kế hoạch: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm. "
                   "Không có văn bản phải ban hành: 1 điểm.",
                   "Số văn bản QPPL đã ban hành", "Số văn bản QPPL phải ban hành theo Kế hoạch",
                   [("100", "1"), ("80", "0.5")]),
             ["Danh mục văn bản QPPL dự kiến ban hành năm 2025", "Các văn bản QPPL đã ban hành"]),
        leaf("2.1.2", "Thực hiện đúng quy trình xây dựng, ban hành văn bản QPPL", "1",
             deductions("Mỗi văn bản không thực hiện đúng quy trình (lấy ý kiến, thẩm định, đăng công báo): "
                        "trừ 0,25 điểm.", "0.25", "Số văn bản sai quy trình"),
             ["Hồ sơ dự thảo văn bản QPPL", "Báo cáo thẩm định của công chức Tư pháp - Hộ tịch"],
             na=True, guidance="Chọn 'Không áp dụng' nếu trong năm xã không ban hành văn bản QPPL nào."),
        leaf("2.1.3", "Ban hành Kế hoạch tự kiểm tra, rà soát văn bản QPPL", "1",
             yes_no("Có kế hoạch và thực hiện tự kiểm tra văn bản QPPL do xã ban hành: 1 điểm."),
             ["Kế hoạch tự kiểm tra, rà soát văn bản QPPL năm 2025"]),
    ]),
    node("2.2", "Rà soát, hệ thống hóa văn bản QPPL", [
        leaf("2.2.1", "Ban hành Kế hoạch rà soát, hệ thống hóa văn bản QPPL", "0.5",
             yes_no("Ban hành kế hoạch đúng thời hạn: 0,5 điểm."),
             ["Kế hoạch rà soát, hệ thống hóa văn bản QPPL năm 2025"]),
        leaf("2.2.2", "Xử lý văn bản sau rà soát (sửa đổi, bổ sung, thay thế, bãi bỏ)", "1",
             prop("Điểm = 1 × số văn bản đã xử lý / số văn bản phải xử lý theo kết quả rà soát.",
                  "Số văn bản đã xử lý hoặc kiến nghị xử lý", "Số văn bản phải xử lý sau rà soát",
                  rounding=HALF_UP_2),
             ["Báo cáo kết quả rà soát, hệ thống hóa văn bản QPPL", "Văn bản sửa đổi, bổ sung, bãi bỏ"]),
    ]),
    node("2.3", "Tổ chức thi hành pháp luật", [
        leaf("2.3.1", "Ban hành Kế hoạch theo dõi tình hình thi hành pháp luật", "0.5",
             yes_no("Có kế hoạch theo dõi tình hình thi hành pháp luật năm 2025: 0,5 điểm."),
             ["Kế hoạch theo dõi tình hình thi hành pháp luật năm 2025"]),
        leaf("2.3.2", "Kết quả phổ biến, giáo dục pháp luật", "1",
             levels("Chọn mức hoàn thành Kế hoạch phổ biến, giáo dục pháp luật.", [
                 ("hoan_thanh", "Hoàn thành 100% Kế hoạch", "1"),
                 ("mot_phan", "Hoàn thành từ 80% đến dưới 100%", "0.5"),
                 ("khong_dat", "Hoàn thành dưới 80%", "0"),
             ]),
             ["Kế hoạch phổ biến, giáo dục pháp luật năm 2025", "Báo cáo kết quả phổ biến, giáo dục pháp luật"]),
        leaf("2.3.3", "Thực hiện xử lý vi phạm hành chính trên địa bàn", "0.5",
             manual("Đánh giá mức độ kịp thời, đúng thẩm quyền; chấm theo bước 0,25 điểm."),
             ["Sổ theo dõi xử lý vi phạm hành chính", "Báo cáo công tác xử lý vi phạm hành chính năm 2025"]),
    ]),
    node("2.4", "Kiểm tra, xử lý văn bản", [
        leaf("2.4.1", "Thực hiện tự kiểm tra văn bản do HĐND, UBND xã ban hành", "0.5",
             yes_no("Có báo cáo kết quả tự kiểm tra văn bản: 0,5 điểm."),
             ["Báo cáo kết quả tự kiểm tra văn bản năm 2025"]),
        leaf("2.4.2", "Tỷ lệ văn bản trái pháp luật phát hiện được xử lý", "1",
             tiers("Xử lý 100%: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm. "
                   "Không phát hiện văn bản trái pháp luật: 1 điểm.",
                   "Số văn bản trái pháp luật đã xử lý", "Số văn bản trái pháp luật phát hiện",
                   [("100", "1"), ("80", "0.5")]),
             ["Kết luận kiểm tra văn bản của cơ quan có thẩm quyền", "Văn bản xử lý văn bản trái pháp luật"]),
    ]),
])

# ---------------------------------------------------------------------------
# Area 3 — 16 points (uses the optional fourth level in 3.1.1)

area3 = node("3", "Cải cách thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông", [
    node("3.1", "Công bố, công khai thủ tục hành chính", [
        node("3.1.1", "Niêm yết, công khai thủ tục hành chính", [
            leaf("3.1.1.1", "Công khai đầy đủ, kịp thời TTHC tại Bộ phận Một cửa", "0.5",
                 yes_no("Niêm yết đầy đủ danh mục và nội dung TTHC thuộc thẩm quyền: 0,5 điểm."),
                 ["Ảnh chụp khu vực niêm yết TTHC tại Bộ phận Một cửa", "Biên bản kiểm tra công khai TTHC"]),
            leaf("3.1.1.2", "Công khai TTHC trên Trang thông tin điện tử của xã", "0.5",
                 yes_no("Có chuyên mục TTHC được cập nhật đầy đủ: 0,5 điểm."),
                 ["Ảnh chụp màn hình chuyên mục TTHC trên Trang thông tin điện tử của xã"]),
            leaf("3.1.1.3", "Công khai địa chỉ tiếp nhận phản ánh, kiến nghị về quy định hành chính", "0.5",
                 yes_no("Công khai đúng mẫu, đúng nơi quy định: 0,5 điểm."),
                 ["Ảnh chụp bảng công khai địa chỉ tiếp nhận phản ánh, kiến nghị"]),
        ]),
        leaf("3.1.2", "Tỷ lệ TTHC được cập nhật, công khai đúng hạn sau khi có Quyết định công bố", "1.5",
             tiers("Đạt 100%: 1,5 điểm; từ 90% đến dưới 100%: 0,75 điểm; dưới 90%: 0 điểm.",
                   "Số TTHC công khai đúng hạn", "Số TTHC được công bố mới, sửa đổi, bổ sung trong năm",
                   [("100", "1.5"), ("90", "0.75")]),
             ["Quyết định công bố danh mục TTHC của Chủ tịch UBND tỉnh", "Sổ theo dõi cập nhật, công khai TTHC"]),
    ]),
    node("3.2", "Rà soát, đơn giản hóa thủ tục hành chính", [
        leaf("3.2.1", "Ban hành Kế hoạch rà soát, đánh giá TTHC", "0.5",
             yes_no("Ban hành kế hoạch rà soát TTHC năm 2025: 0,5 điểm."),
             ["Kế hoạch rà soát, đánh giá TTHC năm 2025 của UBND xã"]),
        leaf("3.2.2", "Thực hiện Kế hoạch rà soát, đề xuất phương án đơn giản hóa TTHC", "1",
             levels("Chọn mức thực hiện.", [
                 ("co_phuong_an", "Hoàn thành rà soát và có phương án đơn giản hóa được cấp trên chấp thuận", "1"),
                 ("hoan_thanh", "Hoàn thành rà soát đúng Kế hoạch, chưa có phương án được chấp thuận", "0.5"),
                 ("khong", "Không hoàn thành Kế hoạch", "0"),
             ]),
             ["Báo cáo kết quả rà soát TTHC", "Văn bản đề xuất phương án đơn giản hóa TTHC"]),
    ]),
    node("3.3", "Kết quả giải quyết thủ tục hành chính", [
        leaf("3.3.1", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "2",
             tiers("Đạt 100%: 2 điểm; từ 90% đến dưới 100%: 1 điểm; dưới 90%: 0 điểm.",
                   "Số hồ sơ giải quyết trước hạn và đúng hạn", "Tổng số hồ sơ đã giải quyết",
                   [("100", "2"), ("90", "1")]),
             [TTHC_SYS, "Báo cáo CCHC năm 2025 (phần kết quả giải quyết TTHC)"],
             guidance=KY_BAO_CAO + " Hồ sơ đúng hạn gồm hồ sơ giải quyết trước hạn và đúng hạn; "
                      "không tính hồ sơ rút, hồ sơ trả lại do không đủ điều kiện."),
        leaf("3.3.2", "Tỷ lệ hồ sơ giải quyết quá hạn có văn bản xin lỗi người dân, tổ chức", "1",
             tiers("Đạt 100%: 1 điểm; dưới 100%: 0 điểm. Không có hồ sơ quá hạn: 1 điểm.",
                   "Số hồ sơ quá hạn có phiếu xin lỗi, hẹn lại ngày trả kết quả", "Số hồ sơ giải quyết quá hạn",
                   [("100", "1")]),
             ["Phiếu xin lỗi và hẹn lại ngày trả kết quả", TTHC_SYS]),
        leaf("3.3.3", "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC", "1",
             prop("Điểm = 1 × số hồ sơ được số hóa / tổng số hồ sơ tiếp nhận.",
                  "Số hồ sơ được số hóa hồ sơ và kết quả", "Tổng số hồ sơ tiếp nhận", rounding=HALF_UP_2),
             [TTHC_SYS]),
        leaf("3.3.4", "Tỷ lệ hồ sơ nhóm TTHC liên thông (khai sinh, thường trú, cấp thẻ BHYT cho trẻ em "
                      "dưới 6 tuổi) giải quyết đúng hạn", "1",
             tiers("Đạt 100%: 1 điểm; từ 90% đến dưới 100%: 0,5 điểm; dưới 90%: 0 điểm.",
                   "Số hồ sơ liên thông giải quyết đúng hạn", "Tổng số hồ sơ liên thông đã giải quyết",
                   [("100", "1"), ("90", "0.5")]),
             ["Báo cáo kết quả giải quyết nhóm TTHC liên thông trên Cổng Dịch vụ công quốc gia"], na=True,
             guidance="Chọn 'Không áp dụng' nếu xã chưa được giao thực hiện nhóm TTHC liên thông này."),
        leaf("3.3.5", "Cập nhật, đồng bộ hồ sơ TTHC trên Hệ thống thông tin giải quyết TTHC của tỉnh", "1",
             deductions("Mỗi trường hợp tiếp nhận, giải quyết hồ sơ ngoài Hệ thống: trừ 0,25 điểm.", "0.25",
                        "Số hồ sơ không cập nhật trên Hệ thống"),
             ["Văn bản thông báo kết quả kiểm tra, giám sát của Sở Nội vụ, Văn phòng UBND tỉnh"]),
    ]),
    node("3.4", "Thực hiện cơ chế một cửa, một cửa liên thông", [
        leaf("3.4.1", "Bộ phận Một cửa đáp ứng yêu cầu về cơ sở vật chất, trang thiết bị", "1",
             levels("Chọn mức đáp ứng theo tiêu chuẩn quy định.", [
                 ("day_du", "Đáp ứng đầy đủ", "1"),
                 ("co_ban", "Đáp ứng cơ bản, còn thiếu một số trang thiết bị", "0.5"),
                 ("khong", "Không đáp ứng", "0"),
             ]),
             ["Quyết định thành lập, kiện toàn Bộ phận Một cửa", "Danh mục trang thiết bị tại Bộ phận Một cửa"]),
        leaf("3.4.2", "Bố trí công chức làm việc tại Bộ phận Một cửa đúng quy định", "0.5",
             yes_no("Bố trí đủ, đúng tiêu chuẩn: 0,5 điểm."),
             ["Quyết định cử công chức làm việc tại Bộ phận Một cửa"]),
        leaf("3.4.3", "Tỷ lệ TTHC tiếp nhận, trả kết quả không phụ thuộc vào địa giới hành chính", "1",
             prop("Điểm = 1 × số TTHC thực hiện được / số TTHC thuộc danh mục được công bố.",
                  "Số TTHC đã triển khai không phụ thuộc địa giới hành chính",
                  "Số TTHC thuộc danh mục công bố", rounding=DOWN_2),
             ["Quyết định công bố danh mục TTHC không phụ thuộc địa giới hành chính", TTHC_SYS], na=True),
        leaf("3.4.4", "Tỷ lệ hồ sơ tiếp nhận, trả kết quả qua dịch vụ bưu chính công ích", "0.5",
             prop("Điểm = 0,5 × số hồ sơ qua bưu chính công ích / tổng số hồ sơ tiếp nhận.",
                  "Số hồ sơ qua dịch vụ bưu chính công ích", "Tổng số hồ sơ tiếp nhận"),
             [TTHC_SYS]),
    ]),
    node("3.5", "Tiếp nhận, xử lý phản ánh, kiến nghị", [
        leaf("3.5.1", "Tỷ lệ phản ánh, kiến nghị của cá nhân, tổ chức được xử lý đúng hạn", "1.5",
             tiers("Đạt 100%: 1,5 điểm; từ 90% đến dưới 100%: 0,75 điểm; dưới 90%: 0 điểm. "
                   "Không có phản ánh, kiến nghị: 1,5 điểm.",
                   "Số phản ánh, kiến nghị xử lý đúng hạn", "Tổng số phản ánh, kiến nghị tiếp nhận",
                   [("100", "1.5"), ("90", "0.75")]),
             ["Sổ theo dõi tiếp nhận, xử lý phản ánh, kiến nghị", "Văn bản trả lời phản ánh, kiến nghị"]),
        leaf("3.5.2", "Công khai kết quả xử lý phản ánh, kiến nghị", "0.5",
             yes_no("Công khai đầy đủ kết quả xử lý: 0,5 điểm."),
             ["Ảnh chụp màn hình trang công khai kết quả xử lý phản ánh, kiến nghị"]),
        leaf("3.5.3", "Phản ánh về thái độ, tác phong của công chức Bộ phận Một cửa được xác minh là đúng", "0.5",
             deductions("Mỗi phản ánh được xác minh là đúng: trừ 0,25 điểm.", "0.25",
                        "Số phản ánh được xác minh là đúng"),
             ["Văn bản xác minh, kết luận nội dung phản ánh"]),
    ]),
])

# ---------------------------------------------------------------------------
# Area 4 — 8 points

area4 = node("4", "Cải cách tổ chức bộ máy hành chính nhà nước", [
    node("4.1", "Sắp xếp, kiện toàn tổ chức bộ máy", [
        leaf("4.1.1", "Ban hành Quy chế làm việc của UBND xã", "1",
             yes_no("Ban hành, sửa đổi Quy chế làm việc phù hợp quy định mới: 1 điểm."),
             ["Quyết định ban hành Quy chế làm việc của UBND xã"]),
        leaf("4.1.2", "Kiện toàn các phòng chuyên môn, đơn vị sự nghiệp công lập thuộc UBND xã theo quy định", "1",
             levels("Chọn mức thực hiện.", [
                 ("day_du", "Kiện toàn đầy đủ, đúng thời hạn", "1"),
                 ("cham", "Kiện toàn đầy đủ nhưng chậm thời hạn", "0.5"),
                 ("chua", "Chưa kiện toàn", "0"),
             ]),
             ["Quyết định thành lập, kiện toàn phòng chuyên môn, đơn vị sự nghiệp",
              "Quyết định quy định chức năng, nhiệm vụ, quyền hạn"]),
        leaf("4.1.3", "Tỷ lệ thôn, tổ dân phố đạt tiêu chuẩn về quy mô số hộ gia đình", "1",
             prop("Điểm = 1 × số thôn, tổ dân phố đạt tiêu chuẩn / tổng số thôn, tổ dân phố.",
                  "Số thôn, tổ dân phố đạt tiêu chuẩn", "Tổng số thôn, tổ dân phố", rounding=HALF_UP_2),
             ["Nghị quyết của HĐND tỉnh về sắp xếp thôn, tổ dân phố", "Báo cáo số hộ gia đình theo thôn, tổ dân phố"]),
    ]),
    node("4.2", "Quản lý biên chế", [
        leaf("4.2.1", "Số lượng cán bộ, công chức không vượt số lượng được giao", "1",
             yes_no("Không vượt số lượng được giao: 1 điểm; vượt: 0 điểm."),
             ["Quyết định giao số lượng cán bộ, công chức của UBND tỉnh", "Báo cáo số lượng cán bộ, công chức"]),
        leaf("4.2.2", "Thực hiện tinh giản biên chế theo lộ trình", "1.5",
             tiers("Đạt 100% chỉ tiêu: 1,5 điểm; từ 80% đến dưới 100%: 0,75 điểm; dưới 80%: 0 điểm.",
                   "Số biên chế đã tinh giản", "Chỉ tiêu tinh giản biên chế được giao",
                   [("100", "1.5"), ("80", "0.75")]),
             ["Đề án tinh giản biên chế", "Quyết định giải quyết chế độ tinh giản biên chế"]),
    ]),
    node("4.3", "Phân cấp, phân quyền, ủy quyền", [
        leaf("4.3.1", "Thực hiện nhiệm vụ được phân cấp, ủy quyền", "1",
             manual("Đánh giá mức độ thực hiện đầy đủ, kịp thời các nhiệm vụ được phân cấp, ủy quyền; "
                    "chấm theo bước 0,25 điểm."),
             ["Văn bản phân cấp, ủy quyền", "Báo cáo kết quả thực hiện nhiệm vụ được phân cấp, ủy quyền"]),
        leaf("4.3.2", "Kiểm tra, giám sát việc thực hiện nhiệm vụ được phân cấp, ủy quyền", "0.5",
             yes_no("Có tổ chức kiểm tra, giám sát trong năm: 0,5 điểm."),
             ["Kế hoạch, báo cáo kiểm tra việc thực hiện nhiệm vụ phân cấp, ủy quyền"]),
        leaf("4.3.3", "Sai phạm trong thực hiện nhiệm vụ được phân cấp, ủy quyền", "1",
             deductions("Mỗi sai phạm bị cơ quan có thẩm quyền phát hiện: trừ 0,5 điểm.", "0.5", "Số sai phạm"),
             ["Kết luận thanh tra, kiểm tra (nếu có)"]),
    ]),
])

# ---------------------------------------------------------------------------
# Area 5 — 10 points

area5 = node("5", "Cải cách chế độ công vụ", [
    node("5.1", "Vị trí việc làm và cơ cấu ngạch công chức", [
        leaf("5.1.1", "Xây dựng, cập nhật danh mục vị trí việc làm", "1",
             yes_no("Có danh mục vị trí việc làm được phê duyệt, cập nhật: 1 điểm."),
             ["Quyết định phê duyệt danh mục vị trí việc làm", "Bản mô tả công việc, khung năng lực"]),
        leaf("5.1.2", "Tỷ lệ công chức được bố trí đúng vị trí việc làm", "1",
             prop("Điểm = 1 × số công chức bố trí đúng / tổng số công chức.",
                  "Số công chức bố trí đúng vị trí việc làm", "Tổng số công chức của xã"),
             ["Quyết định phân công nhiệm vụ công chức", "Danh sách công chức theo vị trí việc làm"]),
    ]),
    node("5.2", "Tuyển dụng, sử dụng, quản lý cán bộ, công chức", [
        leaf("5.2.1", "Thực hiện tuyển dụng, tiếp nhận công chức đúng quy định", "1",
             deductions("Mỗi trường hợp tuyển dụng, tiếp nhận sai quy định: trừ 0,5 điểm.", "0.5",
                        "Số trường hợp sai quy định"),
             ["Hồ sơ tuyển dụng, tiếp nhận công chức", "Quyết định tuyển dụng"], na=True,
             guidance="Chọn 'Không áp dụng' nếu trong năm xã không tuyển dụng, tiếp nhận công chức."),
        leaf("5.2.2", "Đánh giá, xếp loại chất lượng cán bộ, công chức đúng quy định", "0.5",
             yes_no("Thực hiện đánh giá, xếp loại đúng quy trình, thời hạn: 0,5 điểm."),
             ["Quyết định công nhận kết quả đánh giá, xếp loại chất lượng cán bộ, công chức năm 2025"]),
        leaf("5.2.3", "Tỷ lệ hồ sơ cán bộ, công chức được cập nhật trên Cơ sở dữ liệu quốc gia về CBCCVC", "1",
             prop("Điểm = 1 × số hồ sơ đã cập nhật / tổng số cán bộ, công chức.",
                  "Số hồ sơ đã cập nhật", "Tổng số cán bộ, công chức", rounding=HALF_UP_2),
             ["Báo cáo trích xuất từ Cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức"]),
    ]),
    node("5.3", "Đào tạo, bồi dưỡng cán bộ, công chức", [
        leaf("5.3.1", "Ban hành Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm", "0.5",
             yes_no("Có kế hoạch đào tạo, bồi dưỡng năm 2025: 0,5 điểm."),
             ["Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm 2025"]),
        leaf("5.3.2", "Tỷ lệ cán bộ, công chức được bồi dưỡng theo Kế hoạch", "1.5",
             tiers("Đạt 100%: 1,5 điểm; từ 80% đến dưới 100%: 0,75 điểm; từ 50% đến dưới 80%: 0,25 điểm; "
                   "dưới 50%: 0 điểm.",
                   "Số lượt cán bộ, công chức đã được bồi dưỡng", "Số lượt phải bồi dưỡng theo Kế hoạch",
                   [("100", "1.5"), ("80", "0.75"), ("50", "0.25")]),
             ["Báo cáo kết quả đào tạo, bồi dưỡng năm 2025", "Chứng chỉ, giấy chứng nhận hoàn thành khóa học"]),
    ]),
    node("5.4", "Chấp hành kỷ luật, kỷ cương hành chính", [
        leaf("5.4.1", "Cán bộ, công chức bị xử lý kỷ luật trong năm", "1.5",
             deductions("Mỗi cán bộ, công chức bị kỷ luật: trừ 0,5 điểm; tối thiểu 0,5 điểm.", "0.5",
                        "Số cán bộ, công chức bị kỷ luật", floor="0.5"),
             ["Quyết định kỷ luật (nếu có)", "Báo cáo tình hình chấp hành kỷ luật, kỷ cương hành chính"]),
        leaf("5.4.2", "Thực hiện quy tắc ứng xử, văn hóa công vụ", "1",
             levels("Chọn mức thực hiện.", [
                 ("tot", "Ban hành quy chế văn hóa công sở và thực hiện tốt", "1"),
                 ("co_ban", "Có quy chế, còn trường hợp vi phạm bị nhắc nhở", "0.5"),
                 ("khong", "Chưa ban hành quy chế", "0"),
             ]),
             ["Quyết định ban hành Quy chế văn hóa công sở của UBND xã"]),
        leaf("5.4.3", "Tổ chức kiểm tra công vụ, kỷ luật, kỷ cương hành chính", "1",
             manual("Đánh giá số lượng, chất lượng các cuộc kiểm tra; chấm theo bước 0,5 điểm.", step="0.5"),
             ["Kế hoạch kiểm tra công vụ", "Thông báo kết quả kiểm tra công vụ"]),
    ]),
])

# ---------------------------------------------------------------------------
# Area 6 — 8 points

area6 = node("6", "Cải cách tài chính công", [
    node("6.1", "Quản lý, sử dụng ngân sách nhà nước", [
        leaf("6.1.1", "Tỷ lệ giải ngân vốn đầu tư công được giao", "1.5",
             tiers("Từ 95% trở lên: 1,5 điểm; từ 80% đến dưới 95%: 0,75 điểm; từ 60% đến dưới 80%: 0,25 điểm; "
                   "dưới 60%: 0 điểm. Không được giao vốn: 1,5 điểm.",
                   "Số vốn đã giải ngân (triệu đồng)", "Kế hoạch vốn được giao (triệu đồng)",
                   [("95", "1.5"), ("80", "0.75"), ("60", "0.25")]),
             ["Báo cáo tình hình giải ngân vốn đầu tư công năm 2025", "Xác nhận của Kho bạc Nhà nước"]),
        leaf("6.1.2", "Công khai dự toán, quyết toán ngân sách theo quy định", "0.5",
             yes_no("Công khai đầy đủ, đúng thời hạn, đúng hình thức: 0,5 điểm."),
             ["Quyết định công bố công khai dự toán, quyết toán ngân sách xã",
              "Biên bản niêm yết công khai"]),
        leaf("6.1.3", "Tỷ lệ chứng từ chi ngân sách gửi Kho bạc Nhà nước qua dịch vụ công trực tuyến", "1",
             prop("Điểm = 1 × số chứng từ gửi trực tuyến / tổng số chứng từ chi gửi Kho bạc.",
                  "Số chứng từ gửi qua dịch vụ công trực tuyến của Kho bạc", "Tổng số chứng từ chi gửi Kho bạc",
                  zero="zero", rounding=HALF_UP_2),
             ["Báo cáo thống kê chứng từ điện tử của Kho bạc Nhà nước", "Báo cáo quyết toán ngân sách xã năm 2025"]),
    ]),
    node("6.2", "Thực hiện cơ chế tự chủ tài chính", [
        leaf("6.2.1", "Ban hành Quy chế chi tiêu nội bộ", "0.5",
             yes_no("Có Quy chế chi tiêu nội bộ ban hành, sửa đổi phù hợp quy định: 0,5 điểm."),
             ["Quyết định ban hành Quy chế chi tiêu nội bộ của UBND xã"]),
        leaf("6.2.2", "Thực hiện cơ chế tự chủ tài chính đối với đơn vị sự nghiệp công lập thuộc xã", "1.5",
             levels("Chọn mức tự chủ của đơn vị sự nghiệp công lập thuộc xã.", [
                 ("tu_chu_1", "Tự bảo đảm chi thường xuyên", "1.5"),
                 ("tu_chu_2", "Tự bảo đảm một phần chi thường xuyên", "0.75"),
                 ("chua", "Chưa giao tự chủ", "0"),
             ]),
             ["Quyết định giao quyền tự chủ tài chính cho đơn vị sự nghiệp công lập"], na=True,
             guidance="Chọn 'Không áp dụng' nếu xã không có đơn vị sự nghiệp công lập trực thuộc."),
    ]),
    node("6.3", "Quản lý, sử dụng tài sản công", [
        leaf("6.3.1", "Ban hành Quy chế quản lý, sử dụng tài sản công", "0.5",
             yes_no("Có Quy chế quản lý, sử dụng tài sản công: 0,5 điểm."),
             ["Quyết định ban hành Quy chế quản lý, sử dụng tài sản công"]),
        leaf("6.3.2", "Thực hiện kiến nghị của thanh tra, kiểm toán về tài chính, tài sản công", "1",
             tiers("Thực hiện 100% kiến nghị: 1 điểm; từ 70% đến dưới 100%: 0,5 điểm; dưới 70%: 0 điểm. "
                   "Không có kiến nghị: 1 điểm.",
                   "Số kiến nghị đã thực hiện", "Số kiến nghị phải thực hiện",
                   [("100", "1"), ("70", "0.5")]),
             ["Kết luận thanh tra, báo cáo kiểm toán", "Báo cáo kết quả thực hiện kiến nghị"]),
    ]),
    node("6.4", "Thực hành tiết kiệm, chống lãng phí", [
        leaf("6.4.1", "Kết quả thực hành tiết kiệm, chống lãng phí", "1",
             manual("Đánh giá việc ban hành chương trình và kết quả tiết kiệm; chấm theo bước 0,25 điểm."),
             ["Chương trình thực hành tiết kiệm, chống lãng phí năm 2025", "Báo cáo kết quả thực hiện"]),
        leaf("6.4.2", "Sai phạm về quản lý tài chính, tài sản công bị phát hiện", "0.5",
             deductions("Mỗi sai phạm: trừ 0,25 điểm.", "0.25", "Số sai phạm bị phát hiện"),
             ["Kết luận thanh tra, kiểm tra tài chính (nếu có)"]),
    ]),
])

# ---------------------------------------------------------------------------
# Area 7 — 14 points

area7 = node("7", "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", [
    node("7.1", "Kế hoạch chuyển đổi số", [
        leaf("7.1.1", "Ban hành Kế hoạch chuyển đổi số năm", "0.5",
             yes_no("Ban hành Kế hoạch chuyển đổi số năm 2025 đúng thời hạn: 0,5 điểm."),
             ["Kế hoạch chuyển đổi số năm 2025 của UBND xã"]),
        leaf("7.1.2", "Mức độ hoàn thành Kế hoạch chuyển đổi số", "1",
             tiers("Hoàn thành 100%: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm.",
                   "Số nhiệm vụ đã hoàn thành", "Tổng số nhiệm vụ của Kế hoạch", [("100", "1"), ("80", "0.5")]),
             ["Báo cáo kết quả thực hiện Kế hoạch chuyển đổi số năm 2025"]),
    ]),
    node("7.2", "Hạ tầng số và an toàn thông tin", [
        leaf("7.2.1", "Tỷ lệ cán bộ, công chức được trang bị máy tính kết nối mạng", "1",
             prop("Điểm = 1 × số được trang bị / tổng số cán bộ, công chức.",
                  "Số cán bộ, công chức được trang bị máy tính", "Tổng số cán bộ, công chức", rounding=HALF_UP_2),
             ["Danh mục trang thiết bị công nghệ thông tin của UBND xã"]),
        leaf("7.2.2", "Bảo đảm an toàn thông tin mạng", "1",
             levels("Chọn mức thực hiện.", [
                 ("da_phe_duyet", "Hệ thống thông tin được phê duyệt cấp độ và triển khai phương án bảo vệ", "1"),
                 ("dang_trien_khai", "Đang lập hồ sơ đề xuất cấp độ", "0.5"),
                 ("chua", "Chưa triển khai", "0"),
             ]),
             ["Quyết định phê duyệt cấp độ an toàn hệ thống thông tin", "Phương án bảo đảm an toàn thông tin"]),
    ]),
    node("7.3", "Quản lý văn bản, hồ sơ công việc trên môi trường điện tử", [
        leaf("7.3.1", "Tỷ lệ văn bản đi được ký số và gửi, nhận trên môi trường điện tử", "1.5",
             tiers("Từ 95% trở lên: 1,5 điểm; từ 80% đến dưới 95%: 0,75 điểm; dưới 80%: 0 điểm.",
                   "Số văn bản đi được ký số, gửi điện tử", "Tổng số văn bản đi (trừ văn bản mật)",
                   [("95", "1.5"), ("80", "0.75")], zero="zero"),
             ["Báo cáo thống kê trích xuất từ Hệ thống quản lý văn bản và điều hành"]),
        leaf("7.3.2", "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", "1",
             prop("Điểm = 1 × số hồ sơ công việc xử lý trên mạng / tổng số hồ sơ công việc.",
                  "Số hồ sơ công việc xử lý trên môi trường mạng", "Tổng số hồ sơ công việc"),
             ["Báo cáo thống kê trích xuất từ Hệ thống quản lý văn bản và điều hành"]),
        leaf("7.3.3", "Lập hồ sơ điện tử và nộp lưu hồ sơ vào Lưu trữ cơ quan", "0.5",
             manual("Chấm theo bước 0,25 điểm căn cứ kết quả lập hồ sơ điện tử."),
             ["Danh mục hồ sơ năm 2025", "Biên bản giao nhận hồ sơ, tài liệu vào Lưu trữ cơ quan"]),
    ]),
    node("7.4", "Cung cấp dịch vụ công trực tuyến", [
        leaf("7.4.1", "Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến", "1.5",
             tiers("Từ 80% trở lên: 1,5 điểm; từ 50% đến dưới 80%: 0,75 điểm; dưới 50%: 0 điểm.",
                   "Số hồ sơ nộp trực tuyến", "Tổng số hồ sơ TTHC có cung cấp dịch vụ công trực tuyến",
                   [("80", "1.5"), ("50", "0.75")], zero="zero"),
             [TTHC_SYS], guidance=KY_BAO_CAO),
        leaf("7.4.2", "Tỷ lệ hồ sơ có nghĩa vụ tài chính được thanh toán trực tuyến", "1",
             prop("Điểm = 1 × số hồ sơ thanh toán trực tuyến / số hồ sơ có nghĩa vụ tài chính.",
                  "Số hồ sơ thanh toán trực tuyến", "Số hồ sơ có nghĩa vụ tài chính", rounding=HALF_UP_2),
             [TTHC_SYS, "Báo cáo thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia"]),
        leaf("7.4.3", "Tỷ lệ kết quả giải quyết TTHC được cấp bản điện tử", "1",
             prop("Điểm = 1 × số kết quả cấp bản điện tử / tổng số kết quả giải quyết.",
                  "Số kết quả giải quyết TTHC cấp bản điện tử", "Tổng số kết quả giải quyết TTHC"),
             [TTHC_SYS]),
        leaf("7.4.4", "Tỷ lệ hồ sơ tái sử dụng dữ liệu, giấy tờ đã số hóa", "1",
             tiers("Từ 50% trở lên: 1 điểm; từ 30% đến dưới 50%: 0,5 điểm; dưới 30%: 0 điểm.",
                   "Số hồ sơ có tái sử dụng dữ liệu", "Tổng số hồ sơ tiếp nhận", [("50", "1"), ("30", "0.5")]),
             [TTHC_SYS]),
    ]),
    node("7.5", "Trang thông tin điện tử của xã", [
        leaf("7.5.1", "Duy trì, cập nhật thông tin trên Trang thông tin điện tử", "1",
             levels("Chọn mức đáp ứng yêu cầu cung cấp thông tin theo quy định.", [
                 ("day_du", "Cập nhật đầy đủ, thường xuyên các mục bắt buộc", "1"),
                 ("mot_phan", "Cập nhật chưa đầy đủ hoặc chưa thường xuyên", "0.5"),
                 ("khong", "Không duy trì hoạt động", "0"),
             ]),
             ["Ảnh chụp màn hình Trang thông tin điện tử của xã", "Quy chế hoạt động của Trang thông tin điện tử"]),
        leaf("7.5.2", "Có chuyên mục cải cách hành chính trên Trang thông tin điện tử", "0.5",
             yes_no("Có chuyên mục CCHC được cập nhật: 0,5 điểm."),
             ["Ảnh chụp màn hình chuyên mục CCHC"]),
    ]),
    node("7.6", "Dữ liệu số và Đề án 06", [
        leaf("7.6.1", "Làm sạch dữ liệu dân cư, kết nối cơ sở dữ liệu chuyên ngành", "1",
             manual("Đánh giá kết quả thực hiện nhiệm vụ Đề án 06 được giao; chấm theo bước 0,25 điểm."),
             ["Báo cáo kết quả thực hiện Đề án 06 năm 2025 của UBND xã"]),
        leaf("7.6.2", "Sự cố mất an toàn thông tin do lỗi chủ quan", "0.5",
             deductions("Mỗi sự cố: trừ 0,25 điểm.", "0.25", "Số sự cố"),
             ["Thông báo của cơ quan chức năng về sự cố an toàn thông tin (nếu có)"]),
    ]),
])

# ---------------------------------------------------------------------------
# Area 8 — 26 points, largely from surveys and province data

SIPAS = "Điểm do Sở Nội vụ tổng hợp từ kết quả điều tra xã hội học (SIPAS) năm 2025; xã không tự chấm."
DTXH = "Điểm do Sở Nội vụ tổng hợp từ phiếu điều tra xã hội học; xã không tự chấm."
area8 = node("8", "Tác động của cải cách hành chính đến phát triển kinh tế - xã hội", [
    node("8.1", "Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính (SIPAS)", [
        survey_leaf("8.1.1", "Tiếp cận dịch vụ hành chính công", "2", SIPAS),
        survey_leaf("8.1.2", "Thủ tục hành chính", "2.5", SIPAS),
        survey_leaf("8.1.3", "Công chức trực tiếp giải quyết công việc", "2.5", SIPAS),
        survey_leaf("8.1.4", "Kết quả cung ứng dịch vụ hành chính công", "2.5", SIPAS),
        survey_leaf("8.1.5", "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", "2.5", SIPAS),
    ]),
    node("8.2", "Đánh giá của đại biểu HĐND, Ủy ban MTTQ và cán bộ, công chức về cải cách hành chính", [
        survey_leaf("8.2.1", "Đánh giá về công tác chỉ đạo, điều hành CCHC của UBND xã", "2", DTXH),
        survey_leaf("8.2.2", "Đánh giá về kết quả cải cách thủ tục hành chính", "2", DTXH),
        survey_leaf("8.2.3", "Đánh giá về chất lượng đội ngũ cán bộ, công chức", "2", DTXH),
    ]),
    node("8.3", "Tác động đến phát triển kinh tế - xã hội của xã", [
        leaf("8.3.1", "Tỷ lệ chỉ tiêu phát triển kinh tế - xã hội năm đạt và vượt kế hoạch", "2",
             tiers("Đạt 100% chỉ tiêu: 2 điểm; từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm.",
                   "Số chỉ tiêu đạt và vượt", "Tổng số chỉ tiêu Nghị quyết HĐND xã giao",
                   [("100", "2"), ("80", "1")]),
             ["Nghị quyết của HĐND xã về nhiệm vụ phát triển kinh tế - xã hội năm 2025",
              "Báo cáo tình hình kinh tế - xã hội năm 2025 của UBND xã"]),
        leaf("8.3.2", "Thu ngân sách nhà nước trên địa bàn so với dự toán được giao", "2",
             tiers("Đạt từ 100% trở lên: 2 điểm; từ 90% đến dưới 100%: 1 điểm; dưới 90%: 0 điểm.",
                   "Số thu thực hiện (triệu đồng)", "Dự toán thu được giao (triệu đồng)",
                   [("100", "2"), ("90", "1")], zero="zero"),
             ["Báo cáo quyết toán thu ngân sách năm 2025", "Xác nhận số thu của Kho bạc Nhà nước"]),
        survey_leaf("8.3.3", "Số doanh nghiệp, hộ kinh doanh thành lập mới trên địa bàn",
                    "2", "Điểm do Sở Tài chính cung cấp số liệu, Sở Nội vụ chấm; xã không tự chấm."),
        survey_leaf("8.3.4", "Tỷ lệ giảm hộ nghèo so với chỉ tiêu được giao",
                    "2", "Điểm do Sở Nội vụ chấm theo số liệu của cơ quan có thẩm quyền; xã không tự chấm."),
    ]),
])

# ---------------------------------------------------------------------------
# Bonus and penalty

bonus = {
    "title": "Điểm thưởng",
    "cap": "3",
    "items": [
        leaf("T.1", "Mô hình, sáng kiến CCHC được cấp có thẩm quyền công nhận và nhân rộng", "1",
             levels("Chọn cấp công nhận cao nhất.", [
                 ("trung_uong", "Được bộ, ngành trung ương công nhận", "1"),
                 ("cap_tinh", "Được UBND tỉnh công nhận", "0.5"),
                 ("khong", "Không có", "0"),
             ]),
             ["Quyết định công nhận mô hình, sáng kiến"]),
        leaf("T.2", "Tập thể được khen thưởng về thành tích CCHC trong năm", "1",
             yes_no("Được Chủ tịch UBND tỉnh trở lên khen thưởng về CCHC: 1 điểm."),
             ["Quyết định khen thưởng"]),
        leaf("T.3", "Tỷ lệ hồ sơ TTHC nộp trực tuyến vượt chỉ tiêu tỉnh giao", "1",
             tiers("Từ 90% trở lên: 1 điểm; từ 85% đến dưới 90%: 0,5 điểm; dưới 85%: 0 điểm.",
                   "Số hồ sơ nộp trực tuyến", "Tổng số hồ sơ TTHC tiếp nhận", [("90", "1"), ("85", "0.5")],
                   zero="zero"),
             [TTHC_SYS]),
        leaf("T.4", "Tham gia thí điểm mô hình mới về CCHC, chuyển đổi số do tỉnh triển khai", "1",
             manual("Chấm theo bước 0,5 điểm căn cứ kết quả thí điểm.", step="0.5"),
             ["Văn bản của UBND tỉnh chọn xã thực hiện thí điểm", "Báo cáo kết quả thí điểm"]),
    ],
}

penalty = {
    "title": "Điểm trừ",
    "cap": "3",
    "items": [
        leaf("TR.1", "Để xảy ra sai phạm trong giải quyết TTHC bị cơ quan có thẩm quyền kết luận", "2",
             levels("Chọn số vụ việc bị kết luận trong năm (điểm ở đây là số điểm bị trừ).", [
                 ("khong", "Không có", "0"),
                 ("mot", "01 vụ việc", "1"),
                 ("nhieu", "Từ 02 vụ việc trở lên", "2"),
             ]),
             ["Kết luận thanh tra, kiểm tra (nếu có)"]),
        leaf("TR.2", "Bị UBND tỉnh phê bình do chậm triển khai nhiệm vụ CCHC", "2",
             manual("Mỗi văn bản phê bình: 0,5 điểm trừ; chấm theo bước 0,5 điểm.", step="0.5"),
             ["Văn bản phê bình của UBND tỉnh (nếu có)"]),
        leaf("TR.3", "Nộp hồ sơ tự đánh giá, chấm điểm chậm so với thời hạn", "1",
             yes_no("Chọn 'Có' nếu nộp sau thời hạn: trừ 1 điểm."),
             ["Văn bản đề nghị thẩm định kèm ngày gửi"]),
    ],
}


# ---------------------------------------------------------------------------


def _numbers(obj: Any) -> Any:
    """Turn point strings back into JSON numbers; NFC-normalise every text."""
    if isinstance(obj, dict):
        return {k: (_num(v) if k in ("max", "scale", "cap", "points", "min_percent", "else_points", "step",
                                     "per_violation", "floor") else _numbers(v))
                for k, v in obj.items()}
    if isinstance(obj, list):
        return [_numbers(v) for v in obj]
    if isinstance(obj, str):
        return unicodedata.normalize("NFC", obj)
    return obj


def build() -> dict[str, Any]:
    areas = [area1, area2, area3, area4, area5, area6, area7, area8]
    scale = sum((Decimal(a["max"]) for a in areas), Decimal(0))
    assert scale == 100, scale
    return _numbers({
        "format": "pardesk-framework/1",
        "id": "mau-xa-2025",
        "title": "MẪU – Bộ Chỉ số CCHC cấp xã 2025 (không phải văn bản chính thức)",
        "sample": True,
        "notes": "Đây là bộ chỉ số MẪU để thử nghiệm và hướng dẫn sử dụng parDesk, được xây dựng theo cấu trúc "
                 "công khai của các Bộ Chỉ số CCHC cấp xã năm 2025 (8 lĩnh vực và điểm thưởng, điểm trừ). "
                 "Đây KHÔNG phải là quyết định hay văn bản chính thức của bất kỳ cơ quan nào; tên tiêu chí, "
                 "điểm số và cách chấm chỉ mang tính minh họa. Khi tự đánh giá thật, hãy dùng bộ chỉ số do "
                 "UBND tỉnh ban hành.",
        "year": 2025,
        "unit_level": "xa",
        "province": "Tỉnh Mẫu",
        "decision": {"number": "MẪU/QĐ-UBND", "date": "2025-11-20", "issuer": "Ủy ban nhân dân Tỉnh Mẫu"},
        "deadline": "2026-01-15",
        "scale": "100",
        "rounding": {"places": 2, "mode": "half_up"},
        "rating_bands": [
            {"min_percent": "90", "label": "Xuất sắc", "label_en": "Excellent"},
            {"min_percent": "80", "label": "Tốt", "label_en": "Good"},
            {"min_percent": "70", "label": "Khá", "label_en": "Fair"},
            {"min_percent": "50", "label": "Trung bình", "label_en": "Average"},
            {"min_percent": "0", "label": "Yếu", "label_en": "Poor"},
        ],
        "areas": areas,
        "bonus": bonus,
        "penalty": penalty,
    })


def main() -> int:
    OUT.write_text(json.dumps(build(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    try:
        sys.path.insert(0, str(HERE.parent.parent))
        from parDesk.models.framework import load_framework
    except ImportError:
        print(f"wrote {OUT} (parDesk not importable: not validated)")
        return 0
    fw = load_framework(OUT)
    print(f"wrote {OUT}: {sum(1 for _ in fw.leaves())} leaves, hash {fw.hash}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
