"""An RFC 3161 timestamp authority on 127.0.0.1: pyHanko's own test TSA (DummyTimeStamper) behind http.server.

The TSA certificate is issued by the test root with the critical extendedKeyUsage timeStamping, as RFC 3161
§2.3 requires; requests are DER TimeStampReq over HTTP POST (application/timestamp-query).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from asn1crypto import keys as akeys
from asn1crypto import tsp
from asn1crypto import x509 as ax509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


class TimestampAuthority:
    def __init__(self, root: Any) -> None:
        from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
        key = rsa.generate_private_key(65537, 2048)  # pyHanko's test TSA signs with RSA only
        now = dt.datetime.now(dt.UTC)
        cert = (x509.CertificateBuilder()
                .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "TSA thử nghiệm")]))
                .issuer_name(root.cert.subject).public_key(key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=365))
                .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
                .sign(root.key, hashes.SHA256()))
        self.cert = cert
        self.stamper = DummyTimeStamper(
            tsa_cert=ax509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
            tsa_key=akeys.PrivateKeyInfo.load(key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())))
        self.requests = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                req = tsp.TimeStampReq.load(body)
                resp = asyncio.run(outer.stamper.async_request_tsa_response(req))
                data = resp.dump()
                outer.requests += 1
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/tsa"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> TimestampAuthority:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
