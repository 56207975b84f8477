"""Class 5: "valid" means trusted.

Variants: the genuine package with no anchor and no pinned key (integrity
only: its own verdict and exit status 3, Vietnamese first); re-signed with a
self-made key of the same unit code (integrity only without a pin, refused
with the unit's pinned certificate, refused by an unrelated anchor); pinned
by key across a certificate renewal (trusted); a certificate that expired
before the reference time, with a backdated self-claimed signing time
(refused and reported as such; accepted as intact at a reference time inside
its validity, as the server does with its receipt time).
"""

from __future__ import annotations

import datetime as dt

import pytest
from kit import PASS, RESERVED, assert_refused, cli_verify, verify

from parDesk import identity as I
from parDesk.package.bag import PayloadEntry, build_package
from parDesk.package.trust import EXIT_SIGNER_UNVERIFIED, Verdict

UTC = dt.UTC


def _subject(base):
    u = base.ws.unit()
    return I.UnitSubject(u.name, u.admin_code, u.province)


def _other_signer(base, **kw):
    key = I.generate_key("ec-p256")
    return key, I.SoftwareSigner(key, I.self_signed_certificate(key, _subject(base), **kw))


def _build(base, dest, signer, **kw):
    # the printed forms carry PAdES signatures by the genuine key: a forger re-signing drops them
    payload = [PayloadEntry(n[len("data/"):], b) for n, b in base.entries.items()
               if n.startswith("data/") and not n.startswith("data/reports/")]
    info = [(k, v) for k, v in base.bag_info if k not in RESERVED]
    build_package(dest, payload, info, signer, bagging_date=dt.date(2026, 1, 5), overwrite=True, **kw)
    return dest


def test_no_anchor_no_pin_is_integrity_only(base):
    report = verify(base.path)
    assert report.problems == [] and report.trusted is None
    assert report.verdict is Verdict.SIGNER_UNVERIFIED and report.exit_code == EXIT_SIGNER_UNVERIFIED
    vi = cli_verify(base.path)
    assert vi.returncode == 3 and vi.stdout.startswith("Toàn vẹn, nhưng chưa xác minh được người ký"), vi.stdout
    assert "HỢP LỆ" not in vi.stdout.splitlines()[0] and "Traceback" not in vi.stderr
    en = cli_verify(base.path, lang="en")
    assert en.returncode == 3 and en.stdout.startswith("Integrity verified, signer not verified")


def test_pinned_and_anchor_give_trusted(base):
    for proc in (cli_verify(base.path, "--pin", str(base.cert_pem)),
                 cli_verify(base.path, "--trust", str(base.cert_pem))):
        assert proc.returncode == 0 and proc.stdout.startswith("HỢP LỆ"), proc.stdout


def test_self_made_key_of_the_same_unit(base, tmp_path):
    _, signer = _other_signer(base)
    path = _build(base, tmp_path / "self-made.zip", signer)
    assert verify(path).verdict is Verdict.SIGNER_UNVERIFIED  # intact, but nobody vouches for the signer
    assert cli_verify(path).returncode == 3
    pinned = verify(path, pinned=[base.store.certificate()])
    assert_refused(pinned, key="trust.not_pinned")
    assert cli_verify(path, "--pin", str(base.cert_pem)).returncode == 1
    assert_refused(verify(path, trusted=[base.store.certificate()]), key="cms.untrusted")


def test_pin_is_by_key_across_a_renewal(base, tmp_path):
    key = I.load_private_key((base.ws.folder / "identity" / "key.pem").read_bytes(), PASS) \
        if (base.ws.folder / "identity" / "key.pem").exists() else None
    if key is None:
        pytest.skip("identity store keeps the key elsewhere")
    renewed = I.SoftwareSigner(key, I.self_signed_certificate(key, _subject(base), days=400))
    path = _build(base, tmp_path / "renewed.zip", renewed)
    assert verify(path, pinned=[base.store.certificate()]).verdict is Verdict.TRUSTED


@pytest.mark.parametrize("expired_days_ago,backdate_days", [(1, 10), (30, 60), (365, 400)])
def test_expired_certificate_with_a_backdated_signing_time(base, tmp_path, expired_days_ago, backdate_days):
    now = dt.datetime.now(UTC)
    start = now - dt.timedelta(days=expired_days_ago + 400)
    key = I.generate_key("ec-p256")
    cert = I.self_signed_certificate(key, _subject(base), days=400, now=start)
    assert cert.not_valid_after_utc < now
    claimed = now - dt.timedelta(days=backdate_days)  # inside the certificate's validity
    signer = I.SoftwareSigner(key, cert, clock=lambda: claimed)  # the forger's machine clock set back too
    path = _build(base, tmp_path / "old.zip", signer, now=claimed, signing_time=claimed)
    report = verify(path, pinned=[cert])
    assert_refused(report, key="cms.cert_not_valid_at_reference")
    text = next(p for p in report.problems if p.key == "cms.cert_not_valid_at_reference")
    assert "tự khai" in text.message("vi") and "own claim" in text.message("en")
    # the server judges at its receipt time: inside the validity, the same package is intact and pinned
    received = claimed + dt.timedelta(hours=1)
    assert verify(path, pinned=[cert], reference_time=received).verdict is Verdict.TRUSTED
    proc = cli_verify(path, "--pin", str(base.cert_pem), "--lang", "en")
    assert proc.returncode == 1 and "own claim" in proc.stdout and "Traceback" not in proc.stderr


def test_bad_reference_time_is_a_usage_error(base):
    proc = cli_verify(base.path, "--at", "yesterday")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "--at" in proc.stderr
