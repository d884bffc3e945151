"""A study session over a deck tree: the next card, answering, undo."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from flashcards.core.answer_compare import Comparison, compare_answer, suggest_grade
from flashcards.core.models import Card, Deck
from flashcards.core.queue import (
    QueueCard,
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
    from flashcards.storage import Store

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


@dataclass
class _Queue:
    """Today's queue as it stands: drills apart (their order moves with the clock),
    then reviews and new cards in study order; valid while the collection has had
    no writes but the session's own answers (`changes`, on connection `conn`)."""

    today: int
    conn: object
    changes: int
    drills: list[QueueEntry[QueueCard]]
    rest: list[QueueEntry[QueueCard]]

    def ordered(self, now_ms: int) -> list[QueueEntry[QueueCard]]:
        drills = sorted(self.drills, key=lambda e: (e.card.drill_due_ms or 0, e.card.id))
        due = [e for e in drills if (e.card.drill_due_ms or 0) <= now_ms]
        return due + self.rest + [e for e in drills if (e.card.drill_due_ms or 0) > now_ms]

    def head(self, now_ms: int) -> QueueEntry[QueueCard] | None:
        due = [e for e in self.drills if (e.card.drill_due_ms or 0) <= now_ms]
        if due:
            return min(due, key=lambda e: (e.card.drill_due_ms or 0, e.card.id))
        if self.rest:
            return self.rest[0]
        return min(self.drills, key=lambda e: (e.card.drill_due_ms or 0, e.card.id), default=None)

    def counts(self) -> QueueCounts:
        reviews = sum(e.kind == StudyKind.REVIEW for e in self.rest)
        return QueueCounts(len(self.rest) - reviews, reviews, len(self.drills))

    def answered(self, card: Card, today: int) -> bool:
        """Take a card just answered out, or back in as a re-drill; False if it was not
        in the queue (then only building the queue again tells what changed)."""
        if self.rest and self.rest[0].card.id == card.id:
            del self.rest[0]  # the usual case: the head of reviews and new cards
        elif not (_remove(self.drills, card.id) or _remove(self.rest, card.id)):
            return False
        if card.drill_day == today and not card.suspended:
            entry = QueueCard(card.id, card.note_id, card.deck_id, card.due, card.drill_due_ms)
            self.drills.append(QueueEntry(entry, StudyKind.DRILL))
        return True


def _remove(entries: list[QueueEntry[QueueCard]], card_id: int) -> bool:
    """Remove a card's entry (usually the first) in place; False if it is not there."""
    index = next((i for i, e in enumerate(entries) if e.card.id == card_id), None)
    if index is None:
        return False
    del entries[index]
    return True


class StudySession:
    """Today's queue for a deck and its subdecks (or the whole collection).

    The queue is built once (from index ranges, up to the daily limits) and then
    kept: answering in this session takes the card out, or puts it back as a
    re-drill, which is exactly what building it again would give. Any other
    write to the collection, or a new study day, makes the next call build it
    afresh.
    """

    def __init__(self, collection: Collection, deck: str | None) -> None:
        self.collection = collection
        self.deck = deck
        self.summary = SessionSummary()
        self._shown_ms: int | None = None
        self._answers: list[tuple[int, bool, int]] = []
        self._undone: list[tuple[int, bool, int]] = []  # answers undone, for redo
        self._pinned: int | None = None
        self._queue: _Queue | None = None

    def _roots(self, decks: list[Deck]) -> list[Deck]:
        if self.deck is None:
            return [d for d in decks if "::" not in d.name]
        return [d for d in decks if d.name == self.deck]

    def _current(self, *, fresh: bool = False) -> _Queue:
        """The queue, built again unless it is still valid."""
        store = self.collection.store
        today = self.collection.today()
        cached = self._queue
        if (
            fresh
            or cached is None
            or cached.today != today
            or cached.conn is not store.db.conn
            or cached.changes != store.changes()
        ):
            drills, rest = self._build(today)
            cached = _Queue(today, store.db.conn, store.changes(), drills, rest)
            self._queue = cached
        return cached

    def _build(self, today: int) -> tuple[list[QueueEntry[QueueCard]], list[QueueEntry[QueueCard]]]:
        """Drills, then reviews (most overdue first) and new cards (deck order)."""
        store = self.collection.store
        all_decks = store.decks.all()
        studied = store.reviews.studied_on(today)
        drills: list[QueueEntry[QueueCard]] = []
        reviews: list[QueueEntry[QueueCard]] = []
        news: list[QueueEntry[QueueCard]] = []
        for root in self._roots(all_decks):
            members = subtree(all_decks, root.name)
            ids = [d.id for d in members]
            remaining = remaining_limits(all_decks, root.name, studied)
            entries = build_queue(
                drills=store.cards.drills(ids, today),
                reviews=_fetch_pages(
                    partial(store.cards.due_reviews, ids, today), remaining[root.id].reviews
                ),
                news=_new_candidates(store, members, today, remaining[root.id].new),
                chains=deck_chains(all_decks, root.name),
                remaining=remaining,
                now_ms=0,  # drills are ordered at each look, by the clock then
            )
            for entry in entries:
                {StudyKind.DRILL: drills, StudyKind.REVIEW: reviews, StudyKind.NEW: news}[
                    entry.kind
                ].append(entry)
        reviews.sort(key=lambda e: (e.card.due, e.card.id))
        return drills, reviews + news

    def queue(self) -> list[QueueEntry[QueueCard]]:
        """Today's queue, in study order, with limits applied."""
        return self._current().ordered(self.collection.now_ms())

    def counts(self) -> QueueCounts:
        return self._current().counts()

    def next_card(self) -> StudyCard | None:
        """The card to show now, or None when today's study is done."""
        now_ms = self.collection.now_ms()
        queue = self._current()
        head = queue.head(now_ms)
        if head is None:  # make sure: build it afresh before saying "done"
            queue = self._current(fresh=True)
            head = queue.head(now_ms)
        if head is None:
            return None
        if self._pinned is not None:
            pinned = [e for e in queue.ordered(now_ms) if e.card.id == self._pinned]
            head = pinned[0] if pinned else head
            self._pinned = None
        card = self.collection.card(head.card.id)
        self._shown_ms = now_ms
        rendered = self.collection.render(card)
        deck_options = self.collection.deck_options(card.deck_id)
        wants_typing = deck_options.type_answer or rendered.type_field is not None
        return StudyCard(
            card=card,
            kind=head.kind,
            deck=self.collection.deck_name(card.deck_id),
            rendered=rendered,
            counts=queue.counts(),
            intervals=preview_intervals(card, self.collection.today()),
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
        store = self.collection.store
        queue = self._queue
        valid = queue is not None and queue.changes == store.changes()
        outcome = self.collection.answer(
            card.id,
            grade,
            duration_ms=duration,
            typed=None if typed is None else typed.typed,
            suggested=None if typed is None else typed.suggested,
        )
        self._queue = None
        if queue is not None and valid and queue.answered(outcome.card, queue.today):
            queue.changes = store.changes()
            self._queue = queue
        self._shown_ms = None
        correct = grade >= 3
        self._answers.append((grade, correct, duration))
        self._undone.clear()
        self._record(grade, correct, duration, +1)
        return outcome

    def undo(self) -> Card | None:
        """Undo the last change in the collection; return the card to show again."""
        undone = self.collection.undo()
        if undone is not None and undone.kind == "answer" and self._answers:
            answer = self._answers.pop()
            self._undone.append(answer)
            self._record(*answer, -1)
        if undone is not None and undone.card is not None:
            self._pinned = undone.card.id
        return None if undone is None else undone.card

    def redo(self) -> Card | None:
        """Make the last undone change again (an answer counts in the summary again);
        return the card it was about."""
        redone = self.collection.redo()
        if redone is not None and redone.kind == "answer" and self._undone:
            answer = self._undone.pop()
            self._answers.append(answer)
            self._record(*answer, +1)
        self._pinned = None
        return None if redone is None else redone.card

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


def _fetch_pages(fetch: Callable[[int, int], list[QueueCard]], cap: int) -> list[QueueCard]:
    """Due reviews, page by page, until `cap` distinct notes (and some) are in hand."""
    if cap <= 0:
        return []
    result: list[QueueCard] = []
    offset = 0
    seen_notes: set[int] = set()
    while True:
        page = fetch(cap + _PAGE, offset)
        result.extend(page)
        seen_notes.update(c.note_id for c in page)
        offset += len(page)
        if len(page) < cap + _PAGE or len(seen_notes) >= cap + _PAGE:
            return result


def _new_candidates(store: Store, members: list[Deck], today: int, cap: int) -> list[QueueCard]:
    """New cards of a deck tree in deck order (by name), enough to fill `cap`."""
    news: list[QueueCard] = []
    if cap <= 0:
        return news
    for deck in sorted(members, key=lambda d: d.name):
        if len(news) >= cap * 2 + _PAGE:
            break
        news.extend(store.cards.new_cards(deck.id, today, cap + _PAGE))
    return news
