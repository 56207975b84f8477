"""The selected item as the officer reads it: what it asks, how it is scored, where it stands.

This is the leaf panel's face: the layout of every field (built once in
:meth:`LeafView._build`) and everything shown from the framework and the
hub's state (title, breadcrumb, rule, score and status, N/A, caps, appraisal
rounds, the locked banner). Nothing here talks to the workspace or saves
anything; :class:`parDesk.ui.widgets.leaf_panel.LeafPanel` adds the behaviour
(binding the editors to one item, loading, saving, refusals, drops).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
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

from parDesk.models.framework import Leaf
from parDesk.ui import text
from parDesk.ui.context import AppContext
from parDesk.ui.models.tree import display_status
from parDesk.ui.theme import SPACE_L, SPACE_M, SPACE_S, icon, status_icon
from parDesk.ui.widgets.evidence_panel import EvidencePanel


class LeafView(QWidget):
    """The fields of the selected item and what they show; the behaviour lives in ``LeafPanel``."""

    reopenRequested = Signal()  # the locked banner's one action: open version n+1

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code = ""  # the item on screen ("" before the first choice)
        self.leaf: Leaf | None = None
        self._build()

    def tr(self, sourceText: str, disambiguation: str | None = None, n: int = -1) -> str:
        """A string under the class that says it, as lupdate files it: "LeafView" here, "LeafPanel" there.

        PySide6 looks ``self.tr`` up under the instance's class (always LeafPanel) and, in the versions
        tried (6.11), then under its bases; this walk makes the view's strings found on any version."""
        for cls in type(self).__mro__:
            if cls is QWidget:
                break
            found = QCoreApplication.translate(cls.__name__, sourceText, disambiguation, n)
            if found != sourceText:
                return found
        return QCoreApplication.translate(type(self).__name__, sourceText, disambiguation, n)

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

    # -- what is shown ----------------------------------------------------------
    def _show_nothing(self) -> None:
        for w in (self.rule_box, self.answer_box, self.expl_box, self.evidence_box, self.appraisal_box,
                  self.request_banner, self.breadcrumb):
            w.hide()
        self.placeholder.show()

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

    def locked(self) -> bool:
        state = self.ctx.hub.state
        return bool(state and state.locked)

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
        self.evidence.set_locked(locked)
        self._show_explanation_state()

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

    def _set_error(self, message: str | None) -> None:
        self.field_error.setVisible(bool(message))
        self.field_error.setText(message or "")

    def _show_explanation_state(self, pending: bool = False) -> None:
        if self.locked():
            self.expl_state.setText(self.tr("Signed version: view only"))
        else:
            self.expl_state.setText(self.tr("Saving…") if pending else self.tr("Saved automatically"))

    def _drop_highlight(self, on: bool) -> None:
        self.evidence_box.setProperty("active", "true" if on else "false")
        self.evidence_box.style().unpolish(self.evidence_box)
        self.evidence_box.style().polish(self.evidence_box)


def _esc(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
