"""The main window: deck list, review screen and summary, with the app's actions."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from flashcards import __version__
from flashcards.gui.appearance import Appearance
from flashcards.gui.deck_actions import DeckActions
from flashcards.gui.deck_page import DeckPage
from flashcards.gui.fonts import KoreanFontBanner
from flashcards.gui.labels import redo_action_text, redo_text, undo_action_text, undo_text
from flashcards.gui.messages import inform, show_error, warn
from flashcards.gui.preferences import Preferences
from flashcards.gui.sizing import fit_to_screen, grow_to_fit
from flashcards.gui.transfer import Transfers
from flashcards.gui.worker import BackgroundTask, run_in_background
from flashcards.services.collection import ANSWER_LABEL, Collection
from flashcards.services.errors import FlashcardsError

if TYPE_CHECKING:
    from flashcards.gui.browser_window import BrowserWindow
    from flashcards.gui.review import ReviewScreen
    from flashcards.gui.stats_window import StatsWindow
    from flashcards.gui.summary import SummaryPage
    from flashcards.gui.welcome import WelcomeDialog
    from flashcards.services.study import SessionSummary

# The browser, statistics, note, settings, welcome and check-report windows are
# imported when first opened: none is part of the first paint, and the browser
# alone pulls in the search, bulk-edit and note-editor modules.

__all__ = ["MainWindow"]

_log = logging.getLogger(__name__)

_ACTIONS = (
    # key, shortcut, on the toolbar
    ("study", "S", True),
    ("add", "A", True),
    ("browse", "B", True),
    ("create_deck", "", False),
    ("stats", "T", True),
    ("import", "Ctrl+Shift+I", True),
    ("export", "Ctrl+Shift+E", True),
    ("backups", "", False),
    ("settings", "Ctrl+P", True),
    ("check", "", True),
    ("undo", "Ctrl+Z", False),
    ("redo", "Ctrl+Shift+Z", False),
    ("welcome", "F1", False),
    ("about", "", False),
    ("quit", "Ctrl+Q", False),
)


class MainWindow(QMainWindow):
    """Everything the user sees; reaches the collection only through its services."""

    def __init__(
        self,
        col: Collection,
        prefs: Preferences,
        appearance: Appearance,
        *,
        korean_font: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._col, self._prefs, self._appearance = col, prefs, appearance
        self.task: BackgroundTask | None = None
        self.banner = KoreanFontBanner(self)
        self.banner.setVisible(not korean_font)
        self.deck_page = DeckPage(self)
        self._review: ReviewScreen | None = None  # built when first shown: see review
        self._summary: SummaryPage | None = None
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.deck_page)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.totals = QLabel(self)
        self.totals.setObjectName("totals")
        self.statusBar().addPermanentWidget(self.totals)
        self.actions_by_key: dict[str, QAction] = {}
        self.deck_actions = DeckActions(col, self)  # rename and delete from the deck list
        self.transfers = Transfers(col, self)  # also takes files dropped on the window
        self.transfers.task_started.connect(self._track_task)
        self.transfers.collection_replaced.connect(self.reload)
        self.transfers.replacing.connect(self._close_views)
        self._build_actions()
        self._connect()
        self._retranslate()
        self.refresh()
        if not (prefs.last_deck and self.deck_page.select_deck(prefs.last_deck)):
            self.deck_page.tree.setCurrentIndex(self.deck_page.model.index(0, 0))
        geometry = prefs.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            fit_to_screen(self, 1000, 700)

    # -- building ---------------------------------------------------------------------

    def _build_actions(self) -> None:
        handlers = {
            "study": self.study,
            "add": self.add_note,
            "browse": self.browse,
            "create_deck": self.deck_actions.create,
            "stats": self.stats,
            "import": self.import_file,
            "export": self.export_file,
            "backups": self.show_backups,
            "settings": self.open_settings,
            "check": self.check_database,
            "undo": self.undo,
            "redo": self.redo,
            "welcome": self.show_welcome,
            "about": self.about,
            "quit": self.close,
        }
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        for key, shortcut, on_toolbar in _ACTIONS:
            action = QAction(self)
            action.setObjectName(f"action_{key}")
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(handlers[key])
            self.addAction(action)
            if on_toolbar:
                self.toolbar.addAction(action)
            self.actions_by_key[key] = action
        self.file_menu = self.menuBar().addMenu("")
        self.go_menu = self.menuBar().addMenu("")
        self.help_menu = self.menuBar().addMenu("")
        menus = {
            self.file_menu: ("import", "export", "backups", "check", "settings", "quit"),
            self.go_menu: ("study", "add", "create_deck", "browse", "stats", "undo", "redo"),
            self.help_menu: ("welcome", "about"),
        }
        for menu, keys in menus.items():
            for key in keys:
                menu.addAction(self.actions_by_key[key])
        redo = self.actions_by_key["redo"]
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.go_menu.aboutToShow.connect(self._name_undo)

    def _name_undo(self) -> None:
        """Undo and Redo say what they would do, as the menu opens."""
        self.actions_by_key["undo"].setText(undo_action_text(self._col.undo_kind))
        self.actions_by_key["redo"].setText(redo_action_text(self._col.redo_kind))

    def _connect(self) -> None:
        self.deck_page.study_requested.connect(self._study_deck)
        self.deck_page.options_requested.connect(self._deck_options)
        self.deck_page.deck_selected.connect(self._remember_deck)
        self.deck_page.rename_requested.connect(self.deck_actions.rename)
        self.deck_page.create_requested.connect(self.deck_actions.create)
        self.deck_page.delete_requested.connect(self.deck_actions.delete)
        self.deck_actions.changed.connect(self._decks_changed)
        self.deck_actions.message.connect(self._message)
        self.stack.currentChanged.connect(self._page_changed)
        self._appearance.changed.connect(self._appearance_changed)

    # -- pages and counts ---------------------------------------------------------------

    @property
    def review(self) -> ReviewScreen:
        """The review screen, built the first time it is needed: it is not part of
        the first paint, and its card view and study modules cost ~50 ms to load and build."""
        if self._review is None:
            from flashcards.gui.review import ReviewScreen

            self._review = ReviewScreen(self._col, self)
            self.stack.addWidget(self._review)
            self._review.finished.connect(self._session_finished)
            self._review.changed.connect(self.refresh)
            self._review.edit_requested.connect(self.edit_note)
            self._review.message.connect(self._message)
        return self._review

    @property
    def summary(self) -> SummaryPage:
        """The end-of-session page, built the first time a session ends."""
        if self._summary is None:
            from flashcards.gui.summary import SummaryPage

            self._summary = SummaryPage(self)
            self.stack.addWidget(self._summary)
            self._summary.back_requested.connect(self.show_decks)
        return self._summary

    def refresh(self) -> None:
        """Read today's counts again and show them."""
        summaries = self._col.deck_summaries()
        self.deck_page.set_summaries(summaries)
        roots = [s for s in summaries if s.depth == 0]
        due, drills = sum(s.due for s in roots), sum(s.drills for s in roots)
        new, cards = sum(s.new for s in roots), sum(s.cards for s in roots)
        text = self.tr("Due today: %1 · re-drills: %2 · new: %3 — %4 cards in %5 decks")
        for number, value in enumerate((due, drills, new, cards, len(summaries)), start=1):
            text = text.replace(f"%{number}", str(value))
        self.totals.setText(text)

    def _decks_changed(self, select: str) -> None:
        """A deck was renamed (select its new name) or deleted (select the first deck)."""
        self.refresh()
        page = self.deck_page
        if not (select and page.select_deck(select)) and not page.tree.currentIndex().isValid():
            page.tree.setCurrentIndex(page.model.index(0, 0))

    def show_decks(self) -> None:
        self.stack.setCurrentWidget(self.deck_page)
        self.refresh()
        self.deck_page.tree.setFocus()

    def _page_changed(self) -> None:
        self.actions_by_key["study"].setEnabled(self.stack.currentWidget() is self.deck_page)

    def _appearance_changed(self) -> None:
        self.deck_page.apply_fonts()
        if self._summary is not None:
            self._summary.apply_fonts()
        grow_to_fit(self, 1000, 700)  # a larger font needs a larger window

    def _remember_deck(self, name: str) -> None:
        self._prefs.last_deck = name

    def _message(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    # -- studying -------------------------------------------------------------------------

    def study(self) -> None:
        self._study_deck(self.deck_page.current_deck() or "")

    def _study_deck(self, name: str) -> None:
        """Start today's session for deck `name` ('' = every deck)."""
        try:
            session = self._col.study(name or None)
        except FlashcardsError as exc:
            warn(self, self.tr("Cannot study"), str(exc))
            return
        if name:
            self._prefs.last_deck = name
        self.stack.setCurrentWidget(self.review)
        self.review.start(session)

    def _session_finished(self, summary: SessionSummary, left: int) -> None:
        self.summary.show_summary(summary, left)
        self.stack.setCurrentWidget(self.summary)
        self.summary.setFocus()
        self.refresh()

    def undo(self) -> None:
        """Ctrl+Z: during a session the session undoes (and shows the card again); so
        does undoing an answer from the deck list after it, as in Anki."""
        nothing = self.tr("Nothing to undo.")
        label = self._col.undo_label
        self._step(label, lambda: self.review.undo(), self._col.undo, undo_text, nothing)

    def redo(self) -> None:
        """Ctrl+Shift+Z or Ctrl+Y: make the last undone change again, as in Anki; an answer
        undone in a session is answered again there."""
        nothing = self.tr("Nothing to redo.")
        label = self._col.redo_label
        self._step(label, lambda: self.review.redo(), self._col.redo, redo_text, nothing)

    def _step(
        self,
        label: str | None,
        in_session: Callable[[], object],
        step: Callable[[], object],
        said: Callable[[str], str],
        nothing: str,
    ) -> None:
        """An undo or redo: the session's, when one is open and the step is an answer or
        the review is on screen; otherwise the collection's, said in the status bar."""
        on_decks = self.stack.currentWidget() is self.deck_page
        studied = self._review is not None and self._review.session is not None
        if studied and label is not None and (label == ANSWER_LABEL or not on_decks):
            self.stack.setCurrentWidget(self.review)
            self.review.setFocus()
            in_session()
            return
        if label is None:
            self._message(nothing)
            return
        step()
        self._message(said(label))
        self._decks_changed("")  # an undone or redone rename or delete changes the deck list

    # -- notes ------------------------------------------------------------------------------

    def add_note(self) -> None:
        deck = self.deck_page.current_deck() or self._prefs.last_deck
        from flashcards.gui.note_dialog import NoteDialog

        dialog = NoteDialog(self._col, deck=deck, parent=self)
        dialog.saved.connect(self.refresh)
        dialog.show()

    def edit_note(self, note_id: int) -> None:
        from flashcards.gui.note_dialog import NoteDialog

        dialog = NoteDialog(self._col, note_id=note_id, parent=self)
        dialog.saved.connect(self.review.reload_card)
        dialog.saved.connect(self.refresh)
        dialog.finished.connect(self.review.setFocus)
        dialog.open()

    # -- dialogs ----------------------------------------------------------------------------

    def open_settings(self) -> None:
        from flashcards.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._col, self._prefs, self._appearance, self)
        dialog.study_settings_changed.connect(self.refresh)
        dialog.open()

    def _deck_options(self, name: str) -> None:
        from flashcards.gui.settings_dialog import DeckOptionsDialog

        dialog = DeckOptionsDialog(self._col, name, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()

    def show_welcome(self) -> WelcomeDialog:
        from flashcards.gui.welcome import WelcomeDialog

        dialog = WelcomeDialog(self)
        dialog.start_requested.connect(self.study)
        dialog.open()
        return dialog

    def maybe_show_welcome(self) -> WelcomeDialog | None:
        """On first launch, the welcome page; remembered so it shows only once."""
        if self._prefs.welcome_shown:
            return None
        self._prefs.welcome_shown = True
        return self.show_welcome()

    def browse(self) -> BrowserWindow:
        """The card browser, searching the selected deck; its changes refresh the counts."""
        from flashcards.gui.browser_window import open_browser

        return open_browser(self._col, self, self.deck_page.current_deck(), self._changed_elsewhere)

    def _changed_elsewhere(self) -> None:
        """The browser wrote: new counts, and the review moves on if its card went."""
        self.refresh()
        if self._review is not None:
            self._review.collection_changed()

    def stats(self) -> StatsWindow:
        """The statistics window, for the selected deck (its chooser switches)."""
        from flashcards.gui.stats_window import open_stats

        return open_stats(self._col, self, self.deck_page.current_deck())

    # -- import, export, backups (transfer.py) ----------------------------------------------

    def import_file(self) -> None:
        self.transfers.open_import()

    def export_file(self) -> None:
        self.transfers.open_export(self.deck_page.current_deck())

    def show_backups(self) -> None:
        self.transfers.open_backups()

    def _close_views(self) -> None:
        """Before a restore: the browser saves a pending edit (so the backup made first
        keeps it) and closes, as does the statistics window; they would show, and write
        to, the collection that is about to go."""
        from flashcards.gui.browser_window import BrowserWindow
        from flashcards.gui.stats_window import StatsWindow

        for window in [*self.findChildren(BrowserWindow), *self.findChildren(StatsWindow)]:
            window.close()

    def reload(self) -> None:
        """The collection was replaced (a restore): leave any session, read everything again."""
        self.show_decks()

    def _track_task(self, task: BackgroundTask) -> None:
        self.task = task
        task.finished.connect(self._task_finished)

    def about(self) -> None:
        inform(
            self,
            self.tr("About flashcards"),
            self.tr("flashcards %1 — offline spaced repetition with SuperMemo's SM-2.").replace(
                "%1", __version__
            ),
        )

    # -- check database ----------------------------------------------------------------------

    def check_database(self) -> BackgroundTask:
        """Run the integrity check (with safe repairs) in a worker; show the report."""
        from flashcards.gui.check_report import show_check_report

        task = run_in_background(
            self, self.tr("Checking the collection…"), lambda: self._col.check(repair=True)
        )
        task.succeeded.connect(lambda report: show_check_report(self, report))
        task.failed.connect(lambda error: show_error(self, error))
        task.finished.connect(self._task_finished)
        self.task = task
        return task

    def _task_finished(self) -> None:
        self.task = None
        self.refresh()

    # -- window -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task is not None:
            event.ignore()
            return
        self._prefs.geometry = self.saveGeometry()
        name = self.deck_page.current_deck()
        if name:
            self._prefs.last_deck = name
        browsers = sys.modules.get("flashcards.gui.browser_window")  # loaded once opened
        for browser in self.findChildren(browsers.BrowserWindow) if browsers else ():
            browser.close()  # saves a note being edited there, before the backup
        try:
            self._col.backup_if_due()  # the daily backup, at most one a day
        except FlashcardsError as exc:
            _log.warning("no daily backup: %s", exc)
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle("flashcards")
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        texts = {
            "study": (self.tr("Study"), self.tr("Study today's cards of the selected deck")),
            "add": (self.tr("Add"), self.tr("Add a note")),
            "browse": (self.tr("Browse"), self.tr("Browse the cards")),
            "stats": (self.tr("Stats"), self.tr("Statistics")),
            "create_deck": (self.tr("Create deck…"), self.tr("Make a new, empty deck")),
            "import": (self.tr("Import…"), self.tr("Import a deck file")),
            "export": (self.tr("Export…"), self.tr("Export decks to a file")),
            "backups": (self.tr("Backups…"), self.tr("Back up the collection or restore a backup")),
            "settings": (self.tr("Settings"), self.tr("Daily limits, theme, language")),
            "check": (self.tr("Check database"), self.tr("Check the collection and repair it")),
            "undo": (self.tr("Undo"), self.tr("Undo the last change")),
            "redo": (self.tr("Redo"), self.tr("Make the last undone change again")),
            "welcome": (self.tr("Welcome"), self.tr("The welcome page")),
            "about": (self.tr("About flashcards"), ""),
            "quit": (self.tr("Quit"), ""),
        }
        for key, (text, tip) in texts.items():
            action = self.actions_by_key[key]
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip or text} ({shortcut})" if shortcut else tip or text)
        self.file_menu.setTitle(self.tr("&File"))
        self.go_menu.setTitle(self.tr("&Study"))
        self.help_menu.setTitle(self.tr("&Help"))
        if self.isVisible():
            self.refresh()
