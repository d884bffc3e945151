"""The least an `.apkg` import into our schema can cost: SQLite copying the rows, nothing else.

Run: python -m benchmarks.floor PACKAGE [--repeats 3]
(`python -m benchmarks.interop` and `python -m benchmarks` print it beside each
import too.)

An import has to put the package's notes, cards and review log into our tables,
build the secondary indexes that the queue, deck list, browser and statistics
read, and build the trigram index that text search reads (without it, a Hangul
search at 100,000 cards scans for ~60 ms, over issue 6's 50 ms). This module
times exactly that with nothing else: the package's collection is unpacked
beforehand (not timed), its rows are copied with one `INSERT … SELECT` per table
into a fresh collection without any conversion (each note's raw fields stand in
for its search text), the indexes are built once at the end, and the
transaction is committed (synchronous=FULL, as every collection runs).
No Python work per row, no mapping of note types, decks or tags, no statistics
tables: a lower bound for any importer into this schema on this machine. Two
figures: the rows alone (no secondary index, no text index), and rows + indexes
+ text index.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import zstandard

from benchmarks.measure import median_ms
from flashcards.core.clock import FixedClock
from flashcards.services.collection import COLLECTION_FILE, Collection
from flashcards.storage.ankiimport import FTS_BULK_HASHSIZE

__all__ = ["Floor", "import_floor", "unpack"]

_NOTES = (
    "INSERT INTO notes (id, guid, notetype_id, fields, sort_field, tags, created_ms, "
    "modified_ms, search_text) SELECT id, guid, (SELECT min(id) FROM notetypes), flds, sfld, "
    "tags, id, mod * 1000, flds FROM anki.notes"
)
_CARDS = (
    "INSERT INTO cards (id, note_id, deck_id, ord, type, queue, due, repetitions, interval, "
    "easiness, reps, lapses, buried_until, drill_day, drill_due_ms, created_ms, modified_ms) "
    "SELECT id, nid, (SELECT min(id) FROM decks), ord, type = 2, CASE WHEN queue < 0 THEN -1 "
    "WHEN type = 0 THEN 0 ELSE 1 END, due, 0, max(ivl, 0), 250, reps, lapses, 0, NULL, NULL, "
    "id, mod * 1000 FROM anki.cards"
)
_REVLOG = (
    "INSERT INTO revlog (card_id, time_ms, day, grade, kind, reps_before, interval_before, "
    "easiness_before, reps_after, interval_after, easiness_after, due_after, duration_ms) "
    "SELECT cid, id, id / 86400000, ease, 0, 0, max(0, lastIvl), 250, 0, max(ivl, 1), 250, 0, "
    "max(time, 0) FROM anki.revlog"
)
_HASHSIZE = "INSERT INTO notes_fts (notes_fts, rank) VALUES ('hashsize', ?)"


@dataclass(frozen=True)
class Floor:
    """Median seconds: the rows alone; the rows with every index and the text index."""

    rows: float
    indexed: float


def unpack(package: Path, folder: Path) -> Path:
    """The package's newest collection, unpacked into `folder`."""
    target = folder / "package.anki2"
    with zipfile.ZipFile(package) as zf:
        names = set(zf.namelist())
        if "collection.anki21b" in names:
            with zf.open("collection.anki21b") as src, target.open("wb") as dst:
                zstandard.ZstdDecompressor().copy_stream(src, dst)
        else:
            member = "collection.anki21" if "collection.anki21" in names else "collection.anki2"
            with zf.open(member) as src, target.open("wb") as dst:
                shutil.copyfileobj(src, dst)
    return target


def _copy(collection: Path, folder: Path, *, indexes: bool) -> None:
    """One timed run: a fresh collection in `folder`, the rows copied into it."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    clock = FixedClock(datetime.now().astimezone())
    Collection.open(folder, clock=clock, load_bundled=False).close()
    conn = sqlite3.connect(folder / COLLECTION_FILE, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA cache_size = -131072")
        conn.execute("ATTACH DATABASE ? AS anki", [f"{collection.resolve().as_uri()}?mode=ro"])
        schema = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
            "AND sql IS NOT NULL AND tbl_name IN ('notes', 'cards', 'revlog')"
        ).fetchall()
        text_index = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'notes_fts'").fetchone()
        conn.execute("BEGIN")
        for kind, name, _ in schema:
            conn.execute(f'DROP {kind.upper()} "{name}"')
        for sql in (_NOTES, _CARDS, _REVLOG):
            conn.execute(sql)
        if indexes:
            for kind, _, sql in schema:
                if kind == "index":
                    conn.execute(sql)
            if text_index:  # with the bulk importer's buffer for new index entries
                conn.execute(_HASHSIZE, [FTS_BULK_HASHSIZE])
                conn.execute(
                    "INSERT INTO notes_fts (rowid, search_text) "
                    "SELECT id, search_text FROM notes ORDER BY id"  # FTS5 appends in rowid order
                )
        conn.execute("COMMIT")
    finally:
        conn.close()


def import_floor(package: Path, work: Path, repeats: int) -> Floor:
    """Median times of the two copies of the package's rows (work: scratch space)."""
    work.mkdir(parents=True, exist_ok=True)
    collection = unpack(package, work)
    try:
        rows = median_ms(lambda: _copy(collection, work / "floor", indexes=False), repeats)
        indexed = median_ms(lambda: _copy(collection, work / "floor", indexes=True), repeats)
    finally:
        collection.unlink()
        shutil.rmtree(work / "floor", ignore_errors=True)
    return Floor(rows / 1000, indexed / 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("package", type=Path)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-floor-") as tmp:
        floor = import_floor(args.package, Path(tmp), args.repeats)
    print(f"rows only {floor.rows:.3f} s; rows, indexes and text index {floor.indexed:.3f} s")


if __name__ == "__main__":
    main()
