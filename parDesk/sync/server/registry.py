"""Units and their registrations: a unit asks to be known, the province approves, revokes, lists.

A registration carries the unit's certificate (or a CSR the province signs),
its sync key, and a binding statement signed by the unit's signing key that
endorses the sync key for this server. Approval pins both keys on a
:class:`~parDesk.sync.server.models.Unit`.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import asdict, dataclass
from typing import Any, Literal, get_args

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from sqlmodel import col, select

from parDesk.i18n import ParDeskError, register
from parDesk.identity import load_certificates, unit_code_of
from parDesk.signing.cms import verify_detached_cms
from parDesk.sync import protocol
from parDesk.sync.server.base import ServerContext, dumps, utc_iso
from parDesk.sync.server.keys import issue_certificate
from parDesk.sync.server.models import Appraisal, Event, Registration, Submission, Unit

register({
    "srv.reg_bad_key": ("khóa đồng bộ trong yêu cầu đăng ký không khớp khóa đã ký yêu cầu",
                        "the sync key in the registration does not match the key that signed the request"),
    "srv.reg_no_cert": ("yêu cầu đăng ký phải kèm chứng thư số của đơn vị",
                        "the registration must carry the unit's certificate"),
    "srv.reg_bad_binding": ("khóa đồng bộ không được khóa ký số của đơn vị xác nhận (chữ ký liên kết không hợp lệ)",
                            "the sync key is not endorsed by the unit's signing key (binding signature invalid)"),
    "srv.reg_unit_code": ("chứng thư số ghi mã đơn vị {cert_code}, không phải {unit_code}",
                          "the certificate names unit {cert_code}, not {unit_code}"),
    "srv.reg_bad_field": ("trường {field} không hợp lệ", "field {field} is invalid"),
    "srv.reg_field_long": ("trường {field} quá dài (tối đa {limit} ký tự)",
                           "field {field} is too long (at most {limit} characters)"),
    "srv.no_registration": ("không có yêu cầu đăng ký nào đang chờ cho đơn vị {unit}",
                            "no pending registration for unit {unit}"),
    "srv.unknown_unit": ("đơn vị {unit} chưa được đăng ký với tỉnh", "unit {unit} is not registered with the province"),
})

RegistrationState = Literal["pending", "approved", "rejected", "superseded"]
UnitState = Literal["approved", "revoked", "pending"]
# the columns are text: read back through these tables, a state nobody declared fails loudly
_REG_STATES: dict[str, RegistrationState] = {s: s for s in get_args(RegistrationState)}
_UNIT_STATES: dict[str, UnitState] = {s: s for s in get_args(UnitState)}

# What a registration may carry, in characters: enough for real values, small enough that
# nothing copied from it (into receipts, the feed, the unit list) can grow without bound.
FIELD_LIMITS = {"unit_code": 32, "unit_name": 300, "province": 200, "contact": 500,
                "sync_key": 4096, "certificate": 64 * 1024, "csr": 16 * 1024, "binding": 64 * 1024}
UNIT_CODE = re.compile(r"^[0-9A-Za-z._-]{1,32}$")


@dataclass(frozen=True)
class RegistrationView:
    """What a unit learns about its registration (the JSON of ``/v1/register`` and ``/v1/registration``)."""

    registration_id: int
    unit_code: str
    status: RegistrationState
    created_at: str
    decided_at: str
    issued_certificate: str | None

    @classmethod
    def of(cls, reg: Registration) -> RegistrationView:
        return cls(reg.id or 0, reg.unit_code, _REG_STATES[reg.status], reg.created_at, reg.decided_at,
                   reg.issued_cert_pem or None)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class UnitStatus:
    """One row of the province's unit list: the unit and its latest accepted submission."""

    unit_code: str
    name: str
    status: UnitState
    pending_registration: int | None
    submitted: bool
    version: int | None
    received_at: str | None
    channel: str | None
    package_sha256: str | None
    year: int | None
    total: Any
    max_applicable: Any
    percent: Any
    rating: Any
    appraised_items: int
    explanation_requests: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class Registry:
    """Registration, approval and revocation of units, and the unit list."""

    def __init__(self, ctx: ServerContext) -> None:
        self.ctx = ctx

    def register(self, body: dict[str, Any], request_key_fp: str) -> RegistrationView:
        def field(name: str, required: bool = True) -> str:
            value = body.get(name, "")
            if not isinstance(value, str) or (required and not value.strip()):
                raise ParDeskError("srv.reg_bad_field", where=name, field=name)
            if len(value) > FIELD_LIMITS[name]:
                raise ParDeskError("srv.reg_field_long", where=name, field=name, limit=FIELD_LIMITS[name])
            return value.strip()

        unit_code = field("unit_code")
        if not UNIT_CODE.match(unit_code):
            raise ParDeskError("srv.reg_bad_field", where="unit_code", field="unit_code")
        unit_name = field("unit_name")
        province = field("province", required=False)
        contact = field("contact", required=False)
        sync_pem = field("sync_key")
        cert_pem = field("certificate")
        csr_pem = field("csr", required=False)
        binding = field("binding")
        try:
            sync_key = protocol.load_public_pem(sync_pem)
        except ValueError:
            raise ParDeskError("srv.reg_bad_field", where="sync_key", field="sync_key") from None
        sync_fp = protocol.key_fingerprint(sync_key)
        if sync_fp != request_key_fp:
            raise ParDeskError("srv.reg_bad_key")
        cert = load_certificates(cert_pem.encode("utf-8"), where="certificate")[0]
        if unit_code_of(cert) != unit_code:
            raise ParDeskError("srv.reg_unit_code", cert_code=str(unit_code_of(cert))[:40], unit_code=unit_code)
        if csr_pem:
            try:
                csr = x509.load_pem_x509_csr(csr_pem.encode("utf-8"))
            except ValueError:
                raise ParDeskError("srv.reg_bad_field", where="csr", field="csr") from None
            if protocol.key_fingerprint(csr) != protocol.key_fingerprint(cert) or not csr.is_signature_valid:
                raise ParDeskError("srv.reg_bad_field", where="csr", field="csr")
        statement = protocol.binding_statement(unit_code, sync_fp, self.ctx.fingerprint)
        try:
            sig = base64.b64decode(binding, validate=True)
        except ValueError:
            raise ParDeskError("srv.reg_bad_binding") from None
        result = verify_detached_cms(sig, statement)
        if not result.valid or result.signer is None or \
                protocol.key_fingerprint(result.signer) != protocol.key_fingerprint(cert):
            raise ParDeskError("srv.reg_bad_binding")
        with self.ctx.session() as s:
            existing = s.exec(select(Registration).where(Registration.sync_key_fp == sync_fp)
                              .order_by(col(Registration.id).desc())).first()
            if existing is not None and existing.unit_code == unit_code and existing.status in ("pending", "approved"):
                return RegistrationView.of(existing)
            for old in s.exec(select(Registration).where(Registration.unit_code == unit_code,
                                                         Registration.status == "pending")):
                old.status = "superseded"
                s.add(old)
            reg = Registration(unit_code=unit_code, unit_name=unit_name, province=province, contact=contact,
                               cert_pem=cert_pem, csr_pem=csr_pem, signing_key_fp=protocol.key_fingerprint(cert),
                               sync_key_pem=sync_pem, sync_key_fp=sync_fp, created_at=utc_iso())
            s.add(reg)
            s.commit()
            return RegistrationView.of(reg)

    def registration_status(self, sync_key_fp: str) -> RegistrationView | None:
        with self.ctx.read_session() as s:
            reg = s.exec(select(Registration).where(Registration.sync_key_fp == sync_key_fp)
                         .order_by(col(Registration.id).desc())).first()
            return RegistrationView.of(reg) if reg else None

    def registration_key_pem(self, sync_key_fp: str) -> str:
        """The sync key (PEM) of the latest registration made with this key, or ''."""
        with self.ctx.read_session() as s:
            row = s.exec(select(Registration).where(Registration.sync_key_fp == sync_key_fp)
                         .order_by(col(Registration.id).desc())).first()
            return row.sync_key_pem if row else ""

    def pending(self) -> list[Registration]:
        with self.ctx.read_session() as s:
            return list(s.exec(select(Registration).where(Registration.status == "pending")
                        .order_by(col(Registration.id))))

    def approve(self, unit_code: str, by: str = "admin", registration_id: int | None = None,
                issue: bool | None = None) -> Unit:
        """Pin the unit's pending registration: its certificate (or one issued from its CSR) and sync key."""
        ctx = self.ctx
        with ctx.session() as s:
            q = select(Registration).where(Registration.unit_code == unit_code, Registration.status == "pending")
            if registration_id is not None:
                q = q.where(Registration.id == registration_id)
            reg = s.exec(q.order_by(col(Registration.id).desc())).first()
            if reg is None:
                raise ParDeskError("srv.no_registration", unit=unit_code)
            cert = load_certificates(reg.cert_pem.encode("utf-8"))[0]
            self_signed = cert.issuer == cert.subject
            if reg.csr_pem and (issue if issue is not None else self_signed):
                csr = x509.load_pem_x509_csr(reg.csr_pem.encode("utf-8"))
                cert = issue_certificate(csr, ctx.key, ctx.cert)
                reg.issued_cert_pem = (cert.public_bytes(serialization.Encoding.PEM)
                                       + ctx.cert.public_bytes(serialization.Encoding.PEM)).decode("ascii")
            cert_pem = cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
            stamp = utc_iso()
            reg.status, reg.decided_at, reg.decided_by = "approved", stamp, by
            s.add(reg)
            # one unit per sync key: a key moved to another unit would let it speak for both
            for other in s.exec(select(Unit).where(Unit.sync_key_fp == reg.sync_key_fp, Unit.code != unit_code)):
                s.delete(other)
            unit = s.get(Unit, unit_code)
            values: dict[str, Any] = {  # the columns a (re-)approval sets, new unit or known one
                "name": reg.unit_name, "province": reg.province, "status": "approved", "cert_pem": cert_pem,
                "signing_key_fp": reg.signing_key_fp, "sync_key_pem": reg.sync_key_pem,
                "sync_key_fp": reg.sync_key_fp, "registration_id": reg.id, "approved_at": stamp, "approved_by": by}
            if unit is None:
                unit = Unit(code=unit_code, **values)
            else:
                for k, v in values.items():
                    setattr(unit, k, v)
            s.add(unit)
            s.flush()
            s.add(Event(unit_code=unit_code, kind="certificate", created_at=stamp,
                        data_json=dumps({"status": "approved", "certificate": cert_pem,
                                         "issued": bool(reg.issued_cert_pem)})))
            s.commit()
            return unit

    def revoke(self, unit_code: str) -> None:
        with self.ctx.session() as s:
            unit = s.get(Unit, unit_code)
            if unit is None:
                raise ParDeskError("srv.unknown_unit", unit=unit_code)
            unit.status = "revoked"
            s.add(unit)
            s.commit()

    def unit_for_key(self, sync_key_fp: str) -> Unit | None:
        with self.ctx.read_session() as s:
            return s.exec(select(Unit).where(Unit.sync_key_fp == sync_key_fp)).first()

    def unit(self, code: str) -> Unit | None:
        with self.ctx.read_session() as s:
            return s.get(Unit, code)

    def units(self) -> list[Unit]:
        with self.ctx.read_session() as s:
            return list(s.exec(select(Unit).order_by(Unit.code)))

    def units_status(self, year: int | None = None) -> list[UnitStatus]:
        """Every unit known (approved or pending) with its latest accepted submission for ``year``."""
        with self.ctx.read_session() as s:
            units = {u.code: u for u in s.exec(select(Unit))}
            pending = {r.unit_code: r for r in s.exec(select(Registration).where(Registration.status == "pending"))}
            q = select(Submission).order_by(col(Submission.id))
            if year is not None:
                q = q.where(Submission.year == year)
            latest: dict[str, Submission] = {}
            for each in s.exec(q):
                latest[each.unit_code] = each
            appraisals: dict[str, int] = {}
            requests: dict[str, int] = {}
            aq = select(Appraisal)
            if year is not None:
                aq = aq.where(Appraisal.year == year)
            for ap in s.exec(aq):
                appraisals[ap.unit_code] = appraisals.get(ap.unit_code, 0) + 1
                if ap.request_explanation:
                    requests[ap.unit_code] = requests.get(ap.unit_code, 0) + 1
        rows = []
        for code in sorted(set(units) | set(pending)):
            u, reg, sub = units.get(code), pending.get(code), latest.get(code)
            totals = json.loads(sub.totals_json) if sub else {}
            rows.append(UnitStatus(
                unit_code=code, name=u.name if u else reg.unit_name if reg else "",
                status=_UNIT_STATES[u.status] if u else "pending",
                pending_registration=reg.id if reg else None,
                submitted=sub is not None, version=sub.version if sub else None,
                received_at=sub.received_at if sub else None, channel=sub.channel if sub else None,
                package_sha256=sub.package_sha256 if sub else None, year=sub.year if sub else year,
                total=totals.get("total"), max_applicable=totals.get("max_applicable"),
                percent=totals.get("percent"), rating=totals.get("rating"),
                appraised_items=appraisals.get(code, 0), explanation_requests=requests.get(code, 0)))
        return rows
