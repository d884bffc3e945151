"""The statistics page and `flashcards stats`: everything, for all cards or one deck tree.

`collection_statistics` gathers SQL aggregates from storage and shapes them
with core.stats; `Statistics.to_dict()` is the `stats --json` object, whose
first ten keys are the DESIGN contract (decks … retention).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from flashcards.core.clock import day_to_date
from flashcards.core.queue import subtree
from flashcards.core.stats import (
    MATURE_DAYS,
    Bucket,
    DayActivity,
    DaySeries,
    MonthRetention,
    ReviewSeries,
    StateCounts,
    Streak,
    TodayStats,
    count_states,
    easiness_histogram,
    forecast,
    heatmap,
    interval_histogram,
    mean_of,
    monthly_retention,
    review_series,
    streaks,
    today_stats,
)
from flashcards.storage.stats import StatsRepo

if TYPE_CHECKING:
    from flashcards.services.collection import Collection

__all__ = ["FORECAST_DAYS", "HISTORY_DAYS", "Statistics", "Totals", "collection_statistics"]

HISTORY_DAYS = 365
"""The heatmap and the review counts cover this many days, ending today."""
FORECAST_DAYS = 30


class Totals(NamedTuple):
    """The `stats --json` contract (DESIGN §5): these keys never change."""

    decks: int
    notes: int
    cards: int
    new: int
    review: int
    suspended: int
    due_today: int
    reviews_total: int
    reviews_today: int
    retention: float | None

    def to_dict(self) -> dict[str, object]:
        return {
            "decks": self.decks,
            "notes": self.notes,
            "cards": self.cards,
            "new": self.new,
            "review": self.review,
            "suspended": self.suspended,
            "due_today": self.due_today,
            "reviews_total": self.reviews_total,
            "reviews_today": self.reviews_today,
            "retention": None if self.retention is None else round(self.retention, 4),
        }


class Statistics(NamedTuple):
    """Everything the statistics page draws, for the collection or one deck tree."""

    deck: str | None
    today: int
    totals: Totals
    studied_today: TodayStats
    heatmap: DaySeries
    reviews: ReviewSeries
    forecast: DaySeries
    overdue: int
    intervals: tuple[Bucket, ...]
    mean_interval: float | None
    easiness: tuple[Bucket, ...]
    mean_easiness: float | None
    states: StateCounts
    retention_by_month: tuple[MonthRetention, ...]
    streak: Streak

    def to_dict(self) -> dict[str, object]:
        """The `flashcards stats --json` object (documented in README)."""

        def rounded(value: float | None) -> float | None:
            return None if value is None else round(value, 2)

        return self.totals.to_dict() | {
            "deck": self.deck,
            "date": day_to_date(self.today).isoformat(),
            "today": self.studied_today.to_dict(),
            "streak": self.streak.to_dict(),
            "card_states": self.states.to_dict(),
            "heatmap": self.heatmap.to_dict(),
            "reviews_by_day": self.reviews.to_dict(),
            "forecast": self.forecast.to_dict() | {"overdue": self.overdue},
            "intervals": {
                "mean": rounded(self.mean_interval),
                "buckets": [b.to_dict() for b in self.intervals],
            },
            "easiness": {
                "mean": rounded(self.mean_easiness),
                "buckets": [b.to_dict() for b in self.easiness],
            },
            "retention_by_month": [m.to_dict() for m in self.retention_by_month],
        }


def collection_statistics(col: Collection, deck: str | None = None) -> Statistics:
    """Statistics for every card, or for `deck` and its subdecks."""
    store = col.store
    repo = StatsRepo(store.db)
    today = col.today()
    if deck is None:
        deck_ids: list[int] | None = None
        deck_count = store.decks.count()
    else:
        deck = col.deck(deck).name  # a clear error for an unknown deck; its own spelling
        members = subtree(store.decks.all(), deck)
        deck_ids = [d.id for d in members]
        deck_count = len(members)
    history = repo.history(deck_ids, since=today - HISTORY_DAYS + 1)
    recent, all_days = history.recent, history.totals
    queues = repo.queue_counts(deck_ids)
    by_type = repo.interval_counts(deck_ids)
    learned = by_type.get(1, {})
    easiness = repo.easiness_counts(deck_ids)
    due_by_day = repo.due_by_day(today, today + FORECAST_DAYS, deck_ids)
    buried_due = repo.buried_due(today, deck_ids)
    due_days, overdue = forecast(due_by_day, today, FORECAST_DAYS, buried_due)
    type_totals = {
        0: sum(by_type.get(0, {}).values()),
        1: sum(n for interval, n in learned.items() if interval < MATURE_DAYS),
        2: sum(n for interval, n in learned.items() if interval >= MATURE_DAYS),
    }
    today_row = next((d for d in recent if d.day == today), DayActivity(today))
    totals = Totals(
        decks=deck_count,
        notes=repo.note_count(deck_ids),
        cards=sum(queues.values()),
        new=queues.get(0, 0),
        review=queues.get(1, 0),
        suspended=queues.get(-1, 0),
        due_today=due_days.values[0],  # overdue included, buried left out
        reviews_total=all_days.answers,
        reviews_today=today_row.answers,
        retention=all_days.learned_passed / all_days.learned if all_days.learned else None,
    )
    return Statistics(
        deck=deck,
        today=today,
        totals=totals,
        studied_today=today_stats(recent, today, repo.cards_answered(today, deck_ids)),
        heatmap=heatmap(recent, today, HISTORY_DAYS),
        reviews=review_series(recent, today, HISTORY_DAYS),
        forecast=due_days,
        overdue=overdue,
        intervals=tuple(interval_histogram(learned)),
        mean_interval=mean_of(learned),
        easiness=tuple(easiness_histogram(easiness)),
        mean_easiness=None if (m := mean_of(easiness)) is None else m / 100,
        states=count_states(type_totals, repo.special_groups(today, MATURE_DAYS, deck_ids)),
        retention_by_month=tuple(monthly_retention(history.months)),
        streak=streaks(history.study_days, today),
    )
