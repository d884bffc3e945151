"""Renaming and deleting a deck with its subdecks: each one transaction, one undo step.

A rename renames the subdecks with it (`A::B` → `C::B`) and creates any
missing parents of the new name. A delete takes the deck, its subdecks and
their cards with their review history; a note left with no card goes too. The
journal keeps every row, so Ctrl+Z puts all of it back. As in Anki, the last
deck cannot be deleted: a collection always has a deck to add cards to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from flashcards.core.models import DECK_SEPARATOR, Deck, deck_parent, normalise_deck_name
from flashcards.services.bulk import ensure_deck_recorded
from flashcards.services.errors import FlashcardsError
from flashcards.storage.browse import BrowseRepo

if TYPE_CHECKING:
    from flashcards.services.collection import Collection

__all__ = [
    "CREATE_LABEL",
    "DELETE_LABEL",
    "RENAME_LABEL",
    "DeckDeletion",
    "create_deck",
    "delete_deck",
    "rename_deck",
]

CREATE_LABEL = "Create deck"
RENAME_LABEL = "Rename deck"
DELETE_LABEL = "Delete deck"
"""Undo labels (Collection.undo_label) of the three changes."""


@dataclass(frozen=True)
class DeckDeletion:
    """What deleting a deck removed: decks (itself and subdecks), cards and notes."""

    decks: int
    cards: int
    notes: int


def _tree(col: Collection, name: str) -> list[Deck]:
    """The deck called `name` and its subdecks (a missing deck is an error)."""
    name = col.deck(name).name
    prefix = name + DECK_SEPARATOR
    return [d for d in col.store.decks.all() if d.name == name or d.name.startswith(prefix)]


def create_deck(col: Collection, name: str) -> Deck:
    """A new empty deck (with any missing parents) as one undo step; a name that is
    invalid or taken, in any letter case, is refused."""
    try:
        clean = normalise_deck_name(name)
    except ValueError:
        raise FlashcardsError(
            f"cannot create {name!r}: every part of a deck name between '::' needs a name"
        ) from None
    existing = col.store.decks.by_name(clean)
    if existing is not None:
        raise FlashcardsError(f"cannot create {clean!r}: {existing.name!r} already exists")
    with col.undoable("create", CREATE_LABEL) as rec:
        return ensure_deck_recorded(col.store, rec, clean, col.now_ms())


def rename_deck(col: Collection, old: str, new: str) -> int:
    """Rename deck `old` to `new`, its subdecks with it; return how many decks changed."""
    try:
        name = normalise_deck_name(new)
    except ValueError:
        raise FlashcardsError(
            f"cannot rename {old!r} to {new!r}: every part of a deck name between '::' needs a name"
        ) from None
    old = col.deck(old).name  # as the collection spells it
    tree = _tree(col, old)
    parent = deck_parent(name)
    if parent is not None:  # parents that exist keep their spelling, as Anki's do
        leaf = name.rsplit(DECK_SEPARATOR, 1)[-1]
        name = col.store.decks.spelled(parent) + DECK_SEPARATOR + leaf
    if name == old:
        return 0
    if name.casefold().startswith(old.casefold() + DECK_SEPARATOR):
        raise FlashcardsError(f"cannot rename {old!r} to {name!r}: a deck cannot go inside itself")
    names = [(d.id, name + d.name[len(old) :]) for d in tree]
    ours = {d.id for d in tree}  # "Aws" → "AWS" renames a deck to itself in other letters
    found = [col.store.decks.by_name(n) for _, n in names]
    taken = [d.name for d in found if d is not None and d.id not in ours]
    if taken:
        raise FlashcardsError(f"cannot rename {old!r} to {name!r}: {taken[0]!r} already exists")
    now = col.now_ms()
    with col.undoable("rename", RENAME_LABEL) as rec:
        rec.save("decks", [d.id for d in tree])
        col.store.decks.rename(names, now)
        parent = deck_parent(name)
        if parent is not None:
            ensure_deck_recorded(col.store, rec, parent, now)
    return len(names)


def delete_deck(col: Collection, name: str) -> DeckDeletion:
    """Delete a deck, its subdecks and their cards (with review history) in one undo step."""
    tree = _tree(col, name)
    deck_ids = [d.id for d in tree]
    if len(tree) >= col.store.decks.count():
        raise FlashcardsError(
            f"cannot delete {name!r}: it is the last deck (with its subdecks); "
            "a collection keeps at least one deck"
        )
    repo = BrowseRepo(col.store.db)
    card_ids = col.store.decks.card_ids_in(deck_ids)
    orphans = repo.notes_left_without(card_ids)
    with col.undoable("delete", DELETE_LABEL) as rec:
        rec.save("decks", deck_ids)
        rec.save("notes", orphans)
        rec.save("cards", card_ids)
        rec.save_logs_of_cards(card_ids)
        repo.delete_cards(card_ids)
        repo.delete_notes(orphans)
        col.store.decks.delete(deck_ids)
    return DeckDeletion(len(deck_ids), len(card_ids), len(orphans))
