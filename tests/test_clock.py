"""Study days: the 4:00 rollover, time zones, FLASHCARDS_NOW parsing."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashcards.core.clock import FixedClock, day_start, day_to_date, parse_now, study_day, to_ms


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_day_rolls_over_at_four_local() -> None:
    assert day_to_date(study_day(at("2026-11-28T03:59:59+09:00"))) == date(2026, 11, 27)
    assert day_to_date(study_day(at("2026-11-28T04:00:00+09:00"))) == date(2026, 11, 28)


def test_rollover_hour_is_configurable() -> None:
    assert day_to_date(study_day(at("2026-11-28T01:00:00+09:00"), 0)) == date(2026, 11, 28)
    assert day_to_date(study_day(at("2026-11-28T05:30:00+09:00"), 6)) == date(2026, 11, 27)


def test_same_instant_is_a_different_day_in_another_zone() -> None:
    seoul = at("2026-11-28T10:00:00+09:00")
    new_york = seoul.astimezone(datetime.fromisoformat("2026-01-01T00:00:00-05:00").tzinfo)
    assert day_to_date(study_day(seoul)) == date(2026, 11, 28)
    assert day_to_date(study_day(new_york)) == date(2026, 11, 27)  # 20:00 on the 27th


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        study_day(datetime(2026, 11, 28, 10))
    with pytest.raises(ValueError, match="time zone"):
        FixedClock(datetime(2026, 11, 28, 10))


def test_flashcards_now_needs_an_offset() -> None:
    assert parse_now("2026-11-28T09:00:00+09:00") == at("2026-11-28T09:00:00+09:00")
    assert parse_now("2026-11-28T00:00:00Z") == at("2026-11-28T00:00:00+00:00")
    with pytest.raises(ValueError, match="UTC offset"):
        parse_now("2026-11-28T09:00:00")
    with pytest.raises(ValueError, match="ISO 8601"):
        parse_now("tomorrow")


def test_to_ms_is_exact() -> None:
    assert to_ms(at("1970-01-01T00:00:00.001+00:00")) == 1
    assert to_ms(at("2026-11-27T00:00:00+00:00")) == 1_795_737_600_000


offsets = st.integers(-12 * 60, 14 * 60).map(lambda m: timedelta(minutes=m))


@given(
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    offsets,
    st.integers(0, 23),
)
def test_day_start_begins_the_day_it_names(naive: datetime, offset: timedelta, hour: int) -> None:
    from datetime import timezone

    tz = timezone(offset)
    instant = naive.replace(tzinfo=tz)
    day = study_day(instant, hour)
    start = day_start(day, tz, hour)
    assert start <= instant < start + timedelta(days=1)
    assert study_day(start, hour) == day
