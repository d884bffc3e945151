"""Exporting a deck (with its subdecks) or the whole collection, by extension.

`.csv` / `.tsv` / `.txt`: Anki's text format with headers (notes only);
`.json`: our lossless format; `.apkg`: a package current Anki imports, with
scheduling, review log and media. The file is written beside its target and
moved into place, so a failed export leaves no half-written file.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flashcards.core.clock import day_start, to_ms
from flashcards.core.models import Deck, NoteType
from flashcards.formats.ankitext import write_text
from flashcards.formats.ankiwrite import anki_rows
from flashcards.formats.apkgzip import check_media_name, write_apkg
from flashcards.formats.jsonfmt import write_json
from flashcards.formats.package import CARD_FIELDS, LOG_FIELDS
from flashcards.formats.records import NoteRecord
from flashcards.services.bulkimport import Progress
from flashcards.services.errors import FlashcardsError
from flashcards.storage.ankidb import write_anki_collection
from flashcards.storage.rows import split_tags

if TYPE_CHECKING:
    from flashcards.services.collection import Collection

__all__ = ["EXPORT_SUFFIXES", "ExportOptions", "ExportSummary", "export_file"]

EXPORT_SUFFIXES = (".csv", ".tsv", ".txt", ".json", ".apkg")
_MEDIA_RE = re.compile(r"""<img[^>]*?\ssrc=["']?([^"'>\s]+)|\[sound:([^\]]+)\]""", re.IGNORECASE)


@dataclass(frozen=True)
class ExportOptions:
    deck: str | None = None
    """Export this deck and its subdecks (None: everything)."""
    scheduling: bool = True
    """`.apkg`: include scheduling and review log (else cards export as new)."""
    media: bool = True
    """`.apkg`: include the media files the notes use."""
    progress: Progress | None = None


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    notes: int
    cards: int
    reviews: int
    media: int

    def __str__(self) -> str:
        return (
            f"{self.notes} notes, {self.cards} cards, {self.reviews} reviews, "
            f"{self.media} media files"
        )


@dataclass
class _Selection:
    decks: list[Deck]
    notetypes: list[NoteType]
    notes: list[tuple[Any, ...]]
    cards: list[tuple[Any, ...]]
    logs: list[tuple[Any, ...]]


def _select(col: Collection, deck: str | None, *, joined: bool = False) -> _Selection:
    """What to export; `joined`: notes as BulkRepo.export_notes_joined (for `.apkg`)."""
    decks = col.decks()
    if deck is not None:
        root = col.deck(deck).name
        decks = [d for d in decks if d.name == root or d.name.startswith(root + "::")]
    ids = None if deck is None else [d.id for d in decks]
    bulk = col.store.bulk
    notes = bulk.export_notes_joined(ids) if joined else bulk.export_notes(ids)
    used = {n[2] for n in notes}
    notetypes = [nt for nt in col.notetypes() if nt.id in used]
    return _Selection(decks, notetypes, notes, bulk.export_cards(ids), bulk.export_logs(ids))


def _media_names(texts: Iterable[str], media_dir: Path) -> list[str]:
    """Media files (present in the media folder) that the notes' field texts use."""
    names: set[str] = set()
    for text in texts:
        if "<img" in text or "[sound:" in text:
            for match in _MEDIA_RE.finditer(text):
                names.add(match.group(1) or match.group(2))
    return sorted(n for n in names if not check_media_name(n) and (media_dir / n).is_file())


def _text(col: Collection, sel: _Selection, separator: str) -> str:
    types = {nt.id: nt.name for nt in sel.notetypes}
    deck_names = {d.id: d.name for d in sel.decks}
    first_deck: dict[int, int] = {}
    for card in sel.cards:
        if card[1] not in first_deck or card[3] == 0:
            first_deck[card[1]] = card[2]
    records = [
        NoteRecord(
            types[n[2]],
            tuple(json.loads(n[3])),
            split_tags(n[4]),
            deck_names.get(first_deck.get(n[0], -1)),
            n[1],
        )
        for n in sel.notes
    ]
    return write_text(records, separator=separator)


def _json(col: Collection, sel: _Selection) -> str:
    notes = [
        {
            "id": n[0],
            "guid": n[1],
            "notetype_id": n[2],
            "fields": json.loads(n[3]),
            "tags": list(split_tags(n[4])),
            "created_ms": n[5],
            "modified_ms": n[6],
        }
        for n in sel.notes
    ]
    cards = [dict(zip(CARD_FIELDS, c, strict=True)) for c in sel.cards]
    for card in cards:
        card["easiness"] = card["easiness"] / 100
    logs = []
    for index, log in enumerate(sel.logs):
        entry: dict[str, Any] = {"id": index + 1} | dict(zip(LOG_FIELDS, log, strict=True))
        entry["easiness_before"] /= 100
        entry["easiness_after"] /= 100
        logs.append(entry)
    media = []
    texts = (" ".join(json.loads(n[3])) for n in sel.notes)
    for name in _media_names(texts, col.media_dir):
        data = (col.media_dir / name).read_bytes()
        media.append(
            {
                "name": name,
                "size": len(data),
                "sha1": hashlib.sha1(data).hexdigest(),
                "data": base64.b64encode(data).decode("ascii"),
            }
        )
    return write_json(
        exported_ms=col.now_ms(),
        rollover_hour=col.rollover_hour,
        decks=sel.decks,
        notetypes=sel.notetypes,
        notes=notes,
        cards=cards,
        revlog=logs,
        media=media,
    )


def _apkg(col: Collection, sel: _Selection, out: Path, options: ExportOptions) -> int:
    today = col.today()
    crt = to_ms(day_start(today, col.now().tzinfo, col.rollover_hour)) // 1000
    notes = sel.notes
    rows = anki_rows(
        crt=crt,
        crt_day=today,
        today=today,
        now_ms=col.now_ms(),
        decks=sel.decks,
        notetypes=sel.notetypes,
        notes=notes,
        cards=sel.cards,
        logs=sel.logs,
        scheduling=options.scheduling,
    )
    media = _media_names((str(n[3] or "") for n in notes), col.media_dir) if options.media else []
    with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
        collection = Path(tmp) / "collection.anki21"
        write_anki_collection(collection, rows.col_row, rows.notes, rows.cards, rows.revlog)
        pairs: Iterator[tuple[str, Path]] = ((n, col.media_dir / n) for n in media)
        return write_apkg(out, collection, pairs)


def export_file(col: Collection, path: Path, options: ExportOptions | None = None) -> ExportSummary:
    """Write the deck (or everything) to `path`; the format follows the extension."""
    options = options or ExportOptions()
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise FlashcardsError(
            f"{path.name}: cannot export to {suffix or 'files without an extension'} "
            f"(use {', '.join(EXPORT_SUFFIXES)})"
        )
    if not path.parent.is_dir():
        raise FlashcardsError(f"{path}: the folder {path.parent} does not exist")
    progress = options.progress or (lambda done, total: None)
    sel = _select(col, options.deck, joined=suffix == ".apkg")
    total = len(sel.notes)
    progress(0, total)
    fd, tmp_name = tempfile.mkstemp(prefix=".export-", suffix=suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    media = 0
    try:
        if suffix == ".apkg":
            media = _apkg(col, sel, tmp, options)
        else:
            text = (
                _json(col, sel)
                if suffix == ".json"
                else _text(col, sel, "," if suffix == ".csv" else "\t")
            )
            tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise FlashcardsError(f"{path}: cannot be written ({exc.strerror})") from None
    finally:
        tmp.unlink(missing_ok=True)
    progress(total, total)
    reviews = len(sel.logs) if suffix != ".apkg" or options.scheduling else 0
    return ExportSummary(path, len(sel.notes), len(sel.cards), reviews, media)
