"""A study session over a deck tree: the next card, answering, undo."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from flashcards.core.answer_compare import Comparison, compare_answer, suggest_grade
from flashcards.core.models import Card, Deck
from flashcards.core.queue import (
    QueueEntry,
    StudyKind,
    build_queue,
    deck_chains,
    remaining_limits,
    subtree,
)
from flashcards.core.scheduler import preview_intervals
from flashcards.core.template import RenderedCard

if TYPE_CHECKING:
    from flashcards.services.collection import AnswerOutcome, Collection

__all__ = ["QueueCounts", "SessionSummary", "StudyCard", "StudySession", "TypedAnswer"]

MAX_ANSWER_MS = 60_000
"""Answer times are capped at a minute, as in Anki, so a coffee break is not study time."""


@dataclass(frozen=True)
class QueueCounts:
    new: int = 0
    reviews: int = 0
    drills: int = 0

    @property
    def total(self) -> int:
        return self.new + self.reviews + self.drills


@dataclass(frozen=True)
class StudyCard:
    """A card ready to show: its state, rendering and what each grade would do."""

    card: Card
    kind: StudyKind
    deck: str
    rendered: RenderedCard
    counts: QueueCounts
    intervals: dict[int, int | None]
    type_answer: bool = False
    """Ask for a typed answer: the deck's option is on, or the template has {{type:}}."""

    @property
    def is_drill(self) -> bool:
        return self.kind == StudyKind.DRILL


@dataclass(frozen=True)
class TypedAnswer:
    """A typed answer compared with the card's expected answer, and the grade suggested."""

    typed: str
    comparison: Comparison
    suggested: int
    elapsed_ms: int


@dataclass
class SessionSummary:
    answered: int = 0
    correct: int = 0
    time_ms: int = 0
    grades: dict[int, int] = field(default_factory=lambda: dict.fromkeys(range(6), 0))
    due_tomorrow: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


_PAGE = 64


class StudySession:
    """Today's queue for a deck and its subdecks (or the whole collection)."""

    def __init__(self, collection: Collection, deck: str | None) -> None:
        self.collection = collection
        self.deck = deck
        self.summary = SessionSummary()
        self._shown_ms: int | None = None
        self._answers: list[tuple[int, bool, int]] = []
        self._pinned: int | None = None

    def _roots(self) -> list[Deck]:
        decks = self.collection.store.decks.all()
        if self.deck is None:
            return [d for d in decks if "::" not in d.name]
        return [d for d in decks if d.name == self.deck]

    def queue(self) -> list[QueueEntry]:
        """Today's queue, in study order, with limits applied."""
        store = self.collection.store
        today = self.collection.today()
        now_ms = self.collection.now_ms()
        all_decks = store.decks.all()
        studied = store.reviews.studied_on(today)
        entries: list[QueueEntry] = []
        for root in self._roots():
            members = subtree(all_decks, root.name)
            ids = [d.id for d in members]
            chains = deck_chains(all_decks, root.name)
            remaining = remaining_limits(all_decks, root.name, studied)
            rev_cap = remaining[root.id].reviews
            new_cap = remaining[root.id].new
            reviews = _fetch_pages(partial(store.cards.due_reviews, ids, today), rev_cap)
            news: list[Card] = []
            for deck in sorted(members, key=lambda d: d.name):
                if len(news) >= new_cap * 2 + _PAGE:
                    break
                news.extend(store.cards.new_cards(deck.id, today, new_cap + _PAGE))
            entries.extend(
                build_queue(
                    drills=store.cards.drills(ids, today),
                    reviews=reviews,
                    news=news,
                    chains=chains,
                    remaining=remaining,
                    now_ms=now_ms,
                )
            )
        ranked = sorted(enumerate(entries), key=lambda pair: _order_key(pair[0], pair[1], now_ms))
        return [entry for _, entry in ranked]

    def counts(self) -> QueueCounts:
        return _counts(self.queue())

    def next_card(self) -> StudyCard | None:
        """The card to show now, or None when today's study is done."""
        queue = self.queue()
        if not queue:
            return None
        if self._pinned is not None:
            pinned = [e for e in queue if e.card.id == self._pinned]
            queue = pinned + [e for e in queue if e.card.id != self._pinned]
            self._pinned = None
        head = queue[0]
        self._shown_ms = self.collection.now_ms()
        rendered = self.collection.render(head.card)
        deck_options = self.collection.deck_options(head.card.deck_id)
        wants_typing = deck_options.type_answer or rendered.type_field is not None
        return StudyCard(
            card=head.card,
            kind=head.kind,
            deck=self.collection.deck_name(head.card.deck_id),
            rendered=rendered,
            counts=_counts(queue),
            intervals=preview_intervals(head.card, self.collection.today()),
            type_answer=wants_typing and bool(rendered.answer_text),
        )

    def compare_typed(self, study_card: StudyCard, typed: str) -> TypedAnswer:
        """Compare what was typed with the card's answer; suggest a grade from it and the
        time since the card was shown."""
        elapsed = self._elapsed_ms()
        comparison = compare_answer(study_card.rendered.answer_text, typed)
        return TypedAnswer(typed, comparison, suggest_grade(comparison, elapsed), elapsed)

    def _elapsed_ms(self) -> int:
        now_ms = self.collection.now_ms()
        shown = self._shown_ms if self._shown_ms is not None else now_ms
        return max(0, min(MAX_ANSWER_MS, now_ms - shown))

    def answer(self, card: Card, grade: int, typed: TypedAnswer | None = None) -> AnswerOutcome:
        """Grade `card` (with the typed answer, if any); committed before this returns."""
        duration = self._elapsed_ms()
        outcome = self.collection.answer(
            card.id,
            grade,
            duration_ms=duration,
            typed=None if typed is None else typed.typed,
            suggested=None if typed is None else typed.suggested,
        )
        self._shown_ms = None
        correct = grade >= 3
        self._answers.append((grade, correct, duration))
        self._record(grade, correct, duration, +1)
        return outcome

    def undo(self) -> Card | None:
        """Undo the last change in the collection; return the card to show again."""
        undone = self.collection.undo()
        if undone is not None and undone.kind == "answer" and self._answers:
            grade, correct, duration = self._answers.pop()
            self._record(grade, correct, duration, -1)
        if undone is not None and undone.card is not None:
            self._pinned = undone.card.id
        return None if undone is None else undone.card

    def _record(self, grade: int, correct: bool, duration: int, sign: int) -> None:
        s = self.summary
        s.answered += sign
        s.correct += sign * int(correct)
        s.time_ms += sign * duration
        s.grades[grade] += sign

    def finish(self) -> SessionSummary:
        """The summary, with how many reviews fall due tomorrow."""
        self.summary.due_tomorrow = self.collection.due_on(self.collection.today() + 1, self.deck)
        return self.summary


def _order_key(seq: int, entry: QueueEntry, now_ms: int) -> tuple[int, int, int]:
    card = entry.card
    if entry.kind == StudyKind.DRILL:
        due_ms = card.drill_due_ms or 0
        return (0 if due_ms <= now_ms else 3, due_ms, card.id)
    if entry.kind == StudyKind.REVIEW:
        return (1, card.due, card.id)
    return (2, seq, 0)


def _fetch_pages(fetch: Callable[[int, int], list[Card]], cap: int) -> list[Card]:
    if cap <= 0:
        return []
    result: list[Card] = []
    offset = 0
    seen_notes: set[int] = set()
    while True:
        page = fetch(cap + _PAGE, offset)
        result.extend(page)
        seen_notes.update(c.note_id for c in page)
        offset += len(page)
        if len(page) < cap + _PAGE or len(seen_notes) >= cap + _PAGE:
            return result


def _counts(queue: list[QueueEntry]) -> QueueCounts:
    return QueueCounts(
        new=sum(e.kind == StudyKind.NEW for e in queue),
        reviews=sum(e.kind == StudyKind.REVIEW for e in queue),
        drills=sum(e.kind == StudyKind.DRILL for e in queue),
    )
