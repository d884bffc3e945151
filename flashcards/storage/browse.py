"""The browser's reads and bulk writes: rows for a page of cards, changes to a selection.

Selections travel as one JSON array parameter (`json_each`), so a change to
100,000 cards is one statement and never hits SQLite's parameter limit.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from sqlite_utils import Database

from flashcards.core.models import Card
from flashcards.storage.notes import refresh_text_index
from flashcards.storage.rows import CARD_COLUMNS, card_from_row, join_tags, split_tags

__all__ = ["BrowseRepo", "PageRow"]

_SELECTED = "(SELECT value FROM json_each(?))"


class PageRow(NamedTuple):
    """One card and the parts of its note a browser row shows."""

    card_id: int
    note_id: int
    deck_id: int
    deck: str  # its name ("?" if the deck is missing)
    ord: int
    type: int
    queue: int
    due: int
    interval: int
    easiness: int  # hundredths, as stored
    reps: int
    lapses: int
    buried_until: int
    drill_day: int | None
    created_ms: int
    modified_ms: int
    notetype_id: int
    fields: tuple[str, ...]
    tags: tuple[str, ...]


_PAGE_COLUMNS = (
    "c.note_id, c.deck_id, coalesce(d.name, '?'), c.ord, c.type, c.queue, c.due, "
    "c.interval, c.easiness, c.reps, c.lapses, c.buried_until, c.drill_day, c.created_ms, "
    "c.modified_ms, n.notetype_id, n.fields, n.tags"
)


def _ids(ids: Iterable[int]) -> str:
    return json.dumps([int(i) for i in ids])


class BrowseRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def page_rows(self, card_ids: Sequence[int]) -> list[PageRow]:
        """What the browser shows of each card, in the order of `card_ids` (missing ids
        skipped): one indexed statement, and no Card or Note built per row."""
        rows = self.db.execute(
            f"SELECT c.id, {_PAGE_COLUMNS} FROM cards c JOIN notes n ON n.id = c.note_id "
            f"LEFT JOIN decks d ON d.id = c.deck_id WHERE c.id IN {_SELECTED}",
            [_ids(card_ids)],
        ).fetchall()
        found = {row[0]: row for row in rows}
        return [
            PageRow._make((*row[:-2], tuple(json.loads(row[-2])), split_tags(row[-1])))
            for row in (found.get(i) for i in card_ids)
            if row is not None
        ]

    def cards(self, card_ids: Iterable[int]) -> list[Card]:
        """The cards with these ids, by id."""
        rows = self.db.query(
            f"SELECT {CARD_COLUMNS} FROM cards WHERE id IN {_SELECTED} ORDER BY id",
            [_ids(card_ids)],
        )
        return [card_from_row(r) for r in rows]

    def existing(self, card_ids: Iterable[int]) -> list[int]:
        """Those of `card_ids` that exist, ascending."""
        rows = self.db.execute(
            f"SELECT id FROM cards WHERE id IN {_SELECTED} ORDER BY id", [_ids(card_ids)]
        )
        return [r[0] for r in rows]

    def note_ids_of(self, card_ids: Iterable[int]) -> list[int]:
        rows = self.db.execute(
            f"SELECT DISTINCT note_id FROM cards WHERE id IN {_SELECTED} ORDER BY note_id",
            [_ids(card_ids)],
        )
        return [r[0] for r in rows]

    def card_ids_of_notes(self, note_ids: Iterable[int]) -> list[int]:
        rows = self.db.execute(
            f"SELECT id FROM cards WHERE note_id IN {_SELECTED} ORDER BY id", [_ids(note_ids)]
        )
        return [r[0] for r in rows]

    def notes_left_without(self, card_ids: Iterable[int]) -> list[int]:
        """Notes all of whose cards are among `card_ids`."""
        selected = _ids(card_ids)
        rows = self.db.execute(
            f"SELECT DISTINCT note_id FROM cards WHERE id IN {_SELECTED} AND NOT EXISTS "
            f"(SELECT 1 FROM cards o WHERE o.note_id = cards.note_id AND o.id NOT IN {_SELECTED})",
            [selected, selected],
        )
        return sorted(r[0] for r in rows)

    def tags_of(self, note_ids: Iterable[int]) -> list[tuple[int, tuple[str, ...]]]:
        """(note id, tags) for each note, by id."""
        rows = self.db.execute(
            f"SELECT id, tags FROM notes WHERE id IN {_SELECTED} ORDER BY id", [_ids(note_ids)]
        )
        return [(r[0], split_tags(r[1])) for r in rows]

    def set_tags(self, changes: Sequence[tuple[int, Sequence[str]]], now_ms: int) -> None:
        """Give notes new tags: (note id, tags) pairs."""
        with self.db.atomic():
            self.db.conn.executemany(
                "UPDATE notes SET tags = ?, modified_ms = ? WHERE id = ?",
                [(join_tags(tags), now_ms, note_id) for note_id, tags in changes],
            )

    def set_deck(self, card_ids: Iterable[int], deck_id: int, now_ms: int) -> int:
        cursor = self.db.execute(
            f"UPDATE cards SET deck_id = ?, modified_ms = ? WHERE id IN {_SELECTED} "
            "AND deck_id != ?",
            [deck_id, now_ms, _ids(card_ids), deck_id],
        )
        return int(cursor.rowcount)

    def suspend(self, card_ids: Iterable[int], now_ms: int) -> int:
        cursor = self.db.execute(
            f"UPDATE cards SET queue = -1, modified_ms = ? WHERE id IN {_SELECTED} AND queue != -1",
            [now_ms, _ids(card_ids)],
        )
        return int(cursor.rowcount)

    def unsuspend(self, card_ids: Iterable[int], now_ms: int) -> int:
        """Suspended cards go back to the queue of their type (new → 0, review → 1)."""
        cursor = self.db.execute(
            f"UPDATE cards SET queue = type, modified_ms = ? WHERE id IN {_SELECTED} "
            "AND queue = -1",
            [now_ms, _ids(card_ids)],
        )
        return int(cursor.rowcount)

    def bury(self, card_ids: Iterable[int], until: int, now_ms: int) -> int:
        cursor = self.db.execute(
            f"UPDATE cards SET buried_until = ?, modified_ms = ? WHERE id IN {_SELECTED} "
            "AND buried_until < ?",
            [until, now_ms, _ids(card_ids), until],
        )
        return int(cursor.rowcount)

    def delete_cards(self, card_ids: Iterable[int]) -> None:
        self.db.execute(f"DELETE FROM cards WHERE id IN {_SELECTED}", [_ids(card_ids)])

    def delete_notes(self, note_ids: Iterable[int]) -> None:
        """Delete notes; their cards and review logs go with them (ON DELETE CASCADE)."""
        ids = list(note_ids)
        self.db.execute(f"DELETE FROM notes WHERE id IN {_SELECTED}", [_ids(ids)])
        refresh_text_index(self.db, ids)
