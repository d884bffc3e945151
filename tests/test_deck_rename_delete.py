"""Renaming and deleting decks on a real collection: subdecks follow, one undo step each.

The collection is tests/browse_fixture.py (read the table there): decks AWS,
AWS::EC2, AWS::EC2::구매 옵션, AWS Awesome Day, 한국어, 한국어::어휘 and Default,
with review history on EC2, S3, 스팟, 서울1 and 리전. "AWS Awesome Day" starts
with "AWS" but is not a subdeck of it. Undo is checked by comparing every
table of the file, read through a second connection, before and after.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from flashcards.core.clock import FixedClock
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError, NotFoundError
from tests.browse_fixture import NOW, build
from tests.test_bulk_undo import dump

Fixture = tuple[Collection, dict[str, int]]


@pytest.fixture
def fixture(tmp_path: Path) -> Iterator[Fixture]:
    col, ids = build(tmp_path / "data")
    yield col, ids
    col.close()


def _decks(col: Collection) -> set[str]:
    return {d.name for d in col.decks()}


def _deck_of(col: Collection, card_id: int) -> str:
    return col.deck_name(col.card(card_id).deck_id)


def _drift(col: Collection) -> list[object]:
    from flashcards.storage.stats import StatsRepo

    return list(StatsRepo(col.store.db).review_days_drift())


# -- delete -----------------------------------------------------------------------------


def test_deleting_a_deck_takes_its_subdecks_cards_notes_and_history(fixture: Fixture) -> None:
    col, ids = fixture
    before = dump(col)
    logs_before = col.stats()["reviews_total"]
    deletion = col.delete_deck("AWS")
    assert (deletion.decks, deletion.cards, deletion.notes) == (3, 4, 4)  # EC2 스팟 S3 SG
    assert _decks(col) == {"AWS Awesome Day", "한국어", "한국어::어휘", "Default"}
    for label in ("EC2", "스팟", "S3", "SG"):
        with pytest.raises(NotFoundError):
            col.card(ids[label])
    assert _deck_of(col, ids["리전"]) == "AWS Awesome Day"  # a different deck, kept
    assert col.stats()["reviews_total"] == logs_before - 3  # EC2, S3 and 스팟's answers
    assert col.search("EC2") == []
    assert _drift(col) == []
    assert col.undo_label == "Delete deck"
    col.undo()
    assert dump(col) == before  # every table, review history and search index included
    assert _drift(col) == []


def test_a_note_with_a_card_elsewhere_stays(fixture: Fixture) -> None:
    col, ids = fixture
    col.move_cards([ids["사과<"]], "AWS Awesome Day")
    before = dump(col)
    note = col.card(ids["사과>"]).note_id
    deletion = col.delete_deck("한국어")
    # 사과> and both cloze cards go; the cloze note goes; the 사과 note keeps 사과<.
    assert (deletion.decks, deletion.cards, deletion.notes) == (2, 3, 1)
    assert [c.id for c in col.cards_of(note)] == [ids["사과<"]]
    col.undo()
    assert dump(col) == before


def test_the_last_deck_cannot_be_deleted(tmp_path: Path) -> None:
    col = Collection.open(tmp_path / "one", clock=FixedClock(NOW), load_bundled=False)
    try:
        col.add_note("Basic", ["front", "back"], deck="Only::Sub")
        col.delete_deck("Default")  # Only and Only::Sub are left
        before = dump(col)
        with pytest.raises(FlashcardsError, match="it is the last deck"):
            col.delete_deck("Only")  # with its subdeck, that is every deck
        assert dump(col) == before
        col.delete_deck("Only::Sub")  # its parent is left
        before = dump(col)
        with pytest.raises(FlashcardsError, match="it is the last deck"):
            col.delete_deck("Only")
        assert dump(col) == before
        assert _decks(col) == {"Only"}
    finally:
        col.close()


def test_deleting_a_missing_deck_says_so(fixture: Fixture) -> None:
    col, _ = fixture
    before = dump(col)
    with pytest.raises(NotFoundError, match="no deck called 'Nowhere'"):
        col.delete_deck("Nowhere")
    assert dump(col) == before


# -- rename -----------------------------------------------------------------------------


def test_renaming_a_deck_renames_its_subdecks_and_undo_restores(fixture: Fixture) -> None:
    col, ids = fixture
    before = dump(col)
    aws_id = col.deck("AWS").id
    assert col.rename_deck("AWS", "Cloud") == 3
    assert _decks(col) == {
        "Cloud",
        "Cloud::EC2",
        "Cloud::EC2::구매 옵션",
        "AWS Awesome Day",
        "한국어",
        "한국어::어휘",
        "Default",
    }
    assert col.deck("Cloud").id == aws_id  # the same deck, renamed
    assert _deck_of(col, ids["스팟"]) == "Cloud::EC2::구매 옵션"
    assert _deck_of(col, ids["리전"]) == "AWS Awesome Day"
    assert sorted(col.search("deck:Cloud")) == sorted(ids[x] for x in ("EC2", "스팟", "S3", "SG"))
    assert col.undo_label == "Rename deck"
    col.undo()
    assert dump(col) == before
    assert _deck_of(col, ids["스팟"]) == "AWS::EC2::구매 옵션"


def test_renaming_into_a_new_parent_creates_it_and_undo_removes_it(fixture: Fixture) -> None:
    col, ids = fixture
    before = dump(col)
    assert col.rename_deck("한국어::어휘", " 언어 :: 한국어 단어 ") == 1
    assert {"언어", "언어::한국어 단어"} <= _decks(col)
    assert "한국어::어휘" not in _decks(col)
    assert _deck_of(col, ids["서울1"]) == "언어::한국어 단어"
    col.undo()
    assert dump(col) == before


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("AWS", "AWS Awesome Day", "'AWS Awesome Day' already exists"),
        ("AWS::EC2", "한국어", "'한국어' already exists"),
        ("AWS", " :: ", "every part of a deck name"),
        ("AWS", "", "every part of a deck name"),
        ("AWS", "AWS::Inside", "cannot go inside itself"),
        ("Nowhere", "Somewhere", "no deck called 'Nowhere'"),
    ],
)
def test_a_bad_rename_is_refused_and_changes_nothing(
    fixture: Fixture, old: str, new: str, reason: str
) -> None:
    col, _ = fixture
    before, undo_label = dump(col), col.undo_label
    with pytest.raises(FlashcardsError, match=reason):
        col.rename_deck(old, new)
    assert dump(col) == before
    assert col.undo_label == undo_label  # no undo step for a refused change


def test_a_subdeck_name_that_would_collide_is_refused(fixture: Fixture) -> None:
    col, _ = fixture
    col.ensure_deck("Target::구매 옵션")
    # A subdeck without its parent, as a collection from elsewhere can have.
    col.store.db.execute("DELETE FROM decks WHERE name = 'Target'")
    before = dump(col)
    # AWS::EC2::구매 옵션 would become Target::구매 옵션, which exists.
    with pytest.raises(FlashcardsError, match="'Target::구매 옵션' already exists"):
        col.rename_deck("AWS::EC2", "Target")
    assert dump(col) == before


def test_renaming_to_the_same_name_changes_nothing(fixture: Fixture) -> None:
    col, _ = fixture
    before, undo_label = dump(col), col.undo_label
    assert col.rename_deck("AWS", " AWS ") == 0
    assert dump(col) == before
    assert col.undo_label == undo_label


# -- letter case: deck names compare as Anki's do, without regard to it ------------------


def test_a_deck_name_in_other_letters_is_the_same_deck(fixture: Fixture) -> None:
    col, _ = fixture
    decks = _decks(col)
    assert col.ensure_deck("aws::ec2::구매 옵션").name == "AWS::EC2::구매 옵션"
    assert col.ensure_deck("aws awesome day::Day 2").name == "AWS Awesome Day::Day 2"
    assert _decks(col) == decks | {"AWS Awesome Day::Day 2"}
    assert col.deck("aws::EC2").name == "AWS::EC2"
    assert col.study("aws").deck == "AWS"


def test_renaming_onto_a_deck_in_other_letters_is_refused(fixture: Fixture) -> None:
    col, _ = fixture
    before = dump(col)
    with pytest.raises(FlashcardsError, match="'AWS::EC2' already exists"):
        col.rename_deck("한국어", " aws::ec2 ")
    assert dump(col) == before


def test_renaming_changes_letters_and_keeps_existing_parents_spelled(fixture: Fixture) -> None:
    col, _ = fixture
    assert col.rename_deck("aws::ec2", "AWS::Ec2") == 2
    assert {"AWS::Ec2", "AWS::Ec2::구매 옵션"} <= _decks(col)
    assert col.rename_deck("한국어::어휘", "aws awesome day::어휘") == 1
    assert "AWS Awesome Day::어휘" in _decks(col)
    assert "aws awesome day" not in _decks(col)


def test_create_deck_makes_parents_and_refuses_a_taken_or_bad_name(fixture: Fixture) -> None:
    col, _ = fixture
    before = dump(col)
    for name, reason in (("aws::EC2", "'AWS::EC2' already exists"), (" :: ", "needs a name")):
        with pytest.raises(FlashcardsError, match=reason):
            col.create_deck(name)
    assert dump(col) == before
    assert col.create_deck(" 자격증 :: SAA ").name == "자격증::SAA"
    assert {"자격증", "자격증::SAA"} <= _decks(col)
    col.undo()
    assert dump(col) == before


@pytest.mark.parametrize(
    "change",
    [
        lambda col: col.rename_deck("AWS", "Cloud::AWS"),
        lambda col: col.delete_deck("AWS"),
        lambda col: col.create_deck("새 덱::하위"),
    ],
    ids=["rename into a new parent", "delete with subdecks", "create with a parent"],
)
def test_redo_makes_a_deck_change_again(fixture: Fixture, change: object) -> None:
    col, _ = fixture
    before = dump(col)
    change(col)  # type: ignore[operator]
    after = dump(col)
    col.undo()
    assert dump(col) == before
    col.redo()
    assert dump(col) == after
    col.undo()
    assert dump(col) == before
