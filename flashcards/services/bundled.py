"""The decks shipped with the app, found in a checkout or an installed package."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from flashcards.formats.ankitext import parse_text
from flashcards.formats.records import NoteRecord

__all__ = ["bundled_deck_files", "bundled_records"]

DECK_SUFFIXES = (".txt", ".tsv", ".csv")


def _bundled_dir() -> Traversable:
    try:
        root = resources.files("flashcards.bundled_decks")
        if root.is_dir():
            return root
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parents[2] / "decks"


def bundled_deck_files() -> list[Traversable]:
    """The shipped deck files in Anki's text format, in name order."""
    root = _bundled_dir()
    if not root.is_dir():
        return []
    files = [f for f in root.iterdir() if f.is_file() and f.name.endswith(DECK_SUFFIXES)]
    return sorted(files, key=lambda f: f.name)


def bundled_records() -> Iterator[tuple[str, list[NoteRecord]]]:
    """Each bundled file's name and its note records."""
    for deck_file in bundled_deck_files():
        text = deck_file.read_text(encoding="utf-8-sig")
        yield deck_file.name, parse_text(text, source=deck_file.name)
