"""Ctrl+C in `flashcards review`: the answers already given stay, and the summary shows."""

from __future__ import annotations

import io

from flashcards.services.collection import Collection
from flashcards.terminal import run_review


class _Keyboard(io.StringIO):
    """Lines typed one by one; then Ctrl+C while the next one is awaited."""

    def readline(self, size: int | None = -1) -> str:
        line = super().readline()
        if not line:
            raise KeyboardInterrupt
        return line


def test_ctrl_c_ends_the_session_with_its_summary(col: Collection) -> None:
    out = io.StringIO()
    status = run_review(col, "Test", _Keyboard("5\n4\n"), out)
    assert status == 130
    assert out.getvalue().splitlines()[-1].startswith("Session: 2 answers, 100% correct")
    assert col.stats()["reviews_today"] == 2


def test_one_answer_is_counted_in_the_singular(col: Collection) -> None:
    out = io.StringIO()
    run_review(col, "Test", _Keyboard("4\n"), out)
    assert out.getvalue().splitlines()[-1].startswith("Session: 1 answer, 100% correct")
