"""The statistics window: a deck chooser, the statistics page, and "Export as PNG…".

It opens no larger than the screen (the page scrolls inside it), and Esc closes it.

The page shows `Collection.statistics(deck)` for the whole collection or one
deck with its subdecks; choosing another deck reads them again. Export saves
the whole page (not only the part scrolled into view) with QWidget.grab().
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from flashcards.gui.messages import show_error
from flashcards.gui.sizing import fit_to_screen
from flashcards.gui.stats_page import StatsPage
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError

__all__ = ["StatsWindow", "open_stats"]


class StatsWindow(QMainWindow):
    """Statistics for the collection or one deck tree."""

    def __init__(self, col: Collection, deck: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("statsWindow")
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._col = col
        self.deck_label = QLabel(self)
        self.deck_box = QComboBox(self)
        self.deck_box.setObjectName("statsDeckBox")
        self.deck_box.setMinimumContentsLength(24)
        self.deck_box.addItem("", None)
        for item in col.decks():
            self.deck_box.addItem(item.name, item.name)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportPng")
        self.export_button.clicked.connect(self.ask_export)
        self.page = StatsPage(self)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(self.page)
        bar = QHBoxLayout()
        bar.addWidget(self.deck_label)
        bar.addWidget(self.deck_box)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(bar)
        layout.addWidget(self.scroller, 1)
        self.setCentralWidget(central)
        self.file_dialog: QFileDialog | None = None
        self.close_action = QAction(self)
        self.close_action.setShortcut(QKeySequence("Esc"))
        self.close_action.triggered.connect(self.close)
        self.addAction(self.close_action)
        self._retranslate()
        index = self.deck_box.findData(deck) if deck else 0
        self.deck_box.setCurrentIndex(max(0, index))
        self.deck_box.currentIndexChanged.connect(self.refresh)
        self.refresh()
        fit_to_screen(self, 980, 820)  # 820 is more than a laptop has: then less

    def deck(self) -> str | None:
        """The chosen deck, or None for the whole collection."""
        data = self.deck_box.currentData()
        return data if isinstance(data, str) else None

    def choose_deck(self, deck: str | None) -> None:
        self.deck_box.setCurrentIndex(max(0, self.deck_box.findData(deck)) if deck else 0)

    def refresh(self) -> None:
        """Read the statistics of the chosen deck again and show them."""
        try:
            stats = self._col.statistics(self.deck())
        except FlashcardsError as exc:
            show_error(self, exc)
            return
        self.page.show_stats(stats)

    # -- export -------------------------------------------------------------------------

    def ask_export(self) -> QFileDialog:
        """Ask where to save the PNG (without blocking); saving happens on accept."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        name = f"flashcards-stats-{self.deck() or 'all'}.png".replace("::", "-").replace("/", "-")
        dialog = QFileDialog(
            self, self.tr("Export statistics as PNG"), str(Path(folder or ".") / name)
        )
        dialog.setObjectName("exportPngDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PNG images (*.png)"))
        dialog.setDefaultSuffix("png")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.export_png(Path(path)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def export_png(self, path: Path) -> bool:
        """Save the whole statistics page as a PNG image."""
        image = self.page.grab()
        if not image.save(str(path), "PNG"):
            show_error(
                self,
                FlashcardsError(f"cannot write {path}: check the folder exists and is writable"),
            )
            return False
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 8000)
        return True

    # -- texts --------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Statistics"))
        self.deck_label.setText(self.tr("Deck:"))
        self.deck_box.setItemText(0, self.tr("Whole collection"))
        self.export_button.setText(self.tr("Export as PNG…"))


def open_stats(col: Collection, parent: QWidget, deck: str | None) -> StatsWindow:
    """The statistics window (one per main window), read again each time it is asked for."""
    existing = parent.findChild(StatsWindow)
    if existing is not None and existing.isVisible():
        existing.refresh()
        existing.raise_()
        existing.activateWindow()
        return existing
    window = StatsWindow(col, deck, parent)
    window.show()
    return window
