"""The server's service layer: one object that holds every part, for the HTTP API, the CLI and the tests.

Each seam is a part of its own, in its own module, over a shared
:class:`~parDesk.sync.server.base.ServerContext` (settings, identity,
database, storage):

============== ======================================== =====================================
attribute      what                                     module
============== ======================================== =====================================
``registry``   registrations, approval, the unit list   :mod:`~parDesk.sync.server.registry`
``tokens``     nonces, session and admin tokens         :mod:`~parDesk.sync.server.tokens`
``uploads``    tus upload state                         :mod:`~parDesk.sync.server.uploads`
``intake``     finalise, verify, receipts, USB import   :mod:`~parDesk.sync.server.intake`
``feed``       what each unit should learn              :mod:`~parDesk.sync.server.feed`
``frameworks`` frameworks the province published        :mod:`~parDesk.sync.server.frameworks`
``appraisals`` appraisal results the province imports   :mod:`~parDesk.sync.server.appraisals`
``limits``     request rate limits (unit, address)      :mod:`~parDesk.sync.server.ratelimit`
============== ======================================== =====================================

Like the app's :class:`~parDesk.workspace.Workspace`, the parts own short
sessions (one per operation, committed once) and return typed values
(dataclasses with ``to_json()`` where they go on the wire). Errors a person
can act on are :class:`~parDesk.i18n.ParDeskError` with a message key.
The appraisal desk (:mod:`parDesk.sync.server.desk`) adds its own part beside these.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypedDict

from cryptography.hazmat.primitives import serialization

from parDesk.sync import protocol
from parDesk.sync.server.appraisals import Appraisals
from parDesk.sync.server.base import ServerContext, utc_iso
from parDesk.sync.server.config import ServerConfig
from parDesk.sync.server.feed import Feed
from parDesk.sync.server.frameworks import Frameworks
from parDesk.sync.server.intake import Intake
from parDesk.sync.server.ratelimit import RateLimiter, RateLimits
from parDesk.sync.server.registry import Registry
from parDesk.sync.server.storage import PackageStorage
from parDesk.sync.server.tokens import Tokens
from parDesk.sync.server.uploads import TooManyUploads, Uploads

__all__ = ["AuthedUnit", "Hello", "RateLimiter", "ServerService", "TooManyUploads", "utc_iso"]


class Hello(TypedDict):
    """``GET /v1/hello``: who the server is (the client pins ``server_fingerprint``)."""

    protocol: str
    tus_version: str
    server_fingerprint: str
    server_cert: str
    province: str
    time: int
    max_package_bytes: int


class AuthedUnit:
    """The unit an authenticated request speaks for."""

    __slots__ = ("cert_pem", "code", "name", "signing_key_fp")

    def __init__(self, code: str, name: str, signing_key_fp: str, cert_pem: str) -> None:
        self.code, self.name, self.signing_key_fp, self.cert_pem = code, name, signing_key_fp, cert_pem


class ServerService(ServerContext):
    """The server: its context (settings, key, database, storage) and its parts."""

    def __init__(self, config: ServerConfig, storage: PackageStorage | None = None,
                 verifier: Callable[..., Any] | None = None) -> None:
        super().__init__(config, storage)
        self.limits = RateLimits.from_config(config)
        self.registry = Registry(self)
        self.tokens = Tokens(self)
        self.uploads = Uploads(self)
        self.intake = Intake(self, self.uploads, verifier)
        self.feed = Feed(self)
        self.frameworks = Frameworks(self)
        self.appraisals = Appraisals(self)
        self.uploads.reset_interrupted()
        self._desk: Any = None
        self.accept_hooks.append(self._desk_figures)

    def desk(self) -> Any:
        """The appraisal desk's core over this server (one per service: its package and figure caches)."""
        if self._desk is None:
            from parDesk.sync.server.desk.core import DeskCore

            self._desk = DeskCore(self)
        return self._desk

    def _desk_figures(self, unit_code: str, year: int) -> None:
        """A package was accepted: score it now, so no dashboard has to (issue 10's first-dashboard figure)."""
        self.desk().refresh_figures(unit_code, year)

    def close(self) -> None:
        self.intake.close()
        self.dispose()

    def hello(self) -> Hello:
        return Hello(protocol=protocol.PROTOCOL, tus_version=protocol.TUS_VERSION,
                     server_fingerprint=self.fingerprint,
                     server_cert=self.cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
                     province=self.config.province, time=int(time.time()),
                     max_package_bytes=self.config.max_package_bytes)

    def gc(self, now: int | None = None) -> int:
        """Housekeeping: expired unfinished uploads (returns how many), stale nonces and tokens."""
        removed = self.uploads.expire(now)
        self.tokens.purge(now)
        return removed
