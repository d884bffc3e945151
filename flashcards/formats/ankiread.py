"""Anki's collection rows → a Package: note types, decks, notes, scheduling, review log.

Scheduling is converted to SM-2 as docs/interop.md describes: review cards keep
interval, ease ÷ 1000 (floor 1.3) and their due day (Anki counts days from the
collection's creation `crt`; we count from 1970); learning and relearning cards
become SM-2's "just failed" state (repetitions 0, interval 1) due on their
learning due day; suspended stays suspended and buried waits until tomorrow.
Anki's answers 1–4 become grades 1, 3, 4, 5. Each imported studied card's log
ends with a MANUAL entry carrying the imported state, so replaying the log
(our `check`) gives exactly the imported card.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo
from typing import Any, Protocol

from flashcards.core.clock import study_day
from flashcards.core.models import Deck, DeckOptions, NoteKind, NoteType, ReviewKind, Template
from flashcards.formats.package import CardRow, LogRow, MediaFile, NoteRow, Package
from flashcards.formats.protobuf import ProtobufError, decode, text_field, varint_field
from flashcards.formats.records import FormatError

__all__ = ["ANKI_EASE_TO_GRADE", "Calendar", "notetypes_and_decks", "package_from_anki"]

ANKI_EASE_TO_GRADE = {1: 1, 2: 3, 3: 4, 4: 5}
"""Anki's Again / Hard / Good / Easy as SM-2 grades."""
_PASS = 3
_DAY_SECONDS = 86_400


class AnkiRaw(Protocol):
    """An Anki collection's rows as storage/ankidb.py reads them (schema 11 or 18)."""

    crt: int
    models_json: str
    decks_json: str
    dconf_json: str
    notetypes: list[tuple[int, str, bytes]]
    fields: list[tuple[int, int, str]]
    templates: list[tuple[int, int, str, bytes]]
    decks: list[tuple[int, str, bytes]]
    deck_configs: list[tuple[int, bytes]]
    notes: list[tuple[int, str, int, int, str, str]]
    cards: list[tuple[int, ...]]
    revlog: list[tuple[int, ...]]


@dataclass(frozen=True)
class Calendar:
    """Where 'today' is for the importing collection."""

    tz: tzinfo
    rollover_hour: int
    today: int
    now_ms: int

    @property
    def day_shift(self) -> int | None:
        """A fixed UTC offset minus the rollover hour in whole seconds; None when the
        zone has daylight saving (or a fractional offset): then days need study_day."""
        if not isinstance(self.tz, timezone):
            return None
        offset = self.tz.utcoffset(None).total_seconds()
        return int(offset) - self.rollover_hour * 3600 if offset == int(offset) else None

    def day_of_seconds(self, seconds: float) -> int:
        if isinstance(self.tz, timezone):  # a fixed offset: plain arithmetic is exact
            offset = self.tz.utcoffset(None).total_seconds()
            return int((seconds + offset - self.rollover_hour * 3600) // _DAY_SECONDS)
        return study_day(datetime.fromtimestamp(seconds, self.tz), self.rollover_hour)


def _notetypes_legacy(models_json: str, source: str) -> list[NoteType]:
    try:
        models = json.loads(models_json or "{}")
        result = []
        for model in models.values():
            fields = tuple(f["name"] for f in sorted(model["flds"], key=lambda f: f["ord"]))
            templates = tuple(
                Template(t["name"], t["qfmt"], t["afmt"])
                for t in sorted(model["tmpls"], key=lambda t: t["ord"])
            )
            kind = NoteKind.CLOZE if model.get("type") == 1 else NoteKind.STANDARD
            result.append(
                NoteType(
                    int(model["id"]),
                    str(model["name"]),
                    kind,
                    fields,
                    templates,
                    str(model.get("css", "")),
                    int(model.get("sortf", 0)),
                )
            )
        return result
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise FormatError(
            source, "note types", f"Anki's note-type list is malformed ({exc})"
        ) from None


def _notetypes_modern(raw: AnkiRaw, source: str) -> list[NoteType]:
    fields: dict[int, list[str]] = {}
    for ntid, _, name in raw.fields:
        fields.setdefault(ntid, []).append(name)
    templates: dict[int, list[Template]] = {}
    result = []
    try:
        for ntid, _, name, config in raw.templates:
            conf = decode(config)
            templates.setdefault(ntid, []).append(
                Template(name, text_field(conf, 1), text_field(conf, 2))
            )
        for ntid, name, config in raw.notetypes:
            conf = decode(config)
            kind = NoteKind.CLOZE if varint_field(conf, 1) == 1 else NoteKind.STANDARD
            result.append(
                NoteType(
                    ntid,
                    name,
                    kind,
                    tuple(fields.get(ntid, ())),
                    tuple(templates.get(ntid, ())),
                    text_field(conf, 3),
                    varint_field(conf, 2),
                )
            )
    except (ProtobufError, UnicodeDecodeError) as exc:
        raise FormatError(
            source, "note types", f"a note type's settings are damaged ({exc})"
        ) from None
    return result


def _options_legacy(conf: dict[str, Any]) -> DeckOptions:
    return DeckOptions(
        new_per_day=max(0, int(conf.get("new", {}).get("perDay", 20))),
        reviews_per_day=max(0, int(conf.get("rev", {}).get("perDay", 200))),
        leech_suspend=int(conf.get("lapse", {}).get("leechAction", 1)) == 0,
    )


def _decks_legacy(raw: AnkiRaw, source: str) -> list[Deck]:
    """Normal decks; filtered decks are left out (their cards go home to `odid`)."""
    try:
        decks = json.loads(raw.decks_json or "{}")
        confs = {int(k): _options_legacy(v) for k, v in json.loads(raw.dconf_json or "{}").items()}
        result = []
        for deck in decks.values():
            if deck.get("dyn"):
                continue
            options = confs.get(int(deck.get("conf", 1)), DeckOptions())
            result.append(Deck(int(deck["id"]), str(deck["name"]), options))
        return result
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise FormatError(source, "decks", f"Anki's deck list is malformed ({exc})") from None


def _decks_modern(raw: AnkiRaw, source: str) -> list[Deck]:
    try:
        confs = {}
        for conf_id, blob in raw.deck_configs:
            conf = decode(blob)
            confs[conf_id] = DeckOptions(
                new_per_day=varint_field(conf, 9, 20),
                reviews_per_day=varint_field(conf, 10, 200),
                leech_suspend=varint_field(conf, 21, 0) == 0,
            )
        result = []
        for deck_id, name, kind in raw.decks:
            container = decode(kind)
            if 2 in container:
                continue
            normal = container.get(1, [b""])[-1]
            config_id = varint_field(decode(normal), 1, 1) if isinstance(normal, bytes) else 1
            result.append(
                Deck(deck_id, name.replace("\x1f", "::"), confs.get(config_id, DeckOptions()))
            )
        return result
    except ProtobufError as exc:
        raise FormatError(source, "decks", f"a deck's settings are damaged ({exc})") from None


def _ease_hundredths(factor: int) -> int:
    """Anki's ease (permille) as SM-2 easiness in hundredths, never below 1.3."""
    return max(130, round(factor / 10)) if factor > 0 else 250


def _convert_card(row: Sequence[int], crt_day: int, cal: Calendar) -> CardRow:
    cid, nid, did, ord_, mod, ctype, queue, due, ivl, factor, reps, lapses, odue, odid = row
    if odid:
        did, due = odid, odue or due
    ef = _ease_hundredths(factor)
    buried = cal.today + 1 if queue in (-2, -3) else 0
    suspended = queue == -1
    if ctype == 0:
        return (
            cid,
            nid,
            did,
            ord_,
            0,
            -1 if suspended else 0,
            due,
            0,
            0,
            250,
            reps,
            lapses,
            buried,
            None,
            None,
            cid,
            mod * 1000,
        )
    if ctype == 2:
        interval = max(1, ivl)
        repetitions = 1 if interval < 6 else 2
        day = crt_day + due
    else:  # learning (1) or relearning (3): SM-2 right after a failed grade
        interval, repetitions = 1, 0
        day = cal.day_of_seconds(due) if due > 1_000_000_000 else crt_day + due
    return (
        cid,
        nid,
        did,
        ord_,
        1,
        -1 if suspended else 1,
        day,
        repetitions,
        interval,
        ef,
        reps,
        lapses,
        buried,
        None,
        None,
        cid,
        mod * 1000,
    )


def _convert_log(
    rows: Sequence[Sequence[int]], studied: dict[int, CardRow], cal: Calendar
) -> list[LogRow]:
    """Anki's revlog → REVIEW (first answer of a day), DRILL (later ones) and MANUAL entries."""
    result: list[LogRow] = []
    last: tuple[int, int] = (0, -1)
    reps, ef = 0, 250
    for rid, cid, ease, ivl, last_ivl, factor, taken, _ in rows:
        if cid not in studied:
            continue
        day = cal.day_of_seconds(rid / 1000)
        if last[0] != cid:
            reps, ef = 0, 250
        before = (reps, max(0, last_ivl), ef)
        new_ef = _ease_hundredths(factor) if factor else ef
        interval = ivl if ivl > 0 else 1
        grade = ANKI_EASE_TO_GRADE.get(ease)
        if grade is None:
            kind, grade = ReviewKind.MANUAL, 0
        elif (cid, day) == last:
            kind = ReviewKind.DRILL
        else:
            kind = ReviewKind.REVIEW
            reps = reps + 1 if grade >= _PASS else 0
        ef = new_ef
        result.append(
            (
                *(cid, rid, day, grade, kind, *before, reps, interval, ef, day + interval),
                *(max(0, taken), None, None),
            )
        )
        last = (cid, day)
    for card in studied.values():
        state = (card[7], card[8], card[9])
        result.append(
            (
                *(card[0], cal.now_ms, cal.today, 0, ReviewKind.MANUAL, *state, *state),
                *(card[6], 0, None, None),
            )
        )
    return result


def notetypes_and_decks(raw: AnkiRaw, source: str) -> tuple[list[NoteType], list[Deck]]:
    """An Anki collection's note types and (normal) decks, schema 11 or 18."""
    if raw.notetypes:
        return _notetypes_modern(raw, source), _decks_modern(raw, source)
    return _notetypes_legacy(raw.models_json, source), _decks_legacy(raw, source)


def package_from_anki(raw: AnkiRaw, media: list[MediaFile], source: str, cal: Calendar) -> Package:
    """Convert an Anki collection's rows (schema 11 or 18) into a Package."""
    notetypes, decks = notetypes_and_decks(raw, source)
    crt_day = cal.day_of_seconds(raw.crt)
    notes: list[NoteRow] = [
        (nid, guid, mid, tuple(flds.split("\x1f")), tuple(tags.split()), nid, mod * 1000)
        for nid, guid, mid, mod, tags, flds in raw.notes
    ]
    templates = {nt.id: (nt.kind, len(nt.templates)) for nt in notetypes}
    note_types = {n[0]: n[2] for n in notes}
    cards: list[CardRow] = []
    seen: set[tuple[int, int]] = set()
    for row in raw.cards:
        kind, count = templates.get(note_types.get(row[1], -1), (None, 0))
        if kind is None or (kind == NoteKind.STANDARD and row[3] >= count) or row[3] < 0:
            continue
        if (row[1], row[3]) in seen:
            continue
        seen.add((row[1], row[3]))
        cards.append(_convert_card(row, crt_day, cal))
    studied = {c[0]: c for c in cards if c[4] == 1}
    revlog = _convert_log(raw.revlog, studied, cal)
    return Package(source, decks, notetypes, notes, cards, revlog, media, True)
