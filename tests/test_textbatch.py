"""Batch search and sort text equal the one-note-at-a-time functions (hypothesis)."""

from __future__ import annotations

import json
import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from flashcards.core.search import note_search_text
from flashcards.core.text import strip_html
from flashcards.core.textbatch import WHITESPACE, search_texts, search_texts_of, strip_html_many
from flashcards.storage.ankisql import FIELD_PADDING, fields_json
from flashcards.storage.rows import fields_json_many

# Pieces that exercise every step: tags, comments, script/style, entities (with
# and without ';', numeric, ones that decode to whitespace), cloze markup, every
# kind of whitespace, case folding that changes length, combining marks.
_PIECES = [
    "<b>", "</b>", "<br>", "<img src='a b.png'>", "<", ">", "<!--", "-->", "<script>x</script>",
    "<STYLE>p{}</style >", "&amp;", "&amp", "&lt;", "&nbsp;", "&#9;", "&#x41;", "&#0;", "&",
    "&zz;", "{{c1::", "}}", "::", "{{c2::가나::힌트}}", "{{c", "ß", "İ", "ΣΑΣ", "e\u0301",
    "\u1100\u1161", "가", "A", "z", "1", " ", "  ", "\t", "\n", "\r", "\x0b", "\x1c", "\x1e",
    "\xa0", "\u2000", "\u2028", "\u3000", "\u200b", '"', "\\", "\\u001f", "\x7f", "\x02",
]  # fmt: skip
_text = st.lists(st.sampled_from(_PIECES), max_size=8).map("".join)
_note = st.lists(_text, min_size=1, max_size=4).map("\x1f".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_note, max_size=6))
def test_search_texts_equal_note_search_text(notes: list[str]) -> None:
    assert search_texts(notes) == [note_search_text(n.split("\x1f")) for n in notes]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.one_of(_text, st.just("a\x1fb")), max_size=4), max_size=6))
def test_search_texts_of_fields_equal_note_search_text(notes: list[list[str]]) -> None:
    """From each note's fields (none, or one holding U+001F itself, included)."""
    assert search_texts_of(notes) == [note_search_text(fields) for fields in notes]


@settings(max_examples=300, deadline=None)
@given(st.lists(_text, max_size=6))
def test_strip_html_many_equals_strip_html(values: list[str]) -> None:
    assert strip_html_many(values) == [strip_html(v) for v in values]


@given(st.lists(st.text(max_size=6), max_size=5))
def test_any_text_takes_a_correct_path(values: list[str]) -> None:
    """Arbitrary text, separators included (then the one-at-a-time path is taken)."""
    assert strip_html_many(values) == [strip_html(v) for v in values]
    notes = ["\x1f".join(values)] if values else []
    assert search_texts(notes) == [note_search_text(n.split("\x1f")) for n in notes]


def test_whitespace_is_what_str_split_splits_on() -> None:
    every = "".join(c for c in map(chr, range(0x110000)) if c.isspace())
    assert every == WHITESPACE


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x1f")),
        min_size=1,
        max_size=4,
    ),
    st.integers(0, 3),
)
def test_fields_json_is_what_json_dumps_writes(fields: list[str], missing: int) -> None:
    conn = sqlite3.connect(":memory:")
    try:
        row = conn.execute(
            f"SELECT {fields_json(':flds', ':missing')}",
            {"flds": "\x1f".join(fields), "missing": missing, "padding": FIELD_PADDING},
        ).fetchone()
    finally:
        conn.close()
    assert row[0] == json.dumps([*fields, *[""] * missing], ensure_ascii=False)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.one_of(_text, st.text(max_size=4)), min_size=1, max_size=3), max_size=5)
)
def test_fields_json_many_is_what_json_dumps_writes(notes: list[list[str]]) -> None:
    notes = [[f.replace("\x1f", "") for f in fields] for fields in notes]
    expected = [json.dumps(fields, ensure_ascii=False) for fields in notes]
    assert fields_json_many(["\x1f".join(fields) for fields in notes]) == expected
