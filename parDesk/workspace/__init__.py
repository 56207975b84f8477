"""The service layer: one workspace folder, every operation a user can do.

The window, the CLI, the package builder and the tests all call
:class:`Workspace`; none of them builds SQL or computes a score. Each
operation opens one short session, commits once (with its audit rows in the
same transaction) and returns plain values plus a :class:`Change` saying what
changed, which the window turns into a Qt signal.

The class is assembled from parts, one module per family of operations, so a
reader can open the one that matters without the other nine hundred lines:

=============================  ===============================================
:mod:`.values`                 the frozen values handed out (``Change``,
                               ``AnswerView``, ``DocumentView``, ``UnitInfo``,
                               ``Summary``) and their helpers
:mod:`.base`                   folder, engines, sessions, the audit row;
                               settings, unit, frameworks, lock, new version
:mod:`.answers`                inputs, N/A, explanations, spreadsheet import
:mod:`.undo`                   undo / redo of named commands
:mod:`.documents`              evidence: attach, link, detach, metadata, library
:mod:`.results`                summary, validation, audit log, appraisals
=============================  ===============================================

The house rule holds for the package as a whole: nothing outside
``parDesk/workspace/`` touches a ``Workspace`` private (an attribute whose
name starts with an underscore); ``tests/test_public_surface.py`` greps for it. Import from here
(``from parDesk.workspace import Workspace, Change``), not from the parts:
which part holds a name is an implementation detail.
"""

from __future__ import annotations

from parDesk.workspace.documents import DocumentsMixin
from parDesk.workspace.results import ResultsMixin
from parDesk.workspace.undo import UndoMixin
from parDesk.workspace.values import (
    DB_NAME,
    DOC_FIELDS,
    IDENTITY_DIR,
    MAX_TEXT,
    AnswerView,
    Change,
    DocumentView,
    Summary,
    UnitInfo,
    default_workspace,
    fold,
    now_iso,
    parse_date,
)

__all__ = [
    "DB_NAME",
    "DOC_FIELDS",
    "IDENTITY_DIR",
    "MAX_TEXT",
    "AnswerView",
    "Change",
    "DocumentView",
    "Summary",
    "UnitInfo",
    "Workspace",
    "default_workspace",
    "fold",
    "now_iso",
    "parse_date",
]


class Workspace(UndoMixin, DocumentsMixin, ResultsMixin):
    """A workspace folder opened for work. Cheap to open; holds no session.

    Open one with ``Workspace(folder)`` or make one with :meth:`Workspace.create`;
    see :mod:`parDesk.workspace.base` for the folder layout and the threading rule.
    """
