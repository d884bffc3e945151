"""The statistics page's SQL: small GROUP BY aggregates, for all cards or a deck tree.

Per-day review totals come from review_days (kept by triggers, see schema.py),
so they cost O(days × decks); card aggregates walk narrow indexes in order.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from flashcards.core.models import CardType
from flashcards.core.stats import CardGroup, DayActivity, DayHistory
from flashcards.storage.cards import CardRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

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


_HAS_ANSWERS = "(new_cards != 0 OR young != 0 OR mature != 0 OR drills != 0)"
_MONTH_OF_DAY = "strftime('%Y-%m', day + 2440587.5)"
"""The calendar month of a study-day number (day 0 is 1970-01-01, Julian day 2440587.5)."""


def _days_with_answers(deck_ids: Sequence[int] | None) -> str:
    """A FROM-clause relation: the study days with answers, one row each (day and
    the _DAY_COLUMNS), for the collection or summed over a deck tree's decks.

    Only the days go to Python that a caller needs; totals, months and the like
    are summed here in SQL rather than over ~1,800 Python rows at 100k cards.
    """
    if deck_ids is None:  # summed over decks already (study_days, kept by triggers)
        return f"(SELECT day, {_DAY_COLUMNS} FROM study_days WHERE {_HAS_ANSWERS})"
    columns = _DAY_COLUMNS.split(", ")
    sums = ", ".join(f"sum({c}) AS {c}" for c in columns)
    has_answers = " OR ".join(f"sum({c}) != 0" for c in columns[:4])
    return (
        f"(SELECT day, {sums} FROM review_days WHERE 1{_DeckFilter(deck_ids).clause()} "
        f"GROUP BY day HAVING {has_answers})"
    )


class StatsRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def days(
        self, deck_ids: Sequence[int] | None = None, since: int | None = None
    ) -> list[DayActivity]:
        """Every study day with answers (from day `since` on, if given), oldest first."""
        after, params = ("", []) if since is None else (" WHERE day >= ?", [since])
        rows = self.db.execute(
            f"SELECT day, {_DAY_COLUMNS} FROM {_days_with_answers(deck_ids)}{after} ORDER BY day",
            [*_DeckFilter(deck_ids).params(), *params],
        )
        return [DayActivity(*row) for row in rows]

    def day_totals(self, deck_ids: Sequence[int] | None = None) -> DayActivity:
        """Every study day's answers summed into one DayActivity (its day is 0)."""
        sums = ", ".join(f"coalesce(sum({c}), 0)" for c in _DAY_COLUMNS.split(", "))
        row = self.db.execute(
            f"SELECT 0, {sums} FROM {_days_with_answers(deck_ids)}",
            _DeckFilter(deck_ids).params(),
        ).fetchone()
        return DayActivity(*row)

    def months(self, deck_ids: Sequence[int] | None = None) -> list[DayActivity]:
        """Learned cards' repetitions per calendar month, oldest first: one DayActivity
        per month with any, dated on its first such study day (young, mature and
        learned_passed summed; the other counters 0)."""
        rows = self.db.execute(
            "SELECT min(day), 0, sum(young), sum(mature), 0, 0, sum(learned_passed), 0 "
            f"FROM {_days_with_answers(deck_ids)} WHERE young + mature != 0 "
            f"GROUP BY {_MONTH_OF_DAY} ORDER BY 1",
            _DeckFilter(deck_ids).params(),
        )
        return [DayActivity(*row) for row in rows]

    def study_days(self, deck_ids: Sequence[int] | None = None) -> list[int]:
        """The numbers of the study days with answers, oldest first."""
        rows = self.db.execute(
            f"SELECT day FROM {_days_with_answers(deck_ids)} ORDER BY day",
            _DeckFilter(deck_ids).params(),
        )
        return [row[0] for row in rows]

    def history(self, deck_ids: Sequence[int] | None = None, since: int = 0) -> DayHistory:
        """The study days' recent rows (from `since` on), totals, months and numbers.

        The whole collection's come from four small queries over study_days. A deck
        tree's days are summed from review_days once, then split here: summing
        them again for each part would cost ~8 ms apiece at 100k cards.
        """
        if deck_ids is None:
            return DayHistory(
                self.days(None, since), self.day_totals(None), self.months(None), self.study_days()
            )
        days = self.days(deck_ids)
        sums = [sum(column) for column in zip(*days, strict=True)] if days else [0] * 8
        return DayHistory(
            [d for d in days if d.day >= since],
            DayActivity(0, *sums[1:]),
            [d for d in days if d.learned],
            [d.day for d in days],
        )

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

    def buried_due(self, today: int, deck_ids: Sequence[int] | None = None) -> int:
        """Review cards due today (overdue included) but buried: what due_by_day's
        counts up to today hold beyond the cards due today."""
        decks = _DeckFilter(deck_ids)
        # Through cards_buried: no card row is read for the many cards not buried.
        row = self.db.execute(
            "SELECT count(*) FROM cards INDEXED BY cards_buried "
            f"WHERE buried_until > ? AND queue = 1 AND due <= ?{decks.clause()}",
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

        From deck_intervals (kept by triggers, see schema.py): one row per deck,
        type and interval, not one per card.
        """
        decks = _DeckFilter(deck_ids)
        rows = self.db.execute(
            f"SELECT type, interval, sum(cards) FROM deck_intervals WHERE cards > 0"
            f"{decks.clause()} GROUP BY type, interval",
            decks.params(),
        )
        counts: dict[int, dict[int, int]] = {0: {}, 1: {}}
        for card_type, interval, n in rows:
            counts.setdefault(card_type, {})[interval] = n
        return counts

    def easiness_counts(self, deck_ids: Sequence[int] | None = None) -> dict[int, int]:
        """Learned cards by easiness in hundredths, from deck_easiness (kept by triggers)."""
        decks = _DeckFilter(deck_ids)
        rows = self.db.execute(
            f"SELECT easiness, sum(cards) FROM deck_easiness WHERE type = 1 AND cards > 0"
            f"{decks.clause()} GROUP BY easiness",
            decks.params(),
        )
        return dict(rows.fetchall())

    def special_groups(
        self, today: int, mature_days: int, deck_ids: Sequence[int] | None = None
    ) -> list[CardGroup]:
        """Cards suspended, buried, or waiting for a re-drill today, grouped.

        Suspended cards come from the partial index cards_suspended, without
        reading their rows; since suspended wins over buried and re-drill, their
        groups say neither. The few others are found through cards_buried and
        cards_drill.
        """
        decks = _DeckFilter(deck_ids)
        suspended = self.db.execute(
            "SELECT type, interval >= ?, count(*) FROM cards INDEXED BY cards_suspended "
            f"WHERE queue = -1{decks.clause()} GROUP BY 1, 2",
            [mature_days, *decks.params()],
        )
        groups = [CardGroup(CardType(t), bool(m), True, False, False, n) for t, m, n in suspended]
        decks = _DeckFilter(deck_ids, "+deck_id")  # few rows: the OR of two indexes leads
        others = self.db.execute(
            "SELECT type, interval >= ?, buried_until > ?, drill_day IS ?, count(*) FROM cards "
            f"WHERE (buried_until > ? OR drill_day = ?) AND queue != -1{decks.clause()} "
            "GROUP BY 1, 2, 3, 4",
            [mature_days, today, today, today, today, *decks.params()],
        )
        return groups + [
            CardGroup(CardType(t), bool(m), False, bool(b), bool(d), n) for t, m, b, d, n in others
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
        """Study days whose stored totals (review_days, study_days) differ from the
        review log (empty when all agree)."""
        from flashcards.storage.schema import REVIEW_DAYS_FROM_LOG
        from flashcards.storage.stats_schema import STUDY_DAYS_FROM_REVIEW_DAYS

        stored = {
            (row[0], row[1]): tuple(row[2:])
            for row in self.db.execute(
                f"SELECT day, deck_id, {_DAY_COLUMNS} FROM review_days "
                "WHERE new_cards + young + mature + drills > 0"
            )
        }
        fresh = {(row[0], row[1]): tuple(row[2:]) for row in self.db.execute(REVIEW_DAYS_FROM_LOG)}
        drifted = {day for (day, _), _ in stored.items() ^ fresh.items()}
        totals = {  # study_days must be review_days summed over decks
            row[0]: tuple(row[1:])
            for row in self.db.execute(f"SELECT day, {_DAY_COLUMNS} FROM study_days")
            if any(row[1:5])
        }
        summed = {
            row[0]: tuple(row[1:])
            for row in self.db.execute(STUDY_DAYS_FROM_REVIEW_DAYS)
            if any(row[1:5])
        }
        drifted |= {day for day, _ in totals.items() ^ summed.items()}
        return sorted(drifted)

    def rebuild_review_days(self) -> None:
        """Recompute the daily totals from the review log (and un-pause their triggers)."""
        from flashcards.storage.schema import REBUILD_REVIEW_DAYS, REVIEW_DAYS_PAUSED
        from flashcards.storage.stats_schema import REBUILD_STUDY_DAYS

        with self.db.atomic():
            self.db.execute("DELETE FROM settings WHERE key = ?", [REVIEW_DAYS_PAUSED])
            self.db.execute("DELETE FROM review_days")
            self.db.execute(REBUILD_REVIEW_DAYS)
            # Its triggers kept study_days through both statements; counted afresh
            # anyway, so a rebuild also repairs it.
            self.db.execute("DELETE FROM study_days")
            self.db.execute(REBUILD_STUDY_DAYS)

    @contextmanager
    def review_days_paused(self) -> Iterator[None]:
        """For a bulk write of review logs or cards, inside its transaction.

        The triggers that keep review_days (they cost ~8 µs per revlog row) and
        the per-deck card counts are dropped until the end, and what they keep is
        rebuilt once.
        """
        from flashcards.storage.schema import REVIEW_DAYS_PAUSED

        self.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, 'true') ON CONFLICT(key) DO NOTHING",
            [REVIEW_DAYS_PAUSED],
        )
        # Paused triggers still run their WHEN test for every row (~2 µs each, five
        # of them per card): they are dropped for the bulk write and created again,
        # in the same transaction, so a failed write rolls both back.
        triggers = self.db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name IN ('cards', 'revlog')"
        ).fetchall()
        for name, _ in triggers:
            self.db.execute(f'DROP TRIGGER "{name}"')
        yield
        for _, sql in triggers:
            self.db.execute(sql)
        self.rebuild_review_days()
        CardRepo(self.db).rebuild_deck_counts()
