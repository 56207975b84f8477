"""Run-time language switching: Qt translators for the window, the core's catalogue for its messages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal

from parDesk import i18n as core_i18n
from parDesk.resources import resources_dir

LOCALES = {"vi": QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam),
           "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}
CATALOGS = ("pardesk", "qt_extra")


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


class LanguageManager(QObject):
    """Installs ``pardesk_<lang>.qm`` (and Qt's own button texts) and tells the core.

    Installing a translator makes Qt send ``QEvent.LanguageChange`` to every
    widget, which re-runs its ``retranslate()``; models listen to ``changed``.
    """

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translators: list[QTranslator] = []
        self.lang = "vi"

    def set_language(self, lang: str) -> None:
        if lang not in core_i18n.LANGUAGES:
            raise ValueError(lang)
        app = QCoreApplication.instance()
        for tr in self._translators:
            if app is not None:
                app.removeTranslator(tr)
        self._translators = []
        self.lang = lang
        core_i18n.set_language(lang)
        QLocale.setDefault(LOCALES[lang])
        for name in CATALOGS:
            tr = QTranslator(self)
            if tr.load(str(i18n_dir() / f"{name}_{lang}.qm")):
                self._translators.append(tr)
                if app is not None:
                    app.installTranslator(tr)
        self.changed.emit(lang)

    def clear(self) -> None:
        """Remove our translators without announcing anything (the windows are gone)."""
        app = QCoreApplication.instance()
        for tr in self._translators:
            if app is not None:
                app.removeTranslator(tr)
        self._translators = []

    def locale(self) -> QLocale:
        return LOCALES[self.lang]
