"""Note types and notes."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlite_utils import Database

from flashcards.core.models import Note, NoteType
from flashcards.core.text import strip_html
from flashcards.storage.database import executemany
from flashcards.storage.rows import join_tags, note_from_row, notetype_from_row, notetype_to_row

__all__ = ["NoteRepo", "NotetypeRepo"]


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


def _note_row(note: Note, sort_index: int) -> list[object]:
    sort_value = note.fields[sort_index] if sort_index < len(note.fields) else ""
    return [
        note.guid,
        note.notetype_id,
        json.dumps(list(note.fields), ensure_ascii=False),
        strip_html(sort_value),
        join_tags(note.tags),
        note.created_ms,
        note.modified_ms,
    ]


class NoteRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, note_id: int) -> Note | None:
        rows = list(self.db.query("SELECT * FROM notes WHERE id = ?", [note_id]))
        return note_from_row(rows[0]) if rows else None

    def by_guid(self, guid: str) -> Note | None:
        rows = list(self.db.query("SELECT * FROM notes WHERE guid = ?", [guid]))
        return note_from_row(rows[0]) if rows else None

    def insert(self, note: Note, sort_index: int = 0) -> int:
        cursor = self.db.execute(
            "INSERT INTO notes (guid, notetype_id, fields, sort_field, tags, created_ms, "
            "modified_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
            _note_row(note, sort_index),
        )
        return int(cursor.lastrowid or 0)

    def update(self, note: Note, sort_index: int = 0) -> None:
        self.db.execute(
            "UPDATE notes SET guid = ?, notetype_id = ?, fields = ?, sort_field = ?, tags = ?, "
            "created_ms = ?, modified_ms = ? WHERE id = ?",
            [*_note_row(note, sort_index), note.id],
        )

    def delete(self, note_ids: Iterable[int]) -> None:
        executemany(self.db, "DELETE FROM notes WHERE id = ?", [(i,) for i in note_ids])

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM notes").fetchone()[0])

    def with_first_field(self, notetype_id: int, sort_value: str) -> list[int]:
        """Ids of notes of a type whose first field reads `sort_value` (duplicate check)."""
        rows = self.db.execute(
            "SELECT id FROM notes WHERE notetype_id = ? AND sort_field = ?",
            [notetype_id, sort_value],
        )
        return [r[0] for r in rows]

    def orphans(self) -> list[int]:
        """Notes that have no cards left."""
        rows = self.db.execute(
            "SELECT id FROM notes WHERE NOT EXISTS (SELECT 1 FROM cards WHERE note_id = notes.id)"
        )
        return [r[0] for r in rows]
