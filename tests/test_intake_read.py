"""Evidence intake over real files: the corpus, scans through Tesseract, quality checks, search, accept."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import intake_corpus as corpus
import pytest

from parDesk.intake import ocr, read_document
from parDesk.intake.fields import Proposal

FIELDS = ("number", "issued_date", "issuer", "doc_type", "subject")
needs_ocr = pytest.mark.skipif(not ocr.status().available, reason="Tesseract with Vietnamese data is not installed")


def found(p: Proposal) -> dict[str, str]:
    return {f: getattr(p, f) for f in FIELDS}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[corpus.Spec, Path]]:
    """A fixed sample of the corpus: both renderers, letters, blank numbers and dates among them."""
    out = tmp_path_factory.mktemp("corpus")
    specs = corpus.specs(40, seed=7)
    return [(s, corpus.render(s, out / f"{s.name}.pdf")) for s in specs]


def rates(results: list[dict[str, str]]) -> dict[str, float]:
    return {f: sum(r[f] == "right" for r in results) / len(results) for f in FIELDS}


def test_born_digital_fields_are_right(sample: list[tuple[corpus.Spec, Path]]) -> None:
    results, wrong = [], []
    for spec, path in sample:
        reading = read_document(path, index_text=False)
        assert reading.proposal.source == "text"
        verdict = corpus.score(found(reading.proposal), spec.truth())
        results.append(verdict)
        wrong += [(spec.name, f, getattr(reading.proposal, f)) for f, v in verdict.items() if v == "wrong"]
    r = rates(results)
    assert all(v >= 0.97 for v in r.values()), (r, wrong)
    assert not wrong, wrong  # never a wrong value on the born-digital sample


@needs_ocr
@pytest.mark.parametrize("dpi,threshold", [(300, 0.90), (200, 0.85)])
def test_scanned_fields(sample: list[tuple[corpus.Spec, Path]], tmp_path: Path, dpi: int, threshold: float) -> None:
    results = []
    for i, (spec, path) in enumerate(sample[:6]):
        scan = corpus.rasterise(path, tmp_path / f"{spec.name}-{dpi}.pdf", dpi, seed=i)
        reading = read_document(scan, index_text=False)
        assert reading.proposal.source == "ocr"
        results.append(corpus.score(found(reading.proposal), spec.truth()))
    overall = sum(v == "right" for r in results for v in r.values()) / (len(results) * len(FIELDS))
    assert overall >= threshold, (rates(results), results)


@pytest.mark.parametrize("dpi", [0, 300, 200])
def test_header_render_is_the_top_of_the_whole_page(sample: list[tuple[corpus.Spec, Path]], tmp_path: Path,
                                                     dpi: int) -> None:
    """OCR renders only the header part of page 1: pixel for pixel the top of the whole page's render, and the
    whole page's height is what positions are measured against (born-digital and scans at 300 and 200 dpi)."""
    import pypdfium2 as pdfium
    from PIL import ImageChops

    for i, (spec, path) in enumerate(sample[:3]):
        src = corpus.rasterise(path, tmp_path / f"{spec.name}-{dpi}.pdf", dpi, seed=i) if dpi else path
        pdf = pdfium.PdfDocument(str(src))
        try:
            top, page_height = ocr.render_header(pdf[0])
            full = pdf[0].render(scale=ocr.OCR_DPI / 72, grayscale=True).to_pil()
        finally:
            pdf.close()
        assert abs(page_height - full.size[1]) <= 1 and top.size[0] == full.size[0]
        assert abs(top.size[1] - full.size[1] * ocr.HEADER_FRACTION) <= 1
        ref = full.crop((0, 0, full.size[0], top.size[1]))
        assert ImageChops.difference(top.convert("L"), ref.convert("L")).getbbox() is None


def test_tesseract_is_handed_an_uncompressed_image() -> None:
    """pytesseract writes its input in the image's format (PNG when none: ~0.8 s of zlib per page)."""
    from PIL import Image

    for mode in ("L", "RGB", "1"):
        img = ocr._uncompressed(Image.new(mode, (40, 20)))
        assert img.format == "BMP" and img.mode in ("L", "1")


def test_image_file_is_read_and_flagged(sample: list[tuple[corpus.Spec, Path]], tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    spec, path = sample[0]
    pdf = pdfium.PdfDocument(str(path))
    image = pdf[0].render(scale=300 / 72, grayscale=True).to_pil()
    pdf.close()
    png = tmp_path / "scan.png"
    image.save(png, dpi=(300, 300))
    reading = read_document(png, index_text=False)
    assert "q.image_file" in [f.key for f in reading.quality.findings]
    if ocr.status().available:
        assert reading.proposal.number == spec.number or not spec.number


def test_without_tesseract_scans_get_no_proposal_and_one_reason(sample: list[tuple[corpus.Spec, Path]],
                                                                   tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "status", lambda: ocr.OcrStatus(False, "intake.ocr_missing"))
    spec, path = sample[1]
    scan = corpus.rasterise(path, tmp_path / "scan.pdf", 200, seed=1)
    reading = read_document(scan, index_text=False)
    assert found(reading.proposal) == dict.fromkeys(FIELDS, "")
    assert reading.ocr_note == "intake.ocr_missing"
    assert "Tesseract" in reading.as_dict("vi")["ocr_note"]
    # Born-digital reading needs no OCR at all.
    assert read_document(path, index_text=False).proposal.number == spec.number


# ---------------------------------------------------------------------------
# Quality


def _keys(path: Path) -> list[str]:
    return [f.key for f in read_document(path, index_text=False).quality.findings]


def test_quality_damaged_and_not_pdf(tmp_path: Path, sample: list[tuple[corpus.Spec, Path]]) -> None:
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    assert _keys(garbage) == ["q.unopenable"]
    good = sample[0][1].read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good[: len(good) // 3])
    keys = _keys(cut)
    assert "q.unopenable" in keys or "q.damaged" in keys or keys == [], keys


def test_quality_encrypted(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt="secret")
    c.drawString(100, 700, "secret")
    c.save()
    assert _keys(path) == ["q.encrypted"]


def test_quality_blank_pages_and_low_dpi(tmp_path: Path, sample: list[tuple[corpus.Spec, Path]]) -> None:
    from PIL import Image

    blank = tmp_path / "blank.pdf"
    Image.new("L", (1654, 2339), 255).save(blank, "PDF", resolution=200)
    assert "q.all_blank" in _keys(blank)
    low = corpus.rasterise(sample[2][1], tmp_path / "low.pdf", 120, seed=3)
    findings = read_document(low, index_text=False).quality.findings
    low_dpi = [f for f in findings if f.key == "q.low_dpi"]
    assert low_dpi and low_dpi[0].params["page"] == 1 and low_dpi[0].params["dpi"] == 120
    assert "Trang 1" in low_dpi[0].text("vi") and "200 dpi" in low_dpi[0].text("vi")
    ok = corpus.rasterise(sample[2][1], tmp_path / "ok.pdf", 200, seed=3)
    assert "q.low_dpi" not in _keys(ok)
    # A blank page inside a document is a warning naming the page.
    two = tmp_path / "two.pdf"
    first = Image.new("L", (1654, 2339), 255)
    for y in range(300, 1800, 40):
        first.paste(0, (200, y, 1400, y + 12))
    first.save(two, "PDF", resolution=200, save_all=True, append_images=[Image.new("L", (1654, 2339), 255)])
    blank_finding = [f for f in read_document(two, index_text=False).quality.findings if f.key == "q.blank_page"]
    assert blank_finding and blank_finding[0].params["pages"] == "2"


def test_quality_large_file(tmp_path: Path, sample: list[tuple[corpus.Spec, Path]],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    from parDesk.intake import quality

    monkeypatch.setattr(quality, "LARGE_FILE_BYTES", 1000)
    findings = read_document(sample[0][1], index_text=False).quality.findings
    assert [f.key for f in findings] == ["q.large"]
    assert "200 dpi" in findings[0].text("vi")


def test_evidence_is_never_modified(sample: list[tuple[corpus.Spec, Path]]) -> None:
    path = sample[3][1]
    before = path.read_bytes()
    read_document(path)
    assert path.read_bytes() == before


# ---------------------------------------------------------------------------
# The workspace: search, accept, audit, reindex, warnings


@pytest.fixture
def ws(tmp_path: Path):
    from parDesk.models.framework import load_framework
    from parDesk.resources import framework_path
    from parDesk.workspace import UnitInfo, Workspace

    unit = UnitInfo(admin_code="10999", name="Ủy ban nhân dân xã Tân Lập", province="Tỉnh Mẫu")
    return Workspace.create(tmp_path / "ws", unit, load_framework(framework_path("sample-xa-2025.json")),
                            actor="Cán bộ A")


def test_search_inside_documents_with_and_without_accents(ws, sample) -> None:
    from parDesk.intake.service import search

    plans = [(s, p) for s, p in sample if s.subject.startswith("Kiểm tra công tác")]
    assert plans
    _spec, path = plans[0]
    (doc,) = ws.attach_many([("1.1.1", path)])
    for query in ("kiểm tra công tác", "kiem tra cong tac", "KIEM TRA CÔNG TÁC", "Kiểm   tra"):
        hits = search(ws, query)
        assert hits and hits[0].document_id == doc.id and hits[0].page == 1, query
        assert "[Kiểm tra" in hits[0].snippet or "[kiểm tra" in hits[0].snippet.lower()
    assert search(ws, "đường cao tốc") == []
    assert search(ws, '" OR 1=1 --') == []  # operators are literal words


def test_failed_attach_leaves_no_index_rows(ws, sample, tmp_path: Path) -> None:
    from parDesk.i18n import ParDeskError
    from parDesk.intake.service import search

    with pytest.raises(ParDeskError):
        ws.attach_many([("1.1.1", sample[0][1]), ("1.1.1", tmp_path / "missing.pdf")])
    assert search(ws, sample[0][0].subject.split()[0]) == []
    assert ws.documents() == []


def test_accept_fills_only_what_the_officer_left_empty_and_is_audited(ws, sample) -> None:
    from parDesk.intake.service import accept_proposal, read_and_record

    spec, path = next((s, p) for s, p in sample if s.number and s.date)
    (doc,) = ws.attach_many([("1.1.1", path)], issuer="Tên do cán bộ gõ")
    reading = read_and_record(ws, doc.id)
    assert reading.proposal.number == spec.number
    result = accept_proposal(ws, doc.id)
    stored = ws.document(doc.id)
    assert stored.number == spec.number
    assert stored.issued_date == spec.date.isoformat()
    assert stored.issuer == "Tên do cán bộ gõ"  # a proposal never overwrites what was typed
    assert result.kept == {"issuer": "Tên do cán bộ gõ"}
    actions = [e.action for e in ws.audit(limit=20)]
    assert "intake_confirmed" in actions and "intake_read" in actions
    entry = next(e for e in ws.audit(limit=20) if e.action == "intake_confirmed")
    detail = json.loads(entry.new)
    assert detail["from"] == "document" and detail["fields"]["number"] == spec.number
    assert "number" in detail["as_read"] and detail["edited_by_officer"] == []
    assert detail["confirmed_by"] == ws.actor
    # Accepting again changes nothing.
    assert accept_proposal(ws, doc.id).applied == {}


@pytest.mark.parametrize("edit", ["number", "subject", "issued_date"])
def test_audit_says_which_values_the_officer_edited_before_confirming(ws, sample, edit: str) -> None:
    """A value the officer corrected in the proposal is not recorded as read from the document."""
    from parDesk.intake.service import accept_proposal, proposal_for, read_and_record

    path = next(p for s, p in sample if s.number and s.date)
    (doc,) = ws.attach_many([("1.1.1", path)])
    read_and_record(ws, doc.id)
    values = dict(proposal_for(ws, doc.id) or {})
    values[edit] = {"number": "99/KH-UBND", "subject": "Sửa tay", "issued_date": "2025-12-31"}[edit]
    accept_proposal(ws, doc.id, values)
    entry = next(e for e in ws.audit(limit=20) if e.action == "intake_confirmed")
    detail = json.loads(entry.new)
    assert detail["edited_by_officer"] == [edit]
    assert edit not in detail["as_read"] and detail["as_read"]
    assert getattr(ws.document(doc.id), edit) == values[edit]


def test_reject_findings_are_readiness_warnings(ws, tmp_path: Path) -> None:
    from PIL import Image

    from parDesk.intake.service import evidence_warnings, read_and_record

    blank = tmp_path / "blank.pdf"
    Image.new("L", (1654, 2339), 255).save(blank, "PDF", resolution=200)
    (doc,) = ws.attach_many([("1.2.1", blank)])
    read_and_record(ws, doc.id)
    (warning,) = evidence_warnings(ws)
    assert "blank.pdf" in warning.message("vi") and "1.2.1" in warning.message("vi")
    assert "trắng" in warning.message("vi")
    assert "blank" in warning.message("en")


def test_cli_read_attach_accept_search_reindex(ws, sample) -> None:
    spec, path = next((s, p) for s, p in sample if s.number and s.date)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "parDesk", "-w", str(ws.folder), *args],
                              capture_output=True, text=True, timeout=120)

    r = run("--json", "evidence", "read", str(path))
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["proposal"]["number"] == spec.number
    assert data["metadata"]["issued_date"] == spec.date.isoformat()
    r = run("evidence", "read", str(path))
    assert "Đề xuất từ nội dung tài liệu" in r.stdout and spec.number in r.stdout
    r = run("--lang", "en", "evidence", "read", str(path))
    assert "Proposed from the document" in r.stdout
    r = run("--json", "evidence", "attach", "1.1.1", str(path), "--accept-proposed")
    assert r.returncode == 0, r.stderr
    (row,) = json.loads(r.stdout)
    assert row["applied"]["number"] == spec.number
    word = spec.subject.split()[0]
    r = run("--json", "evidence", "search", word)
    assert json.loads(r.stdout)[0]["page"] == 1
    r = run("--json", "check", "--reindex")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["reindexed"]["documents"] == 1
    r = run("evidence", "read", "/no/such/file.pdf")
    assert r.returncode != 0 and "Traceback" not in r.stderr


def test_validate_says_the_warnings_without_blocking(ws, tmp_path: Path) -> None:
    from PIL import Image

    from parDesk.intake.service import read_and_record

    blank = tmp_path / "blank.pdf"
    Image.new("L", (1654, 2339), 255).save(blank, "PDF", resolution=200)
    doc = ws.attach("1.2.1", blank)
    read_and_record(ws, doc.id)
    r = subprocess.run([sys.executable, "-m", "parDesk", "-w", str(ws.folder), "--json", "validate"],
                       capture_output=True, text=True, timeout=120)
    data = json.loads(r.stdout)
    assert len(data["warnings"]) == 1 and "blank.pdf" in data["warnings"][0]["message"]
    r = subprocess.run([sys.executable, "-m", "parDesk", "-w", str(ws.folder), "validate"],
                       capture_output=True, text=True, timeout=120)
    assert "Cảnh báo (1)" in r.stdout and "blank.pdf" in r.stdout


def _signed(src: Path, dest: Path, organisation: str, tmp: Path) -> Path:
    """``src`` signed (PAdES, pyHanko) with a self-signed certificate naming ``organisation``."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
                      x509.NameAttribute(NameOID.COMMON_NAME, "Văn thư")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30)).sign(key, hashes.SHA256()))
    (tmp / "k.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                  serialization.NoEncryption()))
    (tmp / "c.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    signer = signers.SimpleSigner.load(str(tmp / "k.pem"), str(tmp / "c.pem"))
    assert signer is not None
    with open(src, "rb") as fh, open(dest, "wb") as out:
        signers.sign_pdf(IncrementalPdfFileWriter(fh), signers.PdfSignatureMetadata(field_name="Sig1"),
                         signer=signer, output=out)
    return dest


def test_signed_pdf_issuer_is_also_read_from_the_certificate(sample, tmp_path: Path) -> None:
    """Signed: the certificate's organisation is given beside the printed issuer, and a mismatch is said."""
    from parDesk.intake import read_document

    spec, path = next((s, p) for s, p in sample if s.issuer.startswith("Ủy ban nhân dân"))
    same = read_document(_signed(path, tmp_path / "same.pdf", spec.issuer.upper(), tmp_path), index_text=False)
    assert same.proposal.issuer == spec.issuer and same.proposal.signer == spec.issuer.upper()
    assert "issuer_signer_differs" not in same.proposal.notes
    other = read_document(_signed(path, tmp_path / "other.pdf", "Công ty Cổ phần Ký Số", tmp_path), index_text=False)
    assert other.proposal.issuer == spec.issuer  # the printed issuer stays the proposal
    assert other.proposal.signer == "Công ty Cổ phần Ký Số"
    assert "issuer_signer_differs" in other.proposal.notes
    assert any("chứng thư" in n for n in other.as_dict("vi")["notes"])
    unsigned = read_document(path, index_text=False)
    assert unsigned.proposal.signer == "" and not unsigned.proposal.notes
