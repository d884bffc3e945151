"""Media file names as current Anki expects them in a package's media list.

Anki refuses a whole current-format package (`collection.anki21b`) whose media
list holds a name it would have changed (rslib/src/media/files.rs,
`normalize_filename`): not NFC, characters some systems forbid, a non-breaking
space, a Windows device name, a trailing space or dot, or more than 120 bytes.
Such a file is exported under the name Anki would give it; Anki changes the
notes' references the same way when it imports them, so they still match.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MAX_NAME_BYTES", "anki_media_name"]

MAX_NAME_BYTES = 120
"""Anki's longest media file name, in UTF-8 bytes."""
_FORBIDDEN = frozenset('[]<>:"/?*^\\|')
_DEVICE = re.compile(r"^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\.|$)", re.IGNORECASE)


def _allowed(char: str) -> bool:
    if char in _FORBIDDEN or (char < "\x80" and not char.isprintable()):
        return False
    return unicodedata.category(char) != "Cn"  # unassigned code points


def _truncated(text: str, limit: int) -> str:
    """The longest prefix of `text` of at most `limit` UTF-8 bytes."""
    data = text.encode()
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", errors="ignore")


def _shortened(name: str) -> str:
    """`name` cut to MAX_NAME_BYTES: the extension to 10 bytes, the stem to the rest
    less two (for the dot and a possible trailing underscore)."""
    if len(name.encode()) <= MAX_NAME_BYTES:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    ext = _truncated(ext, 10)
    stem = _truncated(stem, MAX_NAME_BYTES - len(ext.encode()) - 2)
    shortened = f"{stem}.{ext}" if ext else stem
    return shortened + "_" if shortened.endswith((" ", ".")) else shortened


def _once(name: str) -> str:
    """One pass of Anki's normalize_filename."""
    name = unicodedata.normalize("NFC", name)
    name = "".join(c for c in name if _allowed(c)).replace("\xa0", " ")
    name = _DEVICE.sub(r"\1_\2", name)
    if name.endswith((" ", ".")):
        name += "_"
    return _shortened(name)


def anki_media_name(name: str) -> str:
    """The name current Anki gives a media file called `name` (often `name` itself).

    Anki checks a listed name by normalising it again, which in rare cases
    changes it once more (a removed character leaving a letter next to a
    combining mark): the passes repeat until nothing changes."""
    for _ in range(8):
        again = _once(name)
        if again == name:
            return name
        name = again
    return name
