"""The package verifier's zip safety: crafted archives are refused before any content is read.

Each crafted archive is one way an attacker could reach the file system or exhaust memory
through the container itself (names, duplicates, links, bombs, encryption, overlapping entries).
Split from test_bag.py, which builds and tampers with real signed packages.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import unicodedata
import warnings
import zipfile

import pytest

from parDesk.package import ZipLimits, verify_package


def keys(report) -> list[str]:
    return [p.key for p in report.problems]

# --- zip safety ------------------------------------------------------------------

def _zip(entries: list[tuple[zipfile.ZipInfo | str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name"
        with zipfile.ZipFile(out, "w", method) as zf:
            for name, data in entries:
                zf.writestr(name, data)
    return out.getvalue()


def _symlink() -> zipfile.ZipInfo:
    info = zipfile.ZipInfo("data/link")
    info.create_system = 3
    info.external_attr = 0o120777 << 16
    return info


def _patch_central(data: bytes, index: int, offset: int, fmt: str, value: int) -> bytes:
    pos = -1
    for _ in range(index + 1):
        pos = data.index(b"PK\x01\x02", pos + 1)
    buf = bytearray(data)
    struct.pack_into(fmt, buf, pos + offset, value)
    return bytes(buf)


def _encrypted() -> bytes:
    data = _zip([("data/a.txt", b"secret")])
    data = _patch_central(data, 0, 8, "<H", 0x1)
    buf = bytearray(data)
    struct.pack_into("<H", buf, 6, 0x1)  # local header flags too
    return bytes(buf)


def _overlap() -> bytes:
    data = _zip([("data/a.txt", b"a" * 100), ("data/b.txt", b"b" * 100)], zipfile.ZIP_STORED)
    return _patch_central(data, 1, 42, "<L", 0)  # second entry points at the first's bytes


CRAFTED = {
    "dotdot": (_zip([("../evil.txt", b"x")]), "zip.bad_name"),
    "dotdot_inside": (_zip([("data/../../evil.txt", b"x")]), "zip.bad_name"),
    "absolute": (_zip([("/etc/evil", b"x")]), "zip.bad_name"),
    "drive": (_zip([("C:/evil.txt", b"x")]), "zip.bad_name"),
    "backslash": (_zip([("data\\..\\evil.txt", b"x")]), "zip.bad_name"),
    "windows_device": (_zip([("data/CON.txt", b"x")]), "zip.bad_name"),
    "empty_component": (_zip([("data//x.txt", b"x")]), "zip.bad_name"),
    "duplicate": (_zip([("data/a.txt", b"x"), ("data/a.txt", b"y")]), "zip.duplicate"),
    "case_duplicate": (_zip([("data/Tài liệu.txt", b"x"), ("data/TÀI LIỆU.txt", b"y")]), "zip.duplicate"),
    "nfc_duplicate": (_zip([(unicodedata.normalize("NFC", "data/Điều.txt"), b"x"),
                            (unicodedata.normalize("NFD", "data/Điều.txt"), b"y")]), "zip.duplicate"),
    "file_dir_clash": (_zip([("data/a", b"x"), ("data/a/b", b"y")]), "zip.file_dir_clash"),
    "symlink": (_zip([(_symlink(), b"/etc/passwd")]), "zip.symlink"),
    "bomb": (_zip([("data/zeros.txt", bytes(20 << 20))]), "zip.bomb"),
    "encrypted": (_encrypted(), "zip.encrypted"),
    "overlap": (_overlap(), "zip.overlap"),
    "bzip2": (_zip([("data/a.txt", b"x" * 100)], zipfile.ZIP_BZIP2), "zip.method"),
    "not_zip": (b"this is not a zip file at all" * 10, "zip.not_zip"),
    "truncated": (_zip([("data/a.txt", b"x" * 100)])[:-10], "zip.not_zip"),
}


@pytest.mark.parametrize("case", sorted(CRAFTED))
def test_unsafe_zips_are_refused_before_reading_content(monkeypatch, case):
    data, expected = CRAFTED[case]

    def no_reading(*args, **kwargs):
        raise AssertionError("content was read from an unsafe zip")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_reading)
    report = verify_package(io.BytesIO(data))
    assert not report.valid
    assert expected in keys(report), keys(report)
    assert report.package_sha256 == hashlib.sha256(data).hexdigest()
    for problem in report.problems:
        assert problem.message("vi") and problem.message("en")


def test_zip_limits_are_configurable():
    many = _zip([(f"data/{i}.txt", b"x") for i in range(12)])
    assert "zip.too_many" in keys(verify_package(io.BytesIO(many), limits=ZipLimits(max_entries=10)))
    big = _zip([("data/a.txt", os.urandom(5000))], zipfile.ZIP_STORED)
    assert "zip.too_big" in keys(verify_package(io.BytesIO(big), limits=ZipLimits(max_total_size=4000)))
    # the defaults let an ordinary bag through to the bag checks
    assert "verify.missing_tag" in keys(verify_package(io.BytesIO(big)))


def test_verify_reports_unreadable_file(tmp_path):
    report = verify_package(tmp_path / "nope.zip")
    assert not report.valid and keys(report) == ["verify.unreadable"]
