"""Environment faults: full disk, locked database, read-only folder: clear, and nothing lost."""

from __future__ import annotations

import hashlib
import json
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from flashcards.core.models import Card
from flashcards.formats.records import NoteRecord
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError
from tests.conftest import ROOT, SMALL_DECK, cli_env, run_cli
from tests.test_storage import dump


def test_full_disk_during_import_changes_nothing(col: Collection, data_dir: Path) -> None:
    pages = col.store.db.execute("PRAGMA page_count").fetchone()[0]
    col.store.db.execute(f"PRAGMA max_page_count = {pages + 2}")
    before = dump(data_dir)
    records = [NoteRecord("Basic", (f"질문 {i} " + "가" * 200, f"답 {i}")) for i in range(500)]
    with pytest.raises(FlashcardsError, match="disk is full"):
        col.import_records(records, source="big.txt")
    assert dump(data_dir) == before
    assert col.check().ok
    # Space comes back: the app keeps working.
    col.store.db.execute("PRAGMA max_page_count = 1073741823")
    assert col.import_records(records, source="big.txt").added == 500


def _answer_until_error(col: Collection, cards: list[Card]) -> tuple[int, Exception | None]:
    for answered, card in enumerate(cards):
        try:
            col.answer(card.id, 4)
        except FlashcardsError as exc:
            return answered, exc
    return len(cards), None


def test_full_disk_during_answers_keeps_every_card_consistent(
    empty_col: Collection, data_dir: Path
) -> None:
    col = empty_col
    col.import_records(
        [NoteRecord("Basic", (f"q{i}", f"a{i}")) for i in range(400)], source="q.txt", deck="D"
    )
    pages = col.store.db.execute("PRAGMA page_count").fetchone()[0]
    col.store.db.execute(f"PRAGMA max_page_count = {pages}")
    cards = list(col.store.cards.iter_all())
    answered, error = _answer_until_error(col, cards)
    assert error is not None  # 400 new log rows cannot fit in the pages there are
    assert "disk is full" in str(error)
    failed = cards[answered]
    assert col.card(failed.id) == failed
    assert col.store.reviews.count() == answered
    assert col.check().ok


def test_locked_database_is_a_clear_error(col: Collection, data_dir: Path) -> None:
    col.store.db.execute("PRAGMA busy_timeout = 50")
    card = next(iter(col.store.cards.iter_all()))
    other = sqlite3.connect(data_dir / "collection.sqlite", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(FlashcardsError, match="another program"):
            col.answer(card.id, 4)
    finally:
        other.execute("ROLLBACK")
        other.close()
    col.answer(card.id, 4)
    assert col.card(card.id).reps == 1


def _run_in_read_only_folder(
    data_dir: Path, args: list[str], stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run the CLI where `data_dir` is a read-only mount (a private mount namespace)."""
    command = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "flashcards", *args])
    folder = shlex.quote(str(data_dir))
    script = f"mount --bind -o ro {folder} {folder} && exec {command}"
    return subprocess.run(
        ["unshare", "--map-root-user", "--mount", "sh", "-c", script],
        input=stdin,
        capture_output=True,
        text=True,
        env=cli_env(data_dir, "2026-11-27T09:00:00+09:00"),
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_read_only_data_folder_is_shown_but_never_changed(data_dir: Path) -> None:
    assert run_cli(["import", str(SMALL_DECK)], data_dir).returncode == 0
    before = _digest(data_dir)
    stats = _run_in_read_only_folder(data_dir, ["stats", "--json"])
    assert stats.returncode == 0, stats.stderr
    assert "read-only" in stats.stderr
    assert json.loads(stats.stdout)["notes"] > 5
    found = _run_in_read_only_folder(data_dir, ["search", "--json", "가상"])
    assert found.returncode == 0, found.stderr
    assert any(row["sort_field"] == "EC2" for row in json.loads(found.stdout))
    for args in (["review"], ["check"], ["import", str(SMALL_DECK)], ["backup"]):
        refused = _run_in_read_only_folder(data_dir, args, stdin="5\n")
        assert refused.returncode == 1, args
        lines = refused.stderr.strip().splitlines()
        assert len(lines) == 1, refused.stderr
        assert "is read-only" in lines[0]
    assert _digest(data_dir) == before
