"""The write-ahead log is checkpointed by a background thread that ends with the collection."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from flashcards.core.clock import FixedClock
from flashcards.services.collection import COLLECTION_FILE, Collection
from flashcards.storage.checkpoint import Checkpointer


def _threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name == "flashcards-checkpoint"]


def test_writes_reach_the_database_file_without_a_checkpoint_by_the_writer(
    tmp_path: Path,
) -> None:
    path = tmp_path / "c.sqlite"
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA journal_mode = wal")
    writer.execute("PRAGMA wal_autocheckpoint = 0")  # the writer never checkpoints
    writer.execute("CREATE TABLE t (x TEXT)")
    size_before = path.stat().st_size
    checkpointer = Checkpointer(path, interval_s=0.02)
    writer.executemany("INSERT INTO t VALUES (?)", [("x" * 1000,)] * 500)  # ~500 kB
    deadline = time.monotonic() + 30
    # Each INSERT commits on its own, so a checkpoint may land between two of them: wait
    # until the file holds them all, not just until it first grows.
    while path.stat().st_size <= size_before + 400_000 and time.monotonic() < deadline:
        time.sleep(0.02)  # waiting for the thread, not timing it
    checkpointer.stop()
    assert path.stat().st_size > size_before + 400_000  # the pages are in the file now
    assert not checkpointer._thread.is_alive()
    writer.close()


def test_the_thread_ends_when_the_collection_closes(tmp_path: Path, clock: FixedClock) -> None:
    before = len(_threads())
    col = Collection.open(tmp_path / "data", clock=clock, load_bundled=False)
    assert len(_threads()) == before + 1
    col.add_note("Basic", ["q", "a"], deck="D")
    col.close()
    assert len(_threads()) == before
    assert not (tmp_path / "data" / f"{COLLECTION_FILE}-wal").exists()  # all checkpointed
