"""Shared fixtures: a fixed clock, a real collection on disk, and the CLI as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path

import pytest

from flashcards.core.clock import FixedClock
from flashcards.services.collection import Collection
from flashcards.services.importing import import_file

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SMALL_DECK = DATA / "small_deck.txt"
START = datetime.fromisoformat("2026-11-27T09:00:00+09:00")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def empty_col(data_dir: Path, clock: FixedClock) -> Iterator[Collection]:
    col = Collection.open(data_dir, clock=clock, load_bundled=False)
    yield col
    col.close()


@pytest.fixture
def col(empty_col: Collection) -> Collection:
    """A collection holding tests/data/small_deck.txt (5 notes, 7 cards)."""
    import_file(empty_col, SMALL_DECK)
    return empty_col


def cli_env(data_dir: Path, now: str | None = None, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["FLASHCARDS_DATA_DIR"] = str(data_dir)
    env["PYTHONPATH"] = str(ROOT)
    env.pop("FLASHCARDS_NOW", None)
    if now is not None:
        env["FLASHCARDS_NOW"] = now
    env.update(extra)
    return env


def run_cli(
    args: Sequence[str],
    data_dir: Path,
    *,
    now: str | None = "2026-11-27T09:00:00+09:00",
    stdin: str = "",
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """Run `python -m flashcards ARGS` as a real process."""
    return subprocess.run(
        [sys.executable, "-m", "flashcards", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=cli_env(data_dir, now),
        cwd=ROOT,
        timeout=timeout,
        check=False,
    )
