"""A whole collection (or part of one) in transit: what the JSON and `.apkg` readers produce.

Decks and note types are core models; notes, cards and review-log entries are
plain tuples in a fixed column order, because packages hold 100,000s of them and
the importer writes them with `executemany` (building a frozen dataclass per row
would cost more than the database insert). Every id in a package is local to the
package: the importer maps them onto the collection's ids.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from flashcards.core.models import Deck, NoteType

__all__ = [
    "CARD_FIELDS",
    "LOG_FIELDS",
    "NOTE_FIELDS",
    "CardRow",
    "LogRow",
    "MediaFile",
    "NoteRow",
    "Package",
]

NoteRow = tuple[int, str, int, tuple[str, ...], tuple[str, ...], int, int]
"""(id, guid, notetype_id, fields, tags, created_ms, modified_ms)."""
NOTE_FIELDS = ("id", "guid", "notetype_id", "fields", "tags", "created_ms", "modified_ms")

CardRow = tuple[
    int,
    int,
    int,
    int,
    int,
    int,
    int,
    int,
    int,
    int,
    int,
    int,
    int,
    int | None,
    int | None,
    int,
    int,
]
"""(id, note_id, deck_id, ord, type, queue, due, repetitions, interval, easiness_hundredths,
reps, lapses, buried_until, drill_day, drill_due_ms, created_ms, modified_ms).

`due` is a study-day number for review cards and a position for new cards; a
package whose new-card positions are relative (`Package.relative_new_positions`)
gets them shifted behind the collection's own new cards."""
CARD_FIELDS = (
    "id",
    "note_id",
    "deck_id",
    "ord",
    "type",
    "queue",
    "due",
    "repetitions",
    "interval",
    "easiness",
    "reps",
    "lapses",
    "buried_until",
    "drill_day",
    "drill_due_ms",
    "created_ms",
    "modified_ms",
)

LogRow = tuple[
    int, int, int, int, int, int, int, int, int, int, int, int, int, str | None, int | None
]
"""(card_id, time_ms, day, grade, kind, reps_before, interval_before, easiness_before_h,
reps_after, interval_after, easiness_after_h, due_after, duration_ms, typed, suggested):
typed is what the learner typed (None when they did not type), suggested the grade
the comparison suggested (None without typing)."""
LOG_FIELDS = (
    "card_id",
    "time_ms",
    "day",
    "grade",
    "kind",
    "reps_before",
    "interval_before",
    "easiness_before",
    "reps_after",
    "interval_after",
    "easiness_after",
    "due_after",
    "duration_ms",
    "typed",
    "suggested",
)


class MediaFile(NamedTuple):
    """A media file a package carries (or, in JSON, only names)."""

    name: str
    size: int
    read: Callable[[], bytes] | None = None
    """Returns the file's bytes; None when the package has only the reference."""


@dataclass
class Package:
    """Decks, note types, notes, cards, review log and media, with package-local ids."""

    source: str
    decks: list[Deck] = field(default_factory=list)
    notetypes: list[NoteType] = field(default_factory=list)
    notes: list[NoteRow] = field(default_factory=list)
    cards: list[CardRow] = field(default_factory=list)
    revlog: list[LogRow] = field(default_factory=list)
    media: list[MediaFile] = field(default_factory=list)
    relative_new_positions: bool = True
    """New-card `due` values are an order to keep, not positions to keep as they are."""
    generate_cards: bool = False
    """The package has no cards: make each note's cards from its note type (text formats)."""
    note_decks: list[int] | None = None
    """With `generate_cards`: the package deck id of each note's cards; same order as `notes`."""
    note_where: list[str] | None = None
    """Where each note came from ("line 12"), for messages; same order as `notes`."""
