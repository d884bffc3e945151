"""What the runner records, and the small timing helpers every group shares."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Measurement:
    """One line of the table: an operation at a size, ours and (when measured) Anki's."""

    size: int
    group: str
    operation: str
    ours: float | None
    anki: float | None = None
    unit: str = "ms"
    detail: str = ""

    @property
    def ratio(self) -> float | None:
        """Anki's time over ours: above 1, we are faster."""
        if self.ours is None or self.anki is None or self.ours <= 0:
            return None
        return self.anki / self.ours

    def to_dict(self) -> dict[str, object]:
        return asdict(self) | {"ratio": self.ratio}


def median_ms(run: Callable[[], object], repeat: int, warmup: int = 1) -> float:
    """Median wall time of `run` in ms over `repeat` runs, after `warmup` runs."""
    for _ in range(warmup):
        run()
    return percentile(sample_ms(run, repeat), 50)


def sample_ms(run: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return times


def percentile(values: list[float], pct: float) -> float:
    """The nearest-rank percentile (p50 of [1, 2, 3, 4] is 2; p99 of 1,000 values the 990th)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]
