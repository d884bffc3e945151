"""Converting between database rows and core models."""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from flashcards.core.models import (
    Card,
    CardType,
    Deck,
    DeckOptions,
    Note,
    NoteKind,
    NoteType,
    Queue,
    ReviewKind,
    ReviewLog,
    Template,
)
from flashcards.core.sm2 import Sm2State

__all__ = [
    "CARD_COLUMNS",
    "card_from_row",
    "card_to_row",
    "deck_from_row",
    "join_tags",
    "log_from_row",
    "log_to_row",
    "note_from_row",
    "notetype_from_row",
    "notetype_to_row",
    "split_tags",
]

Row = Mapping[str, Any]

CARD_COLUMNS = (
    "id, note_id, deck_id, ord, type, queue, due, repetitions, interval, easiness, reps, "
    "lapses, buried_until, drill_day, drill_due_ms, created_ms, modified_ms"
)


def _sm2(repetitions: int, interval: int, easiness_h: int) -> Sm2State:
    return Sm2State(repetitions, interval, easiness_h / 100)


def card_from_row(row: Row) -> Card:
    return Card(
        id=row["id"],
        note_id=row["note_id"],
        deck_id=row["deck_id"],
        ord=row["ord"],
        type=CardType(row["type"]),
        queue=Queue(row["queue"]),
        due=row["due"],
        sm2=_sm2(row["repetitions"], row["interval"], row["easiness"]),
        reps=row["reps"],
        lapses=row["lapses"],
        buried_until=row["buried_until"],
        drill_day=row["drill_day"],
        drill_due_ms=row["drill_due_ms"],
        created_ms=row["created_ms"],
        modified_ms=row["modified_ms"],
    )


def card_to_row(card: Card) -> dict[str, Any]:
    return {
        "note_id": card.note_id,
        "deck_id": card.deck_id,
        "ord": card.ord,
        "type": int(card.type),
        "queue": int(card.queue),
        "due": card.due,
        "repetitions": card.sm2.repetitions,
        "interval": card.sm2.interval,
        "easiness": card.sm2.easiness_hundredths,
        "reps": card.reps,
        "lapses": card.lapses,
        "buried_until": card.buried_until,
        "drill_day": card.drill_day,
        "drill_due_ms": card.drill_due_ms,
        "created_ms": card.created_ms,
        "modified_ms": card.modified_ms,
    }


def log_from_row(row: Row) -> ReviewLog:
    return ReviewLog(
        id=row["id"],
        card_id=row["card_id"],
        time_ms=row["time_ms"],
        day=row["day"],
        grade=row["grade"],
        kind=ReviewKind(row["kind"]),
        before=_sm2(row["reps_before"], row["interval_before"], row["easiness_before"]),
        after=_sm2(row["reps_after"], row["interval_after"], row["easiness_after"]),
        due_after=row["due_after"],
        duration_ms=row["duration_ms"],
        typed=row.get("typed"),
        suggested=row.get("suggested"),
    )


def log_to_row(log: ReviewLog) -> dict[str, Any]:
    return {
        "card_id": log.card_id,
        "time_ms": log.time_ms,
        "day": log.day,
        "grade": log.grade,
        "kind": int(log.kind),
        "reps_before": log.before.repetitions,
        "interval_before": log.before.interval,
        "easiness_before": log.before.easiness_hundredths,
        "reps_after": log.after.repetitions,
        "interval_after": log.after.interval,
        "easiness_after": log.after.easiness_hundredths,
        "due_after": log.due_after,
        "duration_ms": log.duration_ms,
        "typed": log.typed,
        "suggested": log.suggested,
    }


_JSON_STRING: Callable[[str], str] = json.encoder.encode_basestring
"""A str as a JSON string literal, as json.dumps(..., ensure_ascii=False) writes it."""


def split_tags(stored: str) -> tuple[str, ...]:
    return tuple(stored.split())


def join_tags(tags: Iterable[str]) -> str:
    """Tags are stored space-wrapped (' a b ') so one tag matches `LIKE '% a %'`."""
    unique = sorted({t for t in tags if t}, key=str.casefold)
    return f" {' '.join(unique)} " if unique else ""


def fields_json_many(notes: Sequence[str]) -> list[str]:
    """Each note's fields, given joined by U+001F (Anki's `flds`), as the JSON text
    notes.fields holds: json.dumps(fields, ensure_ascii=False), for many at once.

    All notes are escaped as one JSON string, notes joined by U+001E: then each
    \\u001f is a field boundary and each \\u001e a note boundary, once the
    escaped backslashes (\\\\) are set aside as U+0001, which the escaping
    never leaves raw. Notes that hold U+001E themselves go one at a time.
    """
    if not notes:
        return []
    blob = "\x1e".join(notes)
    if blob.count("\x1e") != len(notes) - 1:
        return [json.dumps(n.split("\x1f"), ensure_ascii=False) for n in notes]
    text = _JSON_STRING(blob).replace("\\\\", "\x01")
    text = text.replace("\\u001f", '", "').replace("\\u001e", '"]\x02["').replace("\x01", "\\\\")
    return f"[{text}]".split("\x02")


def note_from_row(row: Row) -> Note:
    return Note(
        id=row["id"],
        guid=row["guid"],
        notetype_id=row["notetype_id"],
        fields=tuple(json.loads(row["fields"])),
        tags=split_tags(row["tags"]),
        created_ms=row["created_ms"],
        modified_ms=row["modified_ms"],
    )


def notetype_from_row(row: Row) -> NoteType:
    return NoteType(
        id=row["id"],
        name=row["name"],
        kind=NoteKind(row["kind"]),
        fields=tuple(json.loads(row["fields"])),
        templates=tuple(Template.from_dict(t) for t in json.loads(row["templates"])),
        css=row["css"],
        sort_field=row["sort_field"],
    )


def notetype_to_row(notetype: NoteType) -> dict[str, Any]:
    return {
        "name": notetype.name,
        "kind": int(notetype.kind),
        "fields": json.dumps(list(notetype.fields), ensure_ascii=False),
        "templates": json.dumps([t.to_dict() for t in notetype.templates], ensure_ascii=False),
        "css": notetype.css,
        "sort_field": notetype.sort_field,
    }


def deck_from_row(row: Row) -> Deck:
    return Deck(
        id=row["id"],
        name=row["name"],
        options=DeckOptions(
            new_per_day=row["new_per_day"],
            reviews_per_day=row["reviews_per_day"],
            leech_suspend=bool(row["leech_suspend"]),
            type_answer=bool(row.get("type_answer", 0)),
        ),
    )
