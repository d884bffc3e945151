"""Migration 0002 on a collection written before it: search text, text index, daily totals."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from flashcards.core.clock import FixedClock
from flashcards.core.notetypes import BUILTIN_NOTETYPES
from flashcards.services.collection import Collection
from flashcards.storage.rows import notetype_to_row
from flashcards.storage.schema import migrations
from flashcards.storage.stats import StatsRepo

NOW = datetime.fromisoformat("2026-11-27T09:00:00+09:00")
TODAY = 20784  # 2026-11-27 as a study-day number


def _old_collection(path: Path) -> None:
    """A collection at schema 0001, written with plain SQL as the old version did."""
    db = Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db, stop_before="0002_browser_and_stats")
    basic = next(nt for nt in BUILTIN_NOTETYPES if nt.name == "Basic")
    db.table("notetypes").insert(notetype_to_row(basic) | {"id": 1})
    db.table("decks").insert({"id": 1, "name": "AWS"})
    db.table("notes").insert(
        {
            "id": 1,
            "guid": "g1",
            "notetype_id": 1,
            "fields": json.dumps(["<b>EC2</b>", "Elastic <i>Compute</i> 가상&nbsp;서버"]),
            "sort_field": "EC2",
        }
    )
    card = {"note_id": 1, "deck_id": 1, "ord": 0, "type": 1, "queue": 1, "due": TODAY + 5}
    db.table("cards").insert(card | {"id": 1, "repetitions": 2, "interval": 6, "easiness": 250})
    log = {
        "card_id": 1,
        "time_ms": 0,
        "reps_before": 0,
        "interval_before": 0,
        "easiness_before": 250,
        "reps_after": 1,
        "interval_after": 1,
        "easiness_after": 250,
        "due_after": 0,
    }
    db.table("revlog").insert_all(
        [
            log | {"id": 1, "day": TODAY - 6, "grade": 4, "kind": 0},
            log | {"id": 2, "day": TODAY - 6, "grade": 5, "kind": 1},
            log | {"id": 3, "day": TODAY - 1, "grade": 0, "kind": 2},
            log | {"id": 4, "day": TODAY, "grade": 4, "kind": 0, "interval_before": 1},
        ]
    )
    db.close()


def test_migration_fills_search_text_index_and_daily_totals(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    _old_collection(data / "collection.sqlite")
    with Collection.open(data, clock=FixedClock(NOW), load_bundled=False) as col:
        stored = col.store.db.execute("SELECT search_text FROM notes WHERE id = 1").fetchone()
        assert stored[0] == "ec2\x1felastic compute 가상 서버"
        assert col.search('"가상 서버"') == [1]  # long enough for the trigram index
        assert col.search("서버") == [1]  # two syllables: the trigrams that begin with it
        assert col.search('"compute 가상"') == [1]
        assert col.search("<b>") == []
        stats = col.stats()
        assert (stats["reviews_total"], stats["reviews_today"]) == (3, 1)  # MANUAL is no answer
        assert StatsRepo(col.store.db).review_days_drift() == []
        # new writes keep both current
        col.update_note(1, ["EC2", "Amazon 가상 머신"], [])
        assert col.search("가상 서버") == []
        assert col.search('"가상 머신"') == [1]
