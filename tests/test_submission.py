"""The workspace's signed submission: freeze, sign, lock, verify, tamper, versions, cancel."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import zipfile

import pytest
from helpers import make_pdf_bytes

from parDesk.i18n import ParDeskError
from parDesk.identity import IdentityStore, UnitSubject
from parDesk.package.bag import Cancelled
from parDesk.package.checks import verify_submission
from parDesk.package.submission import build_submission, packages, reopen
from parDesk.signing.cms import sign_detached

PASS = "mật khẩu thử nghiệm 2025"


@pytest.fixture
def signed_ws(tiny_ws, tmp_path):
    ws = tiny_ws
    pdf = tmp_path / "Kế hoạch 15-KH-UBND.pdf"
    pdf.write_bytes(make_pdf_bytes("kế hoạch", 20_000))
    scan = tmp_path / "scan.tif"
    scan.write_bytes(b"II*\x00" + os.urandom(50_000))
    inputs = {"1.1.1": {"done": True}, "1.1.2": {"numerator": 9, "denominator": 10},
              "1.1.3": {"numerator": 1, "denominator": 3}, "1.2.1": {"level": "a"}, "1.2.2": {"score": "1,5"},
              "2.1.1": {"violations": 1}, "2.1.2": {"numerator": 3, "denominator": 4}}
    for code, value in inputs.items():
        ws.set_inputs(code, value)
    ws.attach_many([(c, pdf) for c in inputs] + [("1.1.1", scan)], number="15/KH-UBND", issued_date="2025-01-10",
                   issuer="UBND xã Tân Lập", subject="Kế hoạch CCHC năm 2025")
    ws.set_inputs("T.1", {"done": True})
    ws.set_explanation("T.1", "Quyết định khen thưởng đang chờ bản sao")
    store = IdentityStore(ws.folder / "identity")
    u = ws.unit()
    store.create(UnitSubject(u.name, u.admin_code, u.province), PASS)
    return ws, store


def test_build_lock_verify(signed_ws):
    ws, store = signed_ws
    assert ws.validate() == []
    rec = build_submission(ws, store.signer(PASS))
    assert rec.path.is_file() and rec.version == 1
    assert hashlib.sha256(rec.path.read_bytes()).hexdigest() == rec.sha256
    report = verify_submission(rec.path, trusted=[store.certificate()])
    assert report.valid, [p.message("en") for p in report.problems]
    assert report.trusted is True and report.bag_info["Unit-Code"] == "12345"
    frozen_at = dt.datetime.fromisoformat(report.bag_info["Frozen-At"])
    assert report.signing_time == max(frozen_at, store.certificate().not_valid_before_utc)  # signed "as of" frozen
    with zipfile.ZipFile(rec.path) as z:
        names = z.namelist()
        snap = json.loads(z.read("data/assessment.json"))
        assert z.read("data/framework.json") == ws.framework.canonical_bytes()
        audit = z.read("data/audit.jsonl").decode().splitlines()
    assert sum(n.startswith("data/evidence/") for n in names) == 2  # each file once
    assert {"data/reports/danh-muc-tai-lieu-kiem-chung.pdf", "data/reports/bang-tong-hop-tu-cham-diem.pdf",
            "data/reports/van-ban-de-nghi-tham-dinh.pdf"} <= set(names)
    assert snap["totals"]["total"] == str(ws.summary().totals.total)
    assert any(json.loads(line)["action"] == "set_inputs" for line in audit)
    # signed = locked
    with pytest.raises(ParDeskError) as exc:
        ws.set_inputs("1.1.1", {"done": False})
    assert exc.value.key == "ws.locked"
    # building again returns the same package
    assert build_submission(ws, store.signer(PASS)).sha256 == rec.sha256


def test_problems_block_signing_unless_allowed(tiny_ws):
    store = IdentityStore(tiny_ws.folder / "identity")
    u = tiny_ws.unit()
    store.create(UnitSubject(u.name, u.admin_code, u.province), PASS)
    with pytest.raises(ParDeskError) as exc:
        build_submission(tiny_ws, store.signer(PASS))
    assert exc.value.key == "sub.problems"
    assert not list((tiny_ws.folder / "packages").glob("*")) if (tiny_ws.folder / "packages").exists() else True
    assert tiny_ws.assessment().status == "draft"


def test_versions_name_their_predecessor(signed_ws):
    ws, store = signed_ws
    v1 = build_submission(ws, store.signer(PASS))
    ws.record_appraisal("1.2.2", 1, "1", comment="Thiếu tài liệu", request_explanation=True)
    reopen(ws)
    assert ws.assessment().version == 2 and ws.answer("1.2.2").score is not None
    assert ws.appraisals()["1.2.2"][0].request_explanation  # the request stays visible in v2
    ws.set_explanation("1.2.2", "Bổ sung giải trình theo yêu cầu thẩm định")
    v2 = build_submission(ws, store.signer(PASS))
    assert v2.version == 2 and v2.previous_sha256 == v1.sha256
    assert [p.version for p in packages(ws)] == [1, 2] and v1.path.is_file() and v2.path.is_file()
    with zipfile.ZipFile(v2.path) as z:
        info = z.read("bag-info.txt").decode()
        snap = json.loads(z.read("data/assessment.json"))
    assert f"Previous-Package-SHA256: {v1.sha256}" in info
    assert snap["assessment"]["previous_package_hash"] == v1.sha256
    assert verify_submission(v2.path).valid


def test_payload_is_deterministic(signed_ws, tmp_path):
    """Same frozen state -> byte-identical payload, manifests and tag manifest. Without a signing time the
    CMS records the clock, so only the signature may differ."""
    from parDesk.package.bag import build_package
    from parDesk.package.submission import freeze

    ws, store = signed_ws
    signer = store.signer(PASS)
    outs = []
    for name in ("a.zip", "b.zip"):
        fr = freeze(ws)
        outs.append(build_package(tmp_path / name, fr.payload, fr.bag_info, signer, bagging_date=fr.bagging_date))
    za, zb = (zipfile.ZipFile(o.path) for o in outs)
    assert za.namelist() == zb.namelist()
    for name in za.namelist():
        if name != "signature.p7s":
            assert za.read(name) == zb.read(name), name
            assert za.getinfo(name).date_time == zb.getinfo(name).date_time
    assert outs[0].tagmanifest_sha256 == outs[1].tagmanifest_sha256


def test_package_is_byte_identical_from_the_same_frozen_state(signed_ws, tmp_path):
    """The issue's requirement: building twice from the same frozen state (signed with the frozen time, as
    build_submission does, and an EC key) gives byte-identical files, so the package hash is its identity."""
    from parDesk.package import signed_forms
    from parDesk.package.bag import build_package
    from parDesk.package.submission import freeze
    from parDesk.signing.cms import DETERMINISTIC_ECDSA

    if not DETERMINISTIC_ECDSA:
        pytest.skip("this cryptography/OpenSSL has no deterministic ECDSA")
    ws, store = signed_ws
    outs = []
    for name in ("a", "b"):
        forms = tmp_path / f"forms-{name}"
        forms.mkdir()
        fr = freeze(ws, forms)
        signer = store.signer(PASS)
        # the forms are PAdES-signed first, by the same signer at the same clamped time, as build_submission
        # does (a package's PDFs must be signed: signed_forms.check_signed_forms)
        assert signed_forms.can_sign_forms(signer)
        when = max(fr.frozen_at, signer.certificate().not_valid_before_utc)
        signed_forms.sign_forms(fr.payload, signer, org_name=ws.unit().name, when=when)
        outs.append(build_package(tmp_path / f"{name}.zip", fr.payload, fr.bag_info, signer,
                                  bagging_date=fr.bagging_date, signing_time=fr.frozen_at))
    a, b = (o.path.read_bytes() for o in outs)
    assert a == b
    assert outs[0].sha256 == outs[1].sha256 == hashlib.sha256(a).hexdigest()
    report = verify_submission(outs[0].path, trusted=[store.certificate()])
    assert report.valid, [p.message("en") for p in report.problems]
    # the CMS signing time is the frozen time (the assessment's last change), not the build's clock
    assert report.signing_time == max(fr.frozen_at, store.certificate().not_valid_before_utc)
    assert report.bag_info["Frozen-At"] == fr.frozen_at.isoformat()


def _rewrite(path, out, mutate, key=None, cert=None):
    """Rewrite a package with ``mutate(name, bytes)``, re-hashing manifests (and re-signing if a key is given)."""
    with zipfile.ZipFile(path) as z:
        entries = {i.filename: z.read(i) for i in z.infolist()}
    for name in list(entries):
        entries[name] = mutate(name, entries[name])
    manifest = "".join(f"{hashlib.sha256(v).hexdigest()}  {k}\n" for k, v in entries.items()
                       if k.startswith("data/"))
    entries["manifest-sha256.txt"] = manifest.encode()
    tag = "".join(f"{hashlib.sha256(entries[k]).hexdigest()}  {k}\n"
                  for k in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt"))
    entries["tagmanifest-sha256.txt"] = tag.encode()
    if key is not None:
        entries["signature.p7s"] = sign_detached(entries["tagmanifest-sha256.txt"], key, cert)
    with zipfile.ZipFile(out, "w") as z:
        for k, v in entries.items():
            z.writestr(k, v)


def test_an_edited_score_is_caught_even_when_re_signed_by_the_unit(signed_ws, tmp_path):
    ws, store = signed_ws
    rec = build_submission(ws, store.signer(PASS))

    def edit(name, data):
        if name == "data/assessment.json":
            snap = json.loads(data)
            for item in snap["items"]:
                if item["code"] == "1.1.2":
                    item["score"] = "2"  # claimed full marks for 90 %
            return json.dumps(snap, ensure_ascii=False).encode()
        return data

    forged = tmp_path / "forged.zip"
    _rewrite(rec.path, forged, edit, key=store.load_key(PASS), cert=store.certificate())
    report = verify_submission(forged, trusted=[store.certificate()])
    assert not report.valid
    assert any(p.key == "recompute.score" and "1.1.2" in p.message("en") for p in report.problems)
    # without re-signing, the signature catches it first
    _rewrite(rec.path, tmp_path / "unsigned.zip", edit)
    assert not verify_submission(tmp_path / "unsigned.zip").valid


def test_independent_tools_agree(signed_ws, tmp_path):
    bagit = pytest.importorskip("bagit")
    ws, store = signed_ws
    rec = build_submission(ws, store.signer(PASS))
    out = tmp_path / "unzipped"
    zipfile.ZipFile(rec.path).extractall(out)
    bagit.Bag(str(out)).validate()
    proc = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", str(out / "signature.p7s"),
                           "-content", str(out / "tagmanifest-sha256.txt"), "-CAfile",
                           str(ws.folder / "identity" / "cert.pem"), "-purpose", "any", "-out", os.devnull],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_cancelling_a_build_leaves_nothing(signed_ws):
    ws, store = signed_ws
    with pytest.raises(Cancelled):
        build_submission(ws, store.signer(PASS), cancelled=lambda: True)
    folder = ws.folder / "packages"
    assert not folder.exists() or list(folder.iterdir()) == []
    assert ws.assessment().status == "draft" and packages(ws) == []


def test_wrong_passphrase_is_a_clear_error(signed_ws):
    _ws, store = signed_ws
    with pytest.raises(ParDeskError) as exc:
        store.signer("sai mật khẩu rồi")
    assert exc.value.key == "identity.wrong_passphrase"


def test_cli_verify_exit_codes(signed_ws, tmp_path):
    ws, store = signed_ws
    rec = build_submission(ws, store.signer(PASS))
    run = lambda *a: subprocess.run([sys.executable, "-m", "parDesk", *a], capture_output=True, text=True)  # noqa: E731
    ok = run("verify", str(rec.path), "--trust", str(ws.folder / "identity" / "cert.pem"), "--json")
    assert ok.returncode == 0 and json.loads(ok.stdout)["trusted"] is True
    bad = tmp_path / "bad.zip"
    data = bytearray(rec.path.read_bytes())
    data[len(data) // 3] ^= 0xFF
    bad.write_bytes(bytes(data))
    proc = run("verify", str(bad), "--lang", "en")
    assert proc.returncode == 1 and "NOT VALID" in proc.stdout
