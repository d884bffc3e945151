"""The SQLite collection on disk: schema, atomic answers, undo, check, the lock."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from flashcards.core.clock import FixedClock
from flashcards.services.collection import COLLECTION_FILE, Collection
from flashcards.services.errors import CollectionLockedError, FlashcardsError
from tests.conftest import ROOT


def raw(data_dir: Path) -> sqlite3.Connection:
    return sqlite3.connect(data_dir / COLLECTION_FILE)


def dump(data_dir: Path) -> dict[str, list[tuple[object, ...]]]:
    with raw(data_dir) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        # Sorted in Python: the text index's shadow tables have no rowid to order by.
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def test_tables_are_strict_and_wal(col: Collection, data_dir: Path) -> None:
    with raw(data_dir) as conn:
        rows = conn.execute("PRAGMA table_list").fetchall()
        strict = {
            r[1]: r[5] for r in rows if r[0] == "main" and not r[1].startswith(("sqlite_", "_"))
        }
        strict = {name: flag for name, flag in strict.items() if not name.startswith("notes_fts")}
        assert set(strict) == {
            "settings",
            "notetypes",
            "decks",
            "notes",
            "cards",
            "revlog",
            "review_days",
            "deck_card_counts",
            "deck_intervals",
            "deck_easiness",
            "study_days",
        }
        assert all(strict.values())
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE cards SET easiness = 'high'")


def test_due_today_is_an_index_lookup(col: Collection) -> None:
    """The queries behind today's queue and counts search an index, never scan the table."""
    executed: list[tuple[str, object]] = []
    deck_ids = [d.id for d in col.decks()]
    with col.store.db.tracer(lambda sql, params: executed.append((sql, params))):
        col.store.cards.due_reviews(deck_ids, col.today(), 50)
        col.store.cards.new_cards(deck_ids[0], col.today(), 20)
        col.deck_summaries()
    plans = []
    for sql, params in executed:
        if not sql.lstrip().upper().startswith("SELECT") or "FROM cards" not in sql:
            continue
        plan = col.store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params or []).fetchall()
        plans.append((sql, [row[3] for row in plan]))
    assert plans
    for sql, steps in plans:
        card_steps = [s for s in steps if " cards" in s]
        assert card_steps, (sql, steps)
        assert all("USING" in s and "INDEX" in s for s in card_steps), (sql, steps)


def test_duplicate_check_matches_exactly_through_the_sort_index(col: Collection) -> None:
    """Only notes of the same type whose first field is the same text, case included,
    are duplicates; the lookup is a range of notes_sort, not every note of the type."""
    note, _ = col.add_note("Basic", ["Region", "a"], deck="D")
    col.add_note("Basic", ["region", "b"], deck="D")  # differs in case only: not the same
    col.add_note("Basic (and reversed card)", ["Region", "c"], deck="D")  # another type
    assert col.duplicates_of("Basic", "Region") == [note.id]
    assert col.duplicates_of("Basic", "<b>Region</b>") == [note.id]  # HTML is ignored
    assert col.duplicates_of("Basic", "Region", exclude=note.id) == []
    executed: list[tuple[str, object]] = []
    with col.store.db.tracer(lambda sql, params: executed.append((sql, params))):
        col.duplicates_of("Basic", "Region")
    ((sql, params),) = [(q, p) for q, p in executed if "FROM notes" in q]
    plan = col.store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params or []).fetchall()
    assert [row[3] for row in plan] == ["SEARCH notes USING INDEX notes_sort (sort_field=?)"]


def test_foreign_keys_are_enforced(col: Collection) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        col.store.db.execute(
            "INSERT INTO revlog (card_id, time_ms, day, grade, kind, reps_before, "
            "interval_before, easiness_before, reps_after, interval_after, "
            "easiness_after, due_after) VALUES (999999, 0, 0, 3, 0, 0, 0, 250, 1, 1, 250, 1)"
        )


def test_answer_is_atomic_when_the_log_write_fails(col: Collection, data_dir: Path) -> None:
    card = next(iter(col.store.cards.iter_all()))
    with raw(data_dir) as conn:
        conn.execute(
            "CREATE TRIGGER fail_log BEFORE INSERT ON revlog "
            "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
    before = dump(data_dir)
    with pytest.raises(sqlite3.IntegrityError, match="disk full"):
        col.answer(card.id, 4)
    assert dump(data_dir) == before
    assert col.card(card.id) == card


def test_answer_is_on_disk_before_it_returns(col: Collection, data_dir: Path) -> None:
    card = next(iter(col.store.cards.iter_all()))
    col.answer(card.id, 5)
    with raw(data_dir) as other:  # a second connection sees the committed answer
        assert other.execute("SELECT count(*) FROM revlog").fetchone()[0] == 1
        assert other.execute("SELECT reps FROM cards WHERE id = ?", [card.id]).fetchone()[0] == 1


def test_undo_leaves_the_file_as_it_was(col: Collection, data_dir: Path) -> None:
    before = dump(data_dir)
    session = col.study()
    for grade in (5, 2):
        sc = session.next_card()
        assert sc is not None
        session.answer(sc.card, grade)
    session.undo()
    session.undo()
    assert dump(data_dir) == before


def test_check_detects_and_repairs_a_tampered_card(col: Collection, data_dir: Path) -> None:
    session = col.study()
    sc = session.next_card()
    assert sc is not None
    session.answer(sc.card, 5)
    assert col.check().ok
    with raw(data_dir) as conn:
        conn.execute("UPDATE cards SET interval = 30 WHERE id = ?", [sc.card.id])
    report = col.check()
    assert not report.ok
    assert any(f"card {sc.card.id}" in p and "interval 30" in p for p in report.problems)
    repaired = col.check(repair=True)
    assert repaired.repaired
    assert col.check().ok
    assert col.card(sc.card.id).sm2.interval == 1


def test_check_detects_a_new_card_with_a_forged_schedule(col: Collection, data_dir: Path) -> None:
    card = next(iter(col.store.cards.iter_all()))
    with raw(data_dir) as conn:
        conn.execute(
            "UPDATE cards SET type = 1, queue = 1, interval = 9, repetitions = 3 WHERE id = ?",
            [card.id],
        )
    assert not col.check().ok


def test_second_open_is_refused_then_allowed(data_dir: Path, clock: FixedClock) -> None:
    first = Collection.open(data_dir, clock=clock, load_bundled=False)
    with pytest.raises(CollectionLockedError, match="already open"):
        Collection.open(data_dir, clock=clock, load_bundled=False)
    first.close()
    Collection.open(data_dir, clock=clock, load_bundled=False).close()


def test_lock_dies_with_a_killed_process(data_dir: Path, clock: FixedClock) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from flashcards.services.collection import Collection\n"
            f"c = Collection.open({str(data_dir)!r}, load_bundled=False)\n"
            "print('open', flush=True)\n"
            "time.sleep(60)\n",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "open"
    with pytest.raises(CollectionLockedError):
        Collection.open(data_dir, clock=clock, load_bundled=False)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    Collection.open(data_dir, clock=clock, load_bundled=False).close()


def test_newer_schema_is_refused_without_change(
    col: Collection, data_dir: Path, clock: FixedClock
) -> None:
    col.close()
    with raw(data_dir) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('flashcards', '9999_from_the_future', 'later')"
        )
    before = dump(data_dir)
    with pytest.raises(FlashcardsError, match="newer version"):
        Collection.open(data_dir, clock=clock, load_bundled=False)
    assert dump(data_dir) == before


def test_not_a_database_is_a_clear_error(data_dir: Path, clock: FixedClock) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / COLLECTION_FILE).write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(FlashcardsError, match="cannot be opened"):
        Collection.open(data_dir, clock=clock, load_bundled=False)
    Path(data_dir / COLLECTION_FILE).unlink()
