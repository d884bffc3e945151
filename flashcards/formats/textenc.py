"""Decoding text files: UTF-8 (with or without BOM), UTF-16 with BOM, and legacy encodings.

Korean files from Windows are often CP949/EUC-KR; anything that is not UTF-8
or UTF-16 is identified by charset-normalizer rather than guessed by hand.
"""

from __future__ import annotations

import codecs

from flashcards.formats.records import FormatError

__all__ = ["decode_text"]

_KOREAN = {"cp949", "euc_kr", "euc-kr", "johab", "iso2022_kr", "uhc"}


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """The text and the name of its encoding; FormatError for empty or binary files."""
    if not data.strip():
        raise FormatError(source, "", "the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[3:], "utf-8", source), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16", source), "utf-16"
    if b"\x00" in data:
        raise FormatError(source, "", "the file is binary, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise FormatError(source, "", "the file is not text in any encoding we recognise")
    encoding = "cp949" if best.encoding.lower() in _KOREAN else best.encoding
    return _decode(data, encoding, source), encoding


def _decode(data: bytes, encoding: str, source: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise FormatError(source, "", f"not valid {encoding} text (byte {exc.start})") from None
    if "\x00" in text:
        raise FormatError(source, "", "the file is binary, not text")
    return text
