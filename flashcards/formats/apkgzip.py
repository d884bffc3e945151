"""Reading the `.apkg` container: a zip with a collection, a media map and numbered media files.

Reading is defensive (DESIGN §8): every size is bounded (per member, in total,
and by compression ratio, checked against the headers and again while
inflating), media names that could leave the media folder refuse the whole
package, and the newest collection wins — current packages carry a dummy
`collection.anki2` that must never be imported. Current packages compress the
collection, the media map and each media file with zstd.
"""

from __future__ import annotations

import errno
import json
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import zstandard

from flashcards.formats.package import MediaFile
from flashcards.formats.protobuf import ProtobufError, decode, text_field, varint_field
from flashcards.formats.records import FormatError

__all__ = ["COLLECTION_MEMBERS", "ApkgArchive", "Limits", "check_media_name"]

COLLECTION_MEMBERS = ("collection.anki21b", "collection.anki21", "collection.anki2")
"""Newest first: the first one present is the package's collection."""
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_CHUNK = 1 << 20
_DRIVE_RE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class Limits:
    """Bounds on what a package may inflate to."""

    member: int = 2 << 30
    """Bytes one member (or the zstd collection inside it) may inflate to."""
    total: int = 8 << 30
    """Bytes all members together may inflate to."""
    ratio: int = 200
    """Largest inflated/compressed ratio for a member above `ratio_floor` bytes."""
    ratio_floor: int = 16 << 20


def check_media_name(name: str) -> str | None:
    """Why a media file name is unsafe, or None when it stays inside the media folder."""
    if not name or name in (".", ".."):
        return "has an empty or dot name"
    if "/" in name or "\\" in name or "\x00" in name:
        return "contains a path separator"
    if _DRIVE_RE.match(name):
        return "starts with a drive letter"
    return None


class _TooBig(Exception):
    pass


_DAMAGED = (
    zipfile.BadZipFile,  # bad CRC, bad headers
    zlib.error,  # a broken deflate stream
    EOFError,  # a member cut short
    NotImplementedError,  # an unknown compression method or zip version
    RuntimeError,  # an encrypted member
    zstandard.ZstdError,
    OSError,  # a member's offset pointing before the start of the file
)
"""What reading a damaged (or deliberately broken) member can raise."""


def _copy_capped(src: IO[bytes], dst: IO[bytes], cap: int) -> int:
    written = 0
    while chunk := src.read(_CHUNK):
        written += len(chunk)
        if written > cap:
            raise _TooBig
        dst.write(chunk)
    return written


class ApkgArchive:
    """An opened, checked `.apkg`. Use as a context manager."""

    def __init__(self, path: Path, limits: Limits = Limits()) -> None:
        self.path = path
        self.source = path.name
        self.limits = limits
        try:
            self.zip = zipfile.ZipFile(path)
        except (*_DAMAGED, OSError, ValueError) as exc:
            raise self.error(f"not a valid .apkg package (not a readable zip: {exc})") from None
        try:
            self._check_sizes()
            self.member = self._collection_member()
            self.modern = self.member == "collection.anki21b"
            self.media_files = self._media_map()
        except BaseException:
            self.zip.close()
            raise

    def error(self, reason: str) -> FormatError:
        return FormatError(self.source, "", reason)

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> ApkgArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_sizes(self) -> None:
        total = 0
        for info in self.zip.infolist():
            size = info.file_size
            total += size
            if size > self.limits.member:
                raise self.error(f"member {info.filename!r} would inflate to {size:,} bytes")
            if size > self.limits.ratio_floor and size > self.limits.ratio * max(
                info.compress_size, 1
            ):
                raise self.error(
                    f"member {info.filename!r} is compressed {size // max(info.compress_size, 1):,}"
                    " to 1, which looks like a zip bomb"
                )
        if total > self.limits.total:
            raise self.error(f"its members would inflate to {total:,} bytes in all")

    def _collection_member(self) -> str:
        names = set(self.zip.namelist())
        for member in COLLECTION_MEMBERS:
            if member in names:
                return member
        raise self.error("it holds no Anki collection (no collection.anki2, .anki21 or .anki21b)")

    def inflate_cap(self, member: str) -> int:
        """The most `member` may inflate to, whatever its header claims: the member limit,
        and no more than `ratio` times its compressed size (above `ratio_floor`)."""
        compressed = self.zip.getinfo(member).compress_size
        by_ratio = max(self.limits.ratio_floor, self.limits.ratio * max(compressed, 1))
        return min(self.limits.member, by_ratio)

    def _read(self, member: str, *, zstd: bool) -> bytes:
        cap = self.inflate_cap(member)
        with self.open_member(member, zstd=zstd) as stream:
            data = stream.read(cap + 1)
        if len(data) > cap:
            raise self.error(f"member {member!r} inflates to more than {cap:,} bytes")
        return data

    def open_member(self, member: str, *, zstd: bool) -> IO[bytes]:
        raw = self.zip.open(member)
        if not zstd:
            return raw
        return zstandard.ZstdDecompressor().stream_reader(raw, closefd=True)

    def _media_map(self) -> list[MediaFile]:
        if "media" not in self.zip.namelist():
            return []
        try:
            data = self._read("media", zstd=False)
            if data.startswith(_ZSTD_MAGIC):
                data = zstandard.ZstdDecompressor().decompress(data, max_output_size=64 << 20)
                entries = self._protobuf_media(data)
            else:
                entries = self._json_media(data)
        except (*_DAMAGED, ProtobufError, UnicodeDecodeError) as exc:
            raise self.error(f"its media list is unreadable ({exc})") from None
        names = set(self.zip.namelist())
        result = []
        for member, name in entries:
            problem = check_media_name(name)
            if problem:
                raise self.error(f"media file {name!r} {problem}, so the package is refused")
            if member not in names:
                raise self.error(f"media file {name!r} is listed but missing from the package")
            size = self.zip.getinfo(member).file_size
            result.append(MediaFile(name, size, self._reader(member)))
        return result

    def _json_media(self, data: bytes) -> list[tuple[str, str]]:
        try:
            mapping = json.loads(data.decode("utf-8") or "{}")
        except json.JSONDecodeError as exc:
            raise self.error(f"its media list is not valid JSON ({exc.msg})") from None
        if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
            raise self.error("its media list is not a JSON object of file names")
        return [(str(k), v) for k, v in mapping.items()]

    def _protobuf_media(self, data: bytes) -> list[tuple[str, str]]:
        entries = []
        for index, raw in enumerate(decode(data).get(1, [])):
            if not isinstance(raw, bytes):
                raise ProtobufError("media entry is not a message")
            entry = decode(raw)
            member = str(varint_field(entry, 255, index)) if 255 in entry else str(index)
            entries.append((member, text_field(entry, 1)))
        return entries

    def _reader(self, member: str) -> Callable[[], bytes]:
        zstd = self.modern

        def read() -> bytes:
            try:
                data = self._read(member, zstd=False)
                if zstd and data.startswith(_ZSTD_MAGIC):
                    return zstandard.ZstdDecompressor().stream_reader(data).read(self.limits.member)
                return data
            except _DAMAGED as exc:
                raise self.error(f"media member {member!r} is damaged ({exc})") from None

        return read

    def extract_collection(self, dest_dir: Path) -> Path:
        """Inflate the collection into `dest_dir`; return the SQLite file's path."""
        dest = dest_dir / "collection.sqlite"
        # For a zstd collection the bound applies to zip and zstd layers together.
        cap = self.inflate_cap(self.member)
        try:
            with self.open_member(self.member, zstd=self.modern) as src, dest.open("wb") as dst:
                _copy_capped(src, dst, cap)
        except _TooBig:
            raise self.error(f"{self.member} inflates to more than {cap:,} bytes") from None
        except _DAMAGED as exc:
            if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise self.error(f"there is no room to unpack it ({exc.strerror})") from None
            raise self.error(f"{self.member} is damaged ({exc})") from None
        return dest
