"""Media file names as current Anki normalises them (rslib/src/media/files.rs)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashcards.formats.medianame import MAX_NAME_BYTES, anki_media_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("구매.png", "구매.png"),  # already normal
        (unicodedata.normalize("NFD", "사진.png"), "사진.png"),  # decomposed Hangul → NFC
        ('a:b?<c>*"d|e^f[g]\\.png', "abcdefg.png"),  # characters some systems forbid
        ("\x01tab\there.png", "tabhere.png"),  # ASCII control characters
        ("x\u0378y.png", "xy.png"),  # an unassigned code point
        ("a\xa0b.png", "a b.png"),  # a non-breaking space
        ("con.txt", "con_.txt"),  # Windows device names, any case
        ("COM1", "COM1_"),
        ("console.txt", "console.txt"),  # only the whole name before a dot
        ("name.", "name._"),  # no trailing dot or space
        ("name ", "name _"),
        ("x" * 121, "x" * 118),  # Anki's own cases: no extension, cut to 118 bytes
        ("x" * 200 + ".jpeg", "x" * 114 + ".jpeg"),  # the stem gives way: 120 - 4 - 2
        ("a" * 130 + ".verylongextension", "a" * 108 + ".verylongex"),  # extension ≤ 10 bytes
        ("가" * 50 + ".png", "가" * 38 + ".png"),  # cut on a character boundary (3 bytes each)
        (" " * 121, " " * 118 + "_"),
    ],
)
def test_names_become_what_anki_makes_of_them(name: str, expected: str) -> None:
    assert anki_media_name(name) == expected


@given(st.text(min_size=1, max_size=200))
def test_the_result_is_one_anki_leaves_as_it_is(name: str) -> None:
    once = anki_media_name(name)
    assert anki_media_name(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert len(once.encode()) <= MAX_NAME_BYTES
    assert not set(once) & set('[]<>:"/?*^\\|\xa0')
    assert not once.endswith((" ", "."))
