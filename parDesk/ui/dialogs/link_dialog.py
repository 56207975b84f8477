"""Choose a document already in the library to link to a leaf (no second copy)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parDesk.ui.context import AppContext
from parDesk.ui.models.documents import DocCol, DocIdRole, DocumentTableModel, sorted_proxy


class LinkDialog(QDialog):
    def __init__(self, ctx: AppContext, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.code = ctx, code
        self.resize(820, 460)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.model = DocumentTableModel(self)
        self.proxy = sorted_proxy(self.model, self)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(DocCol.SUBJECT, QHeaderView.ResizeMode.Stretch)
        for col in (DocCol.ISSUER, DocCol.PAGE, DocCol.SIZE):
            self.table.hideColumn(col)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (self.intro, self.search, self.table, self.buttons):
            layout.addWidget(w)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Link an existing document"))
        self.intro.setText(self.tr("Choose documents already in the library to use as evidence for item %1 "
                                   "as well. The file is not copied again.").replace("%1", self.code))
        self.search.setPlaceholderText(self.tr("Search by name, number, issuing body or subject"))
        self.search.setAccessibleName(self.tr("Search documents"))
        self.table.setAccessibleName(self.tr("Documents in the library"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Link"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        needle, code = self.search.text(), self.code
        self.ctx.read(lambda ws: [d for d in ws.documents(search=needle) if code not in d.codes],
                      self._loaded, label="link_choices")

    def _loaded(self, rows: list) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(DocCol.SUBJECT, QHeaderView.ResizeMode.Stretch)
        if rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [int(i.data(DocIdRole)) for i in rows]
