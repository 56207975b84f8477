"""The submission receipt sheet — the page an officer files to prove what was sent.

One A4 portrait page: who sent (unit), what (framework and its hash, year,
version, the previous version it replaces), when it was locked, the result,
and the SHA-256 of the submission package in full, in groups of eight for
reading aloud over the phone, and as a QR code for a phone to compare. When
the provincial server's receipt has come back its fields are printed too,
and the package hash the server states is checked against the one on the
sheet — a mismatch is printed in bold, never hidden.

The QR code is encoded by reportlab's own QR encoder and drawn as vector
rectangles (no image, so it stays sharp and the output stays deterministic).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from parDesk.i18n import ParDeskError, register, t
from parDesk.numfmt import fmt_date, fmt_datetime, fmt_int, fmt_score
from parDesk.reports._common import (
    ReportResult,
    issuing_body,
    percent_text,
    read_snapshot,
)
from parDesk.reports.decree30 import (
    FONT,
    FONT_BOLD,
    build_pdf,
    esc,
    frame_size,
    national_header,
    styles,
    title_block,
)

register({
    "rc.title": ("PHIẾU XÁC NHẬN HỒ SƠ TỰ ĐÁNH GIÁ ĐÃ GỬI", "SUBMISSION RECORD"),
    "rc.subtitle": ("Chỉ số cải cách hành chính năm {year}", "Public Administration Reform Index {year}"),
    "rc.unit": ("Đơn vị", "Unit"),
    "rc.province": ("Tỉnh, thành phố", "Province"),
    "rc.framework": ("Bộ chỉ số", "Framework"),
    "rc.decision": ("Quyết định số {number} ngày {date} của {issuer}", "Decision No. {number} of {date}, {issuer}"),
    "rc.framework_hash": ("Mã băm bộ chỉ số (SHA-256)", "Framework hash (SHA-256)"),
    "rc.year": ("Năm đánh giá", "Year assessed"),
    "rc.version": ("Phiên bản hồ sơ", "Submission version"),
    "rc.status": ("Trạng thái", "Status"),
    "rc.locked": ("Đã chốt điểm", "Locked"),
    "rc.draft": ("Bản nháp (chưa chốt điểm)", "Draft (not locked)"),
    "rc.previous": ("Thay thế hồ sơ trước (mã băm)", "Replaces the package (hash)"),
    "rc.first": ("Không — gửi lần đầu", "None — first submission"),
    "rc.frozen": ("Thời điểm chốt dữ liệu", "Data frozen at"),
    "rc.result": ("Kết quả tự đánh giá", "Self-assessment result"),
    "rc.result_value": ("{total}/{max_applicable}\u00a0điểm ({percent}); tự xếp loại: {rating}",
                        "{total} of {max_applicable} points ({percent}); self-rating: {rating}"),
    "rc.evidence": ("Số tài liệu kiểm chứng", "Evidence documents"),
    "rc.evidence_value": ("{docs} (gồm {unique} tệp khác nhau)", "{docs} ({unique} distinct files)"),
    "rc.package_hash": ("MÃ BĂM GÓI HỒ SƠ (SHA-256)", "PACKAGE HASH (SHA-256)"),
    "rc.qr_caption": ("Mã QR chứa mã băm SHA-256 của gói hồ sơ", "The QR code holds the package's SHA-256 hash"),
    "rc.server": ("BIÊN NHẬN CỦA MÁY CHỦ SỞ NỘI VỤ", "RECEIPT FROM THE PROVINCIAL SERVER"),
    "rc.no_receipt": ("Chưa nhận được biên nhận. In lại phiếu này sau khi Sở Nội vụ tiếp nhận hồ sơ.",
                      "No receipt yet. Print this sheet again once the province has accepted the package."),
    "rc.hash_match": ("Khớp với mã băm gói hồ sơ ở trên.", "Matches the package hash above."),
    "rc.hash_mismatch": ("KHÔNG KHỚP với mã băm gói hồ sơ ở trên — liên hệ Sở Nội vụ.",
                         "DOES NOT MATCH the package hash above — contact the province."),
    "rc.check": (("Đối chiếu: mã băm trên phiếu này phải trùng với mã băm trên biên nhận của Sở Nội vụ và với "
                 "mã băm của tệp gói hồ sơ (lệnh: sha256sum <tệp gói>)."),
                 ("To check: the hash on this sheet must equal the one on the province's receipt and that of "
                 "the package file (command: sha256sum <package file>).")),
    "rc.bad_hash": ("mã băm gói hồ sơ phải gồm 64 chữ số thập lục phân: {value!r}",
                    "the package hash must be 64 hexadecimal digits: {value!r}"),
    "rc.field.receipt_id": ("Số biên nhận", "Receipt number"),
    "rc.field.id": ("Số biên nhận", "Receipt number"),
    "rc.field.submission_id": ("Mã hồ sơ trên máy chủ", "Submission id"),
    "rc.field.received_at": ("Thời điểm tiếp nhận", "Received at"),
    "rc.field.accepted_at": ("Thời điểm chấp nhận", "Accepted at"),
    "rc.field.status": ("Trạng thái tiếp nhận", "Status"),
    "rc.field.server": ("Máy chủ", "Server"),
    "rc.field.unit_code": ("Mã đơn vị", "Unit code"),
    "rc.field.version": ("Phiên bản", "Version"),
    "rc.field.package_hash": ("Mã băm gói theo máy chủ", "Package hash stated by the server"),
    "rc.field.sha256": ("Mã băm gói theo máy chủ", "Package hash stated by the server"),
    "rc.field.signer": ("Người/máy ký biên nhận", "Receipt signed by"),
    "rc.field.signature": ("Chữ ký của máy chủ", "Server signature"),
    "rc.field.message": ("Ghi chú", "Note"),
})

_HEX64 = re.compile(r"^[0-9a-fA-F]{64}$")
_TIME_KEYS = {"received_at", "accepted_at", "signed_at", "created_at"}
_HASH_KEYS = ("package_hash", "sha256")


def group_hex(value: str, size: int = 8) -> str:
    """"a1b2c3d4e5f6…" → "a1b2c3d4 e5f6…": readable aloud, copyable, wraps at spaces."""
    v = value.strip().lower()
    return " ".join(v[i:i + size] for i in range(0, len(v), size))


class QrFlowable(Flowable):
    """A QR code drawn as filled rectangles straight on the page.

    reportlab's own encoder makes the matrix; drawing it ourselves (rather
    than through a graphics ``Drawing``) keeps the page free of the
    non-embedded Helvetica that the graphics renderer selects by default.
    """

    def __init__(self, value: str, size: float = 40 * mm, border: int = 2) -> None:
        super().__init__()
        qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)  # what reportlab's QrCodeWidget builds
        qr.addData(value)
        qr.make()
        self.value = value
        self.modules = [[bool(m) for m in row] for row in qr.modules]
        self.size = size
        self.border = border

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._x = (availWidth - self.size) / 2
        return availWidth, self.size

    def draw(self) -> None:
        n = len(self.modules)
        box = self.size / (n + 2 * self.border)
        canv = self.canv
        canv.setFillColorRGB(0, 0, 0)
        for r, row in enumerate(self.modules):
            c = 0
            while c < n:
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < n and row[c]:
                    c += 1
                x = self._x + (start + self.border) * box
                y = self.size - (r + self.border + 1) * box
                canv.rect(x, y, (c - start) * box, box, stroke=0, fill=1)


def qr_drawing(data: str, size: float = 40 * mm) -> QrFlowable:
    """A vector QR code of ``data``, ``size`` square (error correction M)."""
    return QrFlowable(data, size)


def render_receipt_sheet(snapshot: Mapping[str, Any], out_path: str | Path, package_hash: str,
                         receipt: Mapping[str, Any] | None = None, *, lang: str = "vi") -> ReportResult:
    """Render the receipt sheet for a package whose SHA-256 is ``package_hash``.

    ``receipt`` is the server's receipt as a flat dict once it has come back
    (known keys get Vietnamese labels, others print under their own name);
    None prints a line saying no receipt has arrived yet.
    """
    if not isinstance(package_hash, str) or not _HEX64.match(package_hash.strip()):
        raise ParDeskError("rc.bad_hash", where="package_hash", value=package_hash)
    package_hash = package_hash.strip().lower()
    view = read_snapshot(snapshot)
    st = styles(cell_size=10.5, body_size=13)
    unit = view.unit
    unit_name = issuing_body(unit)
    totals = view.totals
    fw = view.framework
    asm = view.assessment
    width, _ = frame_size(False)
    frozen = view.raw.get("frozen_at")

    story: list[Any] = [national_header(unit, landscape=False, date=frozen, year=view.print_year, lang=lang,
                                        show_number=False)]
    story += title_block(st, t("rc.title", lang), [t("rc.subtitle", lang, year=view.year or "")], (),
                         space_before=5 * mm)

    def row(label: str, value: str, *, bold: bool = False) -> list[Any]:
        return [Paragraph(esc(label), st.cell), Paragraph(f"<b>{esc(value)}</b>" if bold else esc(value), st.cell)]

    docs = [d for it in view.leaves() for d in it.evidence]
    unique = len({d.get("sha256") for d in docs if d.get("sha256")})
    dec = fw.get("decision") or {}
    fw_text = str(fw.get("title") or fw.get("id") or "")
    if dec.get("number"):
        fw_text += " — " + t("rc.decision", lang, number=dec.get("number"), date=fmt_date(dec.get("date")),
                             issuer=dec.get("issuer") or "")
    rows = [
        row(t("rc.unit", lang), f"{unit_name} ({unit.get('code', '')})" if unit.get("code") else unit_name,
            bold=True),
        row(t("rc.province", lang), str(unit.get("province") or "")),
        row(t("rc.framework", lang), fw_text),
        row(t("rc.framework_hash", lang), group_hex(str(fw.get("hash") or ""))),
        row(t("rc.year", lang), str(view.year or "")),
        row(t("rc.version", lang), str(asm.get("version") or ""), bold=True),
        row(t("rc.status", lang), t("rc.draft" if view.is_draft else "rc.locked", lang)),
        row(t("rc.previous", lang), group_hex(str(asm["previous_package_hash"]))
            if asm.get("previous_package_hash") else t("rc.first", lang)),
        row(t("rc.frozen", lang), fmt_datetime(frozen)),
        row(t("rc.result", lang), t("rc.result_value", lang, total=fmt_score(totals.get("total"), lang=lang),
                                    max_applicable=fmt_score(totals.get("max_applicable"), lang=lang),
                                    percent=percent_text(totals.get("percent"), lang=lang),
                                    rating=totals.get("rating_en" if lang == "en" else "rating") or "")),
        row(t("rc.evidence", lang), t("rc.evidence_value", lang, docs=fmt_int(len(docs), lang=lang),
                                      unique=fmt_int(unique, lang=lang))),
    ]
    story.append(_kv_table(rows, width))
    story.append(Spacer(1, 4 * mm))

    hash_style = st.center.clone("hash", fontName=FONT_BOLD, fontSize=13, leading=17)
    story.append(Paragraph(esc(t("rc.package_hash", lang)), st.title.clone("h2", fontSize=13)))
    story.append(Spacer(1, 2 * mm))
    story.append(Paragraph(esc(group_hex(package_hash)), hash_style))
    story.append(Spacer(1, 3 * mm))
    story.append(qr_drawing(package_hash, 32 * mm))
    story.append(Paragraph(esc(t("rc.qr_caption", lang)), st.note.clone("cap", fontSize=11, leading=13)))
    story.append(Spacer(1, 4 * mm))

    story.append(Paragraph(esc(t("rc.server", lang)), st.title.clone("h3", fontSize=13)))
    story.append(Spacer(1, 2 * mm))
    if not receipt:
        story.append(Paragraph(f"<i>{esc(t('rc.no_receipt', lang))}</i>", st.body_left.clone("nr", fontSize=12,
                                                                                             leading=15)))
    else:
        rrows = []
        for key, value in receipt.items():
            label = t(f"rc.field.{key}", lang) if f"rc.field.{key}" in _known_fields() else str(key)
            if key in _HASH_KEYS and isinstance(value, str):
                ok = value.strip().lower() == package_hash
                note = t("rc.hash_match" if ok else "rc.hash_mismatch", lang)
                text = f"{esc(group_hex(value))}<br/>" + (f"<i>{esc(note)}</i>" if ok else f"<b>{esc(note)}</b>")
                rrows.append([Paragraph(esc(label), st.cell), Paragraph(text, st.cell)])
                continue
            if key in _TIME_KEYS and isinstance(value, str):
                shown = fmt_datetime(value)
            elif isinstance(value, (dict, list)):
                shown = json.dumps(value, ensure_ascii=False, sort_keys=True)
            else:
                shown = "" if value is None else str(value)
            rrows.append(row(label, shown))
        story.append(_kv_table(rrows, width))
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(esc(t("rc.check", lang)), st.body_left.clone("chk", fontName=FONT, fontSize=11,
                                                                         leading=13.5)))
    return build_pdf(out_path, story, landscape=False, title=t("rc.title", lang), author=unit_name,
                     subject=package_hash, lang=lang)


def _known_fields() -> set[str]:
    from parDesk.i18n import keys

    return {k for k in keys() if k.startswith("rc.field.")}


def _kv_table(rows: list[list[Any]], width: float) -> Table:
    tbl = Table(rows, colWidths=[width * 0.36, width * 0.64], hAlign="LEFT")
    tbl.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return tbl
