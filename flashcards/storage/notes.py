"""Note types and notes."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from flashcards.core.models import Note, NoteType
from flashcards.storage.database import executemany
from flashcards.storage.rows import join_tags, note_from_row, notetype_from_row, notetype_to_row

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = [
    "NoteRepo",
    "NotetypeRepo",
    "fill_search_text",
    "has_text_index",
    "refresh_text_index",
    "stale_search_text",
]


class NotetypeRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> list[NoteType]:
        return [notetype_from_row(r) for r in self.db.query("SELECT * FROM notetypes ORDER BY id")]

    def get(self, notetype_id: int) -> NoteType | None:
        rows = list(self.db.query("SELECT * FROM notetypes WHERE id = ?", [notetype_id]))
        return notetype_from_row(rows[0]) if rows else None

    def by_name(self, name: str) -> NoteType | None:
        rows = list(self.db.query("SELECT * FROM notetypes WHERE name = ?", [name]))
        return notetype_from_row(rows[0]) if rows else None

    def insert(self, notetype: NoteType, now_ms: int = 0) -> NoteType:
        row = notetype_to_row(notetype) | {"modified_ms": now_ms}
        cursor = self.db.execute(
            f"INSERT INTO notetypes ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        saved = self.get(int(cursor.lastrowid or 0))
        assert saved is not None
        return saved


def has_text_index(db: Database) -> bool:
    """Whether the collection has the trigram index notes_fts (SQLite with FTS5)."""
    return bool(db.execute("SELECT 1 FROM sqlite_master WHERE name = 'notes_fts'").fetchone())


def refresh_text_index(db: Database, note_ids: Iterable[int]) -> None:
    """Make the trigram index (notes_fts) match notes.search_text for these notes.

    Call after updating or deleting notes (or writing rows back); a no-op where
    SQLite has no FTS5 and the index does not exist.
    """
    if not has_text_index(db):
        return
    from flashcards.storage.schema import TEXT_INDEX_END

    ids = json.dumps([int(i) for i in note_ids])
    db.execute("DELETE FROM notes_fts WHERE rowid IN (SELECT value FROM json_each(?))", [ids])
    db.execute(
        "INSERT INTO notes_fts (rowid, search_text) SELECT id, search_text || ? FROM notes "
        "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
        [TEXT_INDEX_END, ids],
    )


def stale_search_text(db: Database) -> list[int]:
    """Notes whose search_text, or text-index entry, does not match their fields."""
    from flashcards.core.searchtext import note_search_text
    from flashcards.storage.schema import TEXT_INDEX_END

    stale = [
        note_id
        for note_id, fields, stored in db.execute("SELECT id, fields, search_text FROM notes")
        if note_search_text(json.loads(fields)) != stored
    ]
    if has_text_index(db):
        stale += [
            r[0]
            for r in db.execute(
                "SELECT n.id FROM notes n LEFT JOIN notes_fts f ON f.rowid = n.id "
                "WHERE f.search_text IS NOT n.search_text || ?",
                [TEXT_INDEX_END],
            )
        ]
        stale += [
            r[0]
            for r in db.execute(
                "SELECT rowid FROM notes_fts WHERE rowid NOT IN (SELECT id FROM notes)"
            )
        ]
    return sorted(set(stale))


def fill_search_text(db: Database, note_ids: Iterable[int]) -> None:
    """Recompute search_text (and the text index) of notes written without it.

    For writers that bypass NoteRepo, such as a bulk import: call with the ids
    they inserted or updated, in the same transaction.
    """
    from flashcards.core.searchtext import note_search_text

    ids = json.dumps([int(i) for i in note_ids])
    rows = db.execute(
        "SELECT id, fields FROM notes WHERE id IN (SELECT value FROM json_each(?))", [ids]
    ).fetchall()
    with db.atomic():
        db.conn.executemany(
            "UPDATE notes SET search_text = ? WHERE id = ?",
            [(note_search_text(json.loads(fields)), note_id) for note_id, fields in rows],
        )
        refresh_text_index(db, json.loads(ids))


def _note_row(note: Note, sort_index: int) -> list[object]:
    # Imported when a note is written: reading commands need neither (nor html).
    from flashcards.core.searchtext import note_search_text
    from flashcards.core.text import sort_text

    sort_value = note.fields[sort_index] if sort_index < len(note.fields) else ""
    return [
        note.guid,
        note.notetype_id,
        json.dumps(list(note.fields), ensure_ascii=False),
        sort_text(sort_value),
        join_tags(note.tags),
        note.created_ms,
        note.modified_ms,
        note_search_text(note.fields),
    ]


class NoteRepo:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._text_index: bool | None = None

    def get(self, note_id: int) -> Note | None:
        rows = list(self.db.query("SELECT * FROM notes WHERE id = ?", [note_id]))
        return note_from_row(rows[0]) if rows else None

    def by_guid(self, guid: str) -> Note | None:
        rows = list(self.db.query("SELECT * FROM notes WHERE guid = ?", [guid]))
        return note_from_row(rows[0]) if rows else None

    def insert(self, note: Note, sort_index: int = 0) -> int:
        row = _note_row(note, sort_index)
        cursor = self.db.execute(
            "INSERT INTO notes (guid, notetype_id, fields, sort_field, tags, created_ms, "
            "modified_ms, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )
        note_id = int(cursor.lastrowid or 0)
        if self._text_index is None:
            self._text_index = has_text_index(self.db)
        if self._text_index:
            from flashcards.storage.schema import TEXT_INDEX_END

            self.db.execute(
                "INSERT INTO notes_fts (rowid, search_text) VALUES (?, ?)",
                [note_id, f"{row[-1]}{TEXT_INDEX_END}"],
            )
        return note_id

    def update(self, note: Note, sort_index: int = 0) -> None:
        self.db.execute(
            "UPDATE notes SET guid = ?, notetype_id = ?, fields = ?, sort_field = ?, tags = ?, "
            "created_ms = ?, modified_ms = ?, search_text = ? WHERE id = ?",
            [*_note_row(note, sort_index), note.id],
        )
        refresh_text_index(self.db, [note.id])

    def delete(self, note_ids: Iterable[int]) -> None:
        ids = list(note_ids)
        with self.db.atomic():
            executemany(self.db, "DELETE FROM notes WHERE id = ?", [(i,) for i in ids])
            refresh_text_index(self.db, ids)

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM notes").fetchone()[0])

    def with_first_field(self, notetype_id: int, sort_value: str) -> list[int]:
        """Ids of notes of a type whose first field reads `sort_value` (duplicate check)."""
        # Equal values are equal ignoring case too, so the NOCASE comparison changes
        # nothing but lets notes_sort find the few candidates; `+notetype_id` keeps
        # SQLite from walking notes_notetype instead, which read every note of the
        # type (40 ms and 26 MB of page cache at 100,000 cards, on each browser open).
        rows = self.db.execute(
            "SELECT id FROM notes WHERE sort_field = ? COLLATE NOCASE AND sort_field = ? "
            "AND +notetype_id = ?",
            [sort_value, sort_value, notetype_id],
        )
        return [r[0] for r in rows]

    def orphans(self) -> list[int]:
        """Notes that have no cards left."""
        rows = self.db.execute(
            "SELECT id FROM notes WHERE NOT EXISTS (SELECT 1 FROM cards WHERE note_id = notes.id)"
        )
        return [r[0] for r in rows]
