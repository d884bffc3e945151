"""The review log: append-only, one row per graded answer or manual change."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from flashcards.core.models import ReviewLog
from flashcards.core.queue import StudiedToday
from flashcards.storage.rows import log_from_row, log_to_row

__all__ = ["ReviewRepo"]

_COLUMNS = (
    "card_id, time_ms, day, grade, kind, reps_before, interval_before, easiness_before, "
    "reps_after, interval_after, easiness_after, due_after, duration_ms, typed, suggested"
)

if TYPE_CHECKING:
    from sqlite_utils import Database


class ReviewRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def insert(self, log: ReviewLog) -> int:
        row = log_to_row(log)
        cursor = self.db.execute(
            f"INSERT INTO revlog ({_COLUMNS}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        return int(cursor.lastrowid or 0)

    def delete(self, log_id: int) -> None:
        self.db.execute("DELETE FROM revlog WHERE id = ?", [log_id])

    def of_card(self, card_id: int) -> list[ReviewLog]:
        rows = self.db.query("SELECT * FROM revlog WHERE card_id = ? ORDER BY id", [card_id])
        return [log_from_row(r) for r in rows]

    def iter_all(self) -> Iterable[ReviewLog]:
        """Every entry, grouped by card and in the order it was written."""
        for row in self.db.query("SELECT * FROM revlog ORDER BY card_id, id"):
            yield log_from_row(row)

    def studied_on(self, day: int) -> dict[int, StudiedToday]:
        """Per deck: new cards introduced and reviews done on study day `day`.

        A new card's first repetition has interval_before = 0; no other state does.
        """
        rows = self.db.execute(
            "SELECT c.deck_id, sum(r.interval_before = 0), sum(r.interval_before > 0) "
            "FROM revlog r JOIN cards c ON c.id = r.card_id "
            "WHERE r.day = ? AND r.kind = 0 GROUP BY c.deck_id",
            [day],
        )
        return {deck: StudiedToday(new=int(n), reviews=int(r)) for deck, n, r in rows}

    def count(self, day: int | None = None) -> int:
        """Graded answers (reviews and re-drills; MANUAL state entries are not answers)."""
        if day is None:
            row = self.db.execute("SELECT count(*) FROM revlog WHERE kind != 2").fetchone()
        else:
            row = self.db.execute(
                "SELECT count(*) FROM revlog WHERE day = ? AND kind != 2", [day]
            ).fetchone()
        return int(row[0])
