"""The printed forms in a package as PAdES-signed e-documents, and their check on the way in.

At signing time (:func:`sign_forms`, called by
:func:`parDesk.package.submission.build_submission` with the package's own
signer): the letter requesting appraisal gets the main-document signature
(leader's signature image + seal, in the room the layout recorded), the other
forms (scoring table, checklist) the attachment signature (no image, top right
of page 1). Times are the package's signing time, so the PDFs, like the
package, are a function of the frozen state (with deterministic ECDSA).

At verification time (:func:`check_signed_forms`, one of the checks of
:func:`parDesk.package.checks.verify_submission`, hence of ``pardesk verify``
and the server): every signature on a PDF under ``data/reports/`` must be
intact, made by the package's signer certificate, the last covering the whole
file. A form with no signature at all is refused too: every signer parDesk
builds packages with (file key, PKCS#12, token) signs the forms, so an
unsigned PDF under ``data/reports/`` is a form that did not go through the
signing it claims.

The unit's two images are kept in the workspace's identity folder by
:class:`SignatureImages`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard

from parDesk.i18n import ParDeskError, register
from parDesk.package.bag import PayloadEntry
from parDesk.package.verify import VerifyContext

if TYPE_CHECKING:
    from parDesk.signing.pades import Images
    from parDesk.signing.signer import BaseSigner
    from parDesk.workspace import Workspace

register({
    "forms.bad_png": ("ảnh {what} phải là tệp PNG (nền trong suốt): {detail}",
                      "the {what} image must be a PNG file (transparent background): {detail}"),
    "forms.bad_seal_size": ("đường kính con dấu phải từ 20 đến 60 mm", "the seal's diameter must be 20 to 60 mm"),
})

TSA_SETTING = "tsa_url"
"""The workspace setting holding the province's timestamp authority (RFC 3161) URL: when set, the forms
are signed PAdES B-T (:func:`build_submission` reads it; ``pardesk package tsa URL`` sets it)."""

register({
    "forms.tsa_url": ("Địa chỉ máy chủ dấu thời gian (TSA) không hợp lệ: {value} — cần dạng "
                      "https://máy-chủ/đường-dẫn hoặc http://máy-chủ/đường-dẫn",
                      "Timestamp server (TSA) address not valid: {value} — expected https://host/path or "
                      "http://host/path"),
})


def clean_tsa_url(value: str) -> str | None:
    """A TSA URL as stored: stripped, ``None`` for empty; refused (naming the field) unless http(s) with a host."""
    from urllib.parse import urlsplit

    value = value.strip()
    if not value:
        return None
    try:
        parts = urlsplit(value)
        _ = parts.port  # raises ValueError on a malformed port
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # a malformed port or bracket
        ok = False
    if not ok or len(value) > 2048 or any(c.isspace() for c in value):
        raise ParDeskError("forms.tsa_url", value=value[:200])
    return value


def tsa_url(ws: Workspace) -> str | None:
    """The timestamp server the forms are signed with, as stored (``None``: PAdES B-B)."""
    value = ws.get_setting(TSA_SETTING)
    return str(value) if value else None


def set_tsa_url(ws: Workspace, value: str | None) -> str | None:
    """Set (``value``) or clear (``None``/empty) the timestamp server: the one call of the CLI and the window.

    The address is checked first (:func:`clean_tsa_url`, naming the field); a refused one leaves the
    stored value as it was. The change is an audited workspace setting. Returns what is stored now.
    """
    url = clean_tsa_url(value or "")
    if url != tsa_url(ws):
        ws.set_settings(audit=True, **{TSA_SETTING: url})
    return tsa_url(ws)


LETTER = "van-ban-de-nghi-tham-dinh.pdf"
#: Where the letter's room to sign landed, by rendered file (filled by render_forms, read by sign_forms).
ROOMS: dict[str, tuple[int, float, float, float, float]] = {}
PDF_LIMIT = 256 * 1024 * 1024


class SignatureImages:
    """The leader's signature and the seal, chosen once, kept beside the key (``<workspace>/identity/``).

    ``leader-signature.png`` and ``seal.png`` as given (validated as PNG),
    ``seal.json`` the seal's real diameter in mm. Written atomically.
    """

    LEADER, SEAL, SEAL_INFO = "leader-signature.png", "seal.png", "seal.json"

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    @staticmethod
    def _check_png(data: bytes, what: str) -> None:
        from PIL import Image
        try:
            with Image.open(io.BytesIO(data)) as img:
                if img.format != "PNG":
                    raise ValueError(img.format or "?")
                img.load()
        except Exception as exc:
            raise ParDeskError("forms.bad_png", what=what, detail=str(exc)[:120]) from None

    def set_leader_signature(self, data: bytes) -> None:
        from parDesk.fsutil import atomic_write_bytes as _write_atomic
        self._check_png(data, "chữ ký")
        _write_atomic(self.folder / self.LEADER, data)

    def set_seal(self, data: bytes, diameter_mm: float = 36.0) -> None:
        from parDesk.fsutil import atomic_write_bytes as _write_atomic
        self._check_png(data, "con dấu")
        if not 20 <= float(diameter_mm) <= 60:
            raise ParDeskError("forms.bad_seal_size")
        _write_atomic(self.folder / self.SEAL, data)
        _write_atomic(self.folder / self.SEAL_INFO, json.dumps({"diameter_mm": float(diameter_mm)}).encode())

    def load(self) -> Images:
        from parDesk.signing.pades import SEAL_MM, Images

        def read(name: str) -> bytes | None:
            p = self.folder / name
            return p.read_bytes() if p.is_file() else None
        info = read(self.SEAL_INFO)
        mm = float(json.loads(info)["diameter_mm"]) if info else SEAL_MM
        return Images(read(self.LEADER), read(self.SEAL), mm)


def can_sign_forms(signer: object) -> TypeGuard[BaseSigner]:
    """Only the one signer interface signs PDFs (a bare test double of the CMS protocol does not)."""
    from parDesk.signing.signer import BaseSigner
    return isinstance(signer, BaseSigner)


def sign_forms(payload: Sequence[PayloadEntry], signer: BaseSigner, *, org_name: str, when: dt.datetime,
               images: Images | None = None, number_code: str = "", tsa_url: str | None = None,
               lang: str = "vi") -> None:
    """Sign, in place, every rendered PDF form in ``payload`` (files under ``reports/``)."""
    from parDesk.signing import pades
    images = images or pades.Images()
    for entry in payload:
        if not (entry.arcname.startswith("reports/") and entry.arcname.endswith(".pdf")):
            continue
        if isinstance(entry.source, (bytes, bytearray, memoryview)):
            continue
        path = Path(entry.source)
        if path.name == LETTER:
            pades.sign_letter(path, path, signer, room=ROOMS.pop(str(path), None), images=images,
                              org_name=org_name, when=when, tsa_url=tsa_url, lang=lang)
        else:
            pades.sign_attachment(path, path, signer, org_name=org_name, when=when, number_code=number_code,
                                  tsa_url=tsa_url)


def check_signed_forms(ctx: VerifyContext) -> list[ParDeskError]:
    """Every PDF under ``data/reports/``: signed, intact, by the package's signer, the whole file covered."""
    from parDesk.signing.pades import check_pdf_signatures
    if ctx.report.signer is None:
        return []
    problems: list[ParDeskError] = []
    for name in ctx.payload_names:
        if name.startswith("data/reports/") and name.lower().endswith(".pdf"):
            problems.extend(check_pdf_signatures(ctx.read(name, PDF_LIMIT), ctx.report.signer, where=name,
                                                 require=True))
    return problems


__all__ = ["LETTER", "ROOMS", "SignatureImages", "can_sign_forms", "check_signed_forms", "sign_forms"]
