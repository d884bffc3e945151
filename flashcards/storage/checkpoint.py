"""Checkpointing the write-ahead log in the background, off the path of every commit.

In WAL mode each commit appends the pages it changed to collection.sqlite-wal;
a checkpoint copies them back into the database file. SQLite's default is to
checkpoint inside the commit that makes the log pass 1,000 pages, so every
fiftieth answer or so (an answer changes ~20 pages: the card, its indexes, the
review log and the daily totals) took several milliseconds more. Here a thread
with its own connection checkpoints soon after writes instead, so an answer
pays only for its own pages. The main connection keeps a far larger automatic
checkpoint as a safety net, and closing the collection checkpoints everything.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

__all__ = ["AUTOCHECKPOINT_PAGES", "WAL_SIZE_LIMIT", "Checkpointer"]

AUTOCHECKPOINT_PAGES = 10_000
"""The main connection's own automatic checkpoint (40 MB of log), should this
thread ever fall behind."""
WAL_SIZE_LIMIT = 4 * 1024 * 1024
"""After a burst of writes the log file is cut back to this size when it restarts."""


class Checkpointer:
    """A daemon thread that checkpoints the collection's log after others write to it."""

    def __init__(self, path: Path, interval_s: float = 1.0) -> None:
        self._path = str(path)
        self._interval_s = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="flashcards-checkpoint", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self._path)
        except sqlite3.Error:
            return  # the main connection's automatic checkpoint remains
        try:
            seen = None
            while not self._stop.wait(self._interval_s):
                try:
                    # data_version changes when another connection has committed.
                    version = conn.execute("PRAGMA data_version").fetchone()[0]
                    if version != seen:
                        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                        seen = version
                except sqlite3.Error:
                    continue  # busy or gone for a moment: the next round tries again
        finally:
            conn.close()

    def stop(self) -> None:
        """End the thread (before the main connection closes and checkpoints the rest)."""
        self._stop.set()
        self._thread.join()
