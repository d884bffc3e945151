"""`flashcards import` / `flashcards export` as real processes, and the Markdown route."""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.anki_helpers import import_again, import_into_anki
from tests.conftest import SMALL_DECK, run_cli


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The common umask 022 for the CLI processes, whatever the test runner's is."""
    before = os.umask(0o022)
    yield
    os.umask(before)


@pytest.mark.usefixtures("usual_umask")
def test_import_then_export_every_format(tmp_path: Path, data_dir: Path) -> None:
    result = run_cli(["import", str(SMALL_DECK)], data_dir)
    assert result.returncode == 0, result.stderr
    assert "5 added, 0 updated, 0 unchanged, 0 skipped" in result.stdout
    for name in ("all.json", "all.apkg", "all.csv", "all.tsv"):
        out = tmp_path / name
        result = run_cli(["export", str(out), "--deck", "Test"], data_dir)
        assert result.returncode == 0, result.stderr
        if name.endswith((".csv", ".tsv")):  # text carries notes only, and says so
            assert result.stdout == (
                f"{out}: 5 notes (a text file: no scheduling, review log or media)\n"
            )
        else:
            assert "5 notes, 7 cards" in result.stdout
        assert out.is_file()
        assert out.stat().st_mode & 0o044 == 0o044  # readable by others, like any file
    assert json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))["version"] == 1
    assert "collection.anki21b" in zipfile.ZipFile(tmp_path / "all.apkg").namelist()
    result = run_cli(["export", str(tmp_path / "b.apkg"), "--deck", "Test::B"], data_dir)
    assert "2 notes, 4 cards" in result.stdout
    again = run_cli(["import", str(tmp_path / "all.json")], data_dir)
    assert "0 added, 0 updated, 5 unchanged, 0 skipped" in again.stdout


def test_export_legacy_writes_the_format_older_anki_reads(tmp_path: Path, data_dir: Path) -> None:
    assert run_cli(["import", str(SMALL_DECK)], data_dir).returncode == 0
    legacy, latest = tmp_path / "legacy.apkg", tmp_path / "latest.apkg"
    result = run_cli(["export", str(legacy), "--deck", "Test", "--legacy"], data_dir)
    assert result.returncode == 0, result.stderr
    assert "5 notes, 7 cards" in result.stdout
    with zipfile.ZipFile(legacy) as zf:
        assert "collection.anki21" in zf.namelist()
        assert "collection.anki21b" not in zf.namelist()
        assert zf.read("meta") == b"\x08\x02"  # PackageMetadata{version: LEGACY_2}
    assert run_cli(["export", str(latest), "--deck", "Test"], data_dir).returncode == 0
    anki, log = import_into_anki(tmp_path / "anki", legacy)
    try:
        assert (len(log.new), anki.note_count(), anki.card_count()) == (5, 5, 7)
        # The same notes in the other flavour add nothing.
        assert len(import_again(anki, latest).new) == 0
        assert (anki.note_count(), anki.card_count()) == (5, 7)
    finally:
        anki.close()


def test_export_errors_are_one_sentence(tmp_path: Path, data_dir: Path) -> None:
    result = run_cli(["export", str(tmp_path / "out.xlsx")], data_dir)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "flashcards: error: out.xlsx: cannot export to .xlsx (use .csv, .tsv, .txt, .json, .apkg)"
    )
    result = run_cli(["export", str(tmp_path / "out.apkg"), "--deck", "Nope"], data_dir)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.apkg").exists()


def test_imported_notes_are_searchable_at_once(tmp_path: Path, data_dir: Path) -> None:
    assert run_cli(["import", str(SMALL_DECK)], data_dir).returncode == 0
    found = run_cli(["search", "--json", "deck:Test", "가상"], data_dir)
    assert found.returncode == 0, found.stderr
    assert [row["sort_field"] for row in json.loads(found.stdout)] == ["EC2"]
    check = run_cli(["check", "--json", "--no-repair"], data_dir)
    assert json.loads(check.stdout)["ok"] is True
