"""Importing files into a collection, by extension."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from flashcards.formats.ankitext import parse_text
from flashcards.formats.markdown import MarkdownNotes, convert_markdown, decode_notes
from flashcards.formats.records import FormatError
from flashcards.services.errors import ImportFormatError, NotFoundError
from flashcards.services.notes import ImportSummary

if TYPE_CHECKING:
    from flashcards.services.collection import Collection

__all__ = ["MARKDOWN_SUFFIXES", "TEXT_SUFFIXES", "generate_notes", "import_file"]

TEXT_SUFFIXES = (".txt", ".csv", ".tsv")
MARKDOWN_SUFFIXES = (".md", ".markdown")


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFormatError(f"{path.name}: not valid UTF-8 text (byte {exc.start})") from None


def generate_notes(path: Path, *, root: str | None = None) -> MarkdownNotes:
    """Note records from a Markdown notes file; `root` names the root deck."""
    if not path.is_file():
        raise NotFoundError(f"{path}: no such file")
    try:
        return convert_markdown(decode_notes(path.read_bytes(), path.name), path.name, root=root)
    except FormatError as exc:
        raise ImportFormatError(str(exc)) from None
    except OSError as exc:
        raise ImportFormatError(f"{path.name}: cannot read the file ({exc.strerror})") from None


def import_file(col: Collection, path: Path, *, deck: str | None = None) -> ImportSummary:
    """Import `path` in one transaction; a bad file changes nothing.

    For Markdown notes `deck` names the root deck (the headings stay subdecks);
    for other files it is the deck every card goes to.
    """
    if not path.is_file():
        raise NotFoundError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        notes = generate_notes(path, root=deck)
        summary = col.import_records(notes.records, source=path.name)
        summary.notes.extend(f"skipped {line}" for line in notes.skipped)
        return summary
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
