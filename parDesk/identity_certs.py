"""Certificates: the unit's X.509 name, the CSR, the self-signed certificate, reading what a CA
issued (PEM, DER, PKCS#7, PKCS#12), and the validity checks made before every signature.

Why a module of its own: everything here is about *public* material and
dates (what a certificate names, whether it may sign today), none of it
touches the key file on disk. :mod:`parDesk.identity` re-exports every public
name here; :class:`parDesk.identity.IdentityStore` stores what this module makes.

Circular 15/2025/TT-BKHCN requires the signing software to check a
certificate's validity *before* signing (:func:`check_can_sign`); a signature
the province will reject should never be made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12
from cryptography.x509.oid import NameOID

from parDesk.evidence import nfc
from parDesk.i18n import ParDeskError, register
from parDesk.identity_keys import PrivateKey, check_key_allowed, describe_key, passphrase_bytes, same_key

register({
    "identity.p12_wrong_password": ("Sai mật khẩu của tệp .p12/.pfx, hoặc tệp bị hỏng. Hãy nhập lại mật khẩu tệp "
                                    "do tổ chức cung cấp dịch vụ chứng thực chữ ký số đưa",
                                    "Wrong password for the .p12/.pfx file, or the file is damaged. Type the file "
                                    "password the certification service provider gave you again"),
    "identity.p12_incomplete": ("tệp PKCS#12 không chứa cả khóa bí mật và chứng thư số",
                                "the PKCS#12 file does not hold both a private key and a certificate"),
    "identity.bad_cert_file": ("không đọc được chứng thư số (cần tệp .cer/.crt/.pem/.p7b)",
                               "cannot read the certificate (expected a .cer/.crt/.pem/.p7b file)"),
    "identity.cert_key_mismatch": ("chứng thư số không khớp với khóa bí mật của đơn vị",
                                   "the certificate does not match the unit's private key"),
    "identity.cert_bad_issuer_sig": ("chữ ký của tổ chức cấp trên chứng thư số không hợp lệ",
                                     "the issuer's signature on the certificate is not valid"),
    "identity.cert_expired": ("chứng thư số đã hết hạn ngày {date}; không thể ký",
                              "the certificate expired on {date}; cannot sign"),
    "identity.cert_not_yet_valid": ("chứng thư số chưa có hiệu lực (từ ngày {date}); không thể ký — "
                                    "kiểm tra đồng hồ máy tính",
                                    "the certificate is not valid yet (from {date}); cannot sign — "
                                    "check the computer's clock"),
    "identity.cert_no_signing": ("chứng thư số không cho phép ký số",
                                 "the certificate does not allow digital signatures"),
    "identity.cert_expiring": ("chứng thư số sẽ hết hạn sau {days} ngày (ngày {date}); hãy gia hạn",
                               "the certificate expires in {days} day(s) ({date}); renew it"),
    "identity.field_empty": ("không được để trống", "must not be empty"),
    "identity.bad_days": ("thời hạn chứng thư phải từ 1 đến 3650 ngày", "certificate validity must be 1 to 3650 days"),
})

EXPIRY_WARNING_DAYS = 30
DEFAULT_CERT_DAYS = 730
CLOCK_SKEW = dt.timedelta(minutes=5)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def aware(value: dt.datetime | None) -> dt.datetime:
    """``value`` as a timezone-aware instant (naive means UTC); the clock when None."""
    if value is None:
        return utc_now()
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class UnitSubject:
    """Who the certificate names: the unit (UBND xã …), its code, its province."""

    unit_name: str          # "Ủy ban nhân dân xã Tân Lập" → O and CN
    unit_code: str          # administrative code, "12345" → serialNumber
    province: str           # "Tỉnh Lào Cai" → ST
    country: str = "VN"     # → C

    def validated(self) -> UnitSubject:
        fields = ("unit_name", "unit_code", "province", "country")
        clean = {k: nfc(str(getattr(self, k) or "")).strip() for k in fields}
        for name, value in clean.items():
            if not value:
                raise ParDeskError("identity.field_empty", where=name)
        return UnitSubject(**clean)


def subject_name(unit: UnitSubject) -> x509.Name:
    """The X.509 subject for a unit: C, ST, O, CN (UTF8String, Vietnamese intact), serialNumber.

    The administrative code goes in ``serialNumber`` (2.5.4.5), the attribute
    X.520 meant for an identifier of the named entity; :func:`unit_code_of`
    also accepts ``UID`` for certificates issued by CAs that use it.
    """
    unit = unit.validated()
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, unit.country),
        x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, unit.province),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, unit.unit_name),
        x509.NameAttribute(NameOID.COMMON_NAME, unit.unit_name),
        x509.NameAttribute(NameOID.SERIAL_NUMBER, unit.unit_code),
    ])


_SIGNING_KEY_USAGE = x509.KeyUsage(
    digital_signature=True, content_commitment=True, key_encipherment=False, data_encipherment=False,
    key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False)


def build_csr(key: PrivateKey, unit: UnitSubject) -> x509.CertificateSigningRequest:
    """A PKCS#10 request the province's CA certifies; asks for signing key usage.

    Signed SHA-256 (RSA: PKCS#1 v1.5, which every CA product accepts; this
    signature only proves possession of the key — documents are signed PSS).
    """
    check_key_allowed(key)
    return (x509.CertificateSigningRequestBuilder()
            .subject_name(subject_name(unit))
            .add_extension(_SIGNING_KEY_USAGE, critical=True)
            .sign(key, hashes.SHA256()))


def self_signed_certificate(key: PrivateKey, unit: UnitSubject, *, days: int = DEFAULT_CERT_DAYS,
                            now: dt.datetime | None = None) -> x509.Certificate:
    """A certificate for use before the province registers the unit (default 2 years).

    Not a CA (basicConstraints CA:FALSE), key usage digitalSignature +
    nonRepudiation, so ``openssl cms -verify -CAfile cert.pem`` accepts it as
    its own anchor. Valid from 5 minutes ago to tolerate small clock skew.
    """
    check_key_allowed(key)
    if not 1 <= days <= 3650:
        raise ParDeskError("identity.bad_days")
    now = aware(now)
    name = subject_name(unit)
    return (x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - CLOCK_SKEW)
            .not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_SIGNING_KEY_USAGE, critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256()))


def load_certificates(data: bytes, *, where: str | None = None) -> list[x509.Certificate]:
    """Certificates from PEM (one or a bundle), DER, or PKCS#7 (.p7b, PEM or DER)."""
    loaders: list[Callable[[bytes], list[x509.Certificate]]] = []
    if b"-----BEGIN" in data:
        loaders = [x509.load_pem_x509_certificates, pkcs7.load_pem_pkcs7_certificates]
    else:
        loaders = [lambda d: [x509.load_der_x509_certificate(d)], pkcs7.load_der_pkcs7_certificates]
    for loader in loaders:
        try:
            certs = loader(data)
        except Exception:  # each loader raises its own family of errors
            continue
        if certs:
            return list(certs)
    raise ParDeskError("identity.bad_cert_file", where=where)


def _attr(name: x509.Name, oid: x509.ObjectIdentifier) -> str | None:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else None


def unit_code_of(cert: x509.Certificate) -> str | None:
    """The administrative code the certificate names: serialNumber, else UID."""
    return _attr(cert.subject, NameOID.SERIAL_NUMBER) or _attr(cert.subject, NameOID.USER_ID)


_SHORT = {
    NameOID.COMMON_NAME: "CN", NameOID.ORGANIZATION_NAME: "O", NameOID.ORGANIZATIONAL_UNIT_NAME: "OU",
    NameOID.LOCALITY_NAME: "L", NameOID.STATE_OR_PROVINCE_NAME: "ST", NameOID.COUNTRY_NAME: "C",
    NameOID.SERIAL_NUMBER: "serialNumber", NameOID.USER_ID: "UID", NameOID.EMAIL_ADDRESS: "E",
    NameOID.STREET_ADDRESS: "STREET", NameOID.TITLE: "T", NameOID.GIVEN_NAME: "G", NameOID.SURNAME: "SN",
}


def name_text(name: x509.Name) -> str:
    """A readable DN, most specific first, values unescaped (Vietnamese intact)."""
    parts = []
    for rdn in reversed(list(name.rdns)):
        for attr in rdn:
            label = _SHORT.get(attr.oid, attr.oid.dotted_string)
            parts.append(f"{label}={attr.value!s}")
    return ", ".join(parts)


@dataclass(frozen=True)
class CertInfo:
    """What a person needs to know about a certificate, ready to show.

    ``fingerprint_sha256`` is lowercase hex of the DER; ``serial`` uppercase hex.
    ``expires_in_days`` is negative once expired; ``warning`` is set within
    30 days of expiry (and after it).
    """

    subject: str
    issuer: str
    serial: str
    not_before: dt.datetime
    not_after: dt.datetime
    fingerprint_sha256: str
    unit_code: str | None
    unit_name: str | None
    province: str | None
    key_description: str
    self_signed: bool
    expires_in_days: int
    warning: ParDeskError | None


def cert_info(cert: x509.Certificate, now: dt.datetime | None = None) -> CertInfo:
    now = aware(now)
    not_after = cert.not_valid_after_utc
    days = (not_after - now) // dt.timedelta(days=1)
    warning = None
    if days < EXPIRY_WARNING_DAYS:
        if now > not_after:
            warning = ParDeskError("identity.cert_expired", date=not_after.strftime("%d/%m/%Y"))
        else:
            warning = ParDeskError("identity.cert_expiring", days=days, date=not_after.strftime("%d/%m/%Y"))
    return CertInfo(
        subject=name_text(cert.subject),
        issuer=name_text(cert.issuer),
        serial=format(cert.serial_number, "X"),
        not_before=cert.not_valid_before_utc,
        not_after=not_after,
        fingerprint_sha256=cert.fingerprint(hashes.SHA256()).hex(),
        unit_code=unit_code_of(cert),
        unit_name=_attr(cert.subject, NameOID.COMMON_NAME) or _attr(cert.subject, NameOID.ORGANIZATION_NAME),
        province=_attr(cert.subject, NameOID.STATE_OR_PROVINCE_NAME),
        key_description=describe_key(cert.public_key()),
        self_signed=cert.issuer == cert.subject,
        expires_in_days=days,
        warning=warning,
    )


def check_can_sign(cert: x509.Certificate, now: dt.datetime | None = None) -> None:
    """Refuse to sign with a certificate that is expired, not yet valid, or not for signing.

    Circular 15/2025 requires signing software to check validity *before*
    signing; a signature the province will reject should never be made.
    """
    now = aware(now)
    if now > cert.not_valid_after_utc:
        raise ParDeskError("identity.cert_expired", date=cert.not_valid_after_utc.strftime("%d/%m/%Y"))
    if now < cert.not_valid_before_utc:
        raise ParDeskError("identity.cert_not_yet_valid", date=cert.not_valid_before_utc.strftime("%d/%m/%Y"))
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        ku = None
    if ku is not None and not (ku.digital_signature or ku.content_commitment):
        raise ParDeskError("identity.cert_no_signing")
    check_key_allowed(cert.public_key())  # type: ignore[arg-type]


# --- PKCS#12 ------------------------------------------------------------------

@dataclass(frozen=True)
class Pkcs12Identity:
    key: PrivateKey
    certificate: x509.Certificate
    chain: list[x509.Certificate]


def load_pkcs12(data: bytes, password: str) -> Pkcs12Identity:
    """Open a .p12/.pfx; a wrong password is a :class:`ParDeskError`.

    ``cryptography`` cannot tell a wrong password from a damaged file, so the
    message says both. An empty password is tried as "none" and as "".
    """
    candidates: list[bytes | None] = [None, b""] if password == "" else [
        passphrase_bytes(password), password.encode("utf-8")]
    loaded = None
    for candidate in dict.fromkeys(candidates):
        try:
            loaded = pkcs12.load_key_and_certificates(data, candidate)
            break
        except Exception:  # ValueError for wrong password / damage; others for odd contents
            continue
    if loaded is None:
        raise ParDeskError("identity.p12_wrong_password")
    key, cert, extra = loaded
    if key is None or cert is None:
        raise ParDeskError("identity.p12_incomplete")
    if not isinstance(key, (ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey)):
        raise ParDeskError("identity.weak_key", detail=type(key).__name__)
    check_key_allowed(key)
    if not same_key(key, cert):
        raise ParDeskError("identity.cert_key_mismatch")
    return Pkcs12Identity(key, cert, list(extra or []))
