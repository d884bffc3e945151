"""What importers produce and exporters consume: notes as plain records."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FormatError", "NoteRecord"]


class FormatError(ValueError):
    """A file that cannot be read; says where and why."""

    def __init__(self, source: str, where: str, reason: str) -> None:
        self.source = source
        self.where = where
        self.reason = reason
        location = f"{source}, {where}" if where else source
        super().__init__(f"{location}: {reason}")


@dataclass(frozen=True)
class NoteRecord:
    """One note to import: note type by name, fields in order, optional deck and guid."""

    notetype: str
    fields: tuple[str, ...]
    tags: tuple[str, ...] = ()
    deck: str | None = None
    guid: str | None = None
    where: str = ""
    """Where the note came from, for error messages ("line 12")."""
