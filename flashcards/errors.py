"""The root of user-facing errors, shared by every layer."""

from __future__ import annotations

__all__ = ["FlashcardsError"]


class FlashcardsError(Exception):
    """A problem caused by the user's input or environment, with a clear one-sentence message.

    Anything that is not a FlashcardsError is a bug.
    """
