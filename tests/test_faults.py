"""Environment faults: a full disk, a locked database — clear messages, nothing corrupted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from flashcards.core.models import Card
from flashcards.formats.records import NoteRecord
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError
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
