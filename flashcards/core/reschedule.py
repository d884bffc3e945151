"""Scheduling changes made by hand: reset to new, set a due date.

Each returns the changed card and, when its SM-2 state is touched, a MANUAL
review-log entry carrying the new state. Replaying the log (services/check.py)
takes MANUAL entries as given; one whose interval is 0 makes the card new again.
"""

from __future__ import annotations

from flashcards.core.models import Card, CardType, Queue, ReviewKind, ReviewLog
from flashcards.core.sm2 import Sm2State

__all__ = ["MANUAL_GRADE", "manual_log", "reset_card", "set_due"]

MANUAL_GRADE = 0
"""MANUAL entries are not answers; their grade column holds this placeholder."""


def manual_log(before: Card, after: Card, *, today: int, now_ms: int) -> ReviewLog:
    """The log entry recording a change of schedule made by hand."""
    return ReviewLog(
        id=0,
        card_id=before.id,
        time_ms=now_ms,
        day=today,
        grade=MANUAL_GRADE,
        kind=ReviewKind.MANUAL,
        before=before.sm2,
        after=after.sm2,
        due_after=after.due,
        duration_ms=0,
    )


def reset_card(card: Card, position: int, *, now_ms: int, reset_counts: bool = False) -> Card:
    """The card as a new card at `position` of the new queue (suspended stays suspended)."""
    return card.with_changes(
        type=CardType.NEW,
        queue=Queue.SUSPENDED if card.suspended else Queue.NEW,
        due=position,
        sm2=Sm2State(),
        reps=0 if reset_counts else card.reps,
        lapses=0 if reset_counts else card.lapses,
        drill_day=None,
        drill_due_ms=None,
        modified_ms=now_ms,
    )


def set_due(card: Card, due: int, *, today: int, now_ms: int, set_interval: bool = False) -> Card:
    """The card due on study day `due` (a new card becomes a review card).

    A learned card keeps its SM-2 state unless `set_interval`, which makes the
    interval the days until `due` (at least 1), as Anki's "!" does. A new card
    gets that interval, with no repetitions yet: its next pass starts SM-2's
    1, 6, … sequence.
    """
    days = max(1, due - today)
    if card.type == CardType.NEW:
        sm2 = Sm2State(0, days, card.sm2.easiness)
    elif set_interval:
        sm2 = Sm2State(card.sm2.repetitions, days, card.sm2.easiness)
    else:
        sm2 = card.sm2
    return card.with_changes(
        type=CardType.REVIEW,
        queue=Queue.SUSPENDED if card.suspended else Queue.REVIEW,
        due=due,
        sm2=sm2,
        drill_day=None,
        drill_due_ms=None,
        modified_ms=now_ms,
    )
