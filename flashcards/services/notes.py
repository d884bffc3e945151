"""Adding, updating and importing notes: one place that creates cards."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from flashcards.core.models import Card, Note, NoteType
from flashcards.core.template import card_ordinals
from flashcards.core.text import strip_html
from flashcards.formats.records import NoteRecord
from flashcards.services.errors import ImportFormatError
from flashcards.storage import Store

__all__ = ["ImportSummary", "apply_records", "guid_for", "save_note"]


@dataclass
class ImportSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "notes": list(self.notes),
        }

    def __str__(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.skipped} skipped"
        )


_GUID_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)


def guid_for(*parts: str) -> str:
    """A stable 10-character guid (Anki's base-91 alphabet) derived from text."""
    digest = int.from_bytes(hashlib.sha256("\x1f".join(parts).encode()).digest()[:8], "big")
    chars = []
    for _ in range(10):
        digest, rem = divmod(digest, len(_GUID_ALPHABET))
        chars.append(_GUID_ALPHABET[rem])
    return "".join(chars)


def save_note(
    store: Store,
    notetype: NoteType,
    note: Note,
    deck_id: int,
    *,
    now_ms: int,
) -> tuple[Note, list[Card]]:
    """Insert or update `note` and create any cards its fields now call for.

    Existing cards keep their deck and schedule; new cards go to `deck_id`.
    """
    if note.id:
        store.notes.update(note, notetype.sort_field)
        saved = note
    else:
        note_id = store.notes.insert(note, notetype.sort_field)
        saved = Note(
            note_id,
            note.guid,
            note.notetype_id,
            note.fields,
            note.tags,
            note.created_ms,
            note.modified_ms,
        )
    existing = {c.ord for c in store.cards.of_note(saved.id)}
    created: list[Card] = []
    position = store.cards.next_new_position()
    for ord_ in card_ordinals(notetype, saved.fields):
        if ord_ in existing:
            continue
        card = Card(
            id=0,
            note_id=saved.id,
            deck_id=deck_id,
            ord=ord_,
            due=position,
            created_ms=now_ms,
            modified_ms=now_ms,
        )
        created.append(card.with_changes(id=store.cards.insert(card)))
        position += 1
    return saved, created


def _check_record(record: NoteRecord, notetype: NoteType | None, source: str) -> NoteType:
    where = f"{source}, {record.where}" if record.where else source
    if notetype is None:
        raise ImportFormatError(f"{where}: unknown note type {record.notetype!r}")
    if len(record.fields) > len(notetype.fields):
        raise ImportFormatError(
            f"{where}: {len(record.fields)} fields, but note type {notetype.name!r} has "
            f"{len(notetype.fields)} ({', '.join(notetype.fields)})"
        )
    if not record.fields or (
        not strip_html(record.fields[0]).strip() and "<img" not in record.fields[0]
    ):
        raise ImportFormatError(f"{where}: the first field is empty")
    return notetype


def apply_records(
    store: Store,
    records: Sequence[NoteRecord],
    *,
    source: str,
    default_deck: str,
    now_ms: int,
    deck_override: str | None = None,
) -> ImportSummary:
    """Add or update notes from records, by guid, in the caller's transaction.

    Validation happens first; nothing is written if any record is bad.
    """
    types = {nt.name: nt for nt in store.notetypes.all()}
    checked = [(r, _check_record(r, types.get(r.notetype), source)) for r in records]
    summary = ImportSummary()
    decks: dict[str, int] = {}
    for record, notetype in checked:
        fields = record.fields + ("",) * (len(notetype.fields) - len(record.fields))
        guid = record.guid or guid_for(notetype.name, strip_html(fields[0]))
        deck_name = deck_override or record.deck or default_deck
        if deck_name not in decks:
            decks[deck_name] = store.decks.ensure(deck_name, now_ms).id
        existing = store.notes.by_guid(guid)
        if existing is not None and existing.notetype_id != notetype.id:
            summary.skipped += 1
            summary.notes.append(f"{record.where}: guid {guid} belongs to a note of another type")
            continue
        if (
            existing is not None
            and existing.fields == fields
            and set(existing.tags) == set(record.tags)
        ):
            summary.unchanged += 1
            continue
        if existing is not None:
            note = Note(
                existing.id, guid, notetype.id, fields, record.tags, existing.created_ms, now_ms
            )
            summary.updated += 1
        else:
            note = Note(0, guid, notetype.id, fields, record.tags, now_ms, now_ms)
            summary.added += 1
        _, cards = save_note(store, notetype, note, decks[deck_name], now_ms=now_ms)
        if existing is None and not cards:
            raise ImportFormatError(
                f"{source}, {record.where}: the note makes no cards "
                "(a Cloze note needs {{c1::…}})"
            )
    return summary
