"""flashcards: an offline spaced-repetition app with exact SM-2."""

__version__ = "0.1.0"
