"""Writing a Package into the collection: validate everything, then bulk-insert in one go.

The caller holds `store.atomic()`: a bad package raises before anything is
written, and any later failure rolls the whole import back. Existing notes are
matched by guid; their cards and review history are kept — only their fields and
tags are updated, and cards for new templates or clozes are added — except that a
card never studied here takes the file's card, schedule and review history when
the file's has been studied (a collection made on a new machine, holding the
bundled decks, then given the export of one that studied them).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path

from flashcards.core.models import CardType, Deck, normalise_deck_name
from flashcards.core.template import card_ordinals
from flashcards.core.text import sort_text
from flashcards.formats.package import CardRow, MediaFile, Package
from flashcards.services.errors import ImportFormatError
from flashcards.services.importnotetypes import map_notetypes
from flashcards.services.notes import ImportSummary, guid_for
from flashcards.storage import Store
from flashcards.storage.rows import join_tags

__all__ = ["DuplicatePolicy", "Progress", "apply_package", "map_decks", "plan_media", "write_media"]

Progress = Callable[[int, int], None]
"""Called as progress(done, total) while an import or export runs."""

_CHUNK = 10_000
_QUOTE: Callable[[str], str] = json.encoder.encode_basestring


def _encode(fields: tuple[str, ...]) -> str:
    """Exactly json.dumps(list(fields), ensure_ascii=False), several times faster."""
    return "[" + ", ".join(map(_QUOTE, fields)) + "]"


class DuplicatePolicy(StrEnum):
    """What to do with a note whose guid is already in the collection."""

    UPDATE = "update"
    """Take the file's fields and tags (review history is kept)."""
    KEEP = "keep"
    """Leave the existing note as it is."""
    ADD = "add"
    """Add the file's note as a new note beside it."""


def _studied(card: CardRow) -> bool:
    """The package's card has been studied: it has left the new cards or been answered."""
    return card[4] != CardType.NEW or card[10] > 0


def map_decks(
    store: Store, decks: Sequence[Deck], used: set[int], override: str | None, now_ms: int,
    source: str,
) -> dict[int, int]:  # fmt: skip
    """Package deck id → collection deck id (all to `override` when given); decks made
    here take the package's options. An unused deck named Default is left out."""
    names: dict[int, str] = {}
    for deck in decks:
        if deck.id not in used and deck.name == "Default":
            continue
        try:
            names[deck.id] = normalise_deck_name(override or deck.name)
        except ValueError as exc:
            raise ImportFormatError(f"{source}: {exc}") from None
    by_name: dict[str, int] = {}
    result: dict[int, int] = {}
    for deck in decks:
        name = names.get(deck.id)
        if name is None:
            continue
        if name not in by_name:
            is_new = store.decks.by_name(name) is None
            by_name[name] = store.decks.ensure(name, now_ms).id
            if is_new and override is None:
                store.decks.set_options(by_name[name], deck.options, now_ms)
        result[deck.id] = by_name[name]
    return result


def _no_op(done: int, total: int) -> None:
    return None


class _Run:
    """One import: the package, the id maps it builds, and the summary."""

    def __init__(
        self,
        store: Store,
        pkg: Package,
        *,
        deck: str | None,
        default_deck: str,
        policy: DuplicatePolicy,
        now_ms: int,
        progress: Progress,
    ) -> None:
        self.store = store
        self.pkg = pkg
        self.deck_override = deck
        self.default_deck = default_deck
        self.policy = policy
        self.now_ms = now_ms
        self.progress = progress
        self.summary = ImportSummary()
        self.note_ids: dict[int, int] = {}
        self.added: set[int] = set()
        self.deck_ids: dict[int, int] = {}
        self.total = len(pkg.notes) + len(pkg.cards) + len(pkg.revlog)

    def where(self, index: int) -> str:
        where = self.pkg.note_where[index] if self.pkg.note_where else f"note {index + 1}"
        return f"{self.pkg.source}, {where}"

    # -- decks -------------------------------------------------------------------

    def map_decks(self) -> None:
        """Package deck id → collection deck id; new decks take the package's options."""
        used = {c[2] for c in self.pkg.cards} | set(self.pkg.note_decks or ())
        self.deck_ids = map_decks(
            self.store, self.pkg.decks, used, self.deck_override, self.now_ms, self.pkg.source
        )

    def default_deck_id(self) -> int:
        return self.store.decks.ensure(self.deck_override or self.default_deck, self.now_ms).id

    # -- notes -------------------------------------------------------------------

    def write_notes(self, renames: dict[str, str]) -> None:
        pkg, now = self.pkg, self.now_ms
        types = map_notetypes(self.store, pkg, now)
        existing = self.store.bulk.notes_by_guid(n[1] for n in pkg.notes)
        with_cards = {c[1] for c in pkg.cards}
        next_id, _ = self.store.bulk.next_ids()
        inserts: list[tuple[object, ...]] = []
        updates: list[tuple[object, ...]] = []
        seen: set[str] = set()
        for index, (nid, guid, ntid, fields, tags, created, modified) in enumerate(pkg.notes):
            if guid in seen:
                self._skip(index, f"an earlier note in the file has the same guid {guid}")
                continue
            seen.add(guid)
            nt = types[ntid]
            if len(fields) < len(nt.fields):
                fields = fields + ("",) * (len(nt.fields) - len(fields))
            if renames:
                fields = tuple(_rename_media(f, renames) for f in fields)
            fields_json = _encode(fields)
            tag_text = join_tags(tags)
            old = existing.get(guid)
            if old is not None and self.policy == DuplicatePolicy.ADD:
                guid, old = guid_for(guid, str(now), str(index)), None
            if old is None:
                if not pkg.generate_cards and nid not in with_cards:
                    self._skip(index, "the note has no cards")
                    continue
                sort = sort_text(fields[nt.sort_field] if nt.sort_field < len(fields) else "")
                inserts.append(
                    (next_id, guid, nt.id, fields_json, sort, tag_text, created or now, modified)
                )
                self.note_ids[nid] = next_id
                self.added.add(nid)
                next_id += 1
                continue
            old_id, old_type, old_fields, old_tags = old
            if old_type != nt.id:
                self._skip(index, f"guid {guid} belongs to a note of another type")
                continue
            if old_fields == fields_json and old_tags == tag_text:
                self.summary.unchanged += 1
            elif self.policy == DuplicatePolicy.KEEP:
                self.summary.skipped += 1
                continue
            else:
                sort = sort_text(fields[nt.sort_field] if nt.sort_field < len(fields) else "")
                updates.append((fields_json, sort, tag_text, now, old_id))
                self.summary.updated += 1
            self.note_ids[nid] = old_id
            if index % _CHUNK == 0:
                self.progress(index, self.total)
        self.summary.added = len(inserts)
        self.store.bulk.insert_notes(inserts)
        self.store.bulk.update_notes(updates)
        self.types = types
        self.progress(len(pkg.notes), self.total)

    def _skip(self, index: int, reason: str) -> None:
        self.summary.skipped += 1
        self.summary.notes.append(f"{self.where(index)}: {reason}")

    # -- cards and review log ----------------------------------------------------

    def write_cards(self) -> dict[int, int]:
        """Insert the package's cards of added notes (and new ords of existing ones)."""
        pkg = self.pkg
        if pkg.generate_cards:
            return self._generate_cards()
        kept = [v for k, v in self.note_ids.items() if k not in self.added]
        have = self.store.bulk.card_ords(kept)
        unstudied = self.store.bulk.unstudied_cards(kept)
        replaced: list[int] = []
        _, next_id = self.store.bulk.next_ids()
        base = self.store.cards.next_new_position()
        new_dues = [c[6] for c in pkg.cards if c[4] == CardType.NEW]
        shift = base - min(new_dues) if new_dues and pkg.relative_new_positions else 0
        default = None
        card_ids: dict[int, int] = {}
        rows: list[CardRow] = []
        for card in pkg.cards:
            note_id = self.note_ids.get(card[1])
            if note_id is None:
                continue
            if card[1] not in self.added and (note_id, card[3]) in have:
                # An existing note keeps its cards, unless a card was never studied here
                # and the file's was: then the file's card, schedule and answers replace it.
                old = unstudied.get((note_id, card[3]))
                if old is None or not _studied(card):
                    continue
                replaced.append(old)
            deck_id = self.deck_ids.get(card[2])
            if deck_id is None:
                default = default or self.default_deck_id()
                deck_id = default
            due = card[6] + shift if card[4] == CardType.NEW else card[6]
            rows.append((next_id, note_id, deck_id, *card[3:6], due, *card[7:]))
            card_ids[card[0]] = next_id
            next_id += 1
        self.store.cards.delete(replaced)
        self.store.bulk.insert_cards(rows)
        self.summary.cards = len(rows)
        self.summary.progress_taken += len(replaced)
        self.progress(len(pkg.notes) + len(pkg.cards), self.total)
        return card_ids

    def _generate_cards(self) -> dict[int, int]:
        """Text formats: make the cards each added or updated note's fields call for."""
        pkg = self.pkg
        decks = pkg.note_decks or []
        have = self.store.bulk.card_ords(self.note_ids.values())
        _, next_id = self.store.bulk.next_ids()
        position = self.store.cards.next_new_position()
        default = None
        rows: list[tuple[object, ...]] = []
        now = self.now_ms
        for index, note in enumerate(pkg.notes):
            note_id = self.note_ids.get(note[0])
            if note_id is None:
                continue
            nt = self.types[note[2]]
            ords = card_ordinals(nt, note[3])
            if not ords and note[0] in self.added:
                raise ImportFormatError(
                    f"{self.where(index)}: the note makes no cards"
                    + (" (a Cloze note needs {{c1::…}})" if nt.kind == 1 else "")
                )
            deck_id = self.deck_ids.get(decks[index]) if index < len(decks) else None
            if deck_id is None:
                default = default or self.default_deck_id()
                deck_id = default
            for ord_ in ords:
                if (note_id, ord_) in have:
                    continue
                rows.append(
                    (
                        next_id,
                        note_id,
                        deck_id,
                        ord_,
                        0,
                        0,
                        position,
                        0,
                        0,
                        250,
                        0,
                        0,
                        0,
                        None,
                        None,
                        now,
                        now,
                    )
                )
                next_id += 1
                position += 1
        self.store.bulk.insert_cards(rows)
        self.summary.cards = len(rows)
        return {}

    def write_logs(self, card_ids: dict[int, int]) -> None:
        rows = [(card_ids[log[0]], *log[1:]) for log in self.pkg.revlog if log[0] in card_ids]
        self.store.bulk.insert_logs(rows)
        self.summary.reviews = len(rows)
        self.progress(self.total, self.total)


def _rename_media(value: str, renames: dict[str, str]) -> str:
    for old, new in renames.items():
        if old in value:
            value = value.replace(old, new)
    return value


def plan_media(
    media_dir: Path, media: Sequence[MediaFile]
) -> tuple[list[tuple[Path, bytes]], dict[str, str]]:
    """Which files to write, and the renames for names taken by different content."""
    writes: list[tuple[Path, bytes]] = []
    renames: dict[str, str] = {}
    for item in media:
        if item.read is None:
            continue
        data = item.read()
        target = media_dir / item.name
        if target.exists():
            if target.read_bytes() == data:
                continue
            digest = hashlib.sha1(data).hexdigest()[:8]
            stem, dot, ext = item.name.rpartition(".")
            new_name = f"{stem}-{digest}.{ext}" if dot else f"{item.name}-{digest}"
            renames[item.name] = new_name
            target = media_dir / new_name
            if target.exists():
                continue
        writes.append((target, data))
    return writes, renames


def write_media(writes: Sequence[tuple[Path, bytes]], source: str) -> int:
    """Write planned media files; on failure remove those written and raise."""
    written: list[Path] = []
    try:
        for path, data in writes:
            path.write_bytes(data)
            written.append(path)
    except OSError as exc:
        for done in written:
            done.unlink(missing_ok=True)
        raise ImportFormatError(
            f"{source}: cannot write media file {path.name}: {exc.strerror}"
        ) from None
    return len(written)


def apply_package(
    store: Store,
    pkg: Package,
    *,
    default_deck: str,
    now_ms: int,
    deck: str | None = None,
    policy: DuplicatePolicy = DuplicatePolicy.UPDATE,
    media_dir: Path | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import `pkg` inside the caller's transaction; return what was added / updated."""
    run = _Run(
        store,
        pkg,
        deck=deck,
        default_deck=default_deck,
        policy=policy,
        now_ms=now_ms,
        progress=progress or _no_op,
    )
    writes, renames = plan_media(media_dir, pkg.media) if media_dir else ([], {})
    run.map_decks()
    run.write_notes(renames)
    card_ids = run.write_cards()
    run.write_logs(card_ids)
    run.summary.media = write_media(writes, pkg.source)
    return run.summary
