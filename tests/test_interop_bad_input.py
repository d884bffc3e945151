"""Bad files: one sentence naming the file and the problem, exit 1, the collection unchanged."""

from __future__ import annotations

import io
import json
import sqlite3
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.anki_helpers import build_sample, export_package
from tests.conftest import SMALL_DECK, run_cli


def snapshot(data_dir: Path) -> dict[str, object]:
    """Every row of every table, and every media file's bytes."""
    conn = sqlite3.connect(data_dir / "collection.sqlite")
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        rows = {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        conn.close()
    media = {p.name: p.read_bytes() for p in sorted((data_dir / "media").iterdir())}
    return {"tables": rows, "media": media}


@pytest.fixture(scope="module")
def valid_apkg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("valid")
    col, _ = build_sample(folder / "anki")
    try:
        return export_package(col, folder / "valid.apkg", legacy=True)
    finally:
        col.close()


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _bomb(path: Path, gib: float = 3.5) -> Path:
    """A zip whose one member inflates to `gib` GiB of zeros, built without inflating it.

    After a full flush deflate restarts byte-aligned, so every MiB of zeros
    compresses to the same bytes: the stream is one block repeated.
    """
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = comp.compress(bytes(1 << 20)) + comp.flush(zlib.Z_FULL_FLUSH)
    repeat = comp.compress(bytes(1 << 20)) + comp.flush(zlib.Z_FULL_FLUSH)
    count = int(gib * 1024)
    data = chunk + repeat * (count - 1) + comp.flush()
    size, name = count << 20, b"collection.anki21"
    local = (
        struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, 0, len(data), size, len(name), 0)
        + name
    )
    central = (
        struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            8,
            0,
            0,
            0,
            len(data),
            size,
            len(name),
            0,
            0,
            0,
            0,
            0,
            0,
        )
        + name
    )
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    path.write_bytes(local + data + central + end)
    return path


def _not_zip(tmp: Path, _: Path) -> Path:
    (tmp / "deck.apkg").write_text("this is not a zip", encoding="utf-8")
    return tmp / "deck.apkg"


def _truncated(tmp: Path, valid: Path) -> Path:
    data = valid.read_bytes()
    (tmp / "cut.apkg").write_bytes(data[: len(data) // 2])
    return tmp / "cut.apkg"


def _escaping_media(tmp: Path, valid: Path) -> Path:
    members = {n: zipfile.ZipFile(valid).read(n) for n in zipfile.ZipFile(valid).namelist()}
    members["media"] = json.dumps({"0": "../x"}).encode()
    members["0"] = b"payload"
    return _zip(tmp / "escape.apkg", members)


def _absolute_media(tmp: Path, valid: Path) -> Path:
    members = {n: zipfile.ZipFile(valid).read(n) for n in zipfile.ZipFile(valid).namelist()}
    members["media"] = json.dumps({"0": "C:evil.png"}).encode()
    members["0"] = b"payload"
    return _zip(tmp / "drive.apkg", members)


def _not_sqlite(tmp: Path, _: Path) -> Path:
    return _zip(tmp / "junk.apkg", {"collection.anki21": b"not a database" * 100})


def _zip_bomb(tmp: Path, _: Path) -> Path:
    return _bomb(tmp / "bomb.apkg")


def _invalid_json(tmp: Path, _: Path) -> Path:
    (tmp / "deck.json").write_text('{"format": "flashcards", "version": 1,', encoding="utf-8")
    return tmp / "deck.json"


def _wrong_version(tmp: Path, _: Path) -> Path:
    (tmp / "v9.json").write_text('{"format": "flashcards", "version": 9}', encoding="utf-8")
    return tmp / "v9.json"


def _wrong_shape(tmp: Path, _: Path) -> Path:
    doc = {
        "format": "flashcards",
        "version": 1,
        "decks": [],
        "notetypes": [],
        "notes": [
            {
                "id": 1,
                "guid": "g",
                "notetype_id": 1,
                "fields": "not a list",
                "tags": [],
                "created_ms": 0,
                "modified_ms": 0,
            }
        ],
    }
    (tmp / "shape.json").write_text(json.dumps(doc), encoding="utf-8")
    return tmp / "shape.json"


def _binary_md(tmp: Path, _: Path) -> Path:
    (tmp / "notes.md").write_bytes(b"# \x00\x01\x02\xff binary")
    return tmp / "notes.md"


def _empty(tmp: Path, _: Path) -> Path:
    (tmp / "empty.csv").write_bytes(b"")
    return tmp / "empty.csv"


CASES: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "not a zip": (_not_zip, "not a valid .apkg"),
    "truncated zip": (_truncated, "not a valid .apkg"),
    "media ../x": (_escaping_media, "'../x' contains a path separator"),
    "media drive letter": (_absolute_media, "starts with a drive letter"),
    "non-SQLite collection": (_not_sqlite, "not a usable Anki database"),
    "zip bomb": (_zip_bomb, "would inflate to"),
    "invalid JSON": (_invalid_json, "invalid JSON"),
    "wrong JSON version": (_wrong_version, "version 9 is not supported"),
    "wrong JSON shape": (_wrong_shape, "notes[0]: 'fields' must be a list of texts"),
    "binary .md": (_binary_md, "binary, not text"),
    "empty file": (_empty, "the file is empty"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_file_is_one_sentence_and_changes_nothing(
    case: str, tmp_path: Path, data_dir: Path, valid_apkg: Path
) -> None:
    make, expected = CASES[case]
    assert run_cli(["import", str(SMALL_DECK)], data_dir).returncode == 0
    (data_dir / "media" / "kept.png").write_bytes(b"kept")
    before = snapshot(data_dir)
    bad = make(tmp_path, valid_apkg)
    result = run_cli(["import", str(bad)], data_dir)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"flashcards: error: {bad.name}")
    assert expected in lines[0]
    assert "Traceback" not in result.stderr
    assert snapshot(data_dir) == before
    assert not (data_dir / "x").exists()
    assert not (data_dir.parent / "x").exists()


def test_the_bomb_is_refused_without_inflating(tmp_path: Path) -> None:
    bomb = _bomb(tmp_path / "b.apkg")
    assert bomb.stat().st_size < 8 << 20
    info = zipfile.ZipFile(io.BytesIO(bomb.read_bytes())).infolist()[0]
    assert info.file_size == 3584 << 20
