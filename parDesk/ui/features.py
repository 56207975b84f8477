"""Which core features have landed: the window offers only what really exists.

Packaging, signing, printing and sync are separate pieces of the core; until
one is present, its buttons stay disabled with a tooltip saying so (never a
fake). Detection is by module, so the window lights up as they land.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass


def _has(module: str, *names: str) -> bool:
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return False
    if spec is None:
        return False
    if not names:
        return True
    try:
        mod = importlib.import_module(module)
    except Exception:  # noqa: BLE001 - a half-landed module counts as absent
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
        return cls(identity=_has("parDesk.identity"),
                   package=_has("parDesk.package.builder"),
                   reports=_has("parDesk.reports.pdf"),
                   sync=_has("parDesk.sync.client"))

    @classmethod
    def none(cls) -> "Features":
        return cls()
