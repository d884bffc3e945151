"""Copying whole collections: consistent snapshots and restores through SQLite's backup API."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from flashcards.storage.database import NewerSchemaError, StorageError

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = ["copy_database", "snapshot", "validate_collection_file"]

_REQUIRED_TABLES = {"settings", "notetypes", "decks", "notes", "cards", "revlog"}


def snapshot(db: Database, target: Path) -> None:
    """Write a consistent copy of the open database to `target` (WAL included)."""
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    dest = sqlite3.connect(tmp)
    try:
        db.conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    tmp.replace(target)


def validate_collection_file(path: Path) -> None:
    """Refuse a file that is not a healthy flashcards collection this version can open."""
    from flashcards.storage.schema import migrations

    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StorageError(f"{path.name} cannot be opened: {exc}") from exc
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables >= _REQUIRED_TABLES or "_sqlite_migrations" not in tables:
            raise StorageError(f"{path.name} is not a flashcards collection")
        status = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if status != "ok":
            raise StorageError(f"{path.name} is damaged ({status})")
        applied = {
            r[0]
            for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [migrations.name]
            )
        }
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path.name} is not a flashcards collection ({exc})") from exc
    finally:
        conn.close()
    unknown = applied - {m.name for m in migrations._migrations}
    if unknown:
        raise NewerSchemaError(f"{path.name} comes from a newer version of flashcards")


def copy_database(source: Path, target: Path) -> None:
    """Replace the database at `target` with the contents of `source`."""
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    dest = sqlite3.connect(target)
    try:
        src.backup(dest)
    finally:
        src.close()
        dest.close()
