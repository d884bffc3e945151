"""Every import into a collection that holds notes is backed up first (service and CLI)."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from flashcards.core.clock import FixedClock
from flashcards.services.backups import KEEP_BACKUPS
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError
from flashcards.services.importing import ImportOptions
from tests.conftest import run_cli
from tests.test_storage import dump


def _notes_in(backup: Path) -> list[str]:
    with sqlite3.connect(backup) as conn:
        return sorted(r[0] for r in conn.execute("SELECT fields FROM notes"))


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_an_import_backs_up_the_collection_as_it_was(
    col: Collection, data_dir: Path, tmp_path: Path
) -> None:
    with sqlite3.connect(data_dir / "collection.sqlite") as conn:
        before = sorted(r[0] for r in conn.execute("SELECT fields FROM notes"))
    assert len(before) == 5
    summary = col.import_file(_write(tmp_path / "more.csv", "Lambda,서버리스 함수\n"))
    assert summary.added == 1
    (backup,) = col.backups()
    assert backup.reason == "import"
    assert _notes_in(backup.path) == before  # the state before the import, not after
    assert col.store.notes.count() == 6


def test_a_first_import_into_an_empty_collection_needs_no_backup(
    empty_col: Collection, tmp_path: Path
) -> None:
    empty_col.import_file(_write(tmp_path / "first.csv", "EC2,가상 서버\n"))
    assert empty_col.backups() == []


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bad.apkg", "this is not a zip file"),  # refused while reading
        ("bad.txt", "#notetype:No such type\nfront\tback\n"),  # refused while writing
        ("blank.csv", ",back\n"),  # a note whose first field is empty
    ],
)
def test_a_failed_import_leaves_the_data_directory_as_it_was(
    col: Collection, data_dir: Path, tmp_path: Path, name: str, content: str
) -> None:
    before = dump(data_dir)
    with pytest.raises(FlashcardsError):
        col.import_file(_write(tmp_path / name, content), ImportOptions(field_columns=[0, 1, 2, 3]))
    assert dump(data_dir) == before
    assert sorted(p.name for p in (data_dir / "backups").iterdir()) == []


def test_a_failed_import_never_pushes_out_an_old_backup(
    col: Collection, clock: FixedClock, tmp_path: Path
) -> None:
    for _ in range(KEEP_BACKUPS):
        clock.advance(timedelta(minutes=1))
        col.backup()
    kept = [b.path for b in col.backups()]
    clock.advance(timedelta(minutes=1))
    with pytest.raises(FlashcardsError):
        col.import_file(_write(tmp_path / "bad.txt", "#notetype:Nope\nx\ty\n"))
    assert [b.path for b in col.backups()] == kept
    col.import_file(_write(tmp_path / "good.csv", "Lambda,서버리스 함수\n"))
    after = col.backups()
    assert len(after) == KEEP_BACKUPS
    assert after[0].reason == "import"
    assert [b.path for b in after[1:]] == kept[:-1]  # only the oldest made room


def test_the_cli_import_makes_the_backup_too(data_dir: Path, tmp_path: Path) -> None:
    first = _write(tmp_path / "a.csv", "zebra-first,가상 서버\n")
    second = _write(tmp_path / "b.csv", "zebra-second,객체 스토리지\n")
    # The bundled decks are loaded when the collection is created, so both imports back up.
    assert run_cli(["import", str(first)], data_dir).returncode == 0
    assert run_cli(["import", str(second)], data_dir).returncode == 0
    seen = [
        (any("zebra-first" in f for f in fields), any("zebra-second" in f for f in fields))
        for fields in map(_notes_in, (data_dir / "backups").glob("*-import.sqlite"))
    ]
    assert sorted(seen) == [(False, False), (True, False)]
