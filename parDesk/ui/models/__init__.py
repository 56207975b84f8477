"""Item models over the core's light rows (codes, document views, problems), usable without a view."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

ROOT = QModelIndex()
"""The invalid index: the parent of top-level rows. One shared value (it is never changed), the default of
``rowCount``/``columnCount``/``index`` instead of a ``QModelIndex()`` built in each signature."""
