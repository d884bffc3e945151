"""Just enough protocol-buffers wire format to read and write Anki's small messages.

Anki keeps note-type, template, deck and deck-option settings, and the media
list of current packages, as protobuf messages. We only need a few scalar and
string fields from them, so a tiny decoder beats a generated-code dependency.
"""

from __future__ import annotations

__all__ = [
    "ProtobufError",
    "decode",
    "encode_media_entries",
    "encode_package_metadata",
    "first",
    "varint_field",
]

Value = int | bytes


class ProtobufError(ValueError):
    """Bytes that are not a valid protobuf message."""


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        if pos >= len(data):
            raise ProtobufError("truncated varint")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7
        if shift > 63:
            raise ProtobufError("varint too long")


def decode(data: bytes) -> dict[int, list[Value]]:
    """Field number → values (ints for varint and fixed fields, bytes for the rest)."""
    fields: dict[int, list[Value]] = {}
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        value: Value
        if wire == 0:
            value, pos = _varint(data, pos)
        elif wire == 2:
            length, pos = _varint(data, pos)
            if pos + length > len(data):
                raise ProtobufError("truncated length-delimited field")
            value, pos = data[pos : pos + length], pos + length
        elif wire == 1:
            value, pos = int.from_bytes(data[pos : pos + 8], "little"), pos + 8
        elif wire == 5:
            value, pos = int.from_bytes(data[pos : pos + 4], "little"), pos + 4
        else:
            raise ProtobufError(f"unsupported wire type {wire}")
        if pos > len(data):
            raise ProtobufError("truncated fixed-width field")
        fields.setdefault(number, []).append(value)
    return fields


def first(fields: dict[int, list[Value]], number: int, default: Value) -> Value:
    values = fields.get(number)
    return values[-1] if values else default


def varint_field(fields: dict[int, list[Value]], number: int, default: int = 0) -> int:
    value = first(fields, number, default)
    if not isinstance(value, int):
        raise ProtobufError(f"field {number} is not a number")
    return value


def text_field(fields: dict[int, list[Value]], number: int, default: str = "") -> str:
    value = first(fields, number, b"")
    if not isinstance(value, bytes):
        raise ProtobufError(f"field {number} is not text")
    return value.decode("utf-8") if value else default


def _encode_varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field(number: int, payload: bytes) -> bytes:
    return _encode_varint(number << 3 | 2) + _encode_varint(len(payload)) + payload


def encode_media_entries(entries: list[tuple[str, int, bytes]]) -> bytes:
    """MediaEntries{repeated MediaEntry{name=1, size=2, sha1=3}} for (name, size, sha1)."""
    out = bytearray()
    for name, size, sha1 in entries:
        entry = _field(1, name.encode()) + _encode_varint(2 << 3) + _encode_varint(size)
        out += _field(1, entry + _field(3, sha1))
    return bytes(out)


def encode_package_metadata(version: int) -> bytes:
    """PackageMetadata{version=1}: a package's `meta` member (2 legacy, 3 latest)."""
    return _encode_varint(1 << 3 | 0) + _encode_varint(version)
