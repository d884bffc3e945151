"""Check database on rows that point at nothing (written by another tool with foreign
keys off): repaired as Anki repairs them, or reported when they cannot be."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from flashcards.services.collection import COLLECTION_FILE, Collection


def _tamper(data_dir: Path, *statements: str) -> None:
    conn = sqlite3.connect(data_dir / COLLECTION_FILE)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def _card_of(col: Collection, first_field: str) -> int:
    (note_id,) = col.duplicates_of("Basic", first_field)
    return col.cards_of(note_id)[0].id


def test_cards_without_a_note_are_deleted_and_cards_without_a_deck_move(
    col: Collection, data_dir: Path
) -> None:
    s3, iam = _card_of(col, "S3"), _card_of(col, "IAM")
    col.answer(s3, 4)
    col.answer(iam, 4)
    (s3_note,) = col.duplicates_of("Basic", "S3")
    iam_deck = col.card(iam).deck_id
    _tamper(
        data_dir,
        f"DELETE FROM notes WHERE id = {s3_note}",
        f"UPDATE cards SET deck_id = 999 WHERE id = {iam}",
    )
    found = col.check(repair=False)
    assert not found.ok
    assert f"card {s3} belongs to a note that does not exist: deleted, with its review history" in (
        found.problems
    )
    assert f"card {iam} is in a deck that does not exist: moved to Default" in found.problems
    assert col.store.dangling()  # reporting changed nothing

    repaired = col.check(repair=True)
    assert repaired.ok, repaired.problems
    assert repaired.repaired[:2] == found.problems
    # The deleted note's text-index entry was left behind by the tamper: repaired too.
    assert repaired.repaired[2:] == ["1 note has out-of-date search text"]
    assert col.store.dangling() == []
    assert col.store.reviews.of_card(s3) == []
    assert col.deck_name(col.card(iam).deck_id) == "Default"
    assert col.card(iam).deck_id != iam_deck
    assert col.check(repair=False).ok  # counts and daily totals followed the repair
    assert col.study("Test").next_card() is not None


def test_a_note_of_a_missing_note_type_is_reported_and_nothing_is_repaired(
    col: Collection, data_dir: Path
) -> None:
    (note_id,) = col.duplicates_of("Basic", "S3")
    _tamper(data_dir, f"UPDATE notes SET notetype_id = 999 WHERE id = {note_id}")
    before = col.store.dangling()
    report = col.check(repair=True)
    assert report.problems == [f"notes row {note_id} refers to a missing notetypes row"]
    assert report.repaired == []
    assert col.store.dangling() == before
