"""Work-arounds for defects of the Qt binding, applied once before any widget exists.

PySide6 6.12 on CPython < 3.12 drops one reference to ``True`` on every
signal delivered to a Python slot, and one to ``None`` each time a Python
override (``QAbstractItemModel.data`` …) returns ``None``
(``tests/ui/test_compat.py`` reproduces both; 6.11.3 does not). After a few
hundred signals the interpreter aborts with "bool_dealloc: deallocating True
or False". From CPython 3.12 on these singletons are immortal and the defect
is harmless; here we give them the same immortality by raising their
reference counts far beyond anything a run can consume. Nothing else is
touched, and nothing is done where the defect cannot occur.
"""

from __future__ import annotations

import ctypes
import sys

_DONE = False
BALLAST = 1 << 48  # ~2.8e14 emissions; a reference count is a Py_ssize_t


def immortalize_bools() -> bool:
    """Make ``True``, ``False`` and ``None`` effectively immortal on CPython < 3.12; return whether it was needed."""
    global _DONE
    if _DONE or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    import PySide6

    if tuple(PySide6.__version_info__[:2]) < (6, 12):
        return False
    for value in (True, False, None):
        refcnt = ctypes.c_ssize_t.from_address(id(value))  # ob_refcnt is the first field of every object
        refcnt.value += BALLAST
    _DONE = True
    return True
