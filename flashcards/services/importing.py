"""Importing files into a collection, by extension: preview first, then one transaction.

`preview(col, path)` tells an import dialog what the file holds (format,
encoding, separator, headers, first rows, suggested field mapping, target deck
and note type); `import_file(col, path, options=...)` imports it with a field
mapping, target deck, duplicate policy and progress callback. A bad file
raises ImportFormatError naming the file, entry and reason, and changes nothing.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from flashcards.formats.ankiread import Calendar, package_from_anki
from flashcards.formats.ankitext import TextTable, read_table, records_from_table
from flashcards.formats.apkgzip import ApkgArchive
from flashcards.formats.jsonfmt import read_json
from flashcards.formats.markdown import MarkdownNotes, convert_markdown, decode_notes
from flashcards.formats.package import Package
from flashcards.formats.records import FormatError
from flashcards.formats.textenc import decode_text
from flashcards.services.apkgimport import ApkgSource, import_collection
from flashcards.services.backups import create_backup, prune_backups
from flashcards.services.bulkimport import DuplicatePolicy, Progress
from flashcards.services.errors import ImportFormatError, require_file
from flashcards.services.notes import ImportSummary
from flashcards.storage.ankidb import AnkiDbError, read_anki_collection

if TYPE_CHECKING:
    from flashcards.services.collection import Collection

__all__ = [
    "IMPORT_SUFFIXES",
    "MARKDOWN_SUFFIXES",
    "TEXT_SUFFIXES",
    "ImportOptions",
    "ImportPreview",
    "generate_notes",
    "import_file",
    "preview",
]

TEXT_SUFFIXES = (".txt", ".csv", ".tsv")
MARKDOWN_SUFFIXES = (".md", ".markdown")
IMPORT_SUFFIXES = (*TEXT_SUFFIXES, ".json", ".apkg", *MARKDOWN_SUFFIXES)


@dataclass(frozen=True)
class ImportOptions:
    """How to import a file. Every field has a sensible default."""

    deck: str | None = None
    """Put every imported card in this deck (None: the file's decks, else Default)."""
    notetype: str | None = None
    """Text files: the note type of rows that name none (default Basic)."""
    field_columns: Sequence[int | None] | None = None
    """Text files: for each note field in order, the 0-based column it comes from (None: empty)."""
    duplicates: DuplicatePolicy = DuplicatePolicy.UPDATE
    progress: Progress | None = None


@dataclass(frozen=True)
class ImportPreview:
    """What a file holds, for an import dialog."""

    path: Path
    format: str
    """"text", "json", "apkg" or "markdown"."""
    note_count: int
    encoding: str | None = None
    separator: str | None = None
    html: bool | None = None
    headers: dict[str, str] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    column_count: int = 0
    notetype: str | None = None
    deck: str | None = None
    field_columns: list[int | None] = field(default_factory=list)
    notetypes: list[str] = field(default_factory=list)
    decks: list[str] = field(default_factory=list)
    cards: int = 0
    reviews: int = 0
    media: int = 0
    skipped: list[str] = field(default_factory=list)
    """Markdown: the lines that make no card, and why ("line 5: empty item")."""


def _check_path(path: Path) -> str:
    require_file(path)
    suffix = path.suffix.lower()
    if suffix not in IMPORT_SUFFIXES:
        kind = f"{suffix} files" if suffix else "a file without an extension"
        raise ImportFormatError(
            f"{path.name}: cannot import {kind} (use {', '.join(IMPORT_SUFFIXES)})"
        )
    return suffix


def _read_text(path: Path) -> tuple[str, str]:
    try:
        return decode_text(path.read_bytes(), path.name)
    except OSError as exc:
        raise ImportFormatError(f"{path.name}: cannot be read ({exc.strerror})") from None


@contextmanager
def _format_errors() -> Iterator[None]:
    try:
        yield
    except FormatError as exc:
        raise ImportFormatError(str(exc)) from None


def _text_table(path: Path) -> tuple[TextTable, str]:
    text, encoding = _read_text(path)
    table = read_table(text, path.name)
    if not table.rows:
        raise ImportFormatError(f"{path.name}: the file has no notes")
    return table, encoding


def generate_notes(path: Path, *, root: str | None = None) -> MarkdownNotes:
    """Note records from a Markdown notes file; `root` names the root deck."""
    require_file(path)
    try:
        return convert_markdown(decode_notes(path.read_bytes(), path.name), path.name, root=root)
    except FormatError as exc:
        raise ImportFormatError(str(exc)) from None
    except OSError as exc:
        raise ImportFormatError(f"{path.name}: cannot read the file ({exc.strerror})") from None


@contextmanager
def _apkg_package(col: Collection, path: Path) -> Iterator[Package]:
    """The package's contents; media stay readable until the block ends."""
    with ApkgArchive(path) as archive, tempfile.TemporaryDirectory() as tmp:
        try:
            raw = read_anki_collection(archive.extract_collection(Path(tmp)))
        except AnkiDbError as exc:
            raise ImportFormatError(f"{path.name}: {exc}") from None
        tz = col.now().tzinfo
        assert tz is not None  # the clock is always timezone-aware
        calendar = Calendar(tz, col.rollover_hour, col.today(), col.now_ms())
        yield package_from_anki(raw, archive.media_files, path.name, calendar)


def import_file(
    col: Collection,
    path: Path,
    *,
    deck: str | None = None,
    options: ImportOptions | None = None,
) -> ImportSummary:
    """Import `path` in one transaction; a bad file changes nothing.

    Once the file has been read, a collection that holds notes is backed up
    (reason "import") before anything is written; should the import then fail,
    that backup is removed again, so a failed import leaves the data directory
    exactly as it was.
    """
    options = options or ImportOptions(deck=deck)
    if deck is not None and options.deck is None:
        options = ImportOptions(
            deck, options.notetype, options.field_columns, options.duplicates, options.progress
        )
    path = Path(path)
    suffix = _check_path(path)
    with _format_errors():
        if suffix in TEXT_SUFFIXES:
            table, _ = _text_table(path)
            records = records_from_table(
                table, path.name, options.notetype or "Basic", options.field_columns
            )
            return _backed_up(
                col,
                lambda: col.import_records(
                    records,
                    source=path.name,
                    deck=options.deck,
                    policy=options.duplicates,
                    progress=options.progress,
                ),
            )
        if suffix in MARKDOWN_SUFFIXES:
            # For notes, the deck option names the root deck; headings stay subdecks.
            notes = generate_notes(path, root=options.deck)
            summary = _backed_up(
                col,
                lambda: col.import_records(
                    notes.records,
                    source=path.name,
                    policy=options.duplicates,
                    progress=options.progress,
                ),
            )
            summary.notes.extend(f"no card from {line}" for line in notes.skipped)
            return summary
        if suffix == ".json":
            text, _ = _read_text(path)
            package = read_json(text, path.name)
            return _backed_up(col, lambda: col.import_package(package, options))
        return _import_apkg(col, path, options)


def _import_apkg(col: Collection, path: Path, options: ImportOptions) -> ImportSummary:
    """Check and extract the package, then import it straight from its SQLite file."""
    from flashcards.services.collection import DEFAULT_DECK

    with ApkgArchive(path) as archive, tempfile.TemporaryDirectory() as tmp:
        collection = archive.extract_collection(Path(tmp))
        try:
            raw = read_anki_collection(collection, rows=False)
        except AnkiDbError as exc:
            raise ImportFormatError(f"{path.name}: {exc}") from None
        source = ApkgSource(path.name, collection, raw, archive.media_files)
        return _backed_up(
            col,
            lambda: import_collection(
                col,
                source,
                deck=options.deck,
                default_deck=DEFAULT_DECK,
                policy=options.duplicates,
                progress=options.progress,
            ),
        )


def _backed_up(col: Collection, write: Callable[[], ImportSummary]) -> ImportSummary:
    """Back up a collection that holds notes, then `write`; a failed write drops the backup."""
    if col.store.notes.count() == 0:
        return write()  # nothing to lose yet (a first import into a new collection)
    backup = create_backup(col, "import", prune=False)
    try:
        summary = write()
    except BaseException:
        backup.path.unlink(missing_ok=True)
        raise
    prune_backups(col.backups_dir)
    return summary


def preview(col: Collection, path: Path, rows: int = 5) -> ImportPreview:
    """What `path` holds and how it would be imported, without changing anything."""
    path = Path(path)
    suffix = _check_path(path)
    with _format_errors():
        if suffix in TEXT_SUFFIXES:
            table, encoding = _text_table(path)
            head = table.header
            return ImportPreview(
                path,
                "text",
                len(table.rows),
                encoding,
                table.separator,
                head.html,
                dict(head.raw),
                table.column_labels(),
                [c for _, c in table.rows[:rows]],
                table.column_count,
                head.notetype or (None if head.notetype_column else "Basic"),
                head.deck,
                list(table.default_field_columns()),
            )
        if suffix in MARKDOWN_SUFFIXES:
            notes = generate_notes(path)
            records = notes.records
            return ImportPreview(
                path,
                "markdown",
                len(records),
                "utf-8",
                rows=[list(r.fields) for r in records[:rows]],
                notetypes=sorted({r.notetype for r in records}),
                decks=sorted({r.deck for r in records if r.deck}),
                skipped=list(notes.skipped),
            )
        if suffix == ".json":
            text, encoding = _read_text(path)
            return _package_preview(path, "json", read_json(text, path.name), rows)
        with _apkg_package(col, path) as pkg:
            return _package_preview(path, "apkg", pkg, rows)


def _package_preview(path: Path, kind: str, pkg: Package, rows: int) -> ImportPreview:
    return ImportPreview(
        path,
        kind,
        len(pkg.notes),
        "utf-8",
        rows=[list(n[3]) for n in pkg.notes[:rows]],
        notetypes=sorted(nt.name for nt in pkg.notetypes),
        decks=sorted(d.name for d in pkg.decks),
        cards=len(pkg.cards),
        reviews=len(pkg.revlog),
        media=len(pkg.media),
    )
