"""Class 9: only the canonical zip parDesk writes, and only parDesk's layout of names.

Variants, generated from the genuine package's bytes: stubs prepended (sizes
and kinds), data appended (sizes, a second end record, a comment), two
packages concatenated in both orders, end-record entry counts that lie, a
ZIP64 end record injected that disagrees, each local-header field changed in
turn for several entries (name, version, flags, method, time, CRC, sizes),
the directory changed instead, and names outside the layout — every
Unicode lookalike separator and dot, case and extension games — in correctly
signed bags. Some variants go through the real ``pardesk verify``.
"""

from __future__ import annotations

import hashlib
import struct
import zipfile

import pytest
from kit import assert_cli_refused, assert_refused, cli_verify, raw_bag, verify


def _bytes(base):
    return base.path.read_bytes()


def _write(tmp_path, data: bytes, name="v.zip"):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def _refused(tmp_path, data: bytes, key: str | None = None):
    report = verify(_write(tmp_path, data))
    assert_refused(report, key=key)
    return report


@pytest.mark.parametrize("stub", [b"\x00", b"MZ" + b"\x90" * 62, b"#!/bin/sh\nexit 0\n", bytes(4096), b"PK\x03\x04"])
def test_prepended_stub(base, tmp_path, stub):
    _refused(tmp_path, stub + _bytes(base))


@pytest.mark.parametrize("tail", [b"\x00", b"x" * 100, bytes(70_000), b"PK\x05\x06" + bytes(18)])
def test_appended_data(base, tmp_path, tail):
    _refused(tmp_path, _bytes(base) + tail)


def test_comment_in_end_record(base, tmp_path):
    data = bytearray(_bytes(base))
    struct.pack_into("<H", data, len(data) - 2, 5)
    _refused(tmp_path, bytes(data) + b"hello", "zip.trailing")


@pytest.mark.parametrize("order", ["genuine_first", "genuine_last", "twice"])
def test_concatenated_packages(base, tmp_path, order):
    genuine = _bytes(base)
    other = raw_bag(base, tmp_path / "other.zip").read_bytes()
    data = {"genuine_first": genuine + other, "genuine_last": other + genuine, "twice": genuine + genuine}[order]
    _refused(tmp_path, data)


@pytest.mark.parametrize("delta", [-1, 1, 100, 0xFFFF - 12])
def test_end_record_count_lies(base, tmp_path, delta):
    data = bytearray(_bytes(base))
    n = struct.unpack_from("<H", data, len(data) - 12)[0]
    for off in (len(data) - 12, len(data) - 14):
        struct.pack_into("<H", data, off, (n + delta) & 0xFFFF)
    _refused(tmp_path, bytes(data))


@pytest.mark.parametrize("field,value", [("entries", 1_000_000), ("entries", 13), ("size", 1), ("offset", 0)])
def test_injected_zip64_end_record_that_disagrees(base, tmp_path, field, value):
    data = _bytes(base)
    eocd = data[-22:]
    _sig, _d, _cd, _n_disk, n, size, offset, _c = struct.unpack("<4s4H2LH", eocd)
    vals = {"entries": n, "size": size, "offset": offset}
    vals[field] = value
    body = data[:-22]
    z64_at = len(body)
    rec = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, vals["entries"], vals["entries"], vals["size"],
                      vals["offset"])
    loc = struct.pack("<4sLQL", b"PK\x06\x07", 0, z64_at, 1)
    report = _refused(tmp_path, body + rec + loc + eocd)
    assert {"zip.end_mismatch", "zip.not_canonical"} & {p.key for p in report.problems}


LOCAL_FIELDS = {"version": (4, "<H", 0x33), "flags": (6, "<H", 0x0808), "method": (8, "<H", 12),
                "time": (10, "<H", 0x1234), "crc": (14, "<L", 0xDEADBEEF), "csize": (18, "<L", 7),
                "usize": (22, "<L", 7)}


def _infos(data):
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.infolist()


@pytest.mark.parametrize("field", sorted(LOCAL_FIELDS))
def test_each_local_header_field_differs_from_the_directory(base, tmp_path, field):
    data = _bytes(base)
    infos = _infos(data)
    for info in (infos[0], infos[len(infos) // 2], infos[-1]):
        buf = bytearray(data)
        off, fmt, value = LOCAL_FIELDS[field]
        struct.pack_into(fmt, buf, info.header_offset + off, value)
        report = _refused(tmp_path, bytes(buf))
        assert {"zip.header_mismatch", "zip.not_canonical"} & {p.key for p in report.problems}, field


def test_local_name_differs(base, tmp_path):
    data = _bytes(base)
    for info in _infos(data)[:4]:
        buf = bytearray(data)
        pos = info.header_offset + 30
        buf[pos] = ord("D") if buf[pos] != ord("D") else ord("E")
        _refused(tmp_path, bytes(buf), "zip.header_mismatch")


@pytest.mark.parametrize("offset,fmt,value", [(16, "<L", 0), (20, "<L", 1), (24, "<L", 1), (42, "<L", 1)])
def test_central_record_changed_instead(base, tmp_path, offset, fmt, value):
    data = bytearray(_bytes(base))
    pos = data.index(b"PK\x01\x02")
    struct.pack_into(fmt, data, pos + offset, value)
    _refused(tmp_path, bytes(data))


LOOKALIKES = ["\uff0e\uff0e\uff0f", "\u2215", "\u2044", "\uff0f", "\u29f8", "\u2024\u2024/", "\u00b7", "\u200b",
              "\u202e", "\u3002"]


@pytest.mark.parametrize("sep", LOOKALIKES)
def test_unicode_lookalike_separators(base, tmp_path, sep):
    for name in (f"data/evidence/{sep}etc{sep}passwd", f"data{sep}assessment.json", f"data/reports/a{sep}b.pdf",
                 f"data/evidence/{'a' * 64}.pdf{sep}"):
        report = verify(raw_bag(base, tmp_path / "v.zip", files={name: b"%PDF-1.4 x"}))
        assert_refused(report, key="zip.bad_name")


@pytest.mark.parametrize("name", [
    "data/Assessment.json", "data/assessment.json.bak", "data/other.json", "data/evidence/notahash.pdf",
    "data/evidence/" + "A" * 64 + ".pdf", "data/evidence/" + "a" * 63 + ".pdf", "data/evidence/sub/" + "a" * 64,
    "data/reports/x.txt", "data/reports/X.PDF", "data/reports/.pdf", "data/reports/sub/x.pdf", "extra.txt",
    "data/evidence/" + "a" * 64 + ".PDF", "bagit.txt.sig", "manifest-md5.txt",
])
def test_names_outside_the_layout(base, tmp_path, name):
    report = verify(raw_bag(base, tmp_path / "v.zip", files={name: b"%PDF-1.4 x"}))
    assert_refused(report, key="zip.bad_name", where=name)


def test_what_the_builder_writes_is_in_the_layout(base):
    from parDesk.package.zipsafe import pardesk_layout

    assert all(pardesk_layout(n) is None for n in base.entries), sorted(base.entries)
    sha = hashlib.sha256(b"x").hexdigest()
    for name in (f"data/evidence/{sha}", f"data/evidence/{sha}.jpeg", "data/reports/ban-sao.signed.pdf"):
        assert pardesk_layout(name) is None, name


@pytest.mark.parametrize("variant", ["stub", "appended", "concatenated", "lookalike"])
def test_cli_refuses_non_canonical(base, tmp_path, variant):
    genuine = _bytes(base)
    if variant == "lookalike":
        path = raw_bag(base, tmp_path / "v.zip", files={"data/evidence/\u2215etc\u2215passwd": b"x"})
    else:
        data = {"stub": b"MZ" + bytes(100) + genuine, "appended": genuine + b"junk",
                "concatenated": genuine + genuine}[variant]
        path = _write(tmp_path, data)
    assert_cli_refused(cli_verify(path, "--pin", str(base.cert_pem)))
