"""The PIN as real tokens count it, through parDesk's real token code: tries remaining, the final try, locked
— and never a retry on the person's behalf; and a driver with its own PIN window (protected authentication
path), for which parDesk asks no PIN.

The token is SoftHSM2 behind a small real PKCS#11 module compiled here (pkcs11_shim.c): SoftHSM2 keeps no
retry counter and has no protected path, the shim adds both (CKF_USER_PIN_COUNT_LOW / _FINAL_TRY / _LOCKED,
CKR_PIN_LOCKED, CKF_PROTECTED_AUTHENTICATION_PATH with a C_Login(NULL) that blocks like a driver's window),
and counts every C_Login it receives.
"""

from __future__ import annotations

import time

import pki
import pytest
import shim as shimlib
import softhsm

from parDesk.i18n import ParDeskError
from parDesk.signing.cms import verify_detached_cms
from parDesk.signing.pkcs11_token import list_tokens, open_signer

LABEL = "Token dem so lan"


@pytest.fixture(scope="module")
def shim_token(tmp_path_factory, world):  # world: the session's SoftHSM2 configuration and test CA
    reason = shimlib.why_not()
    if reason:
        pytest.skip(reason)
    softhsm.init_token(LABEL)
    key = softhsm.generate_key(LABEL, "ky so", b"\x09", "ec")
    cert = world.mid.issue(pki.unit_name(), key.public_key)
    softhsm.store_certificate(LABEL, cert, b"\x09", "chung thu")
    softhsm.store_certificate(LABEL, world.mid.cert, b"\x90", "CA trung gian")  # the chain rides on the token
    sh = shimlib.make(tmp_path_factory.mktemp("shim"))
    tok = next(t for t in list_tokens(sh.module) if t.label == LABEL)
    fp = next(c.info.fingerprint_sha256 for c in tok.certificates if c.can_sign)
    return sh, fp, world


def _open(sh, fp, pin):
    return open_signer(sh.module, token_label=LABEL, fingerprint=fp, pin=pin)


def _state(sh):
    return next(t for t in list_tokens(sh.module) if t.label == LABEL)


@pytest.mark.parametrize("max_tries", [3, 5])
def test_wrong_pins_count_down_to_locked_each_try_sent_once(shim_token, monkeypatch, max_tries):
    sh, fp, _world = shim_token
    sh.configure(monkeypatch, max_tries=max_tries)
    seen = []
    for i in range(1, max_tries + 1):
        with pytest.raises(ParDeskError) as e:
            _open(sh, fp, f"sai{i:03d}")
        left = max_tries - i
        expected = "token.pin_locked" if left == 0 else "token.pin_final_try" if left == 1 else "token.pin_count_low"
        assert e.value.key == expected, (i, e.value.key)
        seen.append(e.value.key)
        assert sh.counts()[:2] == (i, i), "one C_Login per attempt: never retried on the person's behalf"
        st = _state(sh)
        assert (st.pin_count_low, st.pin_final_try, st.pin_locked) == (left > 0, left == 1, left == 0)
    assert seen[-2:] == ["token.pin_final_try", "token.pin_locked"]
    # the messages say it plainly, in both languages
    final = ParDeskError("token.pin_final_try")
    assert "MỘT lần thử" in final.message("vi") and "ONE try left" in final.message("en")
    locked = ParDeskError("token.pin_locked")
    assert "KHÓA" in locked.message("vi") and "LOCKED" in locked.message("en")
    # locked: even the right PIN is not sent — a try is never spent on a locked token
    with pytest.raises(ParDeskError) as e:
        _open(sh, fp, softhsm.PIN)
    assert e.value.key == "token.pin_locked"
    assert sh.counts()[1] == max_tries, "no C_Login on a token that reports itself locked"


def test_a_token_that_says_locked_only_by_refusing_the_login_is_told_as_locked(shim_token, monkeypatch):
    """Some drivers never set CKF_USER_PIN_LOCKED; their C_Login answers CKR_PIN_LOCKED. Same message, no retry."""
    sh, fp, _world = shim_token
    sh.configure(monkeypatch, max_tries=2, hide_locked=True)
    keys = []
    for pin in ("sai-1", "sai-2", softhsm.PIN, softhsm.PIN):
        with pytest.raises(ParDeskError) as e:
            _open(sh, fp, pin)
        keys.append(e.value.key)
    # 2nd wrong PIN: the token hides "locked", so it reads as a wrong PIN; after that C_Login says CKR_PIN_LOCKED
    assert keys == ["token.pin_final_try", "token.pin_wrong", "token.pin_locked", "token.pin_locked"], keys
    assert sh.counts()[1] == 4  # each attempt is the person's: one C_Login each, none added


def test_the_right_pin_after_a_wrong_one_signs_and_resets_the_count(shim_token, monkeypatch):
    sh, fp, world = shim_token
    sh.configure(monkeypatch, max_tries=3)
    with pytest.raises(ParDeskError) as e:
        _open(sh, fp, "sai-mot-lan")
    assert e.value.key == "token.pin_count_low"
    with _open(sh, fp, softhsm.PIN) as signer:
        r = verify_detached_cms(signer.sign_detached_cms(b"goi ho so"), b"goi ho so", trusted=[world.root.cert])
    assert r.valid and r.trusted, r.problems
    assert sh.counts()[:2] == (0, 2)
    st = _state(sh)
    assert not (st.pin_count_low or st.pin_final_try or st.pin_locked)


def test_protected_path_parDesk_sends_no_pin_and_waits_for_the_driver(shim_token, monkeypatch):
    sh, fp, world = shim_token
    sh.configure(monkeypatch, protected=True, delay_ms=1200, pad_pin=softhsm.PIN)
    assert _state(sh).protected_auth_path
    start = time.monotonic()
    with _open(sh, fp, None) as signer:  # pin=None: the driver's own window asks
        waited = time.monotonic() - start
        r = verify_detached_cms(signer.sign_detached_cms(b"x"), b"x", trusted=[world.root.cert])
    assert r.valid and r.trusted, r.problems
    assert waited >= 1.1, waited  # open_signer waited for the driver's window
    assert sh.counts() == (0, 1, 1)  # one C_Login, with a NULL PIN: parDesk sent none


@pytest.mark.parametrize(("typed", "expected"), [("sai-tren-cua-so", "token.pin_count_low"),
                                                 ("", "token.cancelled")])
def test_protected_path_wrong_or_cancelled_in_the_drivers_window(shim_token, monkeypatch, typed, expected):
    sh, fp, _world = shim_token
    sh.configure(monkeypatch, protected=True, delay_ms=200, pad_pin=typed)
    with pytest.raises(ParDeskError) as e:
        _open(sh, fp, None)
    assert e.value.key == expected
    assert sh.counts()[1:] == (1, 1)
