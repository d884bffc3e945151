"""`check`: SQLite integrity, orphans, and every card's state against its review log."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby
from typing import TYPE_CHECKING

from flashcards.core.models import Card, CardType, ReviewKind, ReviewLog
from flashcards.core.sm2 import Sm2State, review

if TYPE_CHECKING:
    from flashcards.services.collection import Collection

__all__ = ["CheckReport", "check_collection", "replay"]


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    cards_checked: int = 0

    @property
    def ok(self) -> bool:
        """True when nothing is wrong (or everything wrong was repaired)."""
        return not self.problems

    def to_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "cards_checked": self.cards_checked,
            "problems": list(self.problems),
            "repaired": list(self.repaired),
        }


def replay(logs: list[ReviewLog]) -> tuple[Sm2State, int | None]:
    """The SM-2 state and due day that a card's review log implies."""
    state = Sm2State()
    due: int | None = None
    for log in logs:
        if log.kind == ReviewKind.REVIEW:
            state = review(state, log.grade)
            due = log.day + state.interval
        elif log.kind == ReviewKind.MANUAL:
            # Taken as given; interval 0 means the card was made new again.
            state = log.after
            due = log.due_after if log.after.interval > 0 else None
    return state, due


def _describe(state: Sm2State, due: int | None) -> str:
    return (
        f"reps {state.repetitions}, interval {state.interval}, "
        f"easiness {state.easiness:.2f}, due {due}"
    )


def _drift(card: Card, logs: list[ReviewLog]) -> Card | None:
    """The card as its log says it should be, or None if it already is."""
    state, due = replay(logs)
    if due is None:
        if card.type == CardType.NEW and card.sm2 == Sm2State():
            return None
        return card.with_changes(
            type=CardType.NEW, sm2=Sm2State(), queue=card.queue if card.suspended else 0
        )
    if card.sm2 == state and card.due == due and card.type == CardType.REVIEW:
        return None
    return card.with_changes(
        type=CardType.REVIEW, sm2=state, due=due, queue=card.queue if card.suspended else 1
    )


def check_collection(col: Collection, *, repair: bool) -> CheckReport:
    store = col.store
    report = CheckReport()
    report.problems.extend(store.corruption())
    if not report.problems:
        _dangling_rows(col, report, repair=repair)
    if report.problems:
        return report
    logs_by_card = {
        cid: list(group)
        for cid, group in groupby(store.reviews.iter_all(), key=lambda log: log.card_id)
    }
    fixes: list[Card] = []
    for card in store.cards.iter_all():
        report.cards_checked += 1
        fixed = _drift(card, logs_by_card.get(card.id, []))
        if fixed is None:
            continue
        state, due = replay(logs_by_card.get(card.id, []))
        stored = _describe(card.sm2, card.due if card.type == CardType.REVIEW else None)
        message = (
            f"card {card.id}: stored state ({stored}) "
            f"differs from its review log ({_describe(state, due)})"
        )
        fixes.append(fixed)
        (report.repaired if repair else report.problems).append(message)
    orphans = store.notes.orphans()
    for note_id in orphans:
        message = f"note {note_id} has no cards"
        (report.repaired if repair else report.problems).append(message)
    if repair and (fixes or orphans):
        with store.atomic():
            for card in fixes:
                store.cards.update(card)
            store.notes.delete(orphans)
    _check_derived_data(col, report, repair=repair)
    return report


def _dangling_rows(col: Collection, report: CheckReport, *, repair: bool) -> None:
    """Rows that point at a missing row, repaired as Anki repairs them: a card whose
    note is gone is deleted (with its review history), a card in a missing deck moves
    to the default deck, a review-log entry of a missing card is deleted. A note of a
    missing note type cannot be read, so it is reported, and nothing is repaired."""
    from flashcards.services.collection import DEFAULT_DECK
    from flashcards.storage.browse import BrowseRepo

    store = col.store
    dangling = store.dangling()
    if not dangling:
        return
    kinds: dict[tuple[str, str], list[int]] = {
        ("cards", "notes"): [],
        ("cards", "decks"): [],
        ("revlog", "cards"): [],
    }
    unknown: list[str] = []
    for table, rowid, parent in dangling:
        ids = kinds.get((table, parent))
        if ids is None:
            unknown.append(f"{table} row {rowid} refers to a missing {parent} row")
        elif rowid not in ids:  # a row is listed once per broken reference
            ids.append(rowid)
    no_note, no_deck, no_card = kinds.values()
    messages = [
        *(f"card {i} belongs to a note that does not exist: deleted, with its review history"
          for i in no_note),
        *(f"card {i} is in a deck that does not exist: moved to {DEFAULT_DECK}" for i in no_deck),
        *(f"review-log entry {i} belongs to a card that does not exist: deleted" for i in no_card),
    ]  # fmt: skip
    if unknown or not repair:
        report.problems.extend(unknown + messages)
        return
    with store.atomic():
        for log_id in no_card:
            store.reviews.delete(log_id)
        store.cards.delete(no_note)  # their review log goes with them (ON DELETE CASCADE)
        if no_deck:
            deck = store.decks.ensure(DEFAULT_DECK, col.now_ms())
            BrowseRepo(store.db).set_deck(no_deck, deck.id, col.now_ms())
    report.repaired.extend(messages)


def _check_derived_data(col: Collection, report: CheckReport, *, repair: bool) -> None:
    """Derived data must match its source: the statistics' per-day totals (kept by
    triggers) the review log, the per-deck card counts (kept by triggers) the
    cards, and each note's search text its fields."""
    from flashcards.storage.notes import fill_search_text, stale_search_text
    from flashcards.storage.stats import StatsRepo

    repo = StatsRepo(col.store.db)
    days = repo.review_days_drift()
    notes = stale_search_text(col.store.db)
    deck_counts = col.store.cards.deck_count_drift()
    outcome = report.repaired if repair else report.problems
    if days:
        outcome.append(
            f"the daily review totals differ from the review log on {len(days)} study days"
        )
    if notes:
        outcome.append(
            "1 note has out-of-date search text"
            if len(notes) == 1
            else f"{len(notes)} notes have out-of-date search text"
        )
    if deck_counts:
        outcome.append("the card counts per deck differ from the cards")
    if repair and deck_counts:
        col.store.cards.rebuild_deck_counts()
    if repair and days:
        repo.rebuild_review_days()
    if repair and notes:
        fill_search_text(col.store.db, notes)
