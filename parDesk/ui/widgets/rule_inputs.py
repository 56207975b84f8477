"""One small editor per rule kind; each says *what* the officer entered, never the score.

An editor emits ``edited(dict)`` with the rule's inputs once they are complete
(the core validates and scores them) and ``incomplete(str)`` with a hint while
a two-field rule is half filled. ``set_inputs`` shows the stored inputs
without emitting anything.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel,
                               QRadioButton, QSpinBox, QWidget)

from parDesk.i18n import ParDeskError
from parDesk.models.framework import Leaf
from parDesk.scoring import parse_decimal
from parDesk.ui import text
from parDesk.ui.theme import SPACE_M

EMPTY = -1
MAX_COUNT = 9_999_999


class CountSpinBox(QSpinBox):
    """A whole number of at least 0, or empty (shown as "—") until the officer types one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(EMPTY, MAX_COUNT)
        self.setSpecialValueText("—")
        self.setKeyboardTracking(False)  # one edit per Enter / focus change, not per keystroke
        self.setGroupSeparatorShown(True)
        self.setMinimumWidth(120)
        self.setValue(EMPTY)

    def count(self) -> int | None:
        return None if self.value() == EMPTY else self.value()

    def set_count(self, value: Any) -> None:
        self.setValue(int(value) if isinstance(value, int) or (isinstance(value, str) and value.isdigit()) else EMPTY)


class ScoreSpinBox(QDoubleSpinBox):
    """A score typed as "0,5" or "0.5" (parsed by the core's ``parse_decimal``), or empty."""

    def __init__(self, maximum: Decimal, step: Decimal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        places = max(0, -step.normalize().as_tuple().exponent)  # type: ignore[operator]
        self.setDecimals(max(places, 2))
        self.setSingleStep(float(step))
        self.setRange(-float(step), float(maximum))
        self.setSpecialValueText("—")
        self.setKeyboardTracking(False)
        self.setMinimumWidth(120)
        self.setValue(self.minimum())

    def score(self) -> Decimal | None:
        if self.value() == self.minimum():
            return None
        return Decimal(repr(round(self.value(), self.decimals()))).normalize()

    def set_score(self, value: Any) -> None:
        try:
            self.setValue(float(parse_decimal(value)) if value not in (None, "") else self.minimum())
        except ParDeskError:
            self.setValue(self.minimum())

    def textFromValue(self, value: float) -> str:
        return text.num(Decimal(repr(round(value, self.decimals()))))

    def valueFromText(self, typed: str) -> float:
        try:
            return float(parse_decimal(typed.strip()))
        except ParDeskError:
            return self.minimum()

    def validate(self, typed: str, pos: int) -> object:
        stripped = typed.strip()
        if stripped in ("", "—"):
            return QValidator.State.Intermediate, typed, pos
        if any(ch not in "0123456789.," for ch in stripped) or stripped.count(",") + stripped.count(".") > 1:
            return QValidator.State.Invalid, typed, pos
        try:
            value = parse_decimal(stripped)
        except ParDeskError:
            return QValidator.State.Intermediate, typed, pos
        if value > Decimal(repr(self.maximum())):
            return QValidator.State.Invalid, typed, pos
        return QValidator.State.Acceptable, typed, pos


class RuleEditor(QWidget):
    edited = Signal(dict)
    incomplete = Signal(str)

    def __init__(self, leaf: Leaf, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.leaf = leaf
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(SPACE_M)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self._labels: list[tuple[QLabel, QWidget, Callable[[], str]]] = []

    def set_inputs(self, inputs: dict[str, Any]) -> None:
        raise NotImplementedError

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

    def set_inputs(self, inputs: dict[str, Any]) -> None:
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
        self.numerator = CountSpinBox()
        self.denominator = CountSpinBox()
        r = leaf.rule
        self._row(lambda: self.tr("Numerator"), self.numerator, r.numerator_label or None)
        self._row(lambda: self.tr("Denominator"), self.denominator, r.denominator_label or None)
        self.numerator.valueChanged.connect(self._changed)
        self.denominator.valueChanged.connect(self._changed)
        self.retranslate()

    def _changed(self) -> None:
        num, den = self.numerator.count(), self.denominator.count()
        if num is None and den is None:
            return
        if num is None or den is None:
            self.incomplete.emit(self.tr("Enter both numbers to compute the score."))
            return
        self.edited.emit({"numerator": num, "denominator": den})

    def set_inputs(self, inputs: dict[str, Any]) -> None:
        for box, key in ((self.numerator, "numerator"), (self.denominator, "denominator")):
            box.blockSignals(True)
            box.set_count(inputs.get(key))
            box.blockSignals(False)

    def focus_widget(self) -> QWidget | None:
        return self.numerator


class LevelEditor(RuleEditor):
    def __init__(self, leaf: Leaf, parent: QWidget | None = None) -> None:
        super().__init__(leaf, parent)
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumWidth(260)
        self._row(lambda: self.tr("Level"), self.combo)
        self._fill()
        self.combo.activated.connect(self._picked)
        self.retranslate()

    def _fill(self) -> None:
        current = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("— choose a level —"), None)
        for lv in self.leaf.rule.levels:
            self.combo.addItem(f"{lv.label} ({text.points(lv.points)})", lv.id)
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)) if current is not None else 0)
        self.combo.blockSignals(False)

    def retranslate(self) -> None:
        super().retranslate()
        self._fill()

    def _picked(self, index: int) -> None:
        level = self.combo.itemData(index)
        if level is not None:
            self.edited.emit({"level": level})

    def set_inputs(self, inputs: dict[str, Any]) -> None:
        self.combo.blockSignals(True)
        found = self.combo.findData(inputs.get("level")) if inputs.get("level") is not None else -1
        self.combo.setCurrentIndex(found if found >= 0 else 0)
        self.combo.blockSignals(False)

    def focus_widget(self) -> QWidget | None:
        return self.combo


class ManualEditor(RuleEditor):
    def __init__(self, leaf: Leaf, parent: QWidget | None = None) -> None:
        super().__init__(leaf, parent)
        self.spin = ScoreSpinBox(leaf.max, leaf.rule.step)
        self._row(lambda: self.tr("Score"), self.spin)
        self.spin.valueChanged.connect(self._changed)
        self.retranslate()

    def _changed(self) -> None:
        value = self.spin.score()
        if value is not None:
            self.edited.emit({"score": str(value)})

    def set_inputs(self, inputs: dict[str, Any]) -> None:
        self.spin.blockSignals(True)
        self.spin.set_score(inputs.get("score"))
        self.spin.blockSignals(False)

    def focus_widget(self) -> QWidget | None:
        return self.spin


class DeductionEditor(RuleEditor):
    def __init__(self, leaf: Leaf, parent: QWidget | None = None) -> None:
        super().__init__(leaf, parent)
        self.spin = CountSpinBox()
        self._row(lambda: self.tr("Number of cases"), self.spin, leaf.rule.violation_label or None)
        self.spin.valueChanged.connect(self._changed)
        self.retranslate()

    def _changed(self) -> None:
        value = self.spin.count()
        if value is not None:
            self.edited.emit({"violations": value})

    def set_inputs(self, inputs: dict[str, Any]) -> None:
        self.spin.blockSignals(True)
        self.spin.set_count(inputs.get("violations"))
        self.spin.blockSignals(False)

    def focus_widget(self) -> QWidget | None:
        return self.spin


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

    def set_inputs(self, inputs: dict[str, Any]) -> None:
        pass


EDITORS: dict[str, type[RuleEditor]] = {
    "yes_no": YesNoEditor, "ratio_tiers": RatioEditor, "proportional": RatioEditor, "levels": LevelEditor,
    "manual": ManualEditor, "deductions": DeductionEditor, "survey": ProvinceNote,
}


def make_editor(leaf: Leaf, parent: QWidget | None = None) -> RuleEditor:
    if not leaf.self_scored:
        return ProvinceNote(leaf, parent)
    return EDITORS[leaf.rule.kind](leaf, parent)
