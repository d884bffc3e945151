"""The browser's search box: runs a query on Enter and explains a malformed one.

The error names the bad token (SearchQueryError.token and .position), says in
the interface language what is wrong with it, and the box selects that token,
so the user sees at once what to fix; editing clears the error.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from flashcards.core.search_tree import IS_STATES, PROP_NAMES
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
            self._show_error(self.explain(exc.token, exc.position), exc.position, len(exc.token))
            return False
        except FlashcardsError as exc:
            self._show_error(str(exc), 0, 0)
            return False
        self.clear_error()
        return True

    def explain(self, token: str, position: int) -> str:
        """What is wrong with the search at `token` (which starts at `position`), in words."""
        text = self.tr("“%1” (from character %2) cannot be read as a search.")
        text = text.replace("%1", token).replace("%2", str(position + 1))
        return f"{text} {self._hint(token)}"

    def _hint(self, token: str) -> str:
        key = token.split(":", 1)[0].lower() + ":" if ":" in token else ""
        hints = {
            "(": self.tr("Close it with “)”."),
            ")": self.tr("There is no “(” before it."),
            "()": self.tr("There is nothing between the parentheses."),
            "-": self.tr("Put “-” right before what to leave out, e.g. -tag:exam."),
            '""': self.tr("There is nothing between the quotes."),
        }
        if token in hints:
            return hints[token]
        if token.startswith('"'):
            return self.tr('Close the quote with another “"”.')
        if key == "is:":
            return self.tr("“is:” takes one of: %1.").replace("%1", ", ".join(IS_STATES))
        if key == "prop:":
            text = self.tr("“prop:” takes %1, a comparison and a number, e.g. prop:ivl>=10.")
            return text.replace("%1", ", ".join(PROP_NAMES))
        if key in ("added:", "rated:"):
            return self.tr("Give a number of days, 1 or more, e.g. added:7 or rated:1:4.")
        if key == "tag:":
            return self.tr("A tag cannot contain spaces.")
        if key in ("deck:", "note:"):
            return self.tr("Give a value after “%1”, e.g. deck:AWS.").replace("%1", key)
        if key:
            return self.tr("There is no search key “%1”; put text with “:” in quotes.").replace(
                "%1", key
            )
        return self.tr("Check the quotes and parentheses.")

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
