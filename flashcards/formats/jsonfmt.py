"""Our JSON format (docs/json-format.md): a lossless, versioned copy of a collection.

Reading validates the whole document before anything is imported: a wrong
format name or version, a missing or mistyped key, or a reference to an entry
that is not there is a FormatError naming the entry (`notes[3]`) and the key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from flashcards.core.models import Deck, DeckOptions, NoteKind, NoteType, Template
from flashcards.formats.apkgzip import check_media_name
from flashcards.formats.package import (
    CARD_FIELDS,
    LOG_FIELDS,
    CardRow,
    LogRow,
    MediaFile,
    NoteRow,
    Package,
)
from flashcards.formats.records import FormatError

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "read_json", "write_json"]

FORMAT_NAME = "flashcards"
FORMAT_VERSION = 1

Check = Callable[[Any], bool]


def _int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _nat(v: Any) -> bool:
    return _int(v) and v >= 0


def _opt_int(v: Any) -> bool:
    return v is None or _int(v)


def _str(v: Any) -> bool:
    return isinstance(v, str)


def _opt_str(v: Any) -> bool:
    return v is None or isinstance(v, str)


def _opt_grade(v: Any) -> bool:
    return v is None or (_int(v) and 0 <= v <= 5)


def _strs(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _ease(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and v >= 1.3


def _one_of(*values: int) -> Check:
    return lambda v: _int(v) and v in values


_DESCRIBE: dict[Check, str] = {
    _int: "a whole number",
    _nat: "a whole number ≥ 0",
    _opt_int: "a whole number or null",
    _str: "text",
    _opt_str: "text or null",
    _opt_grade: "a grade from 0 to 5 or null",
    _strs: "a list of texts",
    _ease: "a number ≥ 1.3",
}

_DECK = {"id": _int, "name": _str}
_OPTIONS = {
    "new_per_day": _nat,
    "reviews_per_day": _nat,
    "leech_suspend": lambda v: isinstance(v, bool),
}
_NOTETYPE = {
    "id": _int,
    "name": _str,
    "kind": _one_of(0, 1),
    "fields": _strs,
    "templates": lambda v: isinstance(v, list),
    "css": _str,
    "sort_field": _nat,
}
_TEMPLATE = {"name": _str, "front": _str, "back": _str}
_NOTE = {
    "id": _int,
    "guid": _str,
    "notetype_id": _int,
    "fields": _strs,
    "tags": _strs,
    "created_ms": _int,
    "modified_ms": _int,
}
_CARD: dict[str, Check] = dict.fromkeys(CARD_FIELDS, _int) | {
    "ord": _nat,
    "type": _one_of(0, 1),
    "queue": _one_of(-1, 0, 1),
    "repetitions": _nat,
    "interval": _nat,
    "easiness": _ease,
    "drill_day": _opt_int,
    "drill_due_ms": _opt_int,
}
_LOG: dict[str, Check] = (
    {"id": _int}
    | dict.fromkeys(LOG_FIELDS, _int)
    | {
        "grade": _one_of(0, 1, 2, 3, 4, 5),
        "kind": _one_of(0, 1, 2),
        "easiness_before": _ease,
        "easiness_after": _ease,
        "typed": _opt_str,
        "suggested": _opt_grade,
    }
)
_LOG_OPTIONAL = ("typed", "suggested")
"""Log keys a file may lack (files written before typed answers were kept): null."""
_MEDIA = {"name": _str, "size": _nat}


def _fail(source: str, where: str, reason: str) -> FormatError:
    return FormatError(source, where, reason)


def _entries(doc: dict[str, Any], key: str, shape: Mapping[str, Check], source: str) -> list[Any]:
    items = doc.get(key, [])
    if not isinstance(items, list):
        raise _fail(source, key, "must be a list")
    for index, item in enumerate(items):
        _check(item, shape, f"{key}[{index}]", source)
    return items


def _check(item: Any, shape: Mapping[str, Check], where: str, source: str) -> None:
    if not isinstance(item, dict):
        raise _fail(source, where, "must be an object")
    for name, check in shape.items():
        if name not in item and shape is _LOG and name in _LOG_OPTIONAL:
            continue
        if name not in item:
            raise _fail(source, where, f"lacks the key {name!r}")
        if not check(item[name]):
            wanted = _DESCRIBE.get(check, "one of the documented values")
            raise _fail(source, where, f"{name!r} must be {wanted}, not {item[name]!r}")


def _hundredths(value: float) -> int:
    return round(value * 100)


def _header(doc: Any, source: str) -> None:
    if not isinstance(doc, dict):
        raise _fail(source, "", "the JSON document is not an object")
    found = doc.get("format")
    if found != FORMAT_NAME:
        reason = (
            f'it has no "format": "{FORMAT_NAME}"'
            if found is None
            else f"its 'format' is {found!r}, not {FORMAT_NAME!r}"
        )
        raise _fail(source, "", f"not a flashcards JSON file ({reason})")
    version = doc.get("version")
    if version != FORMAT_VERSION:
        raise _fail(
            source, "", f"JSON format version {version!r} is not supported (this app reads 1)"
        )


def _notetypes(doc: dict[str, Any], source: str) -> list[NoteType]:
    result = []
    for index, item in enumerate(_entries(doc, "notetypes", _NOTETYPE, source)):
        for t_index, template in enumerate(item["templates"]):
            _check(template, _TEMPLATE, f"notetypes[{index}].templates[{t_index}]", source)
        result.append(
            NoteType(
                item["id"],
                item["name"],
                NoteKind(item["kind"]),
                tuple(item["fields"]),
                tuple(Template(t["name"], t["front"], t["back"]) for t in item["templates"]),
                item["css"],
                item["sort_field"],
            )
        )
    return result


def _decks(doc: dict[str, Any], source: str) -> list[Deck]:
    result = []
    for index, item in enumerate(_entries(doc, "decks", _DECK, source)):
        options = item.get("options", {})
        _check(options, _OPTIONS, f"decks[{index}].options", source)
        result.append(Deck(item["id"], item["name"], DeckOptions.from_dict(options)))
    return result


def _refs(items: list[Any], key: str, known: set[int], what: str, where: str, src: str) -> None:
    for index, item in enumerate(items):
        if item[key] not in known:
            raise _fail(src, f"{where}[{index}]", f"{key} {item[key]} names no {what}")


def _media_file(item: dict[str, Any], where: str, source: str) -> MediaFile:
    """A media entry; with `data` (base64) it carries the file, else only the name."""
    if "data" not in item:
        return MediaFile(item["name"], item["size"])
    try:
        data = base64.b64decode(item["data"], validate=True)
    except (binascii.Error, TypeError, ValueError):
        raise _fail(source, where, "'data' is not base64") from None
    if len(data) != item["size"]:
        raise _fail(source, where, f"'data' holds {len(data)} bytes, not {item['size']}")
    if "sha1" in item and hashlib.sha1(data).hexdigest() != item["sha1"]:
        raise _fail(source, where, "'data' does not match its 'sha1'")
    return MediaFile(item["name"], item["size"], lambda: data)


def read_json(text: str, source: str) -> Package:
    """Validate a flashcards JSON document and return its contents."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(source, f"line {exc.lineno}", f"invalid JSON ({exc.msg})") from None
    except RecursionError:
        raise _fail(source, "", "invalid JSON (nested too deeply)") from None
    except ValueError as exc:  # e.g. a number with thousands of digits
        raise _fail(source, "", f"invalid JSON ({exc})") from None
    _header(doc, source)
    notetypes, decks = _notetypes(doc, source), _decks(doc, source)
    notes = _entries(doc, "notes", _NOTE, source)
    cards = _entries(doc, "cards", _CARD, source)
    logs = _entries(doc, "revlog", _LOG, source)
    media = _entries(doc, "media", _MEDIA, source)
    _refs(notes, "notetype_id", {nt.id for nt in notetypes}, "note type", "notes", source)
    _refs(cards, "note_id", {n["id"] for n in notes}, "note", "cards", source)
    _refs(cards, "deck_id", {d.id for d in decks}, "deck", "cards", source)
    _refs(logs, "card_id", {c["id"] for c in cards}, "card", "revlog", source)
    for index, item in enumerate(media):
        problem = check_media_name(item["name"])
        if problem:
            raise _fail(source, f"media[{index}]", f"the name {item['name']!r} {problem}")
    note_rows: list[NoteRow] = [
        (
            n["id"],
            n["guid"],
            n["notetype_id"],
            tuple(n["fields"]),
            tuple(n["tags"]),
            n["created_ms"],
            n["modified_ms"],
        )
        for n in notes
    ]
    card_rows: list[CardRow] = [
        tuple(_hundredths(c[k]) if k == "easiness" else c[k] for k in CARD_FIELDS)  # type: ignore[misc]
        for c in cards
    ]
    log_rows: list[LogRow] = [
        tuple(_hundredths(g[k]) if k.startswith("easiness") else g.get(k) for k in LOG_FIELDS)  # type: ignore[misc]
        for g in sorted(logs, key=lambda g: g["id"])
    ]
    refs = [_media_file(item, f"media[{i}]", source) for i, item in enumerate(media)]
    return Package(source, decks, notetypes, note_rows, card_rows, log_rows, refs, False)


def write_json(
    *,
    exported_ms: int,
    rollover_hour: int,
    decks: Sequence[Deck],
    notetypes: Sequence[NoteType],
    notes: Sequence[dict[str, Any]],
    cards: Sequence[dict[str, Any]],
    revlog: Sequence[dict[str, Any]],
    media: Sequence[dict[str, Any]],
) -> str:
    """The JSON document (version 1) for a collection's parts, as dicts per docs."""
    doc = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_ms": exported_ms,
        "rollover_hour": rollover_hour,
        "decks": [d.to_dict() for d in decks],
        "notetypes": [nt.to_dict() for nt in notetypes],
        "notes": list(notes),
        "cards": list(cards),
        "revlog": list(revlog),
        "media": list(media),
    }
    return json.dumps(doc, ensure_ascii=False, indent=1)
