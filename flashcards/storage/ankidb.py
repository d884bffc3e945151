"""SQL for Anki's own collection files, inside `.apkg` packages.

Reading opens the (temporary, extracted) file read-only with
`trusted_schema=OFF`, so a hostile file's views or triggers cannot run
functions. Writing creates a schema-11 collection (in `collection.anki21b`,
`collection.anki21` or the dummy `collection.anki2`), which current Anki
upgrades on import.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "AnkiDbError",
    "AnkiRaw",
    "create_anki_collection",
    "read_anki_collection",
]


class AnkiDbError(Exception):
    """The collection inside a package is not a usable Anki database."""


@dataclass
class AnkiRaw:
    """An Anki collection's rows, as stored (schema 11 or 18)."""

    crt: int
    ver: int
    models_json: str = ""
    decks_json: str = ""
    dconf_json: str = ""
    notetypes: list[tuple[int, str, bytes]] = field(default_factory=list)
    fields: list[tuple[int, int, str]] = field(default_factory=list)
    templates: list[tuple[int, int, str, bytes]] = field(default_factory=list)
    decks: list[tuple[int, str, bytes]] = field(default_factory=list)
    deck_configs: list[tuple[int, bytes]] = field(default_factory=list)
    notes: list[tuple[int, str, int, int, str, str]] = field(default_factory=list)
    """(id, guid, mid, mod seconds, tags, flds)."""
    cards: list[tuple[int, ...]] = field(default_factory=list)
    """(id, nid, did, ord, mod, type, queue, due, ivl, factor, reps, lapses, odue, odid)."""
    revlog: list[tuple[int, ...]] = field(default_factory=list)
    """(id, cid, ease, ivl, lastIvl, factor, time, type), by card then time."""


def _unicase(a: str, b: str) -> int:
    x, y = a.casefold(), b.casefold()
    return (x > y) - (x < y)


def _open_ro(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA query_only = ON")
    conn.create_collation("unicase", _unicase)
    return conn


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def read_anki_collection(path: Path, *, rows: bool = True) -> AnkiRaw:
    """Every row the importer needs from an Anki collection file (`rows=False`:
    only the collection row, note types and decks, not notes, cards or review log)."""
    try:
        conn = _open_ro(path)
        try:
            return _read(conn, rows)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise AnkiDbError(f"the collection is not a usable Anki database ({exc})") from None


def _read(conn: sqlite3.Connection, rows: bool) -> AnkiRaw:
    tables = _tables(conn)
    missing = {"col", "notes", "cards", "revlog"} - tables
    if missing:
        raise AnkiDbError(f"the collection lacks the {', '.join(sorted(missing))} table(s)")
    crt, ver, models, decks, dconf = conn.execute(
        "SELECT crt, ver, models, decks, dconf FROM col"
    ).fetchone()
    raw = AnkiRaw(int(crt), int(ver), str(models or ""), str(decks or ""), str(dconf or ""))
    if "notetypes" in tables:
        raw.notetypes = conn.execute("SELECT id, name, config FROM notetypes").fetchall()
        raw.fields = conn.execute(
            "SELECT ntid, ord, name FROM fields ORDER BY ntid, ord"
        ).fetchall()
        raw.templates = conn.execute(
            "SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord"
        ).fetchall()
        raw.decks = conn.execute("SELECT id, name, kind FROM decks").fetchall()
        raw.deck_configs = conn.execute("SELECT id, config FROM deck_config").fetchall()
    if not rows:
        return raw
    raw.notes = conn.execute(
        "SELECT id, guid, mid, mod, tags, flds FROM notes ORDER BY id"
    ).fetchall()
    raw.cards = conn.execute(
        "SELECT id, nid, did, ord, mod, type, queue, due, ivl, factor, reps, lapses, odue, odid "
        "FROM cards ORDER BY id"
    ).fetchall()
    raw.revlog = conn.execute(
        "SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY cid, id"
    ).fetchall()
    return raw


_SCHEMA_11 = """
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL,
  scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL,
  ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL,
  sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL,
  ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL,
  queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
  odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL,
  ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL,
  time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
"""


def _open_for_writing(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    return conn


def create_anki_collection(
    path: Path,
    col_row: Sequence[object],
    *,
    notes: Sequence[Sequence[object]] = (),
    cards: Sequence[Sequence[object]] = (),
) -> None:
    """Create an empty schema-11 collection at `path` (which must not exist) with its
    col row: (crt, mod, scm, conf, models, decks, dconf), and the whole `notes` and
    `cards` rows given (a package's "please update" note).

    It gets none of Anki's indexes: Anki reads a package's collection whole when it
    imports it, and building them cost a sixth of an export (and a larger zip)."""
    conn = _open_for_writing(path)
    try:
        conn.execute("PRAGMA page_size = 4096")
        conn.execute("BEGIN")
        for statement in _SCHEMA_11.split(";"):
            if statement.strip():
                conn.execute(statement)
        crt, mod, scm, conf, models, decks, dconf = col_row
        conn.execute(
            "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
            [crt, mod, scm, conf, models, decks, dconf],
        )
        conn.executemany(f"INSERT INTO notes VALUES ({', '.join('?' * 11)})", notes)
        conn.executemany(f"INSERT INTO cards VALUES ({', '.join('?' * 18)})", cards)
        conn.execute("COMMIT")
    finally:
        conn.close()
