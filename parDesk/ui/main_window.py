"""The main window: totals on top, tabs for the assessment, library, losing points and submit.

Only assembly and navigation live here; each screen is its own widget with
its own behaviour, and all of them receive the same :class:`AppContext`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from parDesk import __version__
from parDesk.ui import text
from parDesk.ui.changes import State
from parDesk.ui.context import AppContext
from parDesk.ui.theme import SPACE_M, SPACE_S, icon
from parDesk.ui.views.after import AfterView
from parDesk.ui.views.library import LibraryView
from parDesk.ui.views.losing import LosingView
from parDesk.ui.views.submit import SubmitView
from parDesk.ui.widgets.leaf_panel import LeafPanel
from parDesk.ui.widgets.status_bar import StatusBar
from parDesk.ui.widgets.totals_bar import TotalsBar
from parDesk.ui.widgets.tree_pane import TreePane
from parDesk.workspace import Change

TAB_ASSESS, TAB_LIBRARY, TAB_LOSING, TAB_SUBMIT, TAB_AFTER = range(5)
PREFERRED_SIZE = QSize(1280, 800)
MINIMUM_SIZE = QSize(760, 480)  # below a 1024×600 netbook's working area, so the window always fits


class MainWindow(QMainWindow):
    setupRequested = Signal()
    openRequested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setMinimumSize(MINIMUM_SIZE)
        self._fitted = False
        self._build()
        self._actions()
        self._connect()
        self.retranslate()
        self._restore()

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget()
        col = QVBoxLayout(central)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        self.demo_bar = QWidget()
        db = QHBoxLayout(self.demo_bar)
        db.setContentsMargins(SPACE_M, SPACE_S, SPACE_M, SPACE_S)
        self.demo_label = QLabel()
        self.demo_label.setObjectName("banner")
        self.demo_label.setWordWrap(True)
        self.demo_setup = QPushButton(icon("setup"), "")
        self.demo_setup.clicked.connect(self.setupRequested)
        db.addWidget(self.demo_label, 1)
        db.addWidget(self.demo_setup)
        self.demo_bar.setVisible(self.ctx.is_demo)
        col.addWidget(self.demo_bar)
        self.totals = TotalsBar(self.ctx)
        col.addWidget(self.totals)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tree = TreePane(self.ctx)
        self.leaf = LeafPanel(self.ctx)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.leaf)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.library = LibraryView(self.ctx)
        self.losing = LosingView(self.ctx)
        self.submit = SubmitView(self.ctx)
        self.after = AfterView(self.ctx)
        for w, name in ((self.splitter, "assessment"), (self.library, "library"), (self.losing, "losing"),
                        (self.submit, "submit"), (self.after, "status-appraised")):
            self.tabs.addTab(w, icon(name), "")
        col.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.status = StatusBar(self.ctx)
        self.setStatusBar(self.status)

    def _action(self, icon_name: str | None, slot: object,
                *keys: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
        act = QAction(self)
        if icon_name:
            act.setIcon(icon(icon_name))
        if keys:
            act.setShortcuts([QKeySequence(k) for k in keys])
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _actions(self) -> None:
        self.act_setup = self._action("setup", self.setupRequested, "Ctrl+N")
        self.act_open = self._action("folder", self._open_folder, "Ctrl+O")
        self.act_print = self._action("print", self._print, QKeySequence.StandardKey.Print)
        self.act_quit = self._action(None, self.close, QKeySequence.StandardKey.Quit)
        self.act_undo = self._action("undo", self.undo, "Ctrl+Z")
        self.act_redo = self._action("redo", self.redo, "Ctrl+Shift+Z", "Ctrl+Y")
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.act_attach = self._action("attach", lambda: self._in_leaf(self.leaf.evidence.choose_files),
                                       "Ctrl+Shift+A")
        self.act_link = self._action("link", lambda: self._in_leaf(self.leaf.evidence.link_existing), "Ctrl+Shift+L")
        self.act_search = self._action("search", self.focus_search, QKeySequence.StandardKey.Find)
        self.act_next = self._action("next", lambda: self.step(1), "Alt+Down", "Ctrl+PgDown")
        self.act_prev = self._action("previous", lambda: self.step(-1), "Alt+Up", "Ctrl+PgUp")
        self.act_input = self._action(None, lambda: self._in_leaf(self.leaf.focus_first_input), "F2")
        self.act_expl = self._action(None, lambda: self._in_leaf(self.leaf.explanation.setFocus), "Ctrl+E")
        self.act_tabs = [self._action(None, lambda _c=False, i=i: self.tabs.setCurrentIndex(i), f"Ctrl+{i + 1}")
                         for i in range(5)]
        self.lang_group = QActionGroup(self)
        self.act_vi = QAction("Tiếng Việt", self, checkable=True)
        self.act_en = QAction("English", self, checkable=True)
        for act, lang in ((self.act_vi, "vi"), (self.act_en, "en")):
            self.lang_group.addAction(act)
            act.triggered.connect(lambda _c=False, lang=lang: self.set_language(lang))
        (self.act_vi if self.ctx.lang == "vi" else self.act_en).setChecked(True)
        self.act_about = self._action(None, self._about)
        self.act_keys = self._action(None, self._keys, QKeySequence.StandardKey.HelpContents)

        mb = self.menuBar()
        self.menu_file = mb.addMenu("")
        for a in (self.act_setup, self.act_open):
            self.menu_file.addAction(a)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_print)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = mb.addMenu("")
        for a in (self.act_undo, self.act_redo):
            self.menu_edit.addAction(a)
        self.menu_edit.addSeparator()
        for a in (self.act_attach, self.act_link):
            self.menu_edit.addAction(a)
        self.menu_go = mb.addMenu("")
        for a in (self.act_search, self.act_next, self.act_prev, self.act_input, self.act_expl):
            self.menu_go.addAction(a)
        self.menu_go.addSeparator()
        for a in self.act_tabs:
            self.menu_go.addAction(a)
        self.menu_lang = mb.addMenu("")  # a title, not an icon alone: the menu must say what it is
        self.menu_lang.addAction(self.act_vi)
        self.menu_lang.addAction(self.act_en)
        self.menu_help = mb.addMenu("")
        self.menu_help.addAction(self.act_keys)
        self.menu_help.addAction(self.act_about)

    def _connect(self) -> None:
        self.tree.leafSelected.connect(self._leaf_selected)
        for view in (self.library, self.losing, self.submit, self.after):
            view.jumpToLeaf.connect(self.show_leaf)
        self.ctx.hub.undoStateChanged.connect(self._undo_state)
        self.ctx.runner.failed.connect(self._failed)
        self.leaf.evidence.message.connect(lambda m: self.status.showMessage(m, 5000))
        self.leaf.rejected.connect(lambda _c, m: self.status.showMessage(m, 8000))
        self.leaf.reopenRequested.connect(self.open_new_version)
        self.ctx.hub.stateChanged.connect(self._state_changed)
        self.ctx.language.changed.connect(self._language_changed)
        self.submit.submitStateChanged.connect(self.status.set_outbox)
        self.ctx.hub.changed.connect(self._changed)
        self.submit.reload()  # the status bar shows the outbox even while the Submit tab is hidden
        self.submit.sent.connect(self.status.mark_sent)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("parDesk — PAR Index self-assessment") + " — " + self.ctx.workspace.framework.title)
        self.demo_label.setText(self.tr("You are looking at SAMPLE data to learn parDesk. When you are ready, "
                                        "set up your own unit: the sample stays separate."))
        self.demo_setup.setText(self.tr("Set up my unit…"))
        names = (self.tr("&Assessment"), self.tr("Evidence &library"), self.tr("Where we &lose points"),
                 self.tr("&Submit"), self.tr("After su&bmission"))
        for i, name in enumerate(names):
            self.tabs.setTabText(i, name)
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_go.setTitle(self.tr("&Go"))
        self.menu_lang.setTitle(self.tr("&Language"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_setup.setText(self.tr("Set up a &new unit…"))
        self.act_open.setText(self.tr("&Open a workspace folder…"))
        self.act_print.setText(self.tr("&Print the forms…"))
        self.act_quit.setText(self.tr("&Quit"))
        self._undo_texts()
        self.act_attach.setText(self.tr("&Add evidence files…"))
        self.act_link.setText(self.tr("&Link an existing document…"))
        self.act_search.setText(self.tr("&Search items"))
        self.act_next.setText(self.tr("&Next item"))
        self.act_prev.setText(self.tr("&Previous item"))
        self.act_input.setText(self.tr("Go to the &answer"))
        self.act_expl.setText(self.tr("Go to the &explanation"))
        for i, name in enumerate(names):
            self.act_tabs[i].setText(name)
        self.act_about.setText(self.tr("&About parDesk"))
        self.act_keys.setText(self.tr("&Keyboard shortcuts"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _changed(self, change: Change) -> None:
        if change.assessment and not self.submit.isVisible():
            self.submit.reload()
        if change.assessment and self.after.isVisible():
            self.after.reload()

    # -- navigation ----------------------------------------------------------
    def _leaf_selected(self, code: str) -> None:
        self.leaf.show_leaf(code)
        self.ctx.window_state.save_leaf(self.ctx.folder, code)

    def show_leaf(self, code: str) -> None:
        """Open ``code`` in the assessment tab (from any list that names a leaf)."""
        self.tabs.setCurrentIndex(TAB_ASSESS)
        if self.tree.select(code):
            self.leaf.show_leaf(code)
            self.leaf.focus_first_input()

    def step(self, delta: int) -> None:
        self.tabs.setCurrentIndex(TAB_ASSESS)
        self.tree.step(delta)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(TAB_ASSESS)
        self.tree.focus_search()

    def _in_leaf(self, fn: Callable[[], object]) -> None:
        if self.leaf.code:
            self.tabs.setCurrentIndex(TAB_ASSESS)
            fn()

    # -- undo ------------------------------------------------------------------
    def _state_changed(self, state: State) -> None:
        """A lock or a reopen changes what undo may do even when the history itself did not change."""
        self._undo_state(state.can_undo, state.can_redo)

    def _undo_state(self, can_undo: bool, can_redo: bool) -> None:
        locked = bool(self.ctx.hub.state and self.ctx.hub.state.locked)  # a signed version cannot change
        self.act_undo.setEnabled(can_undo and not locked)
        self.act_redo.setEnabled(can_redo and not locked)
        self._undo_texts()

    def _undo_texts(self) -> None:
        """"Hoàn tác: Nhập từ Excel (52 mục)": the core names each command (parDesk.history)."""
        state = self.ctx.hub.state
        undo = state.undo_command if state else None
        redo = state.redo_command if state else None
        self.act_undo.setText(self.tr("&Undo: %1").replace("%1", undo.label(self.ctx.lang)) if undo
                              else self.tr("&Undo"))
        self.act_redo.setText(self.tr("&Redo: %1").replace("%1", redo.label(self.ctx.lang)) if redo
                              else self.tr("&Redo"))

    def undo(self) -> None:
        self.leaf.commit_pending()
        self.ctx.edit(lambda ws: ws.undo(), self._after_undo, self._failed, label="undo")

    def redo(self) -> None:
        self.leaf.commit_pending()
        self.ctx.edit(lambda ws: ws.redo(), self._after_undo, self._failed, label="redo")

    def open_new_version(self) -> None:
        """The locked banner's action: version n+1 from the signed version n (the core's ``reopen``)."""
        from parDesk.ui import operations as ops

        def done(_change: Change) -> None:
            self.submit.reload()
            self.status.showMessage(self.tr("A new version is open for editing."), 5000)

        self.ctx.edit(ops.open_new_version, done, self._failed, label="reopen")

    def _after_undo(self, change: Change) -> None:
        for code in change.codes:
            if code != self.leaf.code:
                self.tree.select(code)

    # -- other actions -----------------------------------------------------------
    def set_language(self, lang: str) -> None:
        self.leaf.commit_pending()
        self.ctx.language.set_language(lang)
        self.ctx.prefs.language = lang
        with contextlib.suppress(OSError):  # an unwritable config folder: the language still changes now
            self.ctx.prefs.save()

    def _language_changed(self, lang: str) -> None:
        (self.act_vi if lang == "vi" else self.act_en).setChecked(True)
        self.ctx.refresh()  # numbers and the core's messages read differently now

    def _print(self) -> None:
        """Ctrl+P: the print dialog for the forms, from the Submit tab (where the button says why if it cannot)."""
        self.tabs.setCurrentIndex(TAB_SUBMIT)
        if self.submit.paper_btn.isEnabled():
            self.submit.ask_print_paper()
        else:
            self.status.showMessage(self.submit.paper_btn.toolTip(), 8000)

    def _open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a parDesk workspace folder"))
        if folder:
            self.openRequested.emit(folder)

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("parDesk"), text.error_text(exc, with_where=True))

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About parDesk"),
                          self.tr("parDesk %1 — offline self-assessment of the PAR Index for communes.\n"
                                  "Workspace: %2").replace("%1", __version__).replace("%2", str(self.ctx.folder)))

    def _keys(self) -> None:
        rows = [(a.shortcut().toString(QKeySequence.SequenceFormat.NativeText), a.text().replace("&", ""))
                for a in (self.act_search, self.act_next, self.act_prev, self.act_input, self.act_expl,
                          self.act_undo, self.act_redo, self.act_attach, self.act_link, *self.act_tabs)]
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), "\n".join(f"{k}\t{t}" for k, t in rows))

    # -- state -----------------------------------------------------------------
    def _restore(self) -> None:
        ws_state = self.ctx.window_state
        geometry = ws_state.load_bytes("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.place_on_screen(fresh=True)
        else:
            self.place_on_screen(fresh=False)
        splitter = ws_state.load_bytes("splitter")
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([460, 820])
        code = ws_state.last_leaf(self.ctx.folder)
        fw = self.ctx.workspace.framework
        if not (code in fw and fw.get(code).is_leaf):
            code = next(iter(fw.leaves())).code
        self.tree.select(code)

    def place_on_screen(self, fresh: bool) -> None:
        """Keep the window inside the screen's available area (1024×600 and 1366×768 netbooks included).

        A first opening takes the preferred 1280×800 or what the screen has, centred; a remembered
        geometry is kept unless the screen shrank (another monitor, a projector), then it is fitted.
        """
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            if fresh:
                self.resize(PREFERRED_SIZE)
            return
        area = screen.availableGeometry()
        frame = self.frameGeometry()
        extra_w = max(0, frame.width() - self.width())
        extra_h = max(0, frame.height() - self.height())
        room = QSize(max(1, area.width() - extra_w), max(1, area.height() - extra_h))
        self.setMinimumSize(MINIMUM_SIZE.boundedTo(room))
        size = PREFERRED_SIZE if fresh else self.size()
        size = size.boundedTo(room).expandedTo(self.minimumSize())
        self.resize(size)
        rect = QRect(self.pos(), QSize(size.width() + extra_w, size.height() + extra_h))
        if fresh:
            rect.moveCenter(area.center())
        if fresh or not area.contains(rect):
            x = min(max(rect.x(), area.left()), area.right() + 1 - rect.width())
            y = min(max(rect.y(), area.top()), area.bottom() + 1 - rect.height())
            self.move(max(x, area.left()), max(y, area.top()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:  # the frame (title bar, borders) is known only once shown: fit again with it
            self._fitted = True
            self.fit_frame_on_screen()
            QTimer.singleShot(0, self.fit_frame_on_screen)  # some window managers add the frame a moment later

    def fit_frame_on_screen(self) -> None:
        """Shrink and move the window so that its frame, title bar included, is inside the available area."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None or self.isMaximized() or self.isFullScreen():
            return
        area = screen.availableGeometry()
        frame = self.frameGeometry()
        if area.contains(frame):
            return
        extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
        room = QSize(max(1, area.width() - extra_w), max(1, area.height() - extra_h))
        self.setMinimumSize(self.minimumSize().boundedTo(room))
        size = self.size().boundedTo(room)
        self.resize(size)
        width, height = size.width() + extra_w, size.height() + extra_h
        x = min(max(frame.x(), area.left()), area.right() + 1 - width)
        y = min(max(frame.y(), area.top()), area.bottom() + 1 - height)
        self.move(x, y)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.leaf.commit_pending()
        self.ctx.window_state.save_bytes("geometry", self.saveGeometry())
        self.ctx.window_state.save_bytes("splitter", self.splitter.saveState())
        self.ctx.window_state.sync()
        self.ctx.language.changed.disconnect(self._language_changed)
        self.ctx.runner.shutdown()
        super().closeEvent(event)
