"""A corpus of crafted hostile and broken files, one builder per attack, for every importer.

Each builder writes one file into a folder and returns its path. The files are
made at test time (a zip bomb is a few KiB on disk), so the corpus cannot rot
and nothing large is committed.
"""

from __future__ import annotations

import json
import sqlite3
import stat
import warnings
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

Builder = Callable[[Path], Path]

_BASIC_CSV = "#separator:tab\n#html:true\nfront\tback\n"


def _legacy_collection(path: Path, *, notes: int = 1, extra_sql: str = "") -> Path:
    """A minimal legacy Anki collection (schema 11) with one Basic note per row."""
    conn = sqlite3.connect(path)
    models = {
        "1": {
            "id": 1,
            "name": "Basic",
            "type": 0,
            "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}],
            "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Front}}", "afmt": "{{Back}}"}],
            "css": "",
            "sortf": 0,
        }
    }
    decks = {"1": {"id": 1, "name": "Default"}}
    conn.executescript(
        """
        CREATE TABLE col (id integer primary key, crt integer, mod integer, scm integer,
            ver integer, dty integer, usn integer, ls integer, conf text, models text,
            decks text, dconf text, tags text);
        CREATE TABLE notes (id integer primary key, guid text, mid integer, mod integer,
            usn integer, tags text, flds text, sfld integer, csum integer, flags integer,
            data text);
        CREATE TABLE cards (id integer primary key, nid integer, did integer, ord integer,
            mod integer, usn integer, type integer, queue integer, due integer, ivl integer,
            factor integer, reps integer, lapses integer, left integer, odue integer,
            odid integer, flags integer, data text);
        CREATE TABLE revlog (id integer primary key, cid integer, usn integer, ease integer,
            ivl integer, lastIvl integer, factor integer, time integer, type integer);
        CREATE TABLE graves (usn integer, oid integer, type integer);
        """
    )
    conn.execute(
        "INSERT INTO col VALUES (1, 1700000000, 0, 0, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')",
        [json.dumps(models), json.dumps(decks)],
    )
    for i in range(notes):
        conn.execute(
            "INSERT INTO notes VALUES (?, ?, 1, 0, 0, '', ?, '', 0, 0, '')",
            [i + 1, f"guid{i}", f"front {i}\x1fback {i}"],
        )
        conn.execute(
            "INSERT INTO cards VALUES (?, ?, 1, 0, 0, 0, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')",
            [i + 1, i + 1, i],
        )
    if extra_sql:
        conn.executescript(extra_sql)
    conn.commit()
    conn.close()
    return path


def _apkg(folder: Path, name: str, members: dict[str, bytes], media: object = None) -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members.items():
            zf.writestr(member, data)
        zf.writestr("media", json.dumps({} if media is None else media))
    return path


def _collection_bytes(folder: Path, **kwargs: object) -> bytes:
    tmp = folder / "tmp-collection.anki2"
    tmp.unlink(missing_ok=True)
    _legacy_collection(tmp, **kwargs)  # type: ignore[arg-type]
    data = tmp.read_bytes()
    tmp.unlink()
    return data


def zip_slip_media(folder: Path) -> Path:
    return _apkg(
        folder,
        "slip.apkg",
        {"collection.anki2": _collection_bytes(folder), "0": b"owned"},
        media={"0": "../../outside.txt"},
    )


def absolute_media(folder: Path) -> Path:
    return _apkg(
        folder,
        "absolute.apkg",
        {"collection.anki2": _collection_bytes(folder), "0": b"owned"},
        media={"0": "/tmp/flashcards-owned.txt"},
    )


def slip_member_name(folder: Path) -> Path:
    return _apkg(
        folder,
        "slip-member.apkg",
        {"collection.anki2": _collection_bytes(folder), "../../escape.txt": b"owned"},
    )


def symlink_member(folder: Path) -> Path:
    path = folder / "symlink.apkg"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("collection.anki2", _collection_bytes(folder))
        link = zipfile.ZipInfo("0")
        link.create_system = 3  # Unix
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "/etc/passwd")
        zf.writestr("media", json.dumps({"0": "passwd.txt"}))
    return path


def duplicate_members(folder: Path) -> Path:
    path = folder / "duplicates.apkg"
    with zipfile.ZipFile(path, "w") as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns: that is the point
        zf.writestr("collection.anki2", _collection_bytes(folder))
        zf.writestr(zipfile.ZipInfo("collection.anki2"), b"not a database at all")
        zf.writestr("media", "{}")
    return path


def _bomb_member(size: int) -> tuple[bytes, int]:
    """A deflate stream that inflates to `size` zero bytes, built without ever holding them."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"\x00" * (1 << 20)
    parts = [compressor.compress(chunk) for _ in range(size >> 20)]
    parts.append(compressor.flush())
    return b"".join(parts), size


def zip_bomb(folder: Path) -> Path:
    """A member that claims and inflates to 2 GiB from a few MiB."""
    path = folder / "bomb.apkg"
    data, size = _bomb_member(2 << 30)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("media", "{}")
        info = zipfile.ZipInfo("collection.anki2")
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size = size
        info.compress_size = len(data)
        info.CRC = 0
        zf.fp.write(info.FileHeader())  # type: ignore[union-attr]
        header_offset = zf.fp.tell() - len(info.FileHeader())  # type: ignore[union-attr]
        info.header_offset = header_offset
        zf.fp.write(data)  # type: ignore[union-attr]
        zf.filelist.append(info)
        zf.NameToInfo[info.filename] = info
        zf.start_dir = zf.fp.tell()  # type: ignore[union-attr]
    return path


def lying_sizes(folder: Path) -> Path:
    """A member whose header claims 10 bytes but inflates to 1 GiB."""
    path = folder / "liar.apkg"
    data, _ = _bomb_member(1 << 30)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("media", "{}")
        info = zipfile.ZipInfo("collection.anki2")
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size = 10
        info.compress_size = len(data)
        info.CRC = 0
        offset = zf.fp.tell()  # type: ignore[union-attr]
        info.header_offset = offset
        zf.fp.write(info.FileHeader())  # type: ignore[union-attr]
        zf.fp.write(data)  # type: ignore[union-attr]
        zf.filelist.append(info)
        zf.NameToInfo[info.filename] = info
        zf.start_dir = zf.fp.tell()  # type: ignore[union-attr]
    return path


def not_sqlite(folder: Path) -> Path:
    return _apkg(
        folder, "garbage-db.apkg", {"collection.anki2": b"SQLite format 3\x00" + b"x" * 5000}
    )


def wrong_schema(folder: Path) -> Path:
    tmp = folder / "wrong.anki2"
    conn = sqlite3.connect(tmp)
    conn.execute("CREATE TABLE notes (id INTEGER, something TEXT)")
    conn.execute("INSERT INTO notes VALUES (1, 'x')")
    conn.commit()
    conn.close()
    data = tmp.read_bytes()
    tmp.unlink()
    return _apkg(folder, "wrong-schema.apkg", {"collection.anki2": data})


def hostile_triggers_and_views(folder: Path) -> Path:
    """A collection whose schema tries to act when read: a view calling functions, triggers."""
    extra = """
        CREATE TABLE evil (x TEXT);
        CREATE TRIGGER evil_on_read AFTER INSERT ON notes BEGIN
            INSERT INTO evil VALUES (load_extension('/tmp/evil.so'));
        END;
        CREATE VIEW evil_view AS SELECT load_extension('/tmp/evil.so') AS x;
    """
    data = _collection_bytes(folder, extra_sql=extra)
    return _apkg(folder, "triggers.apkg", {"collection.anki2": data})


def truncated_zip(folder: Path) -> Path:
    good = _apkg(folder, "whole.apkg", {"collection.anki2": _collection_bytes(folder)})
    path = folder / "truncated.apkg"
    path.write_bytes(good.read_bytes()[:-200])
    good.unlink()
    return path


def empty_zip(folder: Path) -> Path:
    path = folder / "empty.apkg"
    with zipfile.ZipFile(path, "w"):
        pass
    return path


def gigantic_field_csv(folder: Path) -> Path:
    path = folder / "gigantic.csv"
    path.write_text(_BASIC_CSV + "big\t" + "가" * 3_000_000 + "\n", encoding="utf-8")
    return path


def nul_bytes_csv(folder: Path) -> Path:
    path = folder / "nul.tsv"
    path.write_bytes(b"front\x00\tback\n")
    return path


def invalid_utf8_csv(folder: Path) -> Path:
    path = folder / "invalid-utf8.txt"
    path.write_bytes(b"#separator:tab\nfront \xff\xfe\xfa broken\tback \xc3\x28\n")
    return path


def many_columns_csv(folder: Path) -> Path:
    path = folder / "columns.csv"
    path.write_text(",".join(f"c{i}" for i in range(200_000)) + "\n", encoding="utf-8")
    return path


def unbalanced_quotes_csv(folder: Path) -> Path:
    path = folder / "quotes.csv"
    path.write_text('#separator:comma\n"front,back\nnext,row\n', encoding="utf-8")
    return path


def nested_html_csv(folder: Path) -> Path:
    path = folder / "nested.tsv"
    depth = 20_000
    path.write_text(f"{'<div>' * depth}깊다{'</div>' * depth}\tback\n", encoding="utf-8")
    return path


def deep_json(folder: Path) -> Path:
    path = folder / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    return path


def invalid_json(folder: Path) -> Path:
    path = folder / "invalid.json"
    path.write_text('{"version": 1, "notes": [', encoding="utf-8")
    return path


def wrong_json_shape(folder: Path) -> Path:
    path = folder / "shape.json"
    path.write_text(json.dumps({"version": 1, "notes": {"not": "a list"}}), encoding="utf-8")
    return path


def huge_number_json(folder: Path) -> Path:
    path = folder / "number.json"
    path.write_text('{"version": 1' + "0" * 5000 + "}", encoding="utf-8")
    return path


def nul_json(folder: Path) -> Path:
    path = folder / "nul.json"
    path.write_bytes(b'{"version": 1, "decks": [{"id": 1, "name": "a\x00b"}]}')
    return path


def binary_md(folder: Path) -> Path:
    path = folder / "binary.md"
    path.write_bytes(bytes(range(256)) * 20)
    return path


def deep_markdown(folder: Path) -> Path:
    path = folder / "deep.md"
    lines = ["# 깊은 노트"] + [("  " * i) + f"- 단계 {i}: 설명" for i in range(3000)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def long_line_markdown(folder: Path) -> Path:
    path = folder / "long.md"
    path.write_text("# 제목\n- 용어: " + "설명 " * 1_000_000 + "\n", encoding="utf-8")
    return path


def empty_files(folder: Path) -> Path:
    path = folder / "empty.csv"
    path.write_bytes(b"")
    return path


CORPUS: dict[str, Builder] = {
    name: builder
    for name, builder in globals().items()
    if callable(builder)
    and not name.startswith("_")
    and name not in ("Path", "Callable", "Builder")
    and getattr(builder, "__module__", "") == __name__
}
