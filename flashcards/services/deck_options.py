"""Daily limits for every deck at once (the Settings dialog's global default)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from flashcards.services.errors import FlashcardsError

if TYPE_CHECKING:
    from flashcards.services.collection import Collection

__all__ = ["set_limits_for_all_decks"]


def set_limits_for_all_decks(col: Collection, new_per_day: int, reviews_per_day: int) -> int:
    """Give every deck these daily limits, in one transaction; return how many decks changed.

    Other options (leech handling) are kept. A deck created later starts from the
    built-in defaults (20 new, 200 reviews), as in Anki.
    """
    if new_per_day < 0 or reviews_per_day < 0:
        raise FlashcardsError("daily limits cannot be negative")
    changed = 0
    with col.store.atomic():
        for deck in col.decks():
            options = replace(
                deck.options, new_per_day=new_per_day, reviews_per_day=reviews_per_day
            )
            if options != deck.options:
                col.set_deck_options(deck.name, options)
                changed += 1
    return changed
