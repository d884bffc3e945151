"""One note's fields, tags and live preview: the editor the Add/Edit dialog and the browser share.

Fields are edited as their HTML source (as Anki's HTML editor does), one line
per `<br>`. Ctrl+Shift+C wraps the selection in the next `{{cN::…}}` cloze;
Ctrl+Enter emits `submitted` (the dialog adds or saves, the browser saves).
The editors are plain Qt text editors, so Korean input methods work as
everywhere else in Qt.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
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
from flashcards.core.models import NoteKind, NoteType
from flashcards.gui.card_view import CardView
from flashcards.gui.labels import field_label
from flashcards.services.collection import Collection
from flashcards.services.rendering import preview_card

__all__ = ["NoteEditor", "editor_to_field", "field_to_editor"]

_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)


def field_to_editor(value: str) -> str:
    """A stored field as editor text: `<br>` becomes a line break."""
    return _BR_RE.sub("\n", value)


def editor_to_field(text: str) -> str:
    """Editor text as a stored field: line breaks become `<br>`."""
    return text.strip().replace("\n", "<br>")


class NoteEditor(QWidget):
    """Editors for the fields of one note type, tags, cloze helper, duplicate warning, preview.

    `top_form` is an empty form above the fields where the owner adds its own
    rows (the dialog's note type and deck). `changed` fires on every edit.
    """

    changed = Signal()
    submitted = Signal()  # Ctrl+Enter
    notice = Signal(str)  # a refused request, in words, for the owner's status line

    def __init__(self, col: Collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self._col = col
        self.note_id: int | None = None  # excluded from the duplicate check
        self.deck = ""  # shown by {{Deck}} in the preview
        self.ordinal: int | None = None  # the card previewed (None: the note's first)
        self.editors: list[QPlainTextEdit] = []
        self._field_labels: list[QLabel] = []
        self._last_editor: QPlainTextEdit | None = None
        self._notetype: NoteType | None = None
        self._loading = False
        self._build()
        self.tags_edit.textChanged.connect(self._edited)
        self._retranslate()

    def _build(self) -> None:
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setObjectName("tagsEdit")
        self.cloze_button = QPushButton(self)
        self.cloze_button.setAutoDefault(False)
        self.cloze_button.clicked.connect(self.insert_cloze)
        self.duplicate_label = QLabel(self)
        self.duplicate_label.setObjectName("duplicateWarning")
        self.duplicate_label.setStyleSheet("#duplicateWarning { color: #c2410c; }")
        self.duplicate_label.hide()
        self.top_form = QFormLayout()
        self.fields_form = QFormLayout()
        self.fields_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.tags_label = QLabel(self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self.top_form)
        left_layout.addLayout(self.fields_form, 1)
        tags_row = QHBoxLayout()  # tags and the cloze helper share a row: room for fields
        tags_row.addWidget(self.tags_label)
        tags_row.addWidget(self.tags_edit, 1)
        tags_row.addWidget(self.cloze_button)
        left_layout.addLayout(tags_row)
        left_layout.addWidget(self.duplicate_label)
        self.front_caption = QLabel(self)
        self.back_caption = QLabel(self)
        self.no_card_label = QLabel(self)
        self.no_card_label.setObjectName("noCard")
        self.no_card_label.setWordWrap(True)
        for label in (self.duplicate_label, self.no_card_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # they quote field names
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
        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    # -- content ----------------------------------------------------------------------

    @property
    def notetype(self) -> NoteType:
        assert self._notetype is not None, "set_notetype() first"
        return self._notetype

    def set_notetype(self, name: str, values: Sequence[str] | None = None) -> None:
        """One editor per field of note type `name`, keeping the current text by position."""
        old = list(values) if values is not None else [e.toPlainText() for e in self.editors]
        self._loading = True
        if self._notetype is None or self._notetype.name != name or not self.editors:
            self._build_editors(self._col.notetype(name))
        for position, editor in enumerate(self.editors):
            editor.setPlainText(old[position] if position < len(old) else "")
        self._loading = False
        self.update_preview()
        self._check_duplicates()

    def _build_editors(self, notetype: NoteType) -> None:
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        self.editors, self._field_labels = [], []
        self._notetype = notetype
        for position, field in enumerate(notetype.fields):
            editor = QPlainTextEdit(self)
            editor.setObjectName(f"field{position}")
            editor.setTabChangesFocus(True)
            editor.textChanged.connect(self._edited)
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
        chain = self.tab_chain()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def tab_chain(self) -> list[QWidget]:
        """The editor's inputs in Tab order: each field, then tags, then the cloze button."""
        return [*self.editors, self.tags_edit, self.cloze_button]

    def load_note(self, note_id: int) -> None:
        """Show a stored note: its type's fields, its values and tags, its deck."""
        note = self._col.note(note_id)
        cards = self._col.cards_of(note_id)
        self.note_id = note_id
        self.deck = self._col.deck_name(cards[0].deck_id) if cards else ""
        self._loading = True
        self.tags_edit.setText(" ".join(note.tags))
        self._loading = False
        self.set_notetype(
            self._col.notetype_of(note).name, [field_to_editor(v) for v in note.fields]
        )

    def fields(self) -> list[str]:
        return [editor_to_field(e.toPlainText()) for e in self.editors]

    def tags(self) -> list[str]:
        return self.tags_edit.text().split()

    def clear_fields(self) -> None:
        for editor in self.editors:
            editor.clear()

    def problem(self) -> str | None:
        """Why these fields make no card, in words; None when they make one."""
        if preview_card(self.notetype, self.fields()) is None:
            return self._no_card_text()
        return None

    def _no_card_text(self) -> str:
        if self.notetype.kind == NoteKind.CLOZE:
            return self.tr("A cloze note needs a cloze such as {{c1::answer}} (Ctrl+Shift+C).")
        first = field_label(self.notetype.fields[0]) if self.notetype.fields else ""
        return self.tr("This note makes no card yet: fill in “%1”.").replace("%1", first)

    # -- keys and the cloze helper --------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Enter submits, Ctrl+Shift+C makes a cloze (keys the text editors pass up)."""
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = Qt.KeyboardModifier.ControlModifier
        if mods == ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
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

    def insert_cloze(self) -> None:
        """Wrap the selection (or an empty spot) in the next cloze number."""
        editor = self._last_editor
        if editor is None:
            return
        if self.notetype.kind != NoteKind.CLOZE:
            self.notice.emit(self.tr("Clozes work only in Cloze notes: choose that note type."))
            return
        number = next_cloze_number("\n".join(e.toPlainText() for e in self.editors))
        cursor = editor.textCursor()
        selected = cursor.selectedText().replace("\u2029", "\n")
        cursor.insertText(f"{{{{c{number}::{selected}}}}}")
        if not selected:
            cursor.movePosition(QTextCursor.MoveOperation.Left, n=2)
        editor.setTextCursor(cursor)
        editor.setFocus()

    # -- live feedback ----------------------------------------------------------------

    def _edited(self) -> None:
        if self._loading or self._notetype is None:
            return
        self.update_preview()
        self.changed.emit()

    def update_preview(self) -> None:
        rendered = preview_card(
            self.notetype, self.fields(), deck=self.deck, tags=self.tags(), ordinal=self.ordinal
        )
        self.no_card_label.setVisible(rendered is None)
        if rendered is None:
            self.no_card_label.setText(self._no_card_text())
        self.front_view.show_card(rendered, answer=False)
        self.back_view.show_card(rendered, answer=True)

    def _check_duplicates(self) -> None:
        if self._loading:
            return
        first = self.fields()[0] if self.editors else ""
        duplicates = (
            self._col.duplicates_of(self.notetype.name, first, exclude=self.note_id)
            if first
            else []
        )
        self.duplicate_label.setVisible(bool(duplicates))
        self.duplicate_label.setText(
            self.tr("⚠ A note with the same “%1” already exists.").replace(
                "%1", field_label(self.notetype.fields[0])
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.tags_label.setText(self.tr("Tags:"))
        self.tags_edit.setPlaceholderText(self.tr("separated by spaces"))
        self.cloze_button.setText(self.tr("Make a cloze […]"))
        self.cloze_button.setToolTip(
            self.tr("Make the selected text a cloze, numbered after the others (Ctrl+Shift+C)")
        )
        self.front_caption.setText(self.tr("Preview — front"))
        self.back_caption.setText(self.tr("Preview — back"))
        if self._notetype is None:
            return
        for label, field in zip(self._field_labels, self._notetype.fields, strict=True):
            label.setText(field_label(field))
        self.update_preview()
        self._check_duplicates()
