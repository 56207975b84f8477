"""Choose, once, the leader's signature image and the seal image for the signed forms (previewed).

The files are checked and kept by the core
(:class:`parDesk.package.signed_forms.SignatureImages`, through
:func:`parDesk.ui.operations.save_signature_images`); the dialog shows them
and returns the chosen paths and the seal's real diameter.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from parDesk.ui.theme import icon


class SignatureImagesDialog(QDialog):
    def __init__(self, leader: bytes | None = None, seal: bytes | None = None, seal_mm: float = 36.0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signature and seal images"))
        self.leader_path: Path | None = None
        self.seal_path: Path | None = None
        intro = QLabel(self.tr("The signed letter shows the leader's signature (blue, on a transparent PNG) between "
                               "the title and the name, and the seal (red PNG) at its real size over the left third "
                               "of the signature, as Decree 30/2020 describes. Choose them once."))
        intro.setWordWrap(True)
        self.leader_view = QLabel()
        self.seal_view = QLabel()
        for view in (self.leader_view, self.seal_view):
            view.setFixedSize(220, 120)
            view.setAlignment(Qt.AlignmentFlag.AlignCenter)
            view.setFrameShape(QLabel.Shape.StyledPanel)
        self._show(self.leader_view, leader)
        self._show(self.seal_view, seal)
        leader_btn = QPushButton(icon("folder"), self.tr("Choose…"))
        seal_btn = QPushButton(icon("folder"), self.tr("Choose…"))
        leader_btn.clicked.connect(lambda: self._choose("leader"))
        seal_btn.clicked.connect(lambda: self._choose("seal"))
        self.seal_mm = QDoubleSpinBox()
        self.seal_mm.setRange(20.0, 60.0)
        self.seal_mm.setDecimals(1)
        self.seal_mm.setSuffix(" mm")
        self.seal_mm.setValue(seal_mm)
        form = QFormLayout()
        row1 = QHBoxLayout()
        row1.addWidget(self.leader_view)
        row1.addWidget(leader_btn)
        row2 = QHBoxLayout()
        row2.addWidget(self.seal_view)
        row2.addWidget(seal_btn)
        form.addRow(self.tr("Leader's signature"), row1)
        form.addRow(self.tr("Seal"), row2)
        form.addRow(self.tr("Seal diameter"), self.seal_mm)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(buttons)

    @staticmethod
    def _show(view: QLabel, data: bytes | None) -> None:
        pix = QPixmap()
        if data and pix.loadFromData(data):
            view.setPixmap(pix.scaled(view.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation))
        else:
            view.setText("—")

    def set_image(self, which: str, path: Path) -> None:
        data = path.read_bytes()
        if which == "leader":
            self.leader_path = path
            self._show(self.leader_view, data)
        else:
            self.seal_path = path
            self._show(self.seal_view, data)

    def _choose(self, which: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose an image"), "", self.tr("PNG images (*.png)"))
        if path:
            self.set_image(which, Path(path))
