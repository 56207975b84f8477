"""Shared paths and small factories for the tests."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "resources" / "frameworks" / "tiny-test.json"
SAMPLE = ROOT / "resources" / "frameworks" / "sample-xa-2025.json"


def make_pdf_bytes(text: str = "tài liệu", size: int = 0) -> bytes:
    """A small, valid-looking PDF; padded to ``size`` bytes with a comment block."""
    body = b"%PDF-1.4\n% " + text.encode("utf-8") + b"\n"
    if size > len(body):
        body += b"%" + b"x" * (size - len(body) - 7) + b"\n%%EOF\n"
    return body
