"""The submission package: build, validate with standard tools, verify, tamper, zip safety."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import tracemalloc
import unicodedata
import zipfile
from pathlib import Path

import bagit
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from identity_factories import UNIT, issue, make_ca, pem

from parDesk import identity as I
from parDesk.i18n import ParDeskError
from parDesk.package import Cancelled, PayloadEntry, VerifyContext, build_package, verify_package
from parDesk.package.bag import SIGNER_FIELD

OPENSSL = shutil.which("openssl")
needs_openssl = pytest.mark.skipif(OPENSSL is None, reason="openssl CLI not installed")
DATE = dt.date(2025, 11, 1)
INFO = [("Unit-Code", "12345"), ("Unit-Name", "Ủy ban nhân dân xã Tân Lập"), ("Framework-Id", "lao-cai-xa-2025"),
        ("Assessment-Year", "2025")]


class MemoSigner:
    """A real signer whose output is memoised per content: makes whole-package determinism testable."""

    def __init__(self, inner: I.SoftwareSigner) -> None:
        self.inner = inner
        self.memo: dict[bytes, bytes] = {}

    def certificate(self):
        return self.inner.certificate()

    def sign_detached_cms(self, data: bytes) -> bytes:
        if data not in self.memo:
            self.memo[data] = self.inner.sign_detached_cms(data)
        return self.memo[data]


@pytest.fixture(scope="module")
def ident():
    key = I.generate_key("ec-p256")
    cert = I.self_signed_certificate(key, UNIT)
    return key, cert, I.SoftwareSigner(key, cert)


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    folder = tmp_path_factory.mktemp("src")
    pdf = folder / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(40_000))
    txt = folder / "ghi chú.txt"
    txt.write_text("Biên bản họp tổ công tác CCHC\n" * 200, encoding="utf-8")
    return folder


def payload(sources: Path) -> list[PayloadEntry]:
    return [
        PayloadEntry("assessment.json", b'{"unit": "12345", "total": "87,5"}'),
        PayloadEntry("evidence/" + "a" * 64 + ".pdf", sources / "scan.pdf"),
        PayloadEntry("evidence/" + "b" * 64 + ".txt", sources / "ghi chú.txt"),
        PayloadEntry("reports/Bảng tự chấm điểm.xlsx", b"PK\x03\x04" + b"x" * 3000),
        PayloadEntry("empty.txt", b""),
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory, ident, sources):
    path = tmp_path_factory.mktemp("pkg") / "12345-2025-v1.zip"
    result = build_package(path, payload(sources), INFO, ident[2], bagging_date=DATE)
    return path, result


def rewrite(src: bytes, *, replace: dict[str, bytes | None] | None = None,
            add: list[tuple[str, bytes]] = ()) -> bytes:
    """The same zip with some entries replaced / removed / added (attributes kept)."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = replace.get(info.filename, zin.read(info)) if info.filename in replace else zin.read(info)
            if data is None:
                continue
            zi = zipfile.ZipInfo(info.filename, info.date_time)
            zi.compress_type, zi.external_attr = info.compress_type, info.external_attr
            zout.writestr(zi, data)
        for name, data in add:
            zout.writestr(name, data)
    return out.getvalue()


def keys(report) -> list[str]:
    return [p.key for p in report.problems]


def tagmanifest_for(files: dict[str, bytes]) -> bytes:
    return "".join(f"{hashlib.sha256(files[n]).hexdigest()}  {n}\n"
                   for n in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")).encode()


# --- building ------------------------------------------------------------------

def test_built_package_verifies(built, ident):
    path, result = built
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert result.size == path.stat().st_size
    assert not list(path.parent.glob("*.partial"))
    report = verify_package(path)
    assert report.valid, [str(p) for p in report.problems]
    assert report.package_sha256 == result.sha256
    assert report.bag_info["Unit-Code"] == "12345"
    assert report.bag_info["Unit-Name"] == "Ủy ban nhân dân xã Tân Lập"
    assert report.bag_info["Bagging-Date"] == "2025-11-01"
    assert report.bag_info[SIGNER_FIELD] == result.signer_fingerprint
    assert report.signer == ident[1] and report.signer_info.unit_code == "12345"
    assert report.trusted is None
    assert abs(report.signing_time - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
    assert report.payload_files == 5 and report.payload_bytes == result.payload_bytes
    pinned = verify_package(path, trusted=[ident[1]])
    assert pinned.valid and pinned.trusted is True


def test_layout_order_and_compression(built):
    path, _ = built
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
    names = [i.filename for i in infos]
    assert names == ["data/assessment.json", "data/evidence/" + "a" * 64 + ".pdf",
                     "data/evidence/" + "b" * 64 + ".txt", "data/reports/Bảng tự chấm điểm.xlsx", "data/empty.txt",
                     "bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt", "signature.p7s"]
    method = {i.filename: i.compress_type for i in infos}
    assert method["data/evidence/" + "a" * 64 + ".pdf"] == zipfile.ZIP_STORED
    assert method["data/reports/Bảng tự chấm điểm.xlsx"] == zipfile.ZIP_STORED
    assert method["data/evidence/" + "b" * 64 + ".txt"] == zipfile.ZIP_DEFLATED
    assert method["data/assessment.json"] == zipfile.ZIP_DEFLATED
    for info in infos:
        assert info.date_time == (2025, 11, 1, 0, 0, 0)
        assert info.external_attr >> 16 == 0o100644 and info.create_system == 3
        assert not info.flag_bits & 0x08  # no data descriptors: headers carry sizes (Java-safe)
        assert not info.extra  # no ZIP64 extras for small entries


@pytest.mark.parametrize("key_type", I.KEY_TYPES)
def test_bagit_python_and_openssl_agree(tmp_path, sources, key_type):
    key = I.generate_key(key_type)
    cert = I.self_signed_certificate(key, UNIT)
    path = tmp_path / "p.zip"
    build_package(path, payload(sources), INFO, I.SoftwareSigner(key, cert), bagging_date=DATE)
    bag_dir = tmp_path / "unzipped"
    with zipfile.ZipFile(path) as zf:
        zf.extractall(bag_dir)
    bag = bagit.Bag(str(bag_dir))
    bag.validate()  # raises on any problem
    assert bag.info["Unit-Code"] == "12345"
    assert unicodedata.is_normalized("NFC", (bag_dir / "bag-info.txt").read_text("utf-8"))
    if OPENSSL:
        (tmp_path / "cert.pem").write_bytes(pem(cert))
        for extra in (["-noverify"], ["-CAfile", str(tmp_path / "cert.pem")]):
            subprocess.run([OPENSSL, "cms", "-verify", "-binary", "-inform", "DER",
                            "-content", str(bag_dir / "tagmanifest-sha256.txt"),
                            "-in", str(bag_dir / "signature.p7s"), "-out", os.devnull, *extra],
                           check=True, capture_output=True)


def test_deterministic(tmp_path, ident, sources):
    signer = MemoSigner(ident[2])
    a, b = tmp_path / "a.zip", tmp_path / "b.zip"
    ra = build_package(a, payload(sources), INFO, signer, bagging_date=DATE)
    rb = build_package(b, payload(sources), INFO, signer, bagging_date=DATE)
    assert a.read_bytes() == b.read_bytes() and ra.sha256 == rb.sha256
    # with a fresh real signature only signature.p7s (the last entry) differs
    c = tmp_path / "c.zip"
    build_package(c, payload(sources), INFO, ident[2], bagging_date=DATE)
    with zipfile.ZipFile(a) as zf:
        sig_offset = zf.getinfo("signature.p7s").header_offset
    assert c.read_bytes()[:sig_offset] == a.read_bytes()[:sig_offset]


@pytest.mark.parametrize("key_type", I.KEY_TYPES)
def test_reproducible_with_signing_time(tmp_path, sources, key_type):
    """Given the signing time (the frozen time), an EC-signed package is byte-identical on every build;
    RSA-PSS is salted, so there only signature.p7s differs. Both verify everywhere."""
    from cryptography.hazmat.primitives.asymmetric import ec

    from parDesk.signing.cms import DETERMINISTIC_ECDSA
    key = I.generate_key(key_type)
    cert = I.self_signed_certificate(key, UNIT)
    signer = I.SoftwareSigner(key, cert)  # a real signer, nothing memoised
    when = cert.not_valid_before_utc + dt.timedelta(minutes=1, microseconds=5)
    a, b = tmp_path / "a.zip", tmp_path / "b.zip"
    ra = build_package(a, payload(sources), INFO, signer, bagging_date=DATE, signing_time=when)
    rb = build_package(b, payload(sources), INFO, signer, bagging_date=DATE, signing_time=when)
    if isinstance(key, ec.EllipticCurvePrivateKey) and DETERMINISTIC_ECDSA:
        assert a.read_bytes() == b.read_bytes()
        assert ra.sha256 == rb.sha256 == hashlib.sha256(a.read_bytes()).hexdigest()
    else:
        with zipfile.ZipFile(a) as zf:
            sig_offset = zf.getinfo("signature.p7s").header_offset
        assert a.read_bytes()[:sig_offset] == b.read_bytes()[:sig_offset]
    for path in (a, b):
        report = verify_package(path, trusted=[cert])
        assert report.valid and report.trusted, [str(p) for p in report.problems]
        assert report.signing_time == when.replace(microsecond=0)
    bag_dir = tmp_path / "unzipped"
    with zipfile.ZipFile(a) as zf:
        zf.extractall(bag_dir)
    bagit.Bag(str(bag_dir)).validate()
    if OPENSSL:
        (tmp_path / "cert.pem").write_bytes(pem(cert))
        for extra in (["-noverify"], ["-CAfile", str(tmp_path / "cert.pem")]):
            subprocess.run([OPENSSL, "cms", "-verify", "-binary", "-inform", "DER",
                            "-content", str(bag_dir / "tagmanifest-sha256.txt"),
                            "-in", str(bag_dir / "signature.p7s"), "-out", os.devnull, *extra],
                           check=True, capture_output=True)


def test_signing_time_is_kept_inside_the_certificate(tmp_path, ident, sources):
    """State frozen before the certificate existed: the signing time is raised to notBefore, so the package
    still verifies (and is still reproducible); a future time is lowered to now."""
    cert = ident[1]
    early = cert.not_valid_before_utc - dt.timedelta(days=30)
    report = verify_package(build_package(tmp_path / "e.zip", payload(sources), INFO, ident[2], bagging_date=DATE,
                                          signing_time=early).path)
    assert report.valid, [str(p) for p in report.problems]
    assert report.signing_time == cert.not_valid_before_utc
    late = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
    report = verify_package(build_package(tmp_path / "l.zip", payload(sources), INFO, ident[2], bagging_date=DATE,
                                          signing_time=late).path)
    assert report.valid, [str(p) for p in report.problems]
    assert abs(report.signing_time - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)


def test_chain_signed_package_trusted_by_root(tmp_path, sources):
    root = make_ca("Root CA thử nghiệm")
    key = I.generate_key("rsa-3072")
    cert = issue(root, key)
    path = tmp_path / "p.zip"
    build_package(path, payload(sources), INFO, I.SoftwareSigner(key, cert, [root[0]]), bagging_date=DATE)
    report = verify_package(path, trusted=[root[0]])
    assert report.valid and report.trusted, [str(p) for p in report.problems]
    other = verify_package(path, trusted=[make_ca()[0]])
    assert not other.valid and "cms.untrusted" in keys(other)


def test_progress_reaches_total(tmp_path, ident, sources):
    calls: list[tuple[int, int]] = []
    result = build_package(tmp_path / "p.zip", payload(sources), INFO, ident[2], bagging_date=DATE,
                           progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, result.payload_bytes) and calls[-1] == (result.payload_bytes, result.payload_bytes)
    assert all(x[0] <= y[0] for x, y in itertools.pairwise(calls))


def test_cancel_leaves_nothing(tmp_path, ident, sources):
    big = tmp_path / "big.pdf"
    big.write_bytes(os.urandom(3 << 20))
    entries = payload(sources) + [PayloadEntry("evidence/big.pdf", big)]
    seen = []

    def cancel() -> bool:
        seen.append(1)
        return len(seen) > 3

    with pytest.raises(Cancelled) as err:
        build_package(tmp_path / "out" / "p.zip", entries, INFO, ident[2], bagging_date=DATE, cancelled=cancel)
    assert err.value.message("vi") == "đã hủy; không có gì bị thay đổi"  # the one cancel, parDesk.errors
    assert list((tmp_path / "out").iterdir()) == []


def test_killed_build_leaves_no_complete_looking_file(tmp_path, ident):
    key, cert, _ = ident
    (tmp_path / "key.pem").write_bytes(I.encrypt_private_key(key, "mật khẩu đủ dài", iterations=1000))
    (tmp_path / "cert.pem").write_bytes(pem(cert))
    script = textwrap.dedent(f"""
        import datetime as dt, sys, time
        from pathlib import Path
        from cryptography import x509
        from parDesk import identity as I
        from parDesk.package import PayloadEntry, build_package
        d = Path({str(tmp_path)!r})
        key = I.load_private_key((d / "key.pem").read_bytes(), "mật khẩu đủ dài")
        cert = x509.load_pem_x509_certificate((d / "cert.pem").read_bytes())
        def progress(done, total):
            if done:
                print("writing", flush=True)
                time.sleep(60)
        build_package(d / "p.zip", [PayloadEntry("evidence/x.pdf", b"%PDF" + bytes(3 << 20))],
                      [("Unit-Code", "12345")], I.SoftwareSigner(key, cert),
                      bagging_date=dt.date(2025, 1, 1), progress=progress)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            cwd=Path(I.__file__).parent.parent)
    try:
        assert proc.stdout.readline().strip() == "writing"
    finally:
        proc.send_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
        proc.wait(10)
    assert not (tmp_path / "p.zip").exists()
    partial = tmp_path / "p.zip.partial"
    assert partial.exists()  # the build was killed mid-payload: only the .partial is there
    assert not verify_package(partial).valid


def test_source_changing_during_build_is_refused(tmp_path, ident, sources):
    growing = tmp_path / "growing.txt"
    growing.write_bytes(b"a" * (2 << 20))

    def progress(done: int, total: int) -> None:
        if done and growing.stat().st_size == 2 << 20:
            with open(growing, "ab") as fh:
                fh.write(b"more")

    with pytest.raises(ParDeskError) as err:
        build_package(tmp_path / "p.zip", [PayloadEntry("x.txt", growing)], INFO, ident[2], bagging_date=DATE,
                      progress=progress)
    assert err.value.key == "package.source_changed"
    assert not (tmp_path / "p.zip").exists() and not (tmp_path / "p.zip.partial").exists()


@pytest.mark.parametrize("entries,info,key", [
    ([PayloadEntry("../evil.txt", b"x")], INFO, "package.bad_name"),
    ([PayloadEntry("a\\b.txt", b"x")], INFO, "package.bad_name"),
    ([PayloadEntry("/abs.txt", b"x")], INFO, "package.bad_name"),
    ([PayloadEntry("50%.txt", b"x")], INFO, "package.bad_name"),
    ([PayloadEntry("a.txt", b"x"), PayloadEntry("A.TXT", b"y")], INFO, "package.duplicate_name"),
    ([PayloadEntry("a", b"x"), PayloadEntry("a/b", b"y")], INFO, "package.duplicate_name"),
    ([PayloadEntry("missing.pdf", Path("/nonexistent/missing.pdf"))], INFO, "package.source_missing"),
    ([], [("Unit-Code", "99999")], "package.unit_mismatch"),
    ([], [("Unit-Name", "x")], "package.no_unit_code"),
    ([], INFO + [("Payload-Oxum", "1.1")], "package.reserved_field"),
    ([], INFO + [("Bad:Label", "x")], "package.bad_field"),
    ([], INFO + [("Note", "two\nlines")], "package.bad_field"),
])
def test_build_refusals(tmp_path, ident, entries, info, key):
    with pytest.raises(ParDeskError) as err:
        build_package(tmp_path / "p.zip", entries, info, ident[2], bagging_date=DATE)
    assert err.value.key == key
    assert list(tmp_path.iterdir()) == []


def test_build_refuses_existing_and_expired(tmp_path, ident, built):
    path, _ = built
    with pytest.raises(ParDeskError) as err:
        build_package(path, [], INFO, ident[2], bagging_date=DATE)
    assert err.value.key == "package.exists"
    key, cert, _ = ident
    later = cert.not_valid_after_utc + dt.timedelta(days=1)
    with pytest.raises(ParDeskError) as err:
        build_package(tmp_path / "p.zip", [], INFO, I.SoftwareSigner(key, cert), bagging_date=DATE, now=later)
    assert err.value.key == "identity.cert_expired"


# --- tampering -----------------------------------------------------------------

ENTRY_NAMES = ["data/assessment.json", "data/evidence/" + "a" * 64 + ".pdf", "data/evidence/" + "b" * 64 + ".txt",
               "data/reports/Bảng tự chấm điểm.xlsx", "bagit.txt", "bag-info.txt", "manifest-sha256.txt",
               "tagmanifest-sha256.txt", "signature.p7s"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(ENTRY_NAMES), where=st.floats(0, 1, exclude_max=True), mask=st.integers(1, 255))
def test_any_changed_byte_in_any_entry_is_detected(built, name, where, mask):
    original = built[0].read_bytes()
    with zipfile.ZipFile(io.BytesIO(original)) as zf:
        content = bytearray(zf.read(name))
    content[int(where * len(content))] ^= mask
    report = verify_package(io.BytesIO(rewrite(original, replace={name: bytes(content)})))
    assert not report.valid
    assert report.problems and all(isinstance(p, ParDeskError) for p in report.problems)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.floats(0, 1, exclude_max=True), mask=st.integers(1, 255))
def test_raw_byte_flips_never_crash_and_never_pass_changed_content(built, where, mask):
    """Flip a byte anywhere in the zip file itself (headers included).

    Container metadata the signature does not cover (a local header's copy of
    a size, a timestamp) may change without making the package invalid; but
    if the verdict is "valid", every entry's content must be exactly the
    original's.
    """
    original = built[0].read_bytes()
    data = bytearray(original)
    data[int(where * len(data))] ^= mask
    report = verify_package(io.BytesIO(bytes(data)))
    if report.valid:
        with zipfile.ZipFile(io.BytesIO(original)) as a, zipfile.ZipFile(io.BytesIO(bytes(data))) as b:
            assert [i.filename for i in a.infolist()] == [i.filename for i in b.infolist()]
            for info in a.infolist():
                assert a.read(info.filename) == b.read(info.filename)
    assert report.package_sha256 == hashlib.sha256(bytes(data)).hexdigest()


def test_added_and_removed_files_are_detected(built):
    original = built[0].read_bytes()
    added = verify_package(io.BytesIO(rewrite(original, add=[("data/evidence/extra.pdf", b"%PDF-1.4 new")])))
    assert not added.valid and "verify.not_in_manifest" in keys(added)
    assert any(p.where == "data/evidence/extra.pdf" for p in added.problems)
    assert "verify.oxum" in keys(added)
    tag = verify_package(io.BytesIO(rewrite(original, add=[("notes.txt", b"unsigned")])))
    assert not tag.valid and keys(tag) == ["verify.unsigned_file"]
    removed = verify_package(io.BytesIO(rewrite(original, replace={"data/assessment.json": None})))
    assert not removed.valid and "verify.missing_file" in keys(removed)
    no_sig = verify_package(io.BytesIO(rewrite(original, replace={"signature.p7s": None})))
    assert keys(no_sig) == ["verify.no_signature"]
    other_manifest = verify_package(io.BytesIO(rewrite(original, add=[("manifest-md5.txt", b"")])))
    assert "verify.unsupported_manifest" in keys(other_manifest)


def test_signature_from_another_key_is_detected(built):
    original = built[0].read_bytes()
    with zipfile.ZipFile(io.BytesIO(original)) as zf:
        tagmanifest = zf.read("tagmanifest-sha256.txt")
    # another unit's key: caught by the unit code (and the signed certificate fingerprint)
    other_unit = I.UnitSubject("Ủy ban nhân dân xã Khác", "54321", "Tỉnh Lào Cai")
    key = I.generate_key()
    sig = I.SoftwareSigner(key, I.self_signed_certificate(key, other_unit)).sign_detached_cms(tagmanifest)
    report = verify_package(io.BytesIO(rewrite(original, replace={"signature.p7s": sig})))
    assert not report.valid
    assert {"verify.unit_mismatch", "verify.signer_swapped"} <= set(keys(report))
    assert "54321" in next(p for p in report.problems if p.key == "verify.unit_mismatch").message("vi")
    # an impostor certificate with the *same* unit code: caught by the signed fingerprint in bag-info
    key = I.generate_key()
    sig = I.SoftwareSigner(key, I.self_signed_certificate(key, UNIT)).sign_detached_cms(tagmanifest)
    report = verify_package(io.BytesIO(rewrite(original, replace={"signature.p7s": sig})))
    assert keys(report) == ["verify.signer_swapped"]


def test_edited_unit_code_with_rehashed_tagmanifest_is_caught_by_the_signature(built, ident):
    original = built[0].read_bytes()
    with zipfile.ZipFile(io.BytesIO(original)) as zf:
        files = {n: zf.read(n) for n in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")}
    files["bag-info.txt"] = files["bag-info.txt"].replace(b"Unit-Code: 12345", b"Unit-Code: 12346")
    forged = rewrite(original, replace={"bag-info.txt": files["bag-info.txt"],
                                        "tagmanifest-sha256.txt": tagmanifest_for(files)})
    report = verify_package(io.BytesIO(forged))
    assert not report.valid
    assert "cms.digest_mismatch" in keys(report)  # only the signature sees the re-hashed tag manifest
    assert not {"verify.hash_mismatch"} & set(keys(report))
    assert "verify.unit_mismatch" in keys(report)


def test_extra_checks_hook(built):
    seen: list[VerifyContext] = []

    def scores_equal(ctx: VerifyContext):
        seen.append(ctx)
        assert b"87,5" in ctx.read("data/assessment.json")
        return [ParDeskError("verify.check_failed", where="data/assessment.json", detail="điểm không khớp")]

    def broken(ctx: VerifyContext):
        raise KeyError("oops")

    report = verify_package(built[0], extra_checks=[scores_equal, broken])
    assert len(seen) == 1 and seen[0].report.signer is not None
    assert [p.where for p in report.problems] == ["data/assessment.json", None]
    assert not report.valid
    assert verify_package(built[0], extra_checks=lambda ctx: []).valid


# --- resources -----------------------------------------------------------------

def test_memory_stays_flat(tmp_path, ident):
    big = tmp_path / "big.pdf"
    with open(big, "wb") as fh:
        for _ in range(24):
            fh.write(os.urandom(1 << 20))
    text = tmp_path / "big.txt"
    text.write_bytes(os.urandom(4_500_000).hex().encode())  # 9 MB of text, deflated ~2:1
    entries = [PayloadEntry("evidence/big.pdf", big), PayloadEntry("evidence/big.txt", text)]
    tracemalloc.start()
    try:
        build_package(tmp_path / "p.zip", entries, INFO, ident[2], bagging_date=DATE)
        _, build_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        report = verify_package(tmp_path / "p.zip")
        _, verify_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.valid
    assert build_peak < 8 << 20, build_peak
    assert verify_peak < 8 << 20, verify_peak


def test_verify_reads_the_package_once(tmp_path, ident, sources, monkeypatch):
    """The package SHA-256 comes from the same pass that checks the entries."""
    big = tmp_path / "big.pdf"
    big.write_bytes(os.urandom(3 << 20))
    path = tmp_path / "p.zip"
    result = build_package(path, payload(sources) + [PayloadEntry("evidence/big.pdf", big)], INFO, ident[2],
                           bagging_date=DATE)
    total = 0

    class Counting(io.FileIO):
        def readinto(self, b):
            nonlocal total
            n = super().readinto(b)
            total += n or 0
            return n

    import parDesk.package.verify as V
    monkeypatch.setattr(V, "open", lambda p, mode="rb": io.BufferedReader(Counting(p, "r")), raising=False)
    report = verify_package(path)
    assert report.valid and report.package_sha256 == result.sha256
    # one pass, plus the end record / central directory lookups (≤ 64 KiB + a few buffers)
    assert total < result.size + 200 * 1024, (total, result.size)
