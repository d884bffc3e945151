"""Writing the `.apkg` container around a finished Anki collection file.

Two flavours, as Anki's own export offers them ("Support older Anki versions"):

- latest (the default): `meta` = PackageMetadata{version: LATEST}, the
  collection zstd-compressed as `collection.anki21b`, the media list as
  zstd-compressed protobuf MediaEntries (name, size, SHA-1) and each media file
  zstd-compressed under its number; all stored in the zip, as Anki does;
- legacy: `meta` = LEGACY_2, `collection.anki21` deflated, a JSON media map
  {"0": name} and the media files as they are.

Both carry `collection.anki2`, a tiny schema-11 collection with one "please
update" note: what an Anki too old for the real collection imports instead.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import zstandard

from flashcards.formats.apkgzip import check_media_name
from flashcards.formats.medianame import anki_media_name
from flashcards.formats.protobuf import encode_media_entries, encode_package_metadata

__all__ = ["COLLECTION_LEVEL", "LATEST_VERSION", "LEGACY_VERSION", "write_apkg"]

LEGACY_VERSION = 2
LATEST_VERSION = 3
COLLECTION_LEVEL = 3
"""zstd level of the collection: Anki's default; compressed on every core."""
_MEDIA_LEVEL = 3
_DEFLATE_LEVEL = 1
_ZIP64_FROM = 1 << 30
"""Members that may pass 2 GiB get zip64 headers from the start."""


def write_apkg(
    out: Path,
    collection: Path,
    notice: Path,
    media: Iterator[tuple[str, Path]],
    *,
    legacy: bool = False,
) -> int:
    """Write the package to `out`: `collection` (an Anki collection file), `notice`
    (the dummy collection.anki2) and the media files (name, path). Returns how
    many media files it holds."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        version = LEGACY_VERSION if legacy else LATEST_VERSION
        zf.writestr("meta", encode_package_metadata(version))
        if legacy:
            zf.write(collection, "collection.anki21", zipfile.ZIP_DEFLATED, _DEFLATE_LEVEL)
        else:
            _write_zstd_file(zf, collection, "collection.anki21b")
        zf.write(notice, "collection.anki2")
        return _write_legacy_media(zf, media) if legacy else _write_latest_media(zf, media)


def _write_zstd_file(zf: zipfile.ZipFile, path: Path, member: str) -> None:
    """`path` compressed with zstd (on every core) into the stored member `member`."""
    size = path.stat().st_size
    compressor = zstandard.ZstdCompressor(level=COLLECTION_LEVEL, threads=-1)
    info = zipfile.ZipInfo.from_file(path, member)
    with path.open("rb") as src, zf.open(info, "w", force_zip64=size > _ZIP64_FROM) as dst:
        compressor.copy_stream(src, dst, size=size)


def _write_latest_media(zf: zipfile.ZipFile, media: Iterator[tuple[str, Path]]) -> int:
    """Each file zstd-compressed under its number, then the MediaEntries list.
    Names are written as Anki would normalise them (it refuses the package
    otherwise); a file whose name then clashes or is unusable is left out."""
    compressor = zstandard.ZstdCompressor(level=_MEDIA_LEVEL)
    entries: list[tuple[str, int, bytes]] = []
    taken: set[str] = set()
    for name, path in media:
        anki_name = anki_media_name(name)
        if check_media_name(anki_name) or anki_name in taken:
            continue
        taken.add(anki_name)
        data = path.read_bytes()
        zf.writestr(str(len(entries)), compressor.compress(data))
        entries.append((anki_name, len(data), hashlib.sha1(data).digest()))
    zf.writestr("media", compressor.compress(encode_media_entries(entries)))
    return len(entries)


def _write_legacy_media(zf: zipfile.ZipFile, media: Iterator[tuple[str, Path]]) -> int:
    """Each file under its number (deflated), then the JSON map number → name."""
    mapping: dict[str, str] = {}
    for index, (name, path) in enumerate(media):
        mapping[str(index)] = name
        zf.write(path, str(index), zipfile.ZIP_DEFLATED, _DEFLATE_LEVEL)
    zf.writestr("media", json.dumps(mapping, ensure_ascii=False))
    return len(mapping)
