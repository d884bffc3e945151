"""Plain-text views of card HTML, for terminals, search and sort fields; English counts."""

from __future__ import annotations

import html
import re

__all__ = ["count_of", "html_to_text", "one_line_text", "sort_text", "strip_html"]

_BREAK_RE = re.compile(r"<\s*(br|/?p|/?div|/?li|hr|/?tr|/?h[1-6])\b[^>]*>", re.IGNORECASE)
_DROP_RE = re.compile(r"<\s*(script|style)\b.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG_RE = re.compile(r"<[^>]*>")
_SPACES_RE = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES_RE = re.compile(r"\n\s*\n+")


def strip_html(text: str) -> str:
    """Drop tags and decode entities; collapse whitespace to single spaces."""
    text = _DROP_RE.sub(" ", _COMMENT_RE.sub("", text))
    text = html.unescape(_TAG_RE.sub(" ", text))
    return " ".join(text.split())


def html_to_text(text: str) -> str:
    """Like strip_html, but keep line breaks where the HTML had them."""
    text = _DROP_RE.sub("", _COMMENT_RE.sub("", text))
    text = _BREAK_RE.sub("\n", text)
    text = html.unescape(_TAG_RE.sub("", text))
    lines = [_SPACES_RE.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES_RE.sub("\n", "\n".join(lines)).strip()


def one_line_text(text: str) -> str:
    """html_to_text on one line: its lines joined by single spaces, all runs of
    whitespace collapsed (what a browser cell shows)."""
    if "<" in text:
        text = _TAG_RE.sub("", _BREAK_RE.sub("\n", _DROP_RE.sub("", _COMMENT_RE.sub("", text))))
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.split())


_CLOZE_MARKUP_RE = re.compile(r"\{\{c\d+::(.*?)(?:::.*?)?\}\}", re.DOTALL)


def sort_text(value: str) -> str:
    """A field as the browser sorts and shows it, and as duplicates are checked:
    no HTML, cloze markup reduced to its answers, whitespace collapsed."""
    if "{{" in value:
        value = _CLOZE_MARKUP_RE.sub(r"\1", value)
    if "<" in value or "&" in value:
        return strip_html(value)
    return " ".join(value.split())


def count_of(n: int, word: str, plural: str | None = None) -> str:
    """`n` and the word, singular for one: count_of(1, "entry", "entries") is "1 entry"."""
    return f"{n} {word}" if n == 1 else f"{n} {plural or word + 's'}"
