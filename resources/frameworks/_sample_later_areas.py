"""Areas 5 to 8 and the bonus and penalty blocks of the sample framework (see ``_make_sample.py``)."""

from __future__ import annotations

from _sample_rules import (
                           HALF_UP_2,
                           KY_BAO_CAO,
                           TTHC_SYS,
                           deductions,
                           leaf,
                           levels,
                           manual,
                           node,
                           prop,
                           survey_leaf,
                           tiers,
                           yes_no,
)

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
