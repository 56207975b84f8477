"""The leader's USB token through PKCS#11: find it, show it, sign with it.

Library: **python-pkcs11** (0.10), not PyKCS11. Both are maintained and
both wrap the whole C API; python-pkcs11 was chosen because (1) it releases
the GIL around every ``C_*`` call (``with nogil`` in its Cython code), so a
driver that blocks in ``C_Login`` while showing its own PIN window, as some
Vietnamese CA drivers do, blocks only the worker thread and never the
window; (2) it maps every ``CKR_*`` code to its own exception class
(``PinIncorrect``, ``PinLocked``, ``TokenNotPresent``…), which is what the
messages below are made from; (3) it loads several modules side by side and
can finalize one (used by the "token removed" tests); (4) it ships typed
stubs and wheels for Windows and Linux. PyKCS11 is a thinner SWIG wrapper
(one ``PyKCS11Error`` with a number, manual attribute templates); it would
work, but every one of the above would be code of ours.

What happens, and what never does:

* the module file is picked once by the person (kept in the workspace
  settings by the caller); :func:`candidate_modules` also tries the usual
  places and the names the Vietnamese CAs ship (VNPT-CA, Viettel-CA, FPT-CA,
  BKAV-CA, CA2, the ePass2003 and SafeNet eToken drivers…);
* :func:`list_tokens` shows each token (label, maker, model, serial), the
  certificates on it (owner, issuer, validity) and which of them has its
  private key on the token — without a PIN: certificates are public objects;
* the PIN is given to :func:`open_signer` by the caller's dialog and handed to
  ``C_Login`` once; it is never stored, logged, or put in a message, and a
  wrong PIN is never retried on the person's behalf (each try counts
  against the token's lock). A wrong PIN says how many tries remain when the
  token reports it (``CKF_USER_PIN_COUNT_LOW``, ``CKF_USER_PIN_FINAL_TRY``),
  and "locked" when it is (``CKR_PIN_LOCKED`` / ``CKF_USER_PIN_LOCKED``);
* the key never leaves the token: the SHA-256 digest is computed here and
  only the digest goes to the token (``CKM_ECDSA``; ``CKM_RSA_PKCS_PSS``
  when the token offers it, else ``CKM_RSA_PKCS`` over the DigestInfo — the
  PKCS#1 v1.5 signature most issued RSA tokens make);
* a token pulled out, or a driver that dies, mid-signing is a
  :class:`ParDeskError` ("token.removed"); the package builder writes to a
  temporary file, so nothing is left behind.

A token whose reader has a PIN pad or whose driver shows its own PIN dialog
(``CKF_PROTECTED_AUTHENTICATION_PATH``) is opened with ``pin=None``; the call
then waits for the driver, so callers run it off the GUI thread.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from parDesk.i18n import ParDeskError, register
from parDesk.identity import CertInfo, cert_info, check_can_sign
from parDesk.signing.signer import Algorithm, BaseSigner

register({
    "token.no_module": ("không tìm thấy thư viện PKCS#11 của thiết bị ký số (USB token); hãy chọn tệp "
                        "thư viện (.dll/.so) do nhà cung cấp chứng thư số cài đặt",
                        "no PKCS#11 module for the USB token was found; pick the module file (.dll/.so) "
                        "the certificate provider installed"),
    "token.bad_module": ("không nạp được thư viện PKCS#11 {path}: {detail}",
                         "cannot load the PKCS#11 module {path}: {detail}"),
    "token.none": ("không thấy thiết bị ký số (USB token) nào; hãy cắm token vào máy",
                   "no USB token found; plug the token in"),
    "token.not_found": ("không thấy token {label} nữa; hãy cắm lại token", "token {label} is gone; plug it in again"),
    "token.no_cert": ("không thấy chứng thư số đã chọn trên token", "the chosen certificate is not on the token"),
    "token.no_key": ("token không có khóa bí mật đi kèm chứng thư số {subject}",
                     "the token holds no private key for the certificate {subject}"),
    "token.pin_empty": ("chưa nhập mã PIN", "the PIN is empty"),
    "token.pin_wrong": ("sai mã PIN của token", "wrong PIN for the token"),
    "token.pin_count_low": ("sai mã PIN; token báo chỉ còn ít lần thử trước khi bị khóa",
                            "wrong PIN; the token reports few tries left before it locks"),
    "token.pin_final_try": ("sai mã PIN; chỉ còn MỘT lần thử — nhập sai lần nữa token sẽ bị khóa",
                            "wrong PIN; ONE try left — one more wrong PIN locks the token"),
    "token.pin_locked": ("token đã bị KHÓA do nhập sai mã PIN quá số lần cho phép; hãy liên hệ nhà cung cấp "
                         "chứng thư số để mở khóa",
                         "the token is LOCKED after too many wrong PINs; ask the certificate provider to unlock it"),
    "token.pin_length": ("mã PIN không đúng độ dài token yêu cầu", "the PIN is not of the length the token requires"),
    "token.pin_expired": ("mã PIN của token đã hết hạn; hãy đổi mã PIN bằng phần mềm của nhà cung cấp",
                          "the token's PIN has expired; change it with the provider's software"),
    "token.removed": ("token đã bị rút ra hoặc ngừng trả lời trong khi ký; chưa có gì được ghi, hãy cắm lại và ký lại",
                      "the token was removed or stopped answering while signing; nothing was written, "
                      "plug it in and sign again"),
    "token.mechanism": ("token không hỗ trợ cách ký cần cho khóa {key_type} ({detail})",
                        "the token does not support a signing mechanism for the key {key_type} ({detail})"),
    "token.cancelled": ("đã hủy nhập mã PIN trên token", "PIN entry on the token was cancelled"),
    "token.error": ("token báo lỗi: {detail}", "the token reported an error: {detail}"),
})

# The names Vietnamese CAs' token drivers install (Windows), then common Linux ones.
WINDOWS_MODULE_NAMES: tuple[str, ...] = (
    "vnpt-ca_csp11.dll", "vnpt-ca_v34.dll", "viettel-ca_v6.dll", "viettel-ca_v5.dll", "fpt-ca.dll",
    "fpt-ca_v2.dll", "BkavCA.dll", "BkavCAv2S.dll", "CA2_csp11.dll", "ca2_v34.dll", "eps2003csp11.dll",
    "eps2003csp11v2.dll", "eTPKCS11.dll", "wdpkcs.dll", "ShuttleCsp11_3003.dll", "gclib.dll",
    "misa-ca.dll", "opensc-pkcs11.dll",
)
LINUX_MODULE_NAMES: tuple[str, ...] = (
    "libeTPkcs11.so", "libeps2003csp11.so", "libcastle.so.1.0.0", "libshuttle_p11v220.so.1.0.0",
    "libbkavca.so", "libvnpt-ca.so", "opensc-pkcs11.so", "libsofthsm2.so",
)
LINUX_DIRS: tuple[str, ...] = (
    "/usr/lib", "/usr/lib64", "/usr/local/lib", "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
    "/usr/lib/pkcs11", "/usr/lib/x86_64-linux-gnu/pkcs11", "/usr/lib/softhsm", "/usr/lib/opensc",
)

_DIGEST_INFO_SHA256 = bytes.fromhex("3031300d060960864801650304020105000420")
_lock = threading.Lock()  # python-pkcs11 keeps one loaded object per module path; load it once


def candidate_modules(chosen: str | os.PathLike[str] | None = None, *,
                      extra_dirs: Iterable[str | os.PathLike[str]] = ()) -> list[Path]:
    """The module the person chose first, then every usual one that exists on this machine."""
    found: list[Path] = []
    if chosen:
        found.append(Path(chosen))
    dirs: list[Path] = [Path(d) for d in extra_dirs]
    if sys.platform.startswith("win"):
        root = Path(os.environ.get("SYSTEMROOT", r"C:\Windows"))
        dirs += [root / "System32", root / "SysWOW64"]
        names = WINDOWS_MODULE_NAMES
    else:
        dirs += [Path(d) for d in LINUX_DIRS]
        names = LINUX_MODULE_NAMES
    for d in dirs:
        for name in names:
            p = d / name
            if p.is_file() and p not in found:
                found.append(p)
    return found


def load_module(path: str | os.PathLike[str]) -> Any:  # a pkcs11.lib
    """Load (or reuse) a PKCS#11 module; a bad file is a person-readable error."""
    import pkcs11
    path = str(path)
    if not Path(path).is_file():
        raise ParDeskError("token.bad_module", path=path, detail="file not found")
    with _lock:
        try:
            return pkcs11.lib(path)
        except (pkcs11.PKCS11Error, OSError) as exc:
            raise ParDeskError("token.bad_module", path=path, detail=str(exc)[:200] or type(exc).__name__) from None


@dataclass(frozen=True)
class TokenCertificate:
    """One certificate on a token, as the window lists it."""

    object_id: bytes
    label: str
    certificate: x509.Certificate
    info: CertInfo
    has_key: bool                     # a private key with the same CKA_ID is on the token
    problem: ParDeskError | None      # why it cannot sign (expired, no signing key usage…), or None

    @property
    def can_sign(self) -> bool:
        return self.has_key and self.problem is None


@dataclass(frozen=True)
class TokenInfo:
    """A token as shown before any PIN: who made it, what it holds, how its PIN stands."""

    module: str
    slot_id: int
    label: str
    manufacturer: str
    model: str
    serial: str
    protected_auth_path: bool   # the reader or driver asks for the PIN itself
    pin_count_low: bool
    pin_final_try: bool
    pin_locked: bool
    certificates: list[TokenCertificate] = field(default_factory=list)

    def signing_certificates(self) -> list[TokenCertificate]:
        return [c for c in self.certificates if c.can_sign]


def _pin_state(token: Any) -> tuple[bool, bool, bool]:
    """(count low, final try, locked) as the token reports them in its flags (CK_TOKEN_INFO)."""
    from pkcs11 import TokenFlag
    flags = token.flags
    return (bool(flags & TokenFlag.USER_PIN_COUNT_LOW), bool(flags & TokenFlag.USER_PIN_FINAL_TRY),
            bool(flags & TokenFlag.USER_PIN_LOCKED))


def _token_error(exc: BaseException, token: Any = None) -> ParDeskError:
    """A PKCS#11 exception as the message a person reads (never with the PIN in it)."""
    import pkcs11.exceptions as E
    if isinstance(exc, E.PinIncorrect):
        low = final = locked = False
        if token is not None:
            with contextlib.suppress(E.PKCS11Error):  # the flags the token reports *after* the failed try
                low, final, locked = _pin_state(token.slot.get_token())
        if locked:
            return ParDeskError("token.pin_locked")
        if final:
            return ParDeskError("token.pin_final_try")
        if low:
            return ParDeskError("token.pin_count_low")
        return ParDeskError("token.pin_wrong")
    if isinstance(exc, E.PinLocked):
        return ParDeskError("token.pin_locked")
    if isinstance(exc, (E.PinLenRange, E.PinInvalid)):
        return ParDeskError("token.pin_length")
    if isinstance(exc, E.PinExpired):
        return ParDeskError("token.pin_expired")
    if isinstance(exc, E.FunctionCancelled):
        return ParDeskError("token.cancelled")
    if isinstance(exc, (E.TokenNotPresent, E.DeviceRemoved, E.SessionClosed, E.SessionHandleInvalid,
                        E.TokenNotRecognised, E.DeviceError, E.SlotIDInvalid, E.ObjectHandleInvalid,
                        E.KeyHandleInvalid)):
        return ParDeskError("token.removed")
    if isinstance(exc, E.PKCS11Error) and "NOT INITIALIZED" in str(exc).upper().replace("_", " "):
        return ParDeskError("token.removed")
    if isinstance(exc, (E.MechanismInvalid, E.MechanismParamInvalid)):
        return ParDeskError("token.mechanism", key_type="?", detail=type(exc).__name__)
    return ParDeskError("token.error", detail=(type(exc).__name__ + (f": {exc}" if str(exc) else ""))[:200])


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _read_certificates(session: Any) -> list[tuple[bytes, str, x509.Certificate]]:
    from pkcs11 import Attribute, CertificateType, ObjectClass
    out = []
    for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE,
                                    Attribute.CERTIFICATE_TYPE: CertificateType.X_509}):
        try:
            cert = x509.load_der_x509_certificate(bytes(obj[Attribute.VALUE]))
        except ValueError:
            continue  # a damaged or non-X.509 object: not offered
        try:
            object_id = bytes(obj[Attribute.ID])
        except Exception:  # some drivers omit CKA_ID on certificates
            object_id = b""
        try:
            label = str(obj[Attribute.LABEL])
        except Exception:
            label = ""
        out.append((object_id, label, cert))
    return out


def _private_key_ids(session: Any) -> set[bytes]:
    """CKA_IDs of private keys visible now (some tokens show them only after login)."""
    from pkcs11 import Attribute, ObjectClass
    ids = set()
    for obj in session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY}):
        try:
            ids.add(bytes(obj[Attribute.ID]))
        except Exception:
            continue
    return ids


def list_tokens(module: str | os.PathLike[str], *, now: dt.datetime | None = None) -> list[TokenInfo]:
    """Every token present behind ``module``, with its certificates — no PIN asked.

    A token that hides its private keys until login shows ``has_key=True``
    for every certificate with a CKA_ID (checked again after the PIN).
    """
    import pkcs11
    lib = load_module(module)
    tokens: list[TokenInfo] = []
    try:
        slots = lib.get_slots(token_present=True)
    except pkcs11.PKCS11Error as exc:
        raise _token_error(exc) from None
    for slot in slots:
        try:
            token = slot.get_token()
            low, final, locked = _pin_state(token)
            protected = bool(token.flags & pkcs11.TokenFlag.PROTECTED_AUTHENTICATION_PATH)
            with token.open() as session:
                certs = _read_certificates(session)
                key_ids = _private_key_ids(session)
        except pkcs11.PKCS11Error:
            continue  # a slot that fails to answer is not offered
        hidden_keys = not key_ids and bool(token.flags & pkcs11.TokenFlag.LOGIN_REQUIRED)
        listed = []
        for object_id, label, cert in certs:
            has_key = object_id in key_ids or (hidden_keys and bool(object_id))
            try:
                check_can_sign(cert, now)
                problem = None
            except ParDeskError as exc:
                problem = exc
            listed.append(TokenCertificate(object_id, label, cert, cert_info(cert, now), has_key, problem))
        tokens.append(TokenInfo(str(module), int(slot.slot_id), token.label.strip(),
                                token.manufacturer_id.strip(), token.model.strip(),
                                (token.serial.decode("ascii", "replace") if isinstance(token.serial, bytes)
                                 else str(token.serial)).strip(),
                                protected, low, final, locked, listed))
    return tokens


class TokenSigner(BaseSigner):
    """Signs on the token: one logged-in session, held until :meth:`close`.

    Made by :func:`open_signer`. Not thread-safe: one signing operation (a
    package, then its forms) uses it from one worker thread, then closes it.
    """

    kind = "token"

    def __init__(self, session: Any, token: Any, private_key: Any, cert: x509.Certificate,
                 chain: Sequence[x509.Certificate], algorithm: Algorithm, *,
                 clock: Callable[[], dt.datetime] | None = None) -> None:
        super().__init__(cert, chain, clock=clock)
        self._session = session
        self._token = token
        self._key = private_key
        self.algorithm = algorithm
        self.token_label = token.label.strip()

    def sign_message(self, message: bytes) -> bytes:
        import pkcs11
        from pkcs11 import MGF, Mechanism
        if self._session is None:
            raise ParDeskError("token.removed")
        digest = hashlib.sha256(message).digest()  # hashed here: only 32 bytes go to the token
        try:
            if self.algorithm == "ecdsa":
                raw = self._key.sign(digest, mechanism=Mechanism.ECDSA)
                half = len(raw) // 2
                return encode_dss_signature(int.from_bytes(raw[:half], "big"), int.from_bytes(raw[half:], "big"))
            if self.algorithm == "rsa-pss":
                return bytes(self._key.sign(digest, mechanism=Mechanism.RSA_PKCS_PSS,
                                            mechanism_param=(Mechanism.SHA256, MGF.SHA256, 32)))
            return bytes(self._key.sign(_DIGEST_INFO_SHA256 + digest, mechanism=Mechanism.RSA_PKCS))
        except pkcs11.PKCS11Error as exc:
            raise _token_error(exc, self._token) from None

    def close(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            with contextlib.suppress(Exception):  # a token pulled out cannot close its session: nothing to do
                session.close()


def _choose_algorithm(slot: Any, cert: x509.Certificate, rsa_padding: str | None) -> Algorithm:
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from pkcs11 import Mechanism
    key = cert.public_key()
    try:
        mechanisms = slot.get_mechanisms()
    except Exception:
        mechanisms = {Mechanism.ECDSA, Mechanism.RSA_PKCS}
    if isinstance(key, ec.EllipticCurvePublicKey):
        if Mechanism.ECDSA not in mechanisms:
            raise ParDeskError("token.mechanism", key_type=f"ECDSA {key.curve.name}", detail="CKM_ECDSA")
        return "ecdsa"
    if isinstance(key, rsa.RSAPublicKey):
        if rsa_padding in (None, "pss") and Mechanism.RSA_PKCS_PSS in mechanisms:
            return "rsa-pss"
        if rsa_padding in (None, "pkcs1") and Mechanism.RSA_PKCS in mechanisms:
            return "rsa-pkcs1"
        raise ParDeskError("token.mechanism", key_type=f"RSA {key.key_size}", detail="CKM_RSA_PKCS(_PSS)")
    raise ParDeskError("token.mechanism", key_type=type(key).__name__, detail="-")


def open_signer(module: str | os.PathLike[str], *, token_serial: str | None = None, token_label: str | None = None,
                object_id: bytes | None = None, fingerprint: str | None = None, pin: str | None,
                chain: Sequence[x509.Certificate] = (), rsa_padding: str | None = None,
                now: dt.datetime | None = None, clock: Callable[[], dt.datetime] | None = None) -> TokenSigner:
    """Log in to the token once with ``pin`` and return a signer for one certificate on it.

    The certificate is chosen by ``fingerprint`` (SHA-256 hex, preferred) or
    ``object_id``; with neither, the only signing certificate on the token.
    ``pin=None`` means the reader or driver asks for it (protected
    authentication path) — the call then blocks until the person answers
    there. The certificate is checked (:func:`check_can_sign`) *before* the
    PIN is sent, so an expired certificate never costs a PIN try.
    """
    import pkcs11
    from pkcs11 import ObjectClass
    if pin is not None and pin == "":
        raise ParDeskError("token.pin_empty")
    lib = load_module(module)
    try:
        slots = lib.get_slots(token_present=True)
    except pkcs11.PKCS11Error as exc:
        raise _token_error(exc) from None
    if not slots:
        raise ParDeskError("token.none")
    token = None
    for slot in slots:
        try:
            candidate = slot.get_token()
        except pkcs11.PKCS11Error:
            continue
        serial = candidate.serial.decode("ascii", "replace") if isinstance(candidate.serial, bytes) \
            else str(candidate.serial)
        if token_serial is not None and serial.strip() != token_serial.strip():
            continue
        if token_label is not None and candidate.label.strip() != token_label.strip():
            continue
        token = candidate
        break
    if token is None:
        raise ParDeskError("token.not_found", label=token_label or token_serial or "?")
    if _pin_state(token)[2]:
        raise ParDeskError("token.pin_locked")  # do not spend a try on a locked token

    try:
        with token.open() as public:
            certs = _read_certificates(public)
    except pkcs11.PKCS11Error as exc:
        raise _token_error(exc, token) from None
    chosen = None
    for oid, _label, cert in certs:
        if (fingerprint is not None and cert_info(cert, now).fingerprint_sha256 == fingerprint.lower()) or \
                (fingerprint is None and object_id is not None and oid == object_id):
            chosen = (oid, cert)
            break
    if chosen is None and fingerprint is None and object_id is None:
        usable = [(oid, c) for oid, _l, c in certs if oid]
        if len(usable) == 1:
            chosen = usable[0]
    if chosen is None:
        raise ParDeskError("token.no_cert")
    oid, cert = chosen
    check_can_sign(cert, now)
    if not chain:  # the CA certificates a token often carries travel in the CMS, so a verifier can build the path
        chain = [c for _o, _l, c in certs if c != cert and _is_ca(c)]
    algorithm = _choose_algorithm(token.slot, cert, rsa_padding)

    try:
        session = token.open(user_pin=pkcs11.PROTECTED_AUTH if pin is None else pin)
    except pkcs11.PKCS11Error as exc:
        raise _token_error(exc, token) from None
    except pkcs11.ArgumentsBad:
        raise ParDeskError("token.pin_empty") from None
    try:
        key = session.get_key(object_class=ObjectClass.PRIVATE_KEY, id=oid)
    except pkcs11.NoSuchKey:
        session.close()
        raise ParDeskError("token.no_key", subject=cert_info(cert, now).subject) from None
    except pkcs11.PKCS11Error as exc:
        session.close()
        raise _token_error(exc, token) from None
    return TokenSigner(session, token, key, cert, chain, algorithm, clock=clock)


__all__ = ["LINUX_MODULE_NAMES", "WINDOWS_MODULE_NAMES", "TokenCertificate", "TokenInfo", "TokenSigner",
           "candidate_modules", "list_tokens", "load_module", "open_signer"]


# --- the module the person picked, remembered in the workspace ------------------

TOKEN_CHOICE = "token.json"


def remember_choice(identity_folder: str | os.PathLike[str], module: str, token_serial: str = "",
                    fingerprint: str = "") -> None:
    """Keep the module file (picked once), the token and certificate chosen — never the PIN."""
    import json

    from parDesk.fsutil import atomic_write_bytes
    data = {"module": str(module), "token_serial": token_serial, "fingerprint": fingerprint}
    atomic_write_bytes(Path(identity_folder) / TOKEN_CHOICE, json.dumps(data, ensure_ascii=False).encode())


def remembered_choice(identity_folder: str | os.PathLike[str]) -> dict[str, str]:
    import json
    p = Path(identity_folder) / TOKEN_CHOICE
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        return {k: str(data.get(k) or "") for k in ("module", "token_serial", "fingerprint")}
    except (OSError, ValueError):
        return {"module": "", "token_serial": "", "fingerprint": ""}
