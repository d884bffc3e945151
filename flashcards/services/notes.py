"""Adding, updating and importing notes: one place that creates cards."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flashcards.core.models import Card, Deck, Note, NoteType
from flashcards.core.template import card_ordinals
from flashcards.core.text import strip_html
from flashcards.formats.package import Package
from flashcards.formats.records import NoteRecord
from flashcards.services.errors import ImportFormatError
from flashcards.storage import Store

if TYPE_CHECKING:
    from flashcards.services.bulkimport import DuplicatePolicy, Progress

__all__ = ["ImportSummary", "apply_records", "guid_for", "save_note"]


@dataclass
class ImportSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)
    cards: int = 0
    """Cards created (new notes' cards, and new templates or clozes of updated notes)."""
    reviews: int = 0
    """Review-log entries imported."""
    media: int = 0
    """Media files written to the media folder."""
    progress_taken: int = 0
    """Cards already here but never studied that took the file's schedule and answers."""

    def to_dict(self) -> dict[str, object]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "notes": list(self.notes),
            "cards": self.cards,
            "reviews": self.reviews,
            "media": self.media,
            "progress_taken": self.progress_taken,
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


def _text_guid(notetype: str, first: str, occurrences: dict[tuple[str, str], int]) -> str:
    """The guid of a row without one: from its note type and first field, and for
    the second and later rows with that same first field (homonyms such as
    배 'pear' and 배 'ship') also from how many came before, so each stays a note
    of its own and importing the file again finds every one of them."""
    seen = occurrences.get((notetype, first), 0)
    occurrences[(notetype, first)] = seen + 1
    if seen == 0:
        return guid_for(notetype, first)
    return guid_for(notetype, first, str(seen + 1))


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
    policy: DuplicatePolicy | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Add or update notes from records, by guid, in the caller's transaction.

    Validation happens first; nothing is written if any record is bad.
    """
    from flashcards.services.bulkimport import DuplicatePolicy, apply_package

    types = {nt.name: nt for nt in store.notetypes.all()}
    checked = [(r, _check_record(r, types.get(r.notetype), source)) for r in records]
    deck_ids: dict[str, int] = {}
    pkg = Package(source=source, notetypes=list(types.values()), generate_cards=True)
    pkg.note_decks, pkg.note_where = [], []
    occurrences: dict[tuple[str, str], int] = {}
    for index, (record, notetype) in enumerate(checked):
        # Missing fields are empty; extra empty columns (a trailing tab) are dropped.
        width = len(notetype.fields)
        fields = (record.fields + ("",) * width)[:width]
        guid = record.guid or _text_guid(notetype.name, strip_html(fields[0]), occurrences)
        deck_name = deck_override or record.deck or default_deck
        deck_id = deck_ids.setdefault(deck_name, len(deck_ids) + 1)
        pkg.notes.append((index, guid, notetype.id, fields, record.tags, now_ms, now_ms))
        pkg.note_decks.append(deck_id)
        pkg.note_where.append(record.where or f"note {index + 1}")
    pkg.decks = [Deck(i, name) for name, i in deck_ids.items()]
    summary = apply_package(
        store,
        pkg,
        default_deck=default_deck,
        now_ms=now_ms,
        deck=deck_override,
        policy=policy or DuplicatePolicy.UPDATE,
        progress=progress,
    )
    # As in Anki, columns beyond the note type's fields are left out, not refused:
    # one stray separator in a spreadsheet should not stop the whole file.
    for index, (record, notetype) in enumerate(checked):
        if any(f.strip() for f in record.fields[len(notetype.fields) :]):
            summary.notes.append(
                f"{source}, {record.where or f'note {index + 1}'}: {len(record.fields)} "
                f"fields, but note type {notetype.name!r} has {len(notetype.fields)} "
                f"({', '.join(notetype.fields)}); the rest were left out"
            )
    return summary
