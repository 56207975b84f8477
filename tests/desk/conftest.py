"""Desk fixtures: a real server on 127.0.0.1 with the desk, accounts, and communes that submitted by real sync."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))

from desk_harness import Desk


@pytest.fixture(scope="session")
def desk_template(tmp_path_factory):
    """Two communes registered and submitted by real sync, accounts, areas: built once, copied per test."""
    d = Desk(tmp_path_factory.mktemp("desk-template"))
    try:
        yield d
    finally:
        d.close()


@pytest.fixture
def desk(tmp_path, desk_template):
    d = Desk(tmp_path, template=desk_template)
    try:
        yield d
    finally:
        d.close()
