"""Fonts, icons, colours and spacing shared by every widget (one place for the look)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from parDesk.resources import resources_dir

# Spacing (device-independent pixels); layouts use these, never ad-hoc numbers.
SPACE_XS = 4
SPACE_S = 8
SPACE_M = 12
SPACE_L = 18
ICON_SMALL = QSize(16, 16)
ICON_MEDIUM = QSize(20, 20)

UI_FAMILY = "Liberation Sans"
SERIF_FAMILY = "Liberation Serif"

COLOR_TEXT = "#263238"
COLOR_MUTED = "#607D8B"
COLOR_ERROR = "#B71C1C"
COLOR_OK = "#2E7D32"
COLOR_ACCENT = "#0D47A1"
COLOR_PROVINCE = "#6A1B9A"
COLOR_WARN_BG = "#FFF8E1"
COLOR_ERROR_BG = "#FDECEA"
COLOR_REQUEST = "#BF360C"  # the province asks for a supplementary explanation
COLOR_REQUEST_BG = "#FFF3E0"

STATUS_ICONS = {
    "not_started": "status-not-started",
    "in_progress": "status-in-progress",
    "complete": "status-complete",
    "problem": "status-problem",
    "not_applicable": "status-na",
    "province": "status-province",
    "appraised": "status-appraised",
    "requested": "status-requested",
}

_loaded_fonts: list[str] = []


def load_fonts() -> list[str]:
    """Register the shipped fonts so the window never depends on the machine's fonts."""
    if _loaded_fonts:
        return _loaded_fonts
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            _loaded_fonts.extend(QFontDatabase.applicationFontFamilies(font_id))
    return _loaded_fonts


def icon_path(name: str) -> str:
    return str(resources_dir() / "icons" / f"{name}.svg")


@cache
def icon(name: str) -> QIcon:
    return QIcon(icon_path(name))


def status_icon(status: str) -> QIcon:
    return icon(STATUS_ICONS.get(status, "status-not-started"))


STYLE_SHEET = f"""
QWidget {{ color: {COLOR_TEXT}; }}
QWidget:disabled {{ color: #A3ADB3; }}
QLabel#leafTitle {{ font-size: 15pt; font-weight: bold; }}
QLabel#leafCode {{ color: {COLOR_ACCENT}; font-size: 15pt; font-weight: bold; }}
QLabel#muted, QLabel#breadcrumb {{ color: {COLOR_MUTED}; }}
QLabel#fieldError {{ color: {COLOR_ERROR}; background: {COLOR_ERROR_BG}; border-radius: 4px; padding: 4px 8px; }}
QLabel#hint {{ color: {COLOR_MUTED}; font-style: italic; }}
QLabel#scoreValue {{ font-size: 16pt; font-weight: bold; color: {COLOR_ACCENT}; }}
QLabel#bigNumber {{ font-size: 15pt; font-weight: bold; }}
QLabel#caption {{ color: {COLOR_MUTED}; font-size: 8.5pt; }}
QLabel#banner {{ background: {COLOR_WARN_BG}; border: 1px solid #FFE082; border-radius: 4px; padding: 6px 10px; }}
QLabel#readyOk {{ color: {COLOR_OK}; font-size: 13pt; font-weight: bold; }}
QLabel#readyBad {{ color: {COLOR_ERROR}; font-size: 13pt; font-weight: bold; }}
QLabel#requestBanner {{ color: {COLOR_REQUEST}; background: {COLOR_REQUEST_BG}; border: 1px solid #FFCC80;
    border-radius: 4px; padding: 6px 10px; }}
QPushButton#primary {{ font-weight: bold; padding: 6px 14px; }}
QFrame#topBar {{ background: #F5F7F9; border-bottom: 1px solid #D5DCE1; }}
QFrame#card {{ background: #FFFFFF; border: 1px solid #DDE3E7; border-radius: 6px; }}
QGroupBox#dropZone[active="true"] {{ border: 2px dashed {COLOR_ACCENT}; background: #E3F2FD; }}
QGroupBox {{ font-weight: bold; border: 1px solid #DDE3E7; border-radius: 6px; margin-top: 12px; padding-top: 8px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
QTreeView, QTableView, QListView {{ selection-background-color: #D6E4F5; selection-color: {COLOR_TEXT}; }}
QTreeView::item {{ padding: 2px 0; }}
QTabBar::tab {{ padding: 6px 14px; }}
"""


def apply_theme(app: QApplication) -> None:
    """Fusion style with a light palette: the same look on every machine."""
    load_fonts()
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    font = QFont(UI_FAMILY)
    font.setPointSizeF(10)
    app.setFont(font)
    pal = app.palette()
    pal.setColor(QPalette.ColorRole.Window, QColor("#FBFCFD"))
    pal.setColor(QPalette.ColorRole.Base, QColor("#FFFFFF"))
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#F4F6F8"))
    pal.setColor(QPalette.ColorRole.Highlight, QColor("#1E63B5"))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(COLOR_TEXT))
    pal.setColor(QPalette.ColorRole.Text, QColor(COLOR_TEXT))
    pal.setColor(QPalette.ColorRole.Button, QColor("#F1F3F5"))
    pal.setColor(QPalette.ColorRole.ToolTipBase, QColor("#FFFFF0"))
    app.setPalette(pal)
    app.setStyleSheet(STYLE_SHEET)
    app.setWindowIcon(icon("app"))
