"""The collection's schema, as sqlite-utils migrations.

Every table is STRICT. Easiness is stored in whole hundredths (INTEGER) so the
SM-2 state in the database is exact. A card's `due` is a new-card position
(queue 0) or a study-day number (queue 1); the index on (deck_id, queue, due)
makes "what is due today in this deck" an index range.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

__all__ = ["SCHEMA_VERSION", "migrations"]

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
    db.executescript(_V1)


SCHEMA_VERSION = len(migrations._migrations)
