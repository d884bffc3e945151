"""Matching an imported package's note types to the collection's.

A package note type is the same as a collection one when the name and the
fields and templates agree; CSS may differ (Anki's stock CSS is not ours).
Names match up to the suffixes given to a name already taken: ours
(" (imported N)") and Anki's ("Basic+", "Basic-1a2b3"), so the notes of a
collection that went through Anki come back to their own note types.
Otherwise it is added under a free name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flashcards.core.models import NoteType
from flashcards.formats.package import Package
from flashcards.services.errors import ImportFormatError
from flashcards.storage import Store

__all__ = ["map_notetypes", "map_used_notetypes", "same_shape", "too_many_fields"]


def same_shape(a: NoteType, b: NoteType) -> bool:
    """Same kind, fields and templates (names and both sides)."""
    return (
        a.kind == b.kind
        and a.fields == b.fields
        and [(t.name, t.front, t.back) for t in a.templates]
        == [(t.name, t.front, t.back) for t in b.templates]
    )


def _validate(nt: NoteType, source: str) -> None:
    where = f"{source}, note type {nt.name!r}"
    if not nt.name.strip():
        raise ImportFormatError(f"{source}: a note type has no name")
    if not nt.fields:
        raise ImportFormatError(f"{where}: it has no fields")
    if len(set(nt.fields)) != len(nt.fields):
        raise ImportFormatError(f"{where}: two fields have the same name")
    if not nt.templates:
        raise ImportFormatError(f"{where}: it has no card templates")
    if not 0 <= nt.sort_field < len(nt.fields):
        raise ImportFormatError(f"{where}: sort field {nt.sort_field} does not exist")


_TAKEN_SUFFIX_RE = re.compile(r"(?:\+|-[0-9a-f]{5}| \(imported(?: \d+)?\))+$")
"""What Anki (trailing "+", or "-" and five hex digits) or we (" (imported 2)") add
to a note type's name that was already taken."""


def _base_name(name: str) -> str:
    return _TAKEN_SUFFIX_RE.sub("", name) or name


def _free_name(taken: set[str], name: str) -> str:
    number = 1
    while True:
        candidate = f"{name} (imported)" if number == 1 else f"{name} (imported {number})"
        if candidate not in taken:
            return candidate
        number += 1


def map_notetypes(store: Store, pkg: Package, now_ms: int) -> dict[int, NoteType]:
    """Package note-type id → collection note type, adding the ones the collection lacks."""
    used = {n[2] for n in pkg.notes}
    known = {nt.id: nt for nt in pkg.notetypes}
    for index, note in enumerate(pkg.notes):
        if note[2] not in known:
            where = pkg.note_where[index] if pkg.note_where else f"note {index + 1}"
            raise ImportFormatError(f"{pkg.source}, {where}: its note type is missing")
        if len(note[3]) > len(known[note[2]].fields):
            where = pkg.note_where[index] if pkg.note_where else f"note {index + 1}"
            raise too_many_fields(pkg.source, where, len(note[3]), known[note[2]])
    return map_used_notetypes(store, pkg.notetypes, used, pkg.source, now_ms)


def too_many_fields(source: str, where: str, count: int, nt: NoteType) -> ImportFormatError:
    return ImportFormatError(
        f"{source}, {where}: {count} fields, but note type {nt.name!r} has "
        f"{len(nt.fields)} ({', '.join(nt.fields)})"
    )


def map_used_notetypes(
    store: Store, notetypes: Sequence[NoteType], used: set[int], source: str, now_ms: int
) -> dict[int, NoteType]:
    """The package note types that notes use → collection note types (added if missing)."""
    existing = store.notetypes.all()
    result: dict[int, NoteType] = {}
    for nt in notetypes:
        if nt.id not in used:
            continue
        _validate(nt, source)
        base = _base_name(nt.name)
        match = next(
            (e for e in existing if _base_name(e.name) == base and same_shape(e, nt)), None
        )
        if match is None:
            taken = {e.name for e in existing}
            name = nt.name if nt.name not in taken else _free_name(taken, nt.name)
            match = store.notetypes.insert(
                NoteType(0, name, nt.kind, nt.fields, nt.templates, nt.css, nt.sort_field), now_ms
            )
            existing.append(match)
        result[nt.id] = match
    return result
