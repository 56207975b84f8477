"""Which core features are present: the window offers only what really exists.

Signing, packaging, printing and sync are separate parts of the core; where
one is missing (a trimmed build, an import error), its buttons stay disabled
with a tooltip saying so, never a fake.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass


def _has(module: str) -> bool:
    """Whether ``module`` is installed, without importing it (start-up stays fast; it loads when used)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


@dataclass(frozen=True)
class Features:
    identity: bool = False
    package: bool = False
    reports: bool = False
    sync: bool = False

    @classmethod
    def detect(cls) -> Features:
        # Packages' own __init__ modules import their heavy dependencies: look them up, do not import them.
        return cls(identity=_has("parDesk.identity"), package=_has("parDesk.package"),
                   reports=_has("parDesk.reports"), sync=_has("parDesk.sync.worker"))

    @classmethod
    def none(cls) -> Features:
        return cls()
