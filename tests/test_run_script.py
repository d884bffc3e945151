"""storage.database.run_script: a migration's statements, one by one, in its transaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlite_utils import Database

from flashcards.storage.database import run_script

SCRIPT = """
CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT NOT NULL DEFAULT 'a;b'); CREATE TABLE log (n);
-- a comment; with a semicolon
CREATE TRIGGER t_add AFTER INSERT ON t BEGIN
    INSERT INTO log VALUES (NEW.id);
    INSERT INTO log VALUES ('; inside a string');
END;
/* a block comment; */ CREATE INDEX t_note ON t(note)
"""


def _db(tmp_path: Path) -> Database:
    return Database(tmp_path / "x.sqlite")


def test_a_script_runs_each_statement_once(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with db.atomic():
        run_script(db, SCRIPT)
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    assert {"t", "log", "t_add", "t_note"} <= names
    db.execute("INSERT INTO t (id) VALUES (7)")
    assert db.execute("SELECT * FROM log").fetchall() == [(7,), ("; inside a string",)]
    assert db.execute("SELECT note FROM t").fetchall() == [("a;b",)]


def test_a_failing_statement_rolls_the_whole_script_back(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with pytest.raises(Exception, match="no such table"), db.atomic():
        run_script(db, "CREATE TABLE a (x);\nINSERT INTO missing VALUES (1);")
    assert db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


@given(st.lists(st.text(alphabet="ab;' -\n", max_size=8), min_size=1, max_size=6))
def test_any_values_reach_the_table_unchanged(values: list[str]) -> None:
    db = Database(memory=True)
    quoted = ["'" + v.replace("'", "''") + "'" for v in values]
    script = "CREATE TABLE v (i, s);\n" + "".join(
        f"INSERT INTO v VALUES ({i}, {q}); " for i, q in enumerate(quoted)
    )
    with db.atomic():
        run_script(db, script)
    rows = db.execute("SELECT s FROM v ORDER BY i").fetchall()
    assert [r[0] for r in rows] == values
