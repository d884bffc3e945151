"""The domain model: note types, notes, cards, decks and the review log.

Anki-compatible on purpose: a note holds fields and tags, a card is one
template of a note in a deck with its SM-2 state. Values are frozen; changes
return new values.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import IntEnum
from typing import Any

from flashcards.core.sm2 import Sm2State

__all__ = [
    "DECK_SEPARATOR",
    "Card",
    "CardType",
    "Deck",
    "DeckOptions",
    "Note",
    "NoteKind",
    "NoteType",
    "Queue",
    "ReviewKind",
    "ReviewLog",
    "Template",
    "deck_ancestors",
    "deck_parent",
    "normalise_deck_name",
]

DECK_SEPARATOR = "::"


class NoteKind(IntEnum):
    STANDARD = 0
    CLOZE = 1


class CardType(IntEnum):
    """What a card has been through: never studied, or learned."""

    NEW = 0
    REVIEW = 1


class Queue(IntEnum):
    """Where a card waits. Suspended cards keep their type and never show."""

    SUSPENDED = -1
    NEW = 0
    REVIEW = 1


class ReviewKind(IntEnum):
    """A review-log entry's kind.

    REVIEW is the day's first grade (an SM-2 repetition); DRILL a same-day
    re-drill that leaves the schedule alone; MANUAL a state set by hand or by
    an import, which replay takes as given.
    """

    REVIEW = 0
    DRILL = 1
    MANUAL = 2


@dataclass(frozen=True)
class Template:
    name: str
    front: str
    back: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "front": self.front, "back": self.back}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Template:
        return cls(name=str(data["name"]), front=str(data["front"]), back=str(data["back"]))


@dataclass(frozen=True)
class NoteType:
    id: int
    name: str
    kind: NoteKind
    fields: tuple[str, ...]
    templates: tuple[Template, ...]
    css: str = ""
    sort_field: int = 0

    def field_index(self, name: str) -> int:
        return self.fields.index(name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": int(self.kind),
            "fields": list(self.fields),
            "templates": [t.to_dict() for t in self.templates],
            "css": self.css,
            "sort_field": self.sort_field,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NoteType:
        return cls(
            id=int(data["id"]),
            name=str(data["name"]),
            kind=NoteKind(int(data["kind"])),
            fields=tuple(str(f) for f in data["fields"]),
            templates=tuple(Template.from_dict(t) for t in data["templates"]),
            css=str(data.get("css", "")),
            sort_field=int(data.get("sort_field", 0)),
        )


@dataclass(frozen=True)
class DeckOptions:
    new_per_day: int = 20
    reviews_per_day: int = 200
    leech_suspend: bool = False
    type_answer: bool = False
    """Ask the learner to type each answer and suggest a grade from it."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "new_per_day": self.new_per_day,
            "reviews_per_day": self.reviews_per_day,
            "leech_suspend": self.leech_suspend,
            "type_answer": self.type_answer,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DeckOptions:
        return cls(
            new_per_day=int(data.get("new_per_day", 20)),
            reviews_per_day=int(data.get("reviews_per_day", 200)),
            leech_suspend=bool(data.get("leech_suspend", False)),
            type_answer=bool(data.get("type_answer", False)),
        )


@dataclass(frozen=True)
class Deck:
    id: int
    name: str
    options: DeckOptions = field(default_factory=DeckOptions)

    @property
    def parent_name(self) -> str | None:
        return deck_parent(self.name)

    @property
    def basename(self) -> str:
        return self.name.rsplit(DECK_SEPARATOR, 1)[-1]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "options": self.options.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Deck:
        return cls(
            id=int(data["id"]),
            name=str(data["name"]),
            options=DeckOptions.from_dict(data.get("options", {})),
        )


def normalise_deck_name(name: str) -> str:
    """Trim each `::` component; refuse empty components."""
    parts = [part.strip() for part in name.split(DECK_SEPARATOR)]
    if not parts or any(not part for part in parts):
        raise ValueError(f"invalid deck name {name!r}: every part between '::' needs a name")
    return DECK_SEPARATOR.join(parts)


def deck_parent(name: str) -> str | None:
    if DECK_SEPARATOR not in name:
        return None
    return name.rsplit(DECK_SEPARATOR, 1)[0]


def deck_ancestors(name: str) -> list[str]:
    """The full names of a deck's ancestors, root first, excluding itself."""
    parts = name.split(DECK_SEPARATOR)
    return [DECK_SEPARATOR.join(parts[:i]) for i in range(1, len(parts))]


@dataclass(frozen=True)
class Note:
    id: int
    guid: str
    notetype_id: int
    fields: tuple[str, ...]
    tags: tuple[str, ...] = ()
    created_ms: int = 0
    modified_ms: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "guid": self.guid,
            "notetype_id": self.notetype_id,
            "fields": list(self.fields),
            "tags": list(self.tags),
            "created_ms": self.created_ms,
            "modified_ms": self.modified_ms,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Note:
        return cls(
            id=int(data["id"]),
            guid=str(data["guid"]),
            notetype_id=int(data["notetype_id"]),
            fields=tuple(str(f) for f in data["fields"]),
            tags=tuple(str(t) for t in data.get("tags", ())),
            created_ms=int(data.get("created_ms", 0)),
            modified_ms=int(data.get("modified_ms", 0)),
        )


@dataclass(frozen=True)
class Card:
    """One template of a note, in a deck, with its schedule.

    `due` is the new-card position for new cards and the study-day number for
    review cards (one index serves both, as in Anki). `drill_day` is set while
    the card awaits a same-day re-drill; `drill_due_ms` is when it may show.
    """

    id: int
    note_id: int
    deck_id: int
    ord: int
    type: CardType = CardType.NEW
    queue: Queue = Queue.NEW
    due: int = 0
    sm2: Sm2State = field(default_factory=Sm2State)
    reps: int = 0
    lapses: int = 0
    buried_until: int = 0
    drill_day: int | None = None
    drill_due_ms: int | None = None
    created_ms: int = 0
    modified_ms: int = 0

    @property
    def suspended(self) -> bool:
        return self.queue == Queue.SUSPENDED

    def is_buried(self, today: int) -> bool:
        return self.buried_until > today

    def with_changes(self, **changes: Any) -> Card:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "note_id": self.note_id,
            "deck_id": self.deck_id,
            "ord": self.ord,
            "type": int(self.type),
            "queue": int(self.queue),
            "due": self.due,
            "repetitions": self.sm2.repetitions,
            "interval": self.sm2.interval,
            "easiness": self.sm2.easiness,
            "reps": self.reps,
            "lapses": self.lapses,
            "buried_until": self.buried_until,
            "drill_day": self.drill_day,
            "drill_due_ms": self.drill_due_ms,
            "created_ms": self.created_ms,
            "modified_ms": self.modified_ms,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Card:
        drill_day = data.get("drill_day")
        drill_due = data.get("drill_due_ms")
        return cls(
            id=int(data["id"]),
            note_id=int(data["note_id"]),
            deck_id=int(data["deck_id"]),
            ord=int(data["ord"]),
            type=CardType(int(data.get("type", 0))),
            queue=Queue(int(data.get("queue", 0))),
            due=int(data.get("due", 0)),
            sm2=Sm2State(
                int(data.get("repetitions", 0)),
                int(data.get("interval", 0)),
                float(data.get("easiness", 2.5)),
            ),
            reps=int(data.get("reps", 0)),
            lapses=int(data.get("lapses", 0)),
            buried_until=int(data.get("buried_until", 0)),
            drill_day=None if drill_day is None else int(drill_day),
            drill_due_ms=None if drill_due is None else int(drill_due),
            created_ms=int(data.get("created_ms", 0)),
            modified_ms=int(data.get("modified_ms", 0)),
        )


@dataclass(frozen=True)
class ReviewLog:
    """One graded answer (or a manual state change), append-only."""

    id: int
    card_id: int
    time_ms: int
    day: int
    grade: int
    kind: ReviewKind
    before: Sm2State
    after: Sm2State
    due_after: int
    duration_ms: int = 0
    typed: str | None = None
    """What the learner typed, when they typed the answer."""
    suggested: int | None = None
    """The grade the typed-answer comparison suggested."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "card_id": self.card_id,
            "time_ms": self.time_ms,
            "day": self.day,
            "grade": self.grade,
            "kind": int(self.kind),
            "reps_before": self.before.repetitions,
            "interval_before": self.before.interval,
            "easiness_before": self.before.easiness,
            "reps_after": self.after.repetitions,
            "interval_after": self.after.interval,
            "easiness_after": self.after.easiness,
            "due_after": self.due_after,
            "duration_ms": self.duration_ms,
            "typed": self.typed,
            "suggested": self.suggested,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReviewLog:
        return cls(
            id=int(data["id"]),
            card_id=int(data["card_id"]),
            time_ms=int(data["time_ms"]),
            day=int(data["day"]),
            grade=int(data["grade"]),
            kind=ReviewKind(int(data["kind"])),
            before=Sm2State(
                int(data["reps_before"]),
                int(data["interval_before"]),
                float(data["easiness_before"]),
            ),
            after=Sm2State(
                int(data["reps_after"]),
                int(data["interval_after"]),
                float(data["easiness_after"]),
            ),
            due_after=int(data["due_after"]),
            duration_ms=int(data.get("duration_ms", 0)),
            typed=None if data.get("typed") is None else str(data["typed"]),
            suggested=None if data.get("suggested") is None else int(data["suggested"]),
        )
