"""The search language's tree: node types, sort columns, and text matching helpers.

Shared by the parser and printer (core/search.py) and by the SQL compiler in
storage/search.py. Pure stdlib.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from flashcards.core.searchtext import FIELD_SEPARATOR, fold, note_search_text

__all__ = [
    "FIELD_SEPARATOR",
    "IS_STATES",
    "PROP_NAMES",
    "Added",
    "And",
    "DeckSearch",
    "Is",
    "MatchAll",
    "Node",
    "Not",
    "NotetypeSearch",
    "Or",
    "Prop",
    "Rated",
    "SearchError",
    "SortColumn",
    "TagSearch",
    "Text",
    "fold",
    "glob_regex",
    "note_search_text",
    "tree_match",
]

IS_STATES = ("new", "due", "review", "suspended", "buried", "leech")
PROP_NAMES = ("ivl", "ease", "reps", "lapses", "due")


class SearchError(ValueError):
    """A malformed query. Names the offending token and its 0-based position."""

    def __init__(self, reason: str, token: str, position: int) -> None:
        self.reason = reason
        self.token = token
        self.position = position
        super().__init__(f"{reason} (at {token!r}, column {position + 1})")


class SortColumn(StrEnum):
    """Columns the browser can sort by."""

    SORT_FIELD = "sort_field"
    DECK = "deck"
    DUE = "due"
    INTERVAL = "interval"
    EASE = "ease"
    REPS = "reps"
    LAPSES = "lapses"
    ADDED = "added"
    TAGS = "tags"
    NOTETYPE = "notetype"


# -- the tree ------------------------------------------------------------------


@dataclass(frozen=True)
class MatchAll:
    """The empty query: every card."""


@dataclass(frozen=True)
class Text:
    """Free text: a substring of the note's HTML-stripped fields (`*` = anything)."""

    value: str


@dataclass(frozen=True)
class DeckSearch:
    pattern: str


@dataclass(frozen=True)
class TagSearch:
    pattern: str


@dataclass(frozen=True)
class NotetypeSearch:
    pattern: str


@dataclass(frozen=True)
class Is:
    state: str


@dataclass(frozen=True)
class Prop:
    name: str
    op: str
    value: Decimal


@dataclass(frozen=True)
class Added:
    days: int


@dataclass(frozen=True)
class Rated:
    days: int
    grade: int | None = None


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = (
    MatchAll
    | Text
    | DeckSearch
    | TagSearch
    | NotetypeSearch
    | Is
    | Prop
    | Added
    | Rated
    | Not
    | And
    | Or
)


# -- text helpers shared with storage (in core/searchtext.py, which storage
# imports without loading the whole search language) -------------------------


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """A case-folded pattern with `*` wildcards as a regular expression (full match)."""
    parts = [re.escape(part) for part in fold(pattern).split("*")]
    return re.compile(".*".join(parts), re.DOTALL)


def tree_match(pattern: re.Pattern[str], name: str) -> bool:
    """True if `name` or one of its `::` ancestors fully matches `pattern`."""
    parts = fold(name).split("::")
    return any(pattern.fullmatch("::".join(parts[:i])) for i in range(len(parts), 0, -1))
