"""The selected leaf's behaviour: the answer, explanation and evidence edits of one item at a time.

The fields and what they show (the item's texts, rule, score and status,
appraisals, the locked banner) are :class:`~parDesk.ui.widgets.leaf_view.LeafView`;
this class binds them to an item and talks to the workspace through the
context. Every edit goes to the core at once; a refusal is shown beside the
field and nothing is saved.

What is on screen is what is stored. The rules that keep it so:

* every edit names the item it was typed for (the editor's own code, captured
  when the editor is built), never "the item on screen now";
* leaving an item first hands its pending edits (explanation, a typed number)
  to the core for *that* item, then binds the fields to the new item and
  shows nothing editable until the new item's stored values are loaded;
* after every accepted edit, refusal, undo and move the fields are re-read
  from the core; a refusal puts the stored value back and says it is the one
  kept ("Điểm phải theo bước 0,5; đang giữ điểm 1,5").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from parDesk.i18n import ParDeskError
from parDesk.ui import text
from parDesk.ui.changes import State
from parDesk.ui.context import AppContext
from parDesk.ui.widgets.leaf_view import LeafView
from parDesk.ui.widgets.rule_inputs import RuleEditor, make_editor
from parDesk.validation import refusal
from parDesk.workspace import AnswerView, Change, DocumentView, Workspace

EXPLANATION_DELAY_MS = 700


class LeafPanel(LeafView):
    """The selected item's behaviour: one item bound at a time, loaded, edited, saved or refused."""

    saved = Signal(str)  # code, after an accepted edit
    rejected = Signal(str, str)  # code, message
    loaded = Signal(str)  # code, once the stored answer is shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.editor: RuleEditor | None = None
        self.answer: AnswerView | None = None
        self._saved_explanation = ""
        self._expl_loaded = False  # the explanation box holds the current item's stored text (or an edit of it)
        self._focus_on_load = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(EXPLANATION_DELAY_MS)
        self._timer.timeout.connect(self.flush_explanation)
        self.explanation.textChanged.connect(self._explanation_typed)
        self.explanation.installEventFilter(self)
        self.na_box.toggled.connect(self._na_toggled)
        self.clear_btn.clicked.connect(self._clear)
        ctx.hub.stateChanged.connect(self._state_changed)
        ctx.hub.changed.connect(self._changed)
        self.setAcceptDrops(True)
        self.retranslate()
        self._show_nothing()

    # -- binding and loading a leaf -----------------------------------------------
    def show_leaf(self, code: str) -> None:
        """Bind the panel to ``code``: pending edits go to the item they were typed for, first."""
        if code == self.code:
            return
        fw = self.ctx.workspace.framework
        if code not in fw or not fw.get(code).is_leaf:
            return
        self.commit_pending()
        self.code = code
        self.leaf = fw.leaf(code)
        self.answer = None
        self.placeholder.hide()
        for w in (self.rule_box, self.answer_box, self.expl_box, self.evidence_box, self.breadcrumb):
            w.show()
        if self.editor is not None:
            old = self.editor
            old.edited.disconnect()
            old.cleared.disconnect()
            old.incomplete.disconnect()
            old.hide()
            old.deleteLater()
        self.editor = make_editor(self.leaf)
        self.editor_slot.addWidget(self.editor)
        self.editor.edited.connect(lambda inputs, c=code: self._inputs_edited(c, inputs))
        self.editor.cleared.connect(lambda c=code: self._clear_code(c))
        self.editor.incomplete.connect(self._incomplete)
        self.editor.setEnabled(False)  # until this item's stored answer is shown
        self.setTabOrder(self.na_box, self.editor)
        # The explanation and the evidence list belong to this item from now on, empty until loaded.
        self._timer.stop()
        self.explanation.blockSignals(True)
        self.explanation.setPlainText("")
        self.explanation.blockSignals(False)
        self.explanation.setReadOnly(True)
        self._saved_explanation = ""
        self._expl_loaded = False
        self.expl_error.hide()
        self.na_box.setEnabled(False)
        self.evidence.set_documents(code, [], {})
        self.na_box.setVisible(self.leaf.can_be_na)
        self.clear_btn.setVisible(self.leaf.self_scored)
        self.evidence_box.setVisible(self.leaf.self_scored or self.leaf.requires_evidence)
        self.expl_box.setEnabled(True)
        self._set_error(None)
        self.hint.hide()
        self._show_leaf_texts()
        self._show_score()
        self._show_appraisals()
        self.scroll_area.verticalScrollBar().setValue(0)
        self.reload()

    def reload(self) -> None:
        """Read the stored answer and documents of the current leaf (database thread)."""
        code = self.code
        if not code:
            return
        def query(ws: Any) -> tuple[AnswerView, list[DocumentView], dict[int, str]]:
            pages = {lk.document_id: lk.page_ref for lk in ws.links() if lk.code == code and lk.page_ref}
            return ws.answer(code), ws.documents(code=code), pages

        self.ctx.read(query, lambda result: self._loaded(code, *result), label="leaf")

    def _loaded(self, code: str, answer: AnswerView, docs: list[DocumentView],
                pages: dict[int, str] | None = None) -> None:
        if code != self.code or self.editor is None:
            return
        self.evidence.set_documents(code, docs, pages or {})
        self._answer_loaded(code, answer)

    def _answer_loaded(self, code: str, answer: AnswerView, force: bool = False, force_expl: bool = False) -> None:
        """Show ``code``'s stored answer; a field holding an edit not yet sent keeps it, unless forced.

        ``force`` re-shows the rule inputs (after an accepted or refused input edit), ``force_expl`` the
        explanation (after a refused explanation): never both, so a reply to one edit cannot wipe what is
        being typed in the other field.
        """
        if code != self.code or self.editor is None:
            return
        self.answer = answer
        self.editor.set_inputs(answer.inputs, force)
        self.na_box.blockSignals(True)
        self.na_box.setChecked(answer.not_applicable)
        self.na_box.blockSignals(False)
        self._apply_editability()
        if force_expl or not self._expl_loaded or not self.explanation_dirty():
            self._timer.stop()
            self._set_explanation_text(answer.explanation)
        self._saved_explanation = answer.explanation
        self._expl_loaded = True
        self._apply_editability()
        self._show_explanation_state()
        self._show_score()
        if self._focus_on_load:
            self._focus_on_load = False
            self.focus_first_input()
        self.loaded.emit(code)

    def _set_explanation_text(self, value: str) -> None:
        if self.explanation.toPlainText() != value:
            self.explanation.blockSignals(True)
            self.explanation.setPlainText(value)
            self.explanation.blockSignals(False)

    def explanation_dirty(self) -> bool:
        """Whether the explanation box holds text not stored for the current item yet."""
        return self._expl_loaded and self.explanation.toPlainText() != self._saved_explanation

    def _reload_answer(self, code: str, force: bool = False, force_expl: bool = False) -> None:
        self.ctx.read(lambda ws: ws.answer(code), lambda a: self._answer_loaded(code, a, force, force_expl),
                      label="answer")

    def _apply_editability(self) -> None:
        """Editable only once loaded, not while not applicable (the inputs), never in a signed version."""
        locked = self.locked()
        loaded = self.answer is not None
        if self.editor is not None:
            self.editor.setEnabled(loaded and not (self.answer is not None and self.answer.not_applicable))
            self.editor.set_read_only(locked)
        self.na_box.setEnabled(loaded and not locked)
        self.clear_btn.setEnabled(loaded and not locked)
        self.explanation.setReadOnly(locked or not self._expl_loaded)

    # -- state from the hub --------------------------------------------------
    def _state_changed(self, _state: State) -> None:
        self._show_lock()
        if self.leaf is not None:
            self._show_score()
            self._show_appraisals()

    def _show_lock(self) -> None:
        """The banner (the view's), then the editors follow it: read-only in a signed version."""
        super()._show_lock()
        self._apply_editability()

    def _changed(self, change: Change) -> None:
        if not self.code:
            return
        if change.documents or change.assessment:
            self.reload()
        elif self.code in change.codes:  # an edit or an undo of this item: its answer only, not its documents
            self._reload_answer(self.code)

    # -- edits ---------------------------------------------------------------
    def _inputs_edited(self, code: str, inputs: dict[str, Any]) -> None:
        """``code`` is the item the editor was built for, whatever is on screen when the edit arrives."""
        if code == self.code:
            self.hint.hide()
        leaf = self.ctx.workspace.framework.leaf(code)

        def op(ws: Workspace) -> Change:
            try:
                return ws.set_inputs(code, inputs)
            except ParDeskError as exc:
                raise refusal(leaf, exc, ws.answer(code).inputs) from exc
        self._edit(op, code)

    def _incomplete(self, message: str) -> None:
        self._set_error(None)
        self.hint.setText(message)
        self.hint.show()

    def _na_toggled(self, flag: bool) -> None:
        code = self.code
        if code and self._expl_loaded:
            self._edit(lambda ws: ws.set_not_applicable(code, flag), code)

    def _clear(self) -> None:
        self._clear_code(self.code)

    def _clear_code(self, code: str) -> None:
        if code:
            self._edit(lambda ws: ws.clear_inputs(code), code)

    def _edit(self, op: Any, code: str) -> None:
        """Run ``op`` for ``code``; on a refusal say why and show the stored answer again."""
        def done(_change: Change) -> None:
            if code == self.code:
                self._set_error(None)
                self._reload_answer(code, force=True)
            self.saved.emit(code)

        def failed(exc: BaseException) -> None:
            if code == self.code:
                self._set_error(text.error_text(exc))
                self._reload_answer(code, force=True)
            self.rejected.emit(code, text.error_text(exc, with_where=True))

        self.ctx.edit(op, done, failed, label="edit")

    def commit_pending(self) -> None:
        """Send what was typed for the current item and not sent yet (before leaving it, undo, closing)."""
        if self.editor is not None and self.editor.code == self.code:
            self.editor.commit_pending()
        self.flush_explanation()

    def _explanation_typed(self) -> None:
        if not self._expl_loaded or self.explanation.isReadOnly():
            return
        self._timer.start()
        self._show_explanation_state(pending=True)

    def flush_explanation(self) -> None:
        """Save the explanation now if it was edited (leaving the leaf, focus leaving it, closing the window)."""
        self._timer.stop()
        if not self.code or not self.explanation_dirty():
            self._show_explanation_state()
            return
        code = self.code
        leaf = self.ctx.workspace.framework.leaf(code)
        value = self.explanation.toPlainText()
        self._saved_explanation = value  # sent; a refusal reloads the stored text

        def op(ws: Workspace) -> Change:
            try:
                return ws.set_explanation(code, value)
            except ParDeskError as exc:
                raise refusal(leaf, exc, None, explanation=True) from exc

        def done(_change: Change) -> None:
            if code == self.code:
                self.expl_error.hide()
                self._show_explanation_state()
            self.saved.emit(code)

        def failed(exc: BaseException) -> None:
            if code == self.code:
                self.expl_error.setText(text.error_text(exc))
                self.expl_error.show()
                self._reload_answer(code, force_expl=True)
            self.rejected.emit(code, text.error_text(exc, with_where=True))

        self.ctx.edit(op, done, failed, label="explanation")

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.explanation and event.type() == QEvent.Type.FocusOut:
            self.flush_explanation()
        return super().eventFilter(obj, event)

    def focusOutEvent(self, event: Any) -> None:
        self.flush_explanation()
        super().focusOutEvent(event)

    def focus_first_input(self) -> None:
        """Focus the answer; if the item is still loading, as soon as it is shown."""
        if self.editor is None:
            return
        if self.answer is None:
            self._focus_on_load = True
            return
        widget = self.editor.focus_widget()
        if widget is not None:
            widget.setFocus()

    # -- drag and drop ---------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.code and self.evidence.add_btn.isEnabled() and event.mimeData().hasUrls() and \
                self.evidence.accepts(event.mimeData().urls()):
            event.acceptProposedAction()
            self._drop_highlight(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._drop_highlight(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._drop_highlight(False)
        paths = self.evidence.accepts(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if paths and self.code:
            event.acceptProposedAction()
            self.evidence.attach_paths(paths)
        else:
            event.ignore()

    def attach(self, paths: list[Path]) -> None:
        self.evidence.attach_paths(paths)
