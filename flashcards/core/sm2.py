"""SuperMemo's SM-2, exactly as published.

Easiness is kept in whole hundredths internally: every reachable value is a
multiple of 0.02, so integer arithmetic gives the published intervals with no
float drift (⌈6 × 1.5⌉ is 9, never 10).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "EASINESS_FLOOR",
    "INITIAL_EASINESS",
    "PASS_GRADE",
    "REDRILL_BELOW",
    "Sm2State",
    "easiness_delta_hundredths",
    "review",
]

INITIAL_EASINESS = 2.5
EASINESS_FLOOR = 1.3
PASS_GRADE = 3
"""Grades at or above this are a successful recall."""
REDRILL_BELOW = 4
"""Grades below this are drilled again the same day."""

_FLOOR_H = 130

# EF' = EF + (0.1 − (5−q)(0.08 + (5−q)·0.02)), in hundredths for q = 0..5.
_DELTA_H = tuple(10 - (5 - q) * (8 + (5 - q) * 2) for q in range(6))


def easiness_delta_hundredths(quality: int) -> int:
    """The change of easiness for a grade, in hundredths (q=5 → +10 … q=0 → −80)."""
    _check_quality(quality)
    return _DELTA_H[quality]


def _check_quality(quality: object) -> None:
    if isinstance(quality, bool) or not isinstance(quality, int) or not 0 <= quality <= 5:
        raise ValueError(f"SM-2 grades are the integers 0–5, not {quality!r}")


def _to_hundredths(easiness: float) -> int:
    return round(easiness * 100)


@dataclass(frozen=True)
class Sm2State:
    """An item's SM-2 state: repetitions in a row, interval in days, easiness factor."""

    repetitions: int = 0
    interval: int = 0
    easiness: float = INITIAL_EASINESS

    @property
    def easiness_hundredths(self) -> int:
        return _to_hundredths(self.easiness)


def review(state: Sm2State, quality: int) -> Sm2State:
    """Return the state after one graded repetition (quality 0–5)."""
    _check_quality(quality)
    ef_h = _to_hundredths(state.easiness)
    if quality >= PASS_GRADE:
        if state.repetitions == 0:
            interval = 1
        elif state.repetitions == 1:
            interval = 6
        else:
            # I(n) = ⌈I(n−1) × EF⌉ with the EF from before this review.
            interval = -(-state.interval * ef_h // 100)
        repetitions = state.repetitions + 1
    else:
        repetitions = 0
        interval = 1
    new_ef_h = max(_FLOOR_H, ef_h + _DELTA_H[quality])
    return Sm2State(repetitions=repetitions, interval=interval, easiness=new_ef_h / 100)
