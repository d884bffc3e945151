"""Which searches an index narrows (storage/search_order.py): read off the indexes by hand."""

from __future__ import annotations

import pytest

from flashcards.core.search import parse_query
from flashcards.storage.search_order import narrows


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("deck:AWS", True),  # cards_deck_note
        ("is:due", True),  # cards_queue_due, cards_drill
        ("is:new", True),  # cards_type_due
        ("is:suspended", True),  # cards_queue_due
        ("is:buried", True),  # cards_buried
        ("is:leech", False),  # a tag
        ("prop:ivl>=10", True),  # cards_interval
        ("prop:ease<2", True),  # cards_easiness
        ("prop:due=0", True),  # cards_type_due
        ("prop:reps>5", False),  # no index
        ("prop:lapses>=3", False),
        ("rated:7", True),  # revlog_day
        ("스토리지", True),  # the trigram index
        ("tag:aws", False),
        ("note:Basic", True),  # notes_notetype, then the cards of each note
        ("-note:Basic", False),
        ("added:7", False),
        ("", False),
        ("-is:new", False),
        ("-deck:AWS", False),
        ("tag:aws is:due", True),  # one narrowing part is enough for AND
        ("is:due or is:new", True),  # every part of an OR must narrow
        ("is:due or tag:aws", False),
        ("-(is:due or is:new)", False),
    ],
)
def test_which_searches_an_index_narrows(query: str, expected: bool) -> None:
    assert narrows(parse_query(query)) is expected
