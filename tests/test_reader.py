"""The read-only path of `stats` and `decks` (storage.reader): the same answers as the
ordinary path, never a write, and no sqlite-utils; refused schemas fall back."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from flashcards.core.clock import FixedClock
from flashcards.services.collection import COLLECTION_FILE, Collection
from flashcards.services.errors import CollectionLockedError, FlashcardsError
from flashcards.storage import StorageError, Store
from flashcards.storage.reader import MIGRATIONS, ReaderUnavailable
from flashcards.storage.schema import migrations
from tests.conftest import ROOT, cli_env, run_cli

STUDIED_AT = "2026-11-28T10:00:00+09:00"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def studied_dir(col: Collection, clock: FixedClock, data_dir: Path) -> Path:
    """small_deck.txt with answers on two days, one suspended and one buried card; closed."""
    col.answer(1, 5, duration_ms=4_000)
    col.answer(2, 1, duration_ms=9_000)
    col.answer(2, 4, duration_ms=3_000)  # the re-drill
    col.suspend(7)
    clock.set(datetime.fromisoformat(STUDIED_AT))
    col.answer(3, 4, duration_ms=6_000)  # buries its sibling, card 4
    col.close()
    return data_dir


def test_the_reader_knows_every_schema_step() -> None:
    assert list(MIGRATIONS) == [m.name for m in migrations._migrations]


def test_reading_gives_what_the_ordinary_path_gives(studied_dir: Path) -> None:
    clock = FixedClock(datetime.fromisoformat(STUDIED_AT))
    with Collection.open(studied_dir, clock=clock) as col:
        expected = (col.stats(), col.stats("Test::B"), col.deck_summaries(), col.decks())
    with Collection.open_for_reading(studied_dir, clock=clock) as col:
        assert col.read_only
        got = (col.stats(), col.stats("Test::B"), col.deck_summaries(), col.decks())
    assert got == expected
    assert expected[0]["reviews_total"] == 4  # the data is not trivially empty
    assert expected[0]["suspended"] == 1


def test_reading_writes_nothing(studied_dir: Path) -> None:
    path = studied_dir / COLLECTION_FILE
    before = _digest(path)
    clock = FixedClock(datetime.fromisoformat(STUDIED_AT))
    with Collection.open_for_reading(studied_dir, clock=clock) as col:
        col.stats()
        with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only|query_only"):
            col.store.db.execute("DELETE FROM cards")
        with pytest.raises(StorageError, match="reading only"), col.store.atomic():
            pass
        with pytest.raises(FlashcardsError):
            col.suspend(1)
        assert col.store.cards.get(1) is not None
    assert _digest(path) == before


def test_reading_is_locked_like_opening(studied_dir: Path) -> None:
    with Collection.open(studied_dir) as _, pytest.raises(CollectionLockedError):
        Collection.open_for_reading(studied_dir)


def test_an_older_schema_is_refused_and_opened_the_ordinary_way(tmp_path: Path) -> None:
    from sqlite_utils import Database

    path = tmp_path / COLLECTION_FILE
    db = Database(path)
    migrations.apply(db, stop_before=MIGRATIONS[-1])
    db.close()
    with pytest.raises(ReaderUnavailable):
        Store.open_reader(path)
    with Collection.open_for_reading(tmp_path) as col:
        assert not col.read_only  # the ordinary path, which upgraded the schema
    db = Database(path)
    assert [m.name for m in migrations.applied(db)] == list(MIGRATIONS)
    db.close()


def test_a_newer_schema_is_refused_with_the_ordinary_error(studied_dir: Path) -> None:
    path = studied_dir / COLLECTION_FILE
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('flashcards', '9999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(ReaderUnavailable):
        Store.open_reader(path)
    with pytest.raises(FlashcardsError, match="newer version of flashcards"):
        Collection.open_for_reading(studied_dir)


def test_a_new_folder_is_created_the_ordinary_way(data_dir: Path) -> None:
    with Collection.open_for_reading(data_dir) as col:
        assert not col.read_only
        assert col.stats()["cards"] > 0  # the bundled decks were loaded
    assert (data_dir / COLLECTION_FILE).is_file()


def test_the_cli_reads_without_sqlite_utils(studied_dir: Path) -> None:
    probe = (
        "import sys\nfrom flashcards.cli import main\n"
        "main(['stats', '--json']); main(['decks', '--json'])\n"
        "print('LOADED', 'sqlite_utils' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=cli_env(studied_dir, STUDIED_AT),
        check=True,
    )
    assert done.stdout.strip().endswith("LOADED False")
    assert '"reviews_total": 4' in done.stdout


def test_the_cli_falls_back_where_the_reader_cannot_go(data_dir: Path) -> None:
    done = run_cli(["stats", "--json"], data_dir)  # no collection yet: created, bundled decks
    assert done.returncode == 0, done.stderr
    assert (data_dir / COLLECTION_FILE).is_file()
