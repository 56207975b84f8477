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
