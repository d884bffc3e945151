"""Undo records: whole rows as they were before a change, and the ids it created.

One mechanism for every kind of change. Inside the change's transaction the
caller saves the rows it is about to overwrite or delete (cascades included)
and notes the rows it creates; reverting deletes the created rows and writes
the saved rows back exactly, every column, under their old ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flashcards.storage.notes import refresh_text_index

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = ["Journal", "JournalRepo", "Recording"]

# Parents before children: rows are written back in this order and deleted in reverse.
_TABLES = ("decks", "notes", "cards", "revlog")


def _json_ids(ids: Iterable[int]) -> str:
    return json.dumps([int(i) for i in ids])


@dataclass
class Journal:
    """What one change overwrote or deleted (rows as they were) and what it created."""

    saved: dict[str, dict[int, tuple[object, ...]]] = field(default_factory=dict)
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    created: dict[str, set[int]] = field(default_factory=dict)

    def add_created(self, table: str, ids: Iterable[int]) -> None:
        _check_table(table)
        self.created.setdefault(table, set()).update(int(i) for i in ids)

    def is_empty(self) -> bool:
        return not any(self.saved.values()) and not any(self.created.values())


def _check_table(table: str) -> None:
    if table not in _TABLES:
        raise ValueError(f"no undo support for table {table!r}")


class JournalRepo:
    """Takes and restores the row snapshots a Journal holds."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def recording(self, journal: Journal) -> Recording:
        return Recording(self.db, journal)

    def inverse(self, journal: Journal) -> Journal:
        """The journal whose revert puts back the rows as they are now, taken just before
        `journal` is reverted (so a revert can itself be reverted: redo).

        Rows of the change that exist now are saved as they are (a row it created is
        created again); rows it deleted count as created here (deleted again)."""
        inverse = Journal()
        for table in _TABLES:
            saved = set(journal.saved.get(table, {}))
            ids = saved | journal.created.get(table, set())
            if not ids:
                continue
            cursor = self.db.execute(
                f"SELECT * FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
                [_json_ids(ids)],
            )
            rows = {row[0]: tuple(row) for row in cursor.fetchall()}
            if rows:
                inverse.saved[table] = rows
                inverse.columns[table] = tuple(d[0] for d in cursor.description)
            if saved - rows.keys():
                inverse.created[table] = saved - rows.keys()
        return inverse

    def revert(self, journal: Journal) -> None:
        """Put every saved row back and delete every created row (call inside atomic)."""
        for table in reversed(_TABLES):
            ids = journal.created.get(table)
            if ids and table != "decks":
                self.db.execute(
                    f"DELETE FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
                    [_json_ids(ids)],
                )
        for table in _TABLES:
            rows = journal.saved.get(table)
            if rows:
                self._upsert(table, journal.columns[table], rows.values())
        notes = journal.created.get("notes", set()) | set(journal.saved.get("notes", {}))
        if notes:
            refresh_text_index(self.db, notes)
        if journal.created.get("decks"):
            # Last: cards that were moved into a new deck are back in their old one now.
            self.db.execute(
                "DELETE FROM decks WHERE id IN (SELECT value FROM json_each(?))",
                [_json_ids(journal.created["decks"])],
            )

    def _upsert(
        self, table: str, columns: tuple[str, ...], rows: Iterable[tuple[object, ...]]
    ) -> None:
        # An upsert, not INSERT OR REPLACE: REPLACE deletes first, and the delete
        # would cascade to the row's children (a card's review log).
        names = ", ".join(columns)
        marks = ", ".join("?" * len(columns))
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
        sql = (
            f"INSERT INTO {table} ({names}) VALUES ({marks}) "
            f"ON CONFLICT(id) DO UPDATE SET {updates}"
        )
        with self.db.atomic():
            self.db.conn.executemany(sql, list(rows))


class Recording:
    """Writes into one Journal while its change runs (inside the change's transaction)."""

    def __init__(self, db: Database, journal: Journal) -> None:
        self.db = db
        self.journal = journal

    def _save_where(self, table: str, column: str, ids: Iterable[int]) -> None:
        _check_table(table)
        journal = self.journal
        wanted = [int(i) for i in ids]
        if len(wanted) == 1:  # an answer, a bury: one plain index lookup, no JSON
            cursor = self.db.execute(f"SELECT * FROM {table} WHERE {column} = ?", wanted)
        else:
            cursor = self.db.execute(
                f"SELECT * FROM {table} WHERE {column} IN (SELECT value FROM json_each(?))",
                [_json_ids(wanted)],
            )
        names = tuple(d[0] for d in cursor.description)
        if names[0] != "id":
            raise ValueError(
                f"undo keys rows by their first column, but {table} starts with {names[0]}"
            )
        journal.columns.setdefault(table, names)
        saved = journal.saved.setdefault(table, {})
        created = journal.created.get(table, set())
        for row in cursor.fetchall():
            # The first snapshot of a row wins: it is the state before the change.
            if row[0] not in saved and row[0] not in created:
                saved[row[0]] = tuple(row)

    def save(self, table: str, ids: Iterable[int]) -> None:
        """Remember rows of `table` (by id) before they change or disappear."""
        self._save_where(table, "id", ids)

    def save_cards_of_notes(self, note_ids: Iterable[int]) -> None:
        self._save_where("cards", "note_id", note_ids)

    def save_logs_of_cards(self, card_ids: Iterable[int]) -> None:
        self._save_where("revlog", "card_id", card_ids)

    def created(self, table: str, ids: Iterable[int]) -> None:
        """Note rows this change creates: undo deletes them."""
        self.journal.add_created(table, ids)
