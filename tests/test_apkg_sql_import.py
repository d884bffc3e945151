"""The `.apkg` importer's SQL against the same conversion written in Python (hypothesis).

`import_file` converts Anki's rows in SQL (storage/ankiimport.py); the preview
path converts them in Python (formats/ankiread.py) and writes them with
services/bulkimport.py. Both implement docs/interop.md independently, so for
any Anki collection — odd ones included: learning cards due at a timestamp,
cards in filtered decks, missing templates, duplicate cards and guids, same-day
and manual review-log entries, notes with too few fields — both must leave the
collection in exactly the same state, on a first import and on a re-import
under each duplicate policy.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashcards.core.clock import FixedClock
from flashcards.formats.ankiread import Calendar, package_from_anki
from flashcards.formats.apkgzip import ApkgArchive
from flashcards.services.bulkimport import DuplicatePolicy
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError, ImportFormatError
from flashcards.services.importing import ImportOptions, import_file
from flashcards.services.notes import ImportSummary
from flashcards.storage.ankidb import read_anki_collection
from flashcards.storage.ankiimport import AnkiImport
from tests.test_storage import dump

NOW = datetime.fromisoformat("2026-11-27T09:00:00+09:00")
DAY_MS = 86_400_000
BASIC, REVERSED, CLOZE = 1001, 1002, 1003
DECKS = {1: "Default", 10: "AWS", 11: "AWS::EC2", 12: "보안"}
FILTERED = 20


def _model(mid: int, name: str, fields: list[str], templates: int, cloze: bool) -> dict[str, Any]:
    return {
        "id": mid,
        "name": name,
        "type": 1 if cloze else 0,
        "sortf": 0,
        "css": "",
        "flds": [{"name": f, "ord": i} for i, f in enumerate(fields)],
        "tmpls": [
            {"name": f"Card {i + 1}", "ord": i, "qfmt": "{{" + fields[i % 2] + "}}", "afmt": "x"}
            for i in range(templates)
        ],
    }


MODELS = {
    str(BASIC): _model(BASIC, "Basic", ["Front", "Back"], 1, False),
    str(REVERSED): _model(REVERSED, "Basic (and reversed card)", ["Front", "Back"], 2, False),
    str(CLOZE): _model(CLOZE, "Cloze", ["Text", "Back Extra"], 1, True),
}
DECKS_JSON = {str(i): {"id": i, "name": n, "conf": 1, "dyn": 0} for i, n in DECKS.items()} | {
    str(FILTERED): {"id": FILTERED, "name": "Filtered", "dyn": 1}
}

_field = st.text(alphabet='가나 aB<b>/&amp;{}c1:\\"\n\t\xa0\u3000', max_size=12)
_note = st.fixed_dictionaries(
    {
        "guid": st.sampled_from(["g1", "g2", "g3", "g4", "g5", "g6", "g7"]),
        "mid": st.sampled_from([BASIC, REVERSED, CLOZE]),
        "fields": st.lists(_field, min_size=1, max_size=2),
        "tags": st.sampled_from(["", " aws ", " ec2::x aws ", "b A a", " 한글 "]),
        "mod": st.integers(0, 2_000_000_000),
    }
)
_card = st.fixed_dictionaries(
    {
        "note": st.integers(0, 11),
        "ord": st.sampled_from([0, 0, 0, 1, 1, 2, -1]),
        "did": st.sampled_from([*DECKS, FILTERED, 99]),
        "odid": st.sampled_from([0, 0, 10, 11, 99]),
        "type": st.integers(0, 3),
        "queue": st.integers(-3, 2),
        "due": st.one_of(st.integers(-5, 400), st.integers(1_700_000_000, 1_800_000_000)),
        "odue": st.integers(0, 50),
        "ivl": st.integers(-60, 400),
        "factor": st.sampled_from([0, 1250, 1305, 1315, 2500, 2505, 2515, 3000, -5]),
        "reps": st.integers(0, 30),
        "lapses": st.integers(0, 9),
    }
)
_log = st.fixed_dictionaries(
    {
        "card": st.integers(0, 15),
        "gap_ms": st.sampled_from([1, 1000, 3_600_000, DAY_MS, 3 * DAY_MS]),
        "ease": st.sampled_from([0, 1, 1, 2, 3, 3, 4]),
        "ivl": st.integers(-600, 90),
        "last_ivl": st.integers(-600, 90),
        "factor": st.sampled_from([0, 1300, 2500, 2345, 4000]),
        "time": st.integers(-10, 90_000),
    }
)


@st.composite
def _collections(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """A package, and a later one: the same notes partly edited, retyped or added to."""
    notes = draw(st.lists(_note, min_size=1, max_size=12))
    first = {
        "notes": notes,
        "cards": draw(st.lists(_card, min_size=1, max_size=16)),
        "logs": draw(st.lists(_log, max_size=20)),
    }
    later = [
        dict(draw(st.sampled_from([note, note, note | {"fields": draw(st.lists(_field,
             min_size=1, max_size=2))}, note | {"tags": " new "}, note | {"mid": CLOZE}])))
        for note in notes
    ] + draw(st.lists(_note, max_size=3))  # fmt: skip
    if draw(st.integers(0, 9)) == 0:  # now and then a broken note: too many fields, or no type
        broken = draw(st.sampled_from([{"fields": ["a", "b", "c"]}, {"mid": 4242}]))
        later[draw(st.integers(0, len(later) - 1))] |= broken
    second = {
        "notes": later,
        "cards": first["cards"] + draw(st.lists(_card, max_size=6)),
        "logs": draw(st.lists(_log, max_size=8)),
    }
    return first, second


def _write_package(folder: Path, data: dict[str, Any], name: str) -> Path:
    """A legacy package (collection.anki21, JSON media map) holding `data`."""
    db_path = folder / f"{name}.anki21"
    conn = sqlite3.connect(db_path)
    conn.executescript(
        "CREATE TABLE col (id integer primary key, crt integer, mod integer, ver integer, "
        "models text, decks text, dconf text);"
        "CREATE TABLE notes (id integer primary key, guid text, mid integer, mod integer, "
        "usn integer, tags text, flds text, sfld text, csum integer, flags integer, data text);"
        "CREATE TABLE cards (id integer primary key, nid integer, did integer, ord integer, "
        "mod integer, usn integer, type integer, queue integer, due integer, ivl integer, "
        "factor integer, reps integer, lapses integer, left integer, odue integer, "
        "odid integer, flags integer, data text);"
        "CREATE TABLE revlog (id integer primary key, cid integer, usn integer, ease integer, "
        "ivl integer, lastIvl integer, factor integer, time integer, type integer);"
    )
    crt = int((NOW - timedelta(days=400)).timestamp())
    conn.execute(
        "INSERT INTO col VALUES (1, ?, 0, 11, ?, ?, '{}')",
        [crt, json.dumps(MODELS), json.dumps(DECKS_JSON)],
    )
    base = 1_700_000_000_000
    for index, note in enumerate(data["notes"]):
        conn.execute(
            "INSERT INTO notes VALUES (?, ?, ?, ?, 0, ?, ?, '', 0, 0, '')",
            [base + index * 7, note["guid"], note["mid"], note["mod"], note["tags"],
             "\x1f".join(note["fields"])],
        )  # fmt: skip
    for index, card in enumerate(data["cards"]):
        conn.execute(
            "INSERT INTO cards VALUES (?, ?, ?, ?, 5, 0, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0, '')",
            # Now and then a card whose note is not in the package.
            [base + index * 3, base + card["note"] % (len(data["notes"]) + 1) * 7, card["did"],
             card["ord"], card["type"],
             card["queue"], card["due"], card["ivl"], card["factor"], card["reps"],
             card["lapses"], card["odue"], card["odid"]],
        )  # fmt: skip
    time_ms = int((NOW - timedelta(days=30)).timestamp() * 1000)
    for log in data["logs"]:
        time_ms += log["gap_ms"]
        conn.execute(
            "INSERT INTO revlog VALUES (?, ?, 0, ?, ?, ?, ?, ?, 0)",
            [time_ms, base + log["card"] * 3, log["ease"], log["ivl"], log["last_ivl"],
             log["factor"], log["time"]],
        )  # fmt: skip
    conn.commit()
    conn.close()
    package = folder / f"{name}.apkg"
    with zipfile.ZipFile(package, "w") as zf:
        zf.write(db_path, "collection.anki21")
        zf.writestr("media", "{}")
    return package


def _python_import(col: Collection, package: Path, policy: DuplicatePolicy) -> ImportSummary:
    """The same import through the Python conversion (formats/ankiread.py)."""
    with ApkgArchive(package) as archive, tempfile.TemporaryDirectory() as tmp:
        raw = read_anki_collection(archive.extract_collection(Path(tmp)))
        tz = col.now().tzinfo
        assert tz is not None
        calendar = Calendar(tz, col.rollover_hour, col.today(), col.now_ms())
        pkg = package_from_anki(raw, archive.media_files, package.name, calendar)
        return col.import_package(pkg, ImportOptions(duplicates=policy))


def _outcome(run: Callable[[], ImportSummary]) -> tuple[str, object]:
    try:
        return "ok", run().to_dict()
    except ImportFormatError as exc:
        return "error", str(exc)


def _state(col: Collection) -> dict[str, object]:
    tables = ("notes", "cards", "revlog", "decks", "notetypes", "review_days")
    state: dict[str, object] = {t: col.store.bulk.dump_table(t) for t in tables}
    state["text index"] = col.store.db.execute(
        "SELECT rowid, search_text FROM notes_fts ORDER BY rowid"
    ).fetchall()
    return state


def _both(folder: Path, tz: str) -> tuple[Collection, Collection]:
    clock = FixedClock(NOW.astimezone(ZoneInfo(tz)) if tz else NOW)
    sql = Collection.open(folder / "sql", clock=clock, load_bundled=False)
    python = Collection.open(folder / "python", clock=clock, load_bundled=False)
    return sql, python


@pytest.mark.parametrize("tz", ["", "Europe/Berlin"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packages=_collections(), policy=st.sampled_from(list(DuplicatePolicy)))
def test_sql_import_equals_python_conversion(
    tz: str, packages: tuple[dict[str, Any], dict[str, Any]], policy: DuplicatePolicy
) -> None:
    first, second = packages
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sql, python = _both(folder, tz)
        try:
            steps = (("first", first, DuplicatePolicy.UPDATE), ("second", second, policy))
            for name, data, how in steps:
                package = _write_package(folder, data, name)
                options = ImportOptions(duplicates=how)
                via_sql = _outcome(partial(import_file, sql, package, options=options))
                via_python = _outcome(partial(_python_import, python, package, how))
                assert via_sql == via_python
                assert _state(sql) == _state(python)
            assert sql.check(repair=False).ok == python.check(repair=False).ok
        finally:
            sql.close()
            python.close()


def _large_package(folder: Path, notes: int) -> Path:
    """A package of `notes` Basic notes with one card each, every tenth studied and
    answered five times on different days: more than 20,000 cards and answers, so
    the import takes its bulk path (indexes and daily totals rebuilt at the end)."""
    card = {"ord": 0, "did": 11, "odid": 0, "odue": 0, "reps": 5, "lapses": 1}
    data: dict[str, Any] = {
        "notes": [
            {"guid": f"large{i}", "mid": BASIC, "tags": f" t{i % 7} ", "mod": 1_700_000_000,
             "fields": [f"질문 {i} <b>EC2</b>", f"Answer {i} &amp; more"]}
            for i in range(notes)
        ],
        "cards": [
            card | {"note": i, "type": 2, "queue": 2, "due": 400 + i % 9, "ivl": 1 + i % 30,
                    "factor": 2500 - i % 7 * 100} if i % 10 == 0
            else card | {"note": i, "type": 0, "queue": 0, "due": i, "ivl": 0, "factor": 0}
            for i in range(notes)
        ],
        "logs": [
            {"card": i, "gap_ms": DAY_MS + 1, "ease": 1 + k % 4, "ivl": k + 1, "last_ivl": k,
             "factor": 2500, "time": 6000}
            for i in range(0, notes, 10) for k in range(5)
        ],
    }  # fmt: skip
    return _write_package(folder, data, "large")


def test_a_large_import_is_consistent(tmp_path: Path) -> None:
    package = _large_package(tmp_path, 16_000)
    col = Collection.open(tmp_path / "data", clock=FixedClock(NOW), load_bundled=False)
    try:
        summary = import_file(col, package)
        assert (summary.added, summary.cards, summary.reviews) == (16_000, 16_000, 9_600)
        report = col.check(repair=False)
        assert report.ok, report.problems[:3]
        # Search text and the text index hold every imported note.
        assert len(col.search('"질문 15999 ec2"')) == 1
        assert len(col.search("answer")) == 16_000
        again = import_file(col, package)
        assert (again.added, again.unchanged, again.cards, again.reviews) == (0, 16_000, 0, 0)
        assert col.check(repair=False).ok
    finally:
        col.close()


def test_a_failure_midway_changes_nothing(tmp_path: Path) -> None:
    package = _large_package(tmp_path, 16_000)
    data = tmp_path / "data"
    col = Collection.open(data, clock=FixedClock(NOW), load_bundled=False)
    try:
        import_file(col, _write_package(tmp_path, {"notes": [], "cards": [], "logs": []}, "e"))
        pages = col.store.db.execute("PRAGMA page_count").fetchone()[0]
        col.store.db.execute(f"PRAGMA max_page_count = {pages + 300}")
        before = dump(data)
        with pytest.raises(FlashcardsError, match="disk is full"):
            import_file(col, package)
        assert dump(data) == before
        assert col.check(repair=False).ok
    finally:
        col.close()


def test_the_package_is_opened_read_only(tmp_path: Path) -> None:
    package = _write_package(tmp_path, {"notes": [], "cards": [], "logs": []}, "ro")
    collection = tmp_path / "ro.anki21"
    assert package.exists()
    col = Collection.open(tmp_path / "data", clock=FixedClock(NOW), load_bundled=False)
    try:
        with (
            AnkiImport.attached(col.store.db, collection),
            pytest.raises(sqlite3.OperationalError, match="readonly"),
        ):
            col.store.db.execute("DELETE FROM anki.col")
    finally:
        col.close()
