"""Typing the answer on the review screen: Hangul by input method, the diff, the suggested grade."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from flashcards.core.clock import FixedClock
from flashcards.gui.review import ReviewScreen
from flashcards.gui.settings_dialog import DeckOptionsDialog
from flashcards.services.collection import Collection


def type_hangul(widget: QWidget, text: str) -> None:
    """What a Korean input method sends: a pre-edit, then the committed syllables."""
    QApplication.sendEvent(widget, QInputMethodEvent(text, []))
    commit = QInputMethodEvent("", [])
    commit.setCommitString(text)
    QApplication.sendEvent(widget, commit)


def start(qtbot: QtBot, col: Collection) -> ReviewScreen:
    screen = ReviewScreen(col)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.start(col.study("T"))
    return screen


def typing_deck(col: Collection) -> None:
    col.add_note("Basic", ["리전 안의 격리된 데이터 센터 묶음은?", "가용 영역"], deck="T")
    col.add_note("Basic", ["S3에 객체를 담는 그릇은?", "버킷"], deck="T")
    col.set_deck_options("T", replace(col.deck("T").options, type_answer=True))


def test_typed_answer_is_compared_and_the_suggestion_confirmed_with_enter(
    qtbot: QtBot, empty_col: Collection, clock: FixedClock
) -> None:
    col = empty_col
    typing_deck(col)
    screen = start(qtbot, col)
    assert screen.answer_input.isVisible()
    assert not screen.show_button.isVisible()
    first = screen.current
    assert first is not None
    type_hangul(screen.answer_input, "가용영역")
    qtbot.keyClick(screen.answer_input, Qt.Key.Key_Return)
    assert screen.revealed
    assert screen.typed is not None
    assert screen.typed.suggested == 5  # exact (spacing ignored) and instant on a fixed clock
    assert screen.suggestion.isVisible()
    assert screen.grade_buttons[5].font().bold()
    assert "가용 영역" in screen.view.toPlainText()
    qtbot.keyClick(screen, Qt.Key.Key_Return)  # Enter accepts the suggestion
    (log,) = col.store.reviews.of_card(first.card.id)
    assert (log.grade, log.typed, log.suggested) == (5, "가용영역", 5)

    second = screen.current
    assert second is not None
    assert second.card.id != first.card.id
    clock.advance(timedelta(seconds=30))
    type_hangul(screen.answer_input, "버켓")  # ㅣ→ㅔ: one of 5 jamo → 0.8 → 3
    qtbot.keyClick(screen.answer_input, Qt.Key.Key_Return)
    assert screen.typed is not None
    assert screen.typed.suggested == 3
    assert "버킷" in screen.view.toPlainText()
    qtbot.keyClick(screen, Qt.Key.Key_4)  # the learner overrides
    (log,) = col.store.reviews.of_card(second.card.id)
    assert (log.grade, log.typed, log.suggested) == (4, "버켓", 3)


def test_digits_type_into_the_answer_instead_of_grading(
    qtbot: QtBot, empty_col: Collection
) -> None:
    col = empty_col
    col.add_note("Basic", ["스팟 중단 알림은 몇 분 전?", "2분"], deck="T")
    col.set_deck_options("T", replace(col.deck("T").options, type_answer=True))
    screen = start(qtbot, col)
    qtbot.keyClicks(screen.answer_input, "2")
    assert not screen.revealed
    assert screen.answer_input.text() == "2"
    assert col.store.reviews.count() == 0


def test_space_on_an_empty_input_reveals_with_nothing_typed(
    qtbot: QtBot, empty_col: Collection
) -> None:
    col = empty_col
    typing_deck(col)
    screen = start(qtbot, col)
    screen.reveal()  # the Show answer path (e.g. from a button) counts an empty answer
    assert screen.typed is not None
    assert screen.typed.suggested == 0


def test_deck_options_dialog_turns_typing_on(qtbot: QtBot, col: Collection) -> None:
    dialog = DeckOptionsDialog(col, "Test")
    qtbot.addWidget(dialog)
    assert not dialog.type_check.isChecked()
    dialog.type_check.setChecked(True)
    dialog.accept()
    assert col.deck("Test").options.type_answer


def test_a_change_elsewhere_keeps_an_answer_being_typed(
    qtbot: QtBot, empty_col: Collection
) -> None:
    """The browser writing (here: a tag on another card) leaves the card on screen and
    what was typed so far; a change to that card itself moves on."""
    col = empty_col
    typing_deck(col)
    screen = start(qtbot, col)
    assert screen.current is not None
    shown = screen.current.card.id
    type_hangul(screen.answer_input, "가용")
    other = next(i for i in col.search("") if i != shown)
    col.add_tags([other], ["aws"])
    screen.collection_changed()
    assert screen.current.card.id == shown
    assert screen.answer_input.text() == "가용"
    col.suspend(shown)
    screen.collection_changed()
    assert screen.current.card.id == other
    assert screen.answer_input.text() == ""
