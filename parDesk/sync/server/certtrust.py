"""The province's trust anchors and the binding of CA-issued certificates to units.

Two ways a package's signer is accepted for a unit:

1. **pinned** (unchanged): the signer's key is the one the unit registered
   (CSR registration, units without a token);
2. **chain + binding** (issue 11): the signer certificate chains to one of
   the province's trust anchors (:class:`TrustStore`, ``<data>/trust/*.pem``:
   the national root, the Government CA, the licensed public CAs) at the
   receipt time, with signing key usage and not revoked (CRL/OCSP,
   :mod:`parDesk.signing.trust`), **and** it is bound to the unit:

   * a certificate bound by the administrator (``pardesk-server units bind``,
     or the desk) to this unit — subject, issuer and serial shown first;
   * or a *renewal*: same subject (byte for byte) from the same CA (same
     issuer name and the same issuing key, by the authority key identifier)
     as a certificate already bound to this unit — bound automatically and
     recorded as such;
   * a CA-issued organisation certificate names no administrative code, so
     the first package from a new certificate is refused with "waiting for
     the administrator to bind it", and the certificate is listed as pending
     (``pardesk-server units certs --pending``);
   * a certificate bound to another unit is refused with that reason.

Revocation that cannot be obtained is refused unless the province's policy
accepts it provisionally: a server setting the administrator sets with
``pardesk-server trust policy --unknown-revocation accept-provisionally|refuse``
(kept in ``<data>/trust-policy.json``, shown by ``trust list``; default refuse).
"""

from __future__ import annotations

import builtins
import datetime as dt
import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from sqlalchemy import Column, Text
from sqlmodel import Field, col, select

from parDesk.i18n import ParDeskError, register
from parDesk.sync.server.models import ServerModel

register({
    "bind.not_bound": ("chứng thư số {subject} (cấp bởi {issuer}, số hiệu {serial}) chưa được gắn với đơn vị "
                       "{unit}; gói chờ quản trị viên gắn chứng thư (pardesk-server units bind)",
                       "certificate {subject} (issued by {issuer}, serial {serial}) is not bound to unit {unit} yet; "
                       "the package waits for the administrator to bind it (pardesk-server units bind)"),
    "bind.other_unit": ("chứng thư số {subject} đã được gắn với đơn vị khác ({other}), không phải {unit}",
                        "certificate {subject} is bound to another unit ({other}), not {unit}"),
    "bind.no_anchors": ("máy chủ chưa có chứng thư gốc tin cậy nào (pardesk-server trust add), nên không nhận "
                        "chữ ký bằng chứng thư do tổ chức cấp",
                        "the server has no trust anchors (pardesk-server trust add), so CA-issued signatures "
                        "cannot be accepted"),
    "bind.unknown_cert": ("không có chứng thư chờ gắn số {id}", "no pending certificate #{id}"),
    "bind.not_chained": ("chứng thư {subject} không được cấp bởi tổ chức nào trong danh sách tin cậy của tỉnh",
                         "certificate {subject} was not issued by any authority the province trusts"),
    "anchor.not_found": ("không có chứng thư gốc {fp} trong danh sách tin cậy", "no trust anchor {fp}"),
})


class CertBinding(ServerModel, table=True):
    """A CA-issued certificate seen for a unit: pending (waiting for the administrator) or bound."""

    __tablename__ = "srv_cert_binding"
    id: int | None = Field(default=None, primary_key=True)
    unit_code: str = Field(index=True)
    fingerprint: str = Field(index=True)          # SHA-256 of the certificate DER
    state: str = "pending"                        # pending | bound
    how: str = ""                                 # admin | renewal
    subject: str = ""
    subject_der: str = ""                         # hex, compared byte for byte for renewals
    issuer: str = ""
    issuer_key_id: str = ""                       # authority key identifier (hex), "" if absent
    serial: str = ""
    not_after: str = ""
    cert_pem: str = Field(sa_column=Column(Text, nullable=False))
    created_at: str = ""
    bound_at: str = ""
    bound_by: str = ""


def _now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _aki(cert: x509.Certificate) -> str:
    try:
        value = cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value.key_identifier
        return value.hex() if value else ""
    except x509.ExtensionNotFound:
        return ""


def _fp(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


# --- the anchors ---------------------------------------------------------------

class TrustStore:
    """Anchor certificates as files in ``<data>/trust/`` (``<sha256>.pem``), managed by ``pardesk-server trust``."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    def anchors(self) -> list[x509.Certificate]:
        from parDesk.signing.trust import load_anchors
        if not self.folder.is_dir() or not any(self.folder.glob("*.pem")):
            return []
        return load_anchors(self.folder)

    def add(self, data: bytes, where: str = "") -> list[x509.Certificate]:
        """Add every CA certificate in ``data`` (PEM/DER/.p7b); a non-CA certificate is refused."""
        from parDesk.fsutil import atomic_write_bytes
        from parDesk.identity import load_certificates
        from parDesk.signing.trust import load_anchors
        certs = load_anchors(load_certificates(data, where=where))
        for c in certs:
            try:
                ca = c.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
            except x509.ExtensionNotFound:
                ca = False
            if not ca:
                raise ParDeskError("trust.bad_anchor", name=where or c.subject.rfc4514_string())
        self.folder.mkdir(parents=True, exist_ok=True)
        for c in certs:
            atomic_write_bytes(self.folder / f"{_fp(c)}.pem", c.public_bytes(serialization.Encoding.PEM))
        return certs

    def remove(self, fingerprint: str) -> x509.Certificate:
        fingerprint = fingerprint.lower().replace(":", "")
        for c in self.anchors():
            if _fp(c).startswith(fingerprint) and len(fingerprint) >= 8:
                (self.folder / f"{_fp(c)}.pem").unlink(missing_ok=True)
                return c
        raise ParDeskError("anchor.not_found", fp=fingerprint[:16])


# --- the bindings --------------------------------------------------------------

def _row(cert: x509.Certificate, unit_code: str, state: str, how: str = "", by: str = "") -> CertBinding:
    from parDesk.identity import name_text
    stamp = _now_iso()
    return CertBinding(unit_code=unit_code, fingerprint=_fp(cert), state=state, how=how,
                       subject=name_text(cert.subject), subject_der=cert.subject.public_bytes().hex(),
                       issuer=name_text(cert.issuer), issuer_key_id=_aki(cert),
                       serial=format(cert.serial_number, "X"), not_after=cert.not_valid_after_utc.isoformat(),
                       cert_pem=cert.public_bytes(serialization.Encoding.PEM).decode("ascii"), created_at=stamp,
                       bound_at=stamp if state == "bound" else "", bound_by=by)


def _same_ca_and_subject(a: CertBinding, cert: x509.Certificate) -> bool:
    """A renewal: the same subject, byte for byte, from the same CA (issuer name and issuing key)."""
    if a.subject_der != cert.subject.public_bytes().hex():
        return False
    from parDesk.identity import load_certificates
    old = load_certificates(a.cert_pem.encode())[0]
    if old.issuer.public_bytes() != cert.issuer.public_bytes():
        return False
    return bool(a.issuer_key_id) and a.issuer_key_id == _aki(cert)


class Bindings:
    """Bind, list and look up CA-issued certificates per unit (one short session per call)."""

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx

    def list(self, unit_code: str | None = None, state: str | None = None) -> list[CertBinding]:
        with self.ctx.read_session() as s:
            q = select(CertBinding)
            if unit_code:
                q = q.where(CertBinding.unit_code == unit_code)
            if state:
                q = q.where(CertBinding.state == state)
            return list(s.exec(q.order_by(col(CertBinding.id))))

    def bind(self, unit_code: str, *, cert: x509.Certificate | None = None, pending_id: int | None = None,
             by: str = "admin") -> CertBinding:
        """The administrator binds a certificate (a file, or a pending one by its number) to a unit."""
        from parDesk.identity import load_certificates
        with self.ctx.session() as s:
            if pending_id is not None:
                row = s.get(CertBinding, pending_id)
                if row is None:
                    raise ParDeskError("bind.unknown_cert", id=pending_id)
                cert = load_certificates(row.cert_pem.encode())[0]
            assert cert is not None
            fp = _fp(cert)
            for other in s.exec(select(CertBinding).where(CertBinding.fingerprint == fp,
                                                          CertBinding.state == "bound")):
                if other.unit_code != unit_code:
                    raise ParDeskError("bind.other_unit", subject=other.subject, other=other.unit_code,
                                       unit=unit_code)
            for old in s.exec(select(CertBinding).where(CertBinding.fingerprint == fp)):
                s.delete(old)  # pending rows (for any unit) and an earlier binding are replaced
            row = _row(cert, unit_code, "bound", "admin", by)
            s.add(row)
            s.commit()
            s.refresh(row)
            return row

    def _note_pending(self, cert: x509.Certificate, unit_code: str) -> None:
        fp = _fp(cert)
        with self.ctx.session() as s:
            exists = s.exec(select(CertBinding).where(CertBinding.fingerprint == fp,
                                                      CertBinding.unit_code == unit_code)).first()
            if exists is None:
                s.add(_row(cert, unit_code, "pending"))
                s.commit()

    def _bind_renewal(self, cert: x509.Certificate, unit_code: str) -> None:
        with self.ctx.session() as s:
            for old in s.exec(select(CertBinding).where(CertBinding.fingerprint == _fp(cert))):
                s.delete(old)
            s.add(_row(cert, unit_code, "bound", "renewal", "auto"))
            s.commit()

    def judge(self, cert: x509.Certificate, unit_code: str) -> builtins.list[ParDeskError]:  # list: the method above
        """After the chain is valid: is ``cert`` this unit's? Records pending and renewals."""
        from parDesk.identity import name_text
        fp = _fp(cert)
        bound = self.list(state="bound")
        for b in bound:
            if b.fingerprint == fp:
                if b.unit_code == unit_code:
                    return []
                return [ParDeskError("bind.other_unit", subject=b.subject, other=b.unit_code, unit=unit_code)]
        mine = [b for b in bound if b.unit_code == unit_code]
        if any(_same_ca_and_subject(b, cert) for b in mine):
            self._bind_renewal(cert, unit_code)
            return []
        others = [b for b in bound if b.unit_code != unit_code and _same_ca_and_subject(b, cert)]
        if others:
            return [ParDeskError("bind.other_unit", subject=others[0].subject, other=others[0].unit_code,
                                 unit=unit_code)]
        self._note_pending(cert, unit_code)
        return [ParDeskError("bind.not_bound", subject=name_text(cert.subject), issuer=name_text(cert.issuer),
                             serial=format(cert.serial_number, "X"), unit=unit_code)]


def signature_certificates(path: str | os.PathLike[str]) -> list[x509.Certificate]:
    """The certificates a package's CMS carries (the chain the signer sent), re-read from the zip."""
    import zipfile

    from parDesk.package.bag import SIGNATURE, TAGMANIFEST
    from parDesk.signing.cms import verify_detached_cms
    try:
        with zipfile.ZipFile(path) as zf:
            return verify_detached_cms(zf.read(SIGNATURE), zf.read(TAGMANIFEST)).certificates
    except (KeyError, OSError, zipfile.BadZipFile):
        return []


POLICY_FILE = "trust-policy.json"  # beside trust/, not in it (every file in trust/ is read as an anchor)
ACCEPT_PROVISIONALLY, REFUSE = "accept-provisionally", "refuse"
POLICIES = (ACCEPT_PROVISIONALLY, REFUSE)


def unknown_revocation_policy(data_dir: str | os.PathLike[str]) -> str:
    """The province's answer to "không xác định được trạng thái thu hồi": refuse (default) or accept provisionally."""
    import json
    try:
        value = json.loads((Path(data_dir) / POLICY_FILE).read_text(encoding="utf-8")).get("unknown_revocation")
    except (OSError, ValueError, AttributeError):
        return REFUSE
    return value if value in POLICIES else REFUSE


def set_unknown_revocation_policy(data_dir: str | os.PathLike[str], policy: str) -> None:
    import json

    from parDesk.fsutil import atomic_write_bytes
    if policy not in POLICIES:
        raise ValueError(policy)
    atomic_write_bytes(Path(data_dir) / POLICY_FILE, json.dumps({"unknown_revocation": policy}).encode())


def check_ca_signer(ctx: Any, unit_code: str, signer: x509.Certificate, intermediates: Sequence[x509.Certificate],
                    received: dt.datetime, *, accept_unknown_revocation: bool | None = None,
                    provisional: list[ParDeskError] | None = None) -> list[ParDeskError]:
    """A signer that is not the unit's pinned key: chain at the receipt time, then the binding.

    Returns the problems that refuse the package. When the revocation status
    cannot be settled and the province's policy accepts such packages, the
    reasons are appended to ``provisional`` instead: the caller writes them
    into the signed receipt, so an acceptance that rests on an unknown
    revocation status never looks like an ordinary one.
    """
    from parDesk.signing.trust import RevocationCache, TrustState, validate_chain
    if accept_unknown_revocation is None:
        accept_unknown_revocation = unknown_revocation_policy(ctx.config.data_dir) == ACCEPT_PROVISIONALLY
    anchors = TrustStore(ctx.config.data_dir / "trust").anchors()
    if not anchors:
        return [ParDeskError("bind.no_anchors")]
    result = validate_chain(signer, anchors, moment=received, intermediates=intermediates,
                            cache=RevocationCache(ctx.config.data_dir / "revocation-cache"))
    if result.state is TrustState.UNTRUSTED:
        return list(result.problems)
    if result.state is TrustState.REVOCATION_UNKNOWN and not accept_unknown_revocation:
        return list(result.problems)
    problems = Bindings(ctx).judge(signer, unit_code)
    if result.state is TrustState.REVOCATION_UNKNOWN and not problems and provisional is not None:
        provisional.extend(result.problems)
    return problems


__all__ = ["Bindings", "CertBinding", "TrustStore", "check_ca_signer", "set_unknown_revocation_policy",
           "signature_certificates", "unknown_revocation_policy"]
