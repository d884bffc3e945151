"""Card counts per deck are kept by triggers: they must always equal counting the cards."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from flashcards.core.clock import FixedClock
from flashcards.core.models import Queue
from flashcards.services.collection import Collection
from flashcards.storage.stats import StatsRepo


def _counted(col: Collection) -> Counter[tuple[int, int]]:
    """(deck, queue) → cards, counted one card at a time."""
    return Counter((c.deck_id, int(c.queue)) for c in col.store.cards.iter_all())


def _kept(col: Collection) -> Counter[tuple[int, int]]:
    rows = col.store.db.execute("SELECT deck_id, queue, cards FROM deck_card_counts")
    return Counter({(deck, queue): n for deck, queue, n in rows})


def _deck_list_cards(col: Collection) -> dict[str, int]:
    return {s.name: s.cards for s in col.deck_summaries()}


def test_every_kind_of_change_keeps_the_counts(col: Collection, clock: FixedClock) -> None:
    assert _kept(col) == _counted(col)
    _, cards = col.add_note("Basic (and reversed card)", ["q", "a"], deck="Test::C")
    session = col.study()
    for grade in (5, 1, 4):  # new cards become reviews (queue 0 → 1)
        shown = session.next_card()
        assert shown is not None
        session.answer(shown.card, grade)
    assert _kept(col) == _counted(col)
    all_ids = [c.id for c in col.store.cards.iter_all()]
    col.move_cards(all_ids[:3], "Elsewhere")
    col.suspend_cards(all_ids[2:5])
    col.bury_cards(all_ids[4:6])
    assert _kept(col) == _counted(col)
    col.delete_notes([cards[0].id])
    col.delete_cards([all_ids[0]])
    assert _kept(col) == _counted(col)
    for _ in range(6):
        col.undo()
        assert _kept(col) == _counted(col)
    clock.advance(timedelta(days=1))
    col.reset_cards(all_ids[:4])
    assert _kept(col) == _counted(col)
    assert 0 not in _kept(col).values()  # no empty rows left behind


def test_the_deck_list_counts_subdecks(col: Collection) -> None:
    cards = _deck_list_cards(col)
    # tests/data/small_deck.txt: Test has IAM (1 card), Test::A EC2 and S3 (Basic, 1 each),
    # Test::B EBS (reversed: 2) and a cloze with c1 and c2 (2).
    assert cards == {"Test": 7, "Test::A": 2, "Test::B": 4}
    col.add_note("Basic", ["x", "y"], deck="Test::A::Deep")
    assert _deck_list_cards(col) == {"Test": 8, "Test::A": 3, "Test::A::Deep": 1, "Test::B": 4}


def test_bulk_writes_pause_the_triggers_and_rebuild_the_counts(col: Collection) -> None:
    ids = [c.id for c in col.store.cards.iter_all()]
    with col.store.atomic(), StatsRepo(col.store.db).review_days_paused():
        col.store.db.execute("DELETE FROM cards WHERE id = ?", [ids[0]])
        col.store.db.execute(
            "UPDATE cards SET queue = ? WHERE id = ?", [int(Queue.SUSPENDED), ids[1]]
        )
        assert _kept(col) != _counted(col)  # paused
    assert _kept(col) == _counted(col)


def test_check_finds_and_repairs_drifted_counts(col: Collection) -> None:
    col.store.db.execute("UPDATE deck_card_counts SET cards = cards + 5")
    report = col.check(repair=False)
    assert "the card counts per deck differ from the cards" in report.problems
    repaired = col.check(repair=True)
    assert "the card counts per deck differ from the cards" in repaired.repaired
    assert _kept(col) == _counted(col)
    assert col.check(repair=False).ok


def test_a_large_bulk_import_leaves_the_counts_right(col: Collection) -> None:
    """The path of large imports (indexes dropped, triggers paused) rebuilds the counts."""
    card = next(iter(col.store.cards.iter_all()))
    deck = col.ensure_deck("Bulk")
    bulk = col.store.bulk
    _, next_card = bulk.next_ids()
    rows = [
        (next_card + i, card.note_id, deck.id, 10 + i, 0, 0, 5 + i, 0, 0, 250, 0, 0, 0, None, None,
         0, 0)
        for i in range(3)
    ]  # fmt: skip
    with bulk.bulk_transaction(rebuild_indexes=True):
        bulk.insert_cards(rows)
    assert _kept(col) == _counted(col)
    assert _deck_list_cards(col)["Bulk"] == 3
    assert col.check(repair=False).ok


def _triggers(col: Collection) -> list[tuple[str, str]]:
    rows = col.store.db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    return sorted(rows)


def test_a_bulk_write_puts_every_trigger_back_whether_it_ends_or_fails(col: Collection) -> None:
    """Bulk writes drop the card and review-log triggers; the counts must be kept after."""
    before = _triggers(col)
    bulk = col.store.bulk
    try:
        with bulk.bulk_transaction(rebuild_indexes=True):
            col.store.db.execute("DELETE FROM cards")
            raise RuntimeError("the import fails half-way")
    except RuntimeError:
        pass
    assert _triggers(col) == before
    with bulk.bulk_transaction(rebuild_indexes=True):
        pass
    assert _triggers(col) == before
    ids = [c.id for c in col.store.cards.iter_all()]
    col.suspend_cards(ids[:2])  # counted by the triggers, which must be there again
    col.move_cards(ids[2:3], "Moved")
    assert _kept(col) == _counted(col)
