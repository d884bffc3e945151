"""Every persisted core type round-trips through to_dict / from_dict."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashcards.core.models import (
    Card,
    CardType,
    Deck,
    DeckOptions,
    Note,
    Queue,
    ReviewKind,
    ReviewLog,
    deck_ancestors,
    normalise_deck_name,
)
from flashcards.core.notetypes import BUILTIN_NOTETYPES
from flashcards.core.sm2 import Sm2State

ints = st.integers(0, 2**40)
states = st.builds(
    Sm2State, st.integers(0, 99), st.integers(0, 9999), st.integers(130, 500).map(lambda h: h / 100)
)


@given(
    st.builds(
        Card,
        ints,
        ints,
        ints,
        st.integers(0, 9),
        st.sampled_from(CardType),
        st.sampled_from(Queue),
        ints,
        states,
    )
)
def test_card_round_trip(card: Card) -> None:
    assert Card.from_dict(card.to_dict()) == card


@given(
    st.builds(
        Note,
        ints,
        st.text(min_size=1),
        ints,
        st.lists(st.text()).map(tuple),
        st.lists(st.text()).map(tuple),
    )
)
def test_note_round_trip(note: Note) -> None:
    assert Note.from_dict(note.to_dict()) == note


@given(
    st.builds(
        ReviewLog,
        ints,
        ints,
        ints,
        ints,
        st.integers(0, 5),
        st.sampled_from(ReviewKind),
        states,
        states,
        ints,
        ints,
    )
)
def test_review_log_round_trip(log: ReviewLog) -> None:
    assert ReviewLog.from_dict(log.to_dict()) == log


def test_deck_and_notetype_round_trip() -> None:
    deck = Deck(3, "AWS::EC2", DeckOptions(5, 50, True))
    assert Deck.from_dict(deck.to_dict()) == deck
    for nt in BUILTIN_NOTETYPES:
        assert type(nt).from_dict(nt.to_dict()) == nt


def test_deck_names() -> None:
    assert normalise_deck_name(" AWS :: EC2 ") == "AWS::EC2"
    assert deck_ancestors("A::B::C") == ["A", "A::B"]
    for bad in ("", "A::", "::B", "A:: ::B"):
        with pytest.raises(ValueError, match="invalid deck name"):
            normalise_deck_name(bad)
