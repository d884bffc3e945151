"""Importing an Anki collection file with INSERT … SELECT (the `.apkg` importer's SQL).

The extracted collection is ATTACHed read-only as schema `anki` and its notes,
cards and review log are converted in SQL (docs/interop.md has the mapping).
Python decides only what SQL cannot say well — note types, decks, tags and each
note's search and sort text — and hands those decisions over in temporary
tables (`imp_*`, in the connection's temp schema, dropped when the import ends):

- imp_nt: package note type → ours, with its field and template counts;
- imp_deck: package deck → ours; imp_tags: Anki's tag text → ours;
- imp_card: the package's usable cards, numbered (our card id = base + seq);
- imp_note: what happens to each package note (ACTIONS) and its id here;
- imp_text: search and sort text of the notes added or updated.

Every write happens inside the caller's transaction.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from flashcards.storage import ankisql
from flashcards.storage.bulk import UNSTUDIED
from flashcards.storage.notes import has_text_index
from flashcards.storage.schema import TEXT_INDEX_END

__all__ = [
    "ADD",
    "FTS_BULK_HASHSIZE",
    "KEEP",
    "SKIPPED",
    "UNCHANGED",
    "UPDATE",
    "AnkiImport",
    "CardRules",
]

ADD, UPDATE, UNCHANGED, KEEP = 0, 1, 2, 3
"""imp_note actions: add the note; update an existing one; leave it (same content);
leave it (the duplicate policy keeps existing notes)."""
DUPLICATE, NO_CARDS, OTHER_TYPE = 4, 5, 6
"""imp_note actions for notes skipped with a message."""
SKIPPED = {
    DUPLICATE: "an earlier note in the file has the same guid {guid}",
    NO_CARDS: "the note has no cards",
    OTHER_TYPE: "guid {guid} belongs to a note of another type",
}
_REQUIRED = {
    "col": ("crt",),
    "notes": ("id", "guid", "mid", "mod", "tags", "flds"),
    "cards": ("id", "nid", "did", "ord", "mod", "type", "queue", "due", "ivl", "factor", "reps",
              "lapses", "odue", "odid"),
    "revlog": ("id", "cid", "ease", "ivl", "lastIvl", "factor", "time"),
}  # fmt: skip
_TEMP = """
CREATE TEMP TABLE imp_nt (mid INTEGER PRIMARY KEY, ntid INTEGER, nfields INTEGER NOT NULL,
    ntemplates INTEGER NOT NULL, cloze INTEGER NOT NULL, sortf INTEGER NOT NULL);
CREATE TEMP TABLE imp_deck (did INTEGER PRIMARY KEY, deck INTEGER NOT NULL);
CREATE TEMP TABLE imp_tags (raw TEXT PRIMARY KEY, tags TEXT NOT NULL);
CREATE TEMP TABLE imp_card (seq INTEGER PRIMARY KEY, src INTEGER NOT NULL,
    nid INTEGER NOT NULL, ord INTEGER NOT NULL, UNIQUE (nid, ord));
CREATE TEMP TABLE imp_dup (src INTEGER PRIMARY KEY);
CREATE TEMP TABLE imp_note (src INTEGER PRIMARY KEY, action INTEGER NOT NULL, dst INTEGER,
    guid TEXT);
CREATE TEMP TABLE imp_log (pos INTEGER PRIMARY KEY, card INTEGER, rid INTEGER, day INTEGER,
    grade INTEGER, ivl INTEGER, last_ivl INTEGER, factor INTEGER, taken INTEGER);
CREATE TEMP TABLE imp_text (dst INTEGER PRIMARY KEY, src INTEGER NOT NULL,
    fields TEXT NOT NULL, search TEXT NOT NULL, sort TEXT NOT NULL);
"""
_LOG_COLUMNS = (
    "card_id, time_ms, day, grade, kind, reps_before, interval_before, easiness_before, "
    "reps_after, interval_after, easiness_after, due_after, duration_ms"
)
_INTERVAL = "(CASE WHEN ivl > 0 THEN ivl ELSE 1 END)"
_FTS_HASHSIZE = 1 << 20
"""FTS5's default in-memory buffer for new index entries."""
FTS_BULK_HASHSIZE = 64 << 20
_TEMP_TABLES = re.findall(r"CREATE TEMP TABLE (\w+)", _TEMP)
_FIELD_COUNT = "(1 + length(n.flds) - length(replace(n.flds, char(31), '')))"
_EFFECTIVE_DID = "(CASE WHEN c.odid != 0 THEN c.odid ELSE c.did END)"
_EFFECTIVE_DUE = "(CASE WHEN c.odid != 0 AND c.odue != 0 THEN c.odue ELSE c.due END)"


@dataclass(frozen=True)
class CardRules:
    """What the card and review-log conversion needs to know about 'today'."""

    crt_day: int
    today: int
    now_ms: int
    day_shift: int | None
    """Fixed UTC offset minus rollover, in seconds; None: call `study_day`."""
    study_day: Callable[[float], int]
    """Unix seconds → study day (for zones with daylight saving)."""


class AnkiImport:
    """The SQL of one import from the collection ATTACHed as `anki`."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.conn = db.conn

    # -- attaching ---------------------------------------------------------------

    @classmethod
    @contextmanager
    def attached(cls, db: Database, path: Path) -> Iterator[AnkiImport]:
        """ATTACH `path` read-only (outside any transaction) until the block ends."""
        uri = f"{path.resolve().as_uri()}?mode=ro"
        db.execute("PRAGMA temp_store = MEMORY")
        db.execute("ATTACH DATABASE ? AS anki", [uri])
        try:
            yield cls(db)
        finally:
            for table in _TEMP_TABLES:
                db.execute(f"DROP TABLE IF EXISTS temp.{table}")
            db.execute("DETACH DATABASE anki")
            db.execute("PRAGMA temp_store = DEFAULT")

    def missing_columns(self) -> list[str]:
        """`table.column`s the importer needs that the attached file lacks."""
        missing = []
        for table, columns in _REQUIRED.items():
            kinds = self.db.execute(
                "SELECT type FROM anki.sqlite_master WHERE name = ?", [table]
            ).fetchall()
            if [k[0] for k in kinds] != ["table"]:
                missing.append(table)
                continue
            info = {r[1]: r for r in self.db.execute(f"PRAGMA anki.table_info({table})")}
            missing += [f"{table}.{c}" for c in columns if c not in info]
            if table != "col" and not _is_rowid(info.get("id"), info.values()):
                missing.append(f"{table}.id (as INTEGER PRIMARY KEY)")
        return missing

    def counts(self) -> tuple[int, int, int]:
        """Notes, cards and review-log entries in the package."""
        row = self.db.execute(
            "SELECT (SELECT count(*) FROM anki.notes), (SELECT count(*) FROM anki.cards), "
            "(SELECT count(*) FROM anki.revlog)"
        ).fetchone()
        return int(row[0]), int(row[1]), int(row[2])

    # -- note types, decks, tags -------------------------------------------------

    def create_temp_tables(self) -> None:
        for statement in _TEMP.split(";"):
            if statement.strip():
                self.db.execute(statement)

    def set_notetypes(self, rows: Sequence[tuple[int, int, int, int, int]]) -> None:
        """(package id, fields, templates, cloze, sort field) of the package's note types."""
        self.conn.executemany(
            "INSERT INTO imp_nt (mid, nfields, ntemplates, cloze, sortf) VALUES (?, ?, ?, ?, ?)",
            rows,
        )

    def map_notetype(self, mid: int, ntid: int) -> None:
        self.db.execute("UPDATE imp_nt SET ntid = ? WHERE mid = ?", [ntid, mid])

    def notes(self) -> list[tuple[int, str, int, str]]:
        """Every note as (id, guid, note type id, fields as Anki's text), by id."""
        return self.db.execute(
            "SELECT id, guid, mid, CAST(flds AS TEXT) FROM anki.notes ORDER BY id"
        ).fetchall()

    def used_decks(self) -> set[int]:
        """Package decks that usable cards are in (a filtered deck's cards count at home)."""
        rows = self.db.execute(
            f"SELECT DISTINCT {_EFFECTIVE_DID} FROM imp_card ic JOIN anki.cards c ON c.id = ic.src"
        )
        return {r[0] for r in rows}

    def set_decks(self, mapping: Mapping[int, int]) -> None:
        self.conn.executemany("INSERT INTO imp_deck VALUES (?, ?)", mapping.items())

    def needs_default_deck(self) -> bool:
        """Whether a card that will be imported is in no mapped deck."""
        row = self.db.execute(
            "SELECT EXISTS (SELECT 1 FROM imp_card ic JOIN anki.cards c ON c.id = ic.src "
            f"JOIN imp_note m ON m.src = ic.nid AND m.action IN ({ADD}, {UPDATE}, {UNCHANGED}) "
            f"WHERE {_EFFECTIVE_DID} NOT IN (SELECT did FROM imp_deck))"
        ).fetchone()
        return bool(row[0])

    def raw_tags(self) -> list[str]:
        """Each distinct tag text of the package's notes (one JSON array: a package
        can hold as many as it has notes)."""
        row = self.db.execute(
            "SELECT json_group_array(t) FROM (SELECT DISTINCT CAST(tags AS TEXT) AS t "
            "FROM anki.notes)"
        ).fetchone()
        tags: list[str] = json.loads(row[0])
        return tags

    def set_tags(self, mapping: Mapping[str, str]) -> None:
        """Anki's tag text → ours, handed over as one JSON object."""
        self.db.execute(
            "INSERT INTO imp_tags (raw, tags) SELECT key, value FROM json_each(?)",
            [json.dumps(mapping, ensure_ascii=False)],
        )

    # -- planning: which cards and notes -------------------------------------------

    def plan_cards(self) -> int:
        """Number the usable cards by id: a known note type, a template that exists,
        and the first card of its note and template."""
        cursor = self.db.execute(
            "INSERT INTO imp_card (src, nid, ord) SELECT c.id, c.nid, c.ord FROM anki.cards c "
            "JOIN anki.notes n ON n.id = c.nid JOIN imp_nt t ON t.mid = n.mid "
            "WHERE c.ord >= 0 AND (t.cloze OR c.ord < t.ntemplates) ORDER BY c.id "
            "ON CONFLICT (nid, ord) DO NOTHING"
        )
        return cursor.rowcount

    def set_duplicates(self, srcs: Sequence[int]) -> None:
        """Notes whose guid an earlier note in the file has."""
        self.conn.executemany("INSERT INTO imp_dup VALUES (?)", [(s,) for s in srcs])

    def plan_notes(self, *, policy_add: bool, policy_keep: bool, first_id: int,
                   renames: Mapping[str, str], duplicates: bool) -> None:  # fmt: skip
        """Decide each note's action and its id here (added ones numbered from first_id)."""
        flds, params = ankisql.renamed("CAST(n.flds AS TEXT)", renames)
        fields = ankisql.fields_json(flds, f"t.nfields - {_FIELD_COUNT}")
        duplicate = "n.id IN (SELECT src FROM imp_dup)" if duplicates else "0"
        action = (
            f"CASE WHEN {duplicate} THEN {DUPLICATE} "
            "WHEN o.id IS NULL OR :add THEN CASE WHEN n.id IN (SELECT nid FROM imp_card) "
            f"THEN {ADD} ELSE {NO_CARDS} END "
            f"WHEN o.notetype_id != t.ntid THEN {OTHER_TYPE} "
            f"WHEN o.fields = {fields} AND o.tags = g.tags THEN {UNCHANGED} "
            f"WHEN :keep THEN {KEEP} ELSE {UPDATE} END"
        )
        self.db.execute(
            "INSERT INTO imp_note (src, action, dst) SELECT src, action, "
            f"CASE WHEN action = {ADD} THEN :base + sum(action = {ADD}) OVER "
            "(ORDER BY src ROWS UNBOUNDED PRECEDING) ELSE old END "
            f"FROM (SELECT n.id AS src, o.id AS old, {action} AS action "
            "FROM anki.notes n JOIN imp_nt t ON t.mid = n.mid "
            "JOIN imp_tags g ON g.raw = CAST(n.tags AS TEXT) "
            "LEFT JOIN main.notes o ON o.guid = n.guid) ORDER BY src",
            {
                "add": policy_add,
                "keep": policy_keep,
                "base": first_id - 1,
                "padding": ankisql.FIELD_PADDING,
            }
            | params,
        )

    def reassigned(self) -> list[tuple[int, int, str]]:
        """Added notes whose guid a note here already has: (src, 1-based position, guid)."""
        return self.db.execute(
            "SELECT r.id, r.rank, r.guid FROM (SELECT id, guid, row_number() OVER "
            "(ORDER BY id) AS rank FROM anki.notes) r JOIN imp_note m ON m.src = r.id "
            f"WHERE m.action = {ADD} AND r.guid IN (SELECT guid FROM main.notes)"
        ).fetchall()

    def set_guids(self, rows: Sequence[tuple[str, int]]) -> None:
        self.conn.executemany("UPDATE imp_note SET guid = ? WHERE src = ?", rows)

    def actions(self) -> dict[int, int]:
        """How many notes get each action (those that none get are left out)."""
        # One scan with a sum per action: GROUP BY would sort the whole table.
        sums = ", ".join(f"sum(action = {a})" for a in range(OTHER_TYPE + 1))
        row = self.db.execute(f"SELECT {sums} FROM imp_note").fetchone()
        return {action: int(n) for action, n in enumerate(row) if n}

    def skipped(self) -> list[tuple[int, int, str]]:
        """Notes skipped with a message: (1-based position, action, guid), in file order."""
        if not self.db.execute(f"SELECT 1 FROM imp_note WHERE action >= {DUPLICATE}").fetchone():
            return []
        return self.db.execute(
            "SELECT r.rank, m.action, r.guid FROM (SELECT id, guid, row_number() OVER "
            "(ORDER BY id) AS rank FROM anki.notes) r JOIN imp_note m ON m.src = r.id "
            f"WHERE m.action >= {DUPLICATE} ORDER BY r.id"
        ).fetchall()

    # -- notes -------------------------------------------------------------------

    def text_targets(self) -> list[tuple[int, int]]:
        """Notes to add or update: (package id, our id), by our id."""
        return self.db.execute(
            f"SELECT src, dst FROM imp_note WHERE action IN ({ADD}, {UPDATE}) ORDER BY dst"
        ).fetchall()

    def set_texts(self, rows: Iterable[tuple[int, int, str, str, str]]) -> None:
        """(our id, package id, fields JSON, search text, sort text)."""
        self.conn.executemany("INSERT INTO imp_text VALUES (?, ?, ?, ?, ?)", rows)

    def write_notes(self, now_ms: int) -> None:
        """Insert the added notes and update the updated ones, with their text index."""
        params = {"now": now_ms}
        joins = (
            "FROM imp_text x JOIN imp_note m ON m.src = x.src JOIN anki.notes n ON n.id = x.src "
            "JOIN imp_nt t ON t.mid = n.mid JOIN imp_tags g ON g.raw = CAST(n.tags AS TEXT)"
        )
        self.db.execute(
            "INSERT INTO notes (id, guid, notetype_id, fields, sort_field, tags, created_ms, "
            "modified_ms, search_text) SELECT x.dst, coalesce(m.guid, n.guid), t.ntid, x.fields, "
            "x.sort, g.tags, CASE WHEN n.id != 0 THEN n.id ELSE :now END, n.mod * 1000, x.search "
            f"{joins} WHERE m.action = {ADD} ORDER BY x.dst",
            params,
        )
        self.db.execute(
            "UPDATE notes SET fields = x.fields, sort_field = x.sort, tags = g.tags, "
            f"modified_ms = :now, search_text = x.search {joins} "
            f"WHERE notes.id = x.dst AND m.action = {UPDATE}",
            params,
        )
        if has_text_index(self.db):
            self.db.execute(
                "DELETE FROM notes_fts WHERE rowid IN "
                f"(SELECT dst FROM imp_note WHERE action = {UPDATE})"
            )
            # FTS5 keeps new entries in memory and writes them out as a segment each time
            # they pass `hashsize` (1 MiB), merging segments as it goes; a bigger buffer for
            # this one statement writes fewer, larger segments (about 20% less work).
            self._fts_hashsize(FTS_BULK_HASHSIZE)
            self.db.execute(
                "INSERT INTO notes_fts (rowid, search_text) "
                "SELECT dst, search || ? FROM imp_text ORDER BY dst",
                [TEXT_INDEX_END],
            )
            self._fts_hashsize(_FTS_HASHSIZE)

    def _fts_hashsize(self, size: int) -> None:
        self.db.execute("INSERT INTO notes_fts (notes_fts, rank) VALUES ('hashsize', ?)", [size])

    # -- cards and review log ----------------------------------------------------

    def first_new_due(self) -> int | None:
        """The smallest position among the usable new cards."""
        row = self.db.execute(
            f"SELECT min({_EFFECTIVE_DUE}) FROM imp_card ic JOIN anki.cards c ON c.id = ic.src "
            "WHERE c.type = 0"
        ).fetchone()
        return None if row[0] is None else int(row[0])

    def replace_unstudied(self) -> int:
        """Delete the cards of kept notes that were never studied here when the package's
        card of the same template has been studied, so write_cards brings that one, with
        its schedule and review log, in their place. Returns how many."""
        return self.db.execute(
            "DELETE FROM main.cards WHERE id IN (SELECT c.id "
            "FROM imp_card ic JOIN anki.cards a ON a.id = ic.src "
            f"JOIN imp_note m ON m.src = ic.nid AND m.action IN ({UPDATE}, {UNCHANGED}) "
            "JOIN main.cards c ON c.note_id = m.dst AND c.ord = ic.ord "
            f"WHERE (a.type != 0 OR a.reps > 0) AND {UNSTUDIED})"
        ).rowcount

    def write_cards(
        self, first_id: int, rules: CardRules, shift: int, default: int, *, every: bool
    ) -> int:
        """Insert the cards of imported notes (not those whose note already has that
        template), numbered from first_id in the package's order. Returns how many.

        created_ms keeps Anki's card id (its creation time), which is how
        write_logs finds each card's review log. `every`: every note is added, so
        every usable card is imported and its number is its id.
        """
        number = ":base + ic.seq" if every else ":base + row_number() OVER (ORDER BY ic.seq)"
        due = _EFFECTIVE_DUE
        day = ankisql.day_of_seconds(due, rules.day_shift)
        ivl = "max(1, c.ivl)"
        cursor = self.db.execute(
            "INSERT INTO cards (id, note_id, deck_id, ord, type, queue, due, repetitions, "
            "interval, easiness, reps, lapses, buried_until, drill_day, drill_due_ms, "
            "created_ms, modified_ms) "
            f"SELECT {number}, m.dst, "
            "coalesce(d.deck, :default), c.ord, c.type != 0, "
            "CASE WHEN c.queue = -1 THEN -1 WHEN c.type = 0 THEN 0 ELSE 1 END, "
            f"CASE WHEN c.type = 0 THEN {due} + :shift WHEN c.type = 2 THEN :crt_day + {due} "
            f"WHEN {due} > 1000000000 THEN {day} ELSE :crt_day + {due} END, "
            f"CASE c.type WHEN 0 THEN 0 WHEN 2 THEN 1 + ({ivl} >= 6) ELSE 0 END, "
            f"CASE c.type WHEN 0 THEN 0 WHEN 2 THEN {ivl} ELSE 1 END, "
            f"CASE WHEN c.type = 0 THEN 250 ELSE {ankisql.ease_hundredths('c.factor')} END, "
            "c.reps, c.lapses, CASE WHEN c.queue IN (-2, -3) THEN :today + 1 ELSE 0 END, "
            "NULL, NULL, c.id, c.mod * 1000 "
            "FROM imp_card ic JOIN anki.cards c ON c.id = ic.src "
            f"JOIN imp_note m ON m.src = ic.nid AND m.action IN ({ADD}, {UPDATE}, {UNCHANGED}) "
            f"LEFT JOIN imp_deck d ON d.did = {_EFFECTIVE_DID} "
            f"WHERE m.action = {ADD} OR NOT EXISTS "
            "(SELECT 1 FROM main.cards o WHERE o.note_id = m.dst AND o.ord = ic.ord) "
            "ORDER BY ic.seq",
            {
                "base": first_id - 1,
                "default": default,
                "shift": shift,
                "crt_day": rules.crt_day,
                "today": rules.today,
            },
        )
        return cursor.rowcount

    def write_logs(self, first_card: int, rules: CardRules) -> int:
        """The review log of the imported studied cards, then one MANUAL entry each
        carrying the imported state. Returns how many entries.

        Each card's entries are numbered in order (imp_log) and walked with a
        recursive query that carries the running state from one entry to the
        next, as the Python reader does: the first grade of a day is a REVIEW
        (SM-2 repetitions go up on a pass and back to 0 on a fail), later ones
        that day are DRILLs, Anki's manual entries MANUAL; easiness follows
        the last entry that had one.
        """
        day = ankisql.day_of_ms("r.id", rules.day_shift)
        grade = "CASE r.ease WHEN 1 THEN 1 WHEN 2 THEN 3 WHEN 3 THEN 4 WHEN 4 THEN 5 END"
        self.db.execute(
            "INSERT INTO imp_log (card, rid, day, grade, ivl, last_ivl, factor, taken) "
            f"SELECT c.id, r.id, {day}, {grade}, r.ivl, r.lastIvl, r.factor, r.time "
            # Card by card (CROSS JOIN keeps that order), each card's entries by id.
            "FROM main.cards c CROSS JOIN anki.revlog r ON r.cid = c.created_ms "
            "WHERE c.id >= :first AND c.type = 1 ORDER BY c.id, r.id",
            {"first": first_card},
        )
        # s carries each entry's running state (card, day, SM-2 repetitions and easiness,
        # and its kind); the INSERT reads the entry's other columns from imp_log by pos.
        same = "(t.card = s.card)"
        kind = f"(CASE WHEN t.grade IS NULL THEN 2 WHEN {same} AND t.day = s.day THEN 1 ELSE 0 END)"
        reps = f"(CASE WHEN {same} THEN s.reps ELSE 0 END)"
        ease = f"(CASE WHEN {same} THEN s.ease ELSE 250 END)"
        self.db.execute(
            f"""WITH RECURSIVE s (pos, card, day, reps, ease, kind, reps_before, ease_before) AS (
                SELECT 0, NULL, NULL, 0, 250, 0, 0, 250
                UNION ALL
                SELECT t.pos, t.card, t.day,
                    CASE WHEN t.grade IS NULL OR ({same} AND t.day = s.day) THEN {reps}
                        WHEN t.grade >= 3 THEN {reps} + 1 ELSE 0 END,
                    CASE WHEN t.factor != 0 THEN {ankisql.ease_hundredths("t.factor")}
                        ELSE {ease} END,
                    {kind}, {reps}, {ease}
                FROM s JOIN imp_log t ON t.pos = s.pos + 1
            )
            INSERT INTO revlog ({_LOG_COLUMNS})
            SELECT t.card, t.rid, t.day, coalesce(t.grade, 0), s.kind, s.reps_before,
                max(0, t.last_ivl), s.ease_before, s.reps, {_INTERVAL}, s.ease,
                t.day + {_INTERVAL}, max(0, t.taken)
            FROM s JOIN imp_log t ON t.pos = s.pos WHERE s.pos > 0"""
        )
        logs = int(self.db.execute("SELECT changes()").fetchone()[0])
        manual = self.db.execute(
            f"INSERT INTO revlog ({_LOG_COLUMNS}) SELECT id, :now, :today, 0, 2, repetitions, "
            "interval, easiness, repetitions, interval, easiness, due, 0 FROM cards "
            "WHERE id >= :first AND type = 1 ORDER BY id",
            {"now": rules.now_ms, "today": rules.today, "first": first_card},
        ).rowcount
        return logs + manual


def _is_rowid(column: Any, columns: Any) -> bool:
    """Whether `id` is the table's INTEGER PRIMARY KEY (unique, never NULL)."""
    if column is None or column[5] != 1 or str(column[2]).upper() != "INTEGER":
        return False
    return sum(1 for c in columns if c[5]) == 1


def register_study_day(conn: sqlite3.Connection, study_day: Callable[[float], int]) -> None:
    """Make fc_study_day(seconds) available to this connection's SQL (DST zones)."""
    conn.create_function("fc_study_day", 1, study_day, deterministic=True)
