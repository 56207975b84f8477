"""The selected leaf: what it asks, how it is scored, the answer, explanation, evidence, appraisal.

Layout is built in :meth:`LeafPanel._build`; behaviour (talking to the
workspace through the context) is in the methods below it. Every edit goes to
the core at once; a refusal is shown beside the field and nothing is saved.

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

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from parDesk.i18n import ParDeskError
from parDesk.models.framework import Leaf
from parDesk.ui import text
from parDesk.ui.changes import State
from parDesk.ui.context import AppContext
from parDesk.ui.models.tree import display_status
from parDesk.ui.theme import SPACE_L, SPACE_M, SPACE_S, icon, status_icon
from parDesk.ui.widgets.evidence_panel import EvidencePanel
from parDesk.ui.widgets.rule_inputs import RuleEditor, make_editor
from parDesk.validation import refusal
from parDesk.workspace import AnswerView, Change, DocumentView, Workspace

EXPLANATION_DELAY_MS = 700


class LeafPanel(QWidget):
    saved = Signal(str)  # code, after an accepted edit
    rejected = Signal(str, str)  # code, message
    loaded = Signal(str)  # code, once the stored answer is shown
    reopenRequested = Signal()  # the locked banner's one action: open version n+1

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code = ""
        self.leaf: Leaf | None = None
        self.editor: RuleEditor | None = None
        self.answer: AnswerView | None = None
        self._saved_explanation = ""
        self._expl_loaded = False  # the explanation box holds the current item's stored text (or an edit of it)
        self._focus_on_load = False
        self._build()
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

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.lock_bar = QFrame()
        lb = QHBoxLayout(self.lock_bar)
        lb.setContentsMargins(SPACE_L, SPACE_S, SPACE_L, SPACE_S)
        self.lock_label = QLabel()
        self.lock_label.setObjectName("banner")
        self.lock_label.setWordWrap(True)
        self.reopen_btn = QPushButton(icon("edit"), "")
        self.reopen_btn.clicked.connect(self.reopenRequested)
        lb.addWidget(self.lock_label, 1)
        lb.addWidget(self.reopen_btn)
        self.lock_bar.hide()
        outer.addWidget(self.lock_bar)
        outer.addWidget(self.scroll_area)
        body = QWidget()
        body.setObjectName("leafBody")
        self.scroll_area.setWidget(body)
        col = QVBoxLayout(body)
        col.setContentsMargins(SPACE_L, SPACE_M, SPACE_L, SPACE_L)
        col.setSpacing(SPACE_M)

        head = QHBoxLayout()
        self.status_icon = QLabel()
        self.code_label = QLabel()
        self.code_label.setObjectName("leafCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label = QLabel()
        self.title_label.setObjectName("leafTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.status_icon, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.code_label, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.title_label, 1)
        col.addLayout(head)
        self.breadcrumb = QLabel()
        self.breadcrumb.setObjectName("breadcrumb")
        self.breadcrumb.setWordWrap(True)
        col.addWidget(self.breadcrumb)
        self.request_banner = QLabel()
        self.request_banner.setObjectName("banner")
        self.request_banner.setWordWrap(True)
        col.addWidget(self.request_banner)

        self.rule_box = QGroupBox()
        rb = QVBoxLayout(self.rule_box)
        self.max_label = QLabel()
        self.max_label.setStyleSheet("font-weight: bold;")
        self.rule_desc = QLabel()
        self.rule_words = QLabel()
        self.rule_words.setObjectName("muted")
        self.guidance = QLabel()
        self.hints = QLabel()
        for w in (self.rule_desc, self.rule_words, self.guidance, self.hints):
            w.setWordWrap(True)
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for w in (self.max_label, self.rule_desc, self.rule_words, self.guidance, self.hints):
            rb.addWidget(w)
        col.addWidget(self.rule_box)

        self.answer_box = QGroupBox()
        ab = QVBoxLayout(self.answer_box)
        ab.setSpacing(SPACE_S)
        self.na_box = QCheckBox()
        ab.addWidget(self.na_box)
        self.editor_slot = QVBoxLayout()
        ab.addLayout(self.editor_slot)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.field_error = QLabel()
        self.field_error.setObjectName("fieldError")
        self.field_error.setWordWrap(True)
        self.field_error.setAccessibleName("error")
        ab.addWidget(self.hint)
        ab.addWidget(self.field_error)
        score_row = QHBoxLayout()
        self.score_caption = QLabel()
        self.score_value = QLabel()
        self.score_value.setObjectName("scoreValue")
        self.clear_btn = QPushButton(icon("clear"), "")
        score_row.addWidget(self.score_caption)
        score_row.addWidget(self.score_value)
        score_row.addStretch(1)
        score_row.addWidget(self.clear_btn)
        ab.addLayout(score_row)
        self.problems = QLabel()
        self.problems.setObjectName("muted")
        self.problems.setWordWrap(True)
        ab.addWidget(self.problems)
        col.addWidget(self.answer_box)

        self.expl_box = QGroupBox()
        eb = QVBoxLayout(self.expl_box)
        self.explanation = QPlainTextEdit()
        self.explanation.setTabChangesFocus(True)
        self.explanation.setMinimumHeight(64)
        self.explanation.setMaximumHeight(110)
        self.expl_state = QLabel()
        self.expl_state.setObjectName("caption")
        self.expl_error = QLabel()
        self.expl_error.setObjectName("fieldError")
        self.expl_error.setWordWrap(True)
        self.expl_error.hide()
        eb.addWidget(self.explanation)
        eb.addWidget(self.expl_state)
        eb.addWidget(self.expl_error)
        col.addWidget(self.expl_box)

        self.evidence_box = QGroupBox()
        self.evidence_box.setObjectName("dropZone")
        vb = QVBoxLayout(self.evidence_box)
        self.evidence = EvidencePanel(self.ctx)
        vb.addWidget(self.evidence)
        col.addWidget(self.evidence_box)

        self.appraisal_box = QGroupBox()
        self.appraisal_layout = QVBoxLayout(self.appraisal_box)
        self.appraisal_text = QLabel()
        self.appraisal_text.setWordWrap(True)
        self.appraisal_text.setTextFormat(Qt.TextFormat.RichText)
        self.appraisal_layout.addWidget(self.appraisal_text)
        col.addWidget(self.appraisal_box)
        col.addStretch(1)

        self.placeholder = QLabel()
        self.placeholder.setObjectName("hint")
        col.addWidget(self.placeholder)
        self.setTabOrder(self.na_box, self.explanation)

    def retranslate(self) -> None:
        self.rule_box.setTitle(self.tr("How it is scored"))
        self.answer_box.setTitle(self.tr("Self-assessment"))
        self.expl_box.setTitle(self.tr("Explanation (giải trình)"))
        self.evidence_box.setTitle(self.tr("Evidence documents (tài liệu kiểm chứng)"))
        self.appraisal_box.setTitle(self.tr("Appraisal by the province"))
        self.na_box.setText(self.tr("&Not applicable to our unit"))
        self.na_box.setToolTip(self.tr("The item's points leave the unit's maximum; explain why below."))
        self.score_caption.setText(self.tr("Score:"))
        self.clear_btn.setText(self.tr("C&lear answer"))
        self.clear_btn.setToolTip(self.tr("Remove the inputs of this item (can be undone)"))
        self.explanation.setPlaceholderText(self.tr("How the score was reached, where the evidence is, or why "
                                                    "it is missing. Saved automatically."))
        self.explanation.setAccessibleName(self.tr("Explanation"))
        self.placeholder.setText(self.tr("Choose an item in the tree on the left."))
        self.setAccessibleName(self.tr("Selected item"))
        if self.leaf is not None:
            self._show_leaf_texts()
            self._show_score()
            self._show_appraisals()
        self._show_lock()
        self._show_explanation_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing a leaf ----------------------------------------------------------
    def _show_nothing(self) -> None:
        for w in (self.rule_box, self.answer_box, self.expl_box, self.evidence_box, self.appraisal_box,
                  self.request_banner, self.breadcrumb):
            w.hide()
        self.placeholder.show()

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

    def _show_leaf_texts(self) -> None:
        leaf = self.leaf
        assert leaf is not None
        fw = self.ctx.workspace.framework
        self.code_label.setText(leaf.code)
        self.title_label.setText(leaf.title)
        crumbs = [fw.get(c).title for c in leaf.path if c in fw]
        if leaf.block == "bonus":
            crumbs = [fw.bonus.title]
        elif leaf.block == "penalty":
            crumbs = [fw.penalty.title]
        self.breadcrumb.setText(" › ".join(crumbs))
        self.max_label.setText(self.tr("Maximum: %1").replace("%1", text.points(leaf.max)) + self._cap_words(leaf))
        self.rule_desc.setText(leaf.rule.description)
        self.rule_desc.setVisible(bool(leaf.rule.description))
        self.rule_words.setText(text.rule_words(leaf))
        self.rule_words.setVisible(not leaf.rule.description)
        self.guidance.setText(self.tr("Guidance: %1").replace("%1", leaf.guidance) if leaf.guidance else "")
        self.guidance.setVisible(bool(leaf.guidance))
        hints = "".join(f"<li>{_esc(h)}</li>" for h in leaf.evidence_hints)
        heading = _esc(self.tr("Expected evidence:"))
        self.hints.setText(f"<b>{heading}</b><ul style='margin:0'>{hints}</ul>" if hints else "")
        self.hints.setVisible(bool(hints))

    def _cap_words(self, leaf: Leaf) -> str:
        """For a bonus or penalty item: the block's cap, which the item's own maximum can exceed."""
        fw = self.ctx.workspace.framework
        block = fw.bonus if leaf.block == "bonus" else fw.penalty if leaf.block == "penalty" else None
        if block is None or not block.cap:
            return ""
        if leaf.block == "bonus":
            words = self.tr("the bonus block counts at most %1 in all")
        else:
            words = self.tr("the penalty block takes off at most %1 in all")
        return " — " + words.replace("%1", text.points(block.cap))

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

    def locked(self) -> bool:
        state = self.ctx.hub.state
        return bool(state and state.locked)

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
        """A signed version can be viewed only: say which, and offer the one thing to do (version n+1)."""
        state = self.ctx.hub.state
        locked = bool(state and state.locked)
        self.lock_bar.setVisible(locked)
        if state is not None and locked:
            self.lock_label.setText(self.tr("Version %1 is signed and locked: it can be viewed only. To change "
                                            "anything, open version %2.").replace("%1", str(state.version))
                                    .replace("%2", str(state.version + 1)))
            self.reopen_btn.setText(self.tr("Open version %1").replace("%1", str(state.version + 1)))
        self._apply_editability()
        self.evidence.set_locked(locked)
        self._show_explanation_state()

    def _changed(self, change: Change) -> None:
        if not self.code:
            return
        if change.documents or change.assessment:
            self.reload()
        elif self.code in change.codes:  # an edit or an undo of this item: its answer only, not its documents
            self._reload_answer(self.code)

    def _show_score(self) -> None:
        leaf = self.leaf
        state = self.ctx.hub.state
        if leaf is None:
            return
        summary = state.summary if state else None
        score = summary.totals.leaf_scores.get(leaf.code) if summary else None
        st = summary.statuses.get(leaf.code) if summary else None
        self.score_caption.setText(self.tr("Points taken off:") if leaf.block == "penalty" else self.tr("Score:"))
        if summary is not None and st is not None and st.status == "not_applicable":
            self.score_value.setText(self.tr("N/A"))  # a word, never "0 / 2"
            self.score_value.setToolTip(self.tr("Not applicable: its %1 leave the unit's maximum (now %2).")
                                        .replace("%1", text.points(leaf.max))
                                        .replace("%2", text.num(summary.totals.max_applicable)))
        else:
            self.score_value.setText(text.score_of(score, leaf.max))
            self.score_value.setToolTip("")
        shown = display_status(leaf, st.status if st else "not_started",
                               tuple(p.key for p in st.problems) if st else (),
                               state.appraisals.get(leaf.code, ()) if state else ())
        self.status_icon.setPixmap(status_icon(shown).pixmap(22, 22))
        self.status_icon.setToolTip(text.status_name(shown))
        self.status_icon.setAccessibleName(text.status_name(shown))
        if st is not None and st.status == "not_applicable":
            self.problems.setText(self.score_value.toolTip())
            self.problems.show()
        elif st is not None and st.problems:
            self.problems.setText(self.tr("Before submitting: %1").replace(
                "%1", "; ".join(text.error_text(p) for p in st.problems)))
            self.problems.show()
        else:
            self.problems.hide()

    def _show_appraisals(self) -> None:
        state = self.ctx.hub.state
        rows = state.appraisals.get(self.code, ()) if state else ()
        self.appraisal_box.setVisible(bool(rows))
        self.request_banner.setVisible(bool(rows) and rows[-1].request_explanation)
        if not rows:
            return
        lines = []
        for r in rows:
            line = self.tr("Round %1: %2").replace("%1", str(r.round)).replace(
                "%2", text.points(r.score) if r.score is not None else self.tr("no score yet"))
            if r.comment:
                line += f" — {_esc(r.comment)}"
            if r.request_explanation:
                requested = self.tr("supplementary explanation requested")  # outside the f-string: lupdate reads it
                line += f" <b>({_esc(requested)})</b>"
            lines.append(line)
        self.appraisal_text.setText("<br>".join(lines))
        self.request_banner.setText(self.tr("The province asks for a supplementary explanation of this item. "
                                            "Answer it in the explanation and add evidence, then submit a new "
                                            "version."))

    # -- edits ---------------------------------------------------------------
    def _set_error(self, message: str | None) -> None:
        self.field_error.setVisible(bool(message))
        self.field_error.setText(message or "")

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

    def _show_explanation_state(self, pending: bool = False) -> None:
        if self.locked():
            self.expl_state.setText(self.tr("Signed version: view only"))
        else:
            self.expl_state.setText(self.tr("Saving…") if pending else self.tr("Saved automatically"))

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

    def _drop_highlight(self, on: bool) -> None:
        self.evidence_box.setProperty("active", "true" if on else "false")
        self.evidence_box.style().unpolish(self.evidence_box)
        self.evidence_box.style().polish(self.evidence_box)

    def attach(self, paths: list[Path]) -> None:
        self.evidence.attach_paths(paths)


def _esc(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
