"""Applying a grade to a card: SM-2 plus the same-day re-drill rule.

Only the first grade of a study day is an SM-2 repetition. A first grade below
4 leaves the card waiting for a re-drill; re-drill grades are logged as DRILL
and never change the schedule; a re-drill grade of 4 or 5 ends the drill.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from flashcards.core.models import Card, CardType, Queue, ReviewKind, ReviewLog
from flashcards.core.sm2 import PASS_GRADE, REDRILL_BELOW, review

__all__ = [
    "DRILL_DELAY_MS",
    "LEECH_THRESHOLD",
    "Answer",
    "answer_card",
    "is_leech_lapse",
    "preview_intervals",
]

DRILL_DELAY_MS = 60_000
"""A card to re-drill waits this long, unless nothing else is left to study."""

LEECH_THRESHOLD = 8
"""Lapses that make a card a leech (then every half as many again), as Anki."""


@dataclass(frozen=True)
class Answer:
    """The outcome of grading a card: its new state and the log entry."""

    card: Card
    log: ReviewLog
    leech: bool


def is_leech_lapse(lapses: int, threshold: int = LEECH_THRESHOLD) -> bool:
    """True when this lapse count marks a leech: at the threshold, then every half of it."""
    if lapses < threshold:
        return False
    step = max(1, threshold // 2)
    return (lapses - threshold) % step == 0


def answer_card(
    card: Card,
    grade: int,
    *,
    today: int,
    now_ms: int,
    duration_ms: int = 0,
    typed: str | None = None,
    suggested: int | None = None,
) -> Answer:
    """Grade `card` on study day `today`; return its new state and log entry.

    `typed` and `suggested` (a typed answer and the grade its comparison
    suggested) are only recorded in the log; the grade given is what counts.
    """
    if suggested is not None:
        review(card.sm2, suggested)  # the same 0–5 check as a grade
    result = _answer(card, grade, today=today, now_ms=now_ms, duration_ms=duration_ms)
    if typed is None and suggested is None:
        return result
    log = replace(result.log, typed=typed, suggested=suggested)
    return Answer(card=result.card, log=log, leech=result.leech)


def _answer(card: Card, grade: int, *, today: int, now_ms: int, duration_ms: int) -> Answer:
    if card.drill_day == today:
        return _drill(card, grade, today=today, now_ms=now_ms, duration_ms=duration_ms)
    after = review(card.sm2, grade)
    lapsed = grade < PASS_GRADE and card.type == CardType.REVIEW
    lapses = card.lapses + (1 if lapsed else 0)
    needs_drill = grade < REDRILL_BELOW
    new_card = card.with_changes(
        type=CardType.REVIEW,
        queue=Queue.REVIEW if card.queue != Queue.SUSPENDED else Queue.SUSPENDED,
        due=today + after.interval,
        sm2=after,
        reps=card.reps + 1,
        lapses=lapses,
        drill_day=today if needs_drill else None,
        drill_due_ms=now_ms + DRILL_DELAY_MS if needs_drill else None,
        modified_ms=now_ms,
    )
    log = ReviewLog(
        id=0,
        card_id=card.id,
        time_ms=now_ms,
        day=today,
        grade=grade,
        kind=ReviewKind.REVIEW,
        before=card.sm2,
        after=after,
        due_after=new_card.due,
        duration_ms=duration_ms,
    )
    return Answer(card=new_card, log=log, leech=lapsed and is_leech_lapse(lapses))


def _drill(card: Card, grade: int, *, today: int, now_ms: int, duration_ms: int) -> Answer:
    review(card.sm2, grade)  # validates the grade; the schedule is not touched
    done = grade >= REDRILL_BELOW
    new_card = card.with_changes(
        drill_day=None if done else today,
        drill_due_ms=None if done else now_ms + DRILL_DELAY_MS,
        modified_ms=now_ms,
    )
    log = ReviewLog(
        id=0,
        card_id=card.id,
        time_ms=now_ms,
        day=today,
        grade=grade,
        kind=ReviewKind.DRILL,
        before=card.sm2,
        after=card.sm2,
        due_after=card.due,
        duration_ms=duration_ms,
    )
    return Answer(card=new_card, log=log, leech=False)


def preview_intervals(card: Card, today: int) -> dict[int, int | None]:
    """For each grade 0–5, the interval in days it would give (None on a re-drill)."""
    if card.drill_day == today:
        return {grade: None for grade in range(6)}
    return {grade: review(card.sm2, grade).interval for grade in range(6)}
