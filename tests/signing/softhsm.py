"""A real SoftHSM2 token for the tests: a temporary SOFTHSM2_CONF, keys made on the token.

SoftHSM2 reads ``SOFTHSM2_CONF`` when the module is initialised, and
python-pkcs11 keeps one loaded module per path per process, so the whole test
session shares one configuration folder (several tokens in it). Keys are
generated *on the token* (``C_GenerateKeyPair``), the public key is read
back, and a certificate for it is made by the test CA and stored on the
token as a CKO_CERTIFICATE with the key's CKA_ID — as a CA's issuance
software does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

MODULE = "/usr/lib/softhsm/libsofthsm2.so"
SO_PIN = "12345678"
PIN = "246810"
UTIL = shutil.which("softhsm2-util")


def available() -> bool:
    return UTIL is not None and Path(MODULE).is_file()


def configure(folder: Path) -> Path:
    """Write a SoftHSM2 config whose tokens live in ``folder``; set SOFTHSM2_CONF."""
    tokens = folder / "tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n"
                    "slots.removable = true\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    return tokens


def init_token(label: str, pin: str = PIN) -> None:
    subprocess.run([UTIL, "--init-token", "--free", "--label", label, "--so-pin", SO_PIN, "--pin", pin],
                   check=True, capture_output=True, env=os.environ.copy())
    import pkcs11
    lib = pkcs11.lib(MODULE)
    lib.reinitialize()  # a token made by another process is seen after re-initialising


@dataclass
class TokenKey:
    label: str
    object_id: bytes
    public_key: ec.EllipticCurvePublicKey | rsa.RSAPublicKey


def generate_key(token_label: str, key_label: str, object_id: bytes, kind: str, pin: str = PIN) -> TokenKey:
    """A key pair made on the token: ``kind`` is "ec" (P-256) or "rsa" (2048)."""
    import pkcs11
    from pkcs11 import Attribute, KeyType
    from pkcs11.util.ec import encode_named_curve_parameters
    lib = pkcs11.lib(MODULE)
    token = lib.get_token(token_label=token_label)
    with token.open(rw=True, user_pin=pin) as s:
        if kind == "ec":
            params = s.create_domain_parameters(KeyType.EC, {
                Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")}, local=True)
            pub, _priv = params.generate_keypair(store=True, label=key_label, id=object_id)
            point = bytes(pub[Attribute.EC_POINT])
            # CKA_EC_POINT is a DER OCTET STRING around the uncompressed point
            raw = point[2:] if point[0] == 0x04 and point[1] == len(point) - 2 else point
            public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)
        else:
            pub, _priv = s.generate_keypair(KeyType.RSA, 2048, store=True, label=key_label, id=object_id)
            public = rsa.RSAPublicNumbers(int.from_bytes(pub[Attribute.PUBLIC_EXPONENT], "big"),
                                          int.from_bytes(pub[Attribute.MODULUS], "big")).public_key()
    return TokenKey(key_label, object_id, public)


def store_certificate(token_label: str, cert: x509.Certificate, object_id: bytes, label: str,
                      pin: str = PIN) -> None:
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass
    lib = pkcs11.lib(MODULE)
    token = lib.get_token(token_label=token_label)
    with token.open(rw=True, user_pin=pin) as s:
        s.create_object({
            Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
            Attribute.TOKEN: True, Attribute.LABEL: label, Attribute.ID: object_id,
            Attribute.SUBJECT: cert.subject.public_bytes(),
            Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER)})
