"""Use cases. The GUI and the CLI call only this layer."""

from flashcards.services.collection import AnswerOutcome, Collection, DeckSummary
from flashcards.services.errors import CollectionLockedError, FlashcardsError, NotFoundError

__all__ = [
    "AnswerOutcome",
    "Collection",
    "CollectionLockedError",
    "DeckSummary",
    "FlashcardsError",
    "NotFoundError",
]
