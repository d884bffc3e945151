"""Importing a studied collection's export where the same notes are already, unstudied.

A new machine's first collection holds the bundled decks; the user then imports
the `.json` or `.apkg` export of the collection they studied elsewhere. Those
notes are already here (same guids), so the import keeps them — and used to keep
their cards as they were here, never studied, dropping the file's schedule and
review history without a word. A card never studied here now takes the file's;
a card studied here keeps its own progress.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from flashcards.core.clock import FixedClock
from flashcards.services.collection import Collection
from flashcards.services.exporting import export_file
from flashcards.services.importing import import_file
from tests.conftest import SMALL_DECK, START, run_cli

Key = tuple[str, int]
"""A card across collections: its note's guid and its template ordinal."""


def _progress(col: Collection, folder: Path) -> dict[Key, tuple[object, ...]]:
    """Each card's schedule and number of review-log entries, read from a JSON export."""
    doc = json.loads(export_file(col, folder / "state.json").path.read_text(encoding="utf-8"))
    guids = {n["id"]: n["guid"] for n in doc["notes"]}
    keys = {c["id"]: (guids[c["note_id"]], c["ord"]) for c in doc["cards"]}
    answers = Counter(keys[g["card_id"]] for g in doc["revlog"] if g["kind"] != 2)
    return {
        keys[c["id"]]: (c["type"], c["queue"], c["interval"], c["due"], c["reps"], answers[k])
        for c in doc["cards"]
        for k in [keys[c["id"]]]
    }


@pytest.mark.parametrize("suffix", [".json", ".apkg"])
def test_cards_never_studied_here_take_the_files_progress(tmp_path: Path, suffix: str) -> None:
    clock = FixedClock(START)
    with Collection.open(tmp_path / "old", clock=clock, load_bundled=False) as old:
        import_file(old, SMALL_DECK)
        first, second, third, *_ = old.search("")
        old.answer(first, 5)
        old.answer(second, 4)
        old.answer(third, 1)
        exported = export_file(old, tmp_path / f"studied{suffix}").path
        studied = _progress(old, tmp_path)
    with Collection.open(tmp_path / "new", clock=clock, load_bundled=False) as new:
        import_file(new, SMALL_DECK)  # the same notes, as a new collection's bundled decks
        mine = new.search("")[1]
        new.answer(mine, 3)  # studied here too: keeps this progress, not the file's
        own = _progress(new, tmp_path)
        summary = import_file(new, exported)
        after = _progress(new, tmp_path)

    (mine_key,) = [k for k, v in own.items() if v[-1] == 1]
    assert after[mine_key] == own[mine_key]
    taken = {k for k, v in studied.items() if v[-1] > 0} - {mine_key}
    assert len(taken) == 2
    for key in taken:
        assert after[key] == studied[key], key
    untouched = set(studied) - taken - {mine_key}
    assert untouched
    assert all(after[k] == own[k] for k in untouched)
    assert summary.added == 0
    assert summary.cards == 2
    assert summary.progress_taken == 2


def test_the_cli_says_how_many_cards_took_the_files_progress(tmp_path: Path) -> None:
    clock = FixedClock(START)
    with Collection.open(tmp_path / "old", clock=clock, load_bundled=False) as old:
        import_file(old, SMALL_DECK)
        old.answer(old.search("")[0], 5)
        exported = export_file(old, tmp_path / "studied.json").path
    with Collection.open(tmp_path / "new", clock=clock, load_bundled=False) as new:
        import_file(new, SMALL_DECK)
    result = run_cli(["import", str(exported)], tmp_path / "new")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "  1 card already here but never studied took the file's schedule and answers" in lines
