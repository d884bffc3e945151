"""The browser's lower half: the note of the selected card in the shared note editor.

Edits are saved through `Collection.update_note` with Save (Ctrl+Enter), and
automatically when the selection moves to another card, as in Anki. With no
card or several cards selected, a line says so instead.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from flashcards.gui.labels import notetype_label
from flashcards.gui.note_editor import NoteEditor
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError

__all__ = ["NotePane"]


class NotePane(QStackedWidget):
    """Shows and saves the note of one card; `saved` carries the note id."""

    saved = Signal(int)

    def __init__(self, col: Collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notePane")
        self._col = col
        self.note_id: int | None = None
        self.dirty = False
        self._selected = 0
        self._template = ""
        self.editor = NoteEditor(col, self)
        self.info_label = QLabel(self)
        self.info_label.setObjectName("noteInfo")
        self.info_label.setTextFormat(Qt.TextFormat.PlainText)  # deck and type names are data
        self.editor.top_form.addRow(self.info_label)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("noteStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton(self)
        self.save_button.setAutoDefault(False)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        editing = QWidget(self)
        layout = QVBoxLayout(editing)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.editor, 1)
        row = QHBoxLayout()
        row.addWidget(self.status_label, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("notePlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)  # drawn in the muted text colour
        self.addWidget(editing)
        self.addWidget(self.placeholder)
        self.editor.changed.connect(self._edited)
        self.editor.submitted.connect(self.save)
        self.editor.notice.connect(lambda text: self._status(text, error=True))
        self.show_nothing(0)
        self._retranslate()

    def load(self, note_id: int, card_template: str, ordinal: int | None = None) -> None:
        """Show a note, previewing the card of `ordinal`; unsaved edits on screen are
        dropped (call save() first)."""
        self.editor.ordinal = ordinal
        self.editor.load_note(note_id)
        self.note_id = note_id
        self._template = card_template
        self.dirty = False
        self.save_button.setEnabled(False)
        self.status_label.clear()
        self._info_text()
        self.setCurrentIndex(0)

    def show_card(self, card_template: str, ordinal: int) -> None:
        """Another card of the note on screen: its name and preview; edits stay."""
        self._template = card_template
        self.editor.ordinal = ordinal
        self.editor.update_preview()
        self._info_text()

    def _info_text(self) -> None:
        if self.note_id is not None:
            name = notetype_label(self.editor.notetype.name)
            card = self._template_label(self._template)
            self.info_label.setText(f"{name} · {card} · {self.editor.deck}")

    def _template_label(self, template: str) -> str:
        """Anki's built-in card names ('Card 1', 'Cloze 2') in the interface language."""
        match = re.fullmatch(r"(Card|Cloze) (\d+)", template)
        if match is None:
            return template
        text = self.tr("Card %1") if match[1] == "Card" else self.tr("Cloze %1")
        return text.replace("%1", match[2])

    def show_nothing(self, selected: int) -> None:
        """No single card is selected: `selected` cards are (0 or several)."""
        self.note_id = None
        self.dirty = False
        self._selected = selected
        self._placeholder_text()
        self.setCurrentIndex(1)

    def _edited(self) -> None:
        if self.note_id is not None:
            self.dirty = True
            self.save_button.setEnabled(True)
            self.status_label.clear()

    def save(self) -> bool:
        """Save the edits on screen; False (with the reason shown) if they cannot be saved."""
        if self.note_id is None or not self.dirty:
            return True
        problem = self.editor.problem()
        if problem is None:
            try:
                self._col.update_note(self.note_id, self.editor.fields(), self.editor.tags())
            except FlashcardsError as exc:
                problem = str(exc)
        if problem is not None:
            self._status(problem, error=True)
            return False
        self.dirty = False
        self.save_button.setEnabled(False)
        self._status(self.tr("Saved. Ctrl+Z undoes the edit."))
        self.saved.emit(self.note_id)
        return True

    def _status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet("#noteStatus { color: #b91c1c; }" if error else "")
        self.status_label.setText(text)

    def _placeholder_text(self) -> None:
        if self._selected == 0:
            self.placeholder.setText(self.tr("Select a card to edit its note."))
        else:
            text = self.tr("%1 cards selected. Select one card to edit its note.")
            self.placeholder.setText(text.replace("%1", str(self._selected)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.save_button.setText(self.tr("Save (Ctrl+Enter)"))
        self._placeholder_text()
        self._info_text()
