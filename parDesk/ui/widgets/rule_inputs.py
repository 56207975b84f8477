"""One small editor per rule kind; each says *what* the officer entered, never the score.

Every editor is bound to exactly one item (``leaf.code``) for its whole life:
the leaf panel builds a new editor for each item and drops the old one, so a
value typed for one item can never be applied to another.

Typed numbers are plain text fields, not spin boxes: a spin box clamps,
truncates and silently drops keys ("3,5" became 3, letters vanished). Here the
text goes to the core exactly as typed, the core accepts or refuses it in the
rule's own words, and the panel then shows the stored value again.

An editor emits ``edited(dict)`` with the rule's inputs (raw text for numbers:
the core parses and validates them), ``cleared()`` when a one-field editor is
emptied, and ``incomplete(str)`` with a hint while a two-field rule is half
filled. ``set_inputs`` shows the stored inputs without emitting anything.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from parDesk.i18n import ParDeskError
from parDesk.models.framework import Leaf
from parDesk.scoring import parse_decimal
from parDesk.ui import text
from parDesk.ui.theme import SPACE_M


class NumberField(QLineEdit):
    """A number typed as text; ``shown`` is the stored value's text, so the field knows when it holds an edit."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown = ""
        self.setMinimumWidth(120)
        self.setMaximumWidth(200)
        self.setPlaceholderText("—")
        self.editingFinished.connect(self._finished)

    def show_stored(self, value: str) -> None:
        self.shown = value
        if self.text() != value:
            self.setText(value)

    def dirty(self) -> bool:
        return self.text().strip() != self.shown

    def typed(self) -> str:
        return self.text().strip()

    def _finished(self) -> None:
        if self.dirty():
            self.committed.emit()


def count_text(value: Any) -> str:
    """A stored count as shown: plain digits, read back the same in both languages ("1.234" is not 1,234 in English)."""
    if isinstance(value, bool) or value in (None, ""):
        return ""
    try:
        return str(int(value))
    except (TypeError, ValueError):
        return str(value)


def score_text(value: Any) -> str:
    if value in (None, ""):
        return ""
    try:
        return text.num(parse_decimal(value))
    except ParDeskError:
        return str(value)


class RuleEditor(QWidget):
    edited = Signal(dict)
    cleared = Signal()
    incomplete = Signal(str)

    def __init__(self, leaf: Leaf, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.leaf = leaf
        self.code = leaf.code
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(SPACE_M)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self._labels: list[tuple[QLabel, QWidget, Callable[[], str]]] = []

    def set_inputs(self, inputs: dict[str, Any], force: bool = False) -> None:
        """Show the stored ``inputs``; a field holding a pending edit keeps it unless ``force``."""
        raise NotImplementedError

    def dirty(self) -> bool:
        """Whether something typed here is not stored yet."""
        return False

    def commit_pending(self) -> None:
        """Hand a pending typed value to the panel now (before leaving the item)."""

    def set_read_only(self, flag: bool) -> None:
        """A signed version: shown, not changeable (buttons and lists are disabled, text fields read-only)."""
        for w in self.findChildren(QAbstractButton) + self.findChildren(QComboBox):
            w.setEnabled(not flag)

    def focus_widget(self) -> QWidget | None:
        return None

    def _row(self, label: Callable[[], str], field: QWidget, source: str | None = None) -> QLabel:
        """A labelled row: ``source`` is the framework's own label, else ``label()`` (translated)."""
        lab = QLabel(source or label())
        lab.setBuddy(field)
        lab.setWordWrap(True)
        field.setAccessibleName(source or label())
        self.form.addRow(lab, field)
        if source is None:
            self._labels.append((lab, field, label))
        return lab

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for lab, field, label in self._labels:
            lab.setText(label())
            field.setAccessibleName(label())


class YesNoEditor(RuleEditor):
    def __init__(self, leaf: Leaf, parent: QWidget | None = None) -> None:
        super().__init__(leaf, parent)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.yes = QRadioButton()
        self.no = QRadioButton()
        self.group = QButtonGroup(self)
        for i, b in enumerate((self.yes, self.no)):
            self.group.addButton(b, i)
            row.addWidget(b)
        row.addStretch(1)
        self.label = QLabel()
        self.label.setBuddy(self.yes)
        self.form.addRow(self.label, box)
        self.group.idClicked.connect(lambda i: self.edited.emit({"done": i == 0}))
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Done?"))
        self.yes.setText(self.tr("&Yes"))
        self.no.setText(self.tr("N&o"))
        self.yes.setAccessibleName(self.tr("Yes, done"))
        self.no.setAccessibleName(self.tr("No, not done"))

    def set_inputs(self, inputs: dict[str, Any], force: bool = False) -> None:
        done = inputs.get("done")
        self.group.setExclusive(False)
        self.yes.setChecked(done is True)
        self.no.setChecked(done is False)
        self.group.setExclusive(True)

    def focus_widget(self) -> QWidget | None:
        return self.yes


class RatioEditor(RuleEditor):
    def __init__(self, leaf: Leaf, parent: QWidget | None = None) -> None:
        super().__init__(leaf, parent)
        self.numerator = NumberField()
        self.denominator = NumberField()
        r = leaf.rule
        # The framework's own labels; "Tử số"/"Mẫu số" is only the model's default for a file without them.
        own_num = r.numerator_label if r.numerator_label not in ("", "Tử số") else None
        own_den = r.denominator_label if r.denominator_label not in ("", "Mẫu số") else None
        self._row(lambda: self.tr("Number meeting the requirement"), self.numerator, own_num)
        self._row(lambda: self.tr("Total number"), self.denominator, own_den)
        self.numerator.committed.connect(self._changed)
        self.denominator.committed.connect(self._changed)
        self.retranslate()

    def _changed(self) -> None:
        num, den = self.numerator.typed(), self.denominator.typed()
        if not num and not den:
            self.cleared.emit()
            return
        if not num or not den:
            self.incomplete.emit(self.tr("Enter both numbers to compute the score."))
            return
        self.edited.emit({"numerator": num, "denominator": den})

    def dirty(self) -> bool:
        return self.numerator.dirty() or self.denominator.dirty()

    def commit_pending(self) -> None:
        if self.dirty() and self.numerator.typed() and self.denominator.typed():
            self._changed()

    def set_inputs(self, inputs: dict[str, Any], force: bool = False) -> None:
        for box, key in ((self.numerator, "numerator"), (self.denominator, "denominator")):
            stored = count_text(inputs.get(key))
            if force or not box.dirty():  # half of a pair being typed stays until both are there
                box.show_stored(stored)
            else:
                box.shown = stored

    def set_read_only(self, flag: bool) -> None:
        for box in (self.numerator, self.denominator):
            box.setReadOnly(flag)

    def focus_widget(self) -> QWidget | None:
        return self.numerator


class LevelEditor(RuleEditor):
    def __init__(self, leaf: Leaf, parent: QWidget | None = None) -> None:
        super().__init__(leaf, parent)
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumWidth(260)
        self._row(lambda: self.tr("Level"), self.combo)
        self._stored: Any = None
        self._fill()
        self.combo.activated.connect(self._picked)
        self.retranslate()

    def _fill(self) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("— choose a level —"), None)
        for lv in self.leaf.rule.levels:
            self.combo.addItem(f"{lv.label} ({text.points(lv.points)})", lv.id)
        found = self.combo.findData(self._stored) if self._stored is not None else -1
        self.combo.setCurrentIndex(max(0, found))
        self.combo.blockSignals(False)

    def retranslate(self) -> None:
        super().retranslate()
        self._fill()

    def _picked(self, index: int) -> None:
        level = self.combo.itemData(index)
        if level is not None:
            self.edited.emit({"level": level})
        elif self._stored is not None:
            self.cleared.emit()

    def set_inputs(self, inputs: dict[str, Any], force: bool = False) -> None:
        self._stored = inputs.get("level")
        self.combo.blockSignals(True)
        found = self.combo.findData(self._stored) if self._stored is not None else -1
        self.combo.setCurrentIndex(max(found, 0))
        self.combo.blockSignals(False)

    def focus_widget(self) -> QWidget | None:
        return self.combo


class _OneNumberEditor(RuleEditor):
    """Manual score or number of violations: one field, committed on Enter or leaving it."""

    key = ""

    def _build(self, label: Callable[[], str], source: str | None = None) -> None:
        self.spin = NumberField()
        self._row(label, self.spin, source)
        self.spin.committed.connect(self._changed)
        self.retranslate()

    def _changed(self) -> None:
        typed = self.spin.typed()
        if typed:
            self.edited.emit({self.key: typed})
        else:
            self.cleared.emit()

    def dirty(self) -> bool:
        return self.spin.dirty()

    def commit_pending(self) -> None:
        if self.dirty():
            self._changed()

    def _text(self, value: Any) -> str:
        raise NotImplementedError

    def set_inputs(self, inputs: dict[str, Any], force: bool = False) -> None:
        stored = self._text(inputs.get(self.key))
        if force or not self.spin.dirty():
            self.spin.show_stored(stored)
        else:
            self.spin.shown = stored

    def set_read_only(self, flag: bool) -> None:
        self.spin.setReadOnly(flag)

    def focus_widget(self) -> QWidget | None:
        return self.spin


class ManualEditor(_OneNumberEditor):
    key = "score"

    def __init__(self, leaf: Leaf, parent: QWidget | None = None) -> None:
        super().__init__(leaf, parent)
        self._build(lambda: self.tr("Points taken off") if leaf.block == "penalty" else self.tr("Score"))
        self.spin.setPlaceholderText(self.tr("e.g. %1").replace("%1", text.num(leaf.rule.step or Decimal("0.5"))))

    def _text(self, value: Any) -> str:
        return score_text(value)

    def score(self) -> Decimal | None:
        return parse_decimal(self.spin.shown) if self.spin.shown else None


class DeductionEditor(_OneNumberEditor):
    key = "violations"

    def __init__(self, leaf: Leaf, parent: QWidget | None = None) -> None:
        super().__init__(leaf, parent)
        self._build(lambda: self.tr("Number of cases"), leaf.rule.violation_label or None)

    def _text(self, value: Any) -> str:
        return count_text(value)

    def count(self) -> int | None:
        """The stored number of cases shown (None when empty)."""
        return int(self.spin.shown) if self.spin.shown else None


class ProvinceNote(RuleEditor):
    """Survey and province-data items: nothing to enter."""

    def __init__(self, leaf: Leaf, parent: QWidget | None = None) -> None:
        super().__init__(leaf, parent)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("hint")
        self.form.addRow(self.note)
        self.retranslate()

    def retranslate(self) -> None:
        self.note.setText(self.tr("The province fills in this item's points; there is nothing to enter here."))

    def set_inputs(self, inputs: dict[str, Any], force: bool = False) -> None:
        pass

    def set_read_only(self, flag: bool) -> None:
        pass


EDITORS: dict[str, type[RuleEditor]] = {
    "yes_no": YesNoEditor, "ratio_tiers": RatioEditor, "proportional": RatioEditor, "levels": LevelEditor,
    "manual": ManualEditor, "deductions": DeductionEditor, "survey": ProvinceNote,
}


def make_editor(leaf: Leaf, parent: QWidget | None = None) -> RuleEditor:
    if not leaf.self_scored:
        return ProvinceNote(leaf, parent)
    return EDITORS[leaf.rule.kind](leaf, parent)
