"""Daily limits for every deck at once (the Settings dialog's global default)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError


def test_every_deck_gets_the_limits_and_keeps_its_other_options(col: Collection) -> None:
    options = col.deck("Test::B").options
    col.set_deck_options("Test::B", replace(options, leech_suspend=True, new_per_day=5))
    changed = col.set_limits_for_all_decks(3, 30)
    names = {d.name for d in col.decks()}
    assert {"Test", "Test::A", "Test::B"} <= names
    assert changed == len(names)
    for deck in col.decks():
        assert (deck.options.new_per_day, deck.options.reviews_per_day) == (3, 30)
    assert col.deck("Test::B").options.leech_suspend
    assert col.set_limits_for_all_decks(3, 30) == 0  # nothing left to change


def test_negative_limits_change_nothing(col: Collection) -> None:
    before = [d.options for d in col.decks()]
    with pytest.raises(FlashcardsError, match="negative"):
        col.set_limits_for_all_decks(-1, 10)
    assert [d.options for d in col.decks()] == before
