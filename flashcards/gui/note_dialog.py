"""Add or edit a note: note type, deck, one editor per field, tags, live preview.

Fields are edited as their HTML source (as Anki's HTML editor does), one line
per `<br>`. Ctrl+Shift+C wraps the selection in the next `{{cN::…}}` cloze;
Ctrl+Enter saves. The editors are plain Qt text editors, so Korean input
methods work as everywhere else in Qt.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from flashcards.core.cloze import next_cloze_number
from flashcards.core.models import NoteKind, NoteType, normalise_deck_name
from flashcards.gui.card_view import CardView
from flashcards.gui.labels import field_label, notetype_label
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError
from flashcards.services.rendering import preview_card

__all__ = ["NoteDialog", "editor_to_field", "field_to_editor"]

_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)


def field_to_editor(value: str) -> str:
    """A stored field as editor text: `<br>` becomes a line break."""
    return _BR_RE.sub("\n", value)


def editor_to_field(text: str) -> str:
    """Editor text as a stored field: line breaks become `<br>`."""
    return text.strip().replace("\n", "<br>")


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
        self.editors: list[QPlainTextEdit] = []
        self._field_labels: list[QLabel] = []
        self._last_editor: QPlainTextEdit | None = None
        self._build()
        self._fill(deck)
        self.notetype_box.currentIndexChanged.connect(self._notetype_changed)
        self.deck_box.currentTextChanged.connect(self._update_preview)
        self.tags_edit.textChanged.connect(self._update_preview)
        self._retranslate()
        self.resize(960, 600)

    # -- layout -------------------------------------------------------------------

    def _build(self) -> None:
        self.notetype_box = QComboBox(self)
        self.deck_box = QComboBox(self)
        self.deck_box.setEditable(True)
        self.deck_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tags_edit = QLineEdit(self)
        self.cloze_button = QPushButton(self)
        self.cloze_button.clicked.connect(self.insert_cloze)
        self.duplicate_label = QLabel(self)
        self.duplicate_label.setObjectName("duplicateWarning")
        self.duplicate_label.setStyleSheet("#duplicateWarning { color: #c2410c; }")
        self.duplicate_label.hide()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("noteStatus")
        self.status_label.setWordWrap(True)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        self.top_form = QFormLayout()
        self.top_form.addRow(QLabel(self), self.notetype_box)
        self.top_form.addRow(QLabel(self), self.deck_box)
        self.fields_form = QFormLayout()
        self.fields_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.tags_label = QLabel(self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self.top_form)
        left_layout.addLayout(self.fields_form, 1)
        left_layout.addWidget(self.cloze_button, 0, Qt.AlignmentFlag.AlignLeft)
        tags_row = QHBoxLayout()
        tags_row.addWidget(self.tags_label)
        tags_row.addWidget(self.tags_edit)
        left_layout.addLayout(tags_row)
        left_layout.addWidget(self.duplicate_label)
        self.front_caption = QLabel(self)
        self.back_caption = QLabel(self)
        self.no_card_label = QLabel(self)
        self.no_card_label.setObjectName("noCard")
        self.no_card_label.setWordWrap(True)
        for label in (self.duplicate_label, self.status_label, self.no_card_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # they quote field names and errors
        self.front_view = CardView(self._col.media_dir, self)
        self.back_view = CardView(self._col.media_dir, self)
        for view in (self.front_view, self.back_view):
            view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab moves between the inputs only
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.no_card_label, self.front_caption, self.front_view):
            right_layout.addWidget(widget)
        right_layout.addWidget(self.back_caption)
        right_layout.addWidget(self.back_view)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

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
            self._set_notetype(self.notetype_box.currentData())
            return
        note = self._col.note(self._note_id)
        notetype = self._col.notetype_of(note)
        self.notetype_box.setCurrentIndex(self.notetype_box.findData(notetype.name))
        self.notetype_box.setEnabled(False)
        cards = self._col.cards_of(note.id)
        if cards:
            self.deck_box.setCurrentText(self._col.deck_name(cards[0].deck_id))
        self.deck_box.setEnabled(False)
        self._set_notetype(notetype.name, [field_to_editor(v) for v in note.fields])
        self.tags_edit.setText(" ".join(note.tags))

    def _set_notetype(self, name: str, values: list[str] | None = None) -> None:
        """Show one editor per field of note type `name`, keeping text by position."""
        old = values if values is not None else [e.toPlainText() for e in self.editors]
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        self.editors, self._field_labels = [], []
        self._notetype = self._col.notetype(name)
        for position, field in enumerate(self._notetype.fields):
            editor = QPlainTextEdit(self)
            editor.setObjectName(f"field{position}")
            editor.setTabChangesFocus(True)
            editor.setPlainText(old[position] if position < len(old) else "")
            editor.textChanged.connect(self._update_preview)
            editor.installEventFilter(self)
            label = QLabel(field_label(field), self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setToolTip(field)
            self.fields_form.addRow(label, editor)
            self.editors.append(editor)
            self._field_labels.append(label)
        self._last_editor = self.editors[0] if self.editors else None
        if self.editors[0:1]:
            self.editors[0].textChanged.connect(self._check_duplicates)
        self._update_preview()
        self._check_duplicates()

    @property
    def notetype(self) -> NoteType:
        return self._notetype

    def _notetype_changed(self) -> None:
        self._set_notetype(self.notetype_box.currentData())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Enter saves, Ctrl+Shift+C makes a cloze (keys the editors pass up)."""
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = Qt.KeyboardModifier.ControlModifier
        if mods == ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            return
        if mods == ctrl | Qt.KeyboardModifier.ShiftModifier and event.key() == Qt.Key.Key_C:
            self.insert_cloze()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched in self.editors:
            assert isinstance(watched, QPlainTextEdit)
            self._last_editor = watched
        return super().eventFilter(watched, event)

    # -- actions --------------------------------------------------------------------

    def fields(self) -> list[str]:
        return [editor_to_field(e.toPlainText()) for e in self.editors]

    def insert_cloze(self) -> None:
        """Wrap the selection (or an empty spot) in the next cloze number."""
        editor = self._last_editor
        if editor is None:
            return
        number = next_cloze_number("\n".join(e.toPlainText() for e in self.editors))
        cursor = editor.textCursor()
        selected = cursor.selectedText().replace("\u2029", "\n")
        cursor.insertText(f"{{{{c{number}::{selected}}}}}")
        if not selected:
            cursor.movePosition(QTextCursor.MoveOperation.Left, n=2)
        editor.setTextCursor(cursor)
        editor.setFocus()

    def save(self) -> None:
        """Add the note (and clear the fields for the next) or save the edit and close."""
        problem = self._problem()
        if problem:
            self._show_status(problem, error=True)
            return
        tags = self.tags_edit.text().split()
        try:
            if self._note_id is None:
                deck = normalise_deck_name(self.deck_box.currentText())
                note, cards = self._col.add_note(
                    self._notetype.name, self.fields(), deck=deck, tags=tags
                )
            else:
                note = self._col.update_note(self._note_id, self.fields(), tags)
        except FlashcardsError as exc:
            self._show_status(str(exc), error=True)
            return
        self.saved.emit(note.id)
        if self._note_id is not None:
            self.accept()
            return
        self._show_status(self.tr("Added. New cards: %1.").replace("%1", str(len(cards))))
        for editor in self.editors:
            editor.clear()
        self.editors[0].setFocus()

    def _problem(self) -> str | None:
        if self._note_id is None:
            try:
                normalise_deck_name(self.deck_box.currentText())
            except ValueError:
                return self.tr("Choose a deck. Parts of a deck name between :: cannot be empty.")
        if preview_card(self._notetype, self.fields()) is None:
            return self._no_card_text()
        return None

    def _no_card_text(self) -> str:
        if self._notetype.kind == NoteKind.CLOZE:
            return self.tr("A cloze note needs a cloze such as {{c1::answer}} (Ctrl+Shift+C).")
        first = field_label(self._notetype.fields[0]) if self._notetype.fields else ""
        return self.tr("This note makes no card yet: fill in “%1”.").replace("%1", first)

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet("#noteStatus { color: #b91c1c; }" if error else "")
        self.status_label.setText(text)

    # -- live feedback ----------------------------------------------------------------

    def _update_preview(self) -> None:
        rendered = preview_card(
            self._notetype,
            self.fields(),
            deck=self.deck_box.currentText(),
            tags=self.tags_edit.text().split(),
        )
        self.no_card_label.setVisible(rendered is None)
        if rendered is None:
            self.no_card_label.setText(self._no_card_text())
        self.front_view.show_card(rendered, answer=False)
        self.back_view.show_card(rendered, answer=True)

    def _check_duplicates(self) -> None:
        first = self.fields()[0] if self.editors else ""
        duplicates = (
            self._col.duplicates_of(self._notetype.name, first, exclude=self._note_id)
            if first
            else []
        )
        self.duplicate_label.setVisible(bool(duplicates))
        self.duplicate_label.setText(
            self.tr("⚠ A note with the same “%1” already exists.").replace(
                "%1", field_label(self._notetype.fields[0])
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        adding = self._note_id is None
        self.setWindowTitle(self.tr("Add a note") if adding else self.tr("Edit the note"))
        labels = [self.top_form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in (0, 1)]
        for item, text in zip(labels, (self.tr("Note type:"), self.tr("Deck:")), strict=True):
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                widget.setText(text)
        self.tags_label.setText(self.tr("Tags:"))
        self.tags_edit.setPlaceholderText(self.tr("separated by spaces"))
        self.cloze_button.setText(self.tr("Make a cloze […] (Ctrl+Shift+C)"))
        self.save_button.setText(
            self.tr("Add (Ctrl+Enter)") if adding else self.tr("Save (Ctrl+Enter)")
        )
        self.close_button.setText(self.tr("Close"))
        self.front_caption.setText(self.tr("Preview — front"))
        self.back_caption.setText(self.tr("Preview — back"))
        for row in range(self.notetype_box.count()):
            self.notetype_box.setItemText(row, notetype_label(self.notetype_box.itemData(row)))
        for label, field in zip(self._field_labels, self._notetype.fields, strict=True):
            label.setText(field_label(field))
        self._update_preview()
        self._check_duplicates()
