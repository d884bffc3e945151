"""The end-of-session summary tells "stopped early" from "done for today", and counts answers.

tests/data/small_deck.txt gives five notes; studying "Test" shows one card per
note today (siblings wait until tomorrow), so a session holds 5 new cards.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from flashcards.core.clock import FixedClock
from flashcards.gui.appearance import Appearance
from flashcards.gui.main_window import MainWindow
from flashcards.gui.preferences import Preferences
from flashcards.gui.stats_window import StatsWindow

SESSION_CARDS = 5


def _answer(qtbot: QtBot, window: MainWindow, clock: FixedClock, grade: int) -> None:
    review = window.review
    qtbot.keyClick(review, Qt.Key.Key_Space)
    clock.advance(timedelta(seconds=10))
    qtbot.keyClick(review, Qt.Key.Key_0 + grade)


def test_escape_on_the_first_card_says_the_cards_are_still_there(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.study()
    qtbot.keyClick(window.review, Qt.Key.Key_Escape)
    summary = window.summary
    assert window.stack.currentWidget() is summary
    assert summary.headline.text() == "Stopped early — 5 cards still to study today."
    assert summary.values["left"].text() == "5 cards"
    assert summary.values["answers"].text() == "0 answers"


def test_escape_after_one_answer_is_not_the_end_of_the_day(
    qtbot: QtBot, window: MainWindow, clock: FixedClock
) -> None:
    window.study()
    _answer(qtbot, window, clock, 4)
    qtbot.keyClick(window.review, Qt.Key.Key_Escape)
    summary = window.summary
    assert "all for today" not in summary.headline.text()
    assert summary.headline.text() == "Stopped early — 4 cards still to study today."
    assert summary.values["answers"].text() == "1 answer"
    assert summary.values["left"].text() == "4 cards"


def test_in_korean_stopping_early_and_finishing_read_differently(
    qtbot: QtBot,
    window: MainWindow,
    clock: FixedClock,
    prefs: Preferences,
    appearance: Appearance,
) -> None:
    prefs.language = "ko"
    appearance.apply()
    qtbot.waitUntil(lambda: window.deck_page.title.text() == "덱")  # widgets retranslated
    window.study()
    _answer(qtbot, window, clock, 5)
    qtbot.keyClick(window.review, Qt.Key.Key_Escape)
    summary = window.summary
    assert summary.headline.text() == "중간에 멈췄습니다 — 오늘 공부할 카드가 4장 남았습니다."
    assert summary.captions["answers"].text() == "답한 횟수:"
    assert summary.values["answers"].text() == "1번"
    assert summary.values["left"].text() == "4장"
    qtbot.keyClick(summary, Qt.Key.Key_Return)
    window.study()
    for _ in range(SESSION_CARDS - 1):
        _answer(qtbot, window, clock, 5)
    assert window.stack.currentWidget() is summary
    assert summary.headline.text() == "수고했어요 — 오늘은 여기까지입니다!"
    assert summary.values["left"].text() == "0장"


def test_a_session_counts_answers_and_rounds_accuracy_as_the_statistics_page(
    qtbot: QtBot, window: MainWindow, clock: FixedClock
) -> None:
    window.study()
    # IAM 5, EC2 3 (re-drilled today), S3 4, EBS 4, the cloze 4, EC2's drill 2, then 4.
    for grade in (5, 3, 4, 4, 4, 2, 4):
        _answer(qtbot, window, clock, grade)
    summary = window.summary
    assert window.stack.currentWidget() is summary
    assert summary.headline.text() == "Well done — that's all for today!"
    assert summary.values["answers"].text() == "7 answers"  # five cards, EC2 three times
    assert summary.values["accuracy"].text() == "85.7%"  # 6 of 7 graded 3 or better
    assert summary.values["left"].text() == "0 cards"
    stats = window.stats()
    qtbot.addWidget(stats)
    assert isinstance(stats, StatsWindow)
    assert stats.page.tiles["today_answers"].label.text() == "7"
    assert stats.page.tiles["today_accuracy"].label.text() == summary.values["accuracy"].text()
