"""`flashcards review`: a study session in a terminal or over a pipe.

One line per step: an empty line reveals the answer, a digit 0–5 grades
(revealing first if needed), `u` undoes the last answer, `q` quits. Every
answer is committed before anything more is printed.
"""

from __future__ import annotations

import re
from typing import TextIO

from flashcards.core.answer_compare import Comparison, DiffKind
from flashcards.core.clock import day_to_date
from flashcards.core.grades import GRADE_SHORT, format_interval
from flashcards.core.sm2 import REDRILL_BELOW
from flashcards.core.text import count_of, html_to_text
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError
from flashcards.services.study import StudyCard, StudySession, TypedAnswer

__all__ = ["diff_text", "run_review"]

_ANSWER_SPLIT = re.compile(r"<hr[^>]*id\s*=\s*[\"']?answer[\"']?[^>]*>", re.IGNORECASE)


def _answer_only(answer_html: str) -> str:
    parts = _ANSWER_SPLIT.split(answer_html, maxsplit=1)
    return parts[-1]


class _Io:
    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.stdin = stdin
        self.stdout = stdout

    def say(self, text: str = "") -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def ask(self, prompt: str) -> str | None:
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.stdout.write("\n")
            return None
        return line.strip()


def _show_question(io: _Io, sc: StudyCard) -> None:
    c = sc.counts
    tag = "  ↻ re-drill (same day, schedule unchanged)" if sc.is_drill else ""
    io.say(f"\n[{sc.deck}]  new {c.new} · review {c.reviews} · re-drill {c.drills}{tag}")
    io.say("Q: " + html_to_text(sc.rendered.question).replace("\n", "\n   "))


def _grade_line(sc: StudyCard) -> str:
    """Each grade with the interval it gives; below 4 the card also comes back today."""
    parts = []
    for g in range(5, -1, -1):
        interval = format_interval(sc.intervals[g])
        again = " + again today" if g < REDRILL_BELOW and not sc.is_drill else ""
        parts.append(f"{g} {GRADE_SHORT[g]} ({interval}{again})")
    return "   " + " · ".join(parts)


def _answer(
    io: _Io, session: StudySession, sc: StudyCard, grade: int, typed: TypedAnswer | None = None
) -> None:
    outcome = session.answer(sc.card, grade, typed)
    card = outcome.card
    if sc.is_drill:
        done = "done" if card.drill_day is None else "again soon"
        io.say(f"Saved: re-drill grade {grade} ({done}); schedule unchanged.")
    else:
        due = day_to_date(card.due).isoformat()
        again = "; it comes back today as a re-drill" if card.drill_day is not None else ""
        interval = format_interval(card.sm2.interval)
        io.say(f"Saved: grade {grade} → next in {interval} (due {due}){again}.")
    if outcome.leech:
        io.say("This card is now a leech (tagged 'leech'): consider rewriting it.")


def diff_text(comparison: Comparison) -> str:
    """The comparison as plain text: [typed→right], [+missing], [-extra]."""
    out = []
    for part in comparison.parts:
        if part.kind == DiffKind.WRONG:
            out.append(f"[{part.typed}→{part.expected}]")
        elif part.kind == DiffKind.MISSING:
            out.append(f"[+{part.expected}]")
        elif part.kind == DiffKind.EXTRA:
            out.append(f"[-{part.typed}]")
        else:  # spacing and punctuation: as typed, or as expected where nothing was typed
            out.append(part.typed or part.expected)
    return "".join(out)


def _typed_step(io: _Io, session: StudySession, sc: StudyCard) -> str | None:
    """Ask for the typed answer, show the comparison, take the grade; return a command or None."""
    typed = io.ask("Type the answer (u: undo · q: quit): ")
    if typed is None or typed in ("q", "u"):
        return typed or "q"
    result = session.compare_typed(sc, typed)
    suggested = result.suggested
    io.say("A: " + html_to_text(_answer_only(sc.rendered.answer)).replace("\n", "\n   "))
    io.say("   you typed: " + (diff_text(result.comparison) or "(nothing)"))
    io.say(f"   suggested grade: {suggested} ({GRADE_SHORT[suggested]})")
    while True:
        reply = io.ask(f"Grade 0–5, Enter = {suggested} (u: undo · q: quit): ")
        if reply is None or reply in ("q", "u"):
            return reply or "q"
        if reply == "" or (len(reply) == 1 and reply in "012345"):
            _answer(io, session, sc, int(reply or suggested), result)
            return None


def run_review(
    col: Collection, deck: str | None, stdin: TextIO, stdout: TextIO, *, typing: bool = False
) -> int:
    """Run a session; return the exit status (130 after Ctrl+C, with the summary:
    every answer given was saved as it was given)."""
    io = _Io(stdin, stdout)
    session = col.study(deck)
    try:
        return _session(io, session, typing)
    except KeyboardInterrupt:
        io.say()
        _summary(io, session)
        return 130


def _session(io: _Io, session: StudySession, typing: bool) -> int:
    while True:
        sc = session.next_card()
        if sc is None:
            _summary(io, session)
            return 0
        _show_question(io, sc)
        if (typing or sc.type_answer) and sc.rendered.answer_text:
            command = _typed_step(io, session, sc)
            if command == "q":
                _summary(io, session)
                return 0
            if command == "u":
                _undo(io, session)
            continue
        reply = io.ask("(Enter: show answer · 0–5: grade · u: undo · q: quit) ")
        revealed = False
        while True:
            if reply is None or reply == "q":
                _summary(io, session)
                return 0
            if reply == "u":
                _undo(io, session)
                break
            if reply == "" and not revealed:
                io.say(
                    "A: " + html_to_text(_answer_only(sc.rendered.answer)).replace("\n", "\n   ")
                )
                io.say(_grade_line(sc))
                revealed = True
                reply = io.ask("Grade 0–5 (u: undo · q: quit): ")
                continue
            if len(reply) == 1 and reply in "012345":
                _answer(io, session, sc, int(reply))
                break
            reply = io.ask("Please type 0–5, u or q: ")


def _undo(io: _Io, session: StudySession) -> None:
    try:
        card = session.undo()
    except FlashcardsError as exc:
        io.say(f"Cannot undo: {exc}")
        return
    io.say("Undone." if card is not None else "Nothing to undo.")


def _summary(io: _Io, session: StudySession) -> None:
    s = session.finish()
    if s.answered == 0:
        io.say("Nothing more to study today." if session.next_card() is None else "Stopped.")
    else:
        minutes = s.time_ms / 60000
        io.say(
            f"Session: {count_of(s.answered, 'answer')}, {s.accuracy:.0%} correct, "
            f"{minutes:.1f} min. "
            f"Due tomorrow: {s.due_tomorrow}."
        )
