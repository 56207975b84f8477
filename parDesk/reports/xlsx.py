"""Spreadsheets, one import away: the names callers use, from the three modules that do the work.

* :mod:`.xlsx_export` — :func:`export_xlsx`, the scoring table as a live workbook;
* :mod:`.xlsx_import` — :func:`read_answers_xlsx` and :func:`describe_changes`, answers back from it;
* :mod:`.xlsx_framework` — :func:`framework_from_xlsx`, :func:`framework_to_xlsx`,
  :func:`write_framework_template` and :func:`load_framework_any`, frameworks from the template;
* :mod:`.xlsx_formulas` — the formulas, which give exactly :mod:`parDesk.scoring`'s figures.
"""

from __future__ import annotations

from parDesk.reports.xlsx_common import (
                                         _COL,
                                         _INPUTS,
                                         _L,
                                         FIRST_ROW,
                                         HASH_NAME,
                                         HEAD_ROW,
                                         SHEET_EVIDENCE,
                                         SHEET_HELP,
                                         SHEET_LISTS,
                                         SHEET_SCORES,
                                         rule_summary,
)
from parDesk.reports.xlsx_export import export_xlsx
from parDesk.reports.xlsx_formulas import NA_WORD, NO, YES
from parDesk.reports.xlsx_framework import (
                                         framework_from_xlsx,
                                         framework_to_xlsx,
                                         load_framework_any,
                                         write_framework_template,
)
from parDesk.reports.xlsx_import import describe_changes, read_answers_xlsx

__all__ = [
    "FIRST_ROW", "HASH_NAME", "HEAD_ROW", "NA_WORD", "NO", "SHEET_EVIDENCE", "SHEET_HELP", "SHEET_LISTS",
    "SHEET_SCORES", "YES", "_COL", "_INPUTS", "_L", "describe_changes", "export_xlsx", "framework_from_xlsx",
    "framework_to_xlsx", "load_framework_any", "read_answers_xlsx", "rule_summary", "write_framework_template",
]
