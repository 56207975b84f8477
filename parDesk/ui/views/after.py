"""After submission: the province's appraisal beside the self score, the receipts, and answering requests.

Leaves the province asks to explain further come first, highlighted; a click
(or Enter) opens the leaf, whose panel shows every appraisal round. When the
signed version is locked and requests are waiting, one button opens a new
version (the core's ``reopen``) in which the officer answers them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parDesk.ui import operations as ops
from parDesk.ui import text
from parDesk.ui.context import AppContext
from parDesk.ui.models.appraisals import AppCol, AppraisalModel, RecCol, ReceiptModel, appraised_leaves, receipt_rows
from parDesk.ui.theme import SPACE_M, SPACE_S, icon
from parDesk.ui.views.losing import JumpTable
from parDesk.ui.views.stale import StaleUntilShown
from parDesk.workspace import Change


class AfterView(StaleUntilShown, QWidget):
    jumpToLeaf = Signal(str)
    reopened = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = AppraisalModel(self)
        self.receipts = ReceiptModel(self)
        self.sub: ops.SubmitState | None = None
        self._build()
        ctx.hub.stateChanged.connect(self.mark_stale)
        self.retranslate()

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.headline = QLabel()
        self.headline.setObjectName("bigNumber")
        self.headline.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setObjectName("muted")
        self.explain.setWordWrap(True)
        self.results_label = QLabel()  # the province's published ranking, once it arrives
        self.results_label.setObjectName("readyOk")
        self.results_label.setWordWrap(True)
        self.results_label.hide()

        self.request_bar = QWidget()
        rb = QHBoxLayout(self.request_bar)
        rb.setContentsMargins(0, 0, 0, 0)
        rb.setSpacing(SPACE_M)
        self.request_label = QLabel()
        self.request_label.setObjectName("requestBanner")
        self.request_label.setWordWrap(True)
        self.reopen_btn = QPushButton(icon("edit"), "")
        self.reopen_btn.setObjectName("primary")
        self.reopen_btn.clicked.connect(self.reopen)
        rb.addWidget(self.request_label, 1)
        rb.addWidget(self.reopen_btn)

        self.table = JumpTable()
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        hh = self.table.horizontalHeader()
        for col in AppCol:
            mode = QHeaderView.ResizeMode.Stretch if col in (AppCol.TITLE, AppCol.COMMENT) \
                else QHeaderView.ResizeMode.ResizeToContents
            hh.setSectionResizeMode(col, mode)
        self.table.activatedRow.connect(lambda row: self.jumpToLeaf.emit(self.model.code_at(row)))

        self.receipts_box = QGroupBox()
        rl = QVBoxLayout(self.receipts_box)
        rl.setSpacing(SPACE_S)
        self.receipts_table = QTableView()
        self.receipts_table.setModel(self.receipts)
        self.receipts_table.verticalHeader().hide()
        self.receipts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.receipts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.receipts_table.setAlternatingRowColors(True)
        self.receipts_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        rh = self.receipts_table.horizontalHeader()
        rh.setSectionResizeMode(RecCol.VERSION, QHeaderView.ResizeMode.ResizeToContents)
        rh.setSectionResizeMode(RecCol.PACKAGE, QHeaderView.ResizeMode.ResizeToContents)
        rh.setSectionResizeMode(RecCol.STATE, QHeaderView.ResizeMode.Stretch)
        self.no_receipts = QLabel()
        self.no_receipts.setObjectName("muted")
        self.no_receipts.setWordWrap(True)
        rl.addWidget(self.receipts_table)
        rl.addWidget(self.no_receipts)

        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_M, SPACE_M, SPACE_M, SPACE_M)
        layout.setSpacing(SPACE_S)
        layout.addWidget(self.headline)
        layout.addWidget(self.results_label)
        layout.addWidget(self.explain)
        layout.addWidget(self.request_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.receipts_box)
        layout.addWidget(self.error)

    def retranslate(self) -> None:
        self.explain.setText(self.tr("The province's appraisal of each item beside your self score. Items the "
                                     "province asks you to explain further come first. Press Enter or click a "
                                     "line to open the item."))
        self.reopen_btn.setText(self.tr("Open a new version to add the explanations"))
        self.reopen_btn.setAccessibleName(self.reopen_btn.text())
        self.receipts_box.setTitle(self.tr("Packages sent and receipts"))
        self.no_receipts.setText(self.tr("No package signed yet. The receipts from the province appear here after "
                                         "you sign and send on the Submit tab."))
        self.table.setAccessibleName(self.tr("Appraisal results"))
        self.receipts_table.setAccessibleName(self.tr("Packages sent and receipts"))
        self.model.retranslate()
        self.receipts.retranslate()
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- state -----------------------------------------------------------------
    def refresh(self) -> None:
        state = self.ctx.hub.state
        if state is not None:
            self.model.set_rows(appraised_leaves(self.ctx.workspace.framework, state.appraisals,
                                                 state.summary.totals.leaf_scores))
        self._update()
        self.reload()

    def reload(self) -> None:
        """Re-read the packages and the outbox (on the database thread)."""
        f = self.ctx.features
        from parDesk.sync.worker import published_results  # a setting the feed wrote; no network here

        self.ctx.read(published_results, self._show_results, label="results")
        if not (f.package or f.sync):
            self._receipts(None)
            return
        self.ctx.read(lambda ws: ops.read_submit_state(ws, False, f.package, f.sync), self._receipts,
                      self._show_error, label="receipts")

    def _show_results(self, res: dict[str, Any] | None) -> None:
        self.published = res
        if not res or not res.get("rank"):
            self.results_label.hide()
            return
        from decimal import Decimal, InvalidOperation

        try:
            total, percent = text.num(Decimal(res["total"])), text.percent(Decimal(res["percent"]))
        except (InvalidOperation, KeyError, TypeError):
            total, percent = str(res.get("total", "")), str(res.get("percent", ""))
        rating = res.get("rating_en") if self.ctx.lang == "en" and res.get("rating_en") else res.get("rating", "")
        self.results_label.setText(
            self.tr("Results published by the province for %1: rank %2 of %3, score %4 (%5), rating %6")
            .replace("%1", str(res.get("year", ""))).replace("%2", str(res["rank"])).replace("%3", str(res.get("of")))
            .replace("%4", total).replace("%5", percent).replace("%6", str(rating)))
        self.results_label.show()

    def _receipts(self, sub: ops.SubmitState | None) -> None:
        self.sub = sub
        self.receipts.set_rows(receipt_rows(sub.packages, sub.outbox) if sub else [])
        self._fit_receipts()
        self._update()

    def _fit_receipts(self, most: int = 5) -> None:
        """As tall as its rows (up to ``most``), so the appraisal table above gets the room."""
        view = self.receipts_table
        rows = max(1, min(self.receipts.rowCount(), most))
        row_h = view.verticalHeader().defaultSectionSize()
        view.setFixedHeight(view.horizontalHeader().sizeHint().height() + rows * row_h + 2 * view.frameWidth())

    def _update(self) -> None:
        state = self.ctx.hub.state
        appraised, requests = self.model.rowCount(), self.model.requests()
        if not appraised:
            self.headline.setText(self.tr("No appraisal results yet"))
        elif requests:
            self.headline.setText(self.tr("%n item(s) appraised", None, appraised) + " · " +
                                  self.tr("%n request(s) for a supplementary explanation", None, requests))
        else:
            self.headline.setText(self.tr("%n item(s) appraised", None, appraised) + " · " +
                                  self.tr("no request for a supplementary explanation"))
        locked = bool(state and state.locked)
        self.request_bar.setVisible(bool(requests))
        can_reopen = locked and bool(requests) and self.ctx.features.package
        self.reopen_btn.setVisible(can_reopen)
        if requests and locked:
            self.request_label.setText(self.tr("Version %1 is signed and locked. To answer the province, open a "
                                               "new version: your answers and evidence are carried over; add the "
                                               "explanations asked for, then sign and send again.")
                                       .replace("%1", str(state.version if state else "")))
        elif requests:
            self.request_label.setText(self.tr("You are working on version %1. Open each highlighted item, add the "
                                               "supplementary explanation and evidence, then sign and send this "
                                               "version on the Submit tab.")
                                       .replace("%1", str(state.version if state else "")))
        if locked and requests and not self.ctx.features.package:
            self.request_label.setText(self.request_label.text() + " " + self.tr(
                "Opening a new version is not available: this part of parDesk is missing from this installation."))
        has_receipts = self.receipts.rowCount() > 0
        self.receipts_table.setVisible(has_receipts)
        self.no_receipts.setVisible(not has_receipts)

    # -- actions -----------------------------------------------------------------
    def _show_error(self, exc: BaseException | None) -> None:
        self.error.setVisible(exc is not None)
        self.error.setText(text.error_text(exc, with_where=True) if exc is not None else "")

    def reopen(self) -> None:
        """Start version n+1 from the locked version n (the core's ``reopen``)."""
        self._show_error(None)

        def done(_change: Change) -> None:
            self.reload()
            self.reopened.emit()

        self.ctx.edit(ops.open_new_version, done, self._show_error, label="reopen")
