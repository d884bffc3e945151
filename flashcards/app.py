"""The composition root: where the data directory and the clock are chosen."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from flashcards.core.clock import Clock, FixedClock, SystemClock, parse_now
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError

__all__ = ["clock_from_env", "default_data_dir", "open_collection", "resolve_data_dir"]

DATA_DIR_ENV = "FLASHCARDS_DATA_DIR"
NOW_ENV = "FLASHCARDS_NOW"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("flashcards", appauthor=False))


def resolve_data_dir(option: str | None, env: Mapping[str, str] = os.environ) -> Path:
    """--data-dir, else $FLASHCARDS_DATA_DIR, else the platform's user data directory."""
    if option:
        return Path(option).expanduser()
    if env.get(DATA_DIR_ENV):
        return Path(env[DATA_DIR_ENV]).expanduser()
    return default_data_dir()


def clock_from_env(env: Mapping[str, str] = os.environ) -> Clock:
    """A fixed clock at $FLASHCARDS_NOW when it is set, else the system clock."""
    value = env.get(NOW_ENV)
    if not value:
        return SystemClock()
    try:
        return FixedClock(parse_now(value))
    except ValueError as exc:
        raise FlashcardsError(str(exc)) from None


def open_collection(
    data_dir: str | None, env: Mapping[str, str] = os.environ, *, read_only: bool = False
) -> Collection:
    return Collection.open(
        resolve_data_dir(data_dir, env), clock=clock_from_env(env), read_only=read_only
    )
