"""Opening the SQLite file: pragmas, migrations and the schema-version guard."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from flashcards.errors import FlashcardsError
from flashcards.storage.checkpoint import AUTOCHECKPOINT_PAGES, WAL_SIZE_LIMIT

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = [
    "NewerSchemaError",
    "StorageError",
    "executemany",
    "explain",
    "open_database",
    "open_database_read_only",
    "run_script",
]

SYNCHRONOUS = "FULL"
"""WAL with synchronous=FULL: every commit is fsync'ed before it returns, so an
acknowledged answer survives a crash of the process or the machine."""


class StorageError(FlashcardsError):
    """The database file cannot be used (not SQLite, corrupt, unwritable, full, locked)."""


class NewerSchemaError(StorageError):
    """The collection was written by a newer version of the app."""


CACHE_KIB = 65_536
"""Page cache per connection (SQLite allocates it only as pages are read). The
browser and statistics walk whole indexes of a 100,000-card collection; with
SQLite's default 2 MiB they re-read them from the OS on every search."""


def _configure(db: Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    db.execute("PRAGMA trusted_schema = OFF")
    db.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
    db.execute("PRAGMA busy_timeout = 5000")
    if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        db.enable_wal()
    db.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")  # see storage.checkpoint
    db.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")


def open_database(path: Path) -> Database:
    """Open (creating if needed) and migrate the collection at `path`."""
    # Imported here, not at the top: windowless read commands open the collection
    # through storage.reader and never load sqlite-utils (~100 ms of start-up).
    from sqlite_utils import Database

    from flashcards.storage.schema import migrations

    try:
        # The GUI runs long work (check, import) in a worker thread while the window
        # waits behind a modal progress dialog, so the connection is used by one thread
        # at a time but not always the one that opened it. uri=True lets ATTACH open a
        # package's collection read-only (`file:…?mode=ro`); a plain path stays a path.
        # No sqlite-utils plugins: the collection's connection is configured here
        # alone, and finding plugins means scanning every installed package's
        # metadata (importlib.metadata), ~50 ms at every start.
        db = Database(
            sqlite3.connect(str(path), check_same_thread=False, uri=True), execute_plugins=False
        )
        _configure(db)
        known = {m.name for m in migrations._migrations}
        applied = {m.name for m in migrations.applied(db)}
        unknown = sorted(applied - known)
        if unknown:
            db.close()
            raise NewerSchemaError(
                f"{path} was written by a newer version of flashcards "
                f"(schema step {unknown[-1]}); please upgrade the app"
            )
        migrations.apply(db)
    except sqlite3.OperationalError as exc:
        raise explain(exc, str(path)) from exc
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path} cannot be opened as a collection: {exc}") from exc
    return db


def open_database_read_only(path: Path) -> Database:
    """Open the collection at `path` for reading only, changing nothing on disk.

    For a data folder that cannot be written. The file is opened immutable
    (no locks, no shared memory); a collection with changes still in its
    write-ahead log, or one that needs a schema upgrade, is refused, since
    neither can be read correctly without writing.
    """
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise StorageError(
            f"{path} has changes still in its write-ahead log; open it once where it can be "
            "written, so they are saved into the collection"
        )
    if not path.is_file():
        raise StorageError(f"{path} does not exist, and a read-only folder cannot hold a new one")
    from sqlite_utils import Database

    from flashcards.storage.schema import migrations

    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
        )
        db = Database(conn)
        db.execute("PRAGMA trusted_schema = OFF")
        known = [m.name for m in migrations._migrations]
        applied = {m.name for m in migrations.applied(db)}
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path} cannot be opened as a collection: {exc}") from exc
    if applied - set(known):
        db.close()
        raise NewerSchemaError(f"{path} was written by a newer version of flashcards")
    if set(known) - applied:
        db.close()
        raise StorageError(
            f"{path} needs an upgrade step, which cannot be written in a read-only folder"
        )
    return db


def explain(exc: sqlite3.Error, path: str) -> StorageError:
    """Turn an environment fault from SQLite into a clear, user-facing error."""
    text = str(exc).lower()
    if "full" in text:
        reason = "the disk is full; free some space and try again (nothing was changed)"
    elif "readonly" in text or "read-only" in text:
        reason = "the data folder is read-only; nothing can be saved there"
    elif "locked" in text or "busy" in text:
        reason = "another program is writing to the collection; close it and try again"
    elif "disk i/o" in text:
        reason = "the disk reported an input/output error (nothing was changed)"
    else:
        reason = f"the database reported: {exc}"
    return StorageError(f"{path}: {reason}")


def executemany(db: Database, sql: str, rows: Iterable[Sequence[object]]) -> int:
    """Run one statement for many rows inside a transaction (or savepoint)."""
    with db.atomic():
        cursor = db.conn.executemany(sql, rows)
    return cursor.rowcount


def run_script(db: Database, sql: str) -> None:
    """Run several `;`-separated statements, one by one, in the current transaction.

    sqlite-utils' `executescript` does the same but looks for each statement's
    end after every character (~0.15 s for our migrations, on every new
    collection); here only where a `;` ends a piece.
    """
    statement = ""
    for piece in re.split("(?<=;)", sql):
        statement += piece
        if statement.rstrip().endswith(";") and sqlite3.complete_statement(statement):
            db.execute(statement.strip())
            statement = ""
    if statement.strip():
        db.execute(statement.strip())
