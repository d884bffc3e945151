"""The exported notes' texts as Anki keeps them, computed in Python beside the SQL export.

Anki's `flds` (the fields joined with U+001F) and `csum` (the first 4 bytes of
the SHA-1 of the plain first field) are Python's work: SQLite has no SHA-1,
and a connection function called once per note costs more than the hashing.
`start_note_texts` reads the notes on a connection of its own (read-only) in a
second thread and computes them there, while the export's connection writes the
cards and the review log (SQLite releases the GIL while it works). Where no
second connection can be opened (a read-only or in-memory collection), the
same is read through the export's connection when the texts are asked for.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

__all__ = ["NoteTexts", "PendingTexts", "start_note_texts"]


@dataclass(frozen=True)
class NoteTexts:
    """Anki's texts of the notes an export holds."""

    rows: list[tuple[int, str, int]]
    """(our note id, flds, csum)."""
    media_texts: list[str]
    """`flds` of the notes that may use media files (`<img` or `[sound:`)."""


def _notes_sql(deck_ids: Sequence[int] | None) -> tuple[str, list[object]]:
    if deck_ids is None:
        return "SELECT id, fields FROM notes", []
    return (
        "SELECT id, fields FROM notes WHERE id IN (SELECT note_id FROM cards "
        "WHERE deck_id IN (SELECT value FROM json_each(?)))",
        [json.dumps(list(deck_ids))],
    )


def _texts(rows: list[tuple[int, str]], checksum: Callable[[str | None], int]) -> NoteTexts:
    out: list[tuple[int, str, int]] = []
    media: list[str] = []
    for note_id, fields_json in rows:
        fields = json.loads(fields_json)
        flds = "\x1f".join(fields)
        out.append((note_id, flds, checksum(fields[0] if fields else None)))
        if "<img" in flds or "[sound:" in flds:
            media.append(flds)
    return NoteTexts(out, media)


def _read_apart(
    path: str, deck_ids: Sequence[int] | None, checksum: Callable[[str | None], int]
) -> NoteTexts | None:
    """The texts, read on a read-only connection of its own; None where none opens."""
    sql, params = _notes_sql(deck_ids)
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = conn.execute(sql, params).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return _texts(rows, checksum)


class PendingTexts:
    """Note texts being computed; `result()` waits for them."""

    def __init__(
        self, db: Database, deck_ids: Sequence[int] | None, checksum: Callable[[str | None], int]
    ) -> None:
        self._db, self._deck_ids, self._checksum = db, deck_ids, checksum
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="flashcards-export")
        self._future: Future[NoteTexts | None] | None = None
        path = next((r[2] for r in db.execute("PRAGMA database_list") if r[1] == "main"), "")
        if path:
            self._future = self._pool.submit(_read_apart, path, deck_ids, checksum)

    def result(self) -> NoteTexts:
        """The texts (read through the export's own connection if the thread could not)."""
        try:
            texts = self._future.result() if self._future is not None else None
        finally:
            self._pool.shutdown()
        if texts is None:
            sql, params = _notes_sql(self._deck_ids)
            texts = _texts(self._db.execute(sql, params).fetchall(), self._checksum)
        return texts

    def cancel(self) -> None:
        """Wait for the thread without using its work (the export failed)."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def start_note_texts(
    db: Database, deck_ids: Sequence[int] | None, checksum: Callable[[str | None], int]
) -> PendingTexts:
    """Start computing Anki's texts of the notes with cards in `deck_ids` (None: all
    notes) on a second thread."""
    return PendingTexts(db, deck_ids, checksum)
