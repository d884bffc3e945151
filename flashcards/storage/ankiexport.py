"""Writing an Anki collection file straight from ours with INSERT … SELECT (`.apkg` export).

The new, empty schema-11 file (storage/ankidb.py) is ATTACHed as `ax` and
filled from the collection's tables in SQL; tests/anki_reference.py's `anki_rows`
is the same conversion in Python (the tests hold one to the other). Python
supplies only what SQL cannot say well: the col row (note types, decks and
options as Anki's JSON), our note type and deck ids → Anki's, and the notes'
fields joined with U+001F with Anki's checksum (SHA-1 of the plain first
field), computed in one batch in a second thread while SQLite writes the cards
and the review log (storage/ankitexts.py), then joined in from their own file.

Ids: Anki keys notes and cards by their creation time in ms, so each gets a
unique id at or after its own: in order of creation, max(time, previous + 1).
Review-log entries likewise keep their answer time, moved on by the fewest
milliseconds that make them unique (in order of time). Where the times are
unique and positive (the usual case) that is every row's own time: such ids are
written straight away, and a UNIQUE constraint stops the write at the first
collision (INSERT OR FAIL keeps what it wrote, so nothing needs rolling back);
only then are the rows numbered in order of time, the general way.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from flashcards.storage import ankisql
from flashcards.storage.ankidb import create_anki_collection
from flashcards.storage.ankitexts import NoteTexts

__all__ = ["AnkiTarget", "ExportScope", "ExportedRows", "export_anki_collection", "export_scope"]

_TEMP = """
CREATE TEMP TABLE exp_nt (ntid INTEGER PRIMARY KEY, mid INTEGER NOT NULL);
CREATE TEMP TABLE exp_deck (deck INTEGER PRIMARY KEY, did INTEGER NOT NULL);
CREATE TEMP TABLE exp_card (id INTEGER PRIMARY KEY, cid INTEGER NOT NULL UNIQUE);
CREATE TEMP TABLE exp_note (id INTEGER PRIMARY KEY, nid INTEGER NOT NULL UNIQUE);
CREATE TEMP TABLE exp_order (n INTEGER PRIMARY KEY, t INTEGER, id INTEGER, c1, c2, c3, c4, c5,
    c6, c7, c8);
"""
_TEMP_TABLES = ("exp_nt", "exp_deck", "exp_card", "exp_note", "exp_order")
_ANKI_EASE = (
    "(CASE WHEN r.grade <= 2 THEN 1 WHEN r.grade = 3 THEN 2 WHEN r.grade = 4 THEN 3 ELSE 4 END)"
)
"""SM-2 grade 0–5 → Anki's answer button (ankiwrite.GRADE_TO_ANKI_EASE)."""
_CACHE_KIB = 64 * 1024


@dataclass(frozen=True)
class AnkiTarget:
    """What the SQL conversion needs besides our tables."""

    col_row: Sequence[object]
    """(crt, mod, scm, conf, models, decks, dconf)."""
    mids: Mapping[int, int]
    dids: Mapping[int, int]
    crt_day: int
    today: int
    scheduling: bool
    checksums: Callable[[Sequence[str]], list[int]]
    """Anki's csum of each note from its first field ("" for a note without fields)."""


@dataclass(frozen=True)
class ExportedRows:
    """What export_anki_collection wrote."""

    notes: int
    cards: int
    reviews: int
    """Review-log entries written (graded answers)."""
    media_texts: list[str]
    """Fields (joined with U+001F) of the exported notes that may use media files."""


def export_anki_collection(
    db: Database, path: Path, target: AnkiTarget, deck_ids: Sequence[int] | None
) -> ExportedRows:
    """Write the cards in `deck_ids` (None: all), their notes and review log to a new
    Anki collection at `path` (its note texts pass through `path`-texts, removed after)."""
    create_anki_collection(path, target.col_row)
    texts_file = path.with_name(path.name + "-texts")
    texts = NoteTexts(db, deck_ids, target.checksums, texts_file)
    try:
        db.execute("PRAGMA temp_store = MEMORY")
        db.execute("ATTACH DATABASE ? AS ax", [path.resolve().as_uri()])
        db.execute("PRAGMA ax.journal_mode = OFF")
        db.execute("PRAGMA ax.synchronous = OFF")
        # Room for a 100,000-card collection's pages until the commit: the review log
        # goes in out of id order, and a small cache would write and reread pages.
        db.execute(f"PRAGMA ax.cache_size = -{_CACHE_KIB}")
        with db.atomic():
            for statement in _TEMP.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.conn.executemany("INSERT INTO exp_nt VALUES (?, ?)", target.mids.items())
            db.conn.executemany("INSERT INTO exp_deck VALUES (?, ?)", target.dids.items())
            _number(db, deck_ids)
            cards = _cards(db, target)
            reviews = _revlog(db, target.scheduling)
        media = texts.wait()
        db.execute("ATTACH DATABASE ? AS tx", [texts_file.resolve().as_uri()])
        with db.atomic():
            notes = _notes(db)
    finally:
        texts.close()
        for table in _TEMP_TABLES:
            db.execute(f"DROP TABLE IF EXISTS temp.{table}")
        for name in ("ax", "tx"):
            if any(r[1] == name for r in db.execute("PRAGMA database_list")):
                db.execute(f"DETACH DATABASE {name}")
        db.execute("PRAGMA temp_store = DEFAULT")
        texts_file.unlink(missing_ok=True)
    return ExportedRows(notes, cards, reviews, media)


def _first_try(db: Database, sql: str, table: str, params: Sequence[object] = ()) -> int | None:
    """Run `sql`, an INSERT OR FAIL into `table` that stops at a repeated or missing id:
    the rows it wrote, or None (with `table` emptied again) when it stopped."""
    try:
        return int(db.execute(sql, params).rowcount)
    except sqlite3.IntegrityError:
        db.execute(f"DELETE FROM {table}")
        return None


def _in_order(
    db: Database, rows: str, extra: int, order: str, params: Sequence[object] = ()
) -> None:
    """Fill exp_order with `rows` (columns t, id, then `extra` more: c1, c2, …) in
    `order`: its rowid n numbers them for _unique."""
    db.execute("DELETE FROM exp_order")
    columns = ", ".join(["t", "id"] + [f"c{i}" for i in range(1, extra + 1)])
    db.execute(f"INSERT INTO exp_order ({columns}) SELECT * FROM ({rows}) ORDER BY {order}", params)


def _unique(*, positive: bool) -> str:
    """Unique ids over exp_order, each max(t, previous + 1) in its order (with
    `positive`, the first is at least 1). In closed form, the n-th row gets
    n + max over rows k <= n of (t_k - k): one pass over the rowid, no sort."""
    since = "max(t - n) OVER (ORDER BY n ROWS UNBOUNDED PRECEDING)"
    return f"(n + {f'max(0, {since})' if positive else since})"


def _number_rows(db: Database, table: str, rows: str, params: Sequence[object] = ()) -> None:
    """Fill exp_card or exp_note (`table`) with an Anki id for each of `rows`
    (columns id, t = creation time in ms)."""
    column = f"{table[4]}id"
    fast = (
        f"INSERT OR FAIL INTO {table} (id, {column}) "
        f"SELECT id, CASE WHEN t > 0 THEN t END FROM ({rows})"
    )
    if _first_try(db, fast, table, params) is not None:
        return
    ordered = f"SELECT CASE WHEN t != 0 THEN t ELSE 1 END AS t1, id, t AS c1 FROM ({rows})"
    _in_order(db, ordered, 1, "c1, id", params)
    db.execute(
        f"INSERT INTO {table} (id, {column}) SELECT id, {_unique(positive=True)} FROM exp_order"
    )


def _number(db: Database, deck_ids: Sequence[int] | None) -> None:
    """Anki ids for the exported cards and their notes, in order of creation."""
    where, params = "", []
    if deck_ids is not None:
        where = "WHERE deck_id IN (SELECT value FROM json_each(?))"
        params = [json.dumps(list(deck_ids))]
    _number_rows(db, "exp_card", f"SELECT id, created_ms AS t FROM cards {where}", params)
    notes = (
        "SELECT id, created_ms AS t FROM notes WHERE id IN "
        "(SELECT c.note_id FROM exp_card e JOIN cards c ON c.id = e.id)"
    )
    _number_rows(db, "exp_note", notes)


def _notes(db: Database) -> int:
    """Notes: Anki's fields text and checksum (tx.text), our sort text as sfld."""
    mod = ankisql.floor_div("n.modified_ms", 1000)
    return db.execute(
        "INSERT INTO ax.notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) "
        f"SELECT e.nid, n.guid, t.mid, {mod}, 0, n.tags, x.flds, n.sort_field, x.csum, 0, '' "
        "FROM exp_note e JOIN notes n ON n.id = e.id JOIN exp_nt t ON t.ntid = n.notetype_id "
        "JOIN tx.text x ON x.id = e.id ORDER BY e.nid"
    ).rowcount


def _cards(db: Database, target: AnkiTarget) -> int:
    """Cards: new ones keep their position; studied ones become Anki review cards
    (due relative to crt, ease ×10 of our hundredths), or new without scheduling.
    A studied card whose SM-2 repetitions are 0 (failed last) is Anki's relearning
    card (type and queue 3, one step left), which our importer reads back as
    repetitions 0: as a review card it would come back with 1, and its next
    interval would be 6 days instead of 1."""
    s = 1 if target.scheduling else 0
    new = f"(c.type = 0 OR {1 - s})"
    anki_type = f"CASE WHEN {new} THEN 0 WHEN c.repetitions = 0 THEN 3 ELSE 2 END"
    mod = ankisql.floor_div("c.modified_ms", 1000)
    return db.execute(
        "INSERT INTO ax.cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, "
        "lapses, left, odue, odid, flags, data) "
        f"SELECT e.cid, en.nid, d.did, c.ord, {mod}, 0, {anki_type}, "
        f"CASE WHEN c.queue = -1 THEN -1 WHEN {s} AND c.buried_until > :today THEN -3 "
        f"ELSE {anki_type} END, "
        f"CASE WHEN c.type = 0 THEN c.due WHEN {new} THEN 0 ELSE c.due - :crt_day END, "
        f"CASE WHEN {new} THEN 0 ELSE c.interval END, "
        f"CASE WHEN {new} THEN 0 ELSE c.easiness * 10 END, "
        f"CASE WHEN {s} THEN c.reps ELSE 0 END, CASE WHEN {s} THEN c.lapses ELSE 0 END, "
        f"({anki_type}) = 3, 0, 0, 0, '' "
        "FROM exp_card e JOIN cards c ON c.id = e.id JOIN exp_note en ON en.id = c.note_id "
        "JOIN exp_deck d ON d.deck = c.deck_id ORDER BY e.cid",
        {"today": target.today, "crt_day": target.crt_day},
    ).rowcount


def _revlog(db: Database, scheduling: bool) -> int:
    """Graded answers (REVIEW and DRILL; MANUAL entries are left out) of the
    exported cards. Anki's type: a REVIEW is learning (0) when the card had no
    interval yet, else review (1); a DRILL is learning (0) after a learning
    REVIEW (or none), else relearning (2).

    Each entry's id is its answer time when those are unique (see the module's
    docstring), else the general numbering in order of time."""
    if not scheduling:
        return 0
    learning = (
        "coalesce((SELECT p.interval_before = 0 FROM revlog p WHERE p.card_id = r.card_id "
        "AND p.kind = 0 AND p.id < r.id ORDER BY p.id DESC LIMIT 1), 1)"
    )
    rtype = f"CASE WHEN r.kind = 0 THEN (r.interval_before != 0) WHEN {learning} THEN 0 ELSE 2 END"
    values = [
        "e.cid",
        _ANKI_EASE,
        "r.interval_after",
        "r.interval_before",
        "r.easiness_after * 10",
        "min(max(r.duration_ms, 0), 60000)",
        rtype,
    ]
    graded = "FROM revlog r JOIN exp_card e ON e.id = r.card_id WHERE r.kind != 2"
    into = "INTO ax.revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)"
    fast = f"INSERT OR FAIL {into} SELECT r.time_ms, e.cid, 0, {', '.join(values[1:])} {graded}"
    written = _first_try(db, fast, "ax.revlog")
    if written is not None:
        return written
    columns = ", ".join(f"{v} AS c{i}" for i, v in enumerate(["r.card_id", *values], start=1))
    _in_order(db, f"SELECT r.time_ms AS t, r.id AS id, {columns} {graded}", 8, "t, c1, id")
    return db.execute(
        f"INSERT {into} SELECT {_unique(positive=False)}, c2, 0, c3, c4, c5, c6, c7, c8 "
        "FROM exp_order"
    ).rowcount


@dataclass(frozen=True)
class ExportScope:
    """What an export of some decks (or all) holds, read before it is written."""

    notes: int
    cards: int
    notetypes: set[int]


def export_scope(db: Database, deck_ids: Sequence[int] | None) -> ExportScope:
    """Counts and note types of the cards in `deck_ids` (None: all) and their notes."""
    if deck_ids is None:
        (cards,) = db.execute("SELECT count(*) FROM cards").fetchone()
        types = dict(db.execute("SELECT notetype_id, count(*) FROM notes GROUP BY 1"))
        return ExportScope(sum(types.values()), int(cards), set(types))
    where = " WHERE deck_id IN (SELECT value FROM json_each(?))"
    params = [json.dumps(list(deck_ids))]
    (cards,) = db.execute(f"SELECT count(*) FROM cards{where}", params).fetchone()
    notes = f"notes WHERE id IN (SELECT note_id FROM cards{where})"
    types = dict(db.execute(f"SELECT notetype_id, count(*) FROM {notes} GROUP BY 1", params))
    return ExportScope(sum(types.values()), int(cards), set(types))
