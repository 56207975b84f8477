"""The province's appraisal desk: web pages served by ``pardesk-server``.

Layers: :mod:`.accounts` (users, passwords, sessions, throttling),
:mod:`.core` (the desk's operations over the server database, scoring with
the core's own code), :mod:`.routes` (FastAPI + Jinja2 pages, CSRF,
authorization on every request) and :mod:`.evidence` (documents served by hash
from verified packages, with HTTP range requests).
"""

from parDesk.sync.server.desk.routes import mount_desk

__all__ = ["mount_desk"]
