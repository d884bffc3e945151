"""Grade buttons say everything a grade does: its interval and, below 4, a re-drill today.

DESIGN §3: only the first grade of a day is an SM-2 repetition; a grade below 4
also brings the card back in the same session until it scores 4 or more. SM-2
worked by hand for a new card: every grade gives 1 day; on the second day a
pass gives 6 days and a fail starts over at 1.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from flashcards.core.clock import FixedClock
from flashcards.gui.appearance import Appearance
from flashcards.gui.main_window import MainWindow
from flashcards.gui.preferences import Preferences


def _reveal(qtbot: QtBot, window: MainWindow) -> list[str]:
    qtbot.keyClick(window.review, Qt.Key.Key_Space)
    return [button.text() for button in window.review.grade_buttons]


def test_a_new_cards_grades_below_4_say_it_comes_back_today(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.study()
    assert _reveal(qtbot, window) == [
        "0 — blackout · 1 d + again today",
        "1 — wrong, but familiar · 1 d + again today",
        "2 — wrong, but easy · 1 d + again today",
        "3 — correct, hard · 1 d + again today",
        "4 — correct, hesitated · 1 d",
        "5 — perfect · 1 d",
    ]
    tips = [button.toolTip() for button in window.review.grade_buttons]
    assert tips[3] == (
        "correct response recalled with serious difficulty\n"
        "Next review in 1 d. Below 4, the card also comes back later today, "
        "until you grade it 4 or 5."
    )
    assert tips[4] == "correct response after a hesitation\nNext review in 1 d."


def test_a_re_drill_keeps_its_dash(qtbot: QtBot, window: MainWindow) -> None:
    window.deck_page.select_deck("Test::A")
    window.study()
    _reveal(qtbot, window)
    qtbot.keyClick(window.review, Qt.Key.Key_3)  # EC2: a re-drill today
    _reveal(qtbot, window)
    qtbot.keyClick(window.review, Qt.Key.Key_5)  # S3
    assert window.review.current is not None
    assert window.review.current.is_drill
    texts = _reveal(qtbot, window)
    assert texts == [
        "0 — blackout · —",
        "1 — wrong, but familiar · —",
        "2 — wrong, but easy · —",
        "3 — correct, hard · —",
        "4 — correct, hesitated · —",
        "5 — perfect · —",
    ]
    assert "does not change the schedule" in window.review.grade_buttons[2].toolTip()


def test_in_korean_on_the_second_day(
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
    _reveal(qtbot, window)
    qtbot.keyClick(window.review, Qt.Key.Key_4)  # IAM: n=1, I=1
    clock.advance(timedelta(days=1))
    window.show_decks()
    window.study()
    assert "IAM" in window.review.view.toPlainText()
    texts = _reveal(qtbot, window)
    assert texts[3] == "3 — 힘들게 정답 · 6일 + 오늘 다시"
    assert texts[2] == "2 — 틀림, 답이 쉬워 보임 · 1일 + 오늘 다시"
    assert texts[4] == "4 — 망설였지만 정답 · 6일"
    tip = window.review.grade_buttons[3].toolTip()
    assert tip.endswith(
        "다음 복습은 6일 뒤입니다. 4점 미만이라 4점이나 5점을 받을 때까지 오늘 다시 나옵니다."
    )
