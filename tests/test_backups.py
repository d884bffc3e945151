"""Backups and restores: snapshots on disk, retention, the daily rule, refusing bad files."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from flashcards.core.clock import FixedClock
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError
from tests.conftest import run_cli
from tests.test_storage import dump


def test_backup_is_a_consistent_copy(col: Collection, data_dir: Path, tmp_path: Path) -> None:
    col.answer(next(iter(col.store.cards.iter_all())).id, 5)
    backup = col.backup()
    assert backup.path.parent == data_dir / "backups"
    copy = tmp_path / "copy"
    copy.mkdir()
    backup.path.rename(copy / "collection.sqlite")
    live = dump(data_dir)
    assert dump(copy) == live


def test_daily_backup_once_per_day(col: Collection, clock: FixedClock) -> None:
    assert col.backup_if_due() is not None
    assert col.backup_if_due() is None
    clock.advance(timedelta(days=1))
    assert col.backup_if_due() is not None
    assert [b.reason for b in col.backups()] == ["daily", "daily"]


def test_only_the_newest_thirty_are_kept(col: Collection, clock: FixedClock) -> None:
    made = []
    for _ in range(35):
        clock.advance(timedelta(minutes=1))
        made.append(col.backup().path)
    kept = [b.path for b in col.backups()]
    assert len(kept) == 30
    assert kept == list(reversed(made[5:]))


def test_restore_brings_back_the_old_state_and_saves_the_current(
    col: Collection, data_dir: Path, clock: FixedClock
) -> None:
    before = dump(data_dir)
    backup = col.backup()
    clock.advance(timedelta(minutes=1))
    col.answer(next(iter(col.store.cards.iter_all())).id, 5)
    after_answer = dump(data_dir)
    safety = col.restore(backup.path)
    assert col.store.reviews.count() == 0
    assert dump(data_dir) == before
    assert safety.reason == "restore"
    assert col.check().ok
    # The safety copy holds the answer that the restore replaced.
    with sqlite3.connect(safety.path) as conn:
        assert conn.execute("SELECT count(*) FROM revlog").fetchone()[0] == 1
    assert after_answer["revlog"]


@pytest.mark.parametrize(
    "content", [b"", b"garbage" * 1000, b"SQLite format 3\x00" + b"\x00" * 200]
)
def test_restore_refuses_bad_files_and_changes_nothing(
    col: Collection, data_dir: Path, tmp_path: Path, content: bytes
) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    before = dump(data_dir)
    with pytest.raises(FlashcardsError):
        col.restore(bad)
    assert dump(data_dir) == before
    assert col.backups() == []


def test_restore_refuses_a_foreign_sqlite_file(
    col: Collection, data_dir: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER)")
    before = dump(data_dir)
    with pytest.raises(FlashcardsError, match="not a flashcards collection"):
        col.restore(other)
    assert dump(data_dir) == before


def test_cli_backup_list_and_restore(data_dir: Path) -> None:
    made = run_cli(["backup", "--json"], data_dir)
    assert made.returncode == 0, made.stderr
    path = json.loads(made.stdout)["path"]
    listed = json.loads(run_cli(["backup", "--list", "--json"], data_dir).stdout)
    assert [b["path"] for b in listed] == [path]
    restored = run_cli(["restore", path], data_dir)
    assert restored.returncode == 0, restored.stderr
    assert "previous collection was saved" in restored.stdout
    missing = run_cli(["restore", str(data_dir / "nope.sqlite")], data_dir)
    assert missing.returncode == 1
    assert "no such file" in missing.stderr
