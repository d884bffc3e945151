"""What SM-2's six grades mean (SuperMemo's own wording)."""

from __future__ import annotations

__all__ = ["GRADE_MEANINGS", "GRADE_SHORT", "format_interval"]

GRADE_MEANINGS = {
    5: "perfect response",
    4: "correct response after a hesitation",
    3: "correct response recalled with serious difficulty",
    2: "incorrect response; where the correct one seemed easy to recall",
    1: "incorrect response; the correct one remembered",
    0: "complete blackout",
}

GRADE_SHORT = {
    5: "perfect",
    4: "hesitated",
    3: "hard",
    2: "wrong, easy",
    1: "wrong, familiar",
    0: "blackout",
}


def format_interval(days: int | None) -> str:
    """A short interval: '1d', '6d', '3.2mo', '1.5y'; '—' for a re-drill."""
    if days is None:
        return "—"
    if days < 30:
        return f"{days}d"
    if days < 365:
        return f"{days / 30:.1f}mo"
    return f"{days / 365:.1f}y"
