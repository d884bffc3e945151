"""`flashcards decks`: the text table counts as `decks --json` does, and lines up with Hangul.

New / Re-drill / Due are Anki's New / Learn / Due: a card graded below 4 today
waits as a re-drill and is not a review due, in the table as in the JSON
(`due` and `redrill`), the deck list and the status bar.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import timedelta
from pathlib import Path

import pytest

from flashcards.core.clock import FixedClock
from flashcards.services.collection import Collection
from flashcards.services.importing import import_file
from tests.conftest import SMALL_DECK, START, run_cli


def _columns(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@pytest.fixture
def collection_dir(data_dir: Path) -> Path:
    """small_deck.txt plus Hangul decks; one review due today and one re-drill waiting."""
    clock = FixedClock(START - timedelta(days=1))
    with Collection.open(data_dir, clock=clock, load_bundled=False) as col:
        import_file(col, SMALL_DECK)
        col.add_note("Basic", ["사과", "apple"], deck="한국어::어휘 모음")
        col.add_note("Basic", ["배", "pear"], deck="한국어::어휘 모음")
        col.add_note("Basic", ["스팟", "spot"], deck="AWS::EC2 구매 옵션")
        (ec2,) = col.duplicates_of("Basic", "EC2")
        col.answer(col.cards_of(ec2)[0].id, 4)  # yesterday: due again today
        clock.advance(timedelta(days=1))
        (apple,) = col.duplicates_of("Basic", "사과")
        col.answer(col.cards_of(apple)[0].id, 2)  # today, wrong: a re-drill today
    return data_dir


def test_the_table_counts_as_the_json_does(collection_dir: Path) -> None:
    text = run_cli(["decks"], collection_dir)
    assert text.returncode == 0, text.stderr
    doc = run_cli(["decks", "--json"], collection_dir)
    decks = json.loads(doc.stdout)
    lines = text.stdout.splitlines()
    assert lines[0].split() == ["Deck", "New", "Re-drill", "Due", "Cards"]
    assert len(lines) == 1 + len(decks)
    for line, deck in zip(lines[1:], decks, strict=True):
        *label, new, redrill, due, cards = line.split()
        assert " ".join(label) == deck["name"].rsplit("::", 1)[-1]
        assert (int(new), int(redrill), int(due), int(cards)) == (
            deck["new"],
            deck["redrill"],
            deck["due"],
            deck["cards"],
        )
    by_name = {d["name"]: d for d in decks}
    # Worked by hand: EC2 was learned yesterday (interval 1) and 사과 was failed today.
    assert (by_name["Test::A"]["due"], by_name["Test::A"]["redrill"]) == (1, 0)
    assert (by_name["한국어"]["due"], by_name["한국어"]["redrill"]) == (0, 1)
    assert by_name["한국어::어휘 모음"]["new"] == 1


def _ends(line: str) -> list[int]:
    """The terminal column where each word of `line` ends."""
    return [_columns(line[: m.end()]) for m in re.finditer(r"\S+", line)]


def test_columns_line_up_when_deck_names_are_in_hangul(collection_dir: Path) -> None:
    result = run_cli(["decks"], collection_dir)
    lines = result.stdout.splitlines()
    assert any("어휘 모음" in line for line in lines)
    # The four counts are right-aligned under their titles, whatever script the name is in.
    header = _ends(lines[0])[-4:]
    for line in lines[1:]:
        assert _ends(line)[-4:] == header, f"{line!r} under {lines[0]!r}"
