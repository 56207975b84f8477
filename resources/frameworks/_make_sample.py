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


sys.path.insert(0, str(HERE))  # the sibling modules below, however this script is loaded

from _sample_later_areas import area5, area6, area7, area8, bonus, penalty  # noqa: E402
from _sample_rules import (  # noqa: E402
    DOWN_2,
    HALF_UP_2,
    KY_BAO_CAO,
    TTHC_SYS,
    _num,
    deductions,
    leaf,
    levels,
    manual,
    node,
    prop,
    tiers,
    yes_no,
)

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
