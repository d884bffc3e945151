"""The text that free-text search looks in, kept in notes.search_text.

Apart from core/search_tree.py (which re-exports it) so that storage can fill
search_text without importing the whole search language at every start.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from flashcards.core.cloze import CLOZE_RE
from flashcards.core.text import strip_html

__all__ = ["FIELD_SEPARATOR", "fold", "note_search_text"]


def fold(text: str) -> str:
    """Text as search compares it: NFC-normalised and case-folded, spaces collapsed."""
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())
    return " ".join(folded.split())


FIELD_SEPARATOR = "\x1f"


def note_search_text(fields: Sequence[str]) -> str:
    """What free text searches in: each field without HTML or cloze markup, folded.

    Fields are joined by U+001F, which no folded query contains, so a phrase
    never matches across two fields.
    """
    return FIELD_SEPARATOR.join(
        fold(strip_html(CLOZE_RE.sub(lambda m: m.group(2), field))) for field in fields
    )
