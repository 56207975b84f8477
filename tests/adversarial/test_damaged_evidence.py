"""Class 4: damaged evidence is never signed as genuine, and a package's evidence must be what it says.

Build side (a real workspace): a byte flipped at random positions in a stored
file, the file truncated or extended, the file replaced by a symlink (even to
identical bytes), its sub-folder replaced by a symlink — ``package build``
refuses, naming the document (số, ký hiệu — trích yếu), and writes nothing.

Verifier side (forged, correctly re-signed packages): content changed under
the original name; renamed to the new hash while assessment.json records the
old one; the record updated but not the name; an unreferenced extra file;
a recorded size that lies; a record pointing at a missing file.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import subprocess
import sys

import pytest
from kit import PASS, ROOT, assert_refused, make_base, resign, snapshot_bytes, verify

from parDesk.i18n import ParDeskError
from parDesk.package.submission import build_submission


@pytest.fixture
def fresh(tmp_path):
    b = make_base(tmp_path)
    from parDesk.package.submission import reopen

    reopen(b.ws)  # a new draft version: the next build reads the store again
    yield b
    b.ws.close()


def _stored(b):
    doc = next(d for d in b.ws.documents() if d.number == "15/KH-UBND")
    return doc, b.ws.evidence.path_for(doc.sha256)


def _build_refused(b, *expected: str):
    before = sorted(p.name for p in (b.ws.folder / "packages").iterdir())
    with pytest.raises(ParDeskError) as err:
        build_submission(b.ws, b.store.signer(PASS), allow_problems=True)
    message = err.value.message("vi") + " | " + err.value.message("en")
    for text in expected:
        assert text in message, message
    assert sorted(p.name for p in (b.ws.folder / "packages").iterdir()) == before  # nothing left behind
    return err.value


def test_flipped_bytes_at_random_positions(fresh):
    _doc, path = _stored(fresh)
    data = path.read_bytes()
    rng = random.Random(4)
    for pos in [0, len(data) - 1, *rng.sample(range(len(data)), 4)]:
        damaged = bytearray(data)
        damaged[pos] ^= 1 << rng.randrange(8)
        os.chmod(path, 0o644)
        path.write_bytes(bytes(damaged))
        err = _build_refused(fresh, "15/KH-UBND", "Kế hoạch CCHC năm 2025")
        assert err.key == "package.source_damaged"
    path.write_bytes(data)
    assert build_submission(fresh.ws, fresh.store.signer(PASS), allow_problems=True).path.is_file()


@pytest.mark.parametrize("cut", [1, 100, 10_000, "empty", "grown"])
def test_truncated_or_grown_file(fresh, cut):
    _doc, path = _stored(fresh)
    data = path.read_bytes()
    os.chmod(path, 0o644)
    path.write_bytes(b"" if cut == "empty" else data + b"x" if cut == "grown" else data[:-cut])
    _build_refused(fresh, "15/KH-UBND")


@pytest.mark.parametrize("target", ["same_bytes", "other_file", "dangling", "folder"])
def test_symlink_in_the_store_is_never_followed(fresh, tmp_path, target):
    _doc, path = _stored(fresh)
    data = path.read_bytes()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    if target == "folder":
        shutil.move(str(path.parent), str(elsewhere / "aa"))
        path.parent.symlink_to(elsewhere / "aa", target_is_directory=True)
    else:
        link_to = elsewhere / "copy.pdf"
        if target == "same_bytes":
            link_to.write_bytes(data)
        elif target == "other_file":
            link_to.write_bytes(b"%PDF-1.4 not the document")
        path.unlink()
        path.symlink_to(link_to)
    err = _build_refused(fresh, "15/KH-UBND")
    assert err.key in ("ev.stored_link", "ev.stored_missing")


def test_missing_stored_file(fresh):
    _doc, path = _stored(fresh)
    path.unlink()
    _build_refused(fresh, "15/KH-UBND")


def test_cli_package_build_refuses_without_traceback(fresh):
    _doc, path = _stored(fresh)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x20
    os.chmod(path, 0o644)
    path.write_bytes(bytes(data))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PARDESK_PASSPHRASE": PASS, "PARDESK_WORKSPACE": str(fresh.ws.folder)}
    proc = subprocess.run([sys.executable, "-m", "parDesk", "package", "build", "--allow-problems"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr, proc.stderr
    assert "15/KH-UBND" in proc.stderr, proc.stderr


# --- the verifier ----------------------------------------------------------------------------------------


def _evidence(base):
    snap = base.snap
    for i, item in enumerate(snap["items"]):
        for j, e in enumerate(item.get("evidence") or []):
            return snap, i, j, e
    raise AssertionError


def test_content_changed_under_its_name(base, tmp_path):
    _snap, _i, _j, e = _evidence(base)
    data = bytearray(base.entries[e["file"]])
    for pos in random.Random(7).sample(range(len(data)), 3):
        forged = bytearray(data)
        forged[pos] ^= 0x01
        report = verify(resign(base, tmp_path / "f.zip", files={e["file"]: bytes(forged)}))
        assert_refused(report, key="sub.evidence_name", where=e["file"])
        assert any(p.key == "sub.evidence_hash" and "15/KH-UBND" in p.message("vi") for p in report.problems)


def test_renamed_to_its_new_hash_but_recorded_hash_old(base, tmp_path):
    snap, i, j, e = _evidence(base)
    forged = base.entries[e["file"]] + b"\n% appended"
    sha = hashlib.sha256(forged).hexdigest()
    new_name = f"data/evidence/{sha}.pdf"
    snap["items"][i]["evidence"][j]["file"] = new_name
    report = verify(resign(base, tmp_path / "f.zip", files={e["file"]: None, new_name: forged,
                                                            "data/assessment.json": snapshot_bytes(snap)}))
    assert_refused(report, key="sub.evidence_file")


def test_record_updated_but_name_kept(base, tmp_path):
    snap, _i, _j, e = _evidence(base)
    forged = base.entries[e["file"]] + b"\n% appended"
    for item in snap["items"]:
        for ev in item.get("evidence") or []:
            if ev["sha256"] == e["sha256"]:
                ev["sha256"] = hashlib.sha256(forged).hexdigest()
                ev["size"] = len(forged)
    report = verify(resign(base, tmp_path / "f.zip", files={e["file"]: forged,
                                                            "data/assessment.json": snapshot_bytes(snap)}))
    assert_refused(report, key="sub.evidence_name")


def test_unreferenced_extra_evidence(base, tmp_path):
    extra = b"%PDF-1.4 smuggled"
    name = f"data/evidence/{hashlib.sha256(extra).hexdigest()}.pdf"
    assert_refused(verify(resign(base, tmp_path / "f.zip", files={name: extra})), key="sub.evidence_unlisted")


def test_recorded_size_lies(base, tmp_path):
    snap, i, j, e = _evidence(base)
    snap["items"][i]["evidence"][j]["size"] = e["size"] + 1
    report = verify(resign(base, tmp_path / "f.zip", files={"data/assessment.json": snapshot_bytes(snap)}))
    assert_refused(report, key="sub.evidence_size")


def test_record_points_at_a_missing_file(base, tmp_path):
    snap, i, _j, e = _evidence(base)
    others = [n for n in base.entries if n.startswith("data/evidence/") and n != e["file"]]
    files = {e["file"]: None}
    # keep every other reference satisfied: remove only this document's references
    for item in snap["items"]:
        if "evidence" in item:
            item["evidence"] = [ev for ev in item["evidence"] if ev["file"] != e["file"]]
    snap["items"][i]["evidence"].append(dict(e))
    files["data/assessment.json"] = snapshot_bytes(snap)
    assert others
    assert_refused(verify(resign(base, tmp_path / "f.zip", files=files)), key="sub.evidence_missing")
