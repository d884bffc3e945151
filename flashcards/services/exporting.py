"""Exporting a deck (with its subdecks) or the whole collection, by extension.

`.csv` / `.tsv` / `.txt`: Anki's text format with headers (notes only);
`.json`: our lossless format; `.apkg`: a package in Anki's current format (or
the legacy one), with scheduling, review log and media. The file is written
beside its target and moved into place, so a failed export leaves no
half-written file.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import secrets
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flashcards.core.clock import day_start, to_ms
from flashcards.core.models import Deck, NoteType
from flashcards.formats.ankitext import write_text
from flashcards.formats.ankiwrite import anki_header, checksums, update_notice
from flashcards.formats.apkgwrite import write_apkg
from flashcards.formats.apkgzip import check_media_name
from flashcards.formats.jsonfmt import write_json
from flashcards.formats.package import CARD_FIELDS, LOG_FIELDS
from flashcards.formats.records import NoteRecord
from flashcards.services.bulkimport import Progress
from flashcards.services.errors import FlashcardsError
from flashcards.storage.ankidb import create_anki_collection
from flashcards.storage.ankiexport import AnkiTarget, export_anki_collection, export_scope
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
    legacy: bool = False
    """`.apkg`: the legacy format (`collection.anki21`) that older Anki versions read
    too, instead of the current one (zstd-compressed `collection.anki21b`); Anki's
    "Support older Anki versions"."""
    progress: Progress | None = None


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    notes: int
    cards: int
    reviews: int
    """Review-log entries written (an `.apkg` holds the graded answers only)."""
    media: int
    notes_only: bool = False
    """A text file: it carries the notes, not their cards' schedules, log or media."""

    def __str__(self) -> str:
        if self.notes_only:
            return f"{self.notes} notes (a text file: no scheduling, review log or media)"
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


def _select(col: Collection, deck: str | None) -> _Selection:
    """What to export as text or JSON."""
    ids = _deck_ids(col, deck)
    decks = col.decks() if ids is None else [d for d in col.decks() if d.id in ids]
    bulk = col.store.bulk
    notes = bulk.export_notes(ids)
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


def _text(col: Collection, deck: str | None, separator: str) -> tuple[str, int]:
    """The notes as Anki's text format (nothing of their cards but each note's deck),
    and how many there are."""
    ids = _deck_ids(col, deck)
    rows = col.store.bulk.export_notes_with_deck(ids)
    types = {nt.id: nt.name for nt in col.notetypes()}
    deck_names = {d.id: d.name for d in col.decks()}
    # One JSON parse for every note's fields: per-note calls cost more than the parsing.
    fields: list[list[str]] = json.loads("[" + ",".join(str(r[3]) for r in rows) + "]")
    records = [
        NoteRecord(types[n[2]], tuple(f), split_tags(n[4]), deck_names.get(n[5]), n[1])
        for n, f in zip(rows, fields, strict=True)
    ]
    return write_text(records, separator=separator), len(records)


def _json(col: Collection, sel: _Selection) -> tuple[str, int]:
    """The JSON document, and how many media files it embeds."""
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
    text = write_json(
        exported_ms=col.now_ms(),
        rollover_hour=col.rollover_hour,
        decks=sel.decks,
        notetypes=sel.notetypes,
        notes=notes,
        cards=cards,
        revlog=logs,
        media=media,
    )
    return text, len(media)


def _deck_ids(col: Collection, deck: str | None) -> list[int] | None:
    """The deck and its subdecks (None: everything)."""
    if deck is None:
        return None
    root = col.deck(deck).name
    return [d.id for d in col.decks() if d.name == root or d.name.startswith(root + "::")]


def _apkg(col: Collection, out: Path, options: ExportOptions, progress: Progress) -> ExportSummary:
    """Anki's collection written from ours in SQL (storage/ankiexport.py), then zipped."""
    ids = _deck_ids(col, options.deck)
    decks = col.decks() if ids is None else [d for d in col.decks() if d.id in ids]
    scope = export_scope(col.store.db, ids)
    progress(0, scope.notes)
    today = col.today()
    crt = to_ms(day_start(today, col.now().tzinfo, col.rollover_hour)) // 1000
    notetypes = [nt for nt in col.notetypes() if nt.id in scope.notetypes]
    header = anki_header(crt=crt, now_ms=col.now_ms(), decks=decks, notetypes=notetypes)
    target = AnkiTarget(
        header.col_row, header.mids, header.dids, today, today, options.scheduling, checksums
    )
    with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
        collection, notice = Path(tmp) / "collection", Path(tmp) / "notice"
        written = export_anki_collection(col.store.db, collection, target, ids)
        dummy = update_notice(crt=crt, now_ms=col.now_ms())
        create_anki_collection(notice, dummy.col_row, notes=[dummy.note], cards=[dummy.card])
        media = _media_names(written.media_texts, col.media_dir) if options.media else []
        pairs: Iterator[tuple[str, Path]] = ((n, col.media_dir / n) for n in media)
        count = write_apkg(out, collection, notice, pairs, legacy=options.legacy)
    # The graded answers written (MANUAL entries are no answers and stay behind).
    return ExportSummary(out, scope.notes, scope.cards, written.reviews, count)


def _new_file(folder: Path, suffix: str) -> Path:
    """A new empty file in `folder` to write the export into. Unlike mkstemp's private
    (0600) files, it is an ordinary file: 0666 less the process's umask."""
    while True:
        path = folder / f".export-{secrets.token_hex(6)}{suffix}"
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return path


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
    try:
        tmp = _new_file(path.parent, suffix)
    except OSError as exc:
        raise FlashcardsError(f"{path}: cannot be written ({exc.strerror})") from None
    try:
        if suffix == ".apkg":
            summary = _apkg(col, tmp, options, progress)
        elif suffix == ".json":
            sel = _select(col, options.deck)
            progress(0, len(sel.notes))
            text, media = _json(col, sel)
            summary = ExportSummary(path, len(sel.notes), len(sel.cards), len(sel.logs), media)
            tmp.write_text(text, encoding="utf-8")
        else:
            text, notes = _text(col, options.deck, "," if suffix == ".csv" else "\t")
            summary = ExportSummary(path, notes, 0, 0, 0, notes_only=True)
            tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise FlashcardsError(f"{path}: cannot be written ({exc.strerror})") from None
    finally:
        tmp.unlink(missing_ok=True)
    progress(summary.notes, summary.notes)
    return replace(summary, path=path)
