"""The statistics tables of schema step 0005 (registered in schema.py), as SQL text.

- deck_intervals / deck_easiness: cards per deck, type and interval / easiness,
  kept by triggers on cards (standing still with review_days during bulk writes,
  which rebuild them through CardRepo.rebuild_deck_counts).
- study_days: review_days summed over decks, one row per study day, kept by
  triggers on review_days itself, so whatever changes review_days (answers,
  moves, deletions, its rebuild) keeps it too.

Stdlib only, like the queries that read these tables, so read commands can use
them without importing the migration machinery.
"""

from __future__ import annotations

__all__ = [
    "CARD_SHAPES",
    "DAY_COLUMNS",
    "REBUILD_STUDY_DAYS",
    "STUDY_DAYS_FROM_REVIEW_DAYS",
    "STUDY_DAYS_SQL",
    "card_shape_counts",
    "card_shape_sql",
    "rebuild_card_shapes",
]

CARD_SHAPES = {"deck_intervals": "interval", "deck_easiness": "easiness"}
"""Card counts per deck, type and one SM-2 column: the statistics page's interval
and easiness histograms, in O(distinct values) instead of O(cards)."""

DAY_COLUMNS = ("new_cards", "young", "mature", "drills", "correct", "learned_passed", "time_ms")
"""review_days' counters, which study_days sums over decks."""


def card_shape_counts(table: str) -> str:
    """What a CARD_SHAPES table must hold, counted from the cards."""
    column = CARD_SHAPES[table]
    return f"SELECT deck_id, type, {column}, count(*) FROM cards GROUP BY deck_id, type, {column}"


def rebuild_card_shapes(table: str) -> str:
    return f"INSERT INTO {table} (deck_id, type, {CARD_SHAPES[table]}, cards) " + (
        card_shape_counts(table)
    )


def card_shape_sql(table: str, column: str, live: str) -> str:
    """The table and its three triggers; `live` is the condition under which they run."""
    plus = f"""INSERT INTO {table} (deck_id, type, {column}, cards)
        VALUES (NEW.deck_id, NEW.type, NEW.{column}, 1)
        ON CONFLICT (deck_id, type, {column}) DO UPDATE SET cards = cards + 1;"""
    old = f"deck_id = OLD.deck_id AND type = OLD.type AND {column} = OLD.{column}"
    minus = f"""UPDATE {table} SET cards = cards - 1 WHERE {old};
    DELETE FROM {table} WHERE {old} AND cards = 0;"""
    changed = f"OLD.deck_id != NEW.deck_id OR OLD.type != NEW.type OR OLD.{column} != NEW.{column}"
    return f"""
CREATE TABLE {table} (
    deck_id INTEGER NOT NULL,
    type INTEGER NOT NULL,
    {column} INTEGER NOT NULL,
    cards INTEGER NOT NULL,
    PRIMARY KEY (deck_id, type, {column})
) STRICT, WITHOUT ROWID;

CREATE TRIGGER {table}_add AFTER INSERT ON cards WHEN {live} BEGIN
    {plus}
END;

CREATE TRIGGER {table}_remove AFTER DELETE ON cards WHEN {live} BEGIN
    {minus}
END;

CREATE TRIGGER {table}_change AFTER UPDATE OF deck_id, type, {column} ON cards
WHEN ({changed}) AND {live} BEGIN
    {minus}
    {plus}
END;
"""


_NAMES = ", ".join(DAY_COLUMNS)
_SUMS = ", ".join(f"sum({c})" for c in DAY_COLUMNS)
_NEW = ", ".join(f"NEW.{c}" for c in DAY_COLUMNS)
_ADD = ", ".join(f"{c} = {c} + excluded.{c}" for c in DAY_COLUMNS)
_SUBTRACT = ", ".join(f"{c} = {c} - OLD.{c}" for c in DAY_COLUMNS)
_PLUS_NEW = f"""INSERT INTO study_days (day, {_NAMES}) VALUES (NEW.day, {_NEW})
        ON CONFLICT (day) DO UPDATE SET {_ADD};"""
_DELTA = ", ".join(f"{c} = {c} - OLD.{c} + NEW.{c}" for c in DAY_COLUMNS)
_NO_ANSWERS = " AND ".join(f"{c} = 0" for c in DAY_COLUMNS[:4])
_MINUS_OLD = f"""UPDATE study_days SET {_SUBTRACT} WHERE day = OLD.day;
    DELETE FROM study_days WHERE day = OLD.day AND {_NO_ANSWERS};"""
"""Subtract a review_days row; a day left with no answers goes, as in review_days."""

STUDY_DAYS_SQL = f"""
CREATE TABLE study_days (
    day INTEGER PRIMARY KEY,
    {", ".join(f"{c} INTEGER NOT NULL DEFAULT 0" for c in DAY_COLUMNS)}
) STRICT;

CREATE TRIGGER study_days_add AFTER INSERT ON review_days BEGIN
    {_PLUS_NEW}
END;

CREATE TRIGGER study_days_remove AFTER DELETE ON review_days BEGIN
    {_MINUS_OLD}
END;

CREATE TRIGGER study_days_change AFTER UPDATE ON review_days WHEN OLD.day = NEW.day BEGIN
    UPDATE study_days SET {_DELTA} WHERE day = NEW.day;
END;

CREATE TRIGGER study_days_move AFTER UPDATE ON review_days WHEN OLD.day != NEW.day BEGIN
    {_MINUS_OLD}
    {_PLUS_NEW}
END;
"""
"""An answer updates its day's review_days row: one UPDATE of study_days (a row
left with no answers is deleted from review_days next, which removes it here)."""

STUDY_DAYS_FROM_REVIEW_DAYS = f"SELECT day, {_SUMS} FROM review_days GROUP BY day"
"""What study_days must hold, summed from review_days (for checks and rebuilds)."""

REBUILD_STUDY_DAYS = f"INSERT INTO study_days (day, {_NAMES}) {STUDY_DAYS_FROM_REVIEW_DAYS}"
