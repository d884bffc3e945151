"""The pure core: models, SM-2, the daily queue, templates. Stdlib only: no Qt, no SQL."""

from flashcards.core.models import (
    Card,
    CardType,
    Deck,
    DeckOptions,
    Note,
    NoteKind,
    NoteType,
    Queue,
    ReviewKind,
    ReviewLog,
    Template,
)
from flashcards.core.sm2 import Sm2State, review

__all__ = [
    "Card",
    "CardType",
    "Deck",
    "DeckOptions",
    "Note",
    "NoteKind",
    "NoteType",
    "Queue",
    "ReviewKind",
    "ReviewLog",
    "Sm2State",
    "Template",
    "review",
]
