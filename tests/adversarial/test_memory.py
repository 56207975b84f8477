"""Class 7 (zip part): everything bounded before it is allocated.

A 50 MB zip whose classic end record says 1 entry while its ZIP64 end record
says 1,000,000 once cost 589 MB in ``verify``. Each hostile file below is
verified in a fresh subprocess that reads its own peak RSS (``VmHWM`` in
/proc/self/status) before and after; the bound is stated in
:data:`MAX_GROWTH`. Variants: the end records disagreeing, agreeing on a
million entries, a directory size out of proportion, a 20 MB bag-info
(declared, and a deflated one that expands), a 20 MB bag-info field, and the
real ``pardesk verify`` on the first.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib

import pytest
from kit import ROOT, assert_cli_refused, cli_verify

MAX_GROWTH = 24 * 1024 * 1024      # peak RSS growth allowed while refusing any of these (bytes)
BIG = 50 * 1024 * 1024

CHILD = r"""
import json, sys
def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
from parDesk.package.checks import verify_submission
import parDesk.package.verify, cryptography.x509  # everything imported before the baseline
base = hwm()
report = verify_submission(sys.argv[1])
print(json.dumps({"baseline": base, "peak": hwm(), "keys": [p.key for p in report.problems],
                  "messages": [p.message("en") for p in report.problems], "valid": report.valid}))
"""


def _local(name: bytes, size: int, crc: int = 0) -> bytes:
    return struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0x21, crc, size, size, len(name), 0) + name


def _central(name: bytes, size: int, offset: int, crc: int = 0) -> bytes:
    return struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 0x031E, 20, 0, 0, 0, 0x21, crc, size, size, len(name), 0, 0, 0,
                       0, 0o100644 << 16, offset) + name


def _hostile_end(tmp_path, classic_n: int, z64_n: int, cd_size_claim: int | None = None):
    """One 50 MB stored entry, its directory record, then ZIP64 + classic end records as given."""
    path = tmp_path / "hostile.zip"
    name = b"data/evidence/" + b"0" * 64 + b".pdf"
    with open(path, "wb") as fh:
        fh.write(_local(name, BIG))
        chunk = bytes(1 << 20)
        for _ in range(BIG >> 20):
            fh.write(chunk)
        cd_at = fh.tell()
        cd = _central(name, BIG, 0)
        fh.write(cd)
        z64_at = fh.tell()
        cd_size = cd_size_claim if cd_size_claim is not None else len(cd)
        fh.write(struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, z64_n, z64_n, cd_size, cd_at))
        fh.write(struct.pack("<4sLQL", b"PK\x06\x07", 0, z64_at, 1))
        fh.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, classic_n, classic_n, min(cd_size, 0xFFFFFFFF),
                             cd_at, 0))
    return path


def _bag_with(tmp_path, bag_info: bytes, method: int):
    path = tmp_path / "tagbomb.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in (("data/assessment.json", b"{}"), ("bagit.txt", b"BagIt-Version: 1.0\n"),
                           ("bag-info.txt", bag_info)):
            info = zipfile.ZipInfo(name, (2026, 1, 5, 0, 0, 0))
            info.compress_type = method if name == "bag-info.txt" else zipfile.ZIP_STORED
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            zf.writestr(info, data)
    return path


def _measure(path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, env=env,
                          timeout=300)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    out = json.loads(proc.stdout)
    growth = out["peak"] - out["baseline"]
    print(f"{path.name}: baseline {out['baseline'] >> 20} MiB, peak {out['peak'] >> 20} MiB, "
          f"growth {growth / (1 << 20):.1f} MiB, refused with {out['keys']}")
    assert not out["valid"] and out["keys"], out
    assert growth < MAX_GROWTH, (growth, out)
    return out


@pytest.mark.parametrize("classic,zip64,cd_claim,key", [
    (1, 1_000_000, None, "zip.end_mismatch"),                 # the reported attack
    (0xFFFF, 1_000_000, 46 * 1_000_000, "zip.too_many"),      # both agree on a million
    (0xFFFF, 19_000, 19_000 * 1200, "zip.end_mismatch"),      # a placeholder where no placeholder is due
    (1, 1, 1 << 40, "zip.not_canonical"),                     # ZIP64 directory size of a terabyte
])
def test_hostile_end_records_stay_bounded(tmp_path, classic, zip64, cd_claim, key):
    out = _measure(_hostile_end(tmp_path, classic, zip64, cd_claim))
    assert key in out["keys"], out


@pytest.mark.parametrize("variant", ["declared_20mb", "deflated_20mb", "field_20mb"])
def test_oversized_tag_files_and_fields_are_not_read(tmp_path, variant):
    if variant == "field_20mb":
        data, method = b"Unit-Code: 12345\nSource-Organization: " + b"x" * (20 << 20) + b"\n", zipfile.ZIP_STORED
    elif variant == "deflated_20mb":
        data, method = b"a" * (20 << 20), zipfile.ZIP_DEFLATED
    else:
        data, method = os.urandom(20 << 20), zipfile.ZIP_STORED
    out = _measure(_bag_with(tmp_path, data, method))
    assert "verify.tag_too_big" in out["keys"] or "zip.bomb" in out["keys"], out


def test_deflate_bomb_declaring_a_small_size_reads_only_the_declared_bytes(tmp_path):
    """bag-info.txt declares 1 KiB but its deflate stream inflates to 200 MB; both headers agree."""
    bomb = zlib.compressobj(9, zlib.DEFLATED, -15)
    payload = bomb.compress(b"a" * (200 << 20)) + bomb.flush()
    path = tmp_path / "inflate-bomb.zip"
    entries = [(b"bagit.txt", b"BagIt-Version: 1.0\n", 0, 19), (b"bag-info.txt", payload, 8, 1024)]
    body, central = b"", b""
    for name, data, method, usize in entries:
        offset = len(body)
        crc = zlib.crc32(data) if method == 0 else 0x12345678
        body += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 0x21, crc, len(data), usize, len(name),
                            0) + name + data
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 0x031E, 20, 0, method, 0, 0x21, crc, len(data), usize,
                               len(name), 0, 0, 0, 0, 0o100644 << 16, offset) + name
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 2, 2, len(central), len(body), 0)
    path.write_bytes(body + central + end)
    out = _measure(path)
    assert "verify.entry_corrupt" in out["keys"], out


def test_cli_on_the_reported_attack(tmp_path):
    proc = cli_verify(_hostile_end(tmp_path, 1, 1_000_000))
    assert_cli_refused(proc)
