"""Add or edit a note: note type, deck, and the shared note editor (fields, tags, preview).

Ctrl+Enter saves; the editor itself (note_editor.py) handles fields, the cloze
helper, the duplicate warning and the live preview.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flashcards.core.models import NoteType, normalise_deck_name
from flashcards.gui.card_view import CardView
from flashcards.gui.labels import notetype_label
from flashcards.gui.messages import ask
from flashcards.gui.note_editor import NoteEditor, editor_to_field, field_to_editor
from flashcards.gui.sizing import fit_to_screen
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError

__all__ = ["NoteDialog", "editor_to_field", "field_to_editor"]


class NoteDialog(QDialog):
    """Adds notes (and stays open for the next one) or edits one note."""

    saved = Signal(int)  # the note's id

    def __init__(
        self,
        col: Collection,
        *,
        note_id: int | None = None,
        deck: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._col = col
        self._note_id = note_id
        self._build()
        self._fill(deck)
        self.notetype_box.currentIndexChanged.connect(self._notetype_changed)
        self.deck_box.currentTextChanged.connect(self._deck_changed)
        self.editor.submitted.connect(self.save)
        self.editor.notice.connect(lambda text: self._show_status(text, error=True))
        self.editor.changed.connect(self._show_status)  # a new edit makes old news stale
        self._saved_state = self._state()
        self._discarding = False
        self._retranslate()
        self._order_tabs()
        fit_to_screen(self, 960, 600)
        if self.editors:
            self.editors[0].setFocus()  # type at once: the first field, never the tags

    # -- layout -------------------------------------------------------------------

    def _build(self) -> None:
        self.editor = NoteEditor(self._col, self)
        self.notetype_box = QComboBox(self)
        self.deck_box = QComboBox(self)
        self.deck_box.setEditable(True)
        self.deck_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.notetype_label = QLabel(self)
        self.deck_label = QLabel(self)
        self.editor.top_form.addRow(self.notetype_label, self.notetype_box)
        self.editor.top_form.addRow(self.deck_label, self.deck_box)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("noteStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes errors
        self.save_button = QPushButton(self)
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)

    # The editor's parts, as the dialog's (tests and callers reach them here).
    @property
    def editors(self) -> list[QPlainTextEdit]:
        return self.editor.editors

    @property
    def tags_edit(self) -> QLineEdit:
        return self.editor.tags_edit

    @property
    def cloze_button(self) -> QPushButton:
        return self.editor.cloze_button

    @property
    def duplicate_label(self) -> QLabel:
        return self.editor.duplicate_label

    @property
    def front_view(self) -> CardView:
        return self.editor.front_view

    @property
    def back_view(self) -> CardView:
        return self.editor.back_view

    @property
    def notetype(self) -> NoteType:
        return self.editor.notetype

    def _fill(self, deck: str | None) -> None:
        for deck_obj in self._col.decks():
            self.deck_box.addItem(deck_obj.name)
        self.notetype_box.blockSignals(True)
        for notetype in self._col.notetypes():
            self.notetype_box.addItem(notetype_label(notetype.name), notetype.name)
        self.notetype_box.blockSignals(False)
        if self._note_id is None:
            if deck:
                self.deck_box.setCurrentText(deck)
            self.editor.deck = self.deck_box.currentText()
            self.editor.set_notetype(self.notetype_box.currentData())
            return
        self.editor.load_note(self._note_id)
        name = self.editor.notetype.name
        self.notetype_box.setCurrentIndex(self.notetype_box.findData(name))
        self.notetype_box.setEnabled(False)
        self.deck_box.setCurrentText(self.editor.deck)
        self.deck_box.setEnabled(False)

    def _notetype_changed(self) -> None:
        self.editor.set_notetype(self.notetype_box.currentData())
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes note type → deck → each field → tags → cloze → Add/Save → Close."""
        chain = [
            self.notetype_box,
            self.deck_box,
            *self.editor.tab_chain(),
            self.save_button,
            self.close_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _deck_changed(self, text: str) -> None:
        self.editor.deck = text
        self.editor.update_preview()

    # -- actions --------------------------------------------------------------------

    def fields(self) -> list[str]:
        return self.editor.fields()

    def insert_cloze(self) -> None:
        self.editor.insert_cloze()

    def save(self) -> None:
        """Add the note (and clear the fields for the next) or save the edit and close."""
        problem = self._problem()
        if problem:
            self._show_status(problem, error=True)
            return
        tags = self.editor.tags()
        try:
            if self._note_id is None:
                deck = normalise_deck_name(self.deck_box.currentText())
                note, cards = self._col.add_note(
                    self.editor.notetype.name, self.fields(), deck=deck, tags=tags
                )
            else:
                note = self._col.update_note(self._note_id, self.fields(), tags)
        except FlashcardsError as exc:
            self._show_status(str(exc), error=True)
            return
        self.saved.emit(note.id)
        if self._note_id is not None:
            self._saved_state = self._state()
            self.accept()
            return
        self.editor.clear_fields()
        self._saved_state = self._state()
        self._show_status(self.tr("Added. New cards: %1.").replace("%1", str(len(cards))))
        self.editors[0].setFocus()

    def _state(self) -> tuple[list[str], list[str]]:
        return self.fields(), self.editor.tags()

    def reject(self) -> None:
        """Esc, Close or the window's close button: ask before throwing away what was
        typed and not added or saved (Cancel, the default, keeps the dialog open)."""
        if self._discarding or self._state() == self._saved_state:
            super().reject()
            return
        if self._note_id is None:
            title = self.tr("Discard this note?")
            text = self.tr("The note you are writing has not been added.")
            details = self.tr("Cancel keeps it here; Ctrl+Enter adds it.")
        else:
            title = self.tr("Discard your changes?")
            text = self.tr("Your changes to this note are not saved.")
            details = self.tr("Cancel keeps them here; Ctrl+Enter saves them.")
        ask(self, title, text, details, self.tr("Discard"), self.discard)

    def discard(self) -> None:
        """Close without adding or saving what was typed, and without asking."""
        self._discarding = True
        self.reject()

    def _problem(self) -> str | None:
        if self._note_id is None:
            try:
                normalise_deck_name(self.deck_box.currentText())
            except ValueError:
                return self.tr("Choose a deck. Parts of a deck name between :: cannot be empty.")
        return self.editor.problem()

    def _show_status(self, text: str = "", *, error: bool = False) -> None:
        self.status_label.setStyleSheet("#noteStatus { color: #b91c1c; }" if error else "")
        self.status_label.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        adding = self._note_id is None
        self.setWindowTitle(self.tr("Add a note") if adding else self.tr("Edit the note"))
        self.notetype_label.setText(self.tr("Note type:"))
        self.deck_label.setText(self.tr("Deck:"))
        self.save_button.setText(
            self.tr("Add (Ctrl+Enter)") if adding else self.tr("Save (Ctrl+Enter)")
        )
        self.close_button.setText(self.tr("Close"))
        for row in range(self.notetype_box.count()):
            self.notetype_box.setItemText(row, notetype_label(self.notetype_box.itemData(row)))
