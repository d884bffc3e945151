"""The card browser's reads: parse a search, the ordered card ids, and rows for a page.

A lazily-fetching table model calls `Collection.browse(query, sort, descending)`
once per search or sort change and keeps the ids; it asks
`Collection.browse_rows(ids)` only for the rows it is about to paint.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from flashcards.core.clock import day_start, day_to_date, to_ms
from flashcards.core.models import CardType, NoteKind, NoteType
from flashcards.core.search import Node, SearchError, SortColumn, format_query, parse_query
from flashcards.core.stats import CardState, state_of
from flashcards.core.template import render_question
from flashcards.core.text import one_line_text, sort_text
from flashcards.services.errors import FlashcardsError, SearchQueryError
from flashcards.storage.browse import BrowseRepo, PageRow
from flashcards.storage.search import SearchRepo, SearchScope

if TYPE_CHECKING:
    from flashcards.services.collection import Collection

__all__ = [
    "BrowseResult",
    "BrowseRow",
    "CardState",
    "SortColumn",
    "browse",
    "browse_rows",
    "find_cards",
    "normalise_query",
    "parse_search",
]


@dataclass(frozen=True)
class BrowseResult:
    """The cards a search found, in the order the browser shows them."""

    query: str  # the canonical text of the search
    sort: SortColumn
    descending: bool
    card_ids: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.card_ids)


@dataclass(frozen=True)
class BrowseRow:
    """One card as a browser row shows it."""

    card_id: int
    note_id: int
    deck: str
    notetype: str
    template: str
    sort_field: str
    question: str  # the rendered front as plain text
    tags: tuple[str, ...]
    state: CardState
    due: date | None  # review cards: the date of the study day they are due
    position: int | None  # new cards: their place in the new-card queue
    interval: int
    ease: float
    reps: int
    lapses: int
    added_ms: int
    modified_ms: int

    def to_dict(self) -> dict[str, object]:
        """The `flashcards search --json` object (documented in README)."""
        return {
            "card_id": self.card_id,
            "note_id": self.note_id,
            "deck": self.deck,
            "notetype": self.notetype,
            "template": self.template,
            "sort_field": self.sort_field,
            "question": self.question,
            "tags": list(self.tags),
            "state": str(self.state),
            "due": None if self.due is None else self.due.isoformat(),
            "position": self.position,
            "interval": self.interval,
            "ease": self.ease,
            "reps": self.reps,
            "lapses": self.lapses,
            "added_ms": self.added_ms,
            "modified_ms": self.modified_ms,
        }


def parse_search(query: str) -> Node:
    """The query's tree; a malformed query raises SearchQueryError naming the token."""
    try:
        return parse_query(query)
    except SearchError as exc:
        raise SearchQueryError(f"cannot search: {exc}", exc.token, exc.position) from None


def normalise_query(query: str) -> str:
    """The canonical text of a query (what the search box can show back)."""
    return format_query(parse_search(query))


def _scope(col: Collection) -> SearchScope:
    tz = col.now().tzinfo
    rollover = col.rollover_hour
    return SearchScope(
        today=col.today(), day_start_ms=lambda day: to_ms(day_start(day, tz, rollover))
    )


def find_cards(
    col: Collection,
    query: str,
    sort: SortColumn | None = None,
    descending: bool = False,
) -> list[int]:
    """Ids of the cards matching `query`, by `sort` (card id when None)."""
    node = parse_search(query)
    return SearchRepo(col.store.db).card_ids(node, _scope(col), sort, descending)


def browse(
    col: Collection,
    query: str,
    sort: SortColumn | str = SortColumn.SORT_FIELD,
    descending: bool = False,
) -> BrowseResult:
    """The browser's result: every matching card id, ordered by a column in SQL."""
    column = _sort_column(sort)
    node = parse_search(query)
    ids = SearchRepo(col.store.db).card_ids(node, _scope(col), column, descending)
    return BrowseResult(format_query(node), column, descending, tuple(ids))


def _sort_column(sort: SortColumn | str) -> SortColumn:
    try:
        return SortColumn(sort)
    except ValueError:
        names = ", ".join(c.value for c in SortColumn)
        raise FlashcardsError(f"cannot sort by {sort!r}; choose one of {names}") from None


def browse_rows(col: Collection, card_ids: Sequence[int]) -> list[BrowseRow]:
    """Rows for these cards, in the same order; ids no longer in the collection are skipped."""
    store = col.store
    types = {nt.id: nt for nt in store.notetypes.all()}
    today = col.today()
    return [
        _row(row, types[row.notetype_id], today) for row in BrowseRepo(store.db).page_rows(card_ids)
    ]


def _template_name(notetype: NoteType, ord_: int) -> str:
    if notetype.kind == NoteKind.CLOZE:
        return f"Cloze {ord_ + 1}"
    if ord_ < len(notetype.templates):
        return notetype.templates[ord_].name
    return f"Card {ord_ + 1}"


def _row(row: PageRow, notetype: NoteType, today: int) -> BrowseRow:
    deck = row.deck
    sort_index = notetype.sort_field
    sort_value = row.fields[sort_index] if sort_index < len(row.fields) else ""
    question = render_question(notetype, row.fields, row.ord, deck=deck, tags=row.tags)
    learned = row.type == CardType.REVIEW
    return BrowseRow(
        card_id=row.card_id,
        note_id=row.note_id,
        deck=deck,
        notetype=notetype.name,
        template=_template_name(notetype, row.ord),
        sort_field=sort_text(sort_value),
        question=one_line_text(question),
        tags=row.tags,
        state=state_of(row.queue, row.type, row.buried_until, row.drill_day, row.interval, today),
        due=day_to_date(row.due) if learned else None,
        position=None if learned else row.due,
        interval=row.interval,
        ease=row.easiness / 100,  # as Sm2State holds it
        reps=row.reps,
        lapses=row.lapses,
        added_ms=row.created_ms,
        modified_ms=row.modified_ms,
    )
