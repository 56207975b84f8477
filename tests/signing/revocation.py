"""CRL and OCSP served for real on 127.0.0.1 (a thread with http.server), counting requests."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography import x509


class RevocationServer:
    def __init__(self) -> None:
        self.authorities: dict[str, object] = {}
        self.issued: dict[int, x509.Certificate] = {}
        self.hits: list[str] = []
        self.down = False
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                pass

            def _reply(self, body: bytes, ctype: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                outer.hits.append(self.path)
                slug = self.path.strip("/").removesuffix(".crl")
                if outer.down or slug not in outer.authorities:
                    self.send_error(503 if outer.down else 404)
                    return
                self._reply(outer.authorities[slug].crl(), "application/pkix-crl")

            def do_POST(self) -> None:
                outer.hits.append(self.path)
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                slug = self.path.strip("/").removesuffix("/ocsp")
                if outer.down or slug not in outer.authorities:
                    self.send_error(503 if outer.down else 404)
                    return
                self._reply(outer.authorities[slug].ocsp_response(body, outer.issued),
                            "application/ocsp-response")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def add(self, authority) -> None:
        self.authorities[authority.slug] = authority

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
