"""Importing files into a collection, by extension."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from flashcards.formats.ankitext import parse_text
from flashcards.formats.records import FormatError
from flashcards.services.errors import ImportFormatError, NotFoundError
from flashcards.services.notes import ImportSummary

if TYPE_CHECKING:
    from flashcards.services.collection import Collection

__all__ = ["TEXT_SUFFIXES", "import_file"]

TEXT_SUFFIXES = (".txt", ".csv", ".tsv")


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFormatError(f"{path.name}: not valid UTF-8 text (byte {exc.start})") from None


def import_file(col: Collection, path: Path, *, deck: str | None = None) -> ImportSummary:
    """Import `path` in one transaction; a bad file changes nothing."""
    if not path.is_file():
        raise NotFoundError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise ImportFormatError(
            f"{path.name}: cannot import {suffix or 'files without an extension'} files"
        )
    try:
        records = parse_text(_read_text(path), source=path.name)
    except FormatError as exc:
        raise ImportFormatError(str(exc)) from None
    if not records:
        raise ImportFormatError(f"{path.name}: the file has no notes")
    return col.import_records(records, source=path.name, deck=deck)
