"""Cards: scheduling state and the queries behind the daily queue."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from itertools import starmap
from typing import TYPE_CHECKING

from flashcards.core.models import Card, Queue
from flashcards.core.queue import DeckCounts, QueueCard
from flashcards.storage.database import executemany
from flashcards.storage.rows import CARD_COLUMNS, card_from_row, card_to_row

__all__ = ["CardRepo"]

_INSERT_COLUMNS = (
    "note_id, deck_id, ord, type, queue, due, repetitions, interval, easiness, reps, lapses, "
    "buried_until, drill_day, drill_due_ms, created_ms, modified_ms"
)

if TYPE_CHECKING:
    from sqlite_utils import Database
_UPDATE_SET = ", ".join(f"{c.strip()} = ?" for c in _INSERT_COLUMNS.split(","))
_QUEUE_COLUMNS = "id, note_id, deck_id, due, NULL"
"""A QueueCard, from cards_deck_queue_due alone (drill times are only read for drills)."""
_MERGE_DECKS = 100
"""Deck trees up to this size merge one index range per deck (a compound SELECT)."""
_CARD_NAMES = tuple(c.strip() for c in CARD_COLUMNS.split(","))
_UPSERT_SET = ", ".join(f"{c.strip()} = excluded.{c.strip()}" for c in _INSERT_COLUMNS.split(","))


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


class CardRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _select(self, where: str, params: Sequence[object]) -> list[Card]:
        # execute(), not query(): query() wraps every read in a savepoint and
        # builds its dicts through more layers, a tenth of an answer's time.
        sql = f"SELECT {CARD_COLUMNS} FROM cards WHERE {where}"
        rows = self.db.execute(sql, list(params)).fetchall()
        return [card_from_row(dict(zip(_CARD_NAMES, r, strict=True))) for r in rows]

    def get(self, card_id: int) -> Card | None:
        cards = self._select("id = ?", [card_id])
        return cards[0] if cards else None

    def of_note(self, note_id: int) -> list[Card]:
        return self._select("note_id = ? ORDER BY ord", [note_id])

    def insert(self, card: Card) -> int:
        row = card_to_row(card)
        cursor = self.db.execute(
            f"INSERT INTO cards ({_INSERT_COLUMNS}) VALUES ({_marks(list(row))})",
            list(row.values()),
        )
        return int(cursor.lastrowid or 0)

    def update(self, card: Card, before: Card | None = None) -> None:
        """Write `card`. Given `before`, the card as stored, only the columns that
        changed: SQLite then leaves alone every index that holds none of them."""
        row = card_to_row(card)
        if before is None:
            self.db.execute(
                f"UPDATE cards SET {_UPDATE_SET} WHERE id = ?", [*row.values(), card.id]
            )
            return
        old = card_to_row(before)
        changed = {column: value for column, value in row.items() if old[column] != value}
        if changed:
            assignments = ", ".join(f"{column} = ?" for column in changed)
            self.db.execute(
                f"UPDATE cards SET {assignments} WHERE id = ?", [*changed.values(), card.id]
            )

    def restore(self, card: Card) -> None:
        """Write `card` back exactly, re-creating it if it was deleted.

        An upsert, not INSERT OR REPLACE: REPLACE deletes the old row first, and
        that delete would cascade to the card's review log.
        """
        row = card_to_row(card)
        self.db.execute(
            f"INSERT INTO cards (id, {_INSERT_COLUMNS}) VALUES (?, {_marks(list(row))}) "
            f"ON CONFLICT(id) DO UPDATE SET {_UPSERT_SET}",
            [card.id, *row.values()],
        )

    def delete(self, card_ids: Iterable[int]) -> None:
        executemany(self.db, "DELETE FROM cards WHERE id = ?", [(i,) for i in card_ids])

    def next_new_position(self) -> int:
        row = self.db.execute("SELECT max(due) FROM cards WHERE type = 0").fetchone()
        return 0 if row[0] is None else int(row[0]) + 1

    def bury_siblings(self, card: Card, until: int, now_ms: int) -> int:
        """Bury the note's other active cards until day `until`; return how many."""
        cursor = self.db.execute(
            "UPDATE cards SET buried_until = ?, modified_ms = ? WHERE note_id = ? AND id != ? "
            "AND queue != ? AND buried_until < ? AND drill_day IS NULL",
            [until, now_ms, card.note_id, card.id, int(Queue.SUSPENDED), until],
        )
        return int(cursor.rowcount)

    def due_reviews(
        self, deck_ids: Sequence[int], today: int, limit: int, offset: int = 0
    ) -> list[QueueCard]:
        """Review cards due by `today`, most overdue first (by due day, then id).

        Each deck's due cards are the start of one range of cards_deck_queue_due,
        already in that order and holding every column needed: reading `limit +
        offset` entries per deck and merging them costs what the limit allows, not
        what is due. (Very large deck trees fall back to one sorted scan.)
        """
        if not deck_ids:
            return []
        take = limit + offset
        if len(deck_ids) > _MERGE_DECKS:
            sql = (
                f"SELECT {_QUEUE_COLUMNS} FROM cards WHERE deck_id IN "
                "(SELECT value FROM json_each(?)) AND queue = 1 AND due <= ? "
                "AND buried_until <= ? ORDER BY due, id LIMIT ? OFFSET ?"
            )
            params: list[object] = [json.dumps([int(d) for d in deck_ids]), today, today]
            return self._queue_cards(sql, [*params, limit, offset])
        arm = (
            f"SELECT * FROM (SELECT {_QUEUE_COLUMNS} FROM cards WHERE deck_id = ? AND queue = 1 "
            "AND due <= ? AND buried_until <= ? ORDER BY due, id LIMIT ?)"
        )
        sql = " UNION ALL ".join([arm] * len(deck_ids)) + " ORDER BY 4, 1 LIMIT ? OFFSET ?"
        params = [v for deck_id in deck_ids for v in (deck_id, today, today, take)]
        return self._queue_cards(sql, [*params, limit, offset])

    def new_cards(self, deck_id: int, today: int, limit: int, offset: int = 0) -> list[QueueCard]:
        """A deck's own new cards in the order they were added (one index range)."""
        return self._queue_cards(
            f"SELECT {_QUEUE_COLUMNS} FROM cards WHERE deck_id = ? AND queue = 0 "
            "AND buried_until <= ? ORDER BY due, id LIMIT ? OFFSET ?",
            [deck_id, today, limit, offset],
        )

    def drills(self, deck_ids: Sequence[int], today: int) -> list[QueueCard]:
        """Cards waiting for a same-day re-drill."""
        return self._queue_cards(
            "SELECT id, note_id, deck_id, due, drill_due_ms FROM cards "
            f"WHERE drill_day = ? AND deck_id IN ({_marks(deck_ids)}) AND queue != ?",
            [today, *deck_ids, int(Queue.SUSPENDED)],
        )

    def _queue_cards(self, sql: str, params: Sequence[object]) -> list[QueueCard]:
        return list(starmap(QueueCard, self.db.execute(sql, list(params)).fetchall()))

    def available(self, today: int, caps: Mapping[int, tuple[int, int]]) -> dict[int, DeckCounts]:
        """Per deck (own cards only): new cards and reviews due today, each counted only up
        to the deck's cap (its remaining daily limit), and re-drills waiting today.

        Capped counts read at most `cap` index entries per deck, so the cost follows what
        is due, not the size of the collection.
        """
        result: dict[int, DeckCounts] = {}
        drills = dict(
            self.db.execute(
                "SELECT deck_id, count(*) FROM cards WHERE drill_day = ? AND queue != -1 "
                "GROUP BY deck_id",
                [today],
            ).fetchall()
        )
        for deck_id, (new_cap, review_cap) in caps.items():
            new = self._capped(
                "deck_id = ? AND queue = 0 AND buried_until <= ?", [deck_id, today], new_cap
            )
            reviews = self._capped(
                "deck_id = ? AND queue = 1 AND due <= ? AND buried_until <= ?",
                [deck_id, today, today],
                review_cap,
            )
            if new or reviews or drills.get(deck_id):
                result[deck_id] = DeckCounts(new, reviews, drills.get(deck_id, 0))
        return result

    def _capped(self, where: str, params: list[object], cap: int) -> int:
        if cap <= 0:
            return 0
        sql = f"SELECT count(*) FROM (SELECT 1 FROM cards WHERE {where} LIMIT ?)"
        return int(self.db.execute(sql, [*params, cap]).fetchone()[0])

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM cards").fetchone()[0])

    def count_by_deck(self) -> dict[int, int]:
        """Cards per deck (its own cards only), from the counts the triggers keep."""
        return dict(
            self.db.execute(
                "SELECT deck_id, sum(cards) FROM deck_card_counts GROUP BY deck_id "
                "HAVING sum(cards) > 0"
            ).fetchall()
        )

    def deck_count_drift(self) -> bool:
        """Whether deck_card_counts, or the interval and easiness counts (CARD_SHAPES),
        differ from the cards themselves."""
        from flashcards.storage.schema import DECK_CARD_COUNTS_FROM_CARDS
        from flashcards.storage.stats_schema import CARD_SHAPES, card_shape_counts

        stored = set(
            self.db.execute(
                "SELECT deck_id, queue, cards FROM deck_card_counts WHERE cards != 0"
            ).fetchall()
        )
        if stored != set(self.db.execute(DECK_CARD_COUNTS_FROM_CARDS).fetchall()):
            return True
        for table, column in CARD_SHAPES.items():
            sql = f"SELECT deck_id, type, {column}, cards FROM {table} WHERE cards != 0"
            fresh = self.db.execute(card_shape_counts(table)).fetchall()
            if set(self.db.execute(sql).fetchall()) != set(fresh):
                return True
        return False

    def rebuild_deck_counts(self) -> None:
        """Count the cards per deck and queue, and per deck, type and interval or
        easiness, afresh (after a bulk write, or to repair)."""
        from flashcards.storage.schema import REBUILD_DECK_CARD_COUNTS
        from flashcards.storage.stats_schema import CARD_SHAPES, rebuild_card_shapes

        with self.db.atomic():
            self.db.execute("DELETE FROM deck_card_counts")
            self.db.execute(REBUILD_DECK_CARD_COUNTS)
            for table in CARD_SHAPES:
                self.db.execute(f"DELETE FROM {table}")
                self.db.execute(rebuild_card_shapes(table))

    def due_count(self, day: int, deck_ids: Sequence[int] | None = None) -> int:
        """Review cards (not suspended) due on or before `day`."""
        where = "queue = 1 AND due <= ?"
        params: list[object] = [day]
        if deck_ids is not None:
            where += f" AND deck_id IN ({_marks(deck_ids)})"
            params.extend(deck_ids)
        return int(
            self.db.execute(f"SELECT count(*) FROM cards WHERE {where}", params).fetchone()[0]
        )

    def iter_all(self) -> Iterable[Card]:
        for row in self.db.query(f"SELECT {CARD_COLUMNS} FROM cards ORDER BY id"):
            yield card_from_row(row)
