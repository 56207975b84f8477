"""Signing through PKCS#11 on a real SoftHSM2 token: listing, PIN handling, packages, removal.

SoftHSM2 (2.6) facts these tests rely on, checked by hand and asserted here:
after a wrong PIN it sets CKF_USER_PIN_COUNT_LOW (and clears it after a good
login), it never sets CKF_USER_PIN_FINAL_TRY or CKF_USER_PIN_LOCKED and it
never locks the user PIN: its source (src/lib/slot_mgr/Token.cpp,
Token::loginUser) keeps no retry counter. So "count low" is tested on the
token, "final try" and "locked" through the error mapping.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import pkcs11
import pki
import pytest
import softhsm

from parDesk.i18n import ParDeskError
from parDesk.package.bag import PayloadEntry, build_package
from parDesk.package.verify import verify_package
from parDesk.signing import pkcs11_token as T
from parDesk.signing.cms import verify_detached_cms

INFO = [("Unit-Code", "12345"), ("Unit-Name", "Ủy ban nhân dân xã Tân Lập"), ("Framework-Id", "lao-cai-xa-2025"),
        ("Assessment-Year", "2025")]
PAYLOAD = [PayloadEntry("assessment.json", b'{"unit": "12345"}'),
           PayloadEntry("evidence/" + "a" * 64 + ".pdf", b"%PDF-1.4\n" + b"x" * 200_000)]


def fp(cert) -> str:
    return T.cert_info(cert).fingerprint_sha256


def signer(world, cert, pin=softhsm.PIN, **kw) -> T.TokenSigner:
    return T.open_signer(world.module, token_label=world.token_label, fingerprint=fp(cert), pin=pin,
                         chain=[world.mid.cert], **kw)


def test_token_listed_with_its_certificates_without_a_pin(world):
    tokens = [t for t in T.list_tokens(world.module) if t.label == world.token_label]
    assert len(tokens) == 1
    tok = tokens[0]
    assert tok.manufacturer == "SoftHSM project" and tok.model and tok.serial
    by_label = {c.label: c for c in tok.certificates}
    assert set(by_label) == {"chung thu EC", "chung thu RSA"}
    for c in by_label.values():
        assert c.has_key and c.can_sign and c.problem is None
        assert "Tân Lập" in c.info.subject and "CA trung gian" in c.info.issuer
        assert c.info.not_before < dt.datetime.now(dt.UTC) < c.info.not_after
    assert T.candidate_modules("/chosen/by/person.so")[0] == Path("/chosen/by/person.so")
    assert Path(world.module) in T.candidate_modules()


def test_module_that_is_not_a_module_is_a_clear_error(tmp_path):
    bogus = tmp_path / "vnpt-ca_csp11.so"
    bogus.write_bytes(b"not a library")
    for path in (bogus, tmp_path / "missing.so"):
        with pytest.raises(ParDeskError) as e:
            T.list_tokens(path)
        assert e.value.key == "token.bad_module"


@pytest.mark.parametrize("which,padding,algorithm", [("ec", None, "ecdsa"), ("rsa", None, "rsa-pss"),
                                                     ("rsa", "pkcs1", "rsa-pkcs1")])
def test_package_signed_on_the_token_verifies_and_openssl_agrees(world, tmp_path, which, padding, algorithm):
    cert = world.ec_cert if which == "ec" else world.rsa_cert
    with signer(world, cert, rsa_padding=padding) as s:
        assert s.algorithm == algorithm and s.kind == "token"
        dest = tmp_path / "p.zip"
        build_package(dest, PAYLOAD, INFO, s, bagging_date=dt.date.today())
    report = verify_package(dest, trusted=[world.root.cert])
    assert report.valid, [str(p) for p in report.problems]
    assert report.trusted is True and report.signer == cert
    with zipfile.ZipFile(dest) as zf:
        (tmp_path / "sig.p7s").write_bytes(zf.read("signature.p7s"))
        (tmp_path / "tm.txt").write_bytes(zf.read("tagmanifest-sha256.txt"))
    (tmp_path / "root.pem").write_bytes(pki.pem(world.root.cert))
    out = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", tmp_path / "sig.p7s",
                          "-content", tmp_path / "tm.txt", "-CAfile", tmp_path / "root.pem", "-purpose", "any",
                          "-out", "/dev/null"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "Verification successful" in out.stderr
    # an unrelated root: openssl refuses too
    other = pki.root_authority("Root khác")
    (tmp_path / "other.pem").write_bytes(pki.pem(other.cert))
    bad = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", tmp_path / "sig.p7s",
                          "-content", tmp_path / "tm.txt", "-CAfile", tmp_path / "other.pem", "-purpose", "any",
                          "-out", "/dev/null"], capture_output=True, text=True)
    assert bad.returncode != 0


def test_wrong_pin_says_what_the_token_reports_and_is_never_retried(world):
    for wrong in ("000000", "2468100", "24681"):
        with pytest.raises(ParDeskError) as e:
            signer(world, world.ec_cert, pin=wrong)
        # SoftHSM2 2.6 (Token::loginUser) sets CKF_USER_PIN_COUNT_LOW in the token's stored flags on
        # every failed login and clears it on the next good one: the real "few tries left" path
        assert e.value.key == "token.pin_count_low"
        assert wrong not in str(e.value) and wrong not in e.value.message("en")
    # SoftHSM2 has no retry counter: many wrong PINs later the right one still opens it
    for _ in range(10):
        with pytest.raises(ParDeskError):
            signer(world, world.ec_cert, pin="111111")
    listed = next(t for t in T.list_tokens(world.module) if t.label == world.token_label)
    assert listed.pin_count_low and not listed.pin_final_try and not listed.pin_locked  # shown before any PIN
    with signer(world, world.ec_cert) as s:
        assert verify_detached_cms(s.sign_detached_cms(b"x"), b"x").valid
    listed = next(t for t in T.list_tokens(world.module) if t.label == world.token_label)
    assert not listed.pin_count_low  # a good login clears it
    with pytest.raises(ParDeskError) as e:
        signer(world, world.ec_cert, pin="")
    assert e.value.key == "token.pin_empty"


def test_pin_is_not_kept_by_the_signer(world):
    with signer(world, world.rsa_cert) as s:
        held = repr(vars(s)) + repr(vars(s._session)) if hasattr(s._session, "__dict__") else repr(vars(s))
        assert softhsm.PIN not in held


def test_locked_and_final_try_are_said_clearly():
    """SoftHSM2 never locks: the mapping from the token's own answers is checked directly."""
    assert T._token_error(pkcs11.PinLocked()).key == "token.pin_locked"
    assert "KHÓA" in T._token_error(pkcs11.PinLocked()).message("vi")
    assert T._token_error(pkcs11.PinExpired()).key == "token.pin_expired"
    assert T._token_error(pkcs11.TokenNotPresent()).key == "token.removed"
    assert T._token_error(pkcs11.DeviceRemoved()).key == "token.removed"
    assert T._token_error(pkcs11.PinIncorrect()).key == "token.pin_wrong"


class _SlotWithout:
    """A slot whose token offers none of the signing mechanisms (SoftHSM2 offers them all)."""

    def get_mechanisms(self) -> set[object]:
        return set()


@pytest.mark.parametrize("which", ["ec", "rsa"])
def test_token_without_the_mechanism_says_so(world, which):
    """Was a TypeError (the message parameter was named like ParDeskError's own 'key')."""
    cert = world.ec_cert if which == "ec" else world.rsa_cert
    with pytest.raises(ParDeskError) as e:
        T._choose_algorithm(_SlotWithout(), cert, None)
    assert e.value.key == "token.mechanism"
    assert ("ECDSA" if which == "ec" else "RSA 2048") in e.value.message("vi")
    assert "does not support" in e.value.message("en")


def test_expired_certificate_refused_before_the_pin_is_tried(world):
    expired = world.mid.issue(pki.unit_name(), world.ec_cert.public_key(),
                              not_before=pki.now() - dt.timedelta(days=400), days=30)
    softhsm.store_certificate(world.token_label, expired, b"\x01", "chung thu EC cu")
    with pytest.raises(ParDeskError) as e:
        signer(world, expired, pin="not the pin")  # the certificate is refused, no PIN try spent
    assert e.value.key == "identity.cert_expired"
    listed = {c.label: c for t in T.list_tokens(world.module) for c in t.certificates}
    assert listed["chung thu EC cu"].problem is not None and not listed["chung thu EC cu"].can_sign


def _remove_token(world) -> Path:
    tokens = world.folder / "tokens"
    aside = world.folder / "tokens.unplugged"
    shutil.move(tokens, aside)
    tokens.mkdir()
    return aside


def _plug_back(world, aside: Path) -> None:
    tokens = world.folder / "tokens"
    shutil.rmtree(tokens)
    shutil.move(aside, tokens)
    pkcs11.lib(world.module).reinitialize()


@pytest.mark.parametrize("how", ["unplugged", "driver stopped"])
def test_token_removed_while_signing_leaves_nothing(world, tmp_path, how):
    dest = tmp_path / "p.zip"
    s = signer(world, world.ec_cert)
    state = {}

    def progress(done: int, total: int) -> None:  # the payload is hashed; the signature comes next
        if done == total and not state:
            if how == "unplugged":
                state["aside"] = _remove_token(world)
            else:
                pkcs11.lib(world.module).finalize()
                state["finalized"] = True
    try:
        with pytest.raises(ParDeskError) as e:
            build_package(dest, PAYLOAD, INFO, s, bagging_date=dt.date.today(), progress=progress)
        assert e.value.key == "token.removed"
        assert "nothing was written" in e.value.message("en")
        assert state
        assert not dest.exists() and list(tmp_path.iterdir()) == []
    finally:
        s.close()
        if "aside" in state:
            _plug_back(world, state["aside"])
        else:
            pkcs11.lib(world.module).initialize()
    with signer(world, world.ec_cert) as again:  # plugged back: signing works
        assert again.sign_message(b"x")
