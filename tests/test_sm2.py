"""SM-2 against the published algorithm's worked examples, plus properties."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashcards.core.sm2 import Sm2State, review


def run(grades: list[int]) -> list[Sm2State]:
    state = Sm2State(0, 0, 2.5)
    states = []
    for grade in grades:
        state = review(state, grade)
        states.append(state)
    return states


@pytest.mark.parametrize(
    ("grades", "intervals", "final_easiness"),
    [
        ([4, 4, 4, 4], [1, 6, 15, 38], 2.5),
        ([5] * 6, [1, 6, 17, 48, 140, 420], 3.1),
        ([5, 5, 5, 0, 5, 5, 5], [1, 6, 17, 1, 1, 6, 14], 2.3),
        ([0, 0, 0, 5, 5, 5], [1, 1, 1, 1, 6, 9], 1.6),
        # by hand: EF 2.5→2.36→2.22→2.08→1.94; ⌈6×2.22⌉=14, ⌈14×2.08⌉=30
        ([3, 3, 3, 3], [1, 6, 14, 30], 1.94),
    ],
)
def test_published_interval_sequences(
    grades: list[int], intervals: list[int], final_easiness: float
) -> None:
    states = run(grades)
    assert [s.interval for s in states] == intervals
    assert states[-1].easiness == pytest.approx(final_easiness, abs=1e-9)


def test_easiness_climbs_by_a_tenth_on_each_perfect_grade() -> None:
    assert [s.easiness for s in run([5] * 6)] == [2.6, 2.7, 2.8, 2.9, 3.0, 3.1]


def test_floor_holds_after_repeated_blackouts() -> None:
    assert [s.easiness for s in run([0, 0, 0])] == [1.7, 1.3, 1.3]


def test_fail_resets_repetitions_and_interval() -> None:
    state = review(Sm2State(5, 100, 2.5), 2)
    assert (state.repetitions, state.interval) == (0, 1)


def test_interval_uses_easiness_from_before_the_update() -> None:
    # EF 2.5 before; grade 5 raises it to 2.6 but 6 × 2.5 = 15 is the interval.
    assert review(Sm2State(2, 6, 2.5), 5) == Sm2State(3, 15, 2.6)


def test_interval_rounds_up_without_float_drift() -> None:
    # 6 × 1.5 is exactly 9; float arithmetic drifting above 9 would give 10.
    assert review(Sm2State(2, 6, 1.5), 4).interval == 9
    assert review(Sm2State(2, 10, 1.3), 4).interval == 13
    assert review(Sm2State(2, 7, 2.1), 4).interval == 15


@pytest.mark.parametrize("bad", [-1, 6, 10, 2.5, "4", None, True])
def test_grades_outside_0_to_5_are_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="0–5"):
        review(Sm2State(), bad)  # type: ignore[arg-type]


grades = st.integers(min_value=0, max_value=5)


def exact_model(grades_seq: list[int]) -> list[tuple[int, int, Fraction]]:
    """An independent SM-2 in exact rational arithmetic, straight from the formula."""
    reps, interval, ef = 0, 0, Fraction(5, 2)
    out = []
    for q in grades_seq:
        if q >= 3:
            if reps == 0:
                interval = 1
            elif reps == 1:
                interval = 6
            else:
                interval = math.ceil(interval * ef)
            reps += 1
        else:
            reps, interval = 0, 1
        ef = ef + (Fraction(1, 10) - (5 - q) * (Fraction(8, 100) + (5 - q) * Fraction(2, 100)))
        ef = max(ef, Fraction(13, 10))
        out.append((reps, interval, ef))
    return out


@given(st.lists(grades, min_size=1, max_size=200))
def test_matches_exact_rational_model_over_long_sequences(seq: list[int]) -> None:
    for state, (reps, interval, ef) in zip(run(seq), exact_model(seq), strict=True):
        assert (state.repetitions, state.interval) == (reps, interval)
        assert Fraction(state.easiness).limit_denominator(100) == ef


@given(st.lists(grades, min_size=1, max_size=100))
def test_easiness_never_below_floor(seq: list[int]) -> None:
    assert all(s.easiness >= 1.3 for s in run(seq))


@given(
    st.builds(
        Sm2State, st.integers(0, 50), st.integers(1, 10_000), st.sampled_from([1.3, 1.5, 2.5, 3.0])
    ),
    st.integers(0, 2),
)
def test_any_fail_gives_one_day(state: Sm2State, grade: int) -> None:
    after = review(state, grade)
    assert (after.repetitions, after.interval) == (0, 1)


@given(st.integers(130, 400).map(lambda h: h / 100), grades)
def test_easiness_formula_on_every_grade(easiness: float, q: int) -> None:
    expected = max(1.3, easiness + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02))
    assert review(Sm2State(3, 10, easiness), q).easiness == pytest.approx(expected, abs=1e-9)


@given(st.lists(grades, min_size=1, max_size=100))
def test_easiness_is_always_whole_hundredths(seq: list[int]) -> None:
    for state in run(seq):
        assert round(state.easiness * 100) / 100 == state.easiness


def test_inputs_are_not_mutated() -> None:
    state = Sm2State(2, 6, 2.5)
    review(state, 5)
    assert state == Sm2State(2, 6, 2.5)
