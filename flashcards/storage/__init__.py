"""Storage: the only place SQL lives (sqlite-utils over one SQLite file)."""

from flashcards.storage.database import NewerSchemaError, StorageError
from flashcards.storage.store import Store

__all__ = ["NewerSchemaError", "StorageError", "Store"]
