"""Errors a user can act on. Each message is one clear sentence."""

from __future__ import annotations

from pathlib import Path

from flashcards.errors import FlashcardsError

__all__ = [
    "CollectionLockedError",
    "FlashcardsError",
    "ImportFormatError",
    "NotFoundError",
    "ReadOnlyDataError",
    "SearchQueryError",
    "require_file",
]


class CollectionLockedError(FlashcardsError):
    """Another process has the collection open."""


class NotFoundError(FlashcardsError):
    """A deck, note, card or file that does not exist."""


def require_file(path: Path) -> None:
    """Raise NotFoundError unless `path` is a file, saying what it is instead."""
    if path.is_dir():
        raise NotFoundError(f"{path}: a folder, not a file")
    if not path.is_file():
        raise NotFoundError(f"{path}: no such file")


class ImportFormatError(FlashcardsError):
    """A file that cannot be imported; the message names the file, entry and reason."""


class SearchQueryError(FlashcardsError):
    """A malformed search query; names the bad token and where it starts (0-based)."""

    def __init__(self, message: str, token: str, position: int) -> None:
        super().__init__(message)
        self.token = token
        self.position = position


class ReadOnlyDataError(FlashcardsError):
    """The data folder cannot be written (a read-only disk or missing permission)."""
