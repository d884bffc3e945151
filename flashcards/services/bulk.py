"""Bulk actions on a browser selection: each one transaction, each one undo step.

Every action runs inside `Collection.undoable`, which commits it as one
transaction and puts its journal (the rows it overwrote or deleted, and the
rows it created) on the undo stack. Each returns how many cards (or notes)
it changed; 0 means nothing needed changing and leaves no undo step.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from flashcards.core.models import CardType, Deck, Queue, deck_ancestors, normalise_deck_name
from flashcards.core.reschedule import manual_log, reset_card, set_due
from flashcards.core.sm2 import Sm2State
from flashcards.core.text import count_of
from flashcards.services.errors import FlashcardsError
from flashcards.storage import Store
from flashcards.storage.browse import BrowseRepo
from flashcards.storage.journal import Recording

if TYPE_CHECKING:
    from flashcards.services.collection import Collection

__all__ = [
    "MAX_DUE_DAYS",
    "add_tags",
    "bury_cards",
    "delete_cards",
    "delete_notes",
    "ensure_deck_recorded",
    "move_cards",
    "remove_tags",
    "reset_cards",
    "set_due_date",
    "suspend_cards",
    "unsuspend_cards",
]

MAX_DUE_DAYS = 36_500
"""Set-due-date accepts up to a hundred years ahead."""


def ensure_deck_recorded(store: Store, rec: Recording, name: str, now_ms: int) -> Deck:
    """The deck called `name`, created with its missing ancestors; undo removes those."""
    missing = [n for n in [*deck_ancestors(name), name] if store.decks.by_name(n) is None]
    deck = store.decks.ensure(name, now_ms)
    created = [store.decks.by_name(n) for n in missing]
    rec.created("decks", [d.id for d in created if d is not None])
    return deck


def move_cards(col: Collection, card_ids: Iterable[int], deck: str) -> int:
    """Move cards into a deck (created if needed)."""
    try:
        name = normalise_deck_name(deck)
    except ValueError as exc:
        raise FlashcardsError(str(exc)) from None
    repo = BrowseRepo(col.store.db)
    target = col.store.decks.by_name(name)
    ids = [c.id for c in repo.cards(card_ids) if target is None or c.deck_id != target.id]
    if not ids:
        return 0
    now = col.now_ms()
    with col.undoable("move", f"Move {count_of(len(ids), 'card')} to {name}") as rec:
        rec.save("cards", ids)
        deck_id = ensure_deck_recorded(col.store, rec, name, now).id
        return repo.set_deck(ids, deck_id, now)


def _clean_tags(tags: Iterable[str]) -> list[str]:
    words: list[str] = []
    for tag in tags:
        words.extend(tag.split())
    if not words:
        raise FlashcardsError("no tags given")
    return list(dict.fromkeys(words))


def _retag(col: Collection, card_ids: Iterable[int], tags: Iterable[str], *, adding: bool) -> int:
    wanted = _clean_tags(tags)
    folded = {t.casefold() for t in wanted}
    repo = BrowseRepo(col.store.db)
    changes: list[tuple[int, tuple[str, ...]]] = []
    for note_id, current in repo.tags_of(repo.note_ids_of(card_ids)):
        have = {t.casefold() for t in current}
        if adding:
            extra = tuple(t for t in wanted if t.casefold() not in have)
            if extra:
                changes.append((note_id, (*current, *extra)))
        elif have & folded:
            changes.append((note_id, tuple(t for t in current if t.casefold() not in folded)))
    if not changes:
        return 0
    label = ("Add" if adding else "Remove") + f" tags on {count_of(len(changes), 'note')}"
    with col.undoable("tags", label) as rec:
        rec.save("notes", [note_id for note_id, _ in changes])
        repo.set_tags(changes, col.now_ms())
    return len(changes)


def add_tags(col: Collection, card_ids: Iterable[int], tags: Iterable[str]) -> int:
    """Add tags to the notes of these cards (case-insensitively new ones only)."""
    return _retag(col, card_ids, tags, adding=True)


def remove_tags(col: Collection, card_ids: Iterable[int], tags: Iterable[str]) -> int:
    """Remove tags (compared case-insensitively) from the notes of these cards."""
    return _retag(col, card_ids, tags, adding=False)


def suspend_cards(col: Collection, card_ids: Iterable[int]) -> int:
    repo = BrowseRepo(col.store.db)
    ids = [c.id for c in repo.cards(card_ids) if c.queue != Queue.SUSPENDED]
    if not ids:
        return 0
    with col.undoable("suspend", f"Suspend {count_of(len(ids), 'card')}") as rec:
        rec.save("cards", ids)
        return repo.suspend(ids, col.now_ms())


def unsuspend_cards(col: Collection, card_ids: Iterable[int]) -> int:
    repo = BrowseRepo(col.store.db)
    ids = [c.id for c in repo.cards(card_ids) if c.queue == Queue.SUSPENDED]
    if not ids:
        return 0
    with col.undoable("unsuspend", f"Unsuspend {count_of(len(ids), 'card')}") as rec:
        rec.save("cards", ids)
        return repo.unsuspend(ids, col.now_ms())


def bury_cards(col: Collection, card_ids: Iterable[int]) -> int:
    """Hide cards until tomorrow."""
    until = col.today() + 1
    repo = BrowseRepo(col.store.db)
    ids = [c.id for c in repo.cards(card_ids) if c.buried_until < until]
    if not ids:
        return 0
    with col.undoable("bury", f"Bury {count_of(len(ids), 'card')}") as rec:
        rec.save("cards", ids)
        return repo.bury(ids, until, col.now_ms())


def reset_cards(col: Collection, card_ids: Iterable[int], *, reset_counts: bool = False) -> int:
    """Make cards new again, at the end of the new-card queue, in card-id order.

    Learned cards get a MANUAL log entry (interval 0), so `check` replays them as new.
    """
    store = col.store
    cards = BrowseRepo(store.db).cards(card_ids)
    if not cards:
        return 0
    today, now = col.today(), col.now_ms()
    with col.undoable("reset", f"Reset {count_of(len(cards), 'card')} to new") as rec:
        rec.save("cards", [c.id for c in cards])
        position = store.cards.next_new_position()
        for card in cards:
            new = reset_card(card, position, now_ms=now, reset_counts=reset_counts)
            position += 1
            store.cards.update(new)
            if card.type == CardType.REVIEW or card.sm2 != Sm2State():
                log_id = store.reviews.insert(manual_log(card, new, today=today, now_ms=now))
                rec.created("revlog", [log_id])
    return len(cards)


def set_due_date(
    col: Collection,
    card_ids: Iterable[int],
    days: int,
    days_to: int | None = None,
    *,
    set_interval: bool = False,
) -> int:
    """Make cards due in `days` days (0 = today), or a random day in [days, days_to].

    New cards become review cards. Each change is logged as a MANUAL entry.
    """
    high = days if days_to is None else days_to
    if not 0 <= days <= high <= MAX_DUE_DAYS:
        raise FlashcardsError(
            f"a due date needs 0 ≤ first day ≤ last day ≤ {MAX_DUE_DAYS}, not {days}–{high}"
        )
    store = col.store
    cards = BrowseRepo(store.db).cards(card_ids)
    if not cards:
        return 0
    today, now = col.today(), col.now_ms()
    with col.undoable("due", f"Set due date of {count_of(len(cards), 'card')}") as rec:
        rec.save("cards", [c.id for c in cards])
        for card in cards:
            due = today + col.rng.randint(days, high)
            new = set_due(card, due, today=today, now_ms=now, set_interval=set_interval)
            store.cards.update(new)
            log_id = store.reviews.insert(manual_log(card, new, today=today, now_ms=now))
            rec.created("revlog", [log_id])
    return len(cards)


def delete_cards(col: Collection, card_ids: Iterable[int]) -> int:
    """Delete cards with their review logs; a note left with no card goes too."""
    repo = BrowseRepo(col.store.db)
    ids = repo.existing(card_ids)
    if not ids:
        return 0
    orphans = repo.notes_left_without(ids)
    with col.undoable("delete", f"Delete {count_of(len(ids), 'card')}") as rec:
        rec.save("notes", orphans)
        rec.save("cards", ids)
        rec.save_logs_of_cards(ids)
        repo.delete_cards(ids)
        repo.delete_notes(orphans)
    return len(ids)


def delete_notes(col: Collection, card_ids: Sequence[int]) -> int:
    """Delete the notes of these cards, with all their cards and review logs."""
    repo = BrowseRepo(col.store.db)
    note_ids = repo.note_ids_of(card_ids)
    if not note_ids:
        return 0
    all_cards = repo.card_ids_of_notes(note_ids)
    with col.undoable("delete", f"Delete {count_of(len(note_ids), 'note')}") as rec:
        rec.save("notes", note_ids)
        rec.save("cards", all_cards)
        rec.save_logs_of_cards(all_cards)
        repo.delete_notes(note_ids)
    return len(note_ids)
