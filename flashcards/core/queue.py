"""The daily queue: what to study next, in what order, within which limits.

Order: re-drills due now → due reviews (most overdue first) → new cards (deck
order) → re-drills that are not due yet (shown early when nothing else is
left, like Anki's learn-ahead). Limits are per deck tree, as Anki: a card
counts against its own deck and every ancestor up to the deck being studied.
Only one card of a note is taken per queue; its siblings wait until tomorrow.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Generic, NamedTuple, Protocol, TypeVar

from flashcards.core.models import Deck, deck_ancestors

__all__ = [
    "DeckCounts",
    "QueueCard",
    "QueueEntry",
    "Queueable",
    "Remaining",
    "StudiedToday",
    "StudyKind",
    "all_remaining",
    "build_queue",
    "deck_chains",
    "deck_tree_counts",
    "remaining_limits",
    "subtree",
]


class StudyKind(IntEnum):
    DRILL = 0
    REVIEW = 1
    NEW = 2


class Queueable(Protocol):
    """What the queue needs of a card (a Card has it, and so has a QueueCard)."""

    @property
    def id(self) -> int: ...
    @property
    def note_id(self) -> int: ...
    @property
    def deck_id(self) -> int: ...
    @property
    def due(self) -> int: ...
    @property
    def drill_due_ms(self) -> int | None: ...


class QueueCard(NamedTuple):
    """Just the columns the queue orders and limits by, read straight from an index.

    A tuple rather than a frozen dataclass on purpose: a queue is hundreds of
    them, rebuilt while the user waits, and a tuple is several times cheaper to
    make. The full Card is loaded only for the card actually shown.
    """

    id: int
    note_id: int
    deck_id: int
    due: int
    drill_due_ms: int | None = None


C = TypeVar("C", bound=Queueable)


@dataclass(frozen=True)
class QueueEntry(Generic[C]):
    card: C
    kind: StudyKind


@dataclass(frozen=True)
class StudiedToday:
    """What a deck (its own cards only) has used of today's limits."""

    new: int = 0
    reviews: int = 0


@dataclass(frozen=True)
class Remaining:
    new: int
    reviews: int


@dataclass(frozen=True)
class DeckCounts:
    """What a deck tree offers today, with limits applied."""

    new: int = 0
    reviews: int = 0
    drills: int = 0

    @property
    def total(self) -> int:
        return self.new + self.reviews + self.drills


def subtree(decks: Iterable[Deck], root: str) -> list[Deck]:
    """`root` and every deck below it."""
    prefix = root + "::"
    return [d for d in decks if d.name == root or d.name.startswith(prefix)]


def deck_chains(decks: Sequence[Deck], root: str) -> dict[int, tuple[int, ...]]:
    """For each deck in `root`'s tree, its id and its ancestors' ids up to `root`."""
    members = subtree(decks, root)
    by_name = {d.name: d.id for d in members}
    chains: dict[int, tuple[int, ...]] = {}
    for deck in members:
        names = [deck.name, *reversed(deck_ancestors(deck.name))]
        chains[deck.id] = tuple(by_name[n] for n in names if n in by_name)
    return chains


def all_remaining(
    decks: Sequence[Deck], studied: Mapping[int, StudiedToday]
) -> dict[int, Remaining]:
    """Today's remaining new/review allowance of every deck, its subdecks' study included."""
    by_name = {d.name: d for d in decks}
    used: dict[str, list[int]] = {d.name: [0, 0] for d in decks}
    for deck in decks:
        done = studied.get(deck.id)
        if done is None:
            continue
        for name in [deck.name, *deck_ancestors(deck.name)]:
            if name in used:
                used[name][0] += done.new
                used[name][1] += done.reviews
    return {
        by_name[name].id: Remaining(
            new=max(0, by_name[name].options.new_per_day - new_used),
            reviews=max(0, by_name[name].options.reviews_per_day - rev_used),
        )
        for name, (new_used, rev_used) in used.items()
    }


def remaining_limits(
    decks: Sequence[Deck], root: str, studied: Mapping[int, StudiedToday]
) -> dict[int, Remaining]:
    """Today's remaining new/review allowance of every deck in `root`'s tree."""
    remaining = all_remaining(decks, studied)
    return {d.id: remaining[d.id] for d in subtree(decks, root)}


def build_queue(
    *,
    drills: Sequence[C],
    reviews: Sequence[C],
    news: Sequence[C],
    chains: Mapping[int, tuple[int, ...]],
    remaining: Mapping[int, Remaining],
    now_ms: int,
) -> list[QueueEntry[C]]:
    """Order today's candidates and apply limits and sibling burying.

    `reviews` must come most-overdue first and `news` in deck order.
    """
    seen_notes: set[int] = set()
    queue: list[QueueEntry[C]] = []

    def take(card: C, kind: StudyKind) -> None:
        if card.note_id in seen_notes:
            return
        seen_notes.add(card.note_id)
        queue.append(QueueEntry(card, kind))

    ordered_drills = sorted(drills, key=lambda c: (c.drill_due_ms or 0, c.id))
    later_drills = [c for c in ordered_drills if (c.drill_due_ms or 0) > now_ms]
    for card in ordered_drills:
        if (card.drill_due_ms or 0) <= now_ms:
            take(card, StudyKind.DRILL)

    left_rev = {deck_id: r.reviews for deck_id, r in remaining.items()}
    left_new = {deck_id: r.new for deck_id, r in remaining.items()}
    for cards, left, kind in (
        (reviews, left_rev, StudyKind.REVIEW),
        (news, left_new, StudyKind.NEW),
    ):
        for card in cards:
            chain = chains.get(card.deck_id)
            if chain is None or card.note_id in seen_notes:
                continue
            if all(left.get(deck_id, 0) > 0 for deck_id in chain):
                for deck_id in chain:
                    left[deck_id] -= 1
                take(card, kind)
    for card in later_drills:
        take(card, StudyKind.DRILL)
    return queue


def deck_tree_counts(
    decks: Sequence[Deck],
    available: Mapping[int, DeckCounts],
    remaining: Mapping[int, Remaining],
) -> dict[str, DeckCounts]:
    """Each deck's new/review/drill counts for today, its subdecks included.

    A parent shows its own cards plus its children's counts, capped by its
    own remaining limit (Anki's deck-list behaviour).
    """
    totals = {d.name: list(_as_tuple(available.get(d.id, DeckCounts()))) for d in decks}
    by_name = {d.name: d for d in decks}
    # Deepest decks first, so each child is final before it is added to its parent.
    for name in sorted(totals, key=lambda n: n.count("::"), reverse=True):
        limit = remaining.get(by_name[name].id, Remaining(0, 0))
        counts = totals[name]
        counts[0] = min(counts[0], limit.new)
        counts[1] = min(counts[1], limit.reviews)
        parents = deck_ancestors(name)
        if parents and parents[-1] in totals:
            parent = totals[parents[-1]]
            for i in range(3):
                parent[i] += counts[i]
    return {name: DeckCounts(*counts) for name, counts in totals.items()}


def _as_tuple(counts: DeckCounts) -> tuple[int, int, int]:
    return counts.new, counts.reviews, counts.drills
