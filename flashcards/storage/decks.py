"""Decks and collection settings."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from flashcards.core.models import DECK_SEPARATOR, Deck, DeckOptions, deck_ancestors
from flashcards.storage.rows import deck_from_row

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = ["DeckRepo", "SettingsRepo"]

_SELECTED = "(SELECT value FROM json_each(?))"


def _ids(ids: Iterable[int]) -> str:
    return json.dumps([int(i) for i in ids])


class DeckRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> list[Deck]:
        return [deck_from_row(r) for r in self.db.query("SELECT * FROM decks ORDER BY name")]

    def get(self, deck_id: int) -> Deck | None:
        rows = list(self.db.query("SELECT * FROM decks WHERE id = ?", [deck_id]))
        return deck_from_row(rows[0]) if rows else None

    def by_name(self, name: str) -> Deck | None:
        """The deck called `name`, in any letter case (as in Anki, `aws` is `AWS`)."""
        rows = list(self.db.query("SELECT * FROM decks WHERE name = ?", [name]))
        if not rows:
            spelled = self.spelled(name)
            if spelled != name:
                rows = list(self.db.query("SELECT * FROM decks WHERE name = ?", [spelled]))
        return deck_from_row(rows[0]) if rows else None

    def spelled(self, name: str) -> str:
        """`name` as the decks here spell it: each leading part that names an existing
        deck, compared without regard to letter case, takes that deck's spelling."""
        known = {r[0].casefold(): r[0] for r in self.db.execute("SELECT name FROM decks")}
        parts: list[str] = []
        for part in name.split(DECK_SEPARATOR):
            full = DECK_SEPARATOR.join([*parts, part])
            existing = known.get(full.casefold())
            if existing is None:
                return DECK_SEPARATOR.join([*parts, *name.split(DECK_SEPARATOR)[len(parts) :]])
            parts.append(existing.rsplit(DECK_SEPARATOR, 1)[-1])
        return DECK_SEPARATOR.join(parts)

    def ensure(self, name: str, now_ms: int = 0) -> Deck:
        """The deck called `name` (in any letter case), created with any missing ancestors."""
        name = self.spelled(name)
        for full in [*deck_ancestors(name), name]:
            self.db.execute(
                "INSERT INTO decks (name, modified_ms) VALUES (?, ?) ON CONFLICT(name) DO NOTHING",
                [full, now_ms],
            )
        deck = self.by_name(name)
        assert deck is not None
        return deck

    def set_options(self, deck_id: int, options: DeckOptions, now_ms: int = 0) -> None:
        self.db.execute(
            "UPDATE decks SET new_per_day = ?, reviews_per_day = ?, leech_suspend = ?, "
            "type_answer = ?, modified_ms = ? WHERE id = ?",
            [
                options.new_per_day,
                options.reviews_per_day,
                int(options.leech_suspend),
                int(options.type_answer),
                now_ms,
                deck_id,
            ],
        )

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM decks").fetchone()[0])

    # -- renaming and deleting a deck tree (Collection.rename_deck / delete_deck) ----------

    def rename(self, names: Sequence[tuple[int, str]], now_ms: int = 0) -> None:
        """Give decks new names: (deck id, new name) pairs."""
        with self.db.atomic():
            self.db.conn.executemany(
                "UPDATE decks SET name = ?, modified_ms = ? WHERE id = ?",
                [(name, now_ms, deck_id) for deck_id, name in names],
            )

    def card_ids_in(self, deck_ids: Iterable[int]) -> list[int]:
        """Every card in these decks, by id."""
        rows = self.db.execute(
            f"SELECT id FROM cards WHERE deck_id IN {_SELECTED} ORDER BY id", [_ids(deck_ids)]
        )
        return [r[0] for r in rows]

    def delete(self, deck_ids: Iterable[int]) -> None:
        """Delete decks (their cards must be gone first: cards refer to their deck)."""
        self.db.execute(f"DELETE FROM decks WHERE id IN {_SELECTED}", [_ids(deck_ids)])


class SettingsRepo:
    """Collection-wide settings as JSON values."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return default if row is None else json.loads(row[0])

    def set(self, key: str, value: Any) -> None:
        self.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )
