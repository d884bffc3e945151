"""Our collection rows → Anki's schema-11 rows and JSON, for a `.apkg` that current Anki imports.

SM-2 easiness becomes Anki's ease ×1000 (permille), our due day becomes a day
number relative to the `crt` we write (the start of today's study day), grades
0–2 / 3 / 4 / 5 become Again / Hard / Good / Easy. Ids are stable for the same
collection, and note-type and deck ids are derived from their content and
names, so importing two exports of the same notes into Anki adds nothing twice.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flashcards.core.models import Deck, DeckOptions, NoteKind, NoteType
from flashcards.core.notetypes import BASIC
from flashcards.core.textbatch import strip_html_many

__all__ = [
    "GRADE_TO_ANKI_EASE",
    "UPDATE_NOTICE",
    "AnkiHeader",
    "UpdateNotice",
    "anki_header",
    "checksum",
    "checksums",
    "stable_id",
    "update_notice",
]

GRADE_TO_ANKI_EASE = (1, 1, 1, 2, 3, 4)
"""SM-2 grade 0–5 → Anki's answer button (1 Again, 2 Hard, 3 Good, 4 Easy)."""
UPDATE_NOTICE = (
    "Please update to the latest Anki version, then import the .colpkg/.apkg file again.",
    "최신 버전의 Anki로 업데이트한 다음 .apkg 파일을 다시 가져오세요.",
)
"""The note an Anki too old for a current package imports instead (Anki's own
English text on the front, Korean on the back)."""
_LATEX_PRE = (
    "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n"
    "\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n"
    "\\setlength{\\parindent}{0in}\n\\begin{document}\n"
)


def stable_id(*parts: str) -> int:
    """A positive id in Anki's millisecond range, the same for the same text."""
    digest = hashlib.sha1("\x1f".join(parts).encode()).digest()
    return 1_000_000_000_000 + int.from_bytes(digest[:5], "big") % 900_000_000_000


def _notetype_id(nt: NoteType) -> int:
    parts = [t.name + t.front + t.back for t in nt.templates]
    return stable_id("notetype", nt.name, *nt.fields, *parts)


def _model(nt: NoteType, mid: int, mod: int) -> dict[str, Any]:
    cloze = nt.kind == NoteKind.CLOZE
    return {
        "id": mid,
        "name": nt.name,
        "type": 1 if cloze else 0,
        "mod": mod,
        "usn": 0,
        "sortf": nt.sort_field,
        "did": None,
        "tmpls": [
            {
                "name": t.name,
                "ord": i,
                "qfmt": t.front,
                "afmt": t.back,
                "bqfmt": "",
                "bafmt": "",
                "did": None,
                "bfont": "",
                "bsize": 0,
            }
            for i, t in enumerate(nt.templates)
        ],
        "flds": [
            {
                "name": f,
                "ord": i,
                "sticky": False,
                "rtl": False,
                "font": "Arial",
                "size": 20,
                "media": [],
            }
            for i, f in enumerate(nt.fields)
        ],
        "css": nt.css,
        "latexPre": _LATEX_PRE,
        "latexPost": "\\end{document}",
        "latexsvg": False,
        "req": [[i, "any", [0]] for i in range(len(nt.templates))],
        "tags": [],
        "vers": [],
    }


def _dconf(conf_id: int, options: DeckOptions) -> dict[str, Any]:
    return {
        "id": conf_id,
        "mod": 0,
        "name": "Default" if conf_id == 1 else f"Options {conf_id}",
        "usn": 0,
        "maxTaken": 60,
        "autoplay": True,
        "timer": 0,
        "replayq": True,
        "dyn": False,
        "new": {
            "bury": False,
            "delays": [1.0, 10.0],
            "initialFactor": 2500,
            "ints": [1, 4, 0],
            "order": 1,
            "perDay": options.new_per_day,
        },
        "rev": {
            "bury": False,
            "ease4": 1.3,
            "ivlFct": 1.0,
            "maxIvl": 36500,
            "perDay": options.reviews_per_day,
            "hardFactor": 1.2,
        },
        "lapse": {
            "delays": [10.0],
            "leechAction": 0 if options.leech_suspend else 1,
            "leechFails": 8,
            "minInt": 1,
            "mult": 0.0,
        },
    }


def _deck(did: int, name: str, conf_id: int, mod: int) -> dict[str, Any]:
    return {
        "id": did,
        "mod": mod,
        "name": name,
        "usn": 0,
        "lrnToday": [0, 0],
        "revToday": [0, 0],
        "newToday": [0, 0],
        "timeToday": [0, 0],
        "collapsed": False,
        "browserCollapsed": False,
        "desc": "",
        "dyn": 0,
        "conf": conf_id,
        "extendNew": 0,
        "extendRev": 0,
    }


def deck_ids(decks: Sequence[Deck]) -> dict[int, int]:
    """Our deck id → Anki deck id (Default is Anki's 1; others derive from the name)."""
    return {d.id: 1 if d.name == "Default" else stable_id("deck", d.name) for d in decks}


def _col_json(
    decks: Sequence[Deck], notetypes: Sequence[NoteType], mids: dict[int, int], mod: int
) -> tuple[str, str, str]:
    dids = deck_ids(decks)
    confs: dict[DeckOptions, int] = {DeckOptions(): 1}
    deck_json = {"1": _deck(1, "Default", 1, 0)}
    for deck in decks:
        conf_id = confs.setdefault(deck.options, len(confs) + 1)
        deck_json[str(dids[deck.id])] = _deck(dids[deck.id], deck.name, conf_id, mod)
    models = {str(mids[nt.id]): _model(nt, mids[nt.id], mod) for nt in notetypes}
    dconf = {str(i): _dconf(i, options) for options, i in confs.items()}
    return (
        json.dumps(models, ensure_ascii=False),
        json.dumps(deck_json, ensure_ascii=False),
        json.dumps(dconf),
    )


@dataclass(frozen=True)
class AnkiHeader:
    """The col row of the package's collection and how our ids map onto Anki's."""

    col_row: tuple[object, ...]
    """(crt, mod, scm, conf, models, decks, dconf), JSON texts as Anki keeps them."""
    mids: dict[int, int]
    """Our note type id → Anki's."""
    dids: dict[int, int]
    """Our deck id → Anki's."""


def anki_header(
    *, crt: int, now_ms: int, decks: Sequence[Deck], notetypes: Sequence[NoteType]
) -> AnkiHeader:
    """Anki's col row (note types, decks, options as JSON) and the id mappings."""
    mod = now_ms // 1000
    mids = {nt.id: _notetype_id(nt) for nt in notetypes}
    models, deck_json, dconf = _col_json(decks, notetypes, mids, mod)
    conf = json.dumps(
        {
            "schedVer": 2,
            "sched2021": True,
            "nextPos": 1,
            "curDeck": 1,
            "activeDecks": [1],
        }
    )
    col_row = (crt, now_ms, now_ms, conf, models, deck_json, dconf)
    return AnkiHeader(col_row, mids, deck_ids(decks))


def checksum(first_field: str | None) -> int:
    """Anki's `csum` of a note: the first 4 bytes of the SHA-1 of its plain first field."""
    return checksums([first_field or ""])[0]


def checksums(first_fields: Sequence[str]) -> list[int]:
    """`checksum` of each first field; the HTML is stripped for all of them at once."""
    sha1, from_bytes = hashlib.sha1, int.from_bytes
    return [from_bytes(sha1(p.encode()).digest()[:4], "big") for p in strip_html_many(first_fields)]


@dataclass(frozen=True)
class UpdateNotice:
    """The rows of the dummy `collection.anki2` that current packages carry."""

    col_row: tuple[object, ...]
    note: tuple[object, ...]
    """A whole schema-11 notes row."""
    card: tuple[object, ...]
    """A whole schema-11 cards row: new, in the Default deck."""


def update_notice(*, crt: int, now_ms: int) -> UpdateNotice:
    """One Basic note holding UPDATE_NOTICE, as Anki writes it into current packages
    for clients too old to read them. Its guid is fixed, so it never adds twice."""
    header = anki_header(crt=crt, now_ms=now_ms, decks=(), notetypes=(BASIC,))
    mod = now_ms // 1000
    front = UPDATE_NOTICE[0]
    guid = f"fc{stable_id('update notice'):x}"
    note = (now_ms, guid, header.mids[BASIC.id], mod, 0, "", "\x1f".join(UPDATE_NOTICE), front,
            checksum(front), 0, "")  # fmt: skip
    card = (now_ms, now_ms, 1, 0, mod, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, "")
    return UpdateNotice(header.col_row, note, card)
