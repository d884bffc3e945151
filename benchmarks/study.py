"""Studying: open + first card, the deck list's counts, and answering — ours and Anki's.

Both apps run on their own scratch copy of the same generated collection.
Answers are timed one by one (each one committed to disk before it returns,
in both apps: WAL with synchronous=FULL), and reported as p50 and p99.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.measure import Measurement, median_ms, percentile
from benchmarks.synthetic import NOW
from flashcards.core.clock import FixedClock
from flashcards.services.collection import Collection

GROUP = "study"
DECK = "AWS"
"""The deck studied (with its subdecks) in both apps: Anki studies one deck tree at a time."""
ANSWER_LIMITS = (100, 1000)
"""(new, reviews) per day while answering, so a thousand answers are there to give."""
GRADES = (5, 4, 3, 2)
GRADE_WEIGHTS = (30, 45, 15, 10)


def open_ours(data_dir: Path) -> Collection:
    return Collection.open(data_dir, clock=FixedClock(NOW), load_bundled=False)


def open_anki(path: Path) -> Any:
    from anki.collection import Collection as AnkiCollection

    return AnkiCollection(str(path))


def select_anki_deck(path: Path) -> None:
    """Make DECK Anki's current deck, the one its queue serves (once, on a scratch copy)."""
    acol = open_anki(path)
    acol.decks.select(acol.decks.id_for_name(DECK))
    acol.close()


def _cold_open(run: Callable[[], Any], repeat: int) -> float:
    """Median ms of `run` (which opens a collection and returns it); closing is not timed."""
    times = []
    for i in range(repeat + 1):
        start = time.perf_counter()
        col = run()
        elapsed = (time.perf_counter() - start) * 1000
        col.close()
        if i:  # the first run warms up
            times.append(elapsed)
    return percentile(times, 50)


def _ours_first_card(data_dir: Path, deck: str | None = DECK) -> Collection:
    col = open_ours(data_dir)
    assert col.study(deck).next_card() is not None
    return col


def _anki_first_card(path: Path) -> Any:
    acol = open_anki(path)
    from anki.cards import Card

    queued = acol.sched.get_queued_cards(fetch_limit=1).cards[0]
    card = Card(acol)
    card._load_from_backend_card(queued.card)
    card.question()
    return acol


def queue_and_counts(
    size: int, ours_dir: Path, anki_path: Path | None, repeat: int
) -> list[Measurement]:
    """Open + first card (rendered, ready to show), and the deck list with today's counts."""
    ours_open = _cold_open(lambda: _ours_first_card(ours_dir), repeat)
    anki_open = _cold_open(lambda: _anki_first_card(anki_path), repeat) if anki_path else None
    ours_all = _cold_open(lambda: _ours_first_card(ours_dir, None), repeat)
    with open_ours(ours_dir) as col:
        ours_counts = median_ms(col.deck_summaries, repeat)
        ours_next = median_ms(lambda: col.study(DECK).next_card(), repeat)
    anki_counts = anki_next = None
    if anki_path:
        acol = open_anki(anki_path)
        anki_counts = median_ms(acol.sched.deck_due_tree, repeat)
        anki_next = median_ms(lambda: acol.sched.get_queued_cards(fetch_limit=1), repeat)
        acol.close()
    return [
        Measurement(size, GROUP, "open + first card", ours_open, anki_open, detail=DECK),
        Measurement(size, GROUP, "open + first card, all decks", ours_all),
        Measurement(size, GROUP, "first card, collection open", ours_next, anki_next),
        Measurement(size, GROUP, "deck list with counts", ours_counts, anki_counts),
    ]


def answers(size: int, ours_dir: Path, anki_path: Path | None, count: int) -> list[Measurement]:
    """Answer up to `count` cards in a row in each app; p50/p99 of answering and of next card.

    Changes the collections: run it on scratch copies, last.
    """
    ours_answer, ours_next = _ours_answers(ours_dir, count)
    anki_answer, anki_next = _anki_answers(anki_path, count) if anki_path else ([], [])
    detail = f"{len(ours_answer)} answers" + (f" (Anki {len(anki_answer)})" if anki_path else "")
    rows = []
    for label, ours, anki in (
        ("answer", ours_answer, anki_answer),
        ("next card while studying", ours_next, anki_next),
    ):
        for pct in (50, 99):
            rows.append(
                Measurement(
                    size,
                    GROUP,
                    f"{label} p{pct}",
                    percentile(ours, pct),
                    percentile(anki, pct) if anki else None,
                    detail=detail,
                )
            )
    return rows


def _ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _ours_answers(data_dir: Path, count: int) -> tuple[list[float], list[float]]:
    rng = random.Random(count)
    answer_ms: list[float] = []
    next_ms: list[float] = []
    with open_ours(data_dir) as col:
        col.set_limits_for_all_decks(*ANSWER_LIMITS)
        session = col.study(DECK)
        for _ in range(count):
            start = time.perf_counter()
            shown = session.next_card()
            next_ms.append(_ms_since(start))
            if shown is None:
                break
            grade = rng.choices(GRADES, GRADE_WEIGHTS)[0]
            start = time.perf_counter()
            session.answer(shown.card, grade)
            answer_ms.append(_ms_since(start))
    return answer_ms, next_ms


def _anki_answers(path: Path, count: int) -> tuple[list[float], list[float]]:
    acol = open_anki(path)
    from anki.cards import Card
    from anki.scheduler.v3 import CardAnswer

    ratings = {5: CardAnswer.EASY, 4: CardAnswer.GOOD, 3: CardAnswer.HARD, 2: CardAnswer.AGAIN}
    rng = random.Random(count)
    answer_ms: list[float] = []
    next_ms: list[float] = []
    config = acol.decks.config_dict_for_deck_id(1)
    config["new"]["perDay"], config["rev"]["perDay"] = ANSWER_LIMITS
    acol.decks.update_config(config)
    sched = acol.sched
    for _ in range(count):
        start = time.perf_counter()
        queued = sched.get_queued_cards(fetch_limit=1).cards
        next_ms.append(_ms_since(start))
        if not queued:
            break
        card = Card(acol)
        card._load_from_backend_card(queued[0].card)
        card.start_timer()
        rating = ratings[rng.choices(GRADES, GRADE_WEIGHTS)[0]]
        start = time.perf_counter()
        sched.answer_card(sched.build_answer(card=card, states=queued[0].states, rating=rating))
        answer_ms.append(_ms_since(start))
    acol.close()
    return answer_ms, next_ms
