"""The daily session through the Collection, with a fixed clock and a real file."""

from __future__ import annotations

from datetime import timedelta

import pytest

from flashcards.core.clock import FixedClock
from flashcards.core.models import CardType, DeckOptions, Queue, ReviewKind
from flashcards.core.queue import StudyKind
from flashcards.core.sm2 import Sm2State
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError


def study_all(col: Collection, grade: int = 4, deck: str | None = None) -> list[int]:
    """Answer everything offered today with `grade`; return the card ids in order."""
    session = col.study(deck)
    seen = []
    while (sc := session.next_card()) is not None:
        seen.append(sc.card.id)
        session.answer(sc.card, grade)
        assert len(seen) < 100
    return seen


def front(col: Collection, card_id: int) -> str:
    return col.note(col.card(card_id).note_id).fields[0]


def test_new_cards_come_in_deck_order_and_only_one_per_note(col: Collection) -> None:
    seen = study_all(col)
    # Test (IAM), then Test::A (EC2, S3), then Test::B (EBS, cloze): one card per note.
    assert [front(col, c) for c in seen] == [
        "IAM",
        "EC2",
        "S3",
        "EBS",
        "{{c1::리전}} 안에 {{c2::가용 영역}}이 있다",
    ]


def test_siblings_wait_until_tomorrow(col: Collection, clock: FixedClock) -> None:
    study_all(col)
    clock.advance(timedelta(days=1))
    session = col.study()
    kinds = {}
    while (sc := session.next_card()) is not None:
        kinds[sc.card.id] = sc.kind
        session.answer(sc.card, 5)
    # Tomorrow: the 5 cards from today are due reviews; the 2 buried siblings are new again,
    # but each shares a note with a due review, so they wait one more day.
    assert sorted(kinds.values()) == [StudyKind.REVIEW] * 5
    clock.advance(timedelta(days=1))
    remaining = study_all(col)
    assert len(remaining) == 2
    assert all(col.card(c).ord == 1 for c in remaining)


def test_daily_new_limit_and_next_day(col: Collection, clock: FixedClock) -> None:
    col.set_deck_options("Test", DeckOptions(new_per_day=2))
    assert len(study_all(col, deck="Test")) == 2
    assert col.study("Test").next_card() is None
    clock.advance(timedelta(days=1))
    session = col.study("Test")
    counts = session.counts()
    assert counts.reviews == 2
    assert counts.new == 2


def test_parent_limit_caps_subdecks(col: Collection) -> None:
    col.set_deck_options("Test", DeckOptions(new_per_day=3))
    col.set_deck_options("Test::B", DeckOptions(new_per_day=1))
    summaries = {s.name: s for s in col.deck_summaries()}
    assert summaries["Test::B"].new == 1
    assert summaries["Test::A"].new == 2
    assert summaries["Test"].new == 3  # 1 own + 2 (A) + 1 (B) = 4, capped at 3
    assert len(study_all(col, deck="Test")) == 3


def test_reviews_come_most_overdue_first_before_new(
    empty_col: Collection, clock: FixedClock
) -> None:
    col = empty_col
    ids = [col.add_note("Basic", [f"q{i}", f"a{i}"], deck="D")[1][0].id for i in range(3)]
    for card_id in ids:  # learn all three today
        col.answer(card_id, 5)
    clock.advance(timedelta(days=1))
    col.answer(ids[2], 5)  # q2 → interval 6 from day 1
    col.answer(ids[0], 5)  # q0 → interval 6 from day 1
    col.add_note("Basic", ["fresh", "new"], deck="D")
    clock.advance(timedelta(days=9))  # q1 overdue since day 1, q0/q2 since day 7
    session = col.study("D")
    order = []
    while (sc := session.next_card()) is not None:
        order.append((sc.kind, front(col, sc.card.id)))
        session.answer(sc.card, 5)
    assert order == [
        (StudyKind.REVIEW, "q1"),
        (StudyKind.REVIEW, "q0"),
        (StudyKind.REVIEW, "q2"),
        (StudyKind.NEW, "fresh"),
    ]


def test_redrill_until_four_without_schedule_change(
    empty_col: Collection, clock: FixedClock
) -> None:
    col = empty_col
    card = col.add_note("Basic", ["리전", "region"], deck="D")[1][0]
    session = col.study("D")
    sc = session.next_card()
    assert sc is not None
    session.answer(sc.card, 3)
    after_first = col.card(card.id)
    assert after_first.sm2 == Sm2State(1, 1, 2.36)
    for grade in (2, 3, 0):
        sc = session.next_card()
        assert sc is not None
        assert sc.kind == StudyKind.DRILL
        assert sc.intervals[4] is None
        session.answer(sc.card, grade)
        assert col.card(card.id).sm2 == after_first.sm2
        assert col.card(card.id).due == after_first.due
    sc = session.next_card()
    assert sc is not None
    session.answer(sc.card, 5)
    assert session.next_card() is None
    logs = col.store.reviews.of_card(card.id)
    assert [log.kind for log in logs] == [ReviewKind.REVIEW] + [ReviewKind.DRILL] * 4
    assert col.card(card.id).sm2 == after_first.sm2
    # Tomorrow the first grade is an SM-2 repetition again.
    clock.advance(timedelta(days=1))
    col.answer(card.id, 4)
    assert col.card(card.id).sm2 == Sm2State(2, 6, 2.36)


def test_drill_waits_a_minute_unless_nothing_else(empty_col: Collection, clock: FixedClock) -> None:
    col = empty_col
    col.add_note("Basic", ["a", "1"], deck="D")
    col.add_note("Basic", ["b", "2"], deck="D")
    session = col.study("D")
    first = session.next_card()
    assert first is not None
    session.answer(first.card, 1)
    nxt = session.next_card()
    assert nxt is not None
    assert nxt.card.id != first.card.id  # the failed card waits
    clock.advance(timedelta(minutes=2))
    again = session.next_card()
    assert again is not None
    assert (again.card.id, again.kind) == (first.card.id, StudyKind.DRILL)


def test_suspended_and_buried_never_show(col: Collection, clock: FixedClock) -> None:
    session = col.study()
    first = session.next_card()
    assert first is not None
    col.suspend(first.card.id)
    second = session.next_card()
    assert second is not None
    col.bury(second.card.id)
    shown = study_all(col)
    assert first.card.id not in shown
    assert second.card.id not in shown
    clock.advance(timedelta(days=1))
    tomorrow = study_all(col)
    assert second.card.id in tomorrow
    assert first.card.id not in tomorrow
    assert col.card(first.card.id).queue == Queue.SUSPENDED


def test_undo_reverts_answer_completely(col: Collection) -> None:
    session = col.study()
    sc = session.next_card()
    assert sc is not None
    before = col.card(sc.card.id)
    session.answer(sc.card, 2)
    assert col.store.reviews.count() == 1
    session.undo()
    assert col.card(sc.card.id) == before
    assert col.store.reviews.count() == 0
    again = session.next_card()
    assert again is not None
    assert again.card.id == sc.card.id


def test_redo_answers_again_and_the_summary_counts_it_again(col: Collection) -> None:
    session = col.study()
    sc = session.next_card()
    assert sc is not None
    session.answer(sc.card, 2)
    answered = col.card(sc.card.id)
    session.undo()
    assert session.summary.answered == 0
    redone = session.redo()
    assert redone is not None
    assert redone.id == sc.card.id
    assert col.card(sc.card.id) == answered
    assert col.store.reviews.count() == 1
    assert session.summary.answered == 1
    assert session.summary.grades[2] == 1
    following = session.next_card()  # the card is answered again: it is not shown now
    assert following is not None
    assert following.card.id != sc.card.id
    session.undo()
    assert session.next_card().card.id == sc.card.id  # type: ignore[union-attr]


def test_undo_unburies_siblings(col: Collection) -> None:
    note_id = next(
        n for n in (col.note(c.note_id) for c in col.store.cards.iter_all()) if n.fields[0] == "EBS"
    ).id
    cards = col.cards_of(note_id)
    col.answer(cards[0].id, 4)
    assert col.card(cards[1].id).buried_until == col.today() + 1
    col.undo()
    assert col.card(cards[1].id) == cards[1]


def test_leech_after_eight_lapses(empty_col: Collection, clock: FixedClock) -> None:
    col = empty_col
    col.set_deck_options("Default", DeckOptions(leech_suspend=True))
    card = col.add_note("Basic", ["hard", "card"], deck="Default")[1][0]
    col.answer(card.id, 5)
    leech_at = None
    for day in range(1, 12):
        clock.advance(timedelta(days=1))
        outcome = col.answer(card.id, 0)
        if outcome.leech:
            leech_at = day
            break
    assert leech_at == 8
    assert "leech" in col.note(card.note_id).tags
    assert col.card(card.id).queue == Queue.SUSPENDED
    assert col.card(card.id).lapses == 8


def test_late_review_schedules_from_the_actual_day(
    empty_col: Collection, clock: FixedClock
) -> None:
    col = empty_col
    card = col.add_note("Basic", ["x", "y"], deck="D")[1][0]
    col.answer(card.id, 4)
    clock.advance(timedelta(days=30))  # due after 1 day, reviewed 29 days late
    col.answer(card.id, 4)
    assert col.card(card.id).due == col.today() + 6


def test_bad_grade_is_a_clear_error_and_writes_nothing(col: Collection) -> None:
    card = next(iter(col.store.cards.iter_all()))
    with pytest.raises(FlashcardsError, match="0–5"):
        col.answer(card.id, 7)
    assert col.card(card.id) == card
    assert col.store.reviews.count() == 0


def test_new_card_becomes_review_type(col: Collection) -> None:
    card = next(iter(col.store.cards.iter_all()))
    col.answer(card.id, 5)
    stored = col.card(card.id)
    assert (stored.type, stored.queue, stored.due) == (
        CardType.REVIEW,
        Queue.REVIEW,
        col.today() + 1,
    )
