"""Edit one document's số/ký hiệu, date, issuing body, trích yếu and page/section.

The dialog only collects text; the core validates it (dates in DD/MM/YYYY or
ISO) when the context applies it, and a refusal is shown in the dialog, which
stays open so nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from parDesk.ui import text
from parDesk.ui.context import AppContext
from parDesk.ui.theme import SPACE_M
from parDesk.workspace import Change, DocumentView, Workspace


class DocumentDialog(QDialog):
    def __init__(self, ctx: AppContext, doc: DocumentView, parent: QWidget | None = None, *, code: str = "",
                 link_page: str | None = None, read_only: bool = False) -> None:
        """With ``code``, the page/section is this item's pointer into the document (the link's).

        ``read_only`` (a signed version): the details are shown, nothing can be saved.
        """
        super().__init__(parent)
        self.ctx, self.doc, self.code = ctx, doc, code
        self.setMinimumWidth(520)
        self.file_label = QLabel(doc.original_name)
        self.file_label.setObjectName("muted")
        self.file_label.setWordWrap(True)
        self.number = QLineEdit(doc.number)
        self.date = QLineEdit(text.date(doc.issued_date) if doc.issued_date else "")
        self.issuer = QLineEdit(doc.issuer)
        self.subject = QPlainTextEdit(doc.subject)
        self.subject.setTabChangesFocus(True)
        self.subject.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.page = QLineEdit(link_page if code and link_page is not None else doc.page_ref)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.form = QFormLayout()
        self.form.setSpacing(SPACE_M)
        self.labels = [QLabel() for _ in range(6)]
        for lab, field in zip(self.labels, (self.file_label, self.number, self.date, self.issuer, self.subject,
                                            self.page), strict=True):
            if field is not self.file_label:
                lab.setBuddy(field)
            self.form.addRow(lab, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.read_only = read_only
        if read_only:
            for w in (self.number, self.date, self.issuer, self.page):
                w.setReadOnly(True)
            self.subject.setReadOnly(True)
            self.buttons.button(QDialogButtonBox.StandardButton.Save).hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Document details"))
        page_label = self.tr("&Page / section for %1:").replace("%1", self.code) if self.code \
            else self.tr("&Page / section:")
        for lab, words in zip(self.labels, (self.tr("File:"), self.tr("&Number (số, ký hiệu):"),
                                            self.tr("&Date (DD/MM/YYYY):"), self.tr("&Issuing body:"),
                                            self.tr("&Subject (trích yếu):"), page_label), strict=True):
            lab.setText(words)
        for field, name in ((self.number, self.tr("Number")), (self.date, self.tr("Date")),
                            (self.issuer, self.tr("Issuing body")), (self.subject, self.tr("Subject")),
                            (self.page, self.tr("Page or section"))):
            field.setAccessibleName(name)
        self.date.setPlaceholderText(self.tr("e.g. 15/01/2025"))
        self.number.setPlaceholderText(self.tr("e.g. 15/KH-UBND"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Close") if getattr(self, "read_only", False) else self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def values(self) -> dict[str, str]:
        return {"number": self.number.text(), "issued_date": self.date.text(), "issuer": self.issuer.text(),
                "subject": self.subject.toPlainText(), "page_ref": self.page.text()}

    def save(self) -> None:
        doc_id, values, code = self.doc.id, self.values(), self.code
        self.buttons.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.error.setText(text.error_text(exc, with_where=True))
            self.error.show()

        def op(ws: Workspace) -> Change:
            if not code:
                return ws.update_document(doc_id, **values)
            page = values.pop("page_ref")
            ws.update_document(doc_id, **values)
            ws.set_link_page(code, doc_id, page)
            return Change(codes=frozenset({code}), documents=True)

        self.ctx.edit(op, on_done=lambda _c: self.accept(), on_error=failed, label="update_document")
