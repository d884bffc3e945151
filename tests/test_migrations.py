"""Every past schema version still opens, migrates to the current one and loses nothing."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from flashcards.core.clock import FixedClock
from flashcards.services.collection import COLLECTION_FILE, Collection
from flashcards.storage.schema import migrations

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "schema").glob("*.sqlite"))


def test_there_is_a_fixture_for_every_version_but_the_newest_may_be_new() -> None:
    names = [m.name for m in migrations._migrations]
    have = {p.stem for p in FIXTURES}
    assert names[0] in have
    # Every migration except possibly the newest has a fixture made before it existed.
    assert set(names[:-1]) <= have | {names[-1]}


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_old_collection_migrates_with_nothing_lost(
    fixture: Path, tmp_path: Path, clock: FixedClock
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(fixture, data_dir / COLLECTION_FILE)
    expected = json.loads(fixture.with_suffix(".json").read_text(encoding="utf-8"))
    with Collection.open(data_dir, clock=clock) as col:
        applied = [m.name for m in migrations.applied(col.store.db)]
        assert applied == [m.name for m in migrations._migrations]
        assert col.check().ok
    with sqlite3.connect(data_dir / COLLECTION_FILE) as conn:
        for table, rows in expected.items():
            cursor = conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
            columns = [d[0] for d in cursor.description]
            now = [dict(zip(columns, row, strict=True)) for row in cursor]
            assert len(now) == len(rows), table
            for old, new in zip(rows, now, strict=True):
                assert {k: new[k] for k in old} == old, table
