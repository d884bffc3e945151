"""Bulk reads and writes for import and export: one query per table, `executemany` for rows.

Rows are plain tuples in the table's column order (see formats/package.py);
callers run the writes inside one `store.atomic()`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database

from flashcards.core.textbatch import search_texts_of
from flashcards.storage.database import CACHE_KIB
from flashcards.storage.notes import refresh_text_index
from flashcards.storage.stats import StatsRepo

__all__ = ["LARGE_IMPORT", "UNSTUDIED", "BulkRepo"]

LARGE_IMPORT = 20_000
"""Rows (cards plus review-log entries) above which an import drops the secondary
indexes and rebuilds them once at the end (`bulk_transaction(rebuild_indexes=True)`)."""

_NOTE_INSERT = (
    "INSERT INTO notes (id, guid, notetype_id, fields, sort_field, tags, created_ms, modified_ms, "
    "search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_NOTE_UPDATE = (
    "UPDATE notes SET fields = ?, sort_field = ?, tags = ?, modified_ms = ?, search_text = ? "
    "WHERE id = ?"
)
_CARD_COLUMNS = (
    "id, note_id, deck_id, ord, type, queue, due, repetitions, interval, easiness, reps, lapses, "
    "buried_until, drill_day, drill_due_ms, created_ms, modified_ms"
)
_CARD_INSERT = f"INSERT INTO cards ({_CARD_COLUMNS}) VALUES ({', '.join('?' * 17)})"
_LOG_COLUMNS = (
    "card_id, time_ms, day, grade, kind, reps_before, interval_before, easiness_before, "
    "reps_after, interval_after, easiness_after, due_after, duration_ms, typed, suggested"
)
_LOG_INSERT = f"INSERT INTO revlog ({_LOG_COLUMNS}) VALUES ({', '.join('?' * 15)})"


_KEPT_INDEXES = ["revlog_card", "cards_drill"]
UNSTUDIED = (
    "c.type = 0 AND c.queue = 0 AND c.reps = 0 AND c.buried_until = 0 "
    "AND NOT EXISTS (SELECT 1 FROM revlog r WHERE r.card_id = c.id)"
)
"""SQL: card `c` was never studied here (a new card, untouched, with no answer)."""
"""Indexes a bulk import keeps: importers write the review log card by card, in
id order, so revlog_card(card_id, id) only grows at its end; cards_drill holds
only cards in a same-day drill, which imported cards never are."""


def _search_texts(fields_json: Sequence[str]) -> list[str]:
    """The search text of each note, from its fields JSON (parsed as one array)."""
    return search_texts_of(json.loads("[" + ",".join(fields_json) + "]"))


def _in_json(values: Iterable[object]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


class BulkRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    @contextmanager
    def bulk_transaction(self, rebuild_indexes: bool = False) -> Iterator[None]:
        """One transaction for a large import, with a bigger page cache.

        Foreign-key checks are switched off for its duration (SQLite only allows
        that outside a transaction): the importer derives every reference from
        rows it has just written or read, so checking each one again would only
        cost time. `PRAGMA foreign_key_check` (our `check`) still covers them.
        """
        self.db.execute("PRAGMA cache_size = -131072")
        self.db.execute("PRAGMA foreign_keys = OFF")
        try:
            with self.db.atomic():
                if rebuild_indexes:
                    indexes = self._drop_indexes()
                    # Daily review totals: rebuilt once from the log instead of per row.
                    with StatsRepo(self.db).review_days_paused():
                        yield
                    for sql in indexes:
                        self.db.execute(sql)
                else:
                    yield
        finally:
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")

    def _drop_indexes(self) -> list[str]:
        """Drop the secondary indexes of notes, cards and revlog; return their SQL.

        With `rebuild_indexes` a large import builds them once at the end (a
        sort) instead of updating them row by row; both happen in the same
        transaction, so a failed import rolls the drop back too. _KEPT_INDEXES
        stay: keeping them up to date costs less than building them again.
        """
        rows = self.db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name IN ('notes', 'cards', 'revlog') AND name NOT IN (SELECT value "
            "FROM json_each(?))",
            [json.dumps(_KEPT_INDEXES)],
        ).fetchall()
        for name, _ in rows:
            self.db.execute(f'DROP INDEX "{name}"')
        return [sql for _, sql in rows]

    # -- import ------------------------------------------------------------------

    def notes_by_guid(self, guids: Iterable[str]) -> dict[str, tuple[int, int, str, str]]:
        """Existing notes among `guids`: guid → (id, notetype_id, fields JSON, tags)."""
        rows = self.db.execute(
            "SELECT guid, id, notetype_id, fields, tags FROM notes "
            "WHERE guid IN (SELECT value FROM json_each(?))",
            [_in_json(guids)],
        )
        return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}

    def card_ords(self, note_ids: Iterable[int]) -> set[tuple[int, int]]:
        """(note_id, ord) of the existing cards of these notes."""
        rows = self.db.execute(
            "SELECT note_id, ord FROM cards WHERE note_id IN (SELECT value FROM json_each(?))",
            [_in_json(note_ids)],
        )
        return {(r[0], r[1]) for r in rows}

    def unstudied_cards(self, note_ids: Iterable[int]) -> dict[tuple[int, int], int]:
        """(note_id, ord) → id of these notes' cards that were never studied here: new,
        in the new queue (not suspended or buried), never answered."""
        rows = self.db.execute(
            f"SELECT c.note_id, c.ord, c.id FROM cards c WHERE {UNSTUDIED} "
            "AND c.note_id IN (SELECT value FROM json_each(?))",
            [_in_json(note_ids)],
        )
        return {(r[0], r[1]): r[2] for r in rows}

    def next_ids(self) -> tuple[int, int]:
        """The next free note id and card id."""
        note = self.db.execute("SELECT coalesce(max(id), 0) + 1 FROM notes").fetchone()[0]
        card = self.db.execute("SELECT coalesce(max(id), 0) + 1 FROM cards").fetchone()[0]
        return int(note), int(card)

    def insert_notes(self, rows: Iterable[Sequence[object]]) -> None:
        """(id, guid, notetype_id, fields JSON, sort_field, tags, created_ms, modified_ms).

        The searchable text and the text index are filled in as they go in.
        """
        rows = list(rows)
        texts = _search_texts([str(r[3]) for r in rows])
        self.db.conn.executemany(_NOTE_INSERT, [(*r, t) for r, t in zip(rows, texts, strict=True)])
        refresh_text_index(self.db, [int(str(r[0])) for r in rows])

    def update_notes(self, rows: Iterable[Sequence[object]]) -> None:
        """(fields JSON, sort_field, tags, modified_ms, id)."""
        rows = list(rows)
        texts = _search_texts([str(r[0]) for r in rows])
        self.db.conn.executemany(
            _NOTE_UPDATE, [(*r[:4], t, r[4]) for r, t in zip(rows, texts, strict=True)]
        )
        refresh_text_index(self.db, [int(str(r[4])) for r in rows])

    def insert_cards(self, rows: Iterable[Sequence[object]]) -> None:
        self.db.conn.executemany(_CARD_INSERT, rows)

    def insert_logs(self, rows: Iterable[Sequence[object]]) -> None:
        self.db.conn.executemany(_LOG_INSERT, rows)

    # -- export ------------------------------------------------------------------

    def _notes_filter(self, where: str) -> str:
        return f"WHERE id IN (SELECT note_id FROM cards{where})" if where else ""

    def _deck_filter(self, deck_ids: Sequence[int] | None) -> tuple[str, list[object]]:
        if deck_ids is None:
            return "", []
        return " WHERE deck_id IN (SELECT value FROM json_each(?))", [_in_json(deck_ids)]

    def export_cards(self, deck_ids: Sequence[int] | None) -> list[tuple[object, ...]]:
        """Cards (columns as CardRow) in the decks, or all, by id."""
        where, params = self._deck_filter(deck_ids)
        sql = f"SELECT {_CARD_COLUMNS} FROM cards{where} ORDER BY id"
        return list(self.db.execute(sql, params).fetchall())

    def export_notes(self, deck_ids: Sequence[int] | None) -> list[tuple[object, ...]]:
        """Notes with a card in the decks: (id, guid, notetype_id, fields JSON, tags,
        created_ms, modified_ms), by id."""
        where, params = self._deck_filter(deck_ids)
        sql = (
            "SELECT id, guid, notetype_id, fields, tags, created_ms, modified_ms FROM notes "
            f"{self._notes_filter(where)} ORDER BY id"
        )
        return list(self.db.execute(sql, params).fetchall())

    def export_notes_with_deck(self, deck_ids: Sequence[int] | None) -> list[tuple[Any, ...]]:
        """Notes with a card in the decks (None: every note) as (id, guid, notetype_id,
        fields JSON, tags, deck id of their first card in the decks — the lowest
        template or cloze number — or None for a note without cards), by id."""
        where, params = self._deck_filter(deck_ids)
        join = "JOIN" if where else "LEFT JOIN"  # filtered: only notes with a card there
        sql = (
            "SELECT n.id, n.guid, n.notetype_id, n.fields, n.tags, c.deck_id FROM notes n "
            # With min(), SQLite takes deck_id from the row holding the smallest ord.
            f"{join} (SELECT note_id, deck_id, min(ord) FROM cards{where} GROUP BY note_id) c "
            "ON c.note_id = n.id ORDER BY n.id"
        )
        return list(self.db.execute(sql, params).fetchall())

    def export_notes_joined(self, deck_ids: Sequence[int] | None) -> list[tuple[object, ...]]:
        """Like export_notes, but fields joined with U+001F (Anki's way) and, after
        modified_ms, the stored sort text and the raw first field."""
        where, params = self._deck_filter(deck_ids)
        sql = (
            "SELECT id, guid, notetype_id, "
            "(SELECT group_concat(value, char(31)) FROM "
            "(SELECT value FROM json_each(notes.fields) ORDER BY key)), "
            "tags, created_ms, modified_ms, sort_field, json_extract(fields, '$[0]') FROM notes "
            f"{self._notes_filter(where)} ORDER BY id"
        )
        return list(self.db.execute(sql, params).fetchall())

    def export_logs(self, deck_ids: Sequence[int] | None) -> list[tuple[object, ...]]:
        """Review-log entries (columns as LogRow) of the cards in the decks, by card then id."""
        where, params = self._deck_filter(deck_ids)
        sql = (
            f"SELECT {_LOG_COLUMNS} FROM revlog "
            + (f"WHERE card_id IN (SELECT id FROM cards{where}) " if where else "")
            + "ORDER BY card_id, id"
        )
        return list(self.db.execute(sql, params).fetchall())

    def table_names(self) -> list[str]:
        rows = self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        return [r[0] for r in rows]

    def dump_table(self, name: str) -> list[tuple[object, ...]]:
        """Every row of a table, in rowid order (for whole-collection comparisons)."""
        if name not in self.table_names():
            raise ValueError(f"no table {name!r}")
        return [tuple(r) for r in self.db.execute(f'SELECT * FROM "{name}" ORDER BY 1')]
