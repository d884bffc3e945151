"""What our `.apkg` files hold, member by member, in both flavours, and that they come back.

The current format (default) and the legacy one (ExportOptions.legacy) are
checked against what Anki's own exporter writes (rslib/src/import_export/
package: meta.rs, colpkg/export.rs, media.rs; proto/anki/import_export.proto):
`meta` is PackageMetadata{version} (field 1, varint: 3 latest, 2 legacy);
the latest format stores every member and zstd-compresses the collection
(`collection.anki21b`), each media file and the protobuf media list
MediaEntries{entries=1: {name=1, size=2, sha1=3}}; the legacy one has
`collection.anki21` and a JSON media map. Both carry a dummy `collection.anki2`
with Anki's "please update" note, which real Anki imports when it is alone.
Our own importer must read both back to the same collection.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import unicodedata
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import zstandard

from flashcards.core.clock import FixedClock
from flashcards.services.collection import Collection
from flashcards.services.exporting import ExportOptions, export_file
from flashcards.services.importing import import_file
from tests.anki_helpers import PNG, SOUND, import_into_anki
from tests.test_storage import dump

NOW = datetime.fromisoformat("2026-11-20T10:00:00+09:00")
PLEASE_UPDATE = (
    "Please update to the latest Anki version, then import the .colpkg/.apkg file again."
)
SQLITE_MAGIC = b"SQLite format 3\x00"


def _collection(folder: Path) -> Collection:
    """Two notes that use media (one by `<img>`, one by `[sound:]`), studied a little."""
    clock = FixedClock(NOW)
    col = Collection.open(folder, clock=clock, load_bundled=False)
    (col.media_dir / "구매.png").write_bytes(PNG)
    (col.media_dir / "say.mp3").write_bytes(SOUND)
    (col.media_dir / "unused.png").write_bytes(b"not referenced")
    _, (card,) = col.add_note("Basic", ["온디맨드", '<img src="구매.png">'], deck="AWS::EC2")
    col.add_note("Basic", ["스팟 [sound:say.mp3]", "할인"], deck="AWS", tags=["aws"])
    _, (failed,) = col.add_note("Basic", ["예약", "1년 또는 3년 약정"], deck="AWS::EC2")
    col.answer(card.id, 4)
    clock.advance(timedelta(seconds=20))  # Anki keys answers by time: one per millisecond
    col.answer(failed.id, 1)  # failed last: SM-2 repetitions 0, so 1 day after a pass
    clock.advance(timedelta(days=1))
    return col


def _varint_message(data: bytes) -> dict[int, list[object]]:
    """A protobuf message decoded by hand: field number → values (ints or bytes)."""
    out: dict[int, list[object]] = {}
    pos = 0

    def varint() -> int:
        nonlocal pos
        value = shift = 0
        while True:
            byte = data[pos]
            pos += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value

    while pos < len(data):
        key = varint()
        if key & 7 == 0:
            out.setdefault(key >> 3, []).append(varint())
        else:
            assert key & 7 == 2
            length = varint()
            out.setdefault(key >> 3, []).append(data[pos : pos + length])
            pos += length
    return out


def _unzstd(data: bytes) -> bytes:
    assert data[:4] == b"\x28\xb5\x2f\xfd"  # a zstd frame
    return zstandard.ZstdDecompressor().stream_reader(data).read()


@pytest.fixture
def packages(tmp_path: Path) -> dict[str, Path]:
    col = _collection(tmp_path / "data")
    try:
        latest = export_file(col, tmp_path / "latest.apkg").path
        legacy = export_file(col, tmp_path / "legacy.apkg", ExportOptions(legacy=True)).path
    finally:
        col.close()
    return {"latest": latest, "legacy": legacy}


def _notice(zf: zipfile.ZipFile, folder: Path) -> list[tuple[object, ...]]:
    """The notes of the dummy collection.anki2."""
    data = zf.read("collection.anki2")
    assert data.startswith(SQLITE_MAGIC)
    (folder / "notice.anki2").write_bytes(data)
    conn = sqlite3.connect(folder / "notice.anki2")
    try:
        assert conn.execute("SELECT ver FROM col").fetchone() == (11,)
        return conn.execute("SELECT flds FROM notes").fetchall()
    finally:
        conn.close()


def test_the_current_format_is_what_current_anki_writes(
    packages: dict[str, Path], tmp_path: Path
) -> None:
    with zipfile.ZipFile(packages["latest"]) as zf:
        assert sorted(zf.namelist()) == [
            "0",
            "1",
            "collection.anki2",
            "collection.anki21b",
            "media",
            "meta",
        ]
        assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_STORED}
        assert zf.read("meta") == b"\x08\x03"  # version = LATEST (3)
        assert _unzstd(zf.read("collection.anki21b")).startswith(SQLITE_MAGIC)
        entries = _varint_message(_unzstd(zf.read("media")))[1]
        listed = []
        for index, raw in enumerate(entries):
            assert isinstance(raw, bytes)
            entry = _varint_message(raw)
            name = entry[1][0]
            assert isinstance(name, bytes)
            data = _unzstd(zf.read(str(index)))
            assert entry[2] == [len(data)]
            assert entry[3] == [hashlib.sha1(data).digest()]
            listed.append((name.decode(), data))
        assert sorted(listed) == [("say.mp3", SOUND), ("구매.png", PNG)]
        (note,) = _notice(zf, tmp_path)
    assert str(note[0]).split("\x1f")[0] == PLEASE_UPDATE


def test_the_legacy_format_is_what_anki_writes_for_older_versions(
    packages: dict[str, Path], tmp_path: Path
) -> None:
    with zipfile.ZipFile(packages["legacy"]) as zf:
        assert sorted(zf.namelist()) == [
            "0",
            "1",
            "collection.anki2",
            "collection.anki21",
            "media",
            "meta",
        ]
        assert zf.read("meta") == b"\x08\x02"  # version = LEGACY_2
        assert zf.read("collection.anki21").startswith(SQLITE_MAGIC)
        mapping = json.loads(zf.read("media"))
        assert sorted((name, zf.read(member)) for member, name in mapping.items()) == [
            ("say.mp3", SOUND),
            ("구매.png", PNG),
        ]
        (note,) = _notice(zf, tmp_path)
    assert str(note[0]).split("\x1f")[0] == PLEASE_UPDATE


def test_real_anki_imports_the_notice_when_it_can_read_nothing_newer(
    packages: dict[str, Path], tmp_path: Path
) -> None:
    # What an Anki too old for collection.anki21b sees: only collection.anki2.
    old = tmp_path / "old.apkg"
    with zipfile.ZipFile(packages["latest"]) as src, zipfile.ZipFile(old, "w") as dst:
        dst.writestr("collection.anki2", src.read("collection.anki2"))
    anki, _ = import_into_anki(tmp_path / "anki", old)
    try:
        (nid,) = anki.find_notes("")
        assert anki.get_note(nid).fields[0] == PLEASE_UPDATE
    finally:
        anki.close()


def _imported(package: Path, folder: Path) -> dict[str, list[tuple[object, ...]]]:
    with Collection.open(folder, clock=FixedClock(NOW), load_bundled=False) as col:
        import_file(col, package)
        media = sorted((p.name, p.read_bytes()) for p in col.media_dir.iterdir())
    tables = dump(folder)
    tables["media files"] = media  # type: ignore[assignment]
    return tables


def _content(col: Collection) -> dict[str, tuple[object, ...]]:
    """Guid → what an .apkg carries of the note: note type, fields, tags, and per card
    its deck, state, schedule (due day for reviews), reps, lapses and answer times."""
    decks = {d.id: d.name for d in col.decks()}
    out: dict[str, tuple[object, ...]] = {}
    for row in col.store.bulk.export_notes(None):
        note = col.note(int(str(row[0])))
        cards = []
        for card in sorted(col.cards_of(note.id), key=lambda c: c.ord):
            times = [log.time_ms for log in col.store.reviews.of_card(card.id) if log.kind != 2]
            review = card.type != 0
            cards.append(
                (card.ord, decks[card.deck_id], card.type, card.queue, card.due if review else None,
                 card.sm2.repetitions, card.sm2.interval, card.sm2.easiness, card.reps,
                 card.lapses, times)
            )  # fmt: skip
        out[note.guid] = (col.notetype_of(note).name, note.fields, note.tags, cards)
    return out


def test_our_importer_reads_both_flavours_back_as_they_were(
    packages: dict[str, Path], tmp_path: Path
) -> None:
    latest = _imported(packages["latest"], tmp_path / "a")
    legacy = _imported(packages["legacy"], tmp_path / "b")
    del latest["_sqlite_migrations"], legacy["_sqlite_migrations"]  # when each was set up
    assert latest == legacy
    assert latest["media files"] == [("say.mp3", SOUND), ("구매.png", PNG)]
    clock = FixedClock(NOW + timedelta(days=1))  # the day of the export
    with Collection.open(tmp_path / "data", clock=clock, load_bundled=False) as source:
        before = _content(source)
    with Collection.open(tmp_path / "a", clock=clock, load_bundled=False) as again:
        assert _content(again) == before
    notes = {v[1][0]: v for v in before.values()}
    assert notes["온디맨드"][1] == ("온디맨드", '<img src="구매.png">')
    assert notes["스팟 [sound:say.mp3]"][2] == ("aws",)
    ((*_, repetitions, interval, easiness, reps, lapses, times),) = notes["온디맨드"][3]
    assert (repetitions, interval, easiness, reps, lapses, len(times)) == (1, 1, 2.5, 1, 0, 1)
    ((*_, repetitions, interval, _, _, _, _),) = notes["예약"][3]  # graded 1 once
    assert (repetitions, interval) == (0, 1)


@pytest.mark.parametrize("legacy", [False, True], ids=["latest", "legacy"])
def test_media_names_anki_would_change_still_reach_anki(tmp_path: Path, legacy: bool) -> None:
    """A name with a character Anki removes ('?'), and one in decomposed Hangul (NFD):
    Anki stores each under its normal form and rewrites the note to match."""
    col = Collection.open(tmp_path / "data", clock=FixedClock(NOW), load_bundled=False)
    nfd = unicodedata.normalize("NFD", "사진.png")
    (col.media_dir / "why?.png").write_bytes(PNG)
    (col.media_dir / nfd).write_bytes(SOUND)
    col.add_note("Basic", ["x", f'<img src="why?.png"><img src="{nfd}">'], deck="Default")
    try:
        package = export_file(col, tmp_path / "out.apkg", ExportOptions(legacy=legacy)).path
    finally:
        col.close()
    anki, _ = import_into_anki(tmp_path / "anki", package)
    try:
        (nid,) = anki.find_notes("")
        assert anki.get_note(nid).fields[1] == '<img src="why.png"><img src="사진.png">'
        folder = Path(anki.media.dir())
        assert (folder / "why.png").read_bytes() == PNG
        assert (folder / "사진.png").read_bytes() == SOUND
    finally:
        anki.close()
