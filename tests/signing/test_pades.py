"""PAdES-signed forms: signed on the token in a real submission, checked by pyHanko, poppler and verify."""

from __future__ import annotations

import datetime as dt
import subprocess
import zipfile
from pathlib import Path

import images
import pki
import pytest
import softhsm
from cryptography.hazmat.primitives.asymmetric import ec

from parDesk.package.bag import PayloadEntry, build_package
from parDesk.package.checks import verify_submission
from parDesk.package.signed_forms import LETTER, SignatureImages
from parDesk.package.submission import build_submission
from parDesk.signing import pades
from parDesk.signing import pkcs11_token as T
from parDesk.signing.signer import KeySigner

FORMS = ("bang-tong-hop-tu-cham-diem.pdf", "danh-muc-tai-lieu-kiem-chung.pdf", LETTER)


def pdfsig(path: Path) -> str:
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout


def _submission(ws, signer):
    ws.set_inputs("1.1.1", {"done": True})
    SignatureImages(ws.folder / "identity").set_leader_signature(images.leader_signature_png())
    SignatureImages(ws.folder / "identity").set_seal(images.seal_png(), 36)
    return build_submission(ws, signer, allow_problems=True)


@pytest.mark.parametrize("which,padding", [("ec", None), ("rsa", "pkcs1")])
def test_forms_signed_on_the_token_valid_for_pyhanko_poppler_and_verify(tiny_ws, world, tmp_path, which, padding):
    cert = world.ec_cert if which == "ec" else world.rsa_cert
    with T.open_signer(world.module, token_label=world.token_label, pin=softhsm.PIN, rsa_padding=padding,
                       fingerprint=T.cert_info(cert).fingerprint_sha256, chain=[world.mid.cert]) as s:
        rec = _submission(tiny_ws, s)
    report = verify_submission(rec.path, trusted=[world.root.cert])
    assert report.valid, [p.message("en") for p in report.problems]
    with zipfile.ZipFile(rec.path) as zf:
        for name in FORMS:
            data = zf.read(f"data/reports/{name}")
            out = tmp_path / name
            out.write_bytes(data)
            assert pades.check_pdf_signatures(data, cert) == []  # pyHanko: intact, valid, whole file
            text = pdfsig(out)
            assert "Signature is Valid." in text and "Total document signed" in text, text
            assert "Tân Lập" in text
            # one byte changed inside the signed range: both say invalid
            broken = bytearray(data)
            i = data.index(b"stream", 2000) + 20
            broken[i] ^= 0x01
            bad = tmp_path / f"bad-{name}"
            bad.write_bytes(bytes(broken))
            assert "Signature is Valid." not in pdfsig(bad)
            assert [p.key for p in pades.check_pdf_signatures(bytes(broken), cert)] in (
                ["pades.broken"], ["pades.unreadable"])


def test_the_seal_overlaps_the_left_third_of_the_signature(tiny_ws, tmp_path):
    """Render page 1 of the signed letter with pdftoppm and find the blue and the red where Decree 30 puts them."""
    from PIL import Image

    root = pki.root_authority()
    key = ec.generate_private_key(ec.SECP256R1())
    cert = root.issue(pki.unit_name(), key.public_key())
    rec = _submission(tiny_ws, KeySigner(key, cert))
    with zipfile.ZipFile(rec.path) as zf:
        (tmp_path / "letter.pdf").write_bytes(zf.read(f"data/reports/{LETTER}"))
    subprocess.run(["pdftoppm", "-r", "100", "-f", "1", "-l", "1", "-png", tmp_path / "letter.pdf",
                    tmp_path / "page"], check=True)
    img = Image.open(next(tmp_path.glob("page*.png"))).convert("RGB")
    w, h = img.size
    blue, red = [], []
    for y in range(0, h, 2):
        for x in range(0, w, 2):
            r, g, b = img.getpixel((x, y))
            if b > 120 and r < 90 and g < 110:
                blue.append((x, y))
            elif r > 150 and g < 90 and b < 90:
                red.append((x, y))
    assert len(blue) > 60 and len(red) > 100
    bx0, bx1 = min(p[0] for p in blue), max(p[0] for p in blue)
    rx0, rx1 = min(p[0] for p in red), max(p[0] for p in red)
    assert bx0 > w / 2 - 20  # in the signature column (right half of the page)
    assert rx0 < bx0 < rx1 < bx0 + (bx1 - bx0) * 0.5  # the seal covers the signature's left part
    seal_mm = (rx1 - rx0) / 100 * 25.4
    assert 33 <= seal_mm <= 38  # real size: 36 mm
    by = sum(p[1] for p in blue) / len(blue)
    assert h * 0.3 < by < h * 0.9


def test_attachment_signature_has_no_image_and_reads_top_right(tmp_path):
    root = pki.root_authority()
    key = ec.generate_private_key(ec.SECP256R1())
    cert = root.issue(pki.unit_name(), key.public_key())
    from report_fixtures import build_snapshot

    from parDesk import reports
    reports.render_table(build_snapshot(), tmp_path / "t.pdf")
    when = dt.datetime(2025, 11, 1, 2, 30, tzinfo=dt.UTC)
    pades.sign_attachment(tmp_path / "t.pdf", tmp_path / "s.pdf", KeySigner(key, cert),
                          org_name="Ủy ban nhân dân xã Tân Lập", when=when, number_code="15/UBND-VP")
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", tmp_path / "s.pdf", "-"],
                          capture_output=True, text=True).stdout
    # pdftotext does not read annotation appearances; the appearance text is checked from the stream
    data = (tmp_path / "s.pdf").read_bytes()
    assert pades.check_pdf_signatures(data, cert) == []
    _appearance, field = pades.attachment_appearance(842, 595, "Ủy ban nhân dân xã Tân Lập", when, "15/UBND-VP")
    assert field.x1 > 842 - 60 and field.y1 > 595 - 40  # top right
    assert pades.iso_vn(when) == "2025-11-01T09:30:00+07:00"
    assert text is not None


def test_form_signed_by_someone_else_refused_in_the_package(tmp_path):
    root = pki.root_authority()
    k1, k2 = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    c1, c2 = root.issue(pki.unit_name(), k1.public_key()), root.issue(pki.unit_name("Xã khác"), k2.public_key())
    from report_fixtures import build_snapshot

    from parDesk import reports
    reports.render_table(build_snapshot(), tmp_path / "t.pdf")
    when = pki.now()
    pades.sign_attachment(tmp_path / "t.pdf", tmp_path / "other.pdf", KeySigner(k2, c2), org_name="Xã khác",
                          when=when, number_code="1")
    from parDesk.package.signed_forms import check_signed_forms
    from parDesk.package.verify import verify_package
    info = [("Unit-Code", "12345")]
    build_package(tmp_path / "p.zip", [PayloadEntry("reports/bang.pdf", tmp_path / "other.pdf")], info,
                  KeySigner(k1, c1), bagging_date=dt.date.today())
    report = verify_package(tmp_path / "p.zip", trusted=[root.cert], extra_checks=[check_signed_forms])
    assert [p.key for p in report.problems] == ["pades.other_signer"]
    # something appended after the signature: not the whole file
    data = (tmp_path / "other.pdf").read_bytes() + b"\n% appended\n"
    assert "pades.not_whole" in [p.key for p in pades.check_pdf_signatures(data, c2)]


def test_signing_works_from_a_thread_that_runs_an_event_loop(tmp_path):
    """pyHanko's synchronous API calls asyncio.run; a caller inside a running loop must still get a signature."""
    import asyncio

    root = pki.root_authority()
    key = ec.generate_private_key(ec.SECP256R1())
    cert = root.issue(pki.unit_name(), key.public_key())
    from report_fixtures import build_snapshot

    from parDesk import reports
    reports.render_table(build_snapshot(), tmp_path / "t.pdf")
    when = dt.datetime(2025, 11, 1, 2, 30, tzinfo=dt.UTC)

    async def inside_a_loop() -> None:
        pades.sign_attachment(tmp_path / "t.pdf", tmp_path / "s.pdf", KeySigner(key, cert),
                              org_name="Ủy ban nhân dân xã Tân Lập", when=when, number_code="15/UBND-VP")

    asyncio.run(inside_a_loop())
    assert pades.check_pdf_signatures((tmp_path / "s.pdf").read_bytes(), cert) == []
