"""The statistics page's SQL: small GROUP BY aggregates, for all cards or a deck tree.

Per-day review totals come from review_days (kept by triggers, see schema.py),
so they cost O(days × decks); card aggregates walk narrow indexes in order.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlite_utils import Database

from flashcards.core.models import CardType
from flashcards.core.stats import CardGroup, DayActivity
from flashcards.storage.cards import CardRepo
from flashcards.storage.schema import (
    REBUILD_REVIEW_DAYS,
    REVIEW_DAYS_FROM_LOG,
    REVIEW_DAYS_PAUSED,
)

__all__ = ["StatsRepo"]

_ID_LIST_LIMIT = 64
_DAY_COLUMNS = "new_cards, young, mature, drills, correct, learned_passed, time_ms"


class _DeckFilter:
    """`deck_id IN (...)` for a deck tree, or nothing for the whole collection.

    A short list goes in as literal parameters, which SQLite plans better than
    a json_each() subquery; a long one as one JSON array.
    """

    def __init__(self, deck_ids: Sequence[int] | None, column: str = "deck_id") -> None:
        self.deck_ids = None if deck_ids is None else [int(i) for i in deck_ids]
        self.column = column

    def clause(self, joiner: str = "AND") -> str:
        if self.deck_ids is None:
            return ""
        if len(self.deck_ids) <= _ID_LIST_LIMIT:
            marks = ", ".join("?" * len(self.deck_ids)) or "NULL"
            return f" {joiner} {self.column} IN ({marks})"
        return f" {joiner} {self.column} IN (SELECT value FROM json_each(?))"

    def params(self) -> list[object]:
        if self.deck_ids is None:
            return []
        if len(self.deck_ids) <= _ID_LIST_LIMIT:
            return list(self.deck_ids)
        return [json.dumps(self.deck_ids)]


class StatsRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def days(self, deck_ids: Sequence[int] | None = None) -> list[DayActivity]:
        """Every study day with answers, oldest first."""
        decks = _DeckFilter(deck_ids)
        sums = ", ".join(f"sum({c})" for c in _DAY_COLUMNS.split(", "))
        rows = self.db.execute(
            f"SELECT day, {sums} FROM review_days WHERE 1{decks.clause()} GROUP BY day "
            "ORDER BY day",
            decks.params(),
        )
        return [DayActivity(*row) for row in rows if any(row[1:5])]

    def cards_answered(self, day: int, deck_ids: Sequence[int] | None = None) -> int:
        """Distinct cards answered (REVIEW or DRILL) on a study day."""
        decks = _DeckFilter(deck_ids, "c.deck_id")
        row = self.db.execute(
            "SELECT count(DISTINCT r.card_id) FROM revlog r JOIN cards c ON c.id = r.card_id "
            f"WHERE r.day = ? AND r.kind < 2{decks.clause()}",
            [day, *decks.params()],
        ).fetchone()
        return int(row[0])

    def queue_counts(self, deck_ids: Sequence[int] | None = None) -> dict[int, int]:
        """Cards per queue (-1 suspended, 0 new, 1 review), from deck_card_counts."""
        decks = _DeckFilter(deck_ids)
        rows = self.db.execute(
            f"SELECT queue, sum(cards) FROM deck_card_counts WHERE 1{decks.clause()} "
            "GROUP BY queue HAVING sum(cards) > 0",
            decks.params(),
        )
        return dict(rows.fetchall())

    def due_count(self, today: int, deck_ids: Sequence[int] | None = None) -> int:
        """Review cards due today (overdue included), not suspended or buried."""
        decks = _DeckFilter(deck_ids)
        row = self.db.execute(
            "SELECT count(*) FROM cards WHERE queue = 1 AND due <= ? AND buried_until <= ?"
            f"{decks.clause()}",
            [today, today, *decks.params()],
        ).fetchone()
        return int(row[0])

    def due_by_day(
        self, today: int, until: int, deck_ids: Sequence[int] | None = None
    ) -> dict[int, int]:
        """Review cards per due day before `until`; all overdue ones on one key, today-1."""
        decks = _DeckFilter(deck_ids)
        params = decks.params()
        # For a deck tree the (deck, queue, due) index answers it; unguided, SQLite
        # walks (queue, due) and reads every card row to check its deck.
        index = "" if deck_ids is None else " INDEXED BY cards_deck_queue_due"
        due = dict(
            self.db.execute(
                f"SELECT due, count(*) FROM cards{index} WHERE queue = 1 AND due >= ? "
                f"AND due < ?{decks.clause()} GROUP BY due",
                [today, until, *params],
            ).fetchall()
        )
        overdue = self.db.execute(
            f"SELECT count(*) FROM cards WHERE queue = 1 AND due < ?{decks.clause()}",
            [today, *params],
        ).fetchone()[0]
        if overdue:
            due[today - 1] = int(overdue)
        return due

    def interval_counts(self, deck_ids: Sequence[int] | None = None) -> dict[int, dict[int, int]]:
        """Cards by type, then interval: {type: {interval: count}}.

        Grouped by the leading columns of cards_interval (interval, type, deck_id):
        an ordered walk of that index, no sort; a deck tree is a filter on the walk.
        """
        decks = _DeckFilter(deck_ids)
        rows = self.db.execute(
            f"SELECT interval, type, count(*) FROM cards INDEXED BY cards_interval "
            f"WHERE 1{decks.clause()} GROUP BY interval, type",
            decks.params(),
        )
        counts: dict[int, dict[int, int]] = {0: {}, 1: {}}
        for interval, card_type, n in rows:
            counts.setdefault(card_type, {})[interval] = n
        return counts

    def easiness_counts(self, deck_ids: Sequence[int] | None = None) -> dict[int, int]:
        """Learned cards by easiness in hundredths.

        Grouped by the leading columns of cards_easiness (easiness, type, deck_id),
        so SQLite walks that index in order with no sort; new cards are skipped
        here rather than in SQL.
        """
        decks = _DeckFilter(deck_ids)
        rows = self.db.execute(
            f"SELECT easiness, type, count(*) FROM cards INDEXED BY cards_easiness "
            f"WHERE 1{decks.clause()} GROUP BY easiness, type",
            decks.params(),
        )
        return {easiness: n for easiness, card_type, n in rows if card_type == 1}

    def special_groups(
        self, today: int, mature_days: int, deck_ids: Sequence[int] | None = None
    ) -> list[CardGroup]:
        """Cards suspended, buried, or waiting for a re-drill today, grouped."""
        decks = _DeckFilter(deck_ids, "+deck_id")  # few rows: the OR of three indexes leads
        rows = self.db.execute(
            "SELECT type, interval >= ?, queue = -1, buried_until > ?, drill_day IS ?, count(*) "
            "FROM cards WHERE (queue = -1 OR buried_until > ? OR drill_day = ?)"
            f"{decks.clause()} GROUP BY 1, 2, 3, 4, 5",
            [mature_days, today, today, today, today, *decks.params()],
        )
        return [
            CardGroup(CardType(t), bool(m), bool(s), bool(b), bool(d), n)
            for t, m, s, b, d, n in rows
        ]

    def note_count(self, deck_ids: Sequence[int] | None = None) -> int:
        if deck_ids is None:
            return int(self.db.execute("SELECT count(*) FROM notes").fetchone()[0])
        decks = _DeckFilter(deck_ids)
        row = self.db.execute(
            f"SELECT count(DISTINCT note_id) FROM cards WHERE 1{decks.clause()}", decks.params()
        ).fetchone()
        return int(row[0])

    def review_days_drift(self) -> list[int]:
        """Study days whose stored totals differ from the review log (empty when all agree)."""
        stored = {
            (row[0], row[1]): tuple(row[2:])
            for row in self.db.execute(
                f"SELECT day, deck_id, {_DAY_COLUMNS} FROM review_days "
                "WHERE new_cards + young + mature + drills > 0"
            )
        }
        fresh = {(row[0], row[1]): tuple(row[2:]) for row in self.db.execute(REVIEW_DAYS_FROM_LOG)}
        return sorted({day for (day, _), _ in stored.items() ^ fresh.items()})

    def rebuild_review_days(self) -> None:
        """Recompute the daily totals from the review log (and un-pause their triggers)."""
        with self.db.atomic():
            self.db.execute("DELETE FROM settings WHERE key = ?", [REVIEW_DAYS_PAUSED])
            self.db.execute("DELETE FROM review_days")
            self.db.execute(REBUILD_REVIEW_DAYS)

    @contextmanager
    def review_days_paused(self) -> Iterator[None]:
        """For a bulk write of review logs or cards, inside its transaction.

        The triggers that keep review_days (they cost ~8 µs per revlog row) and
        the per-deck card counts stand still, and both are rebuilt once at the end.
        """
        self.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, 'true') ON CONFLICT(key) DO NOTHING",
            [REVIEW_DAYS_PAUSED],
        )
        yield
        self.rebuild_review_days()
        CardRepo(self.db).rebuild_deck_counts()
