"""Fill the unfinished entries of the .ts files after ``pyside6-lupdate`` and compile them.

The .ts files are the source of the translations (open them in Qt Linguist);
this script only fills entries that are still unfinished, from the table
below, so a fresh ``lupdate`` never loses work. English is the source
language: ``pardesk_en.ts`` gets the source text itself, with proper plural
forms for ``%n``.

    cd <repo> && .venv/bin/pyside6-lupdate $(find parDesk/ui -name '*.py') parDesk/app.py \\
        -ts resources/i18n/pardesk_vi.ts resources/i18n/pardesk_en.ts
    .venv/bin/python resources/i18n/fill_ts.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent

VI: dict[str, str] = {
    "The leader's certificate from the CA (VNPT-CA, Viettel-CA, Ban Cơ yếu…) on a USB token; the key never leaves the token.": 'Chứng thư số của lãnh đạo do tổ chức cung cấp dịch vụ cấp (VNPT-CA, Viettel-CA, Ban Cơ yếu…) trên USB token; khóa không bao giờ rời khỏi token.',
    'A certificate the CA issued as a .p12/.pfx file, protected by its password.': 'Chứng thư số được cấp dưới dạng tệp .p12/.pfx, bảo vệ bằng mật khẩu.',
    'A key made by parDesk, for a commune without a token; the province registers it.': 'Khóa do parDesk tạo, cho xã chưa có token; tỉnh đăng ký khóa này.',
    "The leader's signature and the seal shown on the signed letter.": 'Chữ ký của lãnh đạo và con dấu hiển thị trên văn bản ký số.',
    'Sign with the USB &token…': 'Ký bằng USB &token…',
    'Signature and seal images…': 'Ảnh chữ ký và con dấu…',
    "USB token: the leader's certificate from the CA (VNPT-CA, Viettel-CA, Ban Cơ yếu…); the key never leaves the token.\n.p12 file: a certificate the CA issued as a file, protected by its password.\nKey made by parDesk: for a commune without a token; the province registers it.": 'USB token: chứng thư số của lãnh đạo do tổ chức cung cấp dịch vụ cấp (VNPT-CA, Viettel-CA, Ban Cơ yếu…); khóa không bao giờ rời khỏi token.\nTệp .p12: chứng thư số được cấp dưới dạng tệp, bảo vệ bằng mật khẩu.\nKhóa do parDesk tạo: cho xã chưa có token; tỉnh đăng ký khóa này.',
    'Signed on the token and packaged: %1 (%2). The assessment is locked.': 'Đã ký bằng token và đóng gói: %1 (%2). Bản tự đánh giá đã được khóa.',
    'Signature and seal images saved; the next signed forms show them.': 'Đã lưu ảnh chữ ký và con dấu; các biểu mẫu ký số tiếp theo sẽ hiển thị chúng.',
    'Sign with the USB token': 'Ký bằng USB token',
    "Plug in the leader's USB token. Pick the token's program file once (the certificate provider installed it); parDesk also looks in the usual places.": 'Cắm USB token của lãnh đạo vào máy. Chọn tệp chương trình của token một lần (do nhà cung cấp chứng thư số cài đặt); parDesk cũng tự tìm ở các vị trí thông dụng.',
    'Choose…': 'Chọn…',
    'Find tokens': 'Tìm token',
    'Token / certificate owner': 'Token / chủ chứng thư',
    'Issuer': 'Tổ chức cấp',
    'Valid': 'Hiệu lực',
    'Signs': 'Ký được',
    'Token program (PKCS#11)': 'Chương trình token (PKCS#11)',
    'PIN': 'Mã PIN',
    'Sign': 'Ký',
    'Token program': 'Chương trình token',
    'PKCS#11 module (*.dll *.so *.so.* *.dylib);;All files (*)': 'Thư viện PKCS#11 (*.dll *.so *.so.* *.dylib);;Mọi tệp (*)',
    'yes': 'có',
    'no key': 'không có khóa',
    'No token found behind this program. Plug the token in and press Find.': 'Không thấy token nào qua chương trình này. Hãy cắm token rồi bấm Tìm.',
    'This token asks for its PIN in its own window: answer it there.': 'Token này tự hỏi mã PIN trong cửa sổ riêng của nó: hãy nhập ở đó.',
    'The PIN is used once for this signature; parDesk never keeps it. Each wrong PIN counts towards locking the token.': 'Mã PIN chỉ dùng một lần cho lần ký này; parDesk không lưu giữ. Mỗi lần nhập sai đều bị tính vào số lần dẫn tới khóa token.',
    'Signature and seal images': 'Ảnh chữ ký và con dấu',
    "The signed letter shows the leader's signature (blue, on a transparent PNG) between the title and the name, and the seal (red PNG) at its real size over the left third of the signature, as Decree 30/2020 describes. Choose them once.": 'Văn bản ký số hiển thị chữ ký của lãnh đạo (màu xanh, ảnh PNG nền trong suốt) giữa chức vụ và họ tên, và con dấu (ảnh PNG màu đỏ) đúng kích thước thực, trùm lên khoảng 1/3 chữ ký về bên trái, theo Nghị định 30/2020. Chỉ cần chọn một lần.',
    "Leader's signature": 'Chữ ký của lãnh đạo',
    'Seal': 'Con dấu',
    'Seal diameter': 'Đường kính con dấu',
    'Choose an image': 'Chọn ảnh',
    'PNG images (*.png)': 'Ảnh PNG (*.png)',
    "A framework &file from the province (.json, or the filled .xlsx template)":
        "&Tệp bộ chỉ số của tỉnh (.json, hoặc tệp mẫu .xlsx đã điền)",
    "I have checked: use this framework &anyway": "Tôi đã kiểm tra: vẫn &dùng bộ chỉ số này",
    "Framework (*.json *.xlsx);;All files (*)": "Bộ chỉ số (*.json *.xlsx);;Mọi tệp (*)",
    "the bonus block counts at most %1 in all": "cả khối điểm thưởng chỉ tính tối đa %1",
    "the penalty block takes off at most %1 in all": "cả khối điểm trừ chỉ trừ tối đa %1",
    "Points taken off:": "Số điểm bị trừ:",
    "Points taken off": "Số điểm bị trừ",
    "Number meeting the requirement": "Số đạt yêu cầu",
    "Total number": "Tổng số",
    "Total (scale %1)": "Tổng điểm (thang %1)",
    "No rating until something is scored": "Chưa xếp loại khi chưa chấm mục nào",
    # issue 9: dialogs check before closing; the certificate in words; send needs registration
    "The passphrase is too short: use at least %n character(s).": "Cụm mật khẩu quá ngắn: hãy dùng ít nhất %n ký tự.",
    "The two passphrases differ: type the same passphrase twice.":
        "Hai lần nhập cụm mật khẩu khác nhau: hãy nhập cùng một cụm mật khẩu hai lần.",
    "Choose the certificate file (.p12 or .pfx).": "Hãy chọn tệp chứng thư số (.p12 hoặc .pfx).",
    "Register with the province's server first: press “Register with the province's server…”.":
        "Hãy đăng ký với máy chủ của tỉnh trước: bấm “Đăng ký với máy chủ của tỉnh…”.",
    "Subject: %1\nIssuer: %2\nFingerprint (SHA-256): %3": "Chủ thể: %1\nTổ chức cấp: %2\nDấu vân tay (SHA-256): %3",
    "%1 (code %2)": "%1 (mã %2)",
    "issued by the unit itself, until the province's certificate arrives":
        "do đơn vị tự cấp, trong khi chờ chứng thư số của tỉnh",
    "issued by %1": "do %1 cấp",
    "expired on %1": "đã hết hạn ngày %1",
    "valid from %1 to %2 (%n day(s) left)": "hiệu lực từ %1 đến %2 (còn %n ngày)",
    "Signing certificate of %1\n%2; %3": "Chứng thư số của %1\n%2; %3",
    "Results published by the province for %1: rank %2 of %3, score %4 (%5), rating %6": "Kết quả tỉnh công bố năm %1: xếp hạng %2/%3, %4 điểm (%5), xếp loại %6",
    "Documents the province may send back:": "Tài liệu tỉnh có thể trả lại:",
    "In the documents' text:": "Trong nội dung tài liệu:",
    "Pages that contain the search words": "Các trang có từ cần tìm",
    "%1 — page %2: %3": "%1 — trang %2: %3",
    "Proposed from the document — please check": "Đề xuất từ nội dung tài liệu — hãy kiểm tra",
    "Accept all (Ctrl+Enter)": "Nhận tất cả (Ctrl+Enter)",
    "Fill the empty details of these documents with the values shown; what you typed yourself is kept": "Điền các thông tin còn trống của những tài liệu này bằng giá trị đang hiển thị; những gì bạn đã tự nhập được giữ nguyên",
    "Dismiss": "Bỏ qua",
    "Quality": "Chất lượng",
    "Proposed document details": "Thông tin tài liệu được đề xuất",
    "Reading %n document(s)…": "Đang đọc %n tài liệu…",
    "Reading cancelled; nothing was changed.": "Đã hủy việc đọc; không có gì thay đổi.",
    "Typed by you; kept": "Do bạn nhập; được giữ nguyên",
    "Check each value against the document, edit what is wrong, then accept.": "Đối chiếu từng giá trị với tài liệu, sửa chỗ sai rồi bấm nhận.",
    "OK": "Đạt",
    "Details filled from %n document(s).": "Đã điền thông tin từ %n tài liệu.",
    "%1 (%2), %n item(s), %3; deadline %4.": "%1 (%2), %n mục, %3; hạn nộp %4.",
    "%1 point": "%1 điểm",
    "%1 points": "%1 điểm",
    "%1 at stake in %n item(s)": "Đang mất %1 ở %n mục",
    "%n day(s) left": "còn %n ngày",
    "%n day(s) overdue": "quá hạn %n ngày",
    "%n document(s)": "%n tài liệu",
    "&About parDesk": "&Giới thiệu parDesk",
    "&Add evidence files…": "&Thêm tệp tài liệu kiểm chứng…",
    "&Add files…": "&Thêm tệp…",
    "&Assessment": "&Chấm điểm",
    "&Browse…": "&Chọn…",
    "&Date (DD/MM/YYYY):": "&Ngày ban hành (ngày/tháng/năm):",
    "&Details…": "&Thông tin…",
    "&Edit": "&Sửa",
    "&File": "&Tệp",
    "&Finish": "&Hoàn tất",
    "&Generate a new key protected by a passphrase": "&Tạo khóa mới, bảo vệ bằng cụm mật khẩu",
    "&Go": "&Đi tới",
    "&Go to item": "Đến &mục",
    "&Help": "Trợ &giúp",
    "&Import a certificate file (.p12 / .pfx) from a certification authority":
        "&Nhập tệp chứng thư số (.p12 / .pfx) do tổ chức chứng thực cấp",
    "&Issuing body:": "&Cơ quan ban hành:",
    "&Keyboard shortcuts": "&Phím tắt",
    "&Language": "&Ngôn ngữ",
    "&Language:": "&Ngôn ngữ:",
    "&Later": "Để &sau",
    "&Leader's name:": "&Họ tên lãnh đạo:",
    "&Link": "&Liên kết",
    "&Link an existing document…": "&Liên kết tài liệu đã có…",
    "&Link existing…": "&Liên kết tài liệu đã có…",
    "&Next >": "&Tiếp >",
    "&Next item": "Mục &tiếp theo",
    "&Not applicable to our unit": "&Không áp dụng đối với đơn vị",
    "&Number (số, ký hiệu):": "&Số, ký hiệu:",
    "&Officer in charge:": "&Công chức phụ trách:",
    "&Open": "&Mở",
    "&Open a workspace folder…": "&Mở thư mục làm việc…",
    "&Page / section:": "&Trang / mục:",
    "&Previous item": "Mục t&rước",
    "&Province:": "&Tỉnh:",
    "&Quit": "&Thoát",
    "&Redo": "&Làm lại",
    "&Remove from item": "&Gỡ khỏi mục",
    "&Save": "&Lưu",
    "&Search items": "&Tìm mục",
    "&Show:": "&Hiển thị:",
    "&Subject (trích yếu):": "T&rích yếu:",
    "&Submit": "&Nộp",
    "&Undo": "&Hoàn tác",
    "&Undo: %1": "&Hoàn tác: %1",
    "&Redo: %1": "&Làm lại: %1",
    "&Yes": "&Có",
    "(not linked)": "(chưa gắn mục nào)",
    "< &Back": "< &Quay lại",
    "A framework &file from the province (.json)": "&Tệp bộ chỉ số do tỉnh gửi (.json)",
    "About parDesk": "Giới thiệu parDesk",
    "Administrative &code:": "&Mã đơn vị hành chính:",
    "All documents": "Tất cả tài liệu",
    "Appraisal by the province": "Kết quả thẩm định của tỉnh",
    "Appraised": "Đã thẩm định",
    "Arrives with the package feature (not available in this version yet).":
        "Có khi tính năng đóng gói hồ sơ được bổ sung (chưa có trong phiên bản này).",
    "Arrives with the report feature (not available in this version yet).":
        "Có khi tính năng in biểu mẫu được bổ sung (chưa có trong phiên bản này).",
    "Arrives with the signing and package feature (not available in this version yet).":
        "Có khi tính năng ký số và đóng gói được bổ sung (chưa có trong phiên bản này).",
    "Arrives with the sync feature (not available in this version yet).":
        "Có khi tính năng gửi, đồng bộ được bổ sung (chưa có trong phiên bản này).",
    "As written on your documents. The administrative code has 5 digits.":
        "Ghi như trên văn bản của đơn vị. Mã đơn vị hành chính gồm 5 chữ số.",
    "Assessment %1, version %2: %3": "Bản tự đánh giá năm %1, phiên bản %2: %3",
    "Attached %n document(s) to %1": "Đã gắn %n tài liệu vào mục %1",
    "Before submitting: %1": "Cần xử lý trước khi nộp: %1",
    "Blocking problems": "Các nội dung cần hoàn thiện trước khi nộp",
    "By item:": "Theo mục:",
    "C&lear answer": "&Xóa nội dung đã nhập",
    "Cancel": "Hủy",
    "Cancelled: nothing was attached.": "Đã hủy: không tệp nào được gắn.",
    "Choose a folder for the workspace": "Chọn thư mục lưu dữ liệu",
    "Choose a folder for the workspace.": "Hãy chọn thư mục lưu dữ liệu.",
    "Choose an item in the tree on the left.": "Chọn một mục trong cây bên trái.",
    "Choose documents already in the library to use as evidence for item %1 as well. The file is not copied again.":
        "Chọn tài liệu đã có trong kho để dùng làm tài liệu kiểm chứng cho cả mục %1. Tệp không bị sao chép lại.",
    "Choose evidence files": "Chọn tệp tài liệu kiểm chứng",
    "Choose one level: %1.": "Chọn một mức: %1.",
    "Choose the framework file": "Chọn tệp bộ chỉ số",
    "Click a problem (or press Enter) to open its item. Self-score: %1, %2.":
        "Bấm vào một vấn đề (hoặc nhấn Enter) để mở mục đó. Điểm tự chấm: %1, %2.",
    "Code": "Mã",
    "Complete": "Hoàn thành",
    "Connection: offline": "Kết nối: ngoại tuyến",
    "Copy files into the workspace as evidence for this item (you can also drop files here)":
        "Sao chép tệp vào kho làm tài liệu kiểm chứng cho mục này (có thể kéo thả tệp vào đây)",
    "Copying %n file(s)… %p%": "Đang sao chép %n tệp… %p%",
    "Date": "Ngày",
    "Deadline": "Hạn nộp",
    "Deadline %1": "Hạn nộp %1",
    "Denominator": "Mẫu số",
    "Document details": "Thông tin tài liệu",
    "Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.odt);;All files (*)":
        "Tài liệu (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.odt);;Mọi tệp (*)",
    "Documents in the library": "Tài liệu trong kho",
    "Done as required: %1; otherwise %2.": "Thực hiện đúng yêu cầu: %1; không thực hiện: %2.",
    "Done?": "Đã thực hiện?",
    "Due today": "Hết hạn hôm nay",
    "Edit number, date, issuing body, subject and page": "Sửa số, ngày, cơ quan ban hành, trích yếu và trang",
    "Enter an address like https://cchc.example.gov.vn, or leave it empty.":
        "Nhập địa chỉ dạng https://cchc.example.gov.vn, hoặc để trống.",
    "Enter both numbers to compute the score.": "Nhập cả hai số để tính điểm.",
    "Every item is scored and has evidence or an explanation. Self-score: %1, %2.":
        "Mọi mục đã được chấm và có tài liệu kiểm chứng hoặc giải trình. Điểm tự chấm: %1, %2.",
    "Every item scored below its maximum, the largest loss first. Press Enter or click a line to open the item.":
        "Các mục chưa đạt điểm tối đa, mục mất nhiều điểm nhất ở trên. Nhấn Enter hoặc bấm vào dòng để mở mục.",
    "Evidence &library": "&Kho tài liệu",
    "Evidence documents (tài liệu kiểm chứng)": "Tài liệu kiểm chứng",
    "Evidence documents of this item": "Tài liệu kiểm chứng của mục này",
    "Evidence library": "Kho tài liệu kiểm chứng",
    "Explanation": "Giải trình",
    "Explanation (giải trình)": "Giải trình",
    "Explanation requested": "Được yêu cầu giải trình",
    "Export to Excel (XLSX)…": "Xuất ra Excel (XLSX)…",
    "Import answers from Excel…": "Nhập kết quả từ Excel…",
    "Import answers from Excel": "Nhập kết quả từ Excel",
    "The assessment is signed and locked: open a new version first.":
        "Bản tự đánh giá đã ký và khóa: hãy mở phiên bản mới trước.",
    "Nothing was imported: %n cell(s) need fixing in the spreadsheet.":
        "Chưa nhập gì: %n ô trong bảng tính cần sửa.",
    "The spreadsheet changes nothing.": "Bảng tính không thay đổi gì.",
    "%n item(s) will change:": "%n mục sẽ thay đổi:",
    "Imported %n item(s) from the spreadsheet.": "Đã nhập %n mục từ bảng tính.",
    "File": "Tệp",
    "File:": "Tệp:",
    "Filter": "Bộ lọc",
    "Framework (*.json);;All files (*)": "Bộ chỉ số (*.json);;Mọi tệp (*)",
    "Framework file": "Tệp bộ chỉ số",
    "Framework items": "Các mục của bộ chỉ số",
    "From %1% up: %2": "Từ %1% trở lên: %2",
    "Go to the &answer": "Đến ô &nhập kết quả",
    "Go to the &explanation": "Đến ô &giải trình",
    "Guidance: %1": "Hướng dẫn: %1",
    "How it is scored": "Cách chấm điểm",
    "How the score was reached, where the evidence is, or why it is missing. Saved automatically.":
        "Giải trình cách chấm, tài liệu chứng minh nằm ở đâu, hoặc vì sao chưa có. Tự động lưu.",
    "In progress": "Đang làm",
    "Issuing body": "Cơ quan ban hành",
    "Item": "Nội dung",
    "Items": "Mục",
    "Items with a self-score, of the items the unit must score": "Số mục đã tự chấm trên số mục đơn vị phải chấm",
    "Keep the data in this &folder:": "Lưu dữ liệu trong &thư mục:",
    "Keyboard shortcuts": "Phím tắt",
    "Language": "Ngôn ngữ",
    "Last sync: never": "Đồng bộ lần cuối: chưa có",
    "Leader's &title:": "&Chức vụ lãnh đạo:",
    "Level": "Mức",
    "Link an existing document": "Liên kết tài liệu đã có",
    "Maximum: %1": "Điểm tối đa: %1",
    "Missing details": "Thiếu thông tin văn bản",
    "N&o": "&Không",
    "N/A": "Không áp dụng",
    "No deadline in the framework": "Bộ chỉ số không ghi hạn nộp",
    "No evidence yet. Drop scanned files here, or use “Add files…”.":
        "Chưa có tài liệu kiểm chứng. Kéo thả tệp bản quét vào đây, hoặc bấm “Thêm tệp…”.",
    "No item matches the search.": "Không có mục nào khớp.",
    "No points are being lost.": "Không mất điểm ở mục nào.",
    "No program on this computer opens this kind of file.": "Máy này không có chương trình mở được loại tệp này.",
    "No, not done": "Không, chưa thực hiện",
    "Not applicable": "Không áp dụng",
    "Not linked to any item": "Chưa gắn vào mục nào",
    "Not ready to submit: %n blocking problem(s)": "Chưa thể nộp: còn %n nội dung cần hoàn thiện",
    "Not started": "Chưa bắt đầu",
    "Number": "Số, ký hiệu",
    "Number of cases": "Số trường hợp",
    "Number, date, issuing body or subject still missing": "Còn thiếu số, ngày, cơ quan ban hành hoặc trích yếu",
    "Numerator": "Tử số",
    "Offline": "Ngoại tuyến",
    "Open a parDesk workspace folder": "Mở thư mục làm việc parDesk",
    "Open with the system viewer": "Mở bằng chương trình xem của máy",
    "Page / section": "Trang / mục",
    "Page or section": "Trang hoặc mục",
    "Passphrase again:": "Nhập lại cụm mật khẩu:",
    "Passphrase:": "Cụm mật khẩu:",
    "Path to the framework file": "Đường dẫn đến tệp bộ chỉ số",
    "Percentage": "Tỷ lệ",
    "Percentage = %1 / %2.": "Tỷ lệ = %1 / %2.",
    "Place name for &dates:": "&Địa danh ghi ngày tháng:",
    "Points = %1 × %2 / %3.": "Điểm = %1 × %2 / %3.",
    "Points lost": "Điểm mất",
    "Points so far out of the unit's own maximum (framework scale %1)":
        "Điểm hiện có trên điểm tối đa của đơn vị (thang điểm bộ chỉ số %1)",
    "Preparing the sample workspace…": "Đang chuẩn bị dữ liệu mẫu…",
    "Press Finish to create the workspace.": "Bấm Hoàn tất để tạo dữ liệu làm việc.",
    "Print the forms (PDF)…": "In biểu mẫu (PDF)…",
    "Problem": "Vấn đề",
    "Rating": "Xếp loại",
    "Ready": "Sẵn sàng",
    "Ready to submit: no blocking problems": "Sẵn sàng nộp: mọi nội dung đã hoàn thiện",
    "Receiving the framework from the province's server arrives with the sync feature.":
        "Nhận bộ chỉ số từ máy chủ của tỉnh sẽ có cùng tính năng đồng bộ.",
    "Remove the inputs of this item (can be undone)": "Xóa dữ liệu đã nhập của mục này (có thể hoàn tác)",
    "Round %1: %2": "Vòng %1: %2",
    "Rounded to %n decimal place(s).": "Làm tròn đến %n chữ số thập phân.",
    "Save a copy for USB…": "Lưu bản sao ra USB…",
    "Saved automatically": "Đã tự động lưu",
    "Saving…": "Đang lưu…",
    "Score": "Điểm",
    "Score / max": "Điểm / tối đa",
    "Score it yourself from 0 to %1, in steps of %2.": "Tự chấm từ 0 đến %1 điểm, theo bước %2.",
    "Score:": "Điểm:",
    "Scored": "Đã chấm",
    "Scored by the province": "Tỉnh chấm",
    "Scored by the province (sociological survey or its own data); the commune does not score it.":
        "Do tỉnh chấm (điều tra xã hội học hoặc số liệu của tỉnh); xã không tự chấm.",
    "Search by name, number, issuing body or subject": "Tìm theo tên tệp, số, ký hiệu, cơ quan ban hành hoặc trích yếu",
    "Search codes or words (Ctrl+F)": "Tìm mã hoặc từ (Ctrl+F)",
    "Search documents": "Tìm tài liệu",
    "Search name, number, issuing body, subject (with or without diacritics)":
        "Tìm tên tệp, số, ký hiệu, cơ quan ban hành, trích yếu (có dấu hoặc không dấu)",
    "Search the framework": "Tìm trong bộ chỉ số",
    "Selected item": "Mục đang chọn",
    "Self-assessment": "Tự đánh giá",
    "Send to the province": "Gửi lên tỉnh",
    "Sending to the province arrives with the sync feature; until then parDesk works offline.":
        "Gửi lên tỉnh sẽ có cùng tính năng đồng bộ; đến lúc đó parDesk làm việc ngoại tuyến.",
    "Server &address:": "&Địa chỉ máy chủ:",
    "Server address": "Địa chỉ máy chủ",
    "Set up a &new unit…": "Thiết lập đơn vị &mới…",
    "Set up my unit…": "Thiết lập đơn vị của tôi…",
    "Set up parDesk": "Thiết lập parDesk",
    "Set up your unit's self-assessment in a few steps.": "Thiết lập bản tự đánh giá của đơn vị qua vài bước.",
    "Sign and build the package…": "Ký số và đóng gói hồ sơ…",
    "Sign, package and send": "Ký số, đóng gói và gửi",
    "Signing identity": "Khóa ký số",
    "Signing keys arrive with the signing feature, which is not in this version yet. You can continue now and create or import the key later from the Submit screen.":
        "Khóa ký số sẽ có cùng tính năng ký số, chưa có trong phiên bản này. Bạn có thể tiếp tục và tạo hoặc nhập "
        "khóa sau, tại màn hình Nộp.",
    "Signing, packaging, sending and printing are not part of this version yet; the buttons above stay disabled until they are.":
        "Ký số, đóng gói, gửi và in chưa có trong phiên bản này; các nút trên tạm khóa cho đến khi có.",
    "Size": "Dung lượng",
    "Start from %1; take off %2 for each case (%3); never below %4.":
        "Tối đa %1; trừ %2 cho mỗi trường hợp (%3); thấp nhất %4.",
    "Still missing": "Còn thiếu",
    "Subject": "Trích yếu",
    "The &sample framework shipped with parDesk (for learning; not an official document)":
        "Bộ chỉ số &MẪU kèm theo parDesk (để làm quen; không phải văn bản chính thức)",
    "The framework": "Bộ chỉ số",
    "The item's points leave the unit's maximum; explain why below.":
        "Điểm của mục này được trừ khỏi điểm tối đa của đơn vị; hãy giải trình lý do bên dưới.",
    "The key your leader signs the submission with.": "Khóa dùng để lãnh đạo đơn vị ký hồ sơ.",
    "The province asks for a supplementary explanation of this item. Answer it in the explanation and add evidence, then submit a new version.":
        "Tỉnh yêu cầu giải trình bổ sung mục này. Hãy trả lời trong phần giải trình, bổ sung tài liệu, rồi nộp "
        "phiên bản mới.",
    "The province fills in this item's points; there is nothing to enter here.":
        "Điểm của mục này do tỉnh chấm; đơn vị không cần nhập gì.",
    "The province's PAR Index framework (Bộ Chỉ số) your unit is assessed against.":
        "Bộ Chỉ số CCHC của tỉnh dùng để đánh giá đơn vị.",
    "The province's server (optional)": "Máy chủ của tỉnh (không bắt buộc)",
    "Total": "Tổng điểm",
    "Unit &name:": "&Tên đơn vị:",
    "Unit: %1 (%2), %3\nFramework: %4": "Đơn vị: %1 (%2), %3\nBộ chỉ số: %4",
    "Unlink the document from this item (it stays in the library)": "Bỏ gắn tài liệu khỏi mục này (tài liệu vẫn ở trong kho)",
    "Use a document already in the library, without copying it again": "Dùng tài liệu đã có trong kho, không sao chép lại",
    "Welcome to parDesk": "Chào mừng đến với parDesk",
    "When the total is 0: %1.": "Nếu tổng số bằng 0: %1.",
    "Where submissions are sent. Leave it empty if you do not know it yet.":
        "Nơi nhận hồ sơ. Để trống nếu chưa biết.",
    "Where we &lose points": "&Mất điểm ở đâu",
    "Where we lose points": "Mất điểm ở đâu",
    "Workspace folder": "Thư mục lưu dữ liệu",
    "Yes, done": "Có, đã thực hiện",
    "You are looking at SAMPLE data to learn parDesk. When you are ready, set up your own unit: the sample stays separate.":
        "Bạn đang xem dữ liệu MẪU để làm quen với parDesk. Khi sẵn sàng, hãy thiết lập đơn vị của mình: dữ liệu mẫu "
        "được giữ riêng.",
    "You can also carry the package to the province on a USB stick.": "Bạn cũng có thể mang hồ sơ lên tỉnh bằng USB.",
    "Your unit": "Đơn vị của bạn",
    "below that: %1": "thấp hơn: %1",
    "supplementary explanation requested": "đề nghị giải trình bổ sung",
    "denominator": "mẫu số",
    "draft, not yet signed": "bản nháp, chưa ký",
    "e.g. 10105": "ví dụ 10105",
    "e.g. 15/01/2025": "ví dụ 15/01/2025",
    "e.g. 15/KH-UBND": "ví dụ 15/KH-UBND",
    "e.g. Tân Lập": "ví dụ Tân Lập",
    "e.g. Tỉnh Phú Thọ": "ví dụ Tỉnh Phú Thọ",
    "e.g. Ủy ban nhân dân xã Tân Lập": "ví dụ Ủy ban nhân dân xã Tân Lập",
    "framework file": "tệp bộ chỉ số",
    "no evidence": "thiếu tài liệu kiểm chứng",
    "no explanation": "thiếu giải trình",
    "no file chosen": "chưa chọn tệp",
    "no score": "chưa chấm",
    "no score yet": "chưa có điểm",
    "not applicable": "không áp dụng",
    "numerator": "tử số",
    "parDesk": "parDesk",
    "parDesk %1 — offline self-assessment of the PAR Index for communes.\nWorkspace: %2":
        "parDesk %1 — tự đánh giá Chỉ số CCHC cấp xã, làm việc không cần mạng.\nThư mục làm việc: %2",
    "parDesk keeps your PAR Index self-assessment, its evidence documents and explanations on this computer, works without internet, and shows at any time your score and where points are being lost.\n\nYou will enter your unit's details, choose the province's framework, and (later) your signing key. Nothing is saved until you press Finish.":
        "parDesk lưu bản tự đánh giá Chỉ số CCHC, tài liệu kiểm chứng và giải trình ngay trên máy này, làm việc "
        "không cần mạng, và luôn cho biết điểm hiện có cũng như đang mất điểm ở đâu.\n\nBạn sẽ nhập thông tin đơn "
        "vị, chọn bộ chỉ số của tỉnh và (sau này) khóa ký số. Chưa có gì được lưu cho đến khi bạn bấm Hoàn tất.",
    "parDesk — PAR Index self-assessment": "parDesk — Tự đánh giá Chỉ số CCHC",
    "signed and locked": "đã ký và khóa",
    "violations": "vi phạm",
    "who signs the submission": "người ký hồ sơ",
    "your name": "họ tên của bạn",
    "— choose a level —": "— chọn mức —",
    "Certificate file:": "Tệp chứng thư số:",
    "File password:": "Mật khẩu của tệp:",
    "The key is made (or imported) right after the workspace, and kept encrypted with the passphrase. You can also do this later on the Submit screen.":
        "Khóa được tạo (hoặc nhập) ngay sau khi tạo dữ liệu làm việc và được mã hóa bằng cụm mật khẩu. Bạn cũng có "
        "thể làm việc này sau, tại màn hình Nộp.",
    "Choose the certificate file": "Chọn tệp chứng thư số",
    "Certificates (*.p12 *.pfx);;All files (*)": "Chứng thư số (*.p12 *.pfx);;Mọi tệp (*)",
    "The two passphrases differ.": "Hai lần nhập cụm mật khẩu không khớp nhau.",
    "Choose the certificate file.": "Hãy chọn tệp chứng thư số.",
    "Sign the submission": "Ký số hồ sơ",
    "Create the signing key": "Tạo khóa ký số",
    "Import a certificate file": "Nhập tệp chứng thư số",
    "The leader's passphrase unlocks the key. The assessment is then frozen, signed and locked; changes after this go into a new version.":
        "Cụm mật khẩu của lãnh đạo mở khóa ký số. Bản tự đánh giá sau đó được chốt, ký số và khóa lại; mọi thay "
        "đổi sau đó thuộc về phiên bản mới.",
    "A new key is made on this computer and kept encrypted with this passphrase. Choose at least 8 characters and keep it safe: without it the key cannot sign.":
        "Khóa mới được tạo trên máy này và được mã hóa bằng cụm mật khẩu. Hãy chọn ít nhất 8 ký tự và giữ cẩn "
        "thận: không có nó thì không ký được.",
    "Import the .p12 / .pfx file from your certification authority. Its key is kept encrypted on this computer with the passphrase you choose here.":
        "Nhập tệp .p12 / .pfx do tổ chức chứng thực cấp. Khóa trong tệp được mã hóa trên máy này bằng cụm mật "
        "khẩu bạn chọn ở đây.",
    "Certificate &file:": "&Tệp chứng thư số:",
    "File pass&word:": "&Mật khẩu của tệp:",
    "&Passphrase:": "&Cụm mật khẩu:",
    "Passphrase &again:": "&Nhập lại cụm mật khẩu:",
    "&Sign": "&Ký số",
    "&Create": "&Tạo",
    "&Import": "&Nhập",
    "Enter the passphrase.": "Hãy nhập cụm mật khẩu.",
    "Signing key": "Khóa ký số",
    "&Create a key…": "&Tạo khóa…",
    "&Import a .p12 file…": "&Nhập tệp .p12…",
    "Open a new version": "Mở phiên bản mới",
    "Not available: this part of parDesk is missing from this installation.":
        "Không dùng được: bản cài đặt này thiếu phần này của parDesk.",
    "A key exists already.": "Đã có khóa.",
    "Signed already.": "Đã ký rồi.",
    "Create or import the signing key first.": "Hãy tạo hoặc nhập khóa ký số trước.",
    "Solve the blocking problems above first.": "Hãy hoàn thiện các nội dung ở trên trước.",
    "Nothing waits to be sent.": "Không có hồ sơ nào chờ gửi.",
    "Sign and build the package first.": "Hãy ký số và đóng gói hồ sơ trước.",
    "Only a signed assessment needs a new version.": "Chỉ bản đã ký mới cần mở phiên bản mới.",
    "%1\nValid until %2 (%n day(s) left) · fingerprint %3": "%1\nCòn hiệu lực đến %2 (còn %n ngày) · dấu vân tay %3",
    "No signing key yet. Create one (a certificate request is made for the province) or import the .p12 file from your CA.":
        "Chưa có khóa ký số. Hãy tạo khóa (kèm yêu cầu cấp chứng thư gửi tỉnh) hoặc nhập tệp .p12 do tổ chức "
        "chứng thực cấp.",
    "Package version %1 (%2): %3": "Hồ sơ phiên bản %1 (%2): %3",
    "Not registered with the province's server yet: carry the package on USB, or register with 'pardesk sync register'.":
        "Chưa đăng ký với máy chủ của tỉnh: hãy mang hồ sơ lên bằng USB, hoặc đăng ký bằng lệnh "
        "'pardesk sync register'.",
    "Cancelled; nothing was changed.": "Đã hủy; không có gì thay đổi.",
    "Key created: %1": "Đã tạo khóa: %1",
    "Certificate imported: %1": "Đã nhập chứng thư số: %1",
    "Signed and packaged: %1 (%2). The assessment is locked.": "Đã ký và đóng gói: %1 (%2). Bản tự đánh giá đã khóa.",
    "Choose the USB stick or folder": "Chọn USB hoặc thư mục",
    "Copied to %1": "Đã sao chép vào %1",
    "Sent: %n package(s) accepted.": "Đã gửi: %n hồ sơ được tiếp nhận.",
    "Choose a folder for the PDF forms": "Chọn thư mục lưu biểu mẫu PDF",
    "Forms saved: %1": "Đã lưu biểu mẫu: %1",
    "Export to Excel": "Xuất ra Excel",
    "Excel (*.xlsx)": "Excel (*.xlsx)",
    "Exported: %1": "Đã xuất: %1",
    "Sending %1%": "Đang gửi %1%",
    "Offline: not registered with the province's server": "Ngoại tuyến: chưa đăng ký với máy chủ của tỉnh",
    "%n package(s) waiting to be sent": "%n hồ sơ chờ gửi",
    "Nothing waiting to be sent": "Không có hồ sơ chờ gửi",
    "Packages are sent from the Submit screen; they can also travel on a USB stick.":
        "Hồ sơ được gửi từ màn hình Nộp; cũng có thể mang lên tỉnh bằng USB.",
    "Last sync: %1": "Đồng bộ lần cuối: %1",
    "&Page / section for %1:": "&Trang / mục chứng minh cho %1:",
    "Expected evidence:": "Tài liệu kiểm chứng cần có:",
    # after submission
    "The province's appraisal of each item beside your self score. Items the province asks you to explain further "
    "come first. Press Enter or click a line to open the item.":
        "Kết quả thẩm định của tỉnh cho từng mục, bên cạnh điểm tự chấm. Các mục tỉnh đề nghị giải trình bổ sung "
        "được xếp lên đầu. Nhấn Enter hoặc bấm vào một dòng để mở mục đó.",
    "Open a new version to add the explanations": "Mở phiên bản mới để bổ sung giải trình",
    "Packages sent and receipts": "Hồ sơ đã gửi và biên nhận",
    "No package signed yet. The receipts from the province appear here after you sign and send on the Submit tab.":
        "Chưa có hồ sơ nào được ký. Biên nhận của tỉnh sẽ hiện ở đây sau khi ký và gửi ở thẻ Nộp.",
    "Appraisal results": "Kết quả thẩm định",
    "No appraisal results yet": "Chưa có kết quả thẩm định",
    "%n item(s) appraised": "%n mục đã được thẩm định",
    "%n request(s) for a supplementary explanation": "%n đề nghị giải trình bổ sung",
    "no request for a supplementary explanation": "không có đề nghị giải trình bổ sung",
    "Version %1 is signed and locked. To answer the province, open a new version: your answers and evidence are "
    "carried over; add the explanations asked for, then sign and send again.":
        "Phiên bản %1 đã ký và khóa. Để trả lời tỉnh, hãy mở phiên bản mới: điểm tự chấm và tài liệu kiểm chứng "
        "được giữ nguyên; bổ sung giải trình theo đề nghị rồi ký và gửi lại.",
    "You are working on version %1. Open each highlighted item, add the supplementary explanation and evidence, "
    "then sign and send this version on the Submit tab.":
        "Đang làm phiên bản %1. Mở từng mục được tô màu, bổ sung giải trình và tài liệu kiểm chứng, rồi ký và gửi "
        "phiên bản này ở thẻ Nộp.",
    "Opening a new version is not available: this part of parDesk is missing from this installation.":
        "Không mở được phiên bản mới: bản cài đặt này thiếu phần chức năng đó của parDesk.",
    "Self score": "Điểm tự chấm",
    "Round 1": "Vòng 1",
    "Round 2": "Vòng 2",
    "Appraiser's comment": "Nhận xét của tổ thẩm định",
    "Supplementary explanation": "Giải trình bổ sung",
    "Yes — please explain": "Có — cần giải trình bổ sung",
    "The province asks for a supplementary explanation": "Tỉnh đề nghị giải trình bổ sung",
    "After su&bmission": "Sau khi nộ&p",
    "Version": "Phiên bản",
    "Package": "Hồ sơ",
    "State": "Trạng thái",
    "not queued for sending (carry it on USB)": "chưa đưa vào hàng gửi (mang lên tỉnh bằng USB)",
    "waiting to be sent": "chờ gửi",
    "uploading %1 %": "đang tải lên %1 %",
    "the province is verifying": "tỉnh đang kiểm tra",
    "accepted — receipt of %1": "tỉnh đã chấp nhận — biên nhận lúc %1",
    "accepted": "tỉnh đã chấp nhận",
    "refused: %1": "tỉnh từ chối: %1",
    "stopped: %1": "đã dừng: %1",
    "Receipt number %1": "Biên nhận số %1",
    # registration
    "Register with the province's server": "Đăng ký với máy chủ của tỉnh",
    "Register with the province's server…": "Đăng ký với máy chủ của tỉnh…",
    "Registering lets parDesk send the signed packages over the network and bring back receipts and appraisal "
    "results. Type the server address and the server key fingerprint exactly as the province published them; the "
    "leader's passphrase signs the request once. The province then approves the registration.":
        "Đăng ký để parDesk gửi hồ sơ đã ký qua mạng và nhận về biên nhận, kết quả thẩm định. Nhập địa chỉ máy chủ "
        "và dấu vân tay khóa máy chủ đúng như tỉnh đã công bố; cụm mật khẩu của lãnh đạo dùng để ký đề nghị một "
        "lần. Sau đó tỉnh phê duyệt đăng ký.",
    "Server &address:": "Địa chỉ &máy chủ:",
    "Server key &fingerprint:": "&Dấu vân tay khóa máy chủ:",
    "&Contact (phone or e-mail):": "&Liên hệ (điện thoại hoặc thư điện tử):",
    "Signing &passphrase:": "&Cụm mật khẩu ký số:",
    "64 letters and digits, from the province's letter": "64 chữ và số, theo văn bản của tỉnh",
    "&Register": "Đăng &ký",
    "Check the &status": "Kiểm tra &trạng thái",
    "Close": "Đóng",
    "Not registered yet": "Chưa đăng ký",
    "Until then, packages can travel to the province on a USB stick.":
        "Trong lúc chờ, có thể mang hồ sơ lên tỉnh bằng USB.",
    "Registered: the province approved this unit": "Đã đăng ký: tỉnh đã phê duyệt đơn vị",
    "Packages are sent from the Submit tab.": "Hồ sơ được gửi từ thẻ Nộp.",
    "Registration sent: waiting for the province's approval": "Đã gửi đăng ký: chờ tỉnh phê duyệt",
    "Request number %1. Ask the province to approve it, then press “Check the status”.":
        "Số đề nghị %1. Đề nghị tỉnh phê duyệt, sau đó bấm “Kiểm tra trạng thái”.",
    "Registration: %1": "Đăng ký: %1",
    "Server key: %1…": "Khóa máy chủ: %1…",
    "Type the server address the province gave you.": "Nhập địa chỉ máy chủ do tỉnh cung cấp.",
    "The server address must start with https:// (for example https://cchc.tinh.gov.vn).":
        "Địa chỉ máy chủ phải bắt đầu bằng https:// (ví dụ https://cchc.tinh.gov.vn).",
    "The fingerprint is 64 letters (a–f) and digits; check it against the province's letter.":
        "Dấu vân tay gồm 64 chữ (a–f) và số; hãy đối chiếu với văn bản của tỉnh.",
    "Enter the signing key's passphrase.": "Nhập cụm mật khẩu của khóa ký số.",
    "Not registered with the province's server yet: carry the package on USB, or press “Register with the "
    "province's server…”.": "Chưa đăng ký với máy chủ của tỉnh: mang hồ sơ lên tỉnh bằng USB, hoặc bấm “Đăng ký "
                            "với máy chủ của tỉnh…”.",
    "The server could not be reached: %1. Check the address and the network, then press “Register” again.":
        "Không kết nối được máy chủ: %1. Hãy kiểm tra địa chỉ và mạng, rồi bấm “Đăng ký” lại.",
    # printing
    "&Print the forms…": "&In các biểu mẫu…",
    "Save the forms as PDF…": "Lưu biểu mẫu thành PDF…",
    "Printing needs QtPdf, which is missing from this installation: save the forms as PDF and print them from "
    "your PDF reader.": "Bản cài đặt này thiếu QtPdf nên không in trực tiếp được: hãy lưu biểu mẫu thành PDF rồi "
                       "in từ trình đọc PDF.",
    "PAR Index forms": "Biểu mẫu Chỉ số CCHC",
    "Print the forms": "In các biểu mẫu",
    "Sent %n page(s) to the printer.": "Đã gửi %n trang tới máy in.",
    # issue 9 (window-truth): locked versions, refusals
    "Version %1 is signed and locked: it can be viewed only. To change anything, open version %2.":
        "Phiên bản %1 đã ký và khóa: chỉ xem được. Muốn sửa, hãy mở phiên bản %2.",
    "Open version %1": "Mở phiên bản %1",
    "Signed version: view only": "Phiên bản đã ký: chỉ xem",
    "A new version is open for editing.": "Đã mở phiên bản mới để sửa.",
    "e.g. %1": "ví dụ %1",
    "Version %1 is signed and locked: it can be viewed only": "Phiên bản %1 đã ký và khóa: chỉ xem được",
    "To change anything, open version %1.": "Muốn sửa, hãy mở phiên bản %1.",
    "Not applicable: its %1 leave the unit's maximum (now %2).":
        "Không áp dụng: %1 của mục này không tính vào điểm tối đa của đơn vị (nay là %2).",
}


def english_plural(source: str, plural: bool) -> str:
    """"%n day(s)" → "%n day" / "%n days"; "%n place(s)" likewise."""
    return re.sub(r"\(s\)", "s" if plural else "", source)


def fill(path: Path, lang: str) -> tuple[int, list[str]]:
    tree = ET.parse(path)
    filled, missing = 0, []
    for msg in tree.getroot().iter("message"):
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        assert tr is not None
        if (lang == "en" and msg.get("numerus") != "yes" and "(s)" in source and tr.get("type") is None
                and tr.text != source):
            tr.text = source  # one form only (lupdate did not see a plural): text.plural() resolves "(s)"
            filled += 1
            continue
        if tr.get("type") not in ("unfinished",):
            continue
        if msg.get("numerus") == "yes":
            forms = tr.findall("numerusform")
            if lang == "en":
                values = [english_plural(source, False), english_plural(source, True)]
            elif source in VI:
                values = [VI[source]]  # Vietnamese has one plural form
            else:
                missing.append(source)
                continue
            for f in forms:
                tr.remove(f)
            for v in values:
                ET.SubElement(tr, "numerusform").text = v
        else:
            if lang == "en":
                tr.text = source
            elif source in VI:
                tr.text = VI[source]
            else:
                missing.append(source)
                continue
        del tr.attrib["type"]
        filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return filled, missing


def main() -> int:
    bin_dir = Path(sys.executable).parent
    status = 0
    for lang in ("vi", "en"):
        ts = HERE / f"pardesk_{lang}.ts"
        filled, missing = fill(ts, lang)
        print(f"{ts.name}: filled {filled}; still unfinished {len(missing)}")
        for m in missing:
            print("   ", repr(m))
            status = 1
    for ts in sorted(HERE.glob("*.ts")):
        subprocess.run([str(bin_dir / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
