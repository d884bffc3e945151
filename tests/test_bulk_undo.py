"""Bulk actions on a browser selection, each one transaction and one undo step.

Undo is checked on a real collection on disk by comparing every table, read
through a separate SQLite connection, before the action and after its undo.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from flashcards.core.clock import FixedClock
from flashcards.core.models import CardType, Queue, ReviewKind
from flashcards.core.sm2 import Sm2State
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError
from flashcards.services.importing import import_file
from flashcards.storage.stats import StatsRepo
from tests.browse_fixture import build

Dump = dict[str, list[tuple[object, ...]]]


def dump(col: Collection) -> Dump:
    """Every table of the collection file, as a second connection sees it."""
    db = sqlite3.connect(col.data_dir / "collection.sqlite")
    try:
        names = [
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'notes_fts%'"
            )
        ]
        tables = {n: sorted(db.execute(f"SELECT * FROM {n}").fetchall(), key=repr) for n in names}
        tables["notes_fts"] = db.execute(
            "SELECT rowid, search_text FROM notes_fts ORDER BY rowid"
        ).fetchall()
        return tables
    finally:
        db.close()


@pytest.fixture
def fixture(tmp_path: Path) -> Iterator[tuple[Collection, dict[str, int]]]:
    col, ids = build(tmp_path / "data")
    yield col, ids
    col.close()


def _review_days_agree(col: Collection) -> bool:
    return StatsRepo(col.store.db).review_days_drift() == []


Action = Callable[[Collection, dict[str, int]], int]

ACTIONS: dict[str, Action] = {
    "move to a deck": lambda c, i: c.move_cards([i["EC2"], i["사과>"]], "AWS Awesome Day"),
    "move to a new deck": lambda c, i: c.move_cards([i["EC2"], i["S3"]], "New::Deeper"),
    "add tags": lambda c, i: c.add_tags([i["EC2"], i["서울1"]], ["new-tag", "AWS::EC2"]),
    "remove tags": lambda c, i: c.remove_tags([i["EC2"], i["스팟"]], ["AWS::EC2", "compute"]),
    "suspend": lambda c, i: c.suspend_cards([i["EC2"], i["리전"]]),
    "unsuspend": lambda c, i: c.unsuspend_cards([i["리전"], i["SQL"]]),
    "bury": lambda c, i: c.bury_cards([i["EC2"], i["S3"]]),
    "reset to new": lambda c, i: c.reset_cards([i["EC2"], i["스팟"], i["사과<"]]),
    "reset with counts": lambda c, i: c.reset_cards([i["SG"]], reset_counts=True),
    "set due date": lambda c, i: c.set_due_date([i["EC2"], i["사과<"]], 3),
    "set due range": lambda c, i: c.set_due_date([i["S3"], i["SG"]], 1, 5, set_interval=True),
    "delete a card": lambda c, i: c.delete_cards([i["사과<"], i["S3"]]),
    "delete a note's last card": lambda c, i: c.delete_cards([i["SQL"]]),
    "delete notes": lambda c, i: c.delete_notes([i["서울1"], i["EC2"]]),
}


@pytest.mark.parametrize("name", list(ACTIONS))
def test_action_changes_the_collection_and_undo_restores_every_table(
    fixture: tuple[Collection, dict[str, int]], name: str
) -> None:
    col, ids = fixture
    before = dump(col)
    changed = ACTIONS[name](col, ids)
    assert changed > 0
    assert dump(col) != before
    assert _review_days_agree(col)
    assert col.undo_label is not None
    undone = col.undo()
    assert undone is not None
    assert dump(col) == before
    assert _review_days_agree(col)


@pytest.mark.parametrize("name", list(ACTIONS))
def test_redo_makes_the_change_again_and_undo_takes_it_back_again(
    fixture: tuple[Collection, dict[str, int]], name: str
) -> None:
    col, ids = fixture
    before = dump(col)
    ACTIONS[name](col, ids)
    after = dump(col)
    label = col.undo_label
    col.undo()
    assert col.redo_label == label
    redone = col.redo()
    assert redone is not None
    assert redone.label == label
    assert dump(col) == after
    assert _review_days_agree(col)
    assert col.redo_label is None
    assert col.undo_label == label
    col.undo()
    assert dump(col) == before
    col.redo()
    assert dump(col) == after


def test_a_new_change_or_any_write_after_an_undo_ends_redo(
    fixture: tuple[Collection, dict[str, int]],
) -> None:
    col, ids = fixture
    col.suspend_cards([ids["EC2"]])
    col.undo()
    col.bury_cards([ids["S3"]])
    assert col.redo_label is None
    assert col.redo() is None
    assert not col.card(ids["EC2"]).suspended
    col.undo()  # the bury
    assert col.redo_label is not None
    notes = col.data_dir.parent / "one.txt"
    notes.write_text("Lambda\t서버리스 컴퓨팅\n", encoding="utf-8")
    import_file(col, notes)  # a write that is no undo step: redo would overwrite it
    assert col.undo_label is not None
    assert col.redo_label is None
    assert col.redo() is None
    assert col.card(ids["S3"]).buried_until == 0


def test_moving_cards_moves_them_and_creates_missing_decks(
    fixture: tuple[Collection, dict[str, int]],
) -> None:
    col, ids = fixture
    decks_before = {d.name for d in col.decks()}
    assert col.move_cards([ids["EC2"], ids["S3"]], " New :: Deeper ") == 2
    assert {d.name for d in col.decks()} - decks_before == {"New", "New::Deeper"}
    target = col.deck("New::Deeper").id
    assert col.card(ids["EC2"]).deck_id == target
    assert col.card(ids["S3"]).deck_id == target
    assert col.undo_label == "Move 2 cards to New::Deeper"
    assert col.stats("New")["reviews_total"] == 2  # EC2's and S3's answers moved along
    col.undo()
    assert {d.name for d in col.decks()} == decks_before


def test_tags_are_added_and_removed_case_insensitively(
    fixture: tuple[Collection, dict[str, int]],
) -> None:
    col, ids = fixture
    ec2, seoul = col.card(ids["EC2"]).note_id, col.card(ids["서울1"]).note_id
    assert col.add_tags([ids["EC2"], ids["서울1"], ids["서울2"]], ["new-tag AWS::EC2"]) == 2
    assert set(col.note(ec2).tags) == {"aws::ec2", "compute", "new-tag"}
    assert set(col.note(seoul).tags) == {"AWS::EC2", "new-tag"}
    assert col.remove_tags([ids["EC2"]], ["AWS::EC2", "NEW-TAG"]) == 1
    assert col.note(ec2).tags == ("compute",)
    assert col.search("tag:new-tag") == [ids["서울1"], ids["서울2"]]


def test_suspend_unsuspend_and_bury(fixture: tuple[Collection, dict[str, int]]) -> None:
    col, ids = fixture
    assert col.suspend_cards([ids["EC2"], ids["리전"]]) == 1  # 리전 already was
    assert col.card(ids["EC2"]).queue == Queue.SUSPENDED
    assert col.unsuspend_cards([ids["EC2"], ids["SQL"], ids["S3"]]) == 2
    assert col.card(ids["EC2"]).queue == Queue.REVIEW
    assert col.card(ids["SQL"]).queue == Queue.NEW
    assert col.bury_cards([ids["S3"], ids["사과>"]]) == 1  # 사과> is buried already
    assert col.card(ids["S3"]).buried_until == col.today() + 1
    assert ids["S3"] not in col.search("is:due")


def test_reset_makes_cards_new_at_the_end_and_logs_a_manual_entry(
    fixture: tuple[Collection, dict[str, int]],
) -> None:
    col, ids = fixture
    reviews_before = col.stats()["reviews_total"]
    assert col.reset_cards([ids["스팟"], ids["EC2"]]) == 2
    ec2, spot = col.card(ids["EC2"]), col.card(ids["스팟"])
    # card-id order: EC2 (id 1) first, after the last new card (SQL, position 9)
    assert (ec2.type, ec2.queue, ec2.due, ec2.sm2) == (CardType.NEW, Queue.NEW, 10, Sm2State())
    assert spot.due == 11
    assert (ec2.reps, spot.lapses) == (3, 1)  # counts kept unless asked
    last = col.store.reviews.of_card(ids["EC2"])[-1]
    assert (last.kind, last.after, last.before) == (
        ReviewKind.MANUAL,
        Sm2State(),
        Sm2State(3, 17, 2.7),
    )
    assert col.stats()["reviews_total"] == reviews_before  # MANUAL entries are not answers
    col.reset_cards([ids["SG"]], reset_counts=True)
    assert (col.card(ids["SG"]).reps, col.card(ids["SG"]).lapses) == (0, 0)


def test_set_due_date_schedules_new_and_learned_cards(
    fixture: tuple[Collection, dict[str, int]],
) -> None:
    col, ids = fixture
    today = col.today()
    assert col.set_due_date([ids["EC2"], ids["사과<"]], 3) == 2
    ec2, apple = col.card(ids["EC2"]), col.card(ids["사과<"])
    assert (ec2.due, ec2.sm2) == (today + 3, Sm2State(3, 17, 2.7))  # interval kept
    assert (apple.type, apple.queue, apple.due) == (CardType.REVIEW, Queue.REVIEW, today + 3)
    assert apple.sm2 == Sm2State(0, 3, 2.5)
    col.set_due_date([ids["S3"]], 0, set_interval=True)
    assert (col.card(ids["S3"]).due, col.card(ids["S3"]).sm2.interval) == (today, 1)
    col.set_due_date([ids["리전"]], 2)
    assert col.card(ids["리전"]).queue == Queue.SUSPENDED  # stays suspended
    col.rng = random.Random(3)
    col.set_due_date([ids["SG"], ids["서울1"]], 5, 9)
    for label in ("SG", "서울1"):
        card = col.card(ids[label])
        assert today + 5 <= card.due <= today + 9
        assert card.drill_day is None


def test_deleting_cards_and_notes_takes_their_review_logs(
    fixture: tuple[Collection, dict[str, int]],
) -> None:
    col, ids = fixture
    note = col.card(ids["SQL"]).note_id
    assert col.delete_cards([ids["SQL"], ids["사과<"]]) == 2
    with pytest.raises(FlashcardsError):
        col.note(note)  # its only card is gone, so is the note
    assert col.search("사과") == [ids["사과>"]]  # the sibling stays
    assert col.delete_notes([ids["서울1"]]) == 1
    assert col.search("서울") == []
    assert col.store.reviews.of_card(ids["서울1"]) == []
    col.undo()
    assert len(col.store.reviews.of_card(ids["서울1"])) == 2
    assert col.search("서울") == [ids["서울1"], ids["서울2"]]


def test_undo_steps_come_back_in_reverse_order(fixture: tuple[Collection, dict[str, int]]) -> None:
    col, ids = fixture
    original = dump(col)
    col.suspend_cards([ids["EC2"]])
    after_first = dump(col)
    col.delete_notes([ids["EC2"]])
    col.move_cards([ids["S3"]], "Elsewhere")
    col.undo()
    col.undo()
    assert dump(col) == after_first
    col.undo()
    assert dump(col) == original


def test_an_action_that_changes_nothing_leaves_no_undo_step(
    fixture: tuple[Collection, dict[str, int]],
) -> None:
    col, ids = fixture
    col.bury_cards([ids["EC2"]])
    label = col.undo_label
    assert col.suspend_cards([ids["리전"]]) == 0
    assert col.unsuspend_cards([ids["EC2"]]) == 0
    assert col.remove_tags([ids["EC2"]], ["absent"]) == 0
    assert col.move_cards([ids["EC2"]], "AWS::EC2") == 0
    assert col.delete_cards([123_456]) == 0
    assert col.undo_label == label


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda c, i: c.move_cards([i["EC2"]], "a::::b"), "invalid deck name"),
        (lambda c, i: c.add_tags([i["EC2"]], ["  "]), "no tags given"),
        (lambda c, i: c.set_due_date([i["EC2"]], -1), "due date"),
        (lambda c, i: c.set_due_date([i["EC2"]], 5, 2), "due date"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    fixture: tuple[Collection, dict[str, int]], action: Action, message: str
) -> None:
    col, ids = fixture
    before = dump(col)
    with pytest.raises(FlashcardsError, match=message):
        action(col, ids)
    assert dump(col) == before


class _FailingRandom(random.Random):
    """Fails on the second draw: a crash in the middle of a bulk action."""

    calls = 0

    def randint(self, a: int, b: int) -> int:
        self.calls += 1
        if self.calls == 2:
            raise RuntimeError("crash in the middle")
        return a


def test_a_crash_midway_rolls_the_whole_action_back(
    fixture: tuple[Collection, dict[str, int]],
) -> None:
    col, ids = fixture
    before = dump(col)
    label = col.undo_label
    col.rng = _FailingRandom()
    with pytest.raises(RuntimeError):
        col.set_due_date([ids["EC2"], ids["S3"], ids["SG"]], 1, 3)
    assert dump(col) == before
    assert col.undo_label == label


# -- consistency with the review log (check) ---------------------------------------


def test_reset_and_set_due_keep_check_consistent(col: Collection, clock: FixedClock) -> None:
    cards = col.search("")
    for day in range(3):
        for card_id in cards[:4]:
            col.answer(card_id, 5 - day % 2)
        clock.advance(timedelta(days=7))
    assert col.check(repair=False).ok
    col.reset_cards(cards[:2])
    assert col.check(repair=False).ok
    col.set_due_date(cards[1:5], 4, set_interval=True)
    assert col.check(repair=False).ok
    col.answer(cards[1], 5)
    assert col.check(repair=False).ok
    col.reset_cards([cards[1]])
    clock.advance(timedelta(days=1))
    col.answer(cards[1], 4)
    report = col.check(repair=False)
    assert report.ok, report.problems
    assert col.card(cards[1]).sm2 == Sm2State(1, 1, 2.5)


def test_undoing_an_answer_keeps_the_cards_earlier_history(
    col: Collection, clock: FixedClock
) -> None:
    card_id = col.search("")[0]
    col.answer(card_id, 5)
    clock.advance(timedelta(days=1))
    col.answer(card_id, 4)
    col.undo()
    logs = col.store.reviews.of_card(card_id)
    assert [log.grade for log in logs] == [5]
    assert col.check(repair=False).ok
