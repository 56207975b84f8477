"""The unit's private key: making one, checking it is allowed, and keeping it encrypted at rest.

Why a module of its own: this is the one place a private key exists in clear
(generated, decrypted, re-encrypted), and the one place the passphrase is
turned into bytes; keeping it small makes that easy to audit.
:mod:`parDesk.identity` re-exports every public name here.

Algorithms follow Circular 15/2025/TT-BKHCN: ECDSA P-256 or RSA ≥ 2048 with
RSASSA-PSS, SHA-256 (:func:`check_key_allowed`).

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
"""

from __future__ import annotations

import base64
import secrets
from typing import Literal

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives import padding as sym_padding
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from parDesk.evidence import nfc
from parDesk.i18n import ParDeskError, register
from parDesk.pubkey import public_key_der
from parDesk.signing import der

register({
    "identity.wrong_passphrase": ("Sai cụm mật khẩu của khóa ký số. Hãy nhập lại (phân biệt chữ hoa, chữ thường).",
                                 "Wrong passphrase for the signing key. Type it again (capitals count)."),
    "identity.bad_key_file": ("tệp khóa bí mật bị hỏng hoặc không đúng định dạng",
                              "the private key file is damaged or not in a known format"),
    "identity.passphrase_short": ("Cụm mật khẩu quá ngắn: hãy dùng ít nhất {min} ký tự",
                                  "The passphrase is too short: use at least {min} character(s)"),
    "identity.key_type": ("loại khóa không hỗ trợ: {kind} (chọn ec-p256 hoặc rsa-3072)",
                          "unsupported key type: {kind} (choose ec-p256 or rsa-3072)"),
    "identity.weak_key": ("khóa không đạt yêu cầu Thông tư 15/2025/TT-BKHCN ({detail}); "
                          "cần RSA ≥ 2048 bit hoặc ECDSA ≥ 256 bit",
                          "the key does not meet Circular 15/2025/TT-BKHCN ({detail}); "
                          "RSA ≥ 2048 bits or ECDSA ≥ 256 bits is required"),
})

KeyType = Literal["ec-p256", "rsa-3072"]
KEY_TYPES: tuple[str, ...] = ("ec-p256", "rsa-3072")
PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey

PBKDF2_ITERATIONS = 600_000
MIN_PASSPHRASE = 8

_OID_PBES2 = "1.2.840.113549.1.5.13"
_OID_PBKDF2 = "1.2.840.113549.1.5.12"
_OID_HMAC_SHA256 = "1.2.840.113549.2.9"
_OID_AES256_CBC = "2.16.840.1.101.3.4.1.42"


def passphrase_bytes(passphrase: str | bytes) -> bytes:
    """The bytes a passphrase stands for: NFC-normalised UTF-8 (see the module docstring)."""
    return passphrase if isinstance(passphrase, bytes) else nfc(passphrase).encode("utf-8")


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short to protect the key, before anything is written."""
    if len(nfc(passphrase)) < MIN_PASSPHRASE:
        raise ParDeskError("identity.passphrase_short", min=MIN_PASSPHRASE)


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
    check_passphrase(passphrase)
    plain = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption())
    salt, iv = secrets.token_bytes(16), secrets.token_bytes(16)
    kek = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt,
                     iterations=iterations).derive(passphrase_bytes(passphrase))
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
        key = serialization.load_pem_private_key(pem, password=passphrase_bytes(passphrase) or None)
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
