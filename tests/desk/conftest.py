"""Desk fixtures: a real server on 127.0.0.1 with the desk, accounts, and communes that submitted by real sync."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))

from desk_harness import Desk  # noqa: E402


@pytest.fixture
def desk(tmp_path):
    d = Desk(tmp_path)
    try:
        yield d
    finally:
        d.close()
