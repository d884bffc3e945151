"""Reading a collection with the standard library alone: the fast path of `stats` and `decks`.

Importing sqlite-utils costs ~110 ms of CPU (it loads click, dateutil and pluggy),
more than half of a windowless command's budget. Commands that only read open the
collection here instead: a plain `sqlite3` connection, opened read-only and
`query_only`, behind the small part of sqlite-utils' `Database` that the read
repositories use (`execute`, `query`, `conn`, `close`). Writing stays with
sqlite-utils: the schema, migrations and every change go through
`database.open_database`.

The reader refuses (ReaderUnavailable) what only the full path can handle: a
missing file, or a schema other than exactly this version's, older (it needs an
upgrade, which writes) or newer (the full path explains that error). The caller
then opens the collection the ordinary way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from flashcards.storage.database import CACHE_KIB, StorageError

__all__ = ["MIGRATIONS", "MIGRATION_SET", "ReadOnlyDatabase", "ReaderUnavailable", "open_reader"]

MIGRATION_SET = "flashcards"
MIGRATIONS = (
    "0001_initial",
    "0002_browser_and_stats",
    "0003_typed_answers",
    "0004_queue_and_deck_counts",
    "0005_stats_tables",
    "0006_search_indexes",
    "0007_suspended_index",
    "0008_interval_index",
    "0009_note_tags_index",
)
"""The schema steps of schema.py, by name (a test keeps the two lists equal; were
this one behind, the reader would refuse a current collection: slower, never wrong)."""


class ReaderUnavailable(StorageError):
    """The collection cannot be read this way; open it the ordinary way instead."""


Params = Sequence[object] | dict[str, Any] | None


class ReadOnlyDatabase:
    """The read half of sqlite-utils' `Database` over a read-only stdlib connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Params = None) -> sqlite3.Cursor:
        """Run one statement, as `Database.execute` does (writes fail: read-only)."""
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    def query(self, sql: str, params: Params = None) -> Iterator[dict[str, Any]]:
        """Rows as dicts keyed by column name, as `Database.query` yields them."""
        cursor = self.execute(sql, params)
        keys = [d[0] for d in cursor.description or ()]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    @contextmanager
    def atomic(self) -> Iterator[ReadOnlyDatabase]:
        """No transaction can write here: the collection was opened for reading."""
        raise StorageError("the collection was opened for reading only; nothing can be changed")
        yield self  # pragma: no cover - unreachable, makes this a generator

    def close(self) -> None:
        self.conn.close()


def open_reader(path: Path) -> ReadOnlyDatabase:
    """Open the collection at `path` for reading only, without sqlite-utils.

    Other processes can still write (WAL readers never block them); this one
    cannot. Raises ReaderUnavailable when the file is missing or its schema is
    not exactly this version's.
    """
    if not path.is_file():
        raise ReaderUnavailable(f"{path} does not exist yet")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ReaderUnavailable(f"{path} cannot be opened for reading: {exc}") from exc
    try:
        conn.execute("PRAGMA query_only = ON")
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.execute("PRAGMA busy_timeout = 5000")
        applied = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                [MIGRATION_SET],
            )
        ]
    except sqlite3.Error as exc:
        conn.close()
        raise ReaderUnavailable(f"{path} cannot be read as a collection: {exc}") from exc
    if sorted(applied) != sorted(MIGRATIONS):
        conn.close()
        raise ReaderUnavailable(f"{path} has schema steps {applied}, this version {MIGRATIONS}")
    return ReadOnlyDatabase(conn)
