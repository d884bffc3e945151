"""Typed answers through the study session: the deck option, the log, undo, the terminal."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from flashcards.core.clock import FixedClock
from flashcards.services.collection import Collection
from tests.conftest import run_cli


def _typing_deck(col: Collection) -> None:
    col.add_note("Basic", ["예약 인스턴스 약정 기간", "1년 또는 3년"], deck="T")
    col.set_deck_options("T", replace(col.deck("T").options, type_answer=True))


def test_deck_option_asks_for_typing_and_the_log_keeps_what_was_typed(
    empty_col: Collection, clock: FixedClock
) -> None:
    col = empty_col
    _typing_deck(col)
    session = col.study("T")
    sc = session.next_card()
    assert sc is not None
    assert sc.type_answer
    clock.advance(timedelta(seconds=20))  # slower than the quick limit: exact gives 4
    typed = session.compare_typed(sc, "1년또는 3년")
    assert typed.comparison.exact
    assert typed.suggested == 4
    assert typed.elapsed_ms == 20_000
    session.answer(sc.card, 5, typed)  # the learner overrides the suggestion
    (log,) = col.store.reviews.of_card(sc.card.id)
    assert (log.grade, log.typed, log.suggested) == (5, "1년또는 3년", 4)
    session.undo()
    assert col.store.reviews.of_card(sc.card.id) == []


def test_cards_of_other_decks_do_not_ask(col: Collection) -> None:
    session = col.study("Test")
    sc = session.next_card()
    assert sc is not None
    assert not sc.type_answer


def test_jamo_slip_suggests_three(empty_col: Collection) -> None:
    col = empty_col
    col.add_note("Basic", ["AWS에서 데이터를 저장하는 서비스", "스토리지"], deck="T")
    session = col.study("T")
    sc = session.next_card()
    assert sc is not None
    # 토→투 is one vowel of 10 jamo: similarity 0.9 → 3.
    assert session.compare_typed(sc, "스투리지").suggested == 3


def test_terminal_asks_for_typing_on_a_typing_deck(data_dir: Path) -> None:
    notes = data_dir.parent / "t.txt"
    notes.write_text("#deck:T\n예약 인스턴스 약정 기간\t1년 또는 3년\n", encoding="utf-8")
    assert run_cli(["import", str(notes)], data_dir).returncode == 0
    with sqlite3.connect(data_dir / "collection.sqlite") as conn:
        conn.execute("UPDATE decks SET type_answer = 1 WHERE name = 'T'")
    result = run_cli(["review", "--deck", "T"], data_dir, stdin="1년 또는 2년\n\nq\n")
    assert result.returncode == 0, result.stderr
    assert "you typed: 1년 또는 [2→3]년" in result.stdout
    with sqlite3.connect(data_dir / "collection.sqlite") as conn:
        typed, suggested, grade = conn.execute(
            "SELECT typed, suggested, grade FROM revlog"
        ).fetchone()
    # Units: 1(1) 년(3) 또(2) 는(3) 3(1) 년(3) = 13; one wrong digit → 12/13 ≈ 0.92 → 3,
    # accepted with Enter.
    assert typed == "1년 또는 2년"
    assert (suggested, grade) == (3, 3)
