"""The hint line under the review screen advertises only keys that do what it says.

While a typed answer is written, -, !, E and Space are text in the input, so the
hint then shows Enter and Esc; once the answer is shown the usual keys are back.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from flashcards.gui.appearance import Appearance
from flashcards.gui.main_window import MainWindow
from flashcards.gui.preferences import Preferences
from flashcards.services.collection import Collection

COMMAND_KEYS = ("Space", "E:", "-:", "!:", "0–5")


def _typing_deck(col: Collection) -> None:
    col.set_deck_options("Test", replace(col.deck("Test").options, type_answer=True))


def _start(qtbot: QtBot, window: MainWindow) -> None:
    window.deck_page.select_deck("Test")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.study()


def test_typing_shows_only_the_keys_that_work_in_the_input(
    qtbot: QtBot, window: MainWindow, col: Collection
) -> None:
    _typing_deck(col)
    _start(qtbot, window)
    review = window.review
    assert review.answer_input.hasFocus()
    hint = review.hint.text()
    assert hint == "Type the answer · Enter: check it · Esc: stop"
    assert not any(key in hint for key in COMMAND_KEYS)
    qtbot.keyClicks(review.answer_input, "IAM - E!")  # text, as the hint says
    assert review.answer_input.text() == "IAM - E!"
    assert not review.revealed
    qtbot.keyClick(review.answer_input, Qt.Key.Key_Return)
    assert review.revealed
    assert all(key in review.hint.text() for key in COMMAND_KEYS)


def test_leaving_the_input_brings_the_usual_keys_back(
    qtbot: QtBot, window: MainWindow, col: Collection
) -> None:
    _typing_deck(col)
    _start(qtbot, window)
    review = window.review
    review.setFocus()  # a click beside the input: Space and the rest work again
    assert "Space" in review.hint.text()
    review.answer_input.setFocus()
    assert review.hint.text() == "Type the answer · Enter: check it · Esc: stop"


def test_the_typing_hint_in_korean(
    qtbot: QtBot,
    window: MainWindow,
    col: Collection,
    prefs: Preferences,
    appearance: Appearance,
) -> None:
    _typing_deck(col)
    prefs.language = "ko"
    appearance.apply()
    qtbot.waitUntil(lambda: window.deck_page.title.text() == "덱")  # widgets retranslated
    _start(qtbot, window)
    assert window.review.hint.text() == "답을 입력하세요 · Enter: 확인 · Esc: 그만하기"


def test_without_typing_the_usual_hint_stays(qtbot: QtBot, window: MainWindow) -> None:
    _start(qtbot, window)
    assert all(key in window.review.hint.text() for key in COMMAND_KEYS)


def test_space_shows_the_answer_then_grades_it_4(
    qtbot: QtBot, window: MainWindow, col: Collection
) -> None:
    """As in Anki, where the same key again is "Good"; the hint says so once the
    answer shows."""
    _start(qtbot, window)
    review = window.review
    assert review.current is not None
    card = review.current.card.id
    assert "Space: show answer" in review.hint.text()
    qtbot.keyClick(review, Qt.Key.Key_Space)
    assert review.revealed
    assert "Space: 4" in review.hint.text()
    qtbot.keyClick(review, Qt.Key.Key_Space)
    assert [log.grade for log in col.store.reviews.of_card(card)] == [4]
    assert review.current is not None
    assert review.current.card.id != card
    assert not review.revealed
