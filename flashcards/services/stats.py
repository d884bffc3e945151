"""Collection totals for `flashcards stats`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flashcards.services.collection import Collection

__all__ = ["collection_stats"]


def collection_stats(col: Collection) -> dict[str, object]:
    """Totals: decks, notes, cards by state, due today, reviews and retention."""
    store = col.store
    today = col.today()
    by_queue = store.cards.count_by_queue()
    total_reviews = store.reviews.count()
    passed, graded = store.reviews.retention_counts()
    return {
        "decks": store.decks.count(),
        "notes": store.notes.count(),
        "cards": store.cards.count(),
        "new": by_queue.get(0, 0),
        "review": by_queue.get(1, 0),
        "suspended": by_queue.get(-1, 0),
        "due_today": store.cards.due_review_count(today),
        "reviews_total": total_reviews,
        "reviews_today": store.reviews.count(today),
        "retention": round(passed / graded, 4) if graded else None,
    }
