"""The least a search returning N card ids can cost here: SQLite handing N ids to Python.

Run: python -m benchmarks.search_floor DATA_DIR COUNT [--repeat 7]
(`python -m benchmarks.search_stats` and `python -m benchmarks` print it beside
every search that matches at least a fifth of the cards.)

Whatever a search does to find its cards, its result is a Python list of card
ids, and those ids have to come out of SQLite through the standard `sqlite3`
module. This module times only that: the first COUNT entries of the narrowest
b-tree holding every card id (cards_interval: an integer and the card id per
entry), read with no condition to test and nothing to sort, in whatever order
the index holds them, and made into a list of Python ints in each of the three
ways of getting many integers out of `sqlite3` (a tuple per row; one
`group_concat` string split and converted; one `json_group_array` string given
to `json.loads`). The fastest of the three is the floor: no search returning
COUNT ids, in any order, can be faster on this machine.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from benchmarks.measure import median_ms
from flashcards.services.collection import COLLECTION_FILE
from flashcards.storage.database import CACHE_KIB

__all__ = ["HANDOVERS", "search_floor"]

_FIRST = "SELECT id FROM cards INDEXED BY cards_interval LIMIT ?"


def _rows(db: sqlite3.Connection, count: int) -> list[int]:
    return [row[0] for row in db.execute(_FIRST, [count])]


def _group_concat(db: sqlite3.Connection, count: int) -> list[int]:
    text = db.execute(f"SELECT group_concat(id) FROM ({_FIRST})", [count]).fetchone()[0]
    return list(map(int, text.split(","))) if text else []


def _json(db: sqlite3.Connection, count: int) -> list[int]:
    ids: list[int] = json.loads(
        db.execute(f"SELECT json_group_array(id) FROM ({_FIRST})", [count]).fetchone()[0]
    )
    return ids


HANDOVERS: dict[str, Callable[[sqlite3.Connection, int], list[int]]] = {
    "a tuple per row": _rows,
    "group_concat + int": _group_concat,
    "json_group_array + json.loads": _json,
}
"""The ways of handing ids to Python, by name; each returns the same list."""


def search_floor(data_dir: Path, count: int, repeat: int) -> dict[str, float]:
    """Median ms of each hand-over of the first `count` card ids of the collection
    in `data_dir` (opened read-only, with the app's page cache)."""
    uri = f"{(data_dir / COLLECTION_FILE).resolve().as_uri()}?mode=ro"
    db = sqlite3.connect(uri, uri=True)
    try:
        db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        return {
            name: median_ms(lambda h=handover: h(db, count), repeat)
            for name, handover in HANDOVERS.items()
        }
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    times = search_floor(args.data_dir, args.count, args.repeat)
    for name, ms in times.items():
        print(f"{name:<32} {ms:7.2f} ms")
    print(f"{'floor':<32} {min(times.values()):7.2f} ms  ({args.count:,} ids)")


if __name__ == "__main__":
    main()
