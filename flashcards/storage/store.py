"""The storage façade: one SQLite collection and its repositories."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, cast

from flashcards.storage.cards import CardRepo
from flashcards.storage.checkpoint import Checkpointer
from flashcards.storage.database import explain, open_database, open_database_read_only
from flashcards.storage.decks import DeckRepo, SettingsRepo
from flashcards.storage.notes import NoteRepo, NotetypeRepo
from flashcards.storage.revlog import ReviewRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

    from flashcards.storage.bulk import BulkRepo

__all__ = ["Store"]


class Store:
    """All persistent state of a collection. The only owner of SQL."""

    def __init__(
        self, db: Database, path: str = "collection", checkpointer: Checkpointer | None = None
    ) -> None:
        self.db = db
        self.path = path
        self._checkpointer = checkpointer
        self.settings = SettingsRepo(db)
        self.decks = DeckRepo(db)
        self.notetypes = NotetypeRepo(db)
        self.notes = NoteRepo(db)
        self.cards = CardRepo(db)
        self.reviews = ReviewRepo(db)

    @cached_property
    def bulk(self) -> BulkRepo:
        """Imports and exports (loaded when first used: most commands never need it)."""
        from flashcards.storage.bulk import BulkRepo

        return BulkRepo(self.db)

    @classmethod
    def open(cls, path: Path) -> Store:
        """The collection at `path`, its log checkpointed in the background."""
        db = open_database(path)
        return cls(db, str(path), Checkpointer(path))

    @classmethod
    def open_read_only(cls, path: Path) -> Store:
        """The collection as it is on disk, for reading only (a read-only data folder)."""
        return cls(open_database_read_only(path), str(path))

    @classmethod
    def open_reader(cls, path: Path) -> Store:
        """The collection for reading only, through the standard library (storage.reader):
        what windowless read commands use, to start without loading sqlite-utils.

        Its `db` has only the reading half of `Database` (execute, query); `atomic()`
        and every write fail. Raises ReaderUnavailable when the ordinary `open` is
        needed (no collection yet, or a schema to upgrade).
        """
        from flashcards.storage.reader import open_reader

        return cls(cast("Database", open_reader(path)), str(path))

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One logical change: everything inside commits together or not at all."""
        with self._explained(), self.db.atomic():
            yield

    @contextmanager
    def bulk_atomic(self, rebuild_indexes: bool = False) -> Iterator[None]:
        """`atomic()` for an import: BulkRepo.bulk_transaction (a bigger page cache,
        and with `rebuild_indexes` indexes and statistics built once at the end)."""
        with self._explained(), self.bulk.bulk_transaction(rebuild_indexes):
            yield

    @contextmanager
    def _explained(self) -> Iterator[None]:
        """SQLite's environment faults (full disk, read-only, locked) as StorageError."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            raise explain(exc, self.path) from exc

    def changes(self) -> int:
        """Rows written through this connection so far (any write makes it grow)."""
        return self.db.conn.total_changes

    def integrity_problems(self) -> list[str]:
        """SQLite's integrity_check and foreign_key_check; empty when all is well."""
        problems = self.corruption()
        for table, rowid, parent in self.dangling():
            problems.append(f"{table} row {rowid} refers to a missing {parent} row")
        return problems

    def corruption(self) -> list[str]:
        """What SQLite's integrity_check finds wrong with the file itself."""
        return [r[0] for r in self.db.execute("PRAGMA integrity_check") if r[0] != "ok"]

    def dangling(self) -> list[tuple[str, int, str]]:
        """Rows whose reference points at nothing: (table, rowid, the missing row's table)."""
        rows = self.db.execute("PRAGMA foreign_key_check").fetchall()
        return [(str(table), int(rowid), str(parent)) for table, rowid, parent, _ in rows]

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
        self.db.close()
