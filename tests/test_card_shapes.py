"""The statistics tables of schema 0005 are kept by triggers: card counts per deck, type
and interval / easiness must always equal counting the cards one at a time, and
study_days must always equal review_days added up over decks."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from flashcards.core.clock import FixedClock
from flashcards.services.collection import Collection
from flashcards.storage.stats import StatsRepo

Shapes = tuple[Counter[tuple[int, int, int]], Counter[tuple[int, int, int]]]


def _counted(col: Collection) -> Shapes:
    """(deck, type, interval) and (deck, type, easiness in hundredths) → cards, card by card."""
    cards = list(col.store.cards.iter_all())
    intervals = Counter((c.deck_id, int(c.type), c.sm2.interval) for c in cards)
    easiness = Counter((c.deck_id, int(c.type), round(c.sm2.easiness * 100)) for c in cards)
    return intervals, easiness


def _days_summed(col: Collection) -> dict[int, tuple[int, ...]]:
    """review_days added up over decks, in Python; days without answers left out."""
    totals: dict[int, list[int]] = {}
    for row in col.store.db.execute("SELECT * FROM review_days"):
        day, counters = row[0], row[2:]
        kept = totals.setdefault(day, [0] * len(counters))
        for i, n in enumerate(counters):
            kept[i] += n
    return {day: tuple(v) for day, v in totals.items() if any(v[:4])}


def _study_days(col: Collection) -> dict[int, tuple[int, ...]]:
    return {row[0]: tuple(row[1:]) for row in col.store.db.execute("SELECT * FROM study_days")}


def _kept(col: Collection) -> Shapes:
    def table(name: str, column: str) -> Counter[tuple[int, int, int]]:
        rows = col.store.db.execute(f"SELECT deck_id, type, {column}, cards FROM {name}")
        return Counter({(deck, kind, value): n for deck, kind, value, n in rows})

    return table("deck_intervals", "interval"), table("deck_easiness", "easiness")


def test_every_kind_of_change_keeps_the_shapes(col: Collection, clock: FixedClock) -> None:
    assert _kept(col) == _counted(col)
    col.add_note("Basic (and reversed card)", ["q", "a"], deck="Test::C")
    for day in range(3):  # new cards become reviews; intervals and easiness move
        session = col.study()
        for grade in (5, 1, 4, 3):
            shown = session.next_card()
            if shown is None:
                break
            session.answer(shown.card, grade)
        assert _kept(col) == _counted(col), f"day {day}"
        assert _study_days(col) == _days_summed(col), f"day {day}"
        clock.advance(timedelta(days=day + 1))
    assert any(kind == 1 for _, kind, _ in _kept(col)[0])  # some cards were learned
    ids = [c.id for c in col.store.cards.iter_all()]
    col.move_cards(ids[:3], "Elsewhere")
    col.suspend_cards(ids[2:5])
    col.set_due_date(ids[3:5], 0, set_interval=True)
    assert _kept(col) == _counted(col)
    assert _study_days(col) == _days_summed(col)
    assert len(_study_days(col)) == 3  # answers on three study days
    col.delete_cards([ids[0]])
    col.reset_cards(ids[1:3])
    assert _kept(col) == _counted(col)
    assert _study_days(col) == _days_summed(col)
    while col.undo_label is not None:
        col.undo()
        assert _kept(col) == _counted(col)
        assert _study_days(col) == _days_summed(col)
    intervals, easiness = _kept(col)
    assert 0 not in intervals.values()
    assert 0 not in easiness.values()


def test_bulk_writes_pause_the_triggers_and_rebuild_the_shapes(col: Collection) -> None:
    ids = [c.id for c in col.store.cards.iter_all()]
    with col.store.atomic(), StatsRepo(col.store.db).review_days_paused():
        col.store.db.execute("DELETE FROM cards WHERE id = ?", [ids[0]])
        col.store.db.execute(
            "UPDATE cards SET type = 1, interval = 9, easiness = 236 WHERE id = ?", [ids[1]]
        )
        assert _kept(col) != _counted(col)  # paused
    assert _kept(col) == _counted(col)
    assert _study_days(col) == _days_summed(col)


def test_the_whole_collection_reads_the_days_that_the_decks_add_up_to(
    col: Collection, clock: FixedClock
) -> None:
    for _ in range(2):
        session = col.study()
        for grade in (5, 2, 4):
            shown = session.next_card()
            if shown is not None:
                session.answer(shown.card, grade)
        clock.advance(timedelta(days=1))
    repo = StatsRepo(col.store.db)
    every_deck = [d.id for d in col.decks()]
    assert repo.days(None) == repo.days(every_deck)  # study_days vs review_days grouped
    assert len(repo.days(None)) == 2


def test_check_finds_and_repairs_drifted_study_days(col: Collection) -> None:
    session = col.study()
    shown = session.next_card()
    assert shown is not None
    session.answer(shown.card, 4)
    col.store.db.execute("UPDATE study_days SET young = young + 3")
    assert not col.check(repair=False).ok
    col.check(repair=True)
    assert _study_days(col) == _days_summed(col)
    assert col.check(repair=False).ok


def test_check_finds_and_repairs_drifted_shapes(col: Collection) -> None:
    col.store.db.execute("UPDATE deck_easiness SET cards = cards + 2")
    assert "the card counts per deck differ from the cards" in col.check(repair=False).problems
    col.check(repair=True)
    assert _kept(col) == _counted(col)
    assert col.check(repair=False).ok


def test_the_histograms_read_the_shapes(col: Collection) -> None:
    # Three learned cards by hand: intervals 1, 6 and 40 days; easiness 2.5, 2.5, 1.3.
    ids = [c.id for c in col.store.cards.iter_all()]
    for card_id, interval, easiness in ((ids[0], 1, 250), (ids[1], 6, 250), (ids[2], 40, 130)):
        col.store.db.execute(
            "UPDATE cards SET type = 1, queue = 1, due = 30000, interval = ?, easiness = ? "
            "WHERE id = ?",
            [interval, easiness, card_id],
        )
    stats = col.stats()
    assert stats["intervals"]["mean"] == round((1 + 6 + 40) / 3, 2)
    assert stats["easiness"]["mean"] == round((2.5 + 2.5 + 1.3) / 3, 2)
    assert sum(b["cards"] for b in stats["easiness"]["buckets"]) == 3
    assert stats["card_states"]["young"] == 2
    assert stats["card_states"]["mature"] == 1


def test_due_today_leaves_out_buried_and_suspended_cards(col: Collection) -> None:
    today = col.today()
    ids = [c.id for c in col.store.cards.iter_all()]
    # (card, queue, due, buried_until): due today, overdue, overdue but buried until
    # tomorrow, buried only until yesterday, suspended, due tomorrow.
    for card_id, queue, due, buried in (
        (ids[0], 1, today, 0),
        (ids[1], 1, today - 5, 0),
        (ids[2], 1, today - 1, today + 1),
        (ids[3], 1, today, today - 1),
        (ids[4], -1, today, 0),
        (ids[5], 1, today + 1, 0),
    ):
        col.store.db.execute(
            "UPDATE cards SET type = 1, queue = ?, due = ?, buried_until = ?, interval = 3 "
            "WHERE id = ?",
            [queue, due, buried, card_id],
        )
    assert col.stats()["due_today"] == 3  # ids[0], ids[1] and ids[3]
