"""Statistics from a hand-built review log: known answers, day rollover, time zones, CLI."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from flashcards.core.clock import FixedClock
from flashcards.services.collection import Collection
from flashcards.services.errors import NotFoundError
from flashcards.services.importing import import_file
from flashcards.storage.stats import StatsRepo
from tests.conftest import SMALL_DECK, run_cli

STATS_AT = "2026-11-27T10:00:00+09:00"

# small_deck.txt's cards in id order: 1 EC2, 2 S3, 3 EBS, 4 EBS (reversed),
# 5 and 6 the cloze note, 7 IAM. Decks: Test::A (1, 2), Test::B (3–6), Test (7).
# (local time, card, grade, answer ms). The 03:30 answer is before the 4:00
# rollover, so it belongs to study day 2026-11-26.
ANSWERS = [
    ("2026-11-25T10:00:00+09:00", 1, 5, 10_000),  # new card, passes: ivl 1, EF 2.6
    ("2026-11-25T10:01:00+09:00", 2, 2, 20_000),  # new card, fails: ivl 1, EF 2.18, re-drill
    ("2026-11-25T10:05:00+09:00", 2, 4, 5_000),  # the re-drill (DRILL entry), ends it
    ("2026-11-27T03:30:00+09:00", 1, 4, 8_000),  # young (ivl 1): ivl 6, due 12-02
    ("2026-11-27T09:00:00+09:00", 2, 3, 12_000),  # young (ivl 1): ivl 1, EF 2.04, re-drill
    ("2026-11-27T09:02:00+09:00", 7, 1, 30_000),  # new, fails: ivl 1, EF 1.96, re-drill
    ("2026-11-27T09:05:00+09:00", 3, 5, 4_000),  # new, passes: ivl 1; buries card 4
]


def _answer_all(col: Collection, clock: FixedClock) -> None:
    for when, card, grade, ms in ANSWERS:
        clock.set(datetime.fromisoformat(when))
        col.answer(card, grade, duration_ms=ms)
    clock.set(datetime.fromisoformat(STATS_AT))


@pytest.fixture
def studied(col: Collection, clock: FixedClock) -> Collection:
    _answer_all(col, clock)
    return col


def test_totals_keep_the_contract_keys(studied: Collection) -> None:
    stats = studied.stats()
    assert list(stats)[:10] == [
        "decks",
        "notes",
        "cards",
        "new",
        "review",
        "suspended",
        "due_today",
        "reviews_total",
        "reviews_today",
        "retention",
    ]
    assert {k: stats[k] for k in list(stats)[:10]} == {
        "decks": 4,  # Default, Test, Test::A, Test::B
        "notes": 5,
        "cards": 7,
        "new": 3,  # cards 4 (buried), 5, 6
        "review": 4,
        "suspended": 0,
        "due_today": 0,  # nothing learned is due before 11-28
        "reviews_total": 7,
        "reviews_today": 3,
        "retention": 1.0,  # both learned-card repetitions (g4, g3) passed
    }


def test_today_streak_and_states(studied: Collection) -> None:
    stats = studied.stats()
    assert stats["date"] == "2026-11-27"
    assert stats["today"] == {
        "cards": 3,
        "answers": 3,
        "correct": 2,
        "time_ms": 46_000,
        "accuracy": 0.6667,
    }
    assert stats["streak"] == {"current": 3, "longest": 3}
    assert stats["card_states"] == {
        "new": 2,  # 5, 6
        "learning": 2,  # 2 and 7 wait for a re-drill today
        "young": 2,  # 1 (ivl 6), 3 (ivl 1)
        "mature": 0,
        "suspended": 0,
        "buried": 1,  # 4, sibling of 3
    }


def test_review_counts_by_day_follow_the_study_day(studied: Collection) -> None:
    stats = studied.stats()
    series = stats["reviews_by_day"]
    assert isinstance(series, dict)
    assert series["start"] == "2025-11-28"  # 365 days ending today
    tail = {key: series[key][-3:] for key in ("new", "young", "mature", "drills", "time_ms")}
    assert tail == {  # 11-25, 11-26 (the 03:30 answer), 11-27
        "new": [2, 0, 2],
        "young": [0, 1, 1],
        "mature": [0, 0, 0],
        "drills": [1, 0, 0],
        "time_ms": [35_000, 8_000, 46_000],
    }
    heat = stats["heatmap"]
    assert isinstance(heat, dict)
    assert heat["values"][-3:] == [3, 1, 3]
    assert sum(heat["values"]) == 7
    assert stats["retention_by_month"] == [
        {"month": "2026-11", "passed": 2, "reviews": 2, "retention": 1.0}
    ]


def test_forecast_and_histograms(studied: Collection) -> None:
    stats = studied.stats()
    forecast = stats["forecast"]
    assert isinstance(forecast, dict)
    assert forecast["start"] == "2026-11-27"
    assert forecast["overdue"] == 0
    assert forecast["values"][:6] == [0, 3, 0, 0, 0, 1]  # 2, 3, 7 on 11-28; 1 on 12-02
    assert sum(forecast["values"]) == 4
    intervals = stats["intervals"]
    assert isinstance(intervals, dict)
    assert intervals["mean"] == 2.25  # (6 + 1 + 1 + 1) / 4
    by_range = {(b["from"], b["to"]): b["cards"] for b in intervals["buckets"]}
    assert by_range[(1, 2)] == 3
    assert by_range[(3, 7)] == 1
    assert sum(by_range.values()) == 4
    easiness = stats["easiness"]
    assert isinstance(easiness, dict)
    assert easiness["mean"] == 2.3  # (2.6 + 2.04 + 2.6 + 1.96) / 4
    nonzero = {(b["from"], b["to"]): b["cards"] for b in easiness["buckets"] if b["cards"]}
    assert nonzero == {(1.9, 2.0): 1, (2.0, 2.1): 1, (2.6, 2.7): 2}


def test_a_buried_due_card_leaves_today_in_the_forecast_as_in_due_today(
    studied: Collection, clock: FixedClock
) -> None:
    clock.set(datetime.fromisoformat("2026-11-28T10:00:00+09:00"))
    before = studied.stats()
    assert before["due_today"] == 3  # cards 2, 3 and 7, due 11-28
    studied.bury(2)
    after = studied.stats()
    assert after["due_today"] == 2
    assert after["forecast"]["values"][:2] == [2, before["forecast"]["values"][1] + 1]
    assert sum(after["forecast"]["values"]) == sum(before["forecast"]["values"])


def test_one_deck_tree(studied: Collection) -> None:
    deck_a = studied.stats("Test::A")
    assert deck_a["deck"] == "Test::A"
    assert (deck_a["decks"], deck_a["notes"], deck_a["cards"]) == (1, 2, 2)
    assert (deck_a["reviews_total"], deck_a["reviews_today"]) == (5, 1)
    assert deck_a["card_states"] == {
        "new": 0,
        "learning": 1,
        "young": 1,
        "mature": 0,
        "suspended": 0,
        "buried": 0,
    }
    tree = studied.stats("Test")
    assert (tree["decks"], tree["cards"], tree["reviews_total"]) == (3, 7, 7)
    with pytest.raises(NotFoundError):
        studied.stats("Nope")


def test_undo_and_deletion_keep_the_daily_totals_equal_to_the_log(studied: Collection) -> None:
    studied.undo()  # the last answer (card 3)
    assert studied.stats()["reviews_today"] == 2
    studied.delete_cards([1])
    assert studied.stats()["reviews_total"] == 4
    assert StatsRepo(studied.store.db).review_days_drift() == []
    assert studied.check(repair=False).ok


@pytest.mark.parametrize(
    ("offset", "answered_on", "reviews_today"),
    [
        ("+09:00", "2026-11-27", 2),  # 05:30 and 10:00 on the 27th
        ("-05:00", "2026-11-26", 0),  # 15:30 and 20:00 on the 26th
    ],
)
def test_the_same_instants_fall_on_different_study_days_by_time_zone(
    tmp_path: Path, offset: str, answered_on: str, reviews_today: int
) -> None:
    def at(utc: str) -> datetime:
        instant = datetime.fromisoformat(utc)
        return instant.astimezone(datetime.fromisoformat(f"2026-01-01T00:00:00{offset}").tzinfo)

    clock = FixedClock(at("2026-11-26T20:30:00+00:00"))
    with Collection.open(tmp_path / "d", clock=clock, load_bundled=False) as col:
        import_file(col, SMALL_DECK)
        col.answer(1, 5)
        clock.set(at("2026-11-27T01:00:00+00:00"))
        col.answer(2, 4)
        clock.set(at("2026-11-27T12:00:00+00:00"))  # 21:00 at +09:00, 07:00 at -05:00
        stats = col.stats()
    assert stats["date"] == "2026-11-27"
    assert stats["reviews_today"] == reviews_today
    heat = stats["heatmap"]
    assert isinstance(heat, dict)
    day_index = 364 if answered_on == "2026-11-27" else 363
    assert heat["values"][day_index] == 2
    assert sum(heat["values"]) == 2
    assert stats["streak"] == {"current": 1, "longest": 1}


def test_cli_json_equals_what_the_service_returns(tmp_path: Path) -> None:
    data = tmp_path / "data"
    clock = FixedClock(datetime.fromisoformat(ANSWERS[0][0]))
    with Collection.open(data, clock=clock, load_bundled=False) as col:
        import_file(col, SMALL_DECK)
        _answer_all(col, clock)
    for args in (["stats", "--json"], ["stats", "--json", "--deck", "Test::B"]):
        done = run_cli(args, data, now=STATS_AT)
        assert done.returncode == 0, done.stderr
        deck = args[-1] if "--deck" in args else None
        with Collection.open(data, clock=clock, load_bundled=False) as col:
            expected = col.statistics(deck).to_dict()
        assert json.loads(done.stdout) == expected


def test_cli_text_and_unknown_deck(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = run_cli(["stats"], data)
    assert done.returncode == 0, done.stderr
    assert "Streak: 0 days" in done.stdout
    done = run_cli(["stats", "--deck", "Nope"], data)
    assert done.returncode == 1
    assert "no deck called 'Nope'" in done.stderr


def test_check_finds_and_rebuilds_daily_totals_that_drifted(studied: Collection) -> None:
    expected = studied.stats()
    studied.store.db.execute("UPDATE review_days SET young = young + 5")
    studied.store.db.execute("DELETE FROM review_days WHERE new_cards > 1")
    report = studied.check(repair=False)
    assert report.problems == ["the daily review totals differ from the review log on 3 study days"]
    assert studied.check(repair=True).repaired == report.problems
    assert studied.check(repair=False).ok
    assert studied.stats() == expected


def test_paused_daily_totals_are_rebuilt_once_at_the_end(studied: Collection) -> None:
    expected_total = studied.stats()["reviews_total"]
    repo = StatsRepo(studied.store.db)
    before = studied.store.db.execute("SELECT * FROM review_days").fetchall()
    with studied.store.atomic(), repo.review_days_paused():
        for log in studied.store.reviews.of_card(2):
            studied.store.reviews.insert(log)  # a bulk writer copying three entries
        assert studied.store.db.execute("SELECT * FROM review_days").fetchall() == before
    assert studied.stats()["reviews_total"] == expected_total + 3
    assert repo.review_days_drift() == []
    studied.answer(5, 4)  # the triggers run again
    assert studied.stats()["reviews_total"] == expected_total + 4
    assert repo.review_days_drift() == []


def test_cli_text_says_one_day(tmp_path: Path, clock: FixedClock) -> None:
    data = tmp_path / "data"
    with Collection.open(data, clock=clock, load_bundled=False) as col:
        import_file(col, SMALL_DECK)
        col.answer(1, 5)
        now = col.now().isoformat()
    done = run_cli(["stats"], data, now=now)
    assert done.returncode == 0, done.stderr
    assert "Streak: 1 day (longest 1)" in done.stdout
