"""PAdES B-T: a form signed with a timestamp authority configured carries an RFC 3161 timestamp from a TSA
on 127.0.0.1 (pyHanko's validator reads and checks it; poppler's pdfsig still calls the signature valid);
a TSA that does not answer is a clear error and nothing is written."""

from __future__ import annotations

import datetime as dt
import io
import socket
import subprocess

import pki
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from tsa import TimestampAuthority

from parDesk.i18n import ParDeskError
from parDesk.signing import pades
from parDesk.signing.signer import KeySigner

WHEN = dt.datetime(2026, 1, 5, 1, 0, tzinfo=dt.UTC)


@pytest.fixture()
def setup(tmp_path):
    from report_fixtures import build_snapshot

    from parDesk import reports
    root = pki.root_authority()
    key = ec.generate_private_key(ec.SECP256R1())
    signer = KeySigner(key, root.issue(pki.unit_name(), key.public_key()))
    reports.render_table(build_snapshot(), tmp_path / "t.pdf")
    return root, signer, tmp_path


def test_signed_with_a_tsa_carries_its_timestamp(setup):
    root, signer, tmp = setup
    with TimestampAuthority(root) as tsa:
        pades.sign_attachment(tmp / "t.pdf", tmp / "s.pdf", signer, org_name="Ủy ban nhân dân xã Thử", when=WHEN,
                              number_code="15/UBND-VP", tsa_url=tsa.url)
        assert tsa.requests >= 1
    data = (tmp / "s.pdf").read_bytes()
    assert pades.check_pdf_signatures(data, signer.certificate()) == []
    from asn1crypto import x509 as ax509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext
    sig = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures[0]
    unsigned = [a["type"].native for a in sig.signer_info["unsigned_attrs"]]
    assert "signature_time_stamp_token" in unsigned, unsigned  # the RFC 3161 token, B-T
    vc = ValidationContext(trust_roots=[ax509.Certificate.load(root.cert.public_bytes(serialization.Encoding.DER))])
    status = validate_pdf_signature(sig, vc, ts_validation_context=vc)
    assert status.intact and status.valid and status.timestamp_validity is not None
    assert status.timestamp_validity.intact and status.timestamp_validity.valid
    assert status.timestamp_validity.trusted
    out = subprocess.run(["pdfsig", str(tmp / "s.pdf")], capture_output=True, text=True).stdout
    assert "Signature is Valid." in out and "Total document signed" in out, out
    assert "ETSI.CAdES.detached" in out
    # pdfsig (poppler 22–24) validates the signature with its timestamp attribute in place but does not print
    # the timestamp token; its presence and validity are read by pyHanko above


def test_tsa_unreachable_is_a_clear_error_and_nothing_written(setup):
    _root, signer, tmp = setup
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nobody listens there
    with pytest.raises(ParDeskError) as e:
        pades.sign_attachment(tmp / "t.pdf", tmp / "s.pdf", signer, org_name="Ủy ban nhân dân xã Thử", when=WHEN,
                              number_code="15/UBND-VP", tsa_url=f"http://127.0.0.1:{port}/tsa")
    assert e.value.key == "pades.tsa", e.value
    assert "dấu thời gian" in e.value.message("vi") and "timestamp" in e.value.message("en")
    assert not (tmp / "s.pdf").exists()


class _BadTsa:
    """A "timestamp server" on 127.0.0.1 that answers wrongly, one way per test: status, content type, body."""

    def __init__(self, status: int, content_type: str, body: bytes) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        outer = self
        self.requests = 0

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                outer.requests += 1
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/tsa"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> _BadTsa:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _rejection() -> bytes:
    """TimeStampResp { status { rejection, "policy" } } with no token (asn1crypto will not build one without)."""
    policy = b"\x0c\x06policy"
    status_info = b"\x02\x01\x02" + b"\x30" + bytes([len(policy)]) + policy
    inner = b"\x30" + bytes([len(status_info)]) + status_info
    return b"\x30" + bytes([len(inner)]) + inner


# (status, content type, body) → the reason key the person reads
BAD_ANSWERS = {
    "garbage, right content type": (200, "application/timestamp-reply", b"\x00\xffnot DER at all" * 7, "tsa.garbage"),
    "garbage, html": (200, "text/html", b"<html>captive portal</html>", "tsa.garbage"),
    "DER but not a TimeStampResp": (200, "application/timestamp-reply", bytes.fromhex("300602010102010a"),
                                    "tsa.garbage"),
    "empty body": (200, "application/timestamp-reply", b"", "tsa.garbage"),
    "HTTP 500 page": (500, "text/html", b"<h1>Internal Server Error</h1>", "tsa.http_status"),
    "HTTP 500 with a reply type": (500, "application/timestamp-reply", b"\x30\x00", "tsa.http_status"),
    "HTTP 503": (503, "text/plain", b"busy", "tsa.http_status"),
    "HTTP 404": (404, "text/plain", b"no such path", "tsa.http_status"),
    "the TSA refuses": (200, "application/timestamp-reply", _rejection(), "tsa.refused"),
}


@pytest.mark.parametrize("case", list(BAD_ANSWERS))
def test_a_tsa_answering_wrongly_is_told_by_its_failure_not_by_words_and_nothing_is_written(setup, case):
    _root, signer, tmp = setup
    status, ctype, body, reason = BAD_ANSWERS[case]
    with _BadTsa(status, ctype, body) as tsa, pytest.raises(ParDeskError) as e:
        pades.sign_attachment(tmp / "t.pdf", tmp / "s.pdf", signer, org_name="Ủy ban nhân dân xã Thử", when=WHEN,
                              number_code="15/UBND-VP", tsa_url=tsa.url)
    assert tsa.requests >= 1
    assert e.value.key == "pades.tsa", e.value
    assert e.value.params["detail"].key == reason, e.value.message("en")
    vi, en = e.value.message("vi"), e.value.message("en")
    assert tsa.url in vi and tsa.url in en
    assert "dấu thời gian" in vi and "timestamp" in en
    from parDesk.i18n import t
    assert t(reason, "vi", status=status) in vi and t(reason, "en", status=status) in en  # the reason, each language
    if reason == "tsa.http_status":
        assert str(status) in vi and str(status) in en
    assert "Traceback" not in vi + en and "TimestampRequestError" not in vi + en
    assert not (tmp / "s.pdf").exists()


@pytest.mark.parametrize("port_kind", ["nobody listens", "the discard port"])
def test_an_unreachable_tsa_names_the_reason_unreachable(setup, port_kind):
    _root, signer, tmp = setup
    if port_kind == "nobody listens":
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        sock.close()
    else:
        port = 9
    with pytest.raises(ParDeskError) as e:
        pades.sign_attachment(tmp / "t.pdf", tmp / "s.pdf", signer, org_name="Ủy ban nhân dân xã Thử", when=WHEN,
                              number_code="15/UBND-VP", tsa_url=f"http://127.0.0.1:{port}/tsa")
    assert e.value.key == "pades.tsa" and e.value.params["detail"].key == "tsa.unreachable"
    assert "không kết nối được" in e.value.message("vi") and "cannot be reached" in e.value.message("en")
    assert not (tmp / "s.pdf").exists()


def test_an_error_that_merely_mentions_a_timestamp_is_not_called_a_tsa_failure(setup):
    """The old mapping matched the word "timestamp" in any message; a signer failing so is the signer's error."""
    _root, _signer, tmp = setup

    class _Failing(KeySigner):
        def sign_message(self, message: bytes) -> bytes:
            raise RuntimeError("timestamp of the token's clock is off")

    key = ec.generate_private_key(ec.SECP256R1())
    failing = _Failing(key, pki.root_authority().issue(pki.unit_name(), key.public_key()))
    with TimestampAuthority(pki.root_authority()) as tsa, pytest.raises(RuntimeError, match="token's clock"):
        pades.sign_attachment(tmp / "t.pdf", tmp / "s.pdf", failing, org_name="Ủy ban nhân dân xã Thử", when=WHEN,
                              number_code="15/UBND-VP", tsa_url=tsa.url)
    assert not (tmp / "s.pdf").exists()
