"""The card browser: search, a lazily-filled table of cards, the note editor, bulk actions.

Enter in the search box runs the query (a malformed one is explained and its
bad token selected). Header clicks re-sort through `Collection.browse`. The
selection's bulk actions (browser_actions.py) and Ctrl+Z each refresh the view,
keep the selection where the cards are still found, and emit `changed` so the
main window reads its deck counts again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from flashcards.gui.browser_actions import BulkActions, Job, done_text, redone_text, undone_text
from flashcards.gui.browser_editor import NotePane
from flashcards.gui.browser_model import COLUMNS, CardTableModel
from flashcards.gui.browser_search import SearchBar
from flashcards.gui.labels import count_text, interval_text, redo_action_text, undo_action_text
from flashcards.gui.messages import show_error
from flashcards.gui.sizing import fit_to_screen, size_sections, wrap_toolbar
from flashcards.gui.worker import BackgroundTask, run_in_background
from flashcards.services.browse import SortColumn
from flashcards.services.collection import Collection, Undone
from flashcards.services.errors import FlashcardsError

__all__ = ["BACKGROUND_AT", "BrowserWindow", "deck_query", "open_browser"]

BACKGROUND_AT = 2000
"""Actions on this many cards or more run in the worker behind a busy dialog."""

# Sort field and deck elide at a fixed width; the others fit a sample of their widest
# text (whatever the font size); the last column (tags) stretches.
_WIDTHS: tuple[int | str, ...] = (250, 220, "(2026-12-31)", "", "2.50", "9999", "999", "2026-12-31")


def deck_query(name: str) -> str:
    """The search for one deck and its subdecks: deck:"NAME"."""
    return 'deck:"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _int(result: object) -> int:
    return result if isinstance(result, int) else 0


def _undone_text(result: object) -> str:
    if isinstance(result, Undone):
        return undone_text(result.kind, result.label)
    return ""


def _redone_text(result: object) -> str:
    if isinstance(result, Undone):
        return redone_text(result.kind, result.label)
    return ""


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class _MiddleElided(QStyledItemDelegate):
    """Cells cut in the middle when too long ("AWS::…::Leaf")."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class BrowserWindow(QMainWindow):
    """Find cards and change them, one by one or many at once."""

    changed = Signal()  # the browser changed the collection

    def __init__(self, col: Collection, query: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("browserWindow")
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._col = col
        self.task: BackgroundTask | None = None
        self.background_at = BACKGROUND_AT
        self._writes_seen = 0  # the collection's writes that the rows on screen show
        self._sizes: dict[
            str, int
        ] = {}  # undo label → cards it touched (big ones undo in the worker)
        self.model = CardTableModel(col, self)
        self._build()
        self.bulk = BulkActions(col, self, self.selected_card_ids, self.execute)
        self._build_menus()
        self._retranslate()
        fit_to_screen(self, 1180, 760)
        self.search_box.setText(query)
        self.run_search()

    # -- building ---------------------------------------------------------------------

    def _build(self) -> None:
        self.search_bar = SearchBar(self.model, self)
        self.search_box, self.search_error = self.search_bar.box, self.search_bar.error
        self.search_box.returnPressed.connect(self.run_search)
        self.table = QTableView(self)
        self.table.setObjectName("cardTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the editor, arrows move in rows
        # As in Anki, a long question shows its start; a deck path keeps its last part.
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._deck_cells = _MiddleElided(self.table)
        self.table.setItemDelegateForColumn(COLUMNS.index(SortColumn.DECK), self._deck_cells)
        self.table.setAlternatingRowColors(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.sortIndicatorChanged.connect(self._sort)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.pane = NotePane(self._col, self)
        self.pane.saved.connect(self._note_saved)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([440, 300])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.count_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.count_label)

    def _build_menus(self) -> None:
        self.undo_action = QAction(self)
        self.undo_action.setObjectName("browser_undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self)
        self.redo_action.setObjectName("browser_redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.redo)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_search)
        self.close_action = QAction(self)
        self.close_action.setShortcut(QKeySequence("Esc"))
        self.close_action.triggered.connect(self.close)
        edit = (self.undo_action, self.redo_action, self.find_action, self.close_action)
        for action in edit:
            self.addAction(action)
        actions = self.bulk.actions
        self.edit_menu = self.menuBar().addMenu("")
        self.edit_menu.addActions(edit)
        self.edit_menu.aboutToShow.connect(self._name_undo)
        self.cards_menu = self.menuBar().addMenu("")
        card_keys = ("move", "suspend", "unsuspend", "bury", "reset", "due", "delete_cards")
        self.cards_menu.addActions([actions[k] for k in card_keys])
        self.notes_menu = self.menuBar().addMenu("")
        self.notes_menu.addActions(
            [actions[k] for k in ("add_tags", "remove_tags", "delete_notes")]
        )
        # Two toolbars that sit side by side, or one above the other when they do not fit.
        self.toolbar, self.toolbar_more = QToolBar(self), QToolBar(self)
        for toolbar, name in ((self.toolbar, "browserToolbar"), (self.toolbar_more, "moreTools")):
            toolbar.setObjectName(name)
            toolbar.setMovable(False)
            toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.addToolBar(toolbar)
        for key in ("move", "add_tags", "remove_tags", "suspend", "unsuspend"):
            self.toolbar.addAction(actions[key])
        for key in ("bury", "reset", "due", "delete_notes"):
            self.toolbar_more.addAction(actions[key])
        self.toolbar_more.addSeparator()
        self.toolbar_more.addAction(self.undo_action)
        self.bulk.set_enabled(False)

    def _size_to_font(self) -> None:
        """Columns, rows and toolbars as large as the text in them."""
        header = self.table.horizontalHeader()
        widths = list(_WIDTHS)
        widths[3] = interval_text(380)  # "12.7 mo", in the interface language
        size_sections(header, self.model, widths, self.table.fontMetrics())
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        wrap_toolbar(self, self.toolbar, self.toolbar_more)

    # -- searching and sorting --------------------------------------------------------

    def run_search(self) -> bool:
        """Search for the text in the box; False (with the error shown) if it is malformed."""
        self.pane.save()
        if not self.search_bar.run():
            return False
        self._after_reset([], None, 0)
        return True

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        self.pane.save()
        keep, current = self.selected_card_ids(), self.current_card_id()
        self.model.sort(column, order)
        self._after_reset(keep, current, 0)

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    # -- selection ----------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        rows: set[int] = set()
        selection = self.table.selectionModel().selection()
        for i in range(selection.count()):
            selected = selection.at(i)
            rows.update(range(selected.top(), selected.bottom() + 1))
        return sorted(rows)

    def selected_card_ids(self) -> list[int]:
        ids = self.model.card_ids
        return [ids[row] for row in self.selected_rows()]

    def current_card_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.card_id(index.row()) if index.isValid() else None

    def select_cards(self, card_ids: Iterable[int], current: int | None = None) -> None:
        """Select the rows of these cards (those the search still finds)."""
        rows = self.model.rows_of(card_ids)
        self._select_rows(rows, None if current is None else self.model.row_of(current))

    def _select_rows(self, rows: list[int], current: int | None) -> None:
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for first, final in _runs(rows):
            selection.select(self.model.index(first, 0), self.model.index(final, last))
        model = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        if current is None and rows:
            current = rows[0]
        if current is not None:
            model.setCurrentIndex(self.model.index(current, 0), flags.NoUpdate)
            self.table.scrollTo(self.model.index(current, 0))
        model.select(selection, flags.ClearAndSelect | flags.Rows)
        self._selection_changed()

    def _after_reset(self, keep: list[int], current: int | None, fallback_row: int) -> None:
        """Restore the selection after the rows were read again (or pick a nearby row)."""
        if self.model.rows_of(keep):
            self.select_cards(keep, current)
        elif self.model.rowCount() and fallback_row >= 0:
            self._select_rows([min(fallback_row, self.model.rowCount() - 1)], None)
        else:
            self._selection_changed()
        self._update_counts()
        self._writes_seen = self._col.writes
        self._name_undo()

    def _selection_changed(self, *_args: object) -> None:
        """Actions, counts and the note pane follow the selection (one card: its note)."""
        rows = self.selected_rows()
        self.bulk.set_enabled(bool(rows))
        self._update_counts(len(rows))
        row = self.model.browse_row(rows[0]) if len(rows) == 1 else None
        if row is not None and row.note_id == self.pane.note_id:
            self.pane.show_card(row.template, self._col.card(row.card_id).ord)
            return
        if not self.pane.save():  # leaving a note with edits saves them, as in Anki
            text = self.tr("The note was not saved: %1")
            self.statusBar().showMessage(text.replace("%1", self.pane.status_label.text()), 8000)
        if row is None:
            self.pane.show_nothing(len(rows))
        else:
            self.pane.load(row.note_id, row.template, self._col.card(row.card_id).ord)

    def _update_counts(self, selected: int | None = None) -> None:
        if selected is None:
            selected = len(self.selected_rows())
        text = self.tr("%1 shown, %2 selected").replace("%1", count_text(self.model.rowCount()))
        self.count_label.setText(text.replace("%2", str(selected)))

    def context_menu(self) -> QMenu:
        """The selection's actions, as the table's context menu shows them."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        actions = self.bulk.actions
        menu.addActions([actions[k] for k in ("move", "add_tags", "remove_tags")])
        menu.addSeparator()
        menu.addActions([actions[k] for k in ("suspend", "unsuspend", "bury", "reset", "due")])
        menu.addSeparator()
        menu.addActions([actions["delete_notes"], actions["delete_cards"]])
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        if self.selected_rows():
            self.context_menu().popup(self.table.viewport().mapToGlobal(pos))

    # -- changing the collection ---------------------------------------------------------

    def execute(self, key: str, job: Job, size: int, detail: str = "") -> None:
        """Run one bulk action's service call, then refresh and report (BulkActions calls it)."""
        self.pane.save()
        self._run(job, size, lambda changed: done_text(key, _int(changed), detail))

    def undo(self) -> None:
        """Ctrl+Z: revert the collection's last change (a bulk action, an edit, an answer)."""
        nothing = self.tr("Nothing to undo.")
        self._step(lambda: self._col.undo_label, self._col.undo, _undone_text, nothing)

    def redo(self) -> None:
        """Ctrl+Shift+Z or Ctrl+Y: make the last undone change again."""
        nothing = self.tr("Nothing to redo.")
        self._step(lambda: self._col.redo_label, self._col.redo, _redone_text, nothing)

    def _step(
        self,
        label_of: Callable[[], str | None],
        step: Callable[[], object],
        said: Callable[[object], str],
        nothing: str,
    ) -> None:
        """An undo or redo. An edit on screen is saved first (undo then takes it back;
        a redo finds the change it would make again gone, as after any new change)."""
        if label_of() is not None:
            self.pane.save()
        label = label_of()
        if label is None:
            self.statusBar().showMessage(nothing, 5000)
            return
        self._run(step, self._sizes.get(label, 1), said)

    def _name_undo(self) -> None:
        """Undo and Redo say what they would do, as the Edit menu opens."""
        self.undo_action.setText(undo_action_text(self._col.undo_kind))
        self.redo_action.setText(redo_action_text(self._col.redo_kind))

    def _run(self, job: Callable[[], object], size: int, report: Callable[[object], str]) -> None:
        if self.task is not None:
            return
        keep, current = self.selected_card_ids(), self.current_card_id()
        row = self.table.currentIndex().row()

        def finished(result: object) -> None:
            if self._col.undo_label is not None and not isinstance(result, Undone):
                self._sizes[self._col.undo_label] = size
            self._refresh(keep, current, row)
            self.statusBar().showMessage(report(result), 8000)
            self.changed.emit()

        if size < self.background_at:
            try:
                result = job()
            except FlashcardsError as exc:
                show_error(self, exc)
                return
            finished(result)
            return
        self.model.frozen = True
        task = run_in_background(self, self.tr("Changing %1…").replace("%1", count_text(size)), job)
        task.succeeded.connect(finished)
        task.failed.connect(lambda error: show_error(self, error))
        task.finished.connect(self._task_finished)
        self.task = task

    def _task_finished(self) -> None:
        self.task = None
        self.model.frozen = False
        self.model.reload_rows()

    def _refresh(self, keep: list[int], current: int | None, row: int) -> None:
        self.model.frozen = False
        self.model.refresh()
        self.pane.show_nothing(0)  # the note may have changed: read it again
        self._after_reset(keep, current, row)

    def _reread(self) -> None:
        """Back from the main window, which wrote meanwhile (an undo, a review, an edit):
        the search, its rows and the note on screen are read again (an edit typed here
        was saved when the browser was left)."""
        if self.pane.dirty:  # an edit that could not be saved stays on screen
            self.model.reload_rows()
            return
        keep, current = self.selected_card_ids(), self.current_card_id()
        self._refresh(keep, current, self.table.currentIndex().row())

    def _note_saved(self, _note_id: int) -> None:
        self.model.reload_rows()
        self._writes_seen = self._col.writes
        self.changed.emit()

    # -- window -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task is not None:
            event.ignore()
            return
        self.pane.save()
        super().closeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wrap_toolbar(self, self.toolbar, self.toolbar_more)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._size_to_font()
        elif event.type() == QEvent.Type.ActivationChange and self.task is None:
            if not self.isActiveWindow():
                self.pane.save()  # leaving the browser keeps an edit, as Anki's editor does
            elif self._writes_seen != self._col.writes:
                self._reread()  # the main window wrote meanwhile
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Browse cards"))
        self.undo_action.setText(self.tr("Undo"))
        self.redo_action.setText(self.tr("Redo"))
        self.find_action.setText(self.tr("Find"))
        self.close_action.setText(self.tr("Close"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.cards_menu.setTitle(self.tr("&Cards"))
        self.notes_menu.setTitle(self.tr("&Notes"))
        self.toolbar.setWindowTitle(self.tr("Bulk actions"))
        self.toolbar_more.setWindowTitle(self.tr("More bulk actions"))
        self.bulk.retranslate()
        self.model.retranslate()
        self._update_counts()
        self._size_to_font()


def open_browser(
    col: Collection, parent: QWidget, deck: str | None, on_change: Callable[[], None]
) -> BrowserWindow:
    """The browser window (one per main window), searching `deck` when it is first opened."""
    existing = parent.findChild(BrowserWindow)
    if existing is not None and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    window = BrowserWindow(col, deck_query(deck) if deck else "", parent)
    window.changed.connect(on_change)
    window.show()
    return window
