"""The pure daily-queue function: order, per-deck-tree limits, siblings."""

from __future__ import annotations

from flashcards.core.models import Card, CardType, Deck, DeckOptions, Queue
from flashcards.core.queue import (
    DeckCounts,
    Remaining,
    StudiedToday,
    StudyKind,
    all_remaining,
    build_queue,
    deck_chains,
    deck_tree_counts,
    remaining_limits,
)

DECKS = [
    Deck(1, "A", DeckOptions(new_per_day=3, reviews_per_day=4)),
    Deck(2, "A::B", DeckOptions(new_per_day=2, reviews_per_day=10)),
    Deck(3, "A::C", DeckOptions(new_per_day=10, reviews_per_day=1)),
]


def new(card_id: int, deck: int, note: int | None = None) -> Card:
    return Card(card_id, note or card_id, deck, 0, due=card_id)


def rev(card_id: int, deck: int, due: int, note: int | None = None) -> Card:
    return Card(card_id, note or card_id, deck, 0, CardType.REVIEW, Queue.REVIEW, due)


def drill(card_id: int, due_ms: int) -> Card:
    return Card(
        card_id, card_id, 1, 0, CardType.REVIEW, Queue.REVIEW, 50, drill_day=10, drill_due_ms=due_ms
    )


def queue_for(
    drills: list[Card],
    reviews: list[Card],
    news: list[Card],
    studied: dict[int, StudiedToday] | None = None,
) -> list[tuple[StudyKind, int]]:
    entries = build_queue(
        drills=drills,
        reviews=reviews,
        news=news,
        chains=deck_chains(DECKS, "A"),
        remaining=remaining_limits(DECKS, "A", studied or {}),
        now_ms=1000,
    )
    return [(e.kind, e.card.id) for e in entries]


def test_order_drills_now_reviews_new_then_later_drills() -> None:
    result = queue_for([drill(90, 5000), drill(91, 500)], [rev(10, 1, 3)], [new(20, 1)])
    assert result == [
        (StudyKind.DRILL, 91),
        (StudyKind.REVIEW, 10),
        (StudyKind.NEW, 20),
        (StudyKind.DRILL, 90),
    ]


def test_parent_and_child_limits_both_apply() -> None:
    news = [new(i, 2) for i in range(1, 6)] + [new(i, 3) for i in range(6, 9)]
    result = queue_for([], [], news)
    # B allows 2, the parent A allows 3 in total: two from B, one from C.
    assert result == [(StudyKind.NEW, 1), (StudyKind.NEW, 2), (StudyKind.NEW, 6)]


def test_reviews_limited_per_subdeck() -> None:
    reviews = [rev(1, 3, 1), rev(2, 3, 2), rev(3, 2, 3)]
    assert queue_for([], reviews, []) == [(StudyKind.REVIEW, 1), (StudyKind.REVIEW, 3)]


def test_studied_today_uses_up_the_limits_of_ancestors() -> None:
    studied = {2: StudiedToday(new=2)}
    assert remaining_limits(DECKS, "A", studied)[1] == Remaining(new=1, reviews=4)
    assert remaining_limits(DECKS, "A", studied)[2] == Remaining(new=0, reviews=10)
    news = [new(1, 2), new(2, 3), new(3, 3)]
    assert queue_for([], [], news, studied) == [(StudyKind.NEW, 2)]


def test_one_card_per_note() -> None:
    result = queue_for([], [rev(1, 1, 1, note=7)], [new(2, 1, note=7), new(3, 1)])
    assert result == [(StudyKind.REVIEW, 1), (StudyKind.NEW, 3)]


def test_deck_tree_counts_cap_parents() -> None:
    available = {
        1: DeckCounts(new=1),
        2: DeckCounts(new=5, reviews=3),
        3: DeckCounts(new=5, reviews=2, drills=1),
    }
    counts = deck_tree_counts(DECKS, available, all_remaining(DECKS, {}))
    assert counts["A::B"] == DeckCounts(new=2, reviews=3)
    assert counts["A::C"] == DeckCounts(new=5, reviews=1, drills=1)
    assert counts["A"] == DeckCounts(new=3, reviews=4, drills=1)
