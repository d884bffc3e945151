"""The exported notes' texts as Anki keeps them, computed in Python beside the SQL export.

Anki's `flds` (the fields joined with U+001F) and `csum` (the first 4 bytes of
the SHA-1 of the plain first field) are Python's work: SQLite has no SHA-1,
and a connection function called once per note costs more than the hashing.
`NoteTexts` reads the notes on a read-only connection of its own in a second
thread, computes the texts there and writes them to a small SQLite file of
their own (table `text`: id, flds, csum), all while the export's connection
writes the cards and the review log (SQLite releases the GIL while it works);
the export then ATTACHes that file and joins it in. Where no second
connection can read the collection (a read-only folder, an in-memory
database), the notes are read through the export's connection instead, when
the texts are asked for.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from sqlite_utils import Database

__all__ = ["NoteTexts"]

Checksums = Callable[[Sequence[str]], list[int]]
"""Anki's csum of each note, from its first field ("" for a note without fields)."""
_Rows = tuple[str, str]
"""Two JSON arrays: the notes' ids, and each note's fields (an array of strings)."""


def _notes_sql(deck_ids: Sequence[int] | None) -> tuple[str, list[object]]:
    """The notes with cards in `deck_ids` (None: every note), as _Rows: two arrays
    built over the same rows, so in the same order (one string each is several
    times faster to hand to Python than a tuple per note)."""
    columns = "SELECT json_group_array(id), json_group_array(json(fields)) FROM notes"
    if deck_ids is None:
        return columns, []
    return (
        f"{columns} WHERE id IN (SELECT note_id FROM cards "
        "WHERE deck_id IN (SELECT value FROM json_each(?)))",
        [json.dumps(list(deck_ids))],
    )


def _read_apart(collection: str, sql: str, params: list[object]) -> _Rows | None:
    """The notes read on a read-only connection of its own; None where none can read."""
    try:
        conn = sqlite3.connect(f"{Path(collection).resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute(sql, params).fetchone()
            return row[0], row[1]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _write(out: Path, rows: _Rows, checksums: Checksums) -> list[str]:
    """Each note's flds and csum into `out`; returns the flds of the notes that may
    use media files (`<img` or `[sound:`).

    Everything is done for all notes at once (one JSON array of every note's
    fields, one batch of first fields for the checksums): per-note calls cost
    more than the work itself at 100,000 notes."""
    ids: list[int] = json.loads(rows[0])
    notes: list[list[str]] = json.loads(rows[1])
    flds = list(map("\x1f".join, notes))
    sums = checksums([fields[0] if fields else "" for fields in notes])
    media = [text for text in flds if "<img" in text or "[sound:" in text]
    texts = zip(ids, flds, sums, strict=True)
    conn = sqlite3.connect(out, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO text VALUES (?, ?, ?)", texts)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return media


def _read_and_write(
    collection: str, sql: str, params: list[object], out: Path, checksums: Checksums
) -> list[str] | None:
    rows = _read_apart(collection, sql, params)
    return None if rows is None else _write(out, rows, checksums)


class NoteTexts:
    """Anki's texts of the notes with cards in `deck_ids` (None: all notes), written
    to the new file `out` by a second thread; `wait()` returns when they are there."""

    def __init__(
        self, db: Database, deck_ids: Sequence[int] | None, checksums: Checksums, out: Path
    ) -> None:
        self.out = out
        self._db, self._checksums = db, checksums
        self._sql, self._params = _notes_sql(deck_ids)
        conn = sqlite3.connect(out)
        try:
            conn.execute("CREATE TABLE text (id INTEGER PRIMARY KEY, flds TEXT, csum INTEGER)")
        finally:
            conn.close()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="flashcards-export")
        self._future: Future[list[str] | None] | None = None
        main = next((r[2] for r in db.execute("PRAGMA database_list") if r[1] == "main"), "")
        if main:
            self._future = self._pool.submit(
                _read_and_write, main, self._sql, self._params, out, checksums
            )

    def wait(self) -> list[str]:
        """Wait for the texts; returns the flds of the notes that may use media."""
        try:
            media = self._future.result() if self._future is not None else None
        finally:
            self._pool.shutdown()
        if media is None:
            row = self._db.execute(self._sql, self._params).fetchone()
            rows = (row[0], row[1])
            media = _write(self.out, rows, self._checksums)
        return media

    def close(self) -> None:
        """Wait for the thread to end (after a failed export too)."""
        self._pool.shutdown(wait=True, cancel_futures=True)
