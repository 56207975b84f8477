"""Which core features are present: the window offers only what really exists.

Signing, packaging, printing and sync are separate parts of the core; where
one is missing (a trimmed build, an import error), its buttons stay disabled
with a tooltip saying so, never a fake.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass


def _has(module: str, *names: str) -> bool:
    try:
        mod = importlib.import_module(module)
    except Exception:  # noqa: BLE001 - a missing or half-installed feature counts as absent
        return False
    return all(hasattr(mod, n) for n in names)


@dataclass(frozen=True)
class Features:
    identity: bool = False
    package: bool = False
    reports: bool = False
    sync: bool = False

    @classmethod
    def detect(cls) -> "Features":
        return cls(identity=_has("parDesk.identity", "IdentityStore"),
                   package=_has("parDesk.package.submission", "build_submission", "reopen"),
                   reports=_has("parDesk.reports", "render_checklist", "render_table", "export_xlsx"),
                   sync=_has("parDesk.sync.worker", "SyncWorker"))

    @classmethod
    def none(cls) -> "Features":
        return cls()
