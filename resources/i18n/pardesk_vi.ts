<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AfterView</name>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="123" />
        <source>The province's appraisal of each item beside your self score. Items the province asks you to explain further come first. Press Enter or click a line to open the item.</source>
        <translation>Kết quả thẩm định của tỉnh cho từng mục, bên cạnh điểm tự chấm. Các mục tỉnh đề nghị giải trình bổ sung được xếp lên đầu. Nhấn Enter hoặc bấm vào một dòng để mở mục đó.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="126" />
        <source>Open a new version to add the explanations</source>
        <translation>Mở phiên bản mới để bổ sung giải trình</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="128" />
        <location filename="../../parDesk/ui/views/after.py" line="132" />
        <source>Packages sent and receipts</source>
        <translation>Hồ sơ đã gửi và biên nhận</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="129" />
        <source>No package signed yet. The receipts from the province appear here after you sign and send on the Submit tab.</source>
        <translation>Chưa có hồ sơ nào được ký. Biên nhận của tỉnh sẽ hiện ở đây sau khi ký và gửi ở thẻ Nộp.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="131" />
        <source>Appraisal results</source>
        <translation>Kết quả thẩm định</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="176" />
        <source>Results published by the province for %1: rank %2 of %3, score %4 (%5), rating %6</source>
        <translation>Kết quả tỉnh công bố năm %1: xếp hạng %2/%3, %4 điểm (%5), xếp loại %6</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="198" />
        <source>No appraisal results yet</source>
        <translation>Chưa có kết quả thẩm định</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/after.py" line="200" />
        <location filename="../../parDesk/ui/views/after.py" line="203" />
        <source>%n item(s) appraised</source>
        <translation>
            <numerusform>%n mục đã được thẩm định</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/after.py" line="201" />
        <source>%n request(s) for a supplementary explanation</source>
        <translation>
            <numerusform>%n đề nghị giải trình bổ sung</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="204" />
        <source>no request for a supplementary explanation</source>
        <translation>không có đề nghị giải trình bổ sung</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="210" />
        <source>Version %1 is signed and locked. To answer the province, open a new version: your answers and evidence are carried over; add the explanations asked for, then sign and send again.</source>
        <translation>Phiên bản %1 đã ký và khóa. Để trả lời tỉnh, hãy mở phiên bản mới: điểm tự chấm và tài liệu kiểm chứng được giữ nguyên; bổ sung giải trình theo đề nghị rồi ký và gửi lại.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="215" />
        <source>You are working on version %1. Open each highlighted item, add the supplementary explanation and evidence, then sign and send this version on the Submit tab.</source>
        <translation>Đang làm phiên bản %1. Mở từng mục được tô màu, bổ sung giải trình và tài liệu kiểm chứng, rồi ký và gửi phiên bản này ở thẻ Nộp.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/after.py" line="221" />
        <source>Opening a new version is not available: this part of parDesk is missing from this installation.</source>
        <translation>Không mở được phiên bản mới: bản cài đặt này thiếu phần chức năng đó của parDesk.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../parDesk/app.py" line="107" />
        <source>Preparing the sample workspace…</source>
        <translation>Đang chuẩn bị dữ liệu mẫu…</translation>
    </message>
</context>
<context>
    <name>AppraisalModel</name>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="111" />
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="112" />
        <source>Item</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="113" />
        <source>Self score</source>
        <translation>Điểm tự chấm</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="114" />
        <source>Round 1</source>
        <translation>Vòng 1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="115" />
        <source>Round 2</source>
        <translation>Vòng 2</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="116" />
        <source>Appraiser's comment</source>
        <translation>Nhận xét của tổ thẩm định</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="117" />
        <source>Supplementary explanation</source>
        <translation>Giải trình bổ sung</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="123" />
        <source>no score</source>
        <translation>chưa chấm</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="143" />
        <source>Yes — please explain</source>
        <translation>Có — cần giải trình bổ sung</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="156" />
        <source>The province asks for a supplementary explanation</source>
        <translation>Tỉnh đề nghị giải trình bổ sung</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="157" />
        <source>Appraised</source>
        <translation>Đã thẩm định</translation>
    </message>
</context>
<context>
    <name>DeductionEditor</name>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="339" />
        <source>Number of cases</source>
        <translation>Số trường hợp</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="76" />
        <source>Document details</source>
        <translation>Thông tin tài liệu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="79" />
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="79" />
        <source>&amp;Number (số, ký hiệu):</source>
        <translation>&amp;Số, ký hiệu:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="80" />
        <source>&amp;Date (DD/MM/YYYY):</source>
        <translation>&amp;Ngày ban hành (ngày/tháng/năm):</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="80" />
        <source>&amp;Issuing body:</source>
        <translation>&amp;Cơ quan ban hành:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="81" />
        <source>&amp;Subject (trích yếu):</source>
        <translation>T&amp;rích yếu:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="78" />
        <source>&amp;Page / section:</source>
        <translation>&amp;Trang / mục:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="77" />
        <source>&amp;Page / section for %1:</source>
        <translation>&amp;Trang / mục chứng minh cho %1:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="83" />
        <source>Number</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="83" />
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="84" />
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="84" />
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="85" />
        <source>Page or section</source>
        <translation>Trang hoặc mục</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="87" />
        <source>e.g. 15/01/2025</source>
        <translation>ví dụ 15/01/2025</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="88" />
        <source>e.g. 15/KH-UBND</source>
        <translation>ví dụ 15/KH-UBND</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="89" />
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="91" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/document_dialog.py" line="91" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="47" />
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="48" />
        <source>Number</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="49" />
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="50" />
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="51" />
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="52" />
        <source>Page / section</source>
        <translation>Trang / mục</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="53" />
        <source>Items</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="54" />
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="115" />
        <source>(not linked)</source>
        <translation>(chưa gắn mục nào)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/documents.py" line="122" />
        <source>Number, date, issuing body or subject still missing</source>
        <translation>Còn thiếu số, ngày, cơ quan ban hành hoặc trích yếu</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="129" />
        <source>&amp;Add files…</source>
        <translation>&amp;Thêm tệp…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="130" />
        <source>Copy files into the workspace as evidence for this item (you can also drop files here)</source>
        <translation>Sao chép tệp vào kho làm tài liệu kiểm chứng cho mục này (có thể kéo thả tệp vào đây)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="132" />
        <source>&amp;Link existing…</source>
        <translation>&amp;Liên kết tài liệu đã có…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="133" />
        <source>Use a document already in the library, without copying it again</source>
        <translation>Dùng tài liệu đã có trong kho, không sao chép lại</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="134" />
        <source>&amp;Details…</source>
        <translation>&amp;Thông tin…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="135" />
        <source>Edit number, date, issuing body, subject and page</source>
        <translation>Sửa số, ngày, cơ quan ban hành, trích yếu và trang</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="136" />
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="137" />
        <source>Open with the system viewer</source>
        <translation>Mở bằng chương trình xem của máy</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="138" />
        <source>&amp;Remove from item</source>
        <translation>&amp;Gỡ khỏi mục</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="139" />
        <source>Unlink the document from this item (it stays in the library)</source>
        <translation>Bỏ gắn tài liệu khỏi mục này (tài liệu vẫn ở trong kho)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="140" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="141" />
        <source>Evidence documents of this item</source>
        <translation>Tài liệu kiểm chứng của mục này</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="142" />
        <source>No evidence yet. Drop scanned files here, or use “Add files…”.</source>
        <translation>Chưa có tài liệu kiểm chứng. Kéo thả tệp bản quét vào đây, hoặc bấm “Thêm tệp…”.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="207" />
        <source>Choose evidence files</source>
        <translation>Chọn tệp tài liệu kiểm chứng</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="208" />
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.odt);;All files (*)</source>
        <translation>Tài liệu (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.odt);;Mọi tệp (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="220" />
        <source>Copying %n file(s)… %p%</source>
        <translation>
            <numerusform>Đang sao chép %n tệp… %p%</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="231" />
        <source>Attached %n document(s) to %1</source>
        <translation>
            <numerusform>Đã gắn %n tài liệu vào mục %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="241" />
        <source>Cancelled: nothing was attached.</source>
        <translation>Đã hủy: không tệp nào được gắn.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/evidence_panel.py" line="283" />
        <source>No program on this computer opens this kind of file.</source>
        <translation>Máy này không có chương trình mở được loại tệp này.</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="458" />
        <source>Ready</source>
        <translation>Sẵn sàng</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="459" />
        <source>Press Finish to create the workspace.</source>
        <translation>Bấm Hoàn tất để tạo dữ liệu làm việc.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="460" />
        <source>Keep the data in this &amp;folder:</source>
        <translation>Lưu dữ liệu trong &amp;thư mục:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="461" />
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="462" />
        <source>Workspace folder</source>
        <translation>Thư mục lưu dữ liệu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="471" />
        <source>Unit: %1 (%2), %3
Framework: %4</source>
        <translation>Đơn vị: %1 (%2), %3
Bộ chỉ số: %4</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="476" />
        <source>Choose a folder for the workspace</source>
        <translation>Chọn thư mục lưu dữ liệu</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="507" />
        <source>Set up parDesk</source>
        <translation>Thiết lập parDesk</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="508" />
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="509" />
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="510" />
        <source>&amp;Finish</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="511" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="522" />
        <source>Choose a folder for the workspace.</source>
        <translation>Hãy chọn thư mục lưu dữ liệu.</translation>
    </message>
</context>
<context>
    <name>FrameworkPage</name>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="203" />
        <source>The framework</source>
        <translation>Bộ chỉ số</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="204" />
        <source>The province's PAR Index framework (Bộ Chỉ số) your unit is assessed against.</source>
        <translation>Bộ Chỉ số CCHC của tỉnh dùng để đánh giá đơn vị.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="205" />
        <source>The &amp;sample framework shipped with parDesk (for learning; not an official document)</source>
        <translation>Bộ chỉ số &amp;MẪU kèm theo parDesk (để làm quen; không phải văn bản chính thức)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="207" />
        <source>A framework &amp;file from the province (.json, or the filled .xlsx template)</source>
        <translation>&amp;Tệp bộ chỉ số của tỉnh (.json, hoặc tệp mẫu .xlsx đã điền)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="208" />
        <source>I have checked: use this framework &amp;anyway</source>
        <translation>Tôi đã kiểm tra: vẫn &amp;dùng bộ chỉ số này</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="209" />
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="210" />
        <source>Framework file</source>
        <translation>Tệp bộ chỉ số</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="211" />
        <source>Path to the framework file</source>
        <translation>Đường dẫn đến tệp bộ chỉ số</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="212" />
        <source>Receiving the framework from the province's server arrives with the sync feature.</source>
        <translation>Nhận bộ chỉ số từ máy chủ của tỉnh sẽ có cùng tính năng đồng bộ.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="232" />
        <source>Choose the framework file</source>
        <translation>Chọn tệp bộ chỉ số</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="233" />
        <source>Framework (*.json *.xlsx);;All files (*)</source>
        <translation>Bộ chỉ số (*.json *.xlsx);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="246" />
        <source>framework file</source>
        <translation>tệp bộ chỉ số</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="246" />
        <source>no file chosen</source>
        <translation>chưa chọn tệp</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/wizard.py" line="272" />
        <source>%1 (%2), %n item(s), %3; deadline %4.</source>
        <translation>
            <numerusform>%1 (%2), %n mục, %3; hạn nộp %4.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FrameworkTreeModel</name>
    <message>
        <location filename="../../parDesk/ui/models/tree.py" line="168" />
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/tree.py" line="169" />
        <source>Item</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/tree.py" line="170" />
        <source>Score / max</source>
        <translation>Điểm / tối đa</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/tree.py" line="216" />
        <source>N/A</source>
        <translation>Không áp dụng</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="325" />
        <source>Signing identity</source>
        <translation>Khóa ký số</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="326" />
        <source>The key your leader signs the submission with.</source>
        <translation>Khóa dùng để lãnh đạo đơn vị ký hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="327" />
        <source>&amp;Generate a new key protected by a passphrase</source>
        <translation>&amp;Tạo khóa mới, bảo vệ bằng cụm mật khẩu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="328" />
        <source>&amp;Import a certificate file (.p12 / .pfx) from a certification authority</source>
        <translation>&amp;Nhập tệp chứng thư số (.p12 / .pfx) do tổ chức chứng thực cấp</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="329" />
        <source>&amp;Later</source>
        <translation>Để &amp;sau</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="330" />
        <source>Passphrase:</source>
        <translation>Cụm mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="330" />
        <source>Passphrase again:</source>
        <translation>Nhập lại cụm mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="331" />
        <source>Certificate file:</source>
        <translation>Tệp chứng thư số:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="331" />
        <source>File password:</source>
        <translation>Mật khẩu của tệp:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="335" />
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="336" />
        <source>The key is made (or imported) right after the workspace, and kept encrypted with the passphrase. You can also do this later on the Submit screen.</source>
        <translation>Khóa được tạo (hoặc nhập) ngay sau khi tạo dữ liệu làm việc và được mã hóa bằng cụm mật khẩu. Bạn cũng có thể làm việc này sau, tại màn hình Nộp.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="348" />
        <source>Choose the certificate file</source>
        <translation>Chọn tệp chứng thư số</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="349" />
        <source>Certificates (*.p12 *.pfx);;All files (*)</source>
        <translation>Chứng thư số (*.p12 *.pfx);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="371" />
        <source>The two passphrases differ.</source>
        <translation>Hai lần nhập cụm mật khẩu không khớp nhau.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="377" />
        <source>Choose the certificate file.</source>
        <translation>Hãy chọn tệp chứng thư số.</translation>
    </message>
</context>
<context>
    <name>IntroPage</name>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="87" />
        <source>Welcome to parDesk</source>
        <translation>Chào mừng đến với parDesk</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="88" />
        <source>Set up your unit's self-assessment in a few steps.</source>
        <translation>Thiết lập bản tự đánh giá của đơn vị qua vài bước.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="89" />
        <source>parDesk keeps your PAR Index self-assessment, its evidence documents and explanations on this computer, works without internet, and shows at any time your score and where points are being lost.

You will enter your unit's details, choose the province's framework, and (later) your signing key. Nothing is saved until you press Finish.</source>
        <translation>parDesk lưu bản tự đánh giá Chỉ số CCHC, tài liệu kiểm chứng và giải trình ngay trên máy này, làm việc không cần mạng, và luôn cho biết điểm hiện có cũng như đang mất điểm ở đâu.

Bạn sẽ nhập thông tin đơn vị, chọn bộ chỉ số của tỉnh và (sau này) khóa ký số. Chưa có gì được lưu cho đến khi bạn bấm Hoàn tất.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="94" />
        <source>&amp;Language:</source>
        <translation>&amp;Ngôn ngữ:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="95" />
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
</context>
<context>
    <name>LeafPanel</name>
    <message>
        <source>How it is scored</source>
        <translation type="vanished">Cách chấm điểm</translation>
    </message>
    <message>
        <source>Self-assessment</source>
        <translation type="vanished">Tự đánh giá</translation>
    </message>
    <message>
        <source>Explanation (giải trình)</source>
        <translation type="vanished">Giải trình</translation>
    </message>
    <message>
        <source>Evidence documents (tài liệu kiểm chứng)</source>
        <translation type="vanished">Tài liệu kiểm chứng</translation>
    </message>
    <message>
        <source>Appraisal by the province</source>
        <translation type="vanished">Kết quả thẩm định của tỉnh</translation>
    </message>
    <message>
        <source>&amp;Not applicable to our unit</source>
        <translation type="vanished">&amp;Không áp dụng đối với đơn vị</translation>
    </message>
    <message>
        <source>The item's points leave the unit's maximum; explain why below.</source>
        <translation type="vanished">Điểm của mục này được trừ khỏi điểm tối đa của đơn vị; hãy giải trình lý do bên dưới.</translation>
    </message>
    <message>
        <source>Score:</source>
        <translation type="vanished">Điểm:</translation>
    </message>
    <message>
        <source>C&amp;lear answer</source>
        <translation type="vanished">&amp;Xóa nội dung đã nhập</translation>
    </message>
    <message>
        <source>Remove the inputs of this item (can be undone)</source>
        <translation type="vanished">Xóa dữ liệu đã nhập của mục này (có thể hoàn tác)</translation>
    </message>
    <message>
        <source>How the score was reached, where the evidence is, or why it is missing. Saved automatically.</source>
        <translation type="vanished">Giải trình cách chấm, tài liệu chứng minh nằm ở đâu, hoặc vì sao chưa có. Tự động lưu.</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation type="vanished">Giải trình</translation>
    </message>
    <message>
        <source>Choose an item in the tree on the left.</source>
        <translation type="vanished">Chọn một mục trong cây bên trái.</translation>
    </message>
    <message>
        <source>Selected item</source>
        <translation type="vanished">Mục đang chọn</translation>
    </message>
    <message>
        <source>Maximum: %1</source>
        <translation type="vanished">Điểm tối đa: %1</translation>
    </message>
    <message>
        <source>Guidance: %1</source>
        <translation type="vanished">Hướng dẫn: %1</translation>
    </message>
    <message>
        <source>Expected evidence:</source>
        <translation type="vanished">Tài liệu kiểm chứng cần có:</translation>
    </message>
    <message>
        <source>the bonus block counts at most %1 in all</source>
        <translation type="vanished">cả khối điểm thưởng chỉ tính tối đa %1</translation>
    </message>
    <message>
        <source>the penalty block takes off at most %1 in all</source>
        <translation type="vanished">cả khối điểm trừ chỉ trừ tối đa %1</translation>
    </message>
    <message>
        <source>Version %1 is signed and locked: it can be viewed only. To change anything, open version %2.</source>
        <translation type="vanished">Phiên bản %1 đã ký và khóa: chỉ xem được. Muốn sửa, hãy mở phiên bản %2.</translation>
    </message>
    <message>
        <source>Open version %1</source>
        <translation type="vanished">Mở phiên bản %1</translation>
    </message>
    <message>
        <source>Points taken off:</source>
        <translation type="vanished">Số điểm bị trừ:</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation type="vanished">Không áp dụng</translation>
    </message>
    <message>
        <source>Not applicable: its %1 leave the unit's maximum (now %2).</source>
        <translation type="vanished">Không áp dụng: %1 của mục này không tính vào điểm tối đa của đơn vị (nay là %2).</translation>
    </message>
    <message>
        <source>Before submitting: %1</source>
        <translation type="vanished">Cần xử lý trước khi nộp: %1</translation>
    </message>
    <message>
        <source>Round %1: %2</source>
        <translation type="vanished">Vòng %1: %2</translation>
    </message>
    <message>
        <source>no score yet</source>
        <translation type="vanished">chưa có điểm</translation>
    </message>
    <message>
        <source>supplementary explanation requested</source>
        <translation type="vanished">đề nghị giải trình bổ sung</translation>
    </message>
    <message>
        <source>The province asks for a supplementary explanation of this item. Answer it in the explanation and add evidence, then submit a new version.</source>
        <translation type="vanished">Tỉnh yêu cầu giải trình bổ sung mục này. Hãy trả lời trong phần giải trình, bổ sung tài liệu, rồi nộp phiên bản mới.</translation>
    </message>
    <message>
        <source>Signed version: view only</source>
        <translation type="vanished">Phiên bản đã ký: chỉ xem</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="vanished">Đang lưu…</translation>
    </message>
    <message>
        <source>Saved automatically</source>
        <translation type="vanished">Đã tự động lưu</translation>
    </message>
</context>
<context>
    <name>LeafView</name>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="196" />
        <source>How it is scored</source>
        <translation>Cách chấm điểm</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="197" />
        <source>Self-assessment</source>
        <translation>Tự đánh giá</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="198" />
        <source>Explanation (giải trình)</source>
        <translation>Giải trình</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="199" />
        <source>Evidence documents (tài liệu kiểm chứng)</source>
        <translation>Tài liệu kiểm chứng</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="200" />
        <source>Appraisal by the province</source>
        <translation>Kết quả thẩm định của tỉnh</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="201" />
        <source>&amp;Not applicable to our unit</source>
        <translation>&amp;Không áp dụng đối với đơn vị</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="202" />
        <source>The item's points leave the unit's maximum; explain why below.</source>
        <translation>Điểm của mục này được trừ khỏi điểm tối đa của đơn vị; hãy giải trình lý do bên dưới.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="203" />
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="291" />
        <source>Score:</source>
        <translation>Điểm:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="204" />
        <source>C&amp;lear answer</source>
        <translation>&amp;Xóa nội dung đã nhập</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="205" />
        <source>Remove the inputs of this item (can be undone)</source>
        <translation>Xóa dữ liệu đã nhập của mục này (có thể hoàn tác)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="206" />
        <source>How the score was reached, where the evidence is, or why it is missing. Saved automatically.</source>
        <translation>Giải trình cách chấm, tài liệu chứng minh nằm ở đâu, hoặc vì sao chưa có. Tự động lưu.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="208" />
        <source>Explanation</source>
        <translation>Giải trình</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="209" />
        <source>Choose an item in the tree on the left.</source>
        <translation>Chọn một mục trong cây bên trái.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="210" />
        <source>Selected item</source>
        <translation>Mục đang chọn</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="242" />
        <source>Maximum: %1</source>
        <translation>Điểm tối đa: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="247" />
        <source>Guidance: %1</source>
        <translation>Hướng dẫn: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="250" />
        <source>Expected evidence:</source>
        <translation>Tài liệu kiểm chứng cần có:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="261" />
        <source>the bonus block counts at most %1 in all</source>
        <translation>cả khối điểm thưởng chỉ tính tối đa %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="263" />
        <source>the penalty block takes off at most %1 in all</source>
        <translation>cả khối điểm trừ chỉ trừ tối đa %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="276" />
        <source>Version %1 is signed and locked: it can be viewed only. To change anything, open version %2.</source>
        <translation>Phiên bản %1 đã ký và khóa: chỉ xem được. Muốn sửa, hãy mở phiên bản %2.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="279" />
        <source>Open version %1</source>
        <translation>Mở phiên bản %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="291" />
        <source>Points taken off:</source>
        <translation>Số điểm bị trừ:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="293" />
        <source>N/A</source>
        <translation>Không áp dụng</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="294" />
        <source>Not applicable: its %1 leave the unit's maximum (now %2).</source>
        <translation>Không áp dụng: %1 của mục này không tính vào điểm tối đa của đơn vị (nay là %2).</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="310" />
        <source>Before submitting: %1</source>
        <translation>Cần xử lý trước khi nộp: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="325" />
        <source>Round %1: %2</source>
        <translation>Vòng %1: %2</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="326" />
        <source>no score yet</source>
        <translation>chưa có điểm</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="330" />
        <source>supplementary explanation requested</source>
        <translation>đề nghị giải trình bổ sung</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="334" />
        <source>The province asks for a supplementary explanation of this item. Answer it in the explanation and add evidence, then submit a new version.</source>
        <translation>Tỉnh yêu cầu giải trình bổ sung mục này. Hãy trả lời trong phần giải trình, bổ sung tài liệu, rồi nộp phiên bản mới.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="344" />
        <source>Signed version: view only</source>
        <translation>Phiên bản đã ký: chỉ xem</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="346" />
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/leaf_view.py" line="346" />
        <source>Saved automatically</source>
        <translation>Đã tự động lưu</translation>
    </message>
</context>
<context>
    <name>LevelEditor</name>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="239" />
        <source>Level</source>
        <translation>Mức</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="248" />
        <source>— choose a level —</source>
        <translation>— chọn mức —</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="127" />
        <source>All documents</source>
        <translation>Tất cả tài liệu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="127" />
        <source>Not linked to any item</source>
        <translation>Chưa gắn vào mục nào</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="128" />
        <source>Missing details</source>
        <translation>Thiếu thông tin văn bản</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="128" />
        <source>By item:</source>
        <translation>Theo mục:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="131" />
        <source>&amp;Show:</source>
        <translation>&amp;Hiển thị:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="132" />
        <source>Filter</source>
        <translation>Bộ lọc</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="133" />
        <source>Item</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="134" />
        <source>Search name, number, issuing body, subject (with or without diacritics)</source>
        <translation>Tìm tên tệp, số, ký hiệu, cơ quan ban hành, trích yếu (có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="136" />
        <source>Search documents</source>
        <translation>Tìm tài liệu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="137" />
        <source>In the documents' text:</source>
        <translation>Trong nội dung tài liệu:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="138" />
        <source>Pages that contain the search words</source>
        <translation>Các trang có từ cần tìm</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="139" />
        <source>Evidence library</source>
        <translation>Kho tài liệu kiểm chứng</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="140" />
        <source>&amp;Details…</source>
        <translation>&amp;Thông tin…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="141" />
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="142" />
        <source>&amp;Go to item</source>
        <translation>Đến &amp;mục</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/library.py" line="203" />
        <source>%1 — page %2: %3</source>
        <translation>%1 — trang %2: %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/library.py" line="225" />
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n tài liệu</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../parDesk/ui/dialogs/link_dialog.py" line="56" />
        <source>Link an existing document</source>
        <translation>Liên kết tài liệu đã có</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/link_dialog.py" line="57" />
        <source>Choose documents already in the library to use as evidence for item %1 as well. The file is not copied again.</source>
        <translation>Chọn tài liệu đã có trong kho để dùng làm tài liệu kiểm chứng cho cả mục %1. Tệp không bị sao chép lại.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/link_dialog.py" line="59" />
        <source>Search by name, number, issuing body or subject</source>
        <translation>Tìm theo tên tệp, số, ký hiệu, cơ quan ban hành hoặc trích yếu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/link_dialog.py" line="60" />
        <source>Search documents</source>
        <translation>Tìm tài liệu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/link_dialog.py" line="61" />
        <source>Documents in the library</source>
        <translation>Tài liệu trong kho</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/link_dialog.py" line="62" />
        <source>&amp;Link</source>
        <translation>&amp;Liên kết</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/link_dialog.py" line="63" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>LosingModel</name>
    <message>
        <location filename="../../parDesk/ui/models/results.py" line="54" />
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/results.py" line="55" />
        <source>Item</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/results.py" line="56" />
        <source>Score / max</source>
        <translation>Điểm / tối đa</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/results.py" line="57" />
        <source>Points lost</source>
        <translation>Điểm mất</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/results.py" line="58" />
        <source>Still missing</source>
        <translation>Còn thiếu</translation>
    </message>
</context>
<context>
    <name>LosingView</name>
    <message>
        <location filename="../../parDesk/ui/views/losing.py" line="68" />
        <source>Every item scored below its maximum, the largest loss first. Press Enter or click a line to open the item.</source>
        <translation>Các mục chưa đạt điểm tối đa, mục mất nhiều điểm nhất ở trên. Nhấn Enter hoặc bấm vào dòng để mở mục.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/losing.py" line="70" />
        <source>Where we lose points</source>
        <translation>Mất điểm ở đâu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/losing.py" line="93" />
        <source>No points are being lost.</source>
        <translation>Không mất điểm ở mục nào.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/losing.py" line="96" />
        <source>%1 at stake in %n item(s)</source>
        <translation>
            <numerusform>Đang mất %1 ở %n mục</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="188" />
        <source>parDesk — PAR Index self-assessment</source>
        <translation>parDesk — Tự đánh giá Chỉ số CCHC</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="189" />
        <source>You are looking at SAMPLE data to learn parDesk. When you are ready, set up your own unit: the sample stays separate.</source>
        <translation>Bạn đang xem dữ liệu MẪU để làm quen với parDesk. Khi sẵn sàng, hãy thiết lập đơn vị của mình: dữ liệu mẫu được giữ riêng.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="191" />
        <source>Set up my unit…</source>
        <translation>Thiết lập đơn vị của tôi…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="192" />
        <source>&amp;Assessment</source>
        <translation>&amp;Chấm điểm</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="192" />
        <source>Evidence &amp;library</source>
        <translation>&amp;Kho tài liệu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="192" />
        <source>Where we &amp;lose points</source>
        <translation>&amp;Mất điểm ở đâu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="193" />
        <source>&amp;Submit</source>
        <translation>&amp;Nộp</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="193" />
        <source>After su&amp;bmission</source>
        <translation>Sau khi nộ&amp;p</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="196" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="197" />
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="198" />
        <source>&amp;Go</source>
        <translation>&amp;Đi tới</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="199" />
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="200" />
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="201" />
        <source>Set up a &amp;new unit…</source>
        <translation>Thiết lập đơn vị &amp;mới…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="202" />
        <source>&amp;Open a workspace folder…</source>
        <translation>&amp;Mở thư mục làm việc…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="203" />
        <source>&amp;Print the forms…</source>
        <translation>&amp;In các biểu mẫu…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="204" />
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="270" />
        <source>&amp;Undo: %1</source>
        <translation>&amp;Hoàn tác: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="271" />
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="272" />
        <source>&amp;Redo: %1</source>
        <translation>&amp;Làm lại: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="273" />
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="206" />
        <source>&amp;Add evidence files…</source>
        <translation>&amp;Thêm tệp tài liệu kiểm chứng…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="207" />
        <source>&amp;Link an existing document…</source>
        <translation>&amp;Liên kết tài liệu đã có…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="208" />
        <source>&amp;Search items</source>
        <translation>&amp;Tìm mục</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="209" />
        <source>&amp;Next item</source>
        <translation>Mục &amp;tiếp theo</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="210" />
        <source>&amp;Previous item</source>
        <translation>Mục t&amp;rước</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="211" />
        <source>Go to the &amp;answer</source>
        <translation>Đến ô &amp;nhập kết quả</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="212" />
        <source>Go to the &amp;explanation</source>
        <translation>Đến ô &amp;giải trình</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="215" />
        <source>&amp;About parDesk</source>
        <translation>&amp;Giới thiệu parDesk</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="216" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="289" />
        <source>A new version is open for editing.</source>
        <translation>Đã mở phiên bản mới để sửa.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="319" />
        <source>Open a parDesk workspace folder</source>
        <translation>Mở thư mục làm việc parDesk</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="324" />
        <source>parDesk</source>
        <translation>parDesk</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="327" />
        <source>About parDesk</source>
        <translation>Giới thiệu parDesk</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="328" />
        <source>parDesk %1 — offline self-assessment of the PAR Index for communes.
Workspace: %2</source>
        <translation>parDesk %1 — tự đánh giá Chỉ số CCHC cấp xã, làm việc không cần mạng.
Thư mục làm việc: %2</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/main_window.py" line="335" />
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
</context>
<context>
    <name>ManualEditor</name>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="324" />
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="324" />
        <source>Points taken off</source>
        <translation>Số điểm bị trừ</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="325" />
        <source>e.g. %1</source>
        <translation>ví dụ %1</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="82" />
        <source>Sign the submission</source>
        <translation>Ký số hồ sơ</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="82" />
        <source>Create the signing key</source>
        <translation>Tạo khóa ký số</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="83" />
        <source>Import a certificate file</source>
        <translation>Nhập tệp chứng thư số</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="85" />
        <source>The leader's passphrase unlocks the key. The assessment is then frozen, signed and locked; changes after this go into a new version.</source>
        <translation>Cụm mật khẩu của lãnh đạo mở khóa ký số. Bản tự đánh giá sau đó được chốt, ký số và khóa lại; mọi thay đổi sau đó thuộc về phiên bản mới.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="87" />
        <source>A new key is made on this computer and kept encrypted with this passphrase. Choose at least 8 characters and keep it safe: without it the key cannot sign.</source>
        <translation>Khóa mới được tạo trên máy này và được mã hóa bằng cụm mật khẩu. Hãy chọn ít nhất 8 ký tự và giữ cẩn thận: không có nó thì không ký được.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="89" />
        <source>Import the .p12 / .pfx file from your certification authority. Its key is kept encrypted on this computer with the passphrase you choose here.</source>
        <translation>Nhập tệp .p12 / .pfx do tổ chức chứng thực cấp. Khóa trong tệp được mã hóa trên máy này bằng cụm mật khẩu bạn chọn ở đây.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="94" />
        <source>Certificate &amp;file:</source>
        <translation>&amp;Tệp chứng thư số:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="95" />
        <source>File pass&amp;word:</source>
        <translation>&amp;Mật khẩu của tệp:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="96" />
        <source>&amp;Passphrase:</source>
        <translation>&amp;Cụm mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="97" />
        <source>Passphrase &amp;again:</source>
        <translation>&amp;Nhập lại cụm mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="98" />
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="101" />
        <source>&amp;Sign</source>
        <translation>&amp;Ký số</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="101" />
        <source>&amp;Create</source>
        <translation>&amp;Tạo</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="101" />
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="103" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="111" />
        <source>Choose the certificate file</source>
        <translation>Chọn tệp chứng thư số</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="112" />
        <source>Certificates (*.p12 *.pfx);;All files (*)</source>
        <translation>Chứng thư số (*.p12 *.pfx);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="118" />
        <source>Enter the passphrase.</source>
        <translation>Hãy nhập cụm mật khẩu.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="121" />
        <source>The passphrase is too short: use at least %n character(s).</source>
        <translation>
            <numerusform>Cụm mật khẩu quá ngắn: hãy dùng ít nhất %n ký tự.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="125" />
        <source>The two passphrases differ: type the same passphrase twice.</source>
        <translation>Hai lần nhập cụm mật khẩu khác nhau: hãy nhập cùng một cụm mật khẩu hai lần.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/passphrase_dialog.py" line="128" />
        <source>Choose the certificate file (.p12 or .pfx).</source>
        <translation>Hãy chọn tệp chứng thư số (.p12 hoặc .pfx).</translation>
    </message>
</context>
<context>
    <name>PdfPageDialog</name>
    <message>
        <location filename="../../parDesk/ui/dialogs/pdf_viewer.py" line="35" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <location filename="../../parDesk/ui/models/results.py" line="126" />
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/results.py" line="127" />
        <source>Item</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/results.py" line="128" />
        <source>Problem</source>
        <translation>Vấn đề</translation>
    </message>
</context>
<context>
    <name>ProposalPanel</name>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="127" />
        <source>Proposed from the document — please check</source>
        <translation>Đề xuất từ nội dung tài liệu — hãy kiểm tra</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="128" />
        <source>Accept all (Ctrl+Enter)</source>
        <translation>Nhận tất cả (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="129" />
        <source>Fill the empty details of these documents with the values shown; what you typed yourself is kept</source>
        <translation>Điền các thông tin còn trống của những tài liệu này bằng giá trị đang hiển thị; những gì bạn đã tự nhập được giữ nguyên</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="131" />
        <source>Dismiss</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="132" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="133" />
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="133" />
        <source>Number</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="133" />
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="134" />
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="134" />
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="134" />
        <source>Quality</source>
        <translation>Chất lượng</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="135" />
        <source>Proposed document details</source>
        <translation>Thông tin tài liệu được đề xuất</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/widgets/proposals.py" line="152" />
        <source>Reading %n document(s)…</source>
        <translation>
            <numerusform>Đang đọc %n tài liệu…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="172" />
        <source>Reading cancelled; nothing was changed.</source>
        <translation>Đã hủy việc đọc; không có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="211" />
        <source>Certificate: %1</source>
        <translation>Chứng thư: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="231" />
        <source>Typed by you; kept</source>
        <translation>Do bạn nhập; được giữ nguyên</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="254" />
        <source>Check each value against the document, edit what is wrong, then accept.</source>
        <translation>Đối chiếu từng giá trị với tài liệu, sửa chỗ sai rồi bấm nhận.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/proposals.py" line="265" />
        <source>OK</source>
        <translation>Đạt</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/widgets/proposals.py" line="292" />
        <source>Details filled from %n document(s).</source>
        <translation>
            <numerusform>Đã điền thông tin từ %n tài liệu.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProvinceNote</name>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="361" />
        <source>The province fills in this item's points; there is nothing to enter here.</source>
        <translation>Điểm của mục này do tỉnh chấm; đơn vị không cần nhập gì.</translation>
    </message>
</context>
<context>
    <name>RatioEditor</name>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="194" />
        <source>Number meeting the requirement</source>
        <translation>Số đạt yêu cầu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="195" />
        <source>Total number</source>
        <translation>Tổng số</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="206" />
        <source>Enter both numbers to compute the score.</source>
        <translation>Nhập cả hai số để tính điểm.</translation>
    </message>
</context>
<context>
    <name>ReceiptModel</name>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="257" />
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="258" />
        <source>Package</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="259" />
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="264" />
        <source>not queued for sending (carry it on USB)</source>
        <translation>chưa đưa vào hàng gửi (mang lên tỉnh bằng USB)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="266" />
        <source>waiting to be sent</source>
        <translation>chờ gửi</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="268" />
        <source>uploading %1 %</source>
        <translation>đang tải lên %1 %</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="270" />
        <source>the province is verifying</source>
        <translation>tỉnh đang kiểm tra</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="273" />
        <source>accepted — receipt of %1</source>
        <translation>tỉnh đã chấp nhận — biên nhận lúc %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="275" />
        <source>accepted</source>
        <translation>tỉnh đã chấp nhận</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="278" />
        <source>refused: %1</source>
        <translation>tỉnh từ chối: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="280" />
        <source>stopped: %1</source>
        <translation>đã dừng: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/models/appraisals.py" line="298" />
        <source>Receipt number %1</source>
        <translation>Biên nhận số %1</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="107" />
        <source>Register with the province's server</source>
        <translation>Đăng ký với máy chủ của tỉnh</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="108" />
        <source>Registering lets parDesk send the signed packages over the network and bring back receipts and appraisal results. Type the server address and the server key fingerprint exactly as the province published them; the leader's passphrase signs the request once. The province then approves the registration.</source>
        <translation>Đăng ký để parDesk gửi hồ sơ đã ký qua mạng và nhận về biên nhận, kết quả thẩm định. Nhập địa chỉ máy chủ và dấu vân tay khóa máy chủ đúng như tỉnh đã công bố; cụm mật khẩu của lãnh đạo dùng để ký đề nghị một lần. Sau đó tỉnh phê duyệt đăng ký.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="112" />
        <source>Server &amp;address:</source>
        <translation>Địa chỉ &amp;máy chủ:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="113" />
        <source>Server key &amp;fingerprint:</source>
        <translation>&amp;Dấu vân tay khóa máy chủ:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="114" />
        <source>&amp;Contact (phone or e-mail):</source>
        <translation>&amp;Liên hệ (điện thoại hoặc thư điện tử):</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="115" />
        <source>Signing &amp;passphrase:</source>
        <translation>&amp;Cụm mật khẩu ký số:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="116" />
        <source>64 letters and digits, from the province's letter</source>
        <translation>64 chữ và số, theo văn bản của tỉnh</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="119" />
        <source>&amp;Register</source>
        <translation>Đăng &amp;ký</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="120" />
        <source>Check the &amp;status</source>
        <translation>Kiểm tra &amp;trạng thái</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="121" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="154" />
        <source>Not registered yet</source>
        <translation>Chưa đăng ký</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="155" />
        <source>Until then, packages can travel to the province on a USB stick.</source>
        <translation>Trong lúc chờ, có thể mang hồ sơ lên tỉnh bằng USB.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="157" />
        <source>Registered: the province approved this unit</source>
        <translation>Đã đăng ký: tỉnh đã phê duyệt đơn vị</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="158" />
        <source>Packages are sent from the Submit tab.</source>
        <translation>Hồ sơ được gửi từ thẻ Nộp.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="160" />
        <source>Registration sent: waiting for the province's approval</source>
        <translation>Đã gửi đăng ký: chờ tỉnh phê duyệt</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="161" />
        <source>Request number %1. Ask the province to approve it, then press “Check the status”.</source>
        <translation>Số đề nghị %1. Đề nghị tỉnh phê duyệt, sau đó bấm “Kiểm tra trạng thái”.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="164" />
        <source>Registration: %1</source>
        <translation>Đăng ký: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="167" />
        <source>Server key: %1…</source>
        <translation>Khóa máy chủ: %1…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="176" />
        <source>The server could not be reached: %1. Check the address and the network, then press “Register” again.</source>
        <translation>Không kết nối được máy chủ: %1. Hãy kiểm tra địa chỉ và mạng, rồi bấm “Đăng ký” lại.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="194" />
        <source>Type the server address the province gave you.</source>
        <translation>Nhập địa chỉ máy chủ do tỉnh cung cấp.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="197" />
        <source>The server address must start with https:// (for example https://cchc.tinh.gov.vn).</source>
        <translation>Địa chỉ máy chủ phải bắt đầu bằng https:// (ví dụ https://cchc.tinh.gov.vn).</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="201" />
        <source>The fingerprint is 64 letters (a–f) and digits; check it against the province's letter.</source>
        <translation>Dấu vân tay gồm 64 chữ (a–f) và số; hãy đối chiếu với văn bản của tỉnh.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/registration_dialog.py" line="204" />
        <source>Enter the signing key's passphrase.</source>
        <translation>Nhập cụm mật khẩu của khóa ký số.</translation>
    </message>
</context>
<context>
    <name>RuleText</name>
    <message>
        <location filename="../../parDesk/ui/text.py" line="59" />
        <source>%1 point</source>
        <translation>%1 điểm</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="60" />
        <source>%1 points</source>
        <translation>%1 điểm</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="70" />
        <source>No deadline in the framework</source>
        <translation>Bộ chỉ số không ghi hạn nộp</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="77" />
        <source>%n day(s) left</source>
        <translation>còn %n ngày</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="79" />
        <source>Due today</source>
        <translation>Hết hạn hôm nay</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="80" />
        <source>%n day(s) overdue</source>
        <translation>quá hạn %n ngày</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="98" />
        <source>Percentage = %1 / %2.</source>
        <translation>Tỷ lệ = %1 / %2.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="91" />
        <source>numerator</source>
        <translation>tử số</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="89" />
        <source>Done as required: %1; otherwise %2.</source>
        <translation>Thực hiện đúng yêu cầu: %1; không thực hiện: %2.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="92" />
        <source>denominator</source>
        <translation>mẫu số</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="94" />
        <source>From %1% up: %2</source>
        <translation>Từ %1% trở lên: %2</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="96" />
        <source>below that: %1</source>
        <translation>thấp hơn: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="102" />
        <source>Points = %1 × %2 / %3.</source>
        <translation>Điểm = %1 × %2 / %3.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="108" />
        <source>Rounded to %n decimal place(s).</source>
        <translation>Làm tròn đến %n chữ số thập phân.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="113" />
        <source>Choose one level: %1.</source>
        <translation>Chọn một mức: %1.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="115" />
        <source>Score it yourself from 0 to %1, in steps of %2.</source>
        <translation>Tự chấm từ 0 đến %1 điểm, theo bước %2.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="118" />
        <source>violations</source>
        <translation>vi phạm</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="119" />
        <source>Start from %1; take off %2 for each case (%3); never below %4.</source>
        <translation>Tối đa %1; trừ %2 cho mỗi trường hợp (%3); thấp nhất %4.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="123" />
        <source>Scored by the province (sociological survey or its own data); the commune does not score it.</source>
        <translation>Do tỉnh chấm (điều tra xã hội học hoặc số liệu của tỉnh); xã không tự chấm.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="130" />
        <source>When the total is 0: %1.</source>
        <translation>Nếu tổng số bằng 0: %1.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="134" />
        <source>no score</source>
        <translation>chưa chấm</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="134" />
        <source>no evidence</source>
        <translation>thiếu tài liệu kiểm chứng</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="135" />
        <source>no explanation</source>
        <translation>thiếu giải trình</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="141" />
        <source>Not started</source>
        <translation>Chưa bắt đầu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="142" />
        <source>In progress</source>
        <translation>Đang làm</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="143" />
        <source>Complete</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="144" />
        <source>Problem</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="145" />
        <source>Not applicable</source>
        <translation>Không áp dụng</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="146" />
        <source>Scored by the province</source>
        <translation>Tỉnh chấm</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="147" />
        <source>Appraised</source>
        <translation>Đã thẩm định</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/text.py" line="148" />
        <source>Explanation requested</source>
        <translation>Được yêu cầu giải trình</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="409" />
        <source>The province's server (optional)</source>
        <translation>Máy chủ của tỉnh (không bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="410" />
        <source>Where submissions are sent. Leave it empty if you do not know it yet.</source>
        <translation>Nơi nhận hồ sơ. Để trống nếu chưa biết.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="411" />
        <source>Server &amp;address:</source>
        <translation>&amp;Địa chỉ máy chủ:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="413" />
        <source>Server address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="414" />
        <source>You can also carry the package to the province on a USB stick.</source>
        <translation>Bạn cũng có thể mang hồ sơ lên tỉnh bằng USB.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="426" />
        <source>Enter an address like https://cchc.example.gov.vn, or leave it empty.</source>
        <translation>Nhập địa chỉ dạng https://cchc.example.gov.vn, hoặc để trống.</translation>
    </message>
</context>
<context>
    <name>SignatureImagesDialog</name>
    <message>
        <location filename="../../parDesk/ui/dialogs/images_dialog.py" line="35" />
        <source>Signature and seal images</source>
        <translation>Ảnh chữ ký và con dấu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/images_dialog.py" line="38" />
        <source>The signed letter shows the leader's signature (blue, on a transparent PNG) between the title and the name, and the seal (red PNG) at its real size over the left third of the signature, as Decree 30/2020 describes. Choose them once.</source>
        <translation>Văn bản ký số hiển thị chữ ký của lãnh đạo (màu xanh, ảnh PNG nền trong suốt) giữa chức vụ và họ tên, và con dấu (ảnh PNG màu đỏ) đúng kích thước thực, trùm lên khoảng 1/3 chữ ký về bên trái, theo Nghị định 30/2020. Chỉ cần chọn một lần.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/images_dialog.py" line="50" />
        <location filename="../../parDesk/ui/dialogs/images_dialog.py" line="51" />
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/images_dialog.py" line="66" />
        <source>Leader's signature</source>
        <translation>Chữ ký của lãnh đạo</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/images_dialog.py" line="67" />
        <source>Seal</source>
        <translation>Con dấu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/images_dialog.py" line="68" />
        <source>Seal diameter</source>
        <translation>Đường kính con dấu</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/images_dialog.py" line="96" />
        <source>Choose an image</source>
        <translation>Chọn ảnh</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/images_dialog.py" line="96" />
        <source>PNG images (*.png)</source>
        <translation>Ảnh PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../parDesk/ui/widgets/status_bar.py" line="59" />
        <source>Sending %1%</source>
        <translation>Đang gửi %1%</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/status_bar.py" line="61" />
        <source>Offline: not registered with the province's server</source>
        <translation>Ngoại tuyến: chưa đăng ký với máy chủ của tỉnh</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/widgets/status_bar.py" line="63" />
        <source>%n package(s) waiting to be sent</source>
        <translation>
            <numerusform>%n hồ sơ chờ gửi</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/status_bar.py" line="64" />
        <source>Nothing waiting to be sent</source>
        <translation>Không có hồ sơ chờ gửi</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/status_bar.py" line="67" />
        <source>Packages are sent from the Submit screen; they can also travel on a USB stick.</source>
        <translation>Hồ sơ được gửi từ màn hình Nộp; cũng có thể mang lên tỉnh bằng USB.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/status_bar.py" line="71" />
        <source>Last sync: %1</source>
        <translation>Đồng bộ lần cuối: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/status_bar.py" line="72" />
        <source>Last sync: never</source>
        <translation>Đồng bộ lần cuối: chưa có</translation>
    </message>
</context>
<context>
    <name>SubmitView</name>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="200" />
        <source>Sign, package and send</source>
        <translation>Ký số, đóng gói và gửi</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="213" />
        <source>Sign and build the package…</source>
        <translation>Ký số và đóng gói hồ sơ…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="214" />
        <source>Send to the province</source>
        <translation>Gửi lên tỉnh</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="216" />
        <source>Save a copy for USB…</source>
        <translation>Lưu bản sao ra USB…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="219" />
        <source>Export to Excel (XLSX)…</source>
        <translation>Xuất ra Excel (XLSX)…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="199" />
        <source>Signing key</source>
        <translation>Khóa ký số</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="201" />
        <source>&amp;Create a key…</source>
        <translation>&amp;Tạo khóa…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="202" />
        <source>&amp;Import a .p12 file…</source>
        <translation>&amp;Nhập tệp .p12…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="203" />
        <source>Sign with the USB &amp;token…</source>
        <translation>Ký bằng USB &amp;token…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="204" />
        <source>Signature and seal images…</source>
        <translation>Ảnh chữ ký và con dấu…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="206" />
        <source>The leader's certificate from the CA (VNPT-CA, Viettel-CA, Ban Cơ yếu…) on a USB token; the key never leaves the token.</source>
        <translation>Chứng thư số của lãnh đạo do tổ chức cung cấp dịch vụ cấp (VNPT-CA, Viettel-CA, Ban Cơ yếu…) trên USB token; khóa không bao giờ rời khỏi token.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="208" />
        <source>A certificate the CA issued as a .p12/.pfx file, protected by its password.</source>
        <translation>Chứng thư số được cấp dưới dạng tệp .p12/.pfx, bảo vệ bằng mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="209" />
        <source>A key made by parDesk, for a commune without a token; the province registers it.</source>
        <translation>Khóa do parDesk tạo, cho xã chưa có token; tỉnh đăng ký khóa này.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="211" />
        <source>The leader's signature and the seal shown on the signed letter.</source>
        <translation>Chữ ký của lãnh đạo và con dấu hiển thị trên văn bản ký số.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="215" />
        <source>Register with the province's server…</source>
        <translation>Đăng ký với máy chủ của tỉnh…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="217" />
        <source>&amp;Print the forms…</source>
        <translation>&amp;In các biểu mẫu…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="218" />
        <source>Save the forms as PDF…</source>
        <translation>Lưu biểu mẫu thành PDF…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="220" />
        <source>Import answers from Excel…</source>
        <translation>Nhập kết quả từ Excel…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="221" />
        <source>Open a new version</source>
        <translation>Mở phiên bản mới</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="222" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="223" />
        <source>Blocking problems</source>
        <translation>Các nội dung cần hoàn thiện trước khi nộp</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="253" />
        <source>Documents the province may send back:</source>
        <translation>Tài liệu tỉnh có thể trả lại:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/submit.py" line="272" />
        <source>Not ready to submit: %n blocking problem(s)</source>
        <translation>
            <numerusform>Chưa thể nộp: còn %n nội dung cần hoàn thiện</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="273" />
        <source>Click a problem (or press Enter) to open its item. Self-score: %1, %2.</source>
        <translation>Bấm vào một vấn đề (hoặc nhấn Enter) để mở mục đó. Điểm tự chấm: %1, %2.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="277" />
        <source>Ready to submit: no blocking problems</source>
        <translation>Sẵn sàng nộp: mọi nội dung đã hoàn thiện</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="278" />
        <source>Every item is scored and has evidence or an explanation. Self-score: %1, %2.</source>
        <translation>Mọi mục đã được chấm và có tài liệu kiểm chứng hoặc giải trình. Điểm tự chấm: %1, %2.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="282" />
        <source>Version %1 is signed and locked: it can be viewed only</source>
        <translation>Phiên bản %1 đã ký và khóa: chỉ xem được</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="284" />
        <source>To change anything, open version %1.</source>
        <translation>Muốn sửa, hãy mở phiên bản %1.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="288" />
        <source>signed and locked</source>
        <translation>đã ký và khóa</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="288" />
        <source>draft, not yet signed</source>
        <translation>bản nháp, chưa ký</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="289" />
        <source>Assessment %1, version %2: %3</source>
        <translation>Bản tự đánh giá năm %1, phiên bản %2: %3</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="302" />
        <source>Not available: this part of parDesk is missing from this installation.</source>
        <translation>Không dùng được: bản cài đặt này thiếu phần này của parDesk.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="304" />
        <source>A key exists already.</source>
        <translation>Đã có khóa.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="307" />
        <location filename="../../parDesk/ui/views/submit.py" line="310" />
        <source>Signed already.</source>
        <translation>Đã ký rồi.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="310" />
        <location filename="../../parDesk/ui/views/submit.py" line="316" />
        <source>Create or import the signing key first.</source>
        <translation>Hãy tạo hoặc nhập khóa ký số trước.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="311" />
        <source>Solve the blocking problems above first.</source>
        <translation>Hãy hoàn thiện các nội dung ở trên trước.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="313" />
        <source>Nothing waits to be sent.</source>
        <translation>Không có hồ sơ nào chờ gửi.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="314" />
        <source>Register with the province's server first: press “Register with the province's server…”.</source>
        <translation>Hãy đăng ký với máy chủ của tỉnh trước: bấm “Đăng ký với máy chủ của tỉnh…”.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="317" />
        <source>Sign and build the package first.</source>
        <translation>Hãy ký số và đóng gói hồ sơ trước.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="319" />
        <source>Printing needs QtPdf, which is missing from this installation: save the forms as PDF and print them from your PDF reader.</source>
        <translation>Bản cài đặt này thiếu QtPdf nên không in trực tiếp được: hãy lưu biểu mẫu thành PDF rồi in từ trình đọc PDF.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="324" />
        <source>The assessment is signed and locked: open a new version first.</source>
        <translation>Bản tự đánh giá đã ký và khóa: hãy mở phiên bản mới trước.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="326" />
        <source>Only a signed assessment needs a new version.</source>
        <translation>Chỉ bản đã ký mới cần mở phiên bản mới.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="334" />
        <source>Subject: %1
Issuer: %2
Fingerprint (SHA-256): %3</source>
        <translation>Chủ thể: %1
Tổ chức cấp: %2
Dấu vân tay (SHA-256): %3</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="339" />
        <source>No signing key yet. Create one (a certificate request is made for the province) or import the .p12 file from your CA.</source>
        <translation>Chưa có khóa ký số. Hãy tạo khóa (kèm yêu cầu cấp chứng thư gửi tỉnh) hoặc nhập tệp .p12 do tổ chức chứng thực cấp.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="345" />
        <source>Package version %1 (%2): %3</source>
        <translation>Hồ sơ phiên bản %1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="348" />
        <source>Not registered with the province's server yet: carry the package on USB, or press “Register with the province's server…”.</source>
        <translation>Chưa đăng ký với máy chủ của tỉnh: mang hồ sơ lên tỉnh bằng USB, hoặc bấm “Đăng ký với máy chủ của tỉnh…”.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="357" />
        <source>%1 (code %2)</source>
        <translation>%1 (mã %2)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="359" />
        <source>issued by the unit itself, until the province's certificate arrives</source>
        <translation>do đơn vị tự cấp, trong khi chờ chứng thư số của tỉnh</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="361" />
        <source>issued by %1</source>
        <translation>do %1 cấp</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="363" />
        <source>expired on %1</source>
        <translation>đã hết hạn ngày %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/submit.py" line="366" />
        <source>valid from %1 to %2 (%n day(s) left)</source>
        <translation>
            <numerusform>hiệu lực từ %1 đến %2 (còn %n ngày)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="368" />
        <source>Signing certificate of %1
%2; %3</source>
        <translation>Chứng thư số của %1
%2; %3</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="562" />
        <location filename="../../parDesk/ui/views/submit.py" line="576" />
        <source>Import answers from Excel</source>
        <translation>Nhập kết quả từ Excel</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/submit.py" line="579" />
        <source>Nothing was imported: %n cell(s) need fixing in the spreadsheet.</source>
        <translation>
            <numerusform>Chưa nhập gì: %n ô trong bảng tính cần sửa.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="588" />
        <source>The spreadsheet changes nothing.</source>
        <translation>Bảng tính không thay đổi gì.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/submit.py" line="592" />
        <source>%n item(s) will change:</source>
        <translation>
            <numerusform>%n mục sẽ thay đổi:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/submit.py" line="599" />
        <source>Imported %n item(s) from the spreadsheet.</source>
        <translation>
            <numerusform>Đã nhập %n mục từ bảng tính.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="398" />
        <source>Cancelled; nothing was changed.</source>
        <translation>Đã hủy; không có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="431" />
        <source>Key created: %1</source>
        <translation>Đã tạo khóa: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="440" />
        <source>Certificate imported: %1</source>
        <translation>Đã nhập chứng thư số: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="460" />
        <source>Signed on the token and packaged: %1 (%2). The assessment is locked.</source>
        <translation>Đã ký bằng token và đóng gói: %1 (%2). Bản tự đánh giá đã được khóa.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="475" />
        <source>Signature and seal images saved; the next signed forms show them.</source>
        <translation>Đã lưu ảnh chữ ký và con dấu; các biểu mẫu ký số tiếp theo sẽ hiển thị chúng.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="484" />
        <source>Signed and packaged: %1 (%2). The assessment is locked.</source>
        <translation>Đã ký và đóng gói: %1 (%2). Bản tự đánh giá đã khóa.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="496" />
        <source>Choose the USB stick or folder</source>
        <translation>Chọn USB hoặc thư mục</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="505" />
        <source>Copied to %1</source>
        <translation>Đã sao chép vào %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/submit.py" line="510" />
        <source>Sent: %n package(s) accepted.</source>
        <translation>
            <numerusform>Đã gửi: %n hồ sơ được tiếp nhận.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="515" />
        <source>Choose a folder for the PDF forms</source>
        <translation>Chọn thư mục lưu biểu mẫu PDF</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="525" />
        <source>Forms saved: %1</source>
        <translation>Đã lưu biểu mẫu: %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="534" />
        <source>PAR Index forms</source>
        <translation>Biểu mẫu Chỉ số CCHC</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="536" />
        <source>Print the forms</source>
        <translation>In các biểu mẫu</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parDesk/ui/views/submit.py" line="547" />
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>Đã gửi %n trang tới máy in.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="552" />
        <source>Export to Excel</source>
        <translation>Xuất ra Excel</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="552" />
        <location filename="../../parDesk/ui/views/submit.py" line="563" />
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/views/submit.py" line="559" />
        <source>Exported: %1</source>
        <translation>Đã xuất: %1</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="42" />
        <source>Sign with the USB token</source>
        <extracomment>how the dialog reads tokens: (module path, on_done(list[TokenInfo]), on_error(exc)) — the slow pool</extracomment>
        <translation>Ký bằng USB token</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="46" />
        <source>Plug in the leader's USB token. Pick the token's program file once (the certificate provider installed it); parDesk also looks in the usual places.</source>
        <translation>Cắm USB token của lãnh đạo vào máy. Chọn tệp chương trình của token một lần (do nhà cung cấp chứng thư số cài đặt); parDesk cũng tự tìm ở các vị trí thông dụng.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="50" />
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="52" />
        <source>Find tokens</source>
        <translation>Tìm token</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="59" />
        <source>Token / certificate owner</source>
        <translation>Token / chủ chứng thư</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="59" />
        <source>Issuer</source>
        <translation>Tổ chức cấp</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="59" />
        <source>Valid</source>
        <translation>Hiệu lực</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="60" />
        <source>Signs</source>
        <translation>Ký được</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="70" />
        <source>Token program (PKCS#11)</source>
        <translation>Chương trình token (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="71" />
        <source>PIN</source>
        <translation>Mã PIN</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="73" />
        <source>Sign</source>
        <translation>Ký</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="89" />
        <source>Token program</source>
        <translation>Chương trình token</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="90" />
        <source>PKCS#11 module (*.dll *.so *.so.* *.dylib);;All files (*)</source>
        <translation>Thư viện PKCS#11 (*.dll *.so *.so.* *.dylib);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="117" />
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="117" />
        <source>no key</source>
        <translation>không có khóa</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="128" />
        <source>No token found behind this program. Plug the token in and press Find.</source>
        <translation>Không thấy token nào qua chương trình này. Hãy cắm token rồi bấm Tìm.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="157" />
        <source>This token asks for its PIN in its own window: answer it there.</source>
        <translation>Token này tự hỏi mã PIN trong cửa sổ riêng của nó: hãy nhập ở đó.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/dialogs/token_dialog.py" line="158" />
        <source>The PIN is used once for this signature; parDesk never keeps it. Each wrong PIN counts towards locking the token.</source>
        <translation>Mã PIN chỉ dùng một lần cho lần ký này; parDesk không lưu giữ. Mỗi lần nhập sai đều bị tính vào số lần dẫn tới khóa token.</translation>
    </message>
</context>
<context>
    <name>TotalsBar</name>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="85" />
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="92" />
        <source>Total</source>
        <translation>Tổng điểm</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="85" />
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="96" />
        <source>Percentage</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="86" />
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="98" />
        <source>Rating</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="86" />
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="100" />
        <source>Scored</source>
        <translation>Đã chấm</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="91" />
        <source>Total (scale %1)</source>
        <translation>Tổng điểm (thang %1)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="94" />
        <source>Points so far out of the unit's own maximum (framework scale %1)</source>
        <translation>Điểm hiện có trên điểm tối đa của đơn vị (thang điểm bộ chỉ số %1)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="99" />
        <source>No rating until something is scored</source>
        <translation>Chưa xếp loại khi chưa chấm mục nào</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="101" />
        <source>Items with a self-score, of the items the unit must score</source>
        <translation>Số mục đã tự chấm trên số mục đơn vị phải chấm</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="103" />
        <source>Deadline %1</source>
        <translation>Hạn nộp %1</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/totals_bar.py" line="104" />
        <source>Deadline</source>
        <translation>Hạn nộp</translation>
    </message>
</context>
<context>
    <name>TreePane</name>
    <message>
        <location filename="../../parDesk/ui/widgets/tree_pane.py" line="77" />
        <source>Search codes or words (Ctrl+F)</source>
        <translation>Tìm mã hoặc từ (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/tree_pane.py" line="78" />
        <source>Search the framework</source>
        <translation>Tìm trong bộ chỉ số</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/tree_pane.py" line="79" />
        <source>Framework items</source>
        <translation>Các mục của bộ chỉ số</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/tree_pane.py" line="80" />
        <source>No item matches the search.</source>
        <translation>Không có mục nào khớp.</translation>
    </message>
</context>
<context>
    <name>TsaField</name>
    <message>
        <location filename="../../parDesk/ui/widgets/tsa_field.py" line="63" />
        <source>&amp;Timestamp server (TSA):</source>
        <translation>Máy chủ &amp;dấu thời gian (TSA):</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/tsa_field.py" line="64" />
        <source>Clear</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/tsa_field.py" line="67" />
        <source>The province's RFC 3161 server: the signed forms then carry its timestamp (PAdES B-T). Empty: signed without a timestamp (PAdES B-B).</source>
        <translation>Máy chủ RFC 3161 của tỉnh: các biểu mẫu ký số sẽ kèm dấu thời gian của máy chủ này (PAdES B-T). Để trống: ký không kèm dấu thời gian (PAdES B-B).</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/tsa_field.py" line="71" />
        <source>Timestamp server (TSA)</source>
        <translation>Máy chủ dấu thời gian (TSA)</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/tsa_field.py" line="72" />
        <source>Sign the forms without a timestamp server.</source>
        <translation>Ký các biểu mẫu mà không dùng máy chủ dấu thời gian.</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="123" />
        <source>Your unit</source>
        <translation>Đơn vị của bạn</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="124" />
        <source>As written on your documents. The administrative code has 5 digits.</source>
        <translation>Ghi như trên văn bản của đơn vị. Mã đơn vị hành chính gồm 5 chữ số.</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="126" />
        <source>Administrative &amp;code:</source>
        <translation>&amp;Mã đơn vị hành chính:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="126" />
        <source>e.g. 10105</source>
        <translation>ví dụ 10105</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="127" />
        <source>Unit &amp;name:</source>
        <translation>&amp;Tên đơn vị:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="127" />
        <source>e.g. Ủy ban nhân dân xã Tân Lập</source>
        <translation>ví dụ Ủy ban nhân dân xã Tân Lập</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="128" />
        <source>&amp;Province:</source>
        <translation>&amp;Tỉnh:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="128" />
        <source>e.g. Tỉnh Phú Thọ</source>
        <translation>ví dụ Tỉnh Phú Thọ</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="129" />
        <source>&amp;Leader's name:</source>
        <translation>&amp;Họ tên lãnh đạo:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="129" />
        <source>who signs the submission</source>
        <translation>người ký hồ sơ</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="130" />
        <source>Leader's &amp;title:</source>
        <translation>&amp;Chức vụ lãnh đạo:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="131" />
        <source>Place name for &amp;dates:</source>
        <translation>&amp;Địa danh ghi ngày tháng:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="131" />
        <source>e.g. Tân Lập</source>
        <translation>ví dụ Tân Lập</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="132" />
        <source>&amp;Officer in charge:</source>
        <translation>&amp;Công chức phụ trách:</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/wizard.py" line="132" />
        <source>your name</source>
        <translation>họ tên của bạn</translation>
    </message>
</context>
<context>
    <name>YesNoEditor</name>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="168" />
        <source>Done?</source>
        <translation>Đã thực hiện?</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="169" />
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="170" />
        <source>N&amp;o</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="171" />
        <source>Yes, done</source>
        <translation>Có, đã thực hiện</translation>
    </message>
    <message>
        <location filename="../../parDesk/ui/widgets/rule_inputs.py" line="172" />
        <source>No, not done</source>
        <translation>Không, chưa thực hiện</translation>
    </message>
</context>
</TS>
