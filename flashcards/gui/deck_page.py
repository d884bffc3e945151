"""The deck list page: the deck tree with today's counts and a Study button."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QAction, QContextMenuEvent, QFontMetrics, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from flashcards.gui.appearance import set_scaled_font
from flashcards.gui.deck_model import DECK_NAME_ROLE, DeckTreeModel
from flashcards.services.collection import DeckSummary

__all__ = ["DeckPage"]


class DeckPage(QWidget):
    """Shows DeckSummary rows; asks for a study session or a deck's options by signal."""

    study_requested = Signal(str)  # deck name
    options_requested = Signal(str)  # deck name
    rename_requested = Signal(str)  # deck name
    delete_requested = Signal(str)  # deck name
    create_requested = Signal()
    deck_selected = Signal(str)  # deck name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deckPage")
        self.model = DeckTreeModel(self)
        self.title = QLabel(self)
        self.title.setObjectName("deckTitle")
        self.tree = QTreeView(self)
        self.tree.setObjectName("deckTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 4px 2px; }")
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.installEventFilter(self)  # the keyboard's context menu (see eventFilter)
        self.tree.activated.connect(self._activated)
        # F2 and Delete act on the selected deck, as the context menu's entries do.
        self.rename_action = QAction(self.tree)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.delete_action = QAction(self.tree)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        for action, signal in (
            (self.rename_action, self.rename_requested),
            (self.delete_action, self.delete_requested),
        ):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, s=signal: self._on_current(s))
            self.tree.addAction(action)
        # Shift+F10 is the Menu key's twin elsewhere; Qt leaves it to the application.
        self.menu_action = QAction(self.tree)
        self.menu_action.setShortcut(QKeySequence("Shift+F10"))
        self.menu_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.menu_action.triggered.connect(self._menu_for_current)
        self.tree.addAction(self.menu_action)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        selection = self.tree.selectionModel()
        selection.selectionChanged.connect(self._selection_changed)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyDecks")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.hint = QLabel(self)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setWordWrap(True)
        self.study_button = QPushButton(self)
        self.study_button.setObjectName("studyButton")
        self.study_button.setMinimumHeight(36)
        self.study_button.clicked.connect(self._study_clicked)
        self.create_button = QPushButton(self)  # where Anki has its Create Deck
        self.create_button.setObjectName("createDeckButton")
        self.create_button.setMinimumHeight(36)
        self.create_button.clicked.connect(self.create_requested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.create_button)
        bottom.addWidget(self.study_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(bottom)
        self.apply_fonts()
        self._retranslate()

    def apply_fonts(self) -> None:
        """Size the title and the deck list from the interface font (after it changes)."""
        set_scaled_font(self.title, 1.4, bold=True)
        set_scaled_font(self.tree, 1.2)
        set_scaled_font(self.tree.header(), 1.2)  # the header keeps the rows' size
        self._size_columns()

    def _size_columns(self) -> None:
        """Count columns as wide as their title or a four-digit count, with room between."""
        header = self.tree.header()
        titles, digits = QFontMetrics(header.font()), QFontMetrics(self.tree.font())
        room = 2 * titles.horizontalAdvance("M")
        for column in range(1, self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(titles.horizontalAdvance(title), digits.horizontalAdvance("0000"))
            header.resizeSection(column, width + room)

    def set_summaries(self, summaries: Sequence[DeckSummary]) -> None:
        """Show these decks and counts, keeping the selection and what is expanded."""
        keep = self.current_deck()
        rebuilt = self.model.rowCount() == 0
        self.model.update(summaries)
        if rebuilt or not self.tree.currentIndex().isValid():
            self.tree.expandAll()
        if keep and not self.tree.currentIndex().isValid():
            self.select_deck(keep)
        self.empty_label.setVisible(not any(s.cards for s in summaries))

    def select_deck(self, name: str) -> bool:
        index = self.model.deck_index(name)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def current_deck(self) -> str | None:
        index = self.tree.currentIndex()
        value = index.siblingAtColumn(0).data(DECK_NAME_ROLE) if index.isValid() else None
        return value if isinstance(value, str) else None

    def _activated(self, index: QModelIndex) -> None:
        name = index.siblingAtColumn(0).data(DECK_NAME_ROLE)
        if isinstance(name, str):
            self.study_requested.emit(name)

    def _study_clicked(self) -> None:
        self.study_requested.emit(self.current_deck() or "")

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        name = self.current_deck()
        if name:
            self.deck_selected.emit(name)

    def _context_menu(self, pos: QPoint) -> None:
        """A right-click: `pos` is in the viewport's coordinates."""
        self._menu_at(self.tree.indexAt(pos), pos)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The Menu key opens the menu of the selected deck, under it.

        Qt gives such a request in the tree's own coordinates, not its viewport's
        (below the header), so looking the deck up there found the next one down.
        """
        if (
            watched is self.tree
            and event.type() == QEvent.Type.ContextMenu
            and isinstance(event, QContextMenuEvent)
            and event.reason() == QContextMenuEvent.Reason.Keyboard
        ):
            self._menu_for_current()
            return True
        return super().eventFilter(watched, event)

    def _menu_for_current(self) -> None:
        index = self.tree.currentIndex()
        self._menu_at(index, self.tree.visualRect(index).center())

    def _menu_at(self, index: QModelIndex, pos: QPoint) -> None:
        name = index.siblingAtColumn(0).data(DECK_NAME_ROLE) if index.isValid() else None
        if isinstance(name, str):
            self.context_menu(name).popup(self.tree.viewport().mapToGlobal(pos))

    def context_menu(self, name: str) -> QMenu:
        """What a right-click on deck `name` offers."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("Study"), lambda: self.study_requested.emit(name))
        menu.addAction(self.tr("Options…"), lambda: self.options_requested.emit(name))
        menu.addSeparator()
        rename = menu.addAction(self.tr("Rename…"), lambda: self.rename_requested.emit(name))
        rename.setShortcut(self.rename_action.shortcut())
        delete = menu.addAction(self.tr("Delete…"), lambda: self.delete_requested.emit(name))
        delete.setShortcut(self.delete_action.shortcut())
        return menu

    def _on_current(self, signal: SignalInstance) -> None:
        name = self.current_deck()
        if name:
            signal.emit(name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Decks"))
        self.study_button.setText(self.tr("Study (S)"))
        self.create_button.setText(self.tr("Create deck…"))
        self.hint.setText(
            self.tr(
                "Pick a deck and press Enter or Study. Right-click a deck for its options, "
                "to rename it (F2) or to delete it (Del)."
            )
        )
        self.empty_label.setText(
            self.tr(
                "There are no cards yet. Add a note with Add (A), or import a deck with "
                "File ▸ Import…."
            )
        )
        self.model.retranslate()
        self._size_columns()
