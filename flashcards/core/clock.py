"""Time: an injected clock and the study-day calendar.

A study day starts at the rollover hour (default 4:00) in local time, as in
Anki. Day numbers count days since 1970-01-01 in that shifted local calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Protocol

__all__ = [
    "DEFAULT_ROLLOVER_HOUR",
    "Clock",
    "FixedClock",
    "SystemClock",
    "day_start",
    "day_to_date",
    "parse_now",
    "study_day",
    "to_ms",
]

DEFAULT_ROLLOVER_HOUR = 4
_EPOCH = date(1970, 1, 1)
_EPOCH_UTC = datetime(1970, 1, 1, tzinfo=UTC)


class Clock(Protocol):
    """Source of the current, timezone-aware time."""

    def now(self) -> datetime: ...


class SystemClock:
    """The wall clock in the system's local time zone."""

    def now(self) -> datetime:
        return datetime.now().astimezone()


@dataclass
class FixedClock:
    """A clock that returns a set instant; tests move it by hand."""

    instant: datetime

    def __post_init__(self) -> None:
        _require_aware(self.instant)

    def now(self) -> datetime:
        return self.instant

    def advance(self, delta: timedelta) -> None:
        self.instant = self.instant + delta

    def set(self, instant: datetime) -> None:
        _require_aware(instant)
        self.instant = instant


def _require_aware(instant: datetime) -> None:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"a time zone is required, got naive {instant.isoformat()}")


def parse_now(text: str) -> datetime:
    """Parse an ISO 8601 instant that carries its UTC offset (FLASHCARDS_NOW)."""
    try:
        instant = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"FLASHCARDS_NOW={text!r} is not an ISO 8601 time such as 2026-11-27T09:00:00+09:00"
        ) from None
    if instant.tzinfo is None:
        raise ValueError(f"FLASHCARDS_NOW={text!r} needs a UTC offset, e.g. +09:00")
    return instant


def study_day(instant: datetime, rollover_hour: int = DEFAULT_ROLLOVER_HOUR) -> int:
    """The study-day number of an aware instant, in its own local time."""
    _require_aware(instant)
    shifted = instant.replace(tzinfo=None) - timedelta(hours=rollover_hour)
    return (shifted.date() - _EPOCH).days


def day_start(day: int, tz: tzinfo | None, rollover_hour: int = DEFAULT_ROLLOVER_HOUR) -> datetime:
    """The aware instant at which a study day begins, in the zone `tz`."""
    naive = datetime.combine(_EPOCH + timedelta(days=day), datetime.min.time())
    return (naive + timedelta(hours=rollover_hour)).replace(tzinfo=tz)


def day_to_date(day: int) -> date:
    """The calendar date a study-day number stands for."""
    return _EPOCH + timedelta(days=day)


def to_ms(instant: datetime) -> int:
    """Milliseconds since the Unix epoch (UTC)."""
    _require_aware(instant)
    return (instant - _EPOCH_UTC) // timedelta(milliseconds=1)
