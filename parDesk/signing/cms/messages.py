"""The messages a person reads when a CMS signature is refused (Vietnamese first, English complete).

Registered once, on import of any :mod:`parDesk.signing.cms` module, so a key
raised by the reader (:mod:`.read`) or the judge (:mod:`.verify`) always
renders, whichever of them a caller imported.
"""

from __future__ import annotations

from parDesk.i18n import register

register({
    "cms.malformed": ("chữ ký số bị hỏng hoặc không đúng định dạng CMS/PKCS#7 ({detail})",
                      "the signature is damaged or not a CMS/PKCS#7 signature ({detail})"),
    "cms.signer_count": ("chữ ký phải có đúng một người ký, ở đây có {count}",
                         "the signature must have exactly one signer, it has {count}"),
    "cms.no_signer_cert": ("không tìm thấy chứng thư số của người ký trong chữ ký",
                           "the signer's certificate is not included in the signature"),
    "cms.bad_cert": ("chứng thư số trong chữ ký bị hỏng: {detail}",
                     "a certificate in the signature is damaged: {detail}"),
    "cms.unsupported_alg": ("thuật toán không được hỗ trợ hoặc không được phép: {alg}",
                            "unsupported or disallowed algorithm: {alg}"),
    "cms.weak_key": ("khóa của người ký quá yếu ({detail}); cần RSA ≥ 2048 bit hoặc ECDSA ≥ 256 bit",
                     "the signer's key is too weak ({detail}); RSA ≥ 2048 bits or ECDSA ≥ 256 bits is required"),
    "cms.digest_mismatch": ("nội dung đã bị thay đổi sau khi ký (mã băm không khớp)",
                            "the content was changed after signing (digest does not match)"),
    "cms.bad_signature": ("chữ ký không hợp lệ: nội dung hoặc chữ ký đã bị thay đổi, hoặc ký bằng khóa khác",
                          "the signature is not valid: content or signature changed, or signed with another key"),
    "cms.attr_missing": ("chữ ký thiếu thuộc tính bắt buộc: {attr}",
                         "the signature lacks a required attribute: {attr}"),
    "cms.attr_repeated": ("thuộc tính {attr} xuất hiện nhiều lần", "attribute {attr} appears more than once"),
    "cms.content_type": ("loại nội dung được ký không phải dữ liệu (id-data)",
                         "the signed content type is not data (id-data)"),
    "cms.attached": ("chữ ký phải tách rời (detached) nhưng lại chứa nội dung",
                     "the signature must be detached but it carries content"),
    "cms.no_signing_time": ("chữ ký không ghi thời điểm ký", "the signature does not record a signing time"),
    "cms.future_time": ("thời điểm ký {time} ở tương lai (đồng hồ máy ký sai?)",
                        "the signing time {time} is in the future (wrong clock on the signing computer?)"),
    "cms.cert_not_valid_at": ("chứng thư số {subject} không có hiệu lực vào thời điểm ký {time} "
                              "(hiệu lực {start} – {end})",
                              "certificate {subject} was not valid at the signing time {time} (valid {start} – {end})"),
    "cms.cert_not_valid_at_reference": (
        "chứng thư số {subject} không còn hiệu lực vào thời điểm nhận/kiểm tra {now} (hiệu lực {start} – {end}); "
        "thời điểm ký {time} chỉ do người ký tự khai (không có dấu thời gian tin cậy) nên không được dùng thay",
        "certificate {subject} is not valid at the time of receipt/verification {now} (valid {start} – {end}); "
        "the signing time {time} is only the signer's own claim (no trusted timestamp), so it cannot stand in"),
    "cms.key_usage": ("chứng thư số của người ký không cho phép ký số",
                      "the signer's certificate does not allow digital signatures"),
    "cms.cert_tampered": ("chứng thư số của người ký đã bị sửa (chữ ký trên chứng thư không hợp lệ)",
                          "the signer's certificate was altered (its own signature does not verify)"),
    "cms.untrusted": ("người ký ({subject}) không thuộc danh sách chứng thư tin cậy "
                      "và không được cấp bởi tổ chức tin cậy",
                      "the signer ({subject}) is not a trusted certificate and was not issued by a trusted authority"),
    "cms.not_ca": ("chứng thư {subject} không phải của tổ chức cấp chứng thư (CA) nhưng đứng trong chuỗi",
                   "certificate {subject} is in the chain but is not a certification authority (CA)"),
})
