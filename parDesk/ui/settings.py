"""What the window remembers between runs.

:class:`Preferences` is typed, validated in one place and stored as JSON in the
platform's config folder (language, last workspace). :class:`WindowState`
keeps only Qt's own geometry and splitter state plus the last selected item,
in ``QSettings``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from parDesk.fsutil import atomic_write_bytes
from parDesk.i18n import LANGUAGES

STORED = ("language", "last_workspace")  # the fields written to ui.json (``path`` is where, not what)


def config_dir() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("parDesk", appauthor=False))


@dataclass
class Preferences:
    language: str = "vi"
    last_workspace: str = ""
    path: Path | None = field(default=None, compare=False)  # the file it was read from and is saved to

    def validated(self) -> Preferences:
        lang = self.language if self.language in LANGUAGES else "vi"
        return Preferences(language=lang, last_workspace=str(self.last_workspace or ""), path=self.path)

    @classmethod
    def load(cls, path: Path | None = None) -> Preferences:
        path = path or config_dir() / "ui.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        values = {k: v for k, v in raw.items() if k in STORED and isinstance(v, str)}
        return cls(**values, path=path).validated()

    def save(self, path: Path | None = None) -> None:
        """Temp, fsync, rename (:func:`parDesk.fsutil.atomic_write_bytes`): a crash leaves the old file or the new."""
        path = path or self.path or config_dir() / "ui.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        good = self.validated()
        data = {name: getattr(good, name) for name in STORED}
        atomic_write_bytes(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))


class WindowState:
    """Geometry, splitter positions and the last selected item, per workspace."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qs = settings or QSettings("parDesk", "parDesk")

    @staticmethod
    def _key(workspace: Path) -> str:
        return hashlib.sha1(str(Path(workspace).resolve()).encode("utf-8")).hexdigest()[:12]

    def save_bytes(self, name: str, value: QByteArray) -> None:
        self.qs.setValue(f"window/{name}", value)

    def load_bytes(self, name: str) -> QByteArray | None:
        value = self.qs.value(f"window/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_leaf(self, workspace: Path, code: str) -> None:
        self.qs.setValue(f"workspaces/{self._key(workspace)}/leaf", code)

    def last_leaf(self, workspace: Path) -> str:
        value = self.qs.value(f"workspaces/{self._key(workspace)}/leaf", "")
        return str(value or "")

    def sync(self) -> None:
        self.qs.sync()
