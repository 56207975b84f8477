"""Printed forms (PDF in the Decree 30/2020 layout) and spreadsheets (XLSX).

Everything renders from the assessment *snapshot* — the dict frozen as
``data/assessment.json`` in a submission package — so the commune's app and
the provincial server print the same thing from the same data. Qt-free; safe
to call from a worker thread (``progress``/``cancel`` hooks on the long ones).

PDF::

    render_checklist(snapshot, out, *, lang="vi", number=None, date=None, progress=None, cancel=None)
    render_table(snapshot, out, *, lang="vi", number=None, date=None, appraisal_round=None,
                 progress=None, cancel=None)
    render_letter(snapshot, out, *, number=None, date=None, recipient=None, recipients=None, lang="vi")
    render_receipt_sheet(snapshot, out, package_hash, receipt=None, *, lang="vi")

XLSX::

    export_xlsx(snapshot, out, framework, *, lang="vi")
    read_answers_xlsx(path, framework, *, current=None) -> (changes, errors)
    describe_changes(changes, current=None, *, lang=None) -> list[str]
    framework_from_xlsx(path) -> Framework
    load_framework_any(path) -> Framework   # .json or .xlsx, told apart by content; clean refusals
    framework_to_xlsx(framework, out) / write_framework_template(out)

All writers are atomic (temp file, fsync, rename) and return
:class:`ReportResult`; all user-facing messages go through :mod:`parDesk.i18n`.
"""

from parDesk.reports._common import (
    SNAPSHOT_FORMAT,
    Cancelled,
    ReportResult,
    read_snapshot,
)
from parDesk.reports.checklist import render_checklist
from parDesk.reports.letter import render_letter
from parDesk.reports.receipt import render_receipt_sheet
from parDesk.reports.scoring_table import render_table

__all__ = [
    "SNAPSHOT_FORMAT",
    "Cancelled",
    "ReportResult",
    "read_snapshot",
    "render_checklist",
    "render_letter",
    "render_receipt_sheet",
    "render_table",
]

from parDesk.reports.xlsx import (
    describe_changes,
    export_xlsx,
    framework_from_xlsx,
    framework_to_xlsx,
    load_framework_any,
    read_answers_xlsx,
    write_framework_template,
)

__all__ += [
    "describe_changes",
    "export_xlsx",
    "framework_from_xlsx",
    "framework_to_xlsx",
    "load_framework_any",
    "read_answers_xlsx",
    "write_framework_template",
]
