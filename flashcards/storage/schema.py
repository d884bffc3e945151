"""The collection's schema, as sqlite-utils migrations.

Every table is STRICT. Easiness is stored in whole hundredths (INTEGER) so the
SM-2 state in the database is exact. A card's `due` is a new-card position
(queue 0) or a study-day number (queue 1); the index on (deck_id, queue, due)
makes "what is due today in this deck" an index range.
"""

from __future__ import annotations

import json
import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from flashcards.core.searchtext import note_search_text
from flashcards.storage.database import run_script
from flashcards.storage.stats_schema import (
    CARD_SHAPES,
    REBUILD_STUDY_DAYS,
    STUDY_DAYS_SQL,
    card_shape_sql,
    rebuild_card_shapes,
)

__all__ = [
    "DECK_CARD_COUNTS_FROM_CARDS",
    "REBUILD_DECK_CARD_COUNTS",
    "REBUILD_REVIEW_DAYS",
    "REVIEW_DAYS_FROM_LOG",
    "REVIEW_DAYS_PAUSED",
    "SCHEMA_VERSION",
    "TEXT_INDEX_END",
    "migrations",
]

migrations = Migrations("flashcards")

_V1 = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE notetypes (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind INTEGER NOT NULL CHECK (kind IN (0, 1)),
    fields TEXT NOT NULL,
    templates TEXT NOT NULL,
    css TEXT NOT NULL DEFAULT '',
    sort_field INTEGER NOT NULL DEFAULT 0,
    modified_ms INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE decks (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    new_per_day INTEGER NOT NULL DEFAULT 20 CHECK (new_per_day >= 0),
    reviews_per_day INTEGER NOT NULL DEFAULT 200 CHECK (reviews_per_day >= 0),
    leech_suspend INTEGER NOT NULL DEFAULT 0 CHECK (leech_suspend IN (0, 1)),
    modified_ms INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    guid TEXT NOT NULL UNIQUE,
    notetype_id INTEGER NOT NULL REFERENCES notetypes(id),
    fields TEXT NOT NULL,
    sort_field TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    created_ms INTEGER NOT NULL DEFAULT 0,
    modified_ms INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX notes_notetype ON notes(notetype_id);

CREATE TABLE cards (
    id INTEGER PRIMARY KEY,
    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    deck_id INTEGER NOT NULL REFERENCES decks(id),
    ord INTEGER NOT NULL CHECK (ord >= 0),
    type INTEGER NOT NULL CHECK (type IN (0, 1)),
    queue INTEGER NOT NULL CHECK (queue IN (-1, 0, 1)),
    due INTEGER NOT NULL,
    repetitions INTEGER NOT NULL CHECK (repetitions >= 0),
    interval INTEGER NOT NULL CHECK (interval >= 0),
    easiness INTEGER NOT NULL CHECK (easiness >= 130),
    reps INTEGER NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0,
    buried_until INTEGER NOT NULL DEFAULT 0,
    drill_day INTEGER,
    drill_due_ms INTEGER,
    created_ms INTEGER NOT NULL DEFAULT 0,
    modified_ms INTEGER NOT NULL DEFAULT 0,
    UNIQUE (note_id, ord)
) STRICT;
CREATE INDEX cards_deck_queue_due ON cards(deck_id, queue, due);
CREATE INDEX cards_queue_due ON cards(queue, due);
CREATE INDEX cards_drill ON cards(drill_day) WHERE drill_day IS NOT NULL;

CREATE TABLE revlog (
    id INTEGER PRIMARY KEY,
    card_id INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
    time_ms INTEGER NOT NULL,
    day INTEGER NOT NULL,
    grade INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 5),
    kind INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),
    reps_before INTEGER NOT NULL,
    interval_before INTEGER NOT NULL,
    easiness_before INTEGER NOT NULL,
    reps_after INTEGER NOT NULL,
    interval_after INTEGER NOT NULL,
    easiness_after INTEGER NOT NULL,
    due_after INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX revlog_card ON revlog(card_id, id);
CREATE INDEX revlog_day ON revlog(day);
"""


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    run_script(db, _V1)


_COUNTERS = {
    # what one review-log row adds to its day's totals (MANUAL entries add nothing)
    "new_cards": "({r}.kind = 0 AND {r}.interval_before = 0)",
    "young": "({r}.kind = 0 AND {r}.interval_before BETWEEN 1 AND 20)",
    "mature": "({r}.kind = 0 AND {r}.interval_before >= 21)",
    "drills": "({r}.kind = 1)",
    "correct": "({r}.kind < 2 AND {r}.grade >= 3)",
    "learned_passed": "({r}.kind = 0 AND {r}.interval_before > 0 AND {r}.grade >= 3)",
    "time_ms": "(CASE WHEN {r}.kind < 2 THEN {r}.duration_ms ELSE 0 END)",
}
_NAMES = ", ".join(_COUNTERS)
_ADD = ", ".join(f"{c} = {c} + excluded.{c}" for c in _COUNTERS)
_ALL_ZERO = " AND ".join(f"{c} = 0" for c in ("new_cards", "young", "mature", "drills"))
REVIEW_DAYS_PAUSED = "review_days_paused"
"""A settings key: while present, the triggers that keep review_days (and, since
0004, deck_card_counts) stand still (bulk imports)."""
_LIVE = f"NOT EXISTS (SELECT 1 FROM settings WHERE key = '{REVIEW_DAYS_PAUSED}')"
_MINUS_OLD = ", ".join(f"{c} = {c} - {e.format(r='OLD')}" for c, e in _COUNTERS.items())
_SUMS = ", ".join(f"sum({e.format(r='r')})" for e in _COUNTERS.values())


def _row(alias: str) -> str:
    return ", ".join(expr.format(r=alias) for expr in _COUNTERS.values())


def _card_days(card: str) -> str:
    """A card's review-log totals per day, as a subquery."""
    sums = ", ".join(f"sum({expr.format(r='r')}) AS {c}" for c, expr in _COUNTERS.items())
    return (
        f"(SELECT r.day AS day, {sums} FROM revlog r "
        f"WHERE r.card_id = {card}.id AND r.kind < 2 GROUP BY r.day)"
    )


def _subtract_card(card: str) -> str:
    minus = ", ".join(f"{c} = review_days.{c} - s.{c}" for c in _COUNTERS)
    return f"""
    UPDATE review_days SET {minus} FROM {_card_days(card)} AS s
        WHERE review_days.day = s.day AND review_days.deck_id = {card}.deck_id;
    DELETE FROM review_days WHERE deck_id = {card}.deck_id AND {_ALL_ZERO}
        AND day IN (SELECT day FROM revlog WHERE card_id = {card}.id);"""


_V2 = f"""
CREATE INDEX notes_search ON notes(search_text);
CREATE INDEX notes_sort ON notes(sort_field COLLATE NOCASE);
CREATE INDEX cards_type_due ON cards(type, due);
CREATE INDEX cards_deck_note ON cards(deck_id, note_id);
CREATE INDEX cards_deck_interval ON cards(deck_id, type, interval);
CREATE INDEX cards_deck_easiness ON cards(deck_id, type, easiness);
CREATE INDEX cards_buried ON cards(buried_until);

CREATE TABLE review_days (
    day INTEGER NOT NULL,
    deck_id INTEGER NOT NULL,
    new_cards INTEGER NOT NULL DEFAULT 0,
    young INTEGER NOT NULL DEFAULT 0,
    mature INTEGER NOT NULL DEFAULT 0,
    drills INTEGER NOT NULL DEFAULT 0,
    correct INTEGER NOT NULL DEFAULT 0,
    learned_passed INTEGER NOT NULL DEFAULT 0,
    time_ms INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, deck_id)
) STRICT;

CREATE TRIGGER review_days_add AFTER INSERT ON revlog WHEN NEW.kind < 2 AND {_LIVE} BEGIN
    INSERT INTO review_days (day, deck_id, {_NAMES})
        SELECT NEW.day, c.deck_id, {_row("NEW")} FROM cards c WHERE c.id = NEW.card_id
        ON CONFLICT (day, deck_id) DO UPDATE SET {_ADD};
END;

CREATE TRIGGER review_days_remove AFTER DELETE ON revlog WHEN OLD.kind < 2 AND {_LIVE} BEGIN
    -- When the card itself is being deleted it is gone already: cards_leave_days did this.
    UPDATE review_days SET {_MINUS_OLD}
        WHERE day = OLD.day AND deck_id = (SELECT deck_id FROM cards WHERE id = OLD.card_id);
    DELETE FROM review_days WHERE day = OLD.day AND {_ALL_ZERO};
END;

CREATE TRIGGER review_days_change AFTER UPDATE ON revlog WHEN {_LIVE} BEGIN
    UPDATE review_days SET {_MINUS_OLD}
        WHERE OLD.kind < 2 AND day = OLD.day
        AND deck_id = (SELECT deck_id FROM cards WHERE id = OLD.card_id);
    INSERT INTO review_days (day, deck_id, {_NAMES})
        SELECT NEW.day, c.deck_id, {_row("NEW")} FROM cards c
        WHERE NEW.kind < 2 AND c.id = NEW.card_id
        ON CONFLICT (day, deck_id) DO UPDATE SET {_ADD};
    DELETE FROM review_days WHERE day = OLD.day AND {_ALL_ZERO};
END;

CREATE TRIGGER cards_leave_days BEFORE DELETE ON cards WHEN {_LIVE} BEGIN{_subtract_card("OLD")}
END;

CREATE TRIGGER cards_move_days AFTER UPDATE OF deck_id ON cards
WHEN OLD.deck_id != NEW.deck_id AND {_LIVE} BEGIN{_subtract_card("OLD")}
    INSERT INTO review_days (day, deck_id, {_NAMES})
        SELECT s.day, NEW.deck_id, {_NAMES} FROM {_card_days("NEW")} AS s WHERE true
        ON CONFLICT (day, deck_id) DO UPDATE SET {_ADD};
END;
"""

REVIEW_DAYS_FROM_LOG = f"""
SELECT r.day, c.deck_id, {_SUMS}
FROM revlog r JOIN cards c ON c.id = r.card_id WHERE r.kind < 2
GROUP BY r.day, c.deck_id
"""
"""What review_days must hold, computed from the review log (for checks and rebuilds)."""

REBUILD_REVIEW_DAYS = f"INSERT INTO review_days (day, deck_id, {_NAMES}) {REVIEW_DAYS_FROM_LOG}"


@migrations(name="0002_browser_and_stats")
def _browser_and_stats(db: Database) -> None:
    """Search text, browser sort indexes, and per-day review totals.

    notes.search_text holds the fields without HTML, case-folded; storage/notes.py
    keeps it current on every insert and update. Its index is a narrow copy that a
    substring scan reads instead of whole note rows. notes_sort and cards_type_due
    let the browser list every card by sort field or due date without sorting;
    cards_deck_note finds a deck's notes without reading its card rows.
    review_days keeps, per study day and deck, the totals the statistics page
    draws; triggers keep it equal to the review log through every insert, delete,
    card move and card deletion, so statistics cost O(days), not O(reviews).
    notes_fts, where SQLite has it, is a trigram index over search_text.
    """
    db.execute("ALTER TABLE notes ADD COLUMN search_text TEXT NOT NULL DEFAULT ''")
    rows = [
        (note_search_text(json.loads(fields)), note_id)
        for note_id, fields in db.execute("SELECT id, fields FROM notes").fetchall()
    ]
    db.conn.executemany("UPDATE notes SET search_text = ? WHERE id = ?", rows)
    run_script(db, _V2)
    db.execute(REBUILD_REVIEW_DAYS)
    _create_text_index(db)


TEXT_INDEX_END = "\x1f\x1f"
"""Appended to search_text in notes_fts, so that every character of the text
begins some trigram: then 1- and 2-character text is found through the index's
vocabulary too (the trigrams that begin with it)."""


def _create_text_index(db: Database) -> None:
    """A trigram index over notes.search_text, when this SQLite has FTS5 (3.34+).

    It finds any substring without reading every note.
    storage/notes.py keeps it equal to search_text (triggers cannot: with
    trusted_schema off, SQLite refuses virtual tables in triggers). Without it,
    search scans search_text.
    """
    try:
        db.execute(
            "CREATE VIRTUAL TABLE notes_fts USING fts5(search_text, "
            "tokenize='trigram case_sensitive 1')"
        )
    except sqlite3.OperationalError:
        return
    db.execute(
        "INSERT INTO notes_fts (rowid, search_text) SELECT id, search_text || ? FROM notes "
        "ORDER BY id",
        [TEXT_INDEX_END],
    )


@migrations(name="0003_typed_answers")
def _typed_answers(db: Database) -> None:
    """Issue 9: a per-deck "type the answer" option, and what was typed in the review log.

    `typed` is the text the learner typed (NULL when they did not type) and
    `suggested` the grade the comparison suggested; the grade they confirmed
    stays in `grade`.
    """
    db.execute(
        "ALTER TABLE decks ADD COLUMN type_answer INTEGER NOT NULL DEFAULT 0 "
        "CHECK (type_answer IN (0, 1))"
    )
    db.execute("ALTER TABLE revlog ADD COLUMN typed TEXT")
    db.execute("ALTER TABLE revlog ADD COLUMN suggested INTEGER CHECK (suggested BETWEEN 0 AND 5)")


DECK_CARD_COUNTS_FROM_CARDS = "SELECT deck_id, queue, count(*) FROM cards GROUP BY deck_id, queue"
"""What deck_card_counts must hold, counted from the cards (for checks and rebuilds)."""

REBUILD_DECK_CARD_COUNTS = (
    f"INSERT INTO deck_card_counts (deck_id, queue, cards) {DECK_CARD_COUNTS_FROM_CARDS}"
)

_PLUS_NEW = """INSERT INTO deck_card_counts (deck_id, queue, cards)
        VALUES (NEW.deck_id, NEW.queue, 1)
        ON CONFLICT (deck_id, queue) DO UPDATE SET cards = cards + 1;"""
_MINUS_OLD_CARD = """UPDATE deck_card_counts SET cards = cards - 1
        WHERE deck_id = OLD.deck_id AND queue = OLD.queue;
    DELETE FROM deck_card_counts WHERE deck_id = OLD.deck_id AND queue = OLD.queue AND cards = 0;"""

_V4 = f"""
DROP INDEX cards_deck_queue_due;
CREATE INDEX cards_deck_queue_due ON cards(deck_id, queue, due, id, buried_until, note_id);

CREATE TABLE deck_card_counts (
    deck_id INTEGER NOT NULL,
    queue INTEGER NOT NULL,
    cards INTEGER NOT NULL,
    PRIMARY KEY (deck_id, queue)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER deck_card_counts_add AFTER INSERT ON cards WHEN {_LIVE} BEGIN
    {_PLUS_NEW}
END;

CREATE TRIGGER deck_card_counts_remove AFTER DELETE ON cards WHEN {_LIVE} BEGIN
    {_MINUS_OLD_CARD}
END;

CREATE TRIGGER deck_card_counts_change AFTER UPDATE OF deck_id, queue ON cards
WHEN (OLD.deck_id != NEW.deck_id OR OLD.queue != NEW.queue) AND {_LIVE} BEGIN
    {_MINUS_OLD_CARD}
    {_PLUS_NEW}
END;
"""


@migrations(name="0004_queue_and_deck_counts")
def _queue_and_deck_counts(db: Database) -> None:
    """A covering index for the daily queue, and card counts per deck kept by triggers.

    cards_deck_queue_due gains id (so each deck's range is in (due, id) order, the
    queue's order) and buried_until and note_id (so the queue, the deck list's
    capped counts and the new-card order never read a card row): a deck's due
    reviews or new cards are the first entries of one index range, read up to
    the daily limit. deck_card_counts holds the number of cards per deck and
    queue; triggers keep it equal to the cards (and stand still with review_days
    during bulk imports, which rebuild both), so the deck list and the statistics
    count cards in O(decks), not O(cards).
    """
    run_script(db, _V4)
    db.execute(REBUILD_DECK_CARD_COUNTS)


@migrations(name="0005_stats_tables")
def _stats_tables(db: Database) -> None:
    """Tables the statistics page reads instead of grouping every card or day row.

    deck_intervals and deck_easiness count cards per deck, type and interval or
    easiness: the histograms grouped all cards by walking a 100,000-entry index
    twice (~25 ms at 100k cards). Triggers keep them (an answer changes a row of
    each: a few microseconds); they stand still with review_days during bulk
    imports, which rebuild them. study_days holds review_days summed over decks,
    kept by triggers on review_days itself, so the whole collection's history is
    one row per day instead of a GROUP BY over days x decks. See stats_schema.py.
    """
    for table, column in CARD_SHAPES.items():
        run_script(db, card_shape_sql(table, column, _LIVE))
        db.execute(rebuild_card_shapes(table))
    run_script(db, STUDY_DAYS_SQL)
    db.execute(REBUILD_STUDY_DAYS)


_V6 = """
DROP INDEX cards_queue_due;
CREATE INDEX cards_queue_due ON cards(queue, due, buried_until);
DROP INDEX cards_deck_interval;
CREATE INDEX cards_interval ON cards(interval, type, deck_id);
DROP INDEX cards_deck_easiness;
CREATE INDEX cards_easiness ON cards(easiness, type, deck_id);
DROP INDEX cards_deck_note;
CREATE INDEX cards_deck_note ON cards(deck_id, note_id, ord);
"""


@migrations(name="0006_search_indexes")
def _search_indexes(db: Database) -> None:
    """Indexes that answer the browser's state and property searches by themselves.

    cards_queue_due gains buried_until, so `is:due` (and the statistics' due
    count) reads only the index range of today's reviews, never a card row.
    The interval and easiness indexes now lead with the value, so `prop:ivl`
    and `prop:ease` searches are index ranges (the statistics' histograms read
    deck_intervals and deck_easiness, 0005), and the number of indexes a card
    write maintains is unchanged. cards_deck_note gains ord, so a
    deck's cards can be put in the browser's sort-field order (note, then card
    ordinal) without reading their rows.
    """
    run_script(db, _V6)


@migrations(name="0007_suspended_index")
def _suspended_index(db: Database) -> None:
    """A partial index of the suspended cards by deck, type and interval.

    The statistics' card states take the suspended cards out of new, young and
    mature; finding them through (queue, due) read every suspended card's row
    for its type and interval (~6 ms at 100k cards, 125 ms at 1M). This index
    holds only suspended cards, so answering, which never touches one, does
    not maintain it.
    """
    db.execute("CREATE INDEX cards_suspended ON cards(deck_id, type, interval) WHERE queue = -1")


@migrations(name="0008_interval_index")
def _interval_index(db: Database) -> None:
    """cards_interval on the interval alone (SQLite appends the card id).

    `prop:ivl>=10` matches half the cards and returns them in card-id order. Under
    (interval, type, deck_id) the ids came out in one short run per interval, type
    and deck (4,500 runs at 100k cards) and sorting them took longer than finding
    them; under (interval) they come in one run per interval (about 550), which
    sorts in two thirds of the time. Nothing used the index's other columns (the
    statistics read deck_intervals and cards_suspended), and the narrower index
    costs a fourth as much to build in a bulk import.
    """
    run_script(db, "DROP INDEX cards_interval; CREATE INDEX cards_interval ON cards(interval);")


@migrations(name="0009_note_tags_index")
def _note_tags_index(db: Database) -> None:
    """notes_tags: each note's tags in note order, a narrow copy of the tags column.

    A tag search that no card index narrows read each card's note row for its
    tags: 100,000 lookups into the widest table at 100k cards (~45 ms even for a
    tag on a few notes). Through this index it reads each note's tags once from
    a table an eighth the size, and then the cards of the notes that match (a
    rare tag: ~15 ms).
    """
    db.execute("CREATE INDEX notes_tags ON notes(id, tags)")


SCHEMA_VERSION = len(migrations._migrations)
