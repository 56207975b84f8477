"""One ``Cancelled`` for the whole program, recognised by class, never by its name."""

from __future__ import annotations

import importlib

import pytest

from parDesk.errors import Cancelled
from parDesk.i18n import ParDeskError

MODULES = ["parDesk.evidence", "parDesk.package.bag", "parDesk.package", "parDesk.reports._common", "parDesk.reports",
           "parDesk.sync.worker", "parDesk.intake.reader"]


@pytest.mark.parametrize("name", MODULES)
def test_every_layer_raises_the_core_cancel(name):
    assert importlib.import_module(name).Cancelled is Cancelled


def test_the_cancel_is_a_person_readable_error_in_both_languages():
    exc = Cancelled()
    assert isinstance(exc, ParDeskError)
    assert exc.message("vi") != exc.message("en") and "hủy" in exc.message("vi")


def test_the_window_tells_a_cancel_by_class_not_by_name():
    from parDesk.ui import workers

    assert workers.Cancelled is Cancelled
    assert workers.is_cancel(Cancelled())

    class Cancelled2(Exception):
        pass

    Cancelled2.__name__ = "Cancelled"  # a look-alike from elsewhere is not our cancel
    assert not workers.is_cancel(Cancelled2())
    assert not workers.is_cancel(ParDeskError("op.cancelled"))


def test_the_evidence_store_cancel_is_the_core_one(tiny_ws, tmp_path):
    from helpers import make_pdf_bytes

    src = tmp_path / "a.pdf"
    src.write_bytes(make_pdf_bytes())
    code = next(tiny_ws.framework.leaves()).code
    with pytest.raises(Cancelled):
        tiny_ws.attach_many([(code, src)], cancel=lambda: True)
    assert tiny_ws.documents() == []
