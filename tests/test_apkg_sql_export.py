"""The `.apkg` exporter's SQL against the same conversion written in Python.

export_file writes Anki's collection with INSERT … SELECT (storage/ankiexport.py);
tests/anki_reference.py's `anki_rows` converts the same rows in Python. For a
collection with new, reviewed, lapsed, drilled, buried and suspended cards in
two deck trees, both must give the same Anki rows — whole collection or one
deck, with or without scheduling. Review-log ids are compared where the answer
times are distinct; where two answers share a millisecond, both ways must give
unique ids at or after each answer's time.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import zstandard
from hypothesis import given
from hypothesis import strategies as st
from sqlite_utils import Database

from flashcards.core.clock import FixedClock, day_start, to_ms
from flashcards.core.text import strip_html
from flashcards.formats.ankiwrite import checksums
from flashcards.services.collection import Collection
from flashcards.services.exporting import ExportOptions, export_file
from flashcards.storage.ankitexts import NoteTexts
from tests.anki_reference import anki_rows

NOW = datetime.fromisoformat("2026-11-20T10:00:00+09:00")


def _studied(folder: Path, *, same_ms: bool) -> Collection:
    """Notes in 'AWS::EC2' and '보안', answered over four days (a second apart, or
    all in the same millisecond with `same_ms`), with drills, a bury and a suspension."""
    clock = FixedClock(NOW)
    col = Collection.open(folder, clock=clock, load_bundled=False)
    cards = []
    for i in range(6):
        deck = "AWS::EC2" if i % 2 else "보안"
        kind = "Basic (and reversed card)" if i % 3 == 0 else "Basic"
        _, made = col.add_note(
            kind, [f"앞 {i} <b>x</b>", f"뒤 {i} &amp; y"], deck=deck, tags=[f"t{i}"]
        )
        cards += made
    col.add_note("Cloze", ["{{c1::리전}} 안에 {{c2::AZ}}", ""], deck="AWS")
    grades = [5, 1, 4, 2, 3, 0, 4]
    for day in range(4):
        for n, card in enumerate(cards[: 5 + day]):
            col.answer(card.id, grades[(n + day) % len(grades)])
            if not same_ms:
                clock.advance(timedelta(seconds=1))
        col.answer(cards[0].id, 4)  # a second answer that day: a drill
        clock.advance(timedelta(days=1))
    col.bury(cards[1].id)
    col.suspend(cards[2].id)
    return col


def _collection(package: Path, folder: Path) -> Path:
    """The package's collection file, unpacked: zstd `collection.anki21b` in the
    current format, `collection.anki21` in the legacy one."""
    with zipfile.ZipFile(package) as zf:
        if "collection.anki21b" in zf.namelist():
            data = zstandard.ZstdDecompressor().decompress(zf.read("collection.anki21b"))
            (folder / "collection.anki21b").write_bytes(data)
            return folder / "collection.anki21b"
        zf.extract("collection.anki21", folder)
        return folder / "collection.anki21"


Rows = dict[str, list[tuple[object, ...]]]


def _sql_rows(package: Path, folder: Path) -> Rows:
    conn = sqlite3.connect(_collection(package, folder))
    try:
        return {
            "col": conn.execute(
                "SELECT crt, mod, scm, conf, models, decks, dconf FROM col"
            ).fetchall(),
            "notes": conn.execute(
                "SELECT id, guid, mid, mod, tags, flds, sfld, csum FROM notes ORDER BY id"
            ).fetchall(),
            "cards": conn.execute(
                "SELECT id, nid, did, ord, mod, type, queue, due, ivl, factor, reps, lapses "
                "FROM cards ORDER BY id"
            ).fetchall(),
            "revlog": conn.execute(
                "SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id"
            ).fetchall(),
        }
    finally:
        conn.close()


def _python_rows(
    col: Collection, deck: str | None, scheduling: bool
) -> dict[str, list[tuple[object, ...]]]:
    decks = col.decks()
    if deck is not None:
        decks = [d for d in decks if d.name == deck or d.name.startswith(deck + "::")]
    ids = None if deck is None else [d.id for d in decks]
    bulk = col.store.bulk
    notes = bulk.export_notes_joined(ids)
    used = {n[2] for n in notes}
    today = col.today()
    rows = anki_rows(
        crt=to_ms(day_start(today, col.now().tzinfo, col.rollover_hour)) // 1000,
        crt_day=today,
        today=today,
        now_ms=col.now_ms(),
        decks=decks,
        notetypes=[nt for nt in col.notetypes() if nt.id in used],
        notes=notes,
        cards=bulk.export_cards(ids),
        logs=bulk.export_logs(ids),
        scheduling=scheduling,
    )
    return {
        "col": [rows.col_row],
        "notes": sorted(rows.notes),
        "cards": sorted(rows.cards),
        "revlog": sorted(rows.revlog),
    }


@pytest.mark.parametrize(
    ("deck", "scheduling", "legacy"),
    [
        (None, True, False),
        (None, True, True),
        (None, False, False),
        ("AWS", True, False),
        ("AWS", False, True),
        ("보안", True, True),
        ("보안", False, False),
    ],
)
def test_sql_export_equals_python_conversion(
    tmp_path: Path, deck: str | None, scheduling: bool, legacy: bool
) -> None:
    col = _studied(tmp_path / "data", same_ms=False)
    try:
        package = tmp_path / "out.apkg"
        options = ExportOptions(deck=deck, scheduling=scheduling, legacy=legacy)
        summary = export_file(col, package, options)
        expected = _python_rows(col, deck, scheduling)
    finally:
        col.close()
    got = _sql_rows(package, tmp_path)
    assert got == expected
    assert (summary.notes, summary.cards, summary.reviews) == tuple(
        len(got[t]) for t in ("notes", "cards", "revlog")
    )
    if deck is None:  # 5 + 6 + 7 + 8 first answers and 4 drills
        assert len(got["revlog"]) == (30 if scheduling else 0)


def _exported_and_expected(col: Collection, tmp_path: Path) -> tuple[Rows, Rows]:
    """The whole collection exported (the rows SQL wrote) and the reference rows; closes col."""
    try:
        package = tmp_path / "out.apkg"
        export_file(col, package)
        expected = _python_rows(col, None, True)
    finally:
        col.close()
    return _sql_rows(package, tmp_path), expected


def test_answers_in_the_same_millisecond_get_unique_ids(tmp_path: Path) -> None:
    got, expected = _exported_and_expected(_studied(tmp_path / "data", same_ms=True), tmp_path)
    assert {k: v for k, v in got.items() if k != "revlog"} == {
        k: v for k, v in expected.items() if k != "revlog"
    }
    ids = [r[0] for r in got["revlog"]]
    assert len(set(ids)) == len(ids) == len(expected["revlog"])
    # Without the ids the entries are the same; each id is at or after its answer's time.
    assert sorted(r[1:] for r in got["revlog"]) == sorted(r[1:] for r in expected["revlog"])
    times = sorted(to_ms(NOW + timedelta(days=d)) for d in range(4))
    assert all(any(t <= rid < t + 100 for t in times) for rid in ids)


def test_distinct_creation_and_answer_times_are_the_ids(tmp_path: Path) -> None:
    """Notes made a second apart (one card each) and answers a second apart: every
    Anki id is that row's own time in ms, as the ordering pass would give too."""
    clock = FixedClock(NOW)
    col = Collection.open(tmp_path / "data", clock=clock, load_bundled=False)
    try:
        made, answered = [], []
        for i in range(4):
            made.append(col.now_ms())
            col.add_note("Basic", [f"앞 {i}", "뒤"], deck="AWS")
            clock.advance(timedelta(seconds=1))
        for card_id in [c[0] for c in col.store.bulk.export_cards(None)]:
            answered.append(col.now_ms())
            col.answer(card_id, 4)
            clock.advance(timedelta(seconds=1))
    except BaseException:
        col.close()
        raise
    got, expected = _exported_and_expected(col, tmp_path)
    assert got == expected
    assert [r[0] for r in got["notes"]] == made
    assert [r[0] for r in got["cards"]] == made
    assert sorted(r[0] for r in got["revlog"]) == answered


@pytest.mark.parametrize("apart", [True, False], ids=["own connection", "export's connection"])
@pytest.mark.parametrize("decks", [None, [10]])
def test_note_texts_are_the_same_read_either_way(
    tmp_path: Path, apart: bool, decks: list[int] | None
) -> None:
    """Fields joined with U+001F and the checksum of the plain first field, from a second
    connection in a thread, or (an in-memory database has no file to open twice) from
    the export's own."""
    db = Database(tmp_path / "c.sqlite") if apart else Database(memory=True)
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, fields TEXT)")
    db.execute("CREATE TABLE cards (id INTEGER PRIMARY KEY, note_id INTEGER, deck_id INTEGER)")
    notes = [
        (1, json.dumps(["<b>앞</b> &amp; x", '뒤 <img src="a.png">'], ensure_ascii=False)),
        (2, "[]"),
        (3, json.dumps(["plain  text", "[sound:s.mp3]"])),
    ]
    db.conn.executemany("INSERT INTO notes VALUES (?, ?)", notes)
    db.conn.executemany("INSERT INTO cards VALUES (?, ?, ?)", [(1, 1, 10), (2, 3, 11)])
    db.conn.commit()
    out = tmp_path / "texts"
    texts = NoteTexts(db, decks, checksums, out)
    try:
        media = texts.wait()
    finally:
        texts.close()
    conn = sqlite3.connect(out)
    try:
        rows = conn.execute("SELECT id, flds, csum FROM text ORDER BY id").fetchall()
    finally:
        conn.close()

    def sha(text: str) -> int:
        return int.from_bytes(hashlib.sha1(text.encode()).digest()[:4], "big")

    first = (1, '<b>앞</b> &amp; x\x1f뒤 <img src="a.png">', sha("앞 & x"))
    everything = [first, (2, "", sha("")), (3, "plain  text\x1f[sound:s.mp3]", sha("plain text"))]
    assert rows == (everything if decks is None else [first])
    assert media == [r[1] for r in rows if r[0] != 2]


@given(st.lists(st.text(alphabet="<>&ab 앞\t\n;/#x1", max_size=12), max_size=8))
def test_checksums_hash_each_plain_first_field(values: list[str]) -> None:
    """Batched: each value's HTML stripped one at a time, then the first 4 bytes of
    its SHA-1 (Anki's csum), in order."""
    expected = [
        int.from_bytes(hashlib.sha1(strip_html(v).encode()).digest()[:4], "big") for v in values
    ]
    assert checksums(values) == expected
