"""Where the shipped resources (fonts, frameworks, icons, translations) live.

From a source checkout or an editable install they are ``<repo>/resources``;
in the PyInstaller build they sit next to the program (``sys._MEIPASS``).
``PARDESK_RESOURCES`` overrides both, for packagers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    env = os.environ.get("PARDESK_RESOURCES")
    if env:
        return Path(env)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def framework_path(name: str) -> Path:
    return resources_dir() / "frameworks" / name


def font_path(name: str) -> Path:
    return resources_dir() / "fonts" / name
