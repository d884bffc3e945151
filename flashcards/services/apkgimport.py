"""Importing an `.apkg` package: Python maps note types, decks and tags; SQL moves the rows.

The package's collection, once extracted and checked (formats/apkgzip.py,
storage/ankidb.py), is ATTACHed to the collection's connection and its notes,
cards and review log are converted and written in SQL by
storage/ankiimport.py, in one transaction. Python keeps the decisions that are
not arithmetic: which note types and decks the package's map to, how its tags
read here, and each added or updated note's search and sort text, computed for
all notes in one batch (core/textbatch.py). docs/interop.md describes the
conversion; formats/ankiread.py is the same conversion in Python (for previews).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from flashcards.core.clock import study_day
from flashcards.core.models import NoteKind, NoteType
from flashcards.core.textbatch import search_texts, strip_html_many
from flashcards.formats.ankiread import Calendar, notetypes_and_decks
from flashcards.formats.package import MediaFile
from flashcards.services.bulkimport import (
    DuplicatePolicy,
    Progress,
    map_decks,
    plan_media,
    write_media,
)
from flashcards.services.errors import ImportFormatError
from flashcards.services.importnotetypes import map_used_notetypes, too_many_fields
from flashcards.services.notes import ImportSummary, guid_for
from flashcards.storage.ankidb import AnkiRaw
from flashcards.storage.ankiimport import (
    ADD,
    KEEP,
    SKIPPED,
    UNCHANGED,
    UPDATE,
    AnkiImport,
    CardRules,
    register_study_day,
)
from flashcards.storage.bulk import LARGE_IMPORT
from flashcards.storage.database import explain
from flashcards.storage.rows import fields_json_many, join_tags

if TYPE_CHECKING:
    from flashcards.services.collection import Collection

__all__ = ["ApkgSource", "import_collection"]

_FIELD_SEPARATOR = "\x1f"
_PARALLEL_TEXTS = 5_000
"""Notes to add or update above which their texts are computed in a second thread."""


@dataclass(frozen=True)
class ApkgSource:
    """An extracted package: its collection file, what Python read of it, its media."""

    source: str
    collection: Path
    raw: AnkiRaw
    media: list[MediaFile]


def _no_progress(done: int, total: int) -> None:
    return None


def import_collection(
    col: Collection,
    pkg: ApkgSource,
    *,
    deck: str | None,
    default_deck: str,
    policy: DuplicatePolicy,
    progress: Progress | None,
) -> ImportSummary:
    """Import the package in one transaction; a bad package changes nothing."""
    store = col.store
    tz = col.now().tzinfo
    assert tz is not None  # the clock is always timezone-aware
    cal = Calendar(tz, col.rollover_hour, col.today(), col.now_ms())
    rules = CardRules(
        cal.day_of_seconds(pkg.raw.crt),
        cal.today,
        cal.now_ms,
        cal.day_shift,
        lambda seconds: study_day(datetime.fromtimestamp(seconds, tz), cal.rollover_hour),
    )
    try:
        with AnkiImport.attached(store.db, pkg.collection) as sql:
            missing = sql.missing_columns()
            if missing:
                raise ImportFormatError(
                    f"{pkg.source}: the collection is not a usable Anki database "
                    f"(it lacks {', '.join(missing)})"
                )
            if rules.day_shift is None:
                register_study_day(store.db.conn, rules.study_day)
            counts = sql.counts()
            with store.bulk.bulk_transaction(rebuild_indexes=counts[1] + counts[2] > LARGE_IMPORT):
                run = _Run(col, pkg, sql, deck, default_deck, policy, progress or _no_progress)
                return run.run(rules, sum(counts))
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        if any(word in text for word in ("full", "readonly", "read-only", "locked", "busy", "i/o")):
            raise explain(exc, store.path) from exc
        raise ImportFormatError(f"{pkg.source}: the collection cannot be read ({exc})") from None
    except sqlite3.DatabaseError as exc:
        raise ImportFormatError(
            f"{pkg.source}: the collection holds a value that cannot be imported ({exc})"
        ) from None


class _Run:
    """One import: the decisions made in Python, in order."""

    def __init__(
        self,
        col: Collection,
        pkg: ApkgSource,
        sql: AnkiImport,
        deck: str | None,
        default_deck: str,
        policy: DuplicatePolicy,
        progress: Progress,
    ) -> None:
        self.store = col.store
        self.media_dir = col.media_dir
        self.now_ms = col.now_ms()
        self.pkg = pkg
        self.sql = sql
        self.deck = deck
        self.default_deck = default_deck
        self.policy = policy
        self.progress = progress
        self.summary = ImportSummary()
        self.actions: dict[int, int] = {}
        self.notetypes: dict[int, NoteType] = {}

    def run(self, rules: CardRules, total: int) -> ImportSummary:
        sql, summary = self.sql, self.summary
        self.progress(0, total)
        notetypes, decks = notetypes_and_decks(self.pkg.raw, self.pkg.source)
        sql.create_temp_tables()
        notes = _Notes(sql.notes())
        self._map_notetypes(notetypes, notes)
        sql.plan_cards()
        used_decks = sql.used_decks()
        deck_ids = map_decks(self.store, decks, used_decks, self.deck, self.now_ms, self.pkg.source)
        sql.set_decks(deck_ids)
        sql.set_tags({raw: join_tags(raw.split()) for raw in sql.raw_tags()})
        writes, renames = plan_media(self.media_dir, self.pkg.media)
        first_note, first_card = self.store.bulk.next_ids()
        duplicates = notes.duplicates()
        sql.set_duplicates(duplicates)
        sql.plan_notes(
            policy_add=self.policy == DuplicatePolicy.ADD,
            policy_keep=self.policy == DuplicatePolicy.KEEP,
            first_id=first_note,
            renames=renames,
            duplicates=bool(duplicates),
        )
        if self.policy == DuplicatePolicy.ADD:
            sql.set_guids(
                [(guid_for(guid, str(self.now_ms), str(rank - 1)), src)
                 for src, rank, guid in sql.reassigned()]
            )  # fmt: skip
        targets = sql.text_targets()
        # The notes' texts are Python work (it holds the GIL); cards and the review log
        # are SQLite's (it releases the GIL) and need only the plan: a large import
        # computes the texts in a second thread meanwhile. Nothing else changes: every
        # id is planned, so the rows come out the same in either order.
        with ThreadPoolExecutor(max_workers=1) as pool:
            texts = (
                pool.submit(self._texts, notes, renames, targets)
                if len(targets) > _PARALLEL_TEXTS
                else None
            )
            self._count_notes()
            self._cards_and_logs(rules, used_decks - deck_ids.keys(), first_card)
            sql.set_texts(self._texts(notes, renames, targets) if texts is None else texts.result())
        sql.write_notes(self.now_ms)
        self.progress(summary.added + summary.updated, total)
        summary.media = write_media(writes, self.pkg.source)
        self.progress(total, total)
        return summary

    def _cards_and_logs(self, rules: CardRules, unmapped: set[int], first_card: int) -> None:
        """Write the cards of imported notes, then their review log."""
        sql, summary = self.sql, self.summary
        default = 0
        if unmapped and sql.needs_default_deck():
            default = self.store.decks.ensure(self.deck or self.default_deck, self.now_ms).id
        first_due = sql.first_new_due()
        shift = 0 if first_due is None else self.store.cards.next_new_position() - first_due
        every = self.actions.keys() <= {ADD}
        summary.progress_taken = 0 if every else sql.replace_unstudied()
        summary.cards = sql.write_cards(first_card, rules, shift, default, every=every)
        summary.reviews = sql.write_logs(first_card, rules)

    def _map_notetypes(self, types: Sequence[NoteType], notes: _Notes) -> None:
        """Check every note against its note type, then map the used note types."""
        known = {nt.id: nt for nt in types}
        bad = notes.first_bad(known)
        if bad is not None:
            where = f"note {bad + 1}"
            nt = known.get(notes.mids[bad])
            if nt is None:
                raise ImportFormatError(f"{self.pkg.source}, {where}: its note type is missing")
            raise too_many_fields(self.pkg.source, where, notes.field_count(bad), nt)
        self.sql.set_notetypes(
            [
                (nt.id, len(nt.fields), len(nt.templates), int(nt.kind == NoteKind.CLOZE),
                 nt.sort_field)
                for nt in types
            ]
        )  # fmt: skip
        self.notetypes = known
        mapped = map_used_notetypes(
            self.store, types, set(notes.mids), self.pkg.source, self.now_ms
        )
        for mid, nt in mapped.items():
            self.sql.map_notetype(mid, nt.id)

    def _texts(
        self, notes: _Notes, renames: dict[str, str], targets: list[tuple[int, int]]
    ) -> list[tuple[int, int, str, str, str]]:
        """(our id, package id, fields JSON, search text, sort text) of every note to
        add or update (`targets`: package id, our id), computed in batches."""
        positions = notes.select([src for src, _ in targets])
        fields = [notes.fields[i] for i in positions] if positions is not None else notes.fields
        mids = [notes.mids[i] for i in positions] if positions is not None else notes.mids
        if renames:
            fields = [_renamed(f, renames) for f in fields]
        width = {mid: len(nt.fields) - 1 for mid, nt in self.notetypes.items()}
        separators = [f.count(_FIELD_SEPARATOR) for f in fields]
        if any(width[mid] > count for mid, count in zip(mids, separators, strict=True)):
            fields = [  # fewer fields than the note type: empty ones at the end
                f + _FIELD_SEPARATOR * max(0, width[mid] - count)
                for f, mid, count in zip(fields, mids, separators, strict=True)
            ]
        sort_index = {mid: nt.sort_field for mid, nt in self.notetypes.items()}
        if any(sort_index[mid] for mid in set(mids)):
            sorts = [
                f.split(_FIELD_SEPARATOR, sort_index[mid] + 1)[sort_index[mid]]
                for f, mid in zip(fields, mids, strict=True)
            ]
        else:
            sorts = [f.partition(_FIELD_SEPARATOR)[0] for f in fields]
        return list(
            zip(
                [dst for _, dst in targets],
                [src for src, _ in targets],
                fields_json_many(fields),
                search_texts(fields),
                strip_html_many(sorts),
                strict=True,
            )
        )

    def _count_notes(self) -> None:
        self.actions = actions = self.sql.actions()
        summary = self.summary
        summary.added = actions.get(ADD, 0)
        summary.updated = actions.get(UPDATE, 0)
        summary.unchanged = actions.get(UNCHANGED, 0)
        summary.skipped = actions.get(KEEP, 0)
        for rank, action, guid in self.sql.skipped():
            summary.skipped += 1
            reason = SKIPPED[action].format(guid=guid)
            summary.notes.append(f"{self.pkg.source}, note {rank}: {reason}")


class _Notes:
    """The package's notes as parallel lists, by id (what Python needs of them)."""

    def __init__(self, rows: list[tuple[int, str, int, str]]) -> None:
        if rows:
            ids, guids, mids, fields = zip(*rows, strict=True)
        else:
            ids, guids, mids, fields = (), (), (), ()
        self.ids: list[int] = list(ids)
        self.guids: list[str] = list(guids)
        self.mids: list[int] = list(mids)
        self.fields: list[str] = list(fields)

    def field_count(self, index: int) -> int:
        return self.fields[index].count(_FIELD_SEPARATOR) + 1

    def first_bad(self, known: dict[int, NoteType]) -> int | None:
        """The first note whose note type is missing or has fewer fields than it."""
        limit = {mid: len(nt.fields) for mid, nt in known.items()}
        separators = [f.count(_FIELD_SEPARATOR) for f in self.fields]
        for index, (mid, count) in enumerate(zip(self.mids, separators, strict=True)):
            if count >= limit.get(mid, 0):
                return index
        return None

    def duplicates(self) -> list[int]:
        """Notes whose guid an earlier note has."""
        if len(set(self.guids)) == len(self.guids):
            return []
        seen: set[str] = set()
        result = []
        for note_id, guid in zip(self.ids, self.guids, strict=True):
            if guid in seen:
                result.append(note_id)
            seen.add(guid)
        return result

    def select(self, ids: list[int]) -> list[int] | None:
        """Positions of these note ids; None when they are all of them, in order."""
        if ids == self.ids:
            return None
        where = {note_id: index for index, note_id in enumerate(self.ids)}
        return [where[note_id] for note_id in ids]


def _renamed(value: str, renames: dict[str, str]) -> str:
    for old, new in renames.items():
        if old in value and _FIELD_SEPARATOR not in old + new:
            value = value.replace(old, new)
    return value
