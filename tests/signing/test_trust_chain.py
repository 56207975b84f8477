"""Trust by chain: anchors, validity at the signing time, key usage, CRL and OCSP on 127.0.0.1, cache."""

from __future__ import annotations

import datetime as dt

import pki
import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from parDesk.i18n import ParDeskError
from parDesk.signing.trust import RevocationCache, TrustState, load_anchors, validate_chain


@pytest.fixture()
def ca(revocation_server):
    """A fresh root → intermediate pair served by the revocation server (per test: revocations differ)."""
    import secrets
    slug = secrets.token_hex(4)
    root = pki.root_authority(base_url=revocation_server.url, slug="r" + slug)
    mid = root.sub_authority("CA trung gian", "m" + slug)
    revocation_server.add(root)
    revocation_server.add(mid)
    revocation_server.down = False
    yield root, mid
    revocation_server.down = False


def leaf(mid, revocation_server, **kw):
    key = ec.generate_private_key(ec.SECP256R1())
    cert = mid.issue(pki.unit_name(), key.public_key(), **kw)
    revocation_server.issued[cert.serial_number] = cert
    return cert


NOW = lambda: pki.now()  # noqa: E731


def test_chained_to_an_anchor_is_trusted_by_crl_and_by_ocsp(ca, revocation_server):
    root, mid = ca
    for kw in ({}, {"ocsp": True, "crl": False}):
        cert = leaf(mid, revocation_server, **kw)
        r = validate_chain(cert, [root.cert], intermediates=[mid.cert], moment=NOW())
        assert r.state is TrustState.TRUSTED, [str(p) for p in r.problems]
        assert r.path[0] == cert and r.anchor == root.cert and r.revocation_checked_online
    assert any(h.endswith("/ocsp") for h in revocation_server.hits)
    assert any(h.endswith(".crl") for h in revocation_server.hits)


def test_unknown_ca_refused(ca, revocation_server):
    root, mid = ca
    other = pki.root_authority("Root lạ", base_url=revocation_server.url, slug="other")
    cert = leaf(mid, revocation_server)
    for anchors, inter in (([other.cert], [mid.cert]), ([root.cert], [])):  # wrong root; missing intermediate
        r = validate_chain(cert, anchors, intermediates=inter, moment=NOW())
        assert r.state is TrustState.UNTRUSTED and r.problems[0].key == "trust.no_path"
    # a self-made "CA" with the intermediate's very name and a different key
    forged = pki.root_authority(mid.cert.subject.rfc4514_string())
    r = validate_chain(cert, [forged.cert], moment=NOW())
    assert r.state is TrustState.UNTRUSTED


def test_expired_or_not_yet_valid_at_the_signing_time_refused(ca, revocation_server):
    root, mid = ca
    cert = leaf(mid, revocation_server, not_before=NOW() - dt.timedelta(days=100), days=30)
    r = validate_chain(cert, [root.cert], intermediates=[mid.cert], moment=NOW())
    assert r.state is TrustState.UNTRUSTED and r.problems[0].key == "trust.expired"
    # the same certificate at a signing time inside its validity: trusted
    r = validate_chain(cert, [root.cert], intermediates=[mid.cert], moment=NOW() - dt.timedelta(days=90))
    assert r.state is TrustState.TRUSTED, [str(p) for p in r.problems]
    early = validate_chain(cert, [root.cert], intermediates=[mid.cert], moment=NOW() - dt.timedelta(days=200))
    assert early.state is TrustState.UNTRUSTED


def test_wrong_key_usage_refused(ca, revocation_server):
    root, mid = ca
    cert = leaf(mid, revocation_server, signing=False, non_repudiation=False)
    r = validate_chain(cert, [root.cert], intermediates=[mid.cert], moment=NOW())
    assert r.state is TrustState.UNTRUSTED and r.problems[0].key == "trust.key_usage"


@pytest.mark.parametrize("via", ["crl", "ocsp"])
def test_revoked_refused(ca, revocation_server, via):
    root, mid = ca
    cert = leaf(mid, revocation_server, **({"ocsp": True, "crl": False} if via == "ocsp" else {}))
    mid.revoke(cert)
    r = validate_chain(cert, [root.cert], intermediates=[mid.cert], moment=NOW())
    assert r.state is TrustState.UNTRUSTED and r.problems[0].key == "trust.revoked", [str(p) for p in r.problems]
    assert "thu hồi" in r.problems[0].message("vi")


def test_revoked_intermediate_refused(ca, revocation_server):
    root, mid = ca
    cert = leaf(mid, revocation_server)
    root.revoke(mid.cert)
    r = validate_chain(cert, [root.cert], intermediates=[mid.cert], moment=NOW())
    assert r.state is TrustState.UNTRUSTED and r.problems[0].key == "trust.revoked"


def test_revocation_unreachable_is_unknown_never_trusted(ca, revocation_server, tmp_path):
    root, mid = ca
    cert = leaf(mid, revocation_server)
    revocation_server.down = True  # the responder answers 503
    r = validate_chain(cert, [root.cert], intermediates=[mid.cert], moment=NOW(), timeout=3)
    assert r.state is TrustState.REVOCATION_UNKNOWN and not r.trusted
    assert r.problems[0].key == "trust.revocation_unknown"
    assert "không xác định được trạng thái thu hồi" in r.problems[0].message("vi")
    # offline (no network at all): the same answer
    r = validate_chain(cert, [root.cert], intermediates=[mid.cert], moment=NOW(), online=False)
    assert r.state is TrustState.REVOCATION_UNKNOWN
    # a certificate with no CRL or OCSP pointer at all: unknown, not "not revoked"
    bare = leaf(mid, revocation_server, crl=False)
    revocation_server.down = False
    r = validate_chain(bare, [root.cert], intermediates=[mid.cert], moment=NOW())
    assert r.state is TrustState.REVOCATION_UNKNOWN
    # unknown revocation never hides a worse fault: an unknown CA stays untrusted
    revocation_server.down = True
    other = pki.root_authority("Root lạ")
    assert validate_chain(cert, [other.cert], intermediates=[mid.cert], moment=NOW()).state is TrustState.UNTRUSTED


def test_answers_cached_on_disk_and_used_offline(ca, revocation_server, tmp_path):
    root, mid = ca
    cert = leaf(mid, revocation_server)
    cache = RevocationCache(tmp_path / "revocation")
    first = validate_chain(cert, [root.cert], intermediates=[mid.cert], moment=NOW(), cache=cache)
    assert first.trusted and list((tmp_path / "revocation").glob("crl-*.der"))
    revocation_server.down = True
    hits = len(revocation_server.hits)
    again = validate_chain(cert, [root.cert], intermediates=[mid.cert], moment=NOW(), cache=cache)
    assert again.trusted and not again.revocation_checked_online
    assert len(revocation_server.hits) == hits  # no request at all
    offline = validate_chain(cert, [root.cert], intermediates=[mid.cert], moment=NOW(), cache=cache, online=False)
    assert offline.trusted


def test_anchors_folder(tmp_path, ca, revocation_server):
    root, mid = ca
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "root.pem").write_bytes(pki.pem(root.cert))
    (tmp_path / "a" / "mid.cer").write_bytes(pki.pem(mid.cert))
    assert set(load_anchors(tmp_path / "a")) == {root.cert, mid.cert}
    assert load_anchors(tmp_path / "a" / "root.pem") == [root.cert]
    (tmp_path / "a" / "unit.pem").write_bytes(pki.pem(leaf(mid, revocation_server)))
    with pytest.raises(ParDeskError) as e:
        load_anchors(tmp_path / "a")
    assert e.value.key == "trust.bad_anchor"
    (tmp_path / "empty").mkdir()
    with pytest.raises(ParDeskError):
        load_anchors(tmp_path / "empty")
