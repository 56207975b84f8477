"""Forms in data/reports/ that are not what the package's signer signed: refused by `pardesk verify`
(a real process, Vietnamese and English) and by the server's intake, each with its reason.

The package itself is genuinely signed by the unit (its manifest covers the bad PDF), so what refuses
it is the PDF check, not the package signature.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pki
import pytest
from cryptography.hazmat.primitives.asymmetric import ec

sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))

from harness import make_fast_unit, make_service, register_fast, template_snapshot

from parDesk.package.bag import PayloadEntry, build_package
from parDesk.signing import pades
from parDesk.signing.signer import KeySigner

WHEN = dt.datetime(2026, 1, 5, 1, 0, tzinfo=dt.UTC)
FORM = "reports/bang-tong-hop-tu-cham-diem.pdf"


def _signed(pdf: bytes, signer: KeySigner, tmp: Path, name: str, number: str = "15/UBND-VP") -> bytes:
    (tmp / f"{name}-src.pdf").write_bytes(pdf)
    pades.sign_attachment(tmp / f"{name}-src.pdf", tmp / f"{name}.pdf", signer, org_name="Ủy ban nhân dân xã Thử",
                          when=WHEN, number_code=number)
    return (tmp / f"{name}.pdf").read_bytes()


def _incremental_update(data: bytes) -> bytes:
    """A real incremental update after the signature (a new revision that changes the catalogue)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    w = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    w.root["/Lang"] = generic.TextStringObject("en")
    w.update_root()
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def _transplant(target: bytes, donor: bytes) -> bytes:
    """``target`` carrying ``donor``'s CMS: a valid signature, by the same key, of a different PDF."""
    def contents(b: bytes) -> tuple[int, int]:
        start = b.index(b"/Contents <") + len(b"/Contents <")
        return start, b.index(b">", start)
    ts, te = contents(target)
    ds, de = contents(donor)
    assert te - ts == de - ds  # same reserved room
    return target[:ts] + donor[ds:de] + target[te:]


@pytest.fixture(scope="module")
def forms(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("forms")
    unit = make_fast_unit("13579")
    root = pki.root_authority()
    other_key = ec.generate_private_key(ec.SECP256R1())
    other = KeySigner(other_key, root.issue(pki.unit_name("Xã khác"), other_key.public_key()))
    from report_fixtures import build_snapshot

    from parDesk import reports
    reports.render_table(build_snapshot(), tmp / "table.pdf")
    table = (tmp / "table.pdf").read_bytes()
    good = _signed(table, unit.signer, tmp, "good")
    second = _signed(table, unit.signer, tmp, "second", number="16/UBND-VP")  # another PDF, same key
    variants = {
        "good": (good, None),
        "unsigned": (table, "pades.unsigned"),
        "other-signer": (_signed(table, other, tmp, "other"), "pades.other_signer"),
        "appended": (good + b"\n% appended after signing\n", "pades.not_whole"),
        "incremental": (_incremental_update(good), "pades.not_whole"),
        "other-pdf": (_transplant(good, second), "pades.broken"),
    }
    snap, fw = template_snapshot(tmp)
    return tmp, unit, variants, snap, fw


def _package(dest: Path, unit, snap, fw, pdf: bytes, version: int) -> Path:
    from parDesk.models.framework import parse_framework_bytes
    from parDesk.snapshot import snapshot_bytes
    f = parse_framework_bytes(fw)
    s = copy.deepcopy(snap)
    s["unit"]["code"], s["unit"]["name"] = unit.code, unit.name
    s["assessment"]["version"] = version
    payload = [PayloadEntry("assessment.json", snapshot_bytes(s)), PayloadEntry("framework.json", fw),
               PayloadEntry(FORM, pdf)]
    info = [("Source-Organization", unit.name), ("Unit-Code", unit.code), ("Unit-Province", "Tỉnh Mẫu"),
            ("Framework-Id", f.id), ("Framework-SHA256", f.hash), ("Assessment-Year", str(f.year)),
            ("Submission-Id", f"sub-{unit.code}"), ("Submission-Version", str(version)),
            ("Previous-Package-SHA256", "none")]
    return build_package(dest, payload, info, unit.signer, bagging_date=dt.date(2026, 1, 5), overwrite=True).path


NAMES = ["good", "unsigned", "other-signer", "appended", "incremental", "other-pdf"]


@pytest.mark.parametrize("name", NAMES)
def test_pdf_check_alone(forms, name):
    _tmp, unit, variants, _s, _f = forms
    data, key = variants[name]
    found = [p.key for p in pades.check_pdf_signatures(data, unit.cert, where=FORM)]
    assert found == ([] if key is None else [key]) or (key == "pades.broken" and key in found), found


@pytest.mark.parametrize("name", NAMES)
def test_pardesk_verify_refuses_with_the_reason(forms, name, tmp_path):
    _tmp, unit, variants, snap, fw = forms
    data, key = variants[name]
    path = _package(tmp_path / f"{name}.zip", unit, snap, fw, data, 1)
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    pem = tmp_path / "unit.pem"
    pem.write_bytes(pki.pem(unit.cert))
    for lang, said in (("vi", {"pades.unsigned": "chưa được ký số", "pades.other_signer": "không phải người ký gói",
                               "pades.not_whole": "không bao trùm toàn bộ tệp", "pades.broken": "không hợp lệ"}),
                       ("en", {"pades.unsigned": "is not signed", "pades.other_signer": "not by the package's signer",
                               "pades.not_whole": "does not cover the whole file", "pades.broken": "is not valid"})):
        proc = subprocess.run([sys.executable, "-m", "parDesk", "verify", str(path), "--lang", lang, "--pin", str(pem)],
                              capture_output=True, text=True, env=env, timeout=120)
        assert "Traceback" not in proc.stdout + proc.stderr
        if key is None:
            assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
        else:
            assert proc.returncode == 1, proc.stdout[-2000:]
            assert said[key] in proc.stdout and "data/reports/bang-tong-hop-tu-cham-diem.pdf" in proc.stdout, \
                proc.stdout[-2000:]


def test_server_intake_refuses_each_with_the_reason(forms, tmp_path):
    _tmp, unit, variants, snap, fw = forms
    service = make_service(tmp_path)
    try:
        service.frameworks.publish(fw, source="fw.json")
        register_fast(service, unit)
        for version, name in enumerate(NAMES, start=1):
            data, key = variants[name]
            path = _package(tmp_path / f"{name}.zip", unit, snap, fw, data, version)
            result = service.intake.process_package(unit.code, path, channel="tus")
            reasons = result.receipt["receipt"].get("reasons", [])
            if key is None:
                assert result.status == "accepted", reasons
                continue
            assert result.status == "refused", name
            assert key in [r["key"] for r in reasons], reasons
            r = next(r for r in reasons if r["key"] == key)
            assert r["where"] == "data/reports/bang-tong-hop-tu-cham-diem.pdf"
            assert r["vi"] != r["en"] and "Traceback" not in r["vi"] + r["en"]
    finally:
        service.close()
