"""Readers and writers of deck files. They never touch the database."""

from flashcards.formats.records import FormatError, NoteRecord

__all__ = ["FormatError", "NoteRecord"]
