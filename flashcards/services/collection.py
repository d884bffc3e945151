"""The Collection: the one façade the GUI and the CLI call."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from flashcards.core.clock import DEFAULT_ROLLOVER_HOUR, Clock, SystemClock, study_day, to_ms
from flashcards.core.models import (
    DECK_SEPARATOR,
    Card,
    Deck,
    DeckOptions,
    Note,
    NoteType,
    Queue,
    deck_ancestors,
)
from flashcards.core.notetypes import BUILTIN_NOTETYPES
from flashcards.core.queue import DeckCounts, all_remaining, deck_tree_counts
from flashcards.core.scheduler import answer_card
from flashcards.services.errors import FlashcardsError, NotFoundError
from flashcards.services.lock import DirectoryLock
from flashcards.storage import StorageError, Store
from flashcards.storage.journal import Journal, JournalRepo, Recording

if TYPE_CHECKING:
    from flashcards.core.search import SortColumn
    from flashcards.core.template import RenderedCard
    from flashcards.formats.package import Package
    from flashcards.formats.records import NoteRecord
    from flashcards.services.backups import Backup
    from flashcards.services.browse import BrowseResult, BrowseRow
    from flashcards.services.bulkimport import DuplicatePolicy, Progress
    from flashcards.services.check import CheckReport
    from flashcards.services.decks import DeckDeletion
    from flashcards.services.exporting import ExportOptions, ExportSummary
    from flashcards.services.importing import ImportOptions, ImportPreview
    from flashcards.services.notes import ImportSummary
    from flashcards.services.stats import Statistics
    from flashcards.services.study import StudySession

__all__ = ["ANSWER_LABEL", "AnswerOutcome", "Collection", "DeckSummary", "Undone"]

COLLECTION_FILE = "collection.sqlite"
LEECH_TAG = "leech"
DEFAULT_DECK = "Default"


ANSWER_LABEL = "Answer"
"""The undo label (Collection.undo_label) of an answer."""


@dataclass(frozen=True)
class DeckSummary:
    """A deck's line in the deck list: today's counts include its subdecks."""

    id: int
    name: str
    new: int
    due: int
    drills: int
    cards: int
    options: DeckOptions

    @property
    def depth(self) -> int:
        return self.name.count("::")

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "new": self.new,
            "due": self.due,
            "redrill": self.drills,
            "cards": self.cards,
        }


@dataclass(frozen=True)
class AnswerOutcome:
    card: Card
    log_id: int
    leech: bool


@dataclass(frozen=True)
class Undone:
    kind: str
    label: str
    card: Card | None


@dataclass
class _UndoEntry:
    """One undoable change: the journal that reverts it, and the card to show again."""

    kind: str
    label: str
    journal: Journal
    show: Card | None = None


def _close_decks(col: Collection, name: str) -> str:
    """'; did you mean …' with up to three decks whose name or last part contains
    `name` (letter case aside), for an error about a deck that does not exist."""
    wanted = name.strip().casefold()
    if not wanted:
        return ""
    names = [d.name for d in col.store.decks.all()]
    close = [n for n in names if n.rsplit(DECK_SEPARATOR, 1)[-1].casefold().startswith(wanted)]
    close += [n for n in names if wanted in n.casefold() and n not in close]
    if not close:
        return ""
    return "; did you mean " + " or ".join(repr(n) for n in close[:3]) + "?"


class Collection:
    """A data directory: the SQLite collection, media and backups, locked to one process."""

    def __init__(
        self,
        data_dir: Path,
        store: Store,
        lock: DirectoryLock,
        clock: Clock,
        rng: random.Random,
    ) -> None:
        self.data_dir = data_dir
        self.store = store
        self._lock = lock
        self.clock = clock
        self.rng = rng
        self.read_only = False
        self._undo: list[_UndoEntry] = []
        self._redo: list[_UndoEntry] = []
        self._redo_writes = -1  # the writes count right after the last undo or redo
        self._journals = JournalRepo(store.db)
        self._deck_names: dict[int, str] = {}
        self._rollover_hour: int | None = None

    # -- opening and closing -------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        clock: Clock | None = None,
        rng: random.Random | None = None,
        load_bundled: bool = True,
        read_only: bool = False,
    ) -> Collection:
        """Open the collection in `data_dir`, creating it (with the bundled decks) if new.

        `read_only` opens an existing collection in a folder that cannot be written,
        for looking only (decks, stats, search, export); any change is refused.
        """
        data_dir = Path(data_dir)
        if read_only:
            return cls._open_read_only(data_dir, clock or SystemClock(), rng or random.Random())
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            for sub in ("media", "backups"):
                (data_dir / sub).mkdir(exist_ok=True)
        except OSError as exc:
            raise FlashcardsError(
                f"cannot create the data directory {data_dir}: {exc.strerror}"
            ) from exc
        lock = DirectoryLock(data_dir)
        lock.acquire()
        try:
            store = Store.open(data_dir / COLLECTION_FILE)
        except StorageError as exc:
            lock.release()
            raise FlashcardsError(str(exc)) from exc
        col = cls(data_dir, store, lock, clock or SystemClock(), rng or random.Random())
        try:
            col._initialise(load_bundled)
        except BaseException:
            col.close()
            raise
        return col

    @classmethod
    def _open_read_only(cls, data_dir: Path, clock: Clock, rng: random.Random) -> Collection:
        try:
            store = Store.open_read_only(data_dir / COLLECTION_FILE)
        except StorageError as exc:
            raise FlashcardsError(str(exc)) from exc
        col = cls(data_dir, store, DirectoryLock(data_dir), clock, rng)
        col.read_only = True
        return col

    def _initialise(self, load_bundled: bool) -> None:
        if self.store.settings.get("initialised"):
            return
        from flashcards.services.bundled import bundled_records
        from flashcards.services.notes import apply_records

        with self.store.atomic():
            for notetype in BUILTIN_NOTETYPES:
                if self.store.notetypes.by_name(notetype.name) is None:
                    self.store.notetypes.insert(notetype, self.now_ms())
            if load_bundled:
                for source, records in bundled_records():
                    apply_records(
                        self.store,
                        records,
                        source=source,
                        default_deck=DEFAULT_DECK,
                        now_ms=self.now_ms(),
                    )
            if self.store.decks.count() == 0:
                self.store.decks.ensure(DEFAULT_DECK, self.now_ms())
            self.store.settings.set("initialised", True)

    def close(self) -> None:
        self.store.close()
        self._lock.release()

    def __enter__(self) -> Collection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    # -- time ------------------------------------------------------------------

    @property
    def rollover_hour(self) -> int:
        if self._rollover_hour is None:  # read once: every answer and queue asks for today
            self._rollover_hour = int(
                self.store.settings.get("rollover_hour", DEFAULT_ROLLOVER_HOUR)
            )
        return self._rollover_hour

    def set_rollover_hour(self, hour: int) -> None:
        if not 0 <= hour <= 23:
            raise FlashcardsError(f"the day rollover hour must be 0–23, not {hour}")
        self.store.settings.set("rollover_hour", hour)
        self._rollover_hour = hour

    def now(self) -> datetime:
        return self.clock.now()

    def now_ms(self) -> int:
        return to_ms(self.clock.now())

    def today(self) -> int:
        return study_day(self.clock.now(), self.rollover_hour)

    # -- decks -----------------------------------------------------------------

    def decks(self) -> list[Deck]:
        return self.store.decks.all()

    def deck(self, name: str) -> Deck:
        deck = self.store.decks.by_name(name)
        if deck is None:
            raise NotFoundError(f"there is no deck called {name!r}" + _close_decks(self, name))
        return deck

    def deck_name(self, deck_id: int) -> str:
        if deck_id not in self._deck_names:
            deck = self.store.decks.get(deck_id)
            self._deck_names[deck_id] = deck.name if deck else "?"
        return self._deck_names[deck_id]

    def ensure_deck(self, name: str) -> Deck:
        from flashcards.core.models import normalise_deck_name

        try:
            clean = normalise_deck_name(name)
        except ValueError as exc:
            raise FlashcardsError(str(exc)) from None
        with self.store.atomic():
            return self.store.decks.ensure(clean, self.now_ms())

    def set_deck_options(self, name: str, options: DeckOptions) -> None:
        if options.new_per_day < 0 or options.reviews_per_day < 0:
            raise FlashcardsError("daily limits cannot be negative")
        self.store.decks.set_options(self.deck(name).id, options, self.now_ms())

    def deck_summaries(self) -> list[DeckSummary]:
        """Every deck, sorted by name, with today's new / due / re-drill counts."""
        today = self.today()
        decks = self.store.decks.all()
        remaining = all_remaining(decks, self.store.reviews.studied_on(today))
        caps = {deck_id: (r.new, r.reviews) for deck_id, r in remaining.items()}
        counts = deck_tree_counts(decks, self.store.cards.available(today, caps), remaining)
        totals = self.store.cards.count_by_deck()
        in_tree = dict.fromkeys((d.name for d in decks), 0)
        for deck in decks:
            for name in (deck.name, *deck_ancestors(deck.name)):
                if name in in_tree:
                    in_tree[name] += totals.get(deck.id, 0)
        result = []
        for deck in decks:
            if deck.name == DEFAULT_DECK and len(decks) > 1 and not totals.get(deck.id):
                continue  # an empty Default deck is noise once real decks exist, as in Anki
            c = counts.get(deck.name, DeckCounts())
            result.append(
                DeckSummary(
                    deck.id, deck.name, c.new, c.reviews, c.drills, in_tree[deck.name], deck.options
                )
            )
        return result

    def due_on(self, day: int, deck: str | None = None) -> int:
        """Review cards that will be due on `day` (counting those overdue by then)."""
        ids = None if deck is None else [d.id for d in self.decks() if _in_tree(d.name, deck)]
        return self.store.cards.due_count(day, ids)

    # -- notes and cards -------------------------------------------------------

    def notetypes(self) -> list[NoteType]:
        return self.store.notetypes.all()

    def notetype(self, name: str) -> NoteType:
        notetype = self.store.notetypes.by_name(name)
        if notetype is None:
            raise NotFoundError(f"there is no note type called {name!r}")
        return notetype

    def notetype_of(self, note: Note) -> NoteType:
        notetype = self.store.notetypes.get(note.notetype_id)
        if notetype is None:
            raise NotFoundError(f"note {note.id} has no note type")
        return notetype

    def note(self, note_id: int) -> Note:
        note = self.store.notes.get(note_id)
        if note is None:
            raise NotFoundError(f"there is no note {note_id}")
        return note

    def card(self, card_id: int) -> Card:
        card = self.store.cards.get(card_id)
        if card is None:
            raise NotFoundError(f"there is no card {card_id}")
        return card

    def cards_of(self, note_id: int) -> list[Card]:
        return self.store.cards.of_note(note_id)

    def add_note(
        self,
        notetype: str,
        fields: Sequence[str],
        *,
        deck: str,
        tags: Sequence[str] = (),
    ) -> tuple[Note, list[Card]]:
        """Add a note and its cards; refuse a note that would make no card."""
        nt = self.notetype(notetype)
        values = tuple(fields) + ("",) * (len(nt.fields) - len(fields))
        if len(values) > len(nt.fields):
            raise FlashcardsError(
                f"note type {nt.name!r} has {len(nt.fields)} fields, not {len(values)}"
            )
        from flashcards.services.bulk import ensure_deck_recorded
        from flashcards.services.notes import guid_for, save_note

        now = self.now_ms()
        guid = guid_for(nt.name, *values, str(now), str(self.rng.random()))
        note = Note(0, guid, nt.id, values, tuple(tags), now, now)
        with self.undoable("add", "Add note") as rec:
            deck_id = ensure_deck_recorded(self.store, rec, deck, now).id
            saved, cards = save_note(self.store, nt, note, deck_id, now_ms=now)
            if not cards:
                raise FlashcardsError(_no_card_message(nt))
            rec.created("notes", [saved.id])
            rec.created("cards", [c.id for c in cards])
        return saved, cards

    def update_note(self, note_id: int, fields: Sequence[str], tags: Sequence[str]) -> Note:
        """Change a note's fields and tags; new cards join the deck of its first card."""
        from flashcards.services.notes import save_note

        old = self.note(note_id)
        nt = self.notetype_of(old)
        values = tuple(fields) + ("",) * (len(nt.fields) - len(fields))
        note = Note(
            old.id, old.guid, old.notetype_id, values, tuple(tags), old.created_ms, self.now_ms()
        )
        cards = self.cards_of(note_id)
        with self.undoable("edit", "Edit note") as rec:
            rec.save("notes", [note_id])
            _, created = save_note(
                self.store, nt, note, cards[0].deck_id if cards else 1, now_ms=note.modified_ms
            )
            rec.created("cards", [c.id for c in created])
        return note

    def duplicates_of(
        self, notetype: str, first_field: str, exclude: int | None = None
    ) -> list[int]:
        """Notes of the same type whose first field reads the same (ignoring HTML)."""
        from flashcards.core.text import sort_text

        nt = self.notetype(notetype)
        ids = self.store.notes.with_first_field(nt.id, sort_text(first_field))
        return [i for i in ids if i != exclude]

    def render(self, card: Card) -> RenderedCard:
        from flashcards.core.template import render_card

        note = self.note(card.note_id)
        return render_card(
            self.notetype_of(note),
            note.fields,
            card.ord,
            deck=self.deck_name(card.deck_id),
            tags=note.tags,
        )

    def import_records(
        self,
        records: Sequence[NoteRecord],
        *,
        source: str,
        deck: str | None = None,
        policy: DuplicatePolicy | None = None,
        progress: Progress | None = None,
    ) -> ImportSummary:
        """Import note records in one transaction: all of them, or nothing."""
        from flashcards.services.notes import apply_records
        from flashcards.storage.bulk import LARGE_IMPORT

        # Each record makes at least one card.
        with self.store.bulk_atomic(rebuild_indexes=len(records) > LARGE_IMPORT):
            return apply_records(
                self.store,
                records,
                source=source,
                default_deck=deck or DEFAULT_DECK,
                deck_override=deck,
                now_ms=self.now_ms(),
                policy=policy,
                progress=progress,
            )

    # -- studying --------------------------------------------------------------

    def study(self, deck: str | None = None) -> StudySession:
        """A study session for `deck` and its subdecks, or for every deck."""
        from flashcards.services.study import StudySession

        if deck is not None:
            deck = self.deck(deck).name  # as the collection spells it
        return StudySession(self, deck)

    def answer(
        self,
        card_id: int,
        grade: int,
        *,
        duration_ms: int = 0,
        typed: str | None = None,
        suggested: int | None = None,
    ) -> AnswerOutcome:
        """Grade a card. Card, log and sibling burying commit in one transaction.

        A typed answer and the grade its comparison suggested are kept in the log.
        """
        card = self.card(card_id)
        if card.suspended:
            raise FlashcardsError(f"card {card_id} is suspended")
        today = self.today()
        try:
            result = answer_card(
                card,
                grade,
                today=today,
                now_ms=self.now_ms(),
                duration_ms=duration_ms,
                typed=typed,
                suggested=suggested,
            )
        except ValueError as exc:
            raise FlashcardsError(str(exc)) from None
        new_card = result.card
        with self.undoable("answer", ANSWER_LABEL, show=card) as rec:
            rec.save_cards_of_notes([card.note_id])  # the card and the siblings it buries
            if result.leech:
                note = self.note(card.note_id)
                rec.save("notes", [note.id])
                self.store.notes.update(
                    Note(
                        note.id,
                        note.guid,
                        note.notetype_id,
                        note.fields,
                        (*note.tags, LEECH_TAG),
                        note.created_ms,
                        result.log.time_ms,
                    ),
                    self.notetype_of(note).sort_field,
                )
                if (
                    self.store.decks.get(card.deck_id)
                    and self.deck_options(card.deck_id).leech_suspend
                ):
                    new_card = new_card.with_changes(queue=Queue.SUSPENDED)
            self.store.cards.update(new_card, before=card)
            log_id = self.store.reviews.insert(result.log)
            rec.created("revlog", [log_id])
            self.store.cards.bury_siblings(card, today + 1, result.log.time_ms)
        return AnswerOutcome(new_card, log_id, result.leech)

    def deck_options(self, deck_id: int) -> DeckOptions:
        """A deck's options (defaults if the deck is gone)."""
        deck = self.store.decks.get(deck_id)
        return deck.options if deck else DeckOptions()

    def bury(self, card_id: int) -> None:
        """Hide a card until tomorrow."""
        card = self.card(card_id)
        with self.undoable("bury", "Bury", show=card) as rec:
            rec.save("cards", [card_id])
            self.store.cards.update(
                card.with_changes(buried_until=self.today() + 1, modified_ms=self.now_ms())
            )

    def suspend(self, card_id: int) -> None:
        """Take a card out of study until it is unsuspended."""
        card = self.card(card_id)
        with self.undoable("suspend", "Suspend", show=card) as rec:
            rec.save("cards", [card_id])
            self.store.cards.update(
                card.with_changes(queue=Queue.SUSPENDED, modified_ms=self.now_ms())
            )

    def unsuspend(self, card_id: int) -> None:
        card = self.card(card_id)
        queue = Queue.NEW if card.type == 0 else Queue.REVIEW
        with self.undoable("unsuspend", "Unsuspend") as rec:
            rec.save("cards", [card_id])
            self.store.cards.update(card.with_changes(queue=queue, modified_ms=self.now_ms()))

    # -- undo ------------------------------------------------------------------

    @contextmanager
    def undoable(self, kind: str, label: str, *, show: Card | None = None) -> Iterator[Recording]:
        """One undoable change: a transaction whose journal goes on the undo stack.

        Inside, save the rows about to change or disappear and note the rows
        created (see storage.journal.Recording); on success the change is
        committed and can be reverted by `undo()`; on an exception nothing is.
        """
        journal = Journal()
        with self.store.atomic():
            yield self._journals.recording(journal)
        if not journal.is_empty():
            self._push_undo(_UndoEntry(kind, label, journal, show))

    def _push_undo(self, entry: _UndoEntry) -> None:
        self._undo.append(entry)
        del self._undo[:-50]
        self._redo.clear()  # a new change: what was undone stays undone

    @property
    def writes(self) -> int:
        """A number that grows with every change to the collection: a window compares
        it with what it last saw to know whether to read the collection again."""
        return self.store.changes()

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    def undo(self) -> Undone | None:
        """Revert the last change completely: every row it changed, deleted or created."""
        if not self._undo:
            return None
        entry = self._undo[-1]
        again = self._reverted(entry)  # first: a failed revert leaves the stacks alone
        self._undo.pop()
        self._redo.append(again)
        return Undone(entry.kind, entry.label, entry.show)

    @property
    def undo_kind(self) -> str | None:
        """The kind of the change `undo()` would revert ('answer', 'move', 'add', …)."""
        return self._undo[-1].kind if self._undo else None

    @property
    def redo_kind(self) -> str | None:
        """The kind of the change `redo()` would make again (None as redo_label)."""
        return self._redo[-1].kind if self.redo_label is not None else None

    @property
    def redo_label(self) -> str | None:
        """The change `redo()` would make again; None when there is none, or when the
        collection changed since the undo (which a redo would then overwrite)."""
        if self._redo and self._redo_writes == self.writes:
            return self._redo[-1].label
        return None

    def redo(self) -> Undone | None:
        """Make the last undone change again (until another change is made)."""
        if self.redo_label is None:
            self._redo.clear()
            return None
        entry = self._redo[-1]
        back = self._reverted(entry)
        self._redo.pop()
        self._undo.append(back)
        del self._undo[:-50]
        return Undone(entry.kind, entry.label, entry.show)

    def _reverted(self, entry: _UndoEntry) -> _UndoEntry:
        """Revert `entry` in one transaction; return the entry that reverts that."""
        with self.store.atomic():
            inverse = self._journals.inverse(entry.journal)
            self._journals.revert(entry.journal)
        self._deck_names.clear()
        self._redo_writes = self.writes
        return _UndoEntry(entry.kind, entry.label, inverse, entry.show)

    # -- backups (issue 7) -------------------------------------------------------

    def backup(self, reason: str = "manual") -> Backup:
        """Snapshot the whole collection into backups/ (the newest 30 are kept)."""
        from flashcards.services.backups import create_backup

        return create_backup(self, reason)

    def backups(self) -> list[Backup]:
        """Backups, newest first."""
        from flashcards.services.backups import list_backups

        return list_backups(self.backups_dir)

    def backup_if_due(self) -> Backup | None:
        """The once-a-day backup made when the app closes."""
        from flashcards.services.backups import backup_if_due

        return backup_if_due(self)

    def restore(self, path: Path) -> Backup:
        """Replace the collection with a backup; the current one is backed up first."""
        import shutil

        from flashcards.services.backups import check_restorable, create_backup
        from flashcards.storage.backup import copy_database

        check_restorable(path)
        staging = self.backups_dir / ".restoring.sqlite"
        shutil.copyfile(path, staging)
        try:
            safety = create_backup(self, "restore")
            self.store.close()
            try:
                copy_database(staging, self.data_dir / COLLECTION_FILE)
            finally:
                self.store = Store.open(self.data_dir / COLLECTION_FILE)
                self._journals = JournalRepo(self.store.db)
        finally:
            staging.unlink(missing_ok=True)
        self._undo.clear()
        self._redo.clear()
        self._deck_names.clear()
        self._rollover_hour = None
        return safety

    # -- statistics and checks --------------------------------------------------

    def stats(self, deck: str | None = None) -> dict[str, object]:
        """The `stats --json` object: the contract totals and the statistics page."""
        return self.statistics(deck).to_dict()

    def check(self, *, repair: bool = False) -> CheckReport:
        from flashcards.services.check import check_collection

        return check_collection(self, repair=repair)

    # -- issue 4 (desktop app) ----------------------------------------------------

    def set_limits_for_all_decks(self, new_per_day: int, reviews_per_day: int) -> int:
        """Give every deck the same daily limits (one transaction); return decks changed."""
        from flashcards.services.deck_options import set_limits_for_all_decks

        return set_limits_for_all_decks(self, new_per_day, reviews_per_day)

    # -- issue 5: import and export (services/importing.py, exporting.py) --------

    def preview_import(self, path: Path) -> ImportPreview:
        """What a file holds and how it would be imported; changes nothing."""
        from flashcards.services.importing import preview

        return preview(self, path)

    def import_file(self, path: Path, options: ImportOptions | None = None) -> ImportSummary:
        """Import a .txt/.csv/.tsv/.json/.apkg/.md file in one transaction."""
        from flashcards.services.importing import import_file

        return import_file(self, path, options=options)

    def import_package(self, package: Package, options: ImportOptions) -> ImportSummary:
        """Import decks, note types, notes, cards, review log and media in one transaction."""
        from flashcards.services.bulkimport import apply_package
        from flashcards.storage.bulk import LARGE_IMPORT

        large = len(package.cards) + len(package.revlog) > LARGE_IMPORT
        with self.store.bulk_atomic(rebuild_indexes=large):
            return apply_package(
                self.store,
                package,
                default_deck=DEFAULT_DECK,
                now_ms=self.now_ms(),
                deck=options.deck,
                policy=options.duplicates,
                media_dir=self.media_dir,
                progress=options.progress,
            )

    def export_file(self, path: Path, options: ExportOptions | None = None) -> ExportSummary:
        """Write a .csv/.tsv/.txt/.json/.apkg file of one deck (with subdecks) or all."""
        from flashcards.services.exporting import export_file

        return export_file(self, path, options)

    # -- issue 6: search, browser and statistics ---------------------------------

    def search(
        self, query: str, sort: SortColumn | None = None, descending: bool = False
    ) -> list[int]:
        """Ids of the cards matching a search (card-id order unless `sort`)."""
        from flashcards.services.browse import find_cards

        return find_cards(self, query, sort, descending)

    def normalise_query(self, query: str) -> str:
        """The canonical text of a search; raises SearchQueryError if it is malformed."""
        from flashcards.services.browse import normalise_query

        return normalise_query(query)

    def browse(
        self,
        query: str,
        sort: SortColumn | str = "sort_field",  # SortColumn.SORT_FIELD
        descending: bool = False,
    ) -> BrowseResult:
        """Every card matching `query`, ordered by a browser column (computed in SQL)."""
        from flashcards.services.browse import browse

        return browse(self, query, sort, descending)

    def browse_rows(self, card_ids: Sequence[int]) -> list[BrowseRow]:
        """Browser rows for a page of card ids, in the same order."""
        from flashcards.services.browse import browse_rows

        return browse_rows(self, card_ids)

    def move_cards(self, card_ids: Iterable[int], deck: str) -> int:
        from flashcards.services.bulk import move_cards

        return move_cards(self, card_ids, deck)

    def add_tags(self, card_ids: Iterable[int], tags: Iterable[str]) -> int:
        from flashcards.services.bulk import add_tags

        return add_tags(self, card_ids, tags)

    def remove_tags(self, card_ids: Iterable[int], tags: Iterable[str]) -> int:
        from flashcards.services.bulk import remove_tags

        return remove_tags(self, card_ids, tags)

    def suspend_cards(self, card_ids: Iterable[int]) -> int:
        from flashcards.services.bulk import suspend_cards

        return suspend_cards(self, card_ids)

    def unsuspend_cards(self, card_ids: Iterable[int]) -> int:
        from flashcards.services.bulk import unsuspend_cards

        return unsuspend_cards(self, card_ids)

    def bury_cards(self, card_ids: Iterable[int]) -> int:
        from flashcards.services.bulk import bury_cards

        return bury_cards(self, card_ids)

    def reset_cards(self, card_ids: Iterable[int], *, reset_counts: bool = False) -> int:
        from flashcards.services.bulk import reset_cards

        return reset_cards(self, card_ids, reset_counts=reset_counts)

    def set_due_date(
        self,
        card_ids: Iterable[int],
        days: int,
        days_to: int | None = None,
        *,
        set_interval: bool = False,
    ) -> int:
        from flashcards.services.bulk import set_due_date

        return set_due_date(self, card_ids, days, days_to, set_interval=set_interval)

    def delete_cards(self, card_ids: Iterable[int]) -> int:
        from flashcards.services.bulk import delete_cards

        return delete_cards(self, card_ids)

    def delete_notes(self, card_ids: Sequence[int]) -> int:
        from flashcards.services.bulk import delete_notes

        return delete_notes(self, card_ids)

    def statistics(self, deck: str | None = None) -> Statistics:
        """Everything the statistics page draws, for all cards or one deck tree."""
        from flashcards.services.stats import collection_statistics

        return collection_statistics(self, deck)

    # -- renaming and deleting decks (the polish branch; services/decks.py) ------------

    def create_deck(self, name: str) -> Deck:
        """A new empty deck, one undo step; refuses a name that is invalid or taken."""
        from flashcards.services.decks import create_deck

        try:
            return create_deck(self, name)
        finally:
            self._deck_names.clear()

    def rename_deck(self, old: str, new: str) -> int:
        """Rename a deck and its subdecks (one undo step); return how many decks changed.

        Refuses a new name that is invalid, already taken, or inside the deck itself.
        """
        from flashcards.services.decks import rename_deck

        try:
            return rename_deck(self, old, new)
        finally:
            self._deck_names.clear()

    def delete_deck(self, name: str) -> DeckDeletion:
        """Delete a deck, its subdecks, their cards and review history, and notes left
        without cards, as one undo step. Refuses to delete the last deck."""
        from flashcards.services.decks import delete_deck

        try:
            return delete_deck(self, name)
        finally:
            self._deck_names.clear()

    # -- issue 8: fast start of the windowless read commands (stats, decks) ----------

    @classmethod
    def open_for_reading(cls, data_dir: Path, *, clock: Clock | None = None) -> Collection:
        """The collection in `data_dir`, to read only (the `stats` and `decks` commands).

        Locked as `open` locks it, but read through the standard library alone
        (Store.open_reader), so the command starts without loading sqlite-utils.
        A folder with no collection yet, or one that needs a schema upgrade or its
        first initialisation, is opened with `open` instead, which writes those.
        """
        from flashcards.storage.reader import ReaderUnavailable

        data_dir = Path(data_dir)
        clock = clock or SystemClock()
        if (data_dir / COLLECTION_FILE).is_file():
            lock = DirectoryLock(data_dir)
            lock.acquire()
            try:
                store = Store.open_reader(data_dir / COLLECTION_FILE)
            except ReaderUnavailable:
                lock.release()
            else:
                col = cls(data_dir, store, lock, clock, random.Random())
                if col.store.settings.get("initialised"):
                    col.read_only = True
                    return col
                col.close()
        return cls.open(data_dir, clock=clock)


def _in_tree(name: str, root: str) -> bool:
    return name == root or name.startswith(root + "::")


def _no_card_message(notetype: NoteType) -> str:
    if notetype.kind == 1:
        return "a Cloze note needs at least one cloze, such as {{c1::answer}}"
    return f"the note makes no card: fill in {notetype.fields[0]!r}"
