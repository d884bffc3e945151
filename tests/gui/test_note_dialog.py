"""Adding and editing notes, with Hangul typed the way a Korean input method sends it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from flashcards.core.models import Queue
from flashcards.gui.note_dialog import NoteDialog, editor_to_field, field_to_editor
from flashcards.services.collection import Collection

CTRL = Qt.KeyboardModifier.ControlModifier


def type_korean(editor: QPlainTextEdit, syllables: str) -> None:
    """What an IME does: show each syllable as pre-edit text, then commit it."""
    editor.setFocus()
    for syllable in syllables:
        QApplication.sendEvent(editor, QInputMethodEvent(syllable, []))
        commit = QInputMethodEvent("", [])
        commit.setCommitString(syllable)
        QApplication.sendEvent(editor, commit)


def open_dialog(qtbot: QtBot, col: Collection, **kwargs: object) -> NoteDialog:
    dialog = NoteDialog(col, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog, before_close_func=NoteDialog.discard)  # typed text asks first
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def select_type(dialog: NoteDialog, name: str) -> None:
    dialog.notetype_box.setCurrentIndex(dialog.notetype_box.findData(name))


def test_add_a_korean_note_from_an_input_method(qtbot: QtBot, col: Collection) -> None:
    dialog = open_dialog(qtbot, col, deck="Test::A")
    select_type(dialog, "Basic")
    saved: list[int] = []
    dialog.saved.connect(saved.append)
    front, back = dialog.editors
    qtbot.keyClicks(front, "VPC ")
    type_korean(front, "가상 네트워크")
    type_korean(back, "논리적으로 격리된 네트워크")
    assert front.toPlainText() == "VPC 가상 네트워크"
    assert "가상 네트워크" in dialog.front_view.toPlainText()  # the live preview follows
    assert "논리적으로 격리된" in dialog.back_view.toPlainText()
    dialog.tags_edit.setText("aws 네트워크")
    qtbot.keyClick(back, Qt.Key.Key_Return, CTRL)

    (note_id,) = col.duplicates_of("Basic", "VPC 가상 네트워크")
    assert saved == [note_id]
    note = col.note(note_id)
    assert note.fields == ("VPC 가상 네트워크", "논리적으로 격리된 네트워크")
    assert note.tags == ("aws", "네트워크")
    (card,) = col.cards_of(note_id)
    assert col.deck_name(card.deck_id) == "Test::A"
    assert card.queue == Queue.NEW
    # The dialog stays open for the next note, fields empty, tags kept.
    assert dialog.isVisible()
    assert front.toPlainText() == ""
    assert dialog.tags_edit.text() == "aws 네트워크"
    assert dialog.status_label.text() == "Added. New cards: 1."


def test_duplicate_first_field_is_flagged(qtbot: QtBot, col: Collection) -> None:
    dialog = open_dialog(qtbot, col)
    select_type(dialog, "Basic")
    assert dialog.duplicate_label.isHidden()
    qtbot.keyClicks(dialog.editors[0], "EC2")  # already in tests/data/small_deck.txt
    assert not dialog.duplicate_label.isHidden()
    qtbot.keyClicks(dialog.editors[0], "x")
    assert dialog.duplicate_label.isHidden()


def test_a_note_that_makes_no_card_is_refused_in_words(qtbot: QtBot, col: Collection) -> None:
    dialog = open_dialog(qtbot, col, deck="Test")
    select_type(dialog, "Basic")
    before = col.store.notes.count()
    type_korean(dialog.editors[1], "뒷면만")
    qtbot.keyClick(dialog.editors[1], Qt.Key.Key_Return, CTRL)
    assert col.store.notes.count() == before
    assert dialog.status_label.text() == "This note makes no card yet: fill in “Front”."


def test_edit_a_note(qtbot: QtBot, col: Collection) -> None:
    (note_id,) = col.duplicates_of("Basic", "S3")
    dialog = open_dialog(qtbot, col, note_id=note_id)
    assert not dialog.notetype_box.isEnabled()
    assert dialog.deck_box.currentText() == "Test::A"
    assert [e.toPlainText() for e in dialog.editors] == ["S3", "객체 스토리지"]
    back = dialog.editors[1]
    back.moveCursor(QTextCursor.MoveOperation.End)
    type_korean(back, " 서비스")
    qtbot.keyClick(back, Qt.Key.Key_Return)  # a plain Enter is a new line in the field
    qtbot.keyClicks(back, "Simple Storage Service")
    qtbot.keyClick(back, Qt.Key.Key_Return, CTRL)
    assert col.note(note_id).fields == ("S3", "객체 스토리지 서비스<br>Simple Storage Service")
    assert not dialog.isVisible()  # editing closes on save


def test_cloze_helper_numbers_each_new_cloze(qtbot: QtBot, col: Collection) -> None:
    dialog = open_dialog(qtbot, col, deck="Test::B")
    select_type(dialog, "Cloze")
    text = dialog.editors[0]
    type_korean(text, "리전 안에 가용 영역이 있다")

    def select(word: str) -> None:
        start = text.toPlainText().index(word)
        cursor = text.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(start + len(word), QTextCursor.MoveMode.KeepAnchor)
        text.setTextCursor(cursor)

    select("리전")
    qtbot.keyClick(text, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert text.toPlainText() == "{{c1::리전}} 안에 가용 영역이 있다"
    select("가용 영역")
    qtbot.keyClick(text, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert text.toPlainText() == "{{c1::리전}} 안에 {{c2::가용 영역}}이 있다"
    assert "[...] 안에 가용 영역이 있다" in dialog.front_view.toPlainText()
    # With nothing selected the helper leaves the cursor inside an empty cloze.
    text.moveCursor(QTextCursor.MoveOperation.End)
    dialog.cloze_button.click()
    type_korean(text, "다")
    assert text.toPlainText().endswith("{{c3::다}}")
    qtbot.keyClick(text, Qt.Key.Key_Return, CTRL)
    (note_id,) = col.duplicates_of("Cloze", "{{c1::리전}} 안에 {{c2::가용 영역}}이 있다{{c3::다}}")
    assert sorted(c.ord for c in col.cards_of(note_id)) == [0, 1, 2]


def test_fields_round_trip_line_breaks() -> None:
    assert field_to_editor("a<br>b<BR/>c<br />d") == "a\nb\nc\nd"
    assert editor_to_field("a\nb") == "a<br>b"
    assert editor_to_field(field_to_editor("첫 줄<br>둘째 줄")) == "첫 줄<br>둘째 줄"


def _question(dialog: NoteDialog) -> QMessageBox:
    (question,) = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    return question


def test_closing_with_a_note_not_added_asks_first(qtbot: QtBot, col: Collection) -> None:
    """Esc on an empty dialog closes it; with text typed it asks, Cancel keeps the text,
    Discard closes without adding."""
    empty = open_dialog(qtbot, col, deck="Test")
    qtbot.keyClick(empty.editors[0], Qt.Key.Key_Escape)
    assert not empty.isVisible()

    dialog = open_dialog(qtbot, col, deck="Test")
    select_type(dialog, "Basic")
    before = col.store.notes.count()
    type_korean(dialog.editors[0], "글레이셔")
    qtbot.keyClick(dialog.editors[0], Qt.Key.Key_Escape)
    question = _question(dialog)
    assert question.text() == "The note you are writing has not been added."
    question.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.isVisible()
    assert dialog.editors[0].toPlainText() == "글레이셔"
    dialog.close_button.click()
    (discard,) = [b for b in _question(dialog).buttons() if b.text() == "Discard"]
    discard.click()
    assert not dialog.isVisible()
    assert col.store.notes.count() == before


def test_closing_an_edit_with_changes_asks_and_discarding_keeps_the_note(
    qtbot: QtBot, col: Collection
) -> None:
    (note_id,) = col.duplicates_of("Basic", "S3")
    dialog = open_dialog(qtbot, col, note_id=note_id)
    back = dialog.editors[1]
    back.moveCursor(QTextCursor.MoveOperation.End)
    type_korean(back, " 수정")
    qtbot.keyClick(back, Qt.Key.Key_Escape)
    question = _question(dialog)
    assert question.text() == "Your changes to this note are not saved."
    (discard,) = [b for b in question.buttons() if b.text() == "Discard"]
    discard.click()
    assert not dialog.isVisible()
    assert col.note(note_id).fields == ("S3", "객체 스토리지")


def test_status_line_follows_the_latest_edit(qtbot: QtBot, col: Collection) -> None:
    """The cloze helper on a Basic note says why it does nothing; what the status line
    said about an earlier note goes as soon as the next one is typed."""
    dialog = open_dialog(qtbot, col, deck="Test")
    select_type(dialog, "Basic")
    front = dialog.editors[0]
    type_korean(front, "리전")
    qtbot.keyClick(front, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert front.toPlainText() == "리전"
    assert dialog.status_label.text() == "Clozes work only in Cloze notes: choose that note type."
    type_korean(dialog.editors[1], "지리적 영역")
    qtbot.keyClick(front, Qt.Key.Key_Return, CTRL)
    assert dialog.status_label.text() == "Added. New cards: 1."
    type_korean(front, "가")
    assert dialog.status_label.text() == ""
