"""The browser's search box: runs a query on Enter and explains a malformed one.

The error names the bad token (SearchQueryError.position) and the box selects
that token, so the user sees at once what to fix; editing clears the error.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from flashcards.gui.browser_model import CardTableModel
from flashcards.services.errors import FlashcardsError, SearchQueryError

__all__ = ["SearchBar"]


class SearchBar(QWidget):
    """A search line and, below it, the reason a query cannot run."""

    def __init__(self, model: CardTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.box = QLineEdit(self)
        self.box.setObjectName("searchBox")
        self.box.setClearButtonEnabled(True)
        self.box.textEdited.connect(self.clear_error)
        self.error = QLabel(self)
        self.error.setObjectName("searchError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("#searchError { color: #d55e00; }")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.error)
        self._retranslate()

    def run(self) -> bool:
        """Search for the text in the box; False (with the error shown) if it is malformed."""
        try:
            self._model.search(self.box.text())
        except SearchQueryError as exc:
            self._show_error(str(exc), exc.position, len(exc.token))
            return False
        except FlashcardsError as exc:
            self._show_error(str(exc), 0, 0)
            return False
        self.clear_error()
        return True

    def _show_error(self, text: str, position: int, length: int) -> None:
        self.error.setText(self.tr("This search cannot be run: %1").replace("%1", text))
        self.error.show()
        self.box.setStyleSheet("#searchBox { border: 2px solid #d55e00; }")
        self.box.setFocus()
        self.box.setSelection(position, max(1, length))

    def clear_error(self) -> None:
        self.error.hide()
        self.box.setStyleSheet("")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.box.setPlaceholderText(
            self.tr('Search, then Enter — e.g. deck:AWS tag:exam is:due 스팟 "exact phrase"')
        )
        self.box.setToolTip(
            self.tr(
                "Words match inside fields (case-insensitive). deck:NAME, tag:T, note:TYPE, "
                "is:new|due|review|suspended|buried|leech, prop:ivl>=10, added:7, rated:1, "
                "-negation, or, (parentheses)."
            )
        )
