"""PAdES signatures on the printed forms (pyHanko), looking as Decree 30/2020 says.

What is signed: the letter requesting appraisal (the main document) and its
attachments (the scoring table, the checklist), each with the package's own
signer — file key, PKCS#12 or USB token (:class:`parDesk.signing.signer.BaseSigner`,
adapted to pyHanko by :class:`PyHankoAdapter`). PAdES B-B; B-T (an RFC 3161
timestamp from the TSA) when a timestamp authority URL is configured.

How it looks (Decree 30/2020/NĐ-CP, Appendix I, part II):

* main document: the leader's signature image (blue, transparent PNG)
  centred in the room between the title ("CHỦ TỊCH") and the name — the box
  :class:`parDesk.reports.decree30.SignatureSpace` records while laying the
  letter out; the organisation's seal (red PNG) at its real size
  (``seal_mm``, 36 mm by default) overlapping the left third of the
  signature image; the organisation's name and the signing time in ISO 8601
  with +07:00 under them, small, and in the signature dictionary (/Name, /M);
* attachment: no image; at the top right of page 1, Liberation Serif (the
  shipped Times New Roman metric clone), upright, size 10, black: the
  letter's number and code, the signing time, the organisation's name.

The appearance is drawn with reportlab (the same fonts as the forms) into a
one-page PDF the size of the field, and pyHanko imports it as the field's
appearance stream (``StaticStampStyle``); the CMS signing time and the time
printed are the same instant (pinned on the signing session).

:func:`check_pdf_signatures` is what ``pardesk verify`` and the server run on
every PDF under ``data/reports/``: at least one signature, each intact and
valid, made by the package's signer certificate, the last one covering the
whole file (nothing appended after it).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from parDesk.i18n import ParDeskError, register
from parDesk.signing.loops import outside_event_loop
from parDesk.signing.tsa_client import make_timestamper, timestamp_failure

if TYPE_CHECKING:
    from parDesk.signing.signer import BaseSigner

register({
    "pades.unsigned": ("biểu mẫu PDF chưa được ký số", "the PDF form is not signed"),
    "pades.broken": ("chữ ký số trên biểu mẫu PDF không hợp lệ (nội dung đã bị thay đổi sau khi ký)",
                     "the signature on the PDF form is not valid (the content changed after signing)"),
    "pades.not_whole": ("chữ ký số trên biểu mẫu PDF không bao trùm toàn bộ tệp (có nội dung thêm sau khi ký)",
                        "the signature on the PDF form does not cover the whole file (content added after signing)"),
    "pades.other_signer": ("biểu mẫu PDF được ký bởi {subject}, không phải người ký gói",
                           "the PDF form is signed by {subject}, not by the package's signer"),
    "pades.unreadable": ("không đọc được biểu mẫu PDF để kiểm tra chữ ký: {detail}",
                         "cannot read the PDF form to check its signature: {detail}"),
    "pades.no_box": ("không tìm thấy chỗ ký trên văn bản", "no place to sign was found on the document"),
    "pades.tsa": ("không lấy được dấu thời gian từ {url}: {detail}", "could not get a timestamp from {url}: {detail}"),
    "pades.bad_image": ("không đọc được ảnh {what}: {detail}", "cannot read the {what} image: {detail}"),
    "pades.signed_by": ("Ký bởi: {name}", "Signed by: {name}"),
    "pades.signed_at": ("Thời gian ký: {time}", "Signing time: {time}"),
})

VN_TIME = dt.timezone(dt.timedelta(hours=7), "ICT")
MM = 72 / 25.4
SEAL_MM = 36.0


def iso_vn(when: dt.datetime) -> str:
    """ISO 8601 in Vietnam's time zone, whole seconds: ``2025-11-01T09:30:00+07:00``."""
    return when.astimezone(VN_TIME).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Box:
    """A signature field: page index and rectangle in PDF points (origin bottom-left)."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def outward(self) -> Box:
        """The smallest box on whole points that holds this one (a PDF field rectangle is whole points
        in pyHanko, so the appearance is drawn at exactly that size and nothing is stretched)."""
        return Box(self.page, math.floor(self.x0), math.floor(self.y0), math.ceil(self.x1), math.ceil(self.y1))


@dataclass(frozen=True)
class Images:
    """The two images a unit chooses once (kept in the workspace): PNG bytes, or None."""

    leader_signature: bytes | None = None
    seal: bytes | None = None
    seal_mm: float = SEAL_MM


class PyHankoAdapter:
    """A :class:`~parDesk.signing.signer.BaseSigner` as a pyHanko ``Signer`` (built lazily: pyHanko is heavy)."""

    def __new__(cls, signer: BaseSigner) -> Any:  # returns an instance of a pyHanko Signer subclass
        from asn1crypto import algos
        from asn1crypto import x509 as ax509
        from pyhanko.sign.signers.pdf_cms import Signer as PhSigner
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        def asn1(c: x509.Certificate) -> Any:
            return ax509.Certificate.load(c.public_bytes(serialization.Encoding.DER))

        if signer.algorithm == "ecdsa":
            mech = algos.SignedDigestAlgorithm({"algorithm": "sha256_ecdsa"})
        elif signer.algorithm == "rsa-pss":
            mech = algos.SignedDigestAlgorithm({"algorithm": "rsassa_pss", "parameters": algos.RSASSAPSSParams({
                "hash_algorithm": {"algorithm": "sha256"},
                "mask_gen_algorithm": {"algorithm": "mgf1", "parameters": {"algorithm": "sha256"}},
                "salt_length": 32})})
        else:
            mech = algos.SignedDigestAlgorithm({"algorithm": "sha256_rsa"})

        class _Adapter(PhSigner):
            async def async_sign_raw(self, data: bytes, digest_algorithm: str, dry_run: bool = False) -> bytes:
                if dry_run:
                    return bytes(signer.signature_size())
                return signer.sign_message(data)

        store = SimpleCertificateStore()
        store.register_multiple([asn1(c) for c in signer.chain()])
        return _Adapter(signing_cert=asn1(signer.certificate()), cert_registry=store, signature_mechanism=mech,
                        embed_roots=True)


def _image_reader(data: bytes, what: str) -> Any:
    from reportlab.lib.utils import ImageReader
    try:
        reader = ImageReader(io.BytesIO(data))
        reader.getSize()
        return reader
    except Exception as exc:
        raise ParDeskError("pades.bad_image", what=what, detail=str(exc)[:120]) from None


def _fit(iw: float, ih: float, w: float, h: float) -> tuple[float, float]:
    scale = min(w / iw, h / ih)
    return iw * scale, ih * scale


def main_appearance(box: Box, images: Images, org_name: str, when: dt.datetime, lang: str = "vi") -> tuple[bytes, Box]:
    """The letter's field: signature centred, seal overlapping its left third, name + time under them.

    Returns the appearance PDF and the field rectangle, which is the room to
    sign grown to hold a real-size seal (a seal is bigger than the room, on
    paper too: it covers part of the title and the name).
    """
    from reportlab.lib.colors import black
    from reportlab.pdfgen import canvas

    from parDesk.i18n import t
    from parDesk.reports.decree30 import FONT, register_fonts
    register_fonts()
    seal = images.seal_mm * MM
    text_band = 6.5 * MM  # two small lines at the bottom of the room, above the printed name
    centre = box.y0 + text_band + (box.height - text_band) / 2  # of the signature and the seal, page coordinates
    field = Box(box.page, box.x0, min(box.y0, centre - seal / 2 - 1), box.x1,
                max(box.y1, centre + seal / 2 + 1)).outward()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(field.width, field.height), invariant=1)
    room_bottom = box.y0 - field.y0
    cy = centre - field.y0
    sig_w = sig_h = 0.0
    sig_x = field.width / 2
    if images.leader_signature:
        reader = _image_reader(images.leader_signature, "chữ ký" if lang == "vi" else "signature")
        iw, ih = reader.getSize()
        sig_w, sig_h = _fit(iw, ih, field.width * 0.6, box.height - text_band)
        sig_x = (field.width - sig_w) / 2
        c.drawImage(reader, sig_x, cy - sig_h / 2, sig_w, sig_h, mask="auto")
    if images.seal:
        reader = _image_reader(images.seal, "con dấu" if lang == "vi" else "seal")
        iw, ih = reader.getSize()
        sw, sh = _fit(iw, ih, seal, seal)
        # the seal's right edge one third into the signature: it covers the signature's left third
        right = sig_x + (sig_w / 3 if sig_w else field.width / 2 + sw / 2)
        c.drawImage(reader, right - sw, cy - sh / 2, sw, sh, mask="auto")
    c.setFillColor(black)
    c.setFont(FONT, 7)
    c.drawCentredString(field.width / 2, room_bottom + 3.5 * MM, t("pades.signed_by", lang, name=org_name))
    c.drawCentredString(field.width / 2, room_bottom + 0.9 * MM, t("pades.signed_at", lang, time=iso_vn(when)))
    c.showPage()
    c.save()
    return buf.getvalue(), field


def attachment_appearance(page_width: float, page_height: float, org_name: str, when: dt.datetime,
                          number_code: str) -> tuple[bytes, Box]:
    """Top right of page 1, no image: number and code, time, organisation; Liberation Serif 10, upright, black.

    The lines are printed as given (upright, not bold or italic, not forced to capitals).
    """
    from reportlab.lib.colors import black
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    from parDesk.reports.decree30 import FONT, MARGIN_RIGHT, register_fonts
    register_fonts()
    lines = [line for line in (number_code, iso_vn(when), org_name) if line]
    width = max(stringWidth(line, FONT, 10) for line in lines) + 4
    leading = 11.5
    height = leading * len(lines) + 4
    top = page_height - 5 * MM  # above the national header (top margin 20 mm)
    right = page_width - MARGIN_RIGHT
    field = Box(0, right - width, top - height, right, top).outward()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(field.width, field.height), invariant=1)
    c.setFillColor(black)
    c.setFont(FONT, 10)
    for i, line in enumerate(lines):
        c.drawRightString(field.width - 2, field.height - 2 - 9 - i * leading, line)
    c.showPage()
    c.save()
    return buf.getvalue(), field


def sign_pdf(src: str | os.PathLike[str], dest: str | os.PathLike[str], signer: BaseSigner, *, appearance: bytes,
             field: Box, org_name: str, when: dt.datetime, field_name: str = "ChuKySo",
             tsa_url: str | None = None, reason: str | None = None, location: str | None = None) -> Path:
    """Sign ``src`` into ``dest`` (temp + fsync + rename) with one visible PAdES signature.

    ``when`` is the signing time written in the CMS and shown in the
    appearance. The certificate is checked before signing
    (:meth:`BaseSigner.check`). With ``tsa_url`` the signature gets an RFC 3161
    timestamp (PAdES B-T); a TSA that does not answer is an error, never a
    silent B-B.
    """
    from pyhanko.pdf_utils.content import ImportedPdfPage
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import StaticStampStyle

    from parDesk.fsutil import atomic_write_bytes as _write_atomic

    signer.check()
    when = when.astimezone(VN_TIME).replace(microsecond=0)

    class _PinnedTimeSigner(signers.PdfSigner):
        """pyHanko stamps "now" on its session; pin it so the CMS time is the time printed."""

        def init_signing_session(self, *args: Any, **kwargs: Any) -> Any:
            session = super().init_signing_session(*args, **kwargs)
            session.system_time = when
            return session

    import hashlib

    from pyhanko.pdf_utils import generic

    src_bytes = Path(src).read_bytes()
    # pyHanko draws random bytes for the new trailer /ID and the appearance's resource name; derive
    # both from what is signed instead, so the same form, time and key give the same signed PDF
    # (a package rebuilt from the same frozen state keeps its hash).
    seed = hashlib.sha256(src_bytes + appearance + when.isoformat().encode() + field_name.encode()).digest()

    from pyhanko.pdf_utils.metadata.model import DocumentMetadata

    class _FixedTimeMeta(DocumentMetadata):
        @property
        def last_modified(self) -> dt.datetime:
            return when

        @last_modified.setter
        def last_modified(self, value: Any) -> None:  # pyHanko sets "now" before writing: ignored
            pass

    class _Writer(IncrementalPdfFileWriter):
        @classmethod
        def _handle_id(cls, prev: Any) -> Any:
            # unannotated in pyHanko; untyped_calls_exclude (pyproject) does not reach calls through super()
            ids = super()._handle_id(prev)  # type: ignore[no-untyped-call]
            return generic.ArrayObject([ids[0], generic.ByteStringObject(seed[:16])])

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            fixed = _FixedTimeMeta()  # /ModDate and xmp:ModifyDate = the signing time, not the clock
            fixed.__dict__.update({k: v for k, v in self._meta.__dict__.items() if k != "last_modified"})
            self._meta = fixed

    class _Appearance(ImportedPdfPage):
        def __init__(self, file_name: str, page_ix: int = 0) -> None:
            # pyHanko leaves ImportedPdfPage.__init__ unannotated, and mypy's untyped_calls_exclude
            # (pyproject) does not reach calls through super()
            super().__init__(file_name, page_ix)  # type: ignore[no-untyped-call]

        def render(self) -> bytes:
            out = super().render()
            name = out[:-3]
            fixed = b"/Import" + seed[16:32].hex().encode()
            self.resources.xobject[fixed.decode("ascii")] = self.resources.xobject.pop(name.decode("ascii"))
            return fixed + b" Do"

    with tempfile.TemporaryDirectory(prefix="pardesk-pades-") as tmp:
        look = Path(tmp) / "appearance.pdf"
        look.write_bytes(appearance)
        meta = signers.PdfSignatureMetadata(
            field_name=field_name, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
            name=org_name, reason=reason, location=location, use_pades_lta=False, embed_validation_info=False)
        # no margins, no scaling: the appearance was drawn at the field's size (a real-size seal stays real size)
        from pyhanko.pdf_utils import layout
        stamp = StaticStampStyle(
            background=_Appearance(str(look), 0), border_width=0, background_opacity=1.0,
            background_layout=layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
                margins=layout.Margins(0, 0, 0, 0), inner_content_scaling=layout.InnerScaling.NO_SCALING))
        rect = field.outward()
        spec = fields.SigFieldSpec(field_name, on_page=rect.page,
                                   box=(int(rect.x0), int(rect.y0), int(rect.x1), int(rect.y1)))
        timestamper = make_timestamper(tsa_url) if tsa_url else None
        pdf_signer = _PinnedTimeSigner(meta, signer=signer.pyhanko_signer(), stamp_style=stamp,
                                       new_field_spec=spec, timestamper=timestamper)
        out = io.BytesIO()
        with io.BytesIO(src_bytes) as fh:
            writer = _Writer(fh, strict=False)
            try:
                outside_event_loop(lambda: pdf_signer.sign_pdf(writer, output=out))
            except ParDeskError:
                raise
            except Exception as exc:
                failed = timestamp_failure(exc)  # by type, through pyHanko's wrapping: never by its wording
                if failed is not None:
                    raise ParDeskError("pades.tsa", url=tsa_url, detail=failed.reason) from None
                raise
    dest = Path(dest)
    _write_atomic(dest, out.getvalue())
    return dest


def sign_letter(src: str | os.PathLike[str], dest: str | os.PathLike[str], signer: BaseSigner, *,
                room: tuple[int, float, float, float, float] | None, images: Images, org_name: str,
                when: dt.datetime, tsa_url: str | None = None, lang: str = "vi") -> Path:
    """The main document: the leader's signature and the seal in the room the layout recorded."""
    if room is None:
        raise ParDeskError("pades.no_box")
    box = Box(*room)
    appearance, field = main_appearance(box, images, org_name, when, lang)
    return sign_pdf(src, dest, signer, appearance=appearance, field=field, org_name=org_name, when=when,
                    tsa_url=tsa_url)


def _first_page_size(path: str | os.PathLike[str]) -> tuple[float, float]:
    from pyhanko.pdf_utils.reader import PdfFileReader
    with open(path, "rb") as fh:
        reader = PdfFileReader(fh, strict=False)
        box = reader.root["/Pages"]["/Kids"][0].get_object()["/MediaBox"]
        return float(box[2]) - float(box[0]), float(box[3]) - float(box[1])


def sign_attachment(src: str | os.PathLike[str], dest: str | os.PathLike[str], signer: BaseSigner, *,
                    org_name: str, when: dt.datetime, number_code: str, tsa_url: str | None = None) -> Path:
    """An attachment: the organisation's signature, no image, top right of page 1."""
    w, h = _first_page_size(src)
    appearance, field = attachment_appearance(w, h, org_name, when, number_code)
    return sign_pdf(src, dest, signer, appearance=appearance, field=field, org_name=org_name, when=when,
                    field_name="ChuKySoToChuc", tsa_url=tsa_url)


def _quiet_pyhanko() -> None:
    """pyHanko logs a traceback when its diff analysis meets an update it cannot judge (a revision
    added after the signature); the verdict is ours to say, as a reason, so its log never reaches a
    person's terminal or the server log."""
    import logging
    log = logging.getLogger("pyhanko")
    if not any(isinstance(h, logging.NullHandler) for h in log.handlers):
        log.addHandler(logging.NullHandler())
    log.propagate = False


def check_pdf_signatures(data: bytes, expected_signer: x509.Certificate | None, *,
                         where: str | None = None, require: bool = True) -> list[ParDeskError]:
    """Every signature intact and valid, by ``expected_signer``, the last one covering the whole file.

    ``require=False``: a PDF without any signature is not a problem (inside a package, whose own
    signature covers its bytes, an unsigned form is a form from a signer that signs no PDFs).
    """
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    _quiet_pyhanko()
    problems: list[ParDeskError] = []
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = list(reader.embedded_signatures)
    except Exception as exc:
        return [ParDeskError("pades.unreadable", where=where, detail=str(exc)[:200])]
    if not sigs:
        return [ParDeskError("pades.unsigned", where=where)] if require else []
    expected_der = expected_signer.public_bytes(serialization.Encoding.DER) if expected_signer else None
    for i, sig in enumerate(sigs):
        try:
            from pyhanko_certvalidator import ValidationContext
            # Trust is the package's business (CMS + chain check); here: integrity, signer, coverage.
            status = validate_pdf_signature(sig, ValidationContext(trust_roots=[sig.signer_cert]))
        except (SignatureValidationError, ValueError, KeyError) as exc:
            problems.append(ParDeskError("pades.unreadable", where=where, detail=str(exc)[:200]))
            continue
        if not status.intact or not status.valid:
            problems.append(ParDeskError("pades.broken", where=where))
        if expected_der is not None and sig.signer_cert.dump() != expected_der:
            cert = x509.load_der_x509_certificate(sig.signer_cert.dump())
            from parDesk.signing.cms import subject_text
            problems.append(ParDeskError("pades.other_signer", where=where, subject=subject_text(cert)))
        if i == len(sigs) - 1 and status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
            problems.append(ParDeskError("pades.not_whole", where=where))
    return problems


__all__ = [
    "VN_TIME",
    "Box",
    "Images",
    "PyHankoAdapter",
    "attachment_appearance",
    "check_pdf_signatures",
    "iso_vn",
    "main_appearance",
    "sign_attachment",
    "sign_letter",
    "sign_pdf",
]
