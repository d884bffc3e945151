"""How a search delivers its ids in card-id order: sorted after an index, or read in order.

A search that an index narrows (a deck, a note type, a state, text through
the trigram index, a value range) is fastest when SQLite may start from that
index and the ids are sorted afterwards: asked for card-id order, SQLite would
rather scan every card row. A search that no index narrows (a negation, a tag,
everything) is fastest as one plain pass over the cards table (NOT INDEXED),
which yields card-id order as it goes: left free, SQLite would walk some
narrower index in its own order, sorting every id afterwards costs more than
it saves, and an ORDER BY in a subquery costs more than the pass itself. When
such a search tests a note's tags, the pass is over notes_tags instead, each
note once and then its cards, which comes nearly in card-id order (a card's id
follows its note's) and sorts in linear time.

Even a range holding half the cards (prop:ivl>=10) is no slower through its
index than by a pass, at 100k or 1M cards (prop:due>=0 is faster), so ranges
always count as narrowing; counting a range's share first was tried and cost
more than it saved.
"""

from __future__ import annotations

from flashcards.core.search import And, DeckSearch, Is, Node, NotetypeSearch, Or, Prop, Rated, Text

__all__ = ["INDEXED_PROPS", "narrows"]

INDEXED_PROPS = frozenset({"ivl", "ease", "due"})
"""Properties whose values an index lists in order (cards_interval, cards_easiness,
cards_type_due): a range of them is an index range."""


def narrows(node: Node) -> bool:
    """Whether an index narrows the cards `node` matches.

    A conjunction is narrowed by any of its parts, a disjunction only by all
    of them (SQLite then reads one index range per part); a negation never.
    """
    match node:
        case DeckSearch() | NotetypeSearch() | Rated() | Text():
            return True
        case Is(state):
            return state != "leech"  # leech is a tag
        case Prop(name=name):
            return name in INDEXED_PROPS
        case And(children):
            return any(narrows(child) for child in children)
        case Or(children):
            return all(narrows(child) for child in children)
    return False
