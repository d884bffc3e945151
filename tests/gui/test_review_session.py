"""A whole day's session driven by the keyboard, checked against SM-2 worked by hand.

tests/data/small_deck.txt gives five notes. Studying the root deck "Test" shows
one card per note, new cards in deck order: IAM (deck Test), EC2 and S3
(Test::A), EBS and the cloze note (Test::B). Burying EBS brings its reverse card.

Hand-worked SM-2 for a new item (n=0, I=0, EF=2.5), with
EF' = EF + (0.1 − (5−q)(0.08 + (5−q)·0.02)):
  q=5 → n=1, I=1, EF = 2.5 + 0.10 = 2.60
  q=4 → n=1, I=1, EF = 2.5 + 0.00 = 2.50
  q=3 → n=1, I=1, EF = 2.5 − 0.14 = 2.36, and a re-drill today until q ≥ 4
Re-drill grades are logged but never change the schedule.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from flashcards.core.clock import FixedClock
from flashcards.core.models import Card, CardType, Queue, ReviewKind
from flashcards.gui.main_window import MainWindow
from flashcards.services.collection import Collection

TODAY = (date(2026, 11, 27) - date(1970, 1, 1)).days  # the study day of 2026-11-27 09:00
CLOZE_TEXT = "{{c1::리전}} 안에 {{c2::가용 영역}}이 있다"


def _card(col: Collection, notetype: str, first_field: str, ord_: int = 0) -> Card:
    (note_id,) = col.duplicates_of(notetype, first_field)
    return next(c for c in col.cards_of(note_id) if c.ord == ord_)


def _new_count(window: MainWindow, deck: str) -> str:
    index = window.deck_page.model.deck_index(deck)
    return str(index.siblingAtColumn(1).data())


def test_a_daily_session_by_keyboard(
    qtbot: QtBot, window: MainWindow, col: Collection, clock: FixedClock
) -> None:
    review = window.review
    tree = window.deck_page.tree
    assert window.deck_page.current_deck() == "Test"
    assert _new_count(window, "Test") == "7"
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is review

    def shown() -> str:
        return review.view.toPlainText()

    def answer(expected_question: str, grade: int, *, expected_answer: str = "") -> None:
        assert expected_question in shown()
        assert not review.revealed
        assert review.grade_panel.isHidden()
        qtbot.keyClick(review, Qt.Key.Key_Space)
        assert review.revealed
        assert not review.grade_panel.isHidden()
        assert expected_answer in shown()
        clock.advance(timedelta(seconds=10))
        qtbot.keyClick(review, Qt.Key.Key_0 + grade)

    # A new card: every grade gives 1 day, and each button says what it means.
    assert "IAM" in shown()
    counts = re.sub("<[^>]+>", "", review.counts_label.text())
    assert counts == "New 5 · Review 0 · Re-drill 0"  # one card per note
    qtbot.keyClick(review, Qt.Key.Key_Return)  # Enter reveals too
    assert review.grade_buttons[4].text() == "4 — correct, hesitated · 1 d"
    assert review.grade_buttons[0].text() == "0 — blackout · 1 d + again today"
    tips = [button.toolTip() for button in review.grade_buttons]
    assert tips[4].startswith("correct response after a hesitation\n")
    assert tips[2].startswith("incorrect response; where the correct one seemed easy to recall\n")
    clock.advance(timedelta(seconds=10))
    qtbot.keyClick(review, Qt.Key.Key_5)
    assert _new_count(window, "Test") == "6"  # the deck list follows every answer

    answer("EC2", 3, expected_answer="가상 서버")
    answer("S3", 4, expected_answer="객체 스토리지")

    # Ctrl+Z takes the 4 back and shows S3 again; this time it gets a 5.
    assert "EBS" in shown()
    qtbot.keyClick(review, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    answer("S3", 5)

    # "-" buries EBS until tomorrow; its reverse card takes its place, and "!" suspends it.
    assert "EBS" in shown()
    qtbot.keyClick(review, Qt.Key.Key_Minus)
    assert "블록 스토리지" in shown()
    qtbot.keyClicks(review, "!")

    # The cloze card: its blank is styled, and its sibling (c2) waits until tomorrow.
    assert "[...] 안에 가용 영역이 있다" in shown()
    assert 'class="cloze"' in review.view.toHtml() or "font-weight:700" in review.view.toHtml()
    answer("[...]", 4, expected_answer="리전 안에 가용 영역이 있다")

    # Only the re-drill of EC2 is left. It is marked, and no grade moves its schedule.
    assert review.current is not None
    assert review.current.is_drill
    assert not review.drill_badge.isHidden()
    qtbot.keyClick(review, Qt.Key.Key_Space)
    assert review.grade_buttons[4].text() == "4 — correct, hesitated · —"
    clock.advance(timedelta(seconds=10))
    qtbot.keyClick(review, Qt.Key.Key_2)  # still wrong: it comes back
    answer("EC2", 4)  # known now: the drill ends

    # The end-of-session summary.
    assert window.stack.currentWidget() is window.summary
    values = window.summary.values
    assert values["answers"].text() == "6 answers"  # 5, 3, 5 (after undo), 4, drill 2, drill 4
    assert values["accuracy"].text() == "83.3%"  # 5 of 6: only the drill's 2 was wrong
    assert values["time"].text() == "1 min 0 s"  # 10 s each; the undone answer does not count
    assert values["due"].text() == "4 cards"  # IAM, EC2, S3 and cloze 1, each in 1 day
    qtbot.keyClick(window.summary, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.deck_page

    _check_collection(col)
    # Deck list: nothing new is left today in any deck (learned, buried or suspended).
    for deck in ("Test", "Test::A", "Test::B"):
        assert _new_count(window, deck) == "0"


def _check_collection(col: Collection) -> None:
    iam, ec2, s3 = _card(col, "Basic", "IAM"), _card(col, "Basic", "EC2"), _card(col, "Basic", "S3")
    for card, easiness in ((iam, 2.6), (ec2, 2.36), (s3, 2.6)):
        assert card.type == CardType.REVIEW
        assert card.queue == Queue.REVIEW
        assert (card.sm2.repetitions, card.sm2.interval) == (1, 1)
        assert card.sm2.easiness == pytest.approx(easiness)
        assert card.due == TODAY + 1
        assert card.drill_day is None
    logs = {c.id: col.store.reviews.of_card(c.id) for c in (iam, ec2, s3)}
    assert [(log.kind, log.grade) for log in logs[iam.id]] == [(ReviewKind.REVIEW, 5)]
    assert [(log.kind, log.grade) for log in logs[s3.id]] == [(ReviewKind.REVIEW, 5)]
    assert [(log.kind, log.grade) for log in logs[ec2.id]] == [
        (ReviewKind.REVIEW, 3),
        (ReviewKind.DRILL, 2),
        (ReviewKind.DRILL, 4),
    ]
    ebs = _card(col, "Basic (and reversed card)", "EBS")
    assert ebs.type == CardType.NEW
    assert ebs.buried_until == TODAY + 1
    ebs_reverse = _card(col, "Basic (and reversed card)", "EBS", ord_=1)
    assert ebs_reverse.type == CardType.NEW
    assert ebs_reverse.queue == Queue.SUSPENDED
    cloze1, cloze2 = _card(col, "Cloze", CLOZE_TEXT), _card(col, "Cloze", CLOZE_TEXT, ord_=1)
    assert (cloze1.sm2.repetitions, cloze1.sm2.interval) == (1, 1)
    assert cloze1.sm2.easiness == pytest.approx(2.5)
    assert cloze1.due == TODAY + 1
    assert cloze2.type == CardType.NEW
    assert cloze2.buried_until == TODAY + 1  # a sibling of an answered card
    assert col.due_on(TODAY + 1) == 4


def test_escape_ends_the_session_with_a_summary(qtbot: QtBot, window: MainWindow) -> None:
    window.study()
    review = window.review
    qtbot.keyClick(review, Qt.Key.Key_Space)
    qtbot.keyClick(review, Qt.Key.Key_4)
    qtbot.keyClick(review, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.summary
    assert window.summary.values["answers"].text() == "1 answer"


def test_grades_need_the_answer_shown_first(qtbot: QtBot, window: MainWindow) -> None:
    window.study()
    review = window.review
    qtbot.keyClick(review, Qt.Key.Key_5)
    assert review.session is not None
    assert review.session.summary.answered == 0
    assert "IAM" in review.view.toPlainText()


def test_e_edits_the_note_on_screen(qtbot: QtBot, window: MainWindow, col: Collection) -> None:
    from flashcards.gui.note_dialog import NoteDialog

    window.study()
    review = window.review
    qtbot.keyClick(review, Qt.Key.Key_E)
    dialog = window.findChild(NoteDialog)
    assert dialog is not None
    assert dialog.editors[0].toPlainText() == "IAM"
    dialog.editors[1].setPlainText("Identity and Access Management")
    qtbot.keyClick(dialog.editors[1], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Identity and Access Management" in col.note(review.current.card.note_id).fields[1]
    qtbot.keyClick(review, Qt.Key.Key_Space)
    assert "Identity and Access Management" in review.view.toPlainText()


def test_a_deck_with_nothing_due_says_so(qtbot: QtBot, window: MainWindow, col: Collection) -> None:
    col.ensure_deck("Empty")
    window.refresh()
    window.deck_page.select_deck("Empty")
    window.study()
    assert window.stack.currentWidget() is window.summary
    assert window.summary.headline.text() == "Nothing left to study in this deck today."


def test_the_review_moves_on_when_its_card_is_changed_elsewhere(
    qtbot: QtBot, window: MainWindow, col: Collection
) -> None:
    """Suspending the card on screen in the browser shows the next card at once; a
    browser change that leaves it alone keeps it, answer shown; a card suspended
    behind the review's back is not graded: the grade key moves on, in words."""
    from flashcards.gui.browser_window import BrowserWindow

    review = window.review
    window.study()
    assert review.current is not None
    first = review.current.card.id
    qtbot.keyClick(review, Qt.Key.Key_Space)
    browser = window.browse()
    assert isinstance(browser, BrowserWindow)
    browser.select_cards([first])
    browser.bulk.actions["suspend"].trigger()
    assert review.current is not None
    assert review.current.card.id != first
    assert not review.revealed

    second = review.current.card.id
    qtbot.keyClick(review, Qt.Key.Key_Space)
    other = next(i for i in col.search("-is:suspended") if i != second)
    browser.select_cards([other])
    browser.bulk.actions["suspend"].trigger()
    assert review.current.card.id == second
    assert review.revealed
    qtbot.keyClick(review, Qt.Key.Key_4)
    assert [log.grade for log in col.store.reviews.of_card(second)] == [4]

    third = review.current.card.id
    qtbot.keyClick(review, Qt.Key.Key_Space)
    col.suspend(third)  # no signal reaches the review
    qtbot.keyClick(review, Qt.Key.Key_4)
    assert col.store.reviews.of_card(third) == []
    assert review.current is not None
    assert review.current.card.id != third
    assert window.statusBar().currentMessage() == (
        "That card was changed elsewhere; here is the next one."
    )
    assert col.store.reviews.of_card(first) == []
    browser.close()


def test_undoing_an_answer_from_the_deck_list_shows_the_card_again(
    qtbot: QtBot, window: MainWindow, col: Collection
) -> None:
    """As in Anki: the session is over and the deck list shows, Ctrl+Z takes the last
    answer back and opens the review on that card."""
    review = window.review
    window.study()
    assert review.current is not None
    card = review.current.card.id
    qtbot.keyClick(review, Qt.Key.Key_Space)
    qtbot.keyClick(review, Qt.Key.Key_5)
    qtbot.keyClick(review, Qt.Key.Key_Escape)
    window.show_decks()
    assert window.stack.currentWidget() is window.deck_page
    window.actions_by_key["undo"].trigger()
    assert window.stack.currentWidget() is review
    assert review.current is not None
    assert review.current.card.id == card
    assert col.store.reviews.of_card(card) == []
    assert window.statusBar().currentMessage() == "Undid the last answer."
