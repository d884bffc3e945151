"""Pure statistics aggregations (core.stats) on small hand-made rows."""

from __future__ import annotations

from datetime import datetime

import pytest

from flashcards.core.clock import study_day
from flashcards.core.models import Card, CardType, Queue
from flashcards.core.sm2 import Sm2State
from flashcards.core.stats import (
    Bucket,
    CardGroup,
    CardState,
    DayActivity,
    StateCounts,
    Streak,
    card_state,
    count_states,
    easiness_histogram,
    forecast,
    heatmap,
    interval_histogram,
    mean_of,
    monthly_retention,
    review_series,
    streaks,
    today_stats,
)

NOV_27 = study_day(datetime.fromisoformat("2026-11-27T12:00:00+00:00"), 0)


@pytest.mark.parametrize(
    ("days", "today", "expected"),
    [
        ([], 10, Streak(0, 0)),
        ([1, 2, 3, 5, 6], 6, Streak(2, 3)),
        ([1, 2, 3, 5, 6], 7, Streak(2, 3)),  # today not studied yet: yesterday's run holds
        ([1, 2, 3, 5, 6], 8, Streak(0, 3)),
        ([4, 4, 5], 5, Streak(2, 2)),
        ([10], 10, Streak(1, 1)),
        ([1, 3, 5, 7], 7, Streak(1, 1)),
    ],
)
def test_streaks(days: list[int], today: int, expected: Streak) -> None:
    assert streaks(days, today) == expected


def test_heatmap_and_review_series_cover_the_days_ending_today() -> None:
    days = [
        DayActivity(100, new=1, young=2, drills=1, time_ms=500),
        DayActivity(97, mature=4),
        DayActivity(90, new=9),  # before the window
        DayActivity(101, new=5),  # after today
    ]
    map5 = heatmap(days, today=100, length=5)
    assert map5.start == 96
    assert map5.values == (0, 4, 0, 0, 4)
    series = review_series(days, today=100, length=3)
    assert series.start == 98
    assert series.new == (0, 0, 1)
    assert series.young == (0, 0, 2)
    assert series.mature == (0, 0, 0)
    assert series.drills == (0, 0, 1)
    assert series.time_ms == (0, 0, 500)


def test_forecast_puts_overdue_cards_on_today() -> None:
    due = {48: 2, 49: 1, 50: 3, 52: 4, 80: 9}
    series, overdue = forecast(due, today=50, length=5)
    assert overdue == 3
    assert series.start == 50
    assert series.values == (6, 0, 4, 0, 0)


def test_forecast_moves_buried_cards_from_today_to_tomorrow() -> None:
    series, overdue = forecast({49: 1, 50: 3, 51: 1}, today=50, length=3, buried=2)
    assert overdue == 1
    assert series.values == (2, 3, 0)


def test_interval_histogram_uses_fixed_buckets() -> None:
    counts = {1: 2, 2: 1, 6: 3, 7: 1, 20: 1, 21: 2, 364: 1, 400: 1}
    buckets = interval_histogram(counts)
    assert [(b.low, b.high, b.cards) for b in buckets] == [
        (1, 2, 2),
        (2, 3, 1),
        (3, 7, 3),
        (7, 14, 1),
        (14, 21, 1),
        (21, 30, 2),
        (30, 60, 0),
        (60, 90, 0),
        (90, 180, 0),
        (180, 365, 1),
        (365, None, 1),
    ]


def test_easiness_histogram_in_tenths_from_the_floor() -> None:
    buckets = easiness_histogram({130: 1, 138: 2, 140: 1, 250: 5, 262: 1})
    assert buckets[0] == Bucket(1.3, 1.4, 3)
    assert buckets[1] == Bucket(1.4, 1.5, 1)
    assert buckets[12] == Bucket(2.5, 2.6, 5)
    assert buckets[-1] == Bucket(2.6, 2.7, 1)
    assert len(buckets) == 14
    assert sum(b.cards for b in buckets) == 10
    assert len(easiness_histogram({})) == 13  # 1.3 … 2.5 even when empty


def test_mean_of_a_count_table() -> None:
    assert mean_of({1: 3, 6: 1}) == 2.25
    assert mean_of({}) is None


def test_monthly_retention_counts_learned_cards_only() -> None:
    oct_31 = NOV_27 - 27
    days = [
        DayActivity(oct_31, young=2, mature=2, learned_passed=3, new=5),
        DayActivity(oct_31 + 1, young=1, learned_passed=0),  # 2026-11-01
        DayActivity(NOV_27, mature=3, learned_passed=3),
        DayActivity(NOV_27 + 1, new=4, drills=2),  # nothing learned: no retention entry
    ]
    months = monthly_retention(days)
    assert [(m.month, m.passed, m.reviews) for m in months] == [
        ("2026-10", 3, 4),
        ("2026-11", 3, 4),
    ]
    assert months[0].retention == 0.75


def test_monthly_retention_across_years_and_in_any_order() -> None:
    # Study days counted from 1970-01-01 by hand: 2026-12-31 is NOV_27 + 34,
    # 2027-01-01 the day after, 2027-02-01 is 2026-12-31 + 32, so 2027-02-28 is + 59
    # and 2027-03-01 + 60.
    dec_31 = NOV_27 + 34
    days = [
        DayActivity(dec_31 + 60, young=1, learned_passed=1),  # 2027-03-01
        DayActivity(dec_31, young=2, learned_passed=1),  # 2026-12-31
        DayActivity(dec_31 + 1, mature=1, learned_passed=1),  # 2027-01-01
        DayActivity(dec_31 + 59, young=4, learned_passed=2),  # 2027-02-28
        DayActivity(dec_31 - 30, young=1),  # 2026-12-01
        DayActivity(dec_31 + 31, mature=2, learned_passed=2),  # 2027-01-31
    ]
    months = monthly_retention(days)
    assert [(m.month, m.passed, m.reviews) for m in months] == [
        ("2026-12", 1, 3),
        ("2027-01", 3, 3),
        ("2027-02", 2, 4),
        ("2027-03", 1, 1),
    ]


def test_today_stats() -> None:
    days = [DayActivity(5, new=1, young=1, drills=2, correct=3, time_ms=9_000)]
    stats = today_stats(days, 5, cards=2)
    assert (stats.answers, stats.correct, stats.time_ms, stats.cards) == (4, 3, 9_000, 2)
    assert stats.accuracy == 0.75
    assert today_stats(days, 6, cards=0).accuracy is None


def test_count_states_takes_special_cards_out_of_the_plain_counts() -> None:
    totals = {0: 10, 1: 7, 2: 5}  # new, young, mature
    groups = [
        CardGroup(CardType.NEW, False, True, True, False, 2),  # suspended wins over buried
        CardGroup(CardType.REVIEW, True, False, True, True, 1),  # buried wins over re-drill
        CardGroup(CardType.REVIEW, False, False, False, True, 3),
        CardGroup(CardType.REVIEW, False, False, False, False, 99),  # not special: ignored
    ]
    assert count_states(totals, groups) == StateCounts(
        new=8, learning=3, young=4, mature=4, suspended=2, buried=1
    )


def test_card_state_priority() -> None:
    base = Card(1, 1, 1, 0, CardType.REVIEW, Queue.REVIEW, 10, Sm2State(3, 21, 2.5))
    assert card_state(base, 5) == CardState.MATURE
    assert card_state(base.with_changes(sm2=Sm2State(2, 20, 2.5)), 5) == CardState.YOUNG
    assert card_state(base.with_changes(drill_day=5), 5) == CardState.LEARNING
    assert card_state(base.with_changes(drill_day=4), 5) == CardState.MATURE
    assert card_state(base.with_changes(buried_until=6, drill_day=5), 5) == CardState.BURIED
    assert card_state(base.with_changes(queue=Queue.SUSPENDED, buried_until=6), 5) == (
        CardState.SUSPENDED
    )
    assert card_state(base.with_changes(type=CardType.NEW, queue=Queue.NEW), 5) == CardState.NEW
