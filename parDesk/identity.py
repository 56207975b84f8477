"""The unit's signing identity: key pair, certificate, CSR, PKCS#12, signer.

Three ways in (docs/architecture.md, "Identity and signing"):

1. generate a key here (ECDSA P-256 by default, or RSA 3072), keep it
   encrypted with a passphrase, make a self-signed certificate to work with
   before registration and a CSR for the province to certify;
2. import a PKCS#12 (.p12/.pfx) from a Vietnamese CA;
3. the leader's PKCS#11 USB token (:mod:`parDesk.signing.pkcs11_token`); all three
   are one signer interface, :mod:`parDesk.signing.signer`.

Algorithms follow Circular 15/2025/TT-BKHCN: ECDSA P-256 or RSA ≥ 2048 with
RSASSA-PSS, SHA-256. The certificate's validity is checked before every
signature (:func:`check_can_sign`).

Key encryption at rest. ``cryptography``'s ``BestAvailableEncryption`` for
PKCS#8 uses PBES2 with PBKDF2-HMAC-SHA256 but only 2,048 iterations (checked on
50.0.2), and ``PrivateFormat.PKCS8.encryption_builder()`` is not offered (it
is PKCS#12/OpenSSH only). A stolen laptop is this key's main threat, so we
write the standard PKCS#8 ``EncryptedPrivateKeyInfo`` ourselves with the same
PBES2 scheme and 600,000 PBKDF2-HMAC-SHA256 iterations (OWASP 2023) and
AES-256-CBC. The file stays plain ``ENCRYPTED PRIVATE KEY`` PEM, readable by
``cryptography`` and ``openssl pkey``. (scrypt would be stronger, but OpenSSL
caps scrypt at 32 MiB, so a stronger scrypt file would not open in openssl.)
Passphrases are NFC-normalised: the same Vietnamese passphrase typed through
different input methods (Unikey/Telex, macOS, phone) must open the same key.

No Qt here: the window, the CLI and the server share this module.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import secrets
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, Union, runtime_checkable

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives import padding as sym_padding
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12
from cryptography.x509.oid import NameOID

from parDesk.fsutil import atomic_write_bytes, fsync_dir
from parDesk.i18n import ParDeskError, register
from parDesk.pubkey import public_key_der
from parDesk.signing import der
from parDesk.signing.cms import CmsVerifyResult, subject_text, verify_detached_cms

if TYPE_CHECKING:
    from parDesk.signing.signer import KeySigner

register({
    "identity.wrong_passphrase": ("Sai cụm mật khẩu của khóa ký số. Hãy nhập lại (phân biệt chữ hoa, chữ thường).",
                                 "Wrong passphrase for the signing key. Type it again (capitals count)."),
    "identity.bad_key_file": ("tệp khóa bí mật bị hỏng hoặc không đúng định dạng",
                              "the private key file is damaged or not in a known format"),
    "identity.passphrase_short": ("Cụm mật khẩu quá ngắn: hãy dùng ít nhất {min} ký tự", "The passphrase is too short: use at least {min} character(s)"),
    "identity.key_type": ("loại khóa không hỗ trợ: {kind} (chọn ec-p256 hoặc rsa-3072)",
                          "unsupported key type: {kind} (choose ec-p256 or rsa-3072)"),
    "identity.weak_key": ("khóa không đạt yêu cầu Thông tư 15/2025/TT-BKHCN ({detail}); cần RSA ≥ 2048 bit hoặc ECDSA ≥ 256 bit",
                          "the key does not meet Circular 15/2025/TT-BKHCN ({detail}); RSA ≥ 2048 bits or ECDSA ≥ 256 bits is required"),
    "identity.p12_wrong_password": ("Sai mật khẩu của tệp .p12/.pfx, hoặc tệp bị hỏng. Hãy nhập lại mật khẩu tệp do tổ chức cung cấp dịch vụ chứng thực chữ ký số đưa",
                                    "Wrong password for the .p12/.pfx file, or the file is damaged. Type the file password the certification service provider gave you again"),
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
    "identity.cert_not_yet_valid": ("chứng thư số chưa có hiệu lực (từ ngày {date}); không thể ký — kiểm tra đồng hồ máy tính",
                                    "the certificate is not valid yet (from {date}); cannot sign — check the computer's clock"),
    "identity.cert_no_signing": ("chứng thư số không cho phép ký số", "the certificate does not allow digital signatures"),
    "identity.cert_expiring": ("chứng thư số sẽ hết hạn sau {days} ngày (ngày {date}); hãy gia hạn",
                               "the certificate expires in {days} day(s) ({date}); renew it"),
    "identity.no_key": ("chưa có khóa ký số trong {folder}", "no signing key in {folder} yet"),
    "identity.no_cert": ("chưa có chứng thư số trong {folder}", "no certificate in {folder} yet"),
    "identity.exists": ("đã có khóa ký số; việc thay thế phải được xác nhận", "a signing key already exists; replacing it must be confirmed"),
    "identity.field_empty": ("không được để trống", "must not be empty"),
    "identity.bad_days": ("thời hạn chứng thư phải từ 1 đến 3650 ngày", "certificate validity must be 1 to 3650 days"),
})

KeyType = Literal["ec-p256", "rsa-3072"]
KEY_TYPES: tuple[str, ...] = ("ec-p256", "rsa-3072")
PrivateKey = Union[ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey]

PBKDF2_ITERATIONS = 600_000
MIN_PASSPHRASE = 8
EXPIRY_WARNING_DAYS = 30
DEFAULT_CERT_DAYS = 730
CLOCK_SKEW = dt.timedelta(minutes=5)

_OID_PBES2 = "1.2.840.113549.1.5.13"
_OID_PBKDF2 = "1.2.840.113549.1.5.12"
_OID_HMAC_SHA256 = "1.2.840.113549.2.9"
_OID_AES256_CBC = "2.16.840.1.101.3.4.1.42"


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime | None) -> dt.datetime:
    if value is None:
        return _utcnow()
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _passphrase_bytes(passphrase: str | bytes) -> bytes:
    return passphrase if isinstance(passphrase, bytes) else _nfc(passphrase).encode("utf-8")


# --- keys ---------------------------------------------------------------------

def generate_key(key_type: str = "ec-p256") -> PrivateKey:
    """A fresh key: ECDSA P-256 (small, fast, the default) or RSA 3072."""
    if key_type == "ec-p256":
        return ec.generate_private_key(ec.SECP256R1())
    if key_type == "rsa-3072":
        return rsa.generate_private_key(public_exponent=65537, key_size=3072)
    raise ParDeskError("identity.key_type", kind=key_type)


def check_key_allowed(key: PrivateKey | rsa.RSAPublicKey | ec.EllipticCurvePublicKey) -> None:
    """Refuse keys Circular 15/2025 does not allow (small RSA, odd curves, Ed25519…)."""
    if isinstance(key, (rsa.RSAPrivateKey, rsa.RSAPublicKey)):
        if key.key_size < 2048:
            raise ParDeskError("identity.weak_key", detail=f"RSA {key.key_size}")
        return
    if isinstance(key, (ec.EllipticCurvePrivateKey, ec.EllipticCurvePublicKey)):
        if not isinstance(key.curve, (ec.SECP256R1, ec.SECP384R1, ec.SECP521R1)):
            raise ParDeskError("identity.weak_key", detail=key.curve.name)
        return
    raise ParDeskError("identity.weak_key", detail=type(key).__name__)


def describe_key(key: object) -> str:
    """``"ECDSA P-256"`` / ``"RSA 3072"`` for screens and reports."""
    if isinstance(key, (rsa.RSAPrivateKey, rsa.RSAPublicKey)):
        return f"RSA {key.key_size}"
    if isinstance(key, (ec.EllipticCurvePrivateKey, ec.EllipticCurvePublicKey)):
        return {"secp256r1": "ECDSA P-256", "secp384r1": "ECDSA P-384",
                "secp521r1": "ECDSA P-521"}.get(key.curve.name, f"ECDSA {key.curve.name}")
    return type(key).__name__


def encrypt_private_key(key: PrivateKey, passphrase: str, *, iterations: int = PBKDF2_ITERATIONS) -> bytes:
    """PKCS#8 ``ENCRYPTED PRIVATE KEY`` PEM: PBES2, PBKDF2-HMAC-SHA256 × ``iterations``, AES-256-CBC.

    See the module docstring for why this is hand-assembled rather than
    ``BestAvailableEncryption`` (2,048 iterations only).
    """
    if len(_nfc(passphrase)) < MIN_PASSPHRASE:
        raise ParDeskError("identity.passphrase_short", min=MIN_PASSPHRASE)
    plain = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption())
    salt, iv = secrets.token_bytes(16), secrets.token_bytes(16)
    kek = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt,
                     iterations=iterations).derive(_passphrase_bytes(passphrase))
    padder = sym_padding.PKCS7(128).padder()
    padded = padder.update(plain) + padder.finalize()
    encryptor = Cipher(algorithms.AES(kek), modes.CBC(iv)).encryptor()
    blob = encryptor.update(padded) + encryptor.finalize()
    info = der.seq(
        der.seq(
            der.oid(_OID_PBES2),
            der.seq(
                der.seq(der.oid(_OID_PBKDF2),
                        der.seq(der.octets(salt), der.integer(iterations),
                                der.seq(der.oid(_OID_HMAC_SHA256), der.null()))),
                der.seq(der.oid(_OID_AES256_CBC), der.octets(iv)),
            ),
        ),
        der.octets(blob),
    )
    body = base64.encodebytes(info).replace(b"\n", b"")
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return b"-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + b"\n".join(lines) + b"\n-----END ENCRYPTED PRIVATE KEY-----\n"


def load_private_key(pem: bytes, passphrase: str | bytes, *, where: str | None = None) -> PrivateKey:
    """Decrypt a PEM private key; a wrong passphrase is a :class:`ParDeskError`, not a traceback."""
    try:
        key = serialization.load_pem_private_key(pem, password=_passphrase_bytes(passphrase) or None)
    except TypeError:
        if b"ENCRYPTED" in pem:  # "password was not given but the key is encrypted" (empty passphrase)
            raise ParDeskError("identity.wrong_passphrase", where=where) from None
        # "Password was given but private key is not encrypted": an unprotected key file.
        try:
            key = serialization.load_pem_private_key(pem, password=None)
        except (ValueError, TypeError):
            raise ParDeskError("identity.bad_key_file", where=where) from None
    except ValueError:
        if b"ENCRYPTED PRIVATE KEY" in pem or b"Proc-Type: 4,ENCRYPTED" in pem:
            raise ParDeskError("identity.wrong_passphrase", where=where) from None
        raise ParDeskError("identity.bad_key_file", where=where) from None
    except Exception:  # unsupported algorithms etc. — still a person-readable error
        raise ParDeskError("identity.bad_key_file", where=where) from None
    if not isinstance(key, (ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey)):
        raise ParDeskError("identity.weak_key", where=where, detail=type(key).__name__)
    return key


def same_key(a: object, b: object) -> bool:
    """Do two keys / certificates / CSRs carry the same public key?"""
    return public_key_der(a) == public_key_der(b)


# --- names, CSR, certificates -------------------------------------------------

@dataclass(frozen=True)
class UnitSubject:
    """Who the certificate names: the unit (UBND xã …), its code, its province."""

    unit_name: str          # "Ủy ban nhân dân xã Tân Lập" → O and CN
    unit_code: str          # administrative code, "12345" → serialNumber
    province: str           # "Tỉnh Lào Cai" → ST
    country: str = "VN"     # → C

    def validated(self) -> UnitSubject:
        clean = {k: _nfc(str(getattr(self, k) or "")).strip() for k in ("unit_name", "unit_code", "province", "country")}
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
    now = _aware(now)
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
    now = _aware(now)
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
    now = _aware(now)
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
        _passphrase_bytes(password), password.encode("utf-8")]
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


# --- signers ------------------------------------------------------------------

@runtime_checkable
class Signer(Protocol):
    """What the package builder needs from whoever holds the key.

    The implementations are :class:`parDesk.signing.signer.BaseSigner`'s: a
    key made here or taken from a PKCS#12 (``KeySigner``, also importable as
    ``SoftwareSigner`` from this module), and the leader's PKCS#11 USB token
    (:class:`parDesk.signing.pkcs11_token.TokenSigner`). This protocol stays
    the narrow contract the package builder relies on.
    """

    def certificate(self) -> x509.Certificate:
        """The signer certificate (checked with :func:`check_can_sign` before signing)."""
        ...

    def sign_detached_cms(self, data: bytes, *, signing_time: dt.datetime | None = None) -> bytes:
        """A detached CMS SignedData, DER, over ``data``, carrying the signer certificate.

        ``signing_time`` (optional, timezone-aware) is the signingTime to record
        instead of the clock; callers pass it only when they have one, so
        signers that do not take it keep working with them.
        """
        ...


def __getattr__(name: str) -> object:
    """``SoftwareSigner`` lives in :mod:`parDesk.signing.signer` (as ``KeySigner``); imported lazily
    because that module builds on this one."""
    if name == "SoftwareSigner":
        from parDesk.signing.signer import KeySigner
        return KeySigner
    raise AttributeError(name)


# --- the store on disk --------------------------------------------------------

def _pem_certs(certs: Sequence[x509.Certificate]) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


class IdentityStore:
    """The unit's identity folder, e.g. ``<workspace>/identity/``.

    ``key.pem``     the private key, PKCS#8 encrypted (see module docstring), 0600
    ``public.pem``  its public key, so certificates can be matched without the passphrase
    ``cert.pem``    the certificate in use (self-signed, province-issued, or from a .p12)
    ``chain.pem``   issuing CA certificates, if any
    ``csr.pem``     the last certificate signing request

    Every file is written atomically. Replacing an identity never deletes the
    old one: its files move to ``replaced-<UTC time>/`` first, since a lost
    key means packages already sent can no longer be matched to their signer.
    """

    KEY, PUBLIC, CERT, CHAIN, CSR = "key.pem", "public.pem", "cert.pem", "chain.pem", "csr.pem"

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)

    def path(self, name: str) -> Path:
        return self.folder / name

    def has_key(self) -> bool:
        return self.path(self.KEY).is_file()

    def _read(self, name: str) -> bytes | None:
        p = self.path(name)
        return p.read_bytes() if p.is_file() else None

    def _retire_current(self) -> None:
        present = [n for n in (self.KEY, self.PUBLIC, self.CERT, self.CHAIN, self.CSR) if self.path(n).exists()]
        if not present:
            return
        stamp = _utcnow().strftime("%Y%m%dT%H%M%S%fZ")
        backup = self.folder / f"replaced-{stamp}"
        backup.mkdir(parents=True)
        for n in present:
            os.replace(self.path(n), backup / n)
        fsync_dir(backup)
        fsync_dir(self.folder)

    def _save_identity(self, key: PrivateKey, passphrase: str, cert: x509.Certificate,
                       chain: Sequence[x509.Certificate], csr: x509.CertificateSigningRequest | None,
                       overwrite: bool) -> None:
        if self.has_key() and not overwrite:
            raise ParDeskError("identity.exists", where=str(self.folder))
        key_pem = encrypt_private_key(key, passphrase)  # validates the passphrase before touching disk
        self._retire_current()
        # key.pem last: a crash before it leaves "no identity", never a key without its certificate
        atomic_write_bytes(self.path(self.PUBLIC), key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
        atomic_write_bytes(self.path(self.CERT), cert.public_bytes(serialization.Encoding.PEM))
        if chain:
            atomic_write_bytes(self.path(self.CHAIN), _pem_certs(chain))
        if csr is not None:
            atomic_write_bytes(self.path(self.CSR), csr.public_bytes(serialization.Encoding.PEM))
        atomic_write_bytes(self.path(self.KEY), key_pem, private=True)

    def create(self, unit: UnitSubject, passphrase: str, *, key_type: str = "ec-p256",
               cert_days: int = DEFAULT_CERT_DAYS, now: dt.datetime | None = None,
               overwrite: bool = False) -> CertInfo:
        """Generate a key, a self-signed certificate and a CSR; store them."""
        if self.has_key() and not overwrite:
            raise ParDeskError("identity.exists", where=str(self.folder))
        if len(_nfc(passphrase)) < MIN_PASSPHRASE:
            raise ParDeskError("identity.passphrase_short", min=MIN_PASSPHRASE)
        key = generate_key(key_type)
        cert = self_signed_certificate(key, unit, days=cert_days, now=now)
        csr = build_csr(key, unit)
        self._save_identity(key, passphrase, cert, (), csr, overwrite)
        return cert_info(cert, now)

    def import_pkcs12(self, data: bytes, password: str, passphrase: str, *,
                      overwrite: bool = False, now: dt.datetime | None = None) -> CertInfo:
        """Take key + certificate + chain from a .p12; the key is re-encrypted with ``passphrase``."""
        ident = load_pkcs12(data, password)
        self._save_identity(ident.key, passphrase, ident.certificate, ident.chain, None, overwrite)
        return cert_info(ident.certificate, now)

    def load_key(self, passphrase: str) -> PrivateKey:
        pem = self._read(self.KEY)
        if pem is None:
            raise ParDeskError("identity.no_key", folder=str(self.folder))
        return load_private_key(pem, passphrase, where=self.KEY)

    def change_passphrase(self, old: str, new: str) -> None:
        key = self.load_key(old)
        atomic_write_bytes(self.path(self.KEY), encrypt_private_key(key, new), private=True)

    def public_key_pem(self) -> bytes:
        for name in (self.PUBLIC,):
            data = self._read(name)
            if data is not None:
                return data
        cert = self.certificate()
        if cert is None:
            raise ParDeskError("identity.no_key", folder=str(self.folder))
        return cert.public_key().public_bytes(serialization.Encoding.PEM,
                                              serialization.PublicFormat.SubjectPublicKeyInfo)

    def certificate(self) -> x509.Certificate | None:
        data = self._read(self.CERT)
        return load_certificates(data, where=self.CERT)[0] if data else None

    def chain(self) -> list[x509.Certificate]:
        data = self._read(self.CHAIN)
        return load_certificates(data, where=self.CHAIN) if data else []

    def csr(self) -> x509.CertificateSigningRequest | None:
        data = self._read(self.CSR)
        return x509.load_pem_x509_csr(data) if data else None

    def csr_pem(self) -> bytes | None:
        """The CSR file's bytes, to hand to the province."""
        return self._read(self.CSR)

    def install_certificate(self, data: bytes, *, now: dt.datetime | None = None) -> CertInfo:
        """Install the certificate the province issued for our CSR (PEM/DER/.p7b, chain allowed).

        Refused unless one certificate's public key is ours; if its issuer
        came along, the issuer's signature on it must verify.
        """
        certs = load_certificates(data)
        public = serialization.load_pem_public_key(self.public_key_pem())
        ours = [c for c in certs if same_key(c, public)]
        if not ours:
            raise ParDeskError("identity.cert_key_mismatch")
        leaf = ours[0]
        chain = [c for c in certs if c is not leaf and not same_key(c, public)]
        issuers = [c for c in chain if c.subject == leaf.issuer]
        if issuers:
            ok = False
            for issuer in issuers:
                try:
                    leaf.verify_directly_issued_by(issuer)
                    ok = True
                    break
                except Exception:
                    continue
            if not ok:
                raise ParDeskError("identity.cert_bad_issuer_sig")
        atomic_write_bytes(self.path(self.CERT), leaf.public_bytes(serialization.Encoding.PEM))
        if chain:
            atomic_write_bytes(self.path(self.CHAIN), _pem_certs(chain))
        else:
            self.path(self.CHAIN).unlink(missing_ok=True)
        return cert_info(leaf, now)

    def info(self, now: dt.datetime | None = None) -> CertInfo | None:
        cert = self.certificate()
        return cert_info(cert, now) if cert is not None else None

    def signer(self, passphrase: str, *, now: dt.datetime | None = None) -> KeySigner:
        """Decrypt the key and return a signer; refuses an unusable certificate up front."""
        from parDesk.signing.signer import KeySigner
        cert = self.certificate()
        if cert is None:
            raise ParDeskError("identity.no_cert", folder=str(self.folder))
        check_can_sign(cert, now)
        key = self.load_key(passphrase)
        return KeySigner(key, cert, self.chain(), clock=(lambda: _aware(now)) if now else None)


__all__ = [
    "KEY_TYPES", "PBKDF2_ITERATIONS", "CertInfo", "CmsVerifyResult", "IdentityStore", "Pkcs12Identity",
    "PrivateKey", "Signer", "UnitSubject", "build_csr", "cert_info", "check_can_sign",
    "check_key_allowed", "describe_key", "encrypt_private_key", "generate_key", "load_certificates",
    "load_pkcs12", "load_private_key", "name_text", "public_key_der", "same_key", "self_signed_certificate",
    "subject_name", "subject_text", "unit_code_of", "verify_detached_cms",
]
