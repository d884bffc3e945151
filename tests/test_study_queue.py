"""A session keeps its queue between answers: it must always equal the queue built afresh."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from flashcards.core.clock import FixedClock
from flashcards.core.models import DeckOptions
from flashcards.core.queue import StudyKind
from flashcards.services.collection import Collection
from flashcards.services.study import StudySession

DECKS = ("A", "A::B", "A::B::C", "D")


def _fill(col: Collection, clock: FixedClock, rng: random.Random) -> None:
    """Notes in a small tree, some reversed (siblings), half of them learned over 12 days."""
    for name in DECKS:
        col.ensure_deck(name)
    col.set_deck_options("A::B", DeckOptions(new_per_day=4, reviews_per_day=6))
    for i in range(60):
        notetype = "Basic (and reversed card)" if i % 3 == 0 else "Basic"
        col.add_note(notetype, [f"front {i}", f"back {i}"], deck=rng.choice(DECKS))
    col.set_deck_options("A", DeckOptions(new_per_day=15, reviews_per_day=25))
    for _ in range(12):
        session = col.study()
        for _ in range(rng.randint(5, 12)):
            shown = session.next_card()
            if shown is None:
                break
            session.answer(shown.card, rng.choice((5, 4, 4, 3, 2)))
        clock.advance(timedelta(days=1))


def _ids(session: StudySession) -> list[tuple[StudyKind, int]]:
    return [(e.kind, e.card.id) for e in session.queue()]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("deck", [None, "A", "A::B"])
def test_the_kept_queue_equals_a_fresh_one_after_every_answer(
    empty_col: Collection, clock: FixedClock, seed: int, deck: str | None
) -> None:
    col = empty_col
    rng = random.Random(seed)
    _fill(col, clock, rng)
    session = col.study(deck)
    answered = 0
    while (shown := session.next_card()) is not None and answered < 80:
        assert _ids(session) == _ids(col.study(deck)), f"before answer {answered}"
        assert shown.card.id == _ids(col.study(deck))[0][1]
        session.answer(shown.card, rng.choice((5, 4, 3, 2, 1, 0)))
        answered += 1
        clock.advance(timedelta(seconds=rng.choice((5, 40, 90))))
        assert session.counts() == col.study(deck).counts()
    assert answered > 10
    assert _ids(session) == _ids(col.study(deck))


def test_writes_outside_the_session_are_seen(empty_col: Collection, clock: FixedClock) -> None:
    col = empty_col
    for i in range(5):
        col.add_note("Basic", [f"q{i}", f"a{i}"], deck="D")
    session = col.study("D")
    first = session.next_card()
    assert first is not None
    col.answer(first.card.id, 5)  # answered outside the session
    col.add_note("Basic", ["late", "added"], deck="D")
    after = [e.card.id for e in session.queue()]
    assert first.card.id not in after
    assert len(after) == 5
    col.set_deck_options("D", DeckOptions(new_per_day=3))
    assert len(session.queue()) == 2  # 3 a day, one already studied
