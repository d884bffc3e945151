"""The deck tree model: a correct Qt model, nested by `::`, with today's counts."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from flashcards.core.models import DeckOptions
from flashcards.gui.deck_model import DECK_NAME_ROLE, DeckTreeModel
from flashcards.gui.main_window import MainWindow
from flashcards.services.collection import Collection, DeckSummary


def _summary(name: str, new: int = 0, due: int = 0, drills: int = 0) -> DeckSummary:
    return DeckSummary(0, name, new, due, drills, new + due, DeckOptions())


def _rows(model: DeckTreeModel, parent: QModelIndex | None = None) -> list[object]:
    parent = parent or QModelIndex()
    rows: list[object] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        cells = tuple(model.index(row, c, parent).data() for c in range(4))
        rows.append((cells, _rows(model, index)))
    return rows


def test_the_model_passes_qt_model_tester(qtmodeltester: ModelTester, col: Collection) -> None:
    model = DeckTreeModel()
    model.update(col.deck_summaries())
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_decks_nest_by_their_names() -> None:
    model = DeckTreeModel()
    model.update(
        [
            _summary("AWS", 5, 3),
            _summary("AWS::EC2", 2, 1),
            _summary("AWS::EC2::구매 옵션", 1, 1, drills=2),
            _summary("AWS::S3", 3, 2),
            _summary("Orphan::Child", 1),  # its parent is not in the list
        ]
    )
    # Deck, New, Re-drill, Due today (reviews only).
    assert _rows(model) == [
        (
            ("AWS", "5", "0", "3"),
            [
                (("EC2", "2", "0", "1"), [(("구매 옵션", "1", "2", "1"), [])]),
                (("S3", "3", "0", "2"), []),
            ],
        ),
        (("Orphan::Child", "1", "0", "0"), []),
    ]
    index = model.deck_index("AWS::EC2::구매 옵션")
    assert index.data(DECK_NAME_ROLE) == "AWS::EC2::구매 옵션"
    assert index.parent().data() == "EC2"
    assert "Re-drills waiting today: 2" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert not model.deck_index("nowhere").isValid()


def test_headers_say_due_today_in_words() -> None:
    model = DeckTreeModel()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert titles == ["Deck", "New", "Re-drill", "Due today"]


def test_new_counts_update_in_place_and_new_decks_rebuild(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    model = DeckTreeModel()
    model.update([_summary("A", 2), _summary("A::B", 1)])
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.dataChanged), qtbot.assertNotEmitted(model.modelReset):
        model.update([_summary("A", 1), _summary("A::B", 0, 1)])
    assert _rows(model) == [(("A", "1", "0", "0"), [(("B", "0", "0", "1"), [])])]
    with qtbot.waitSignal(model.modelReset):
        model.update([_summary("A", 1), _summary("A::B"), _summary("C", 4)])
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_counts_on_screen_follow_the_answers(
    qtbot: QtBot, window: MainWindow, col: Collection
) -> None:
    model = window.deck_page.model

    def counts(deck: str) -> tuple[str, str, str]:
        index = model.deck_index(deck)
        return tuple(index.siblingAtColumn(c).data() for c in (1, 2, 3))  # type: ignore[return-value]

    # small_deck.txt: Test has IAM; Test::A has EC2 and S3; Test::B has 2 + 2 cards.
    assert counts("Test") == ("7", "0", "0")
    assert counts("Test::A") == ("2", "0", "0")
    window.deck_page.select_deck("Test::A")
    window.study()
    review = window.review
    qtbot.keyClick(review, Qt.Key.Key_Space)
    qtbot.keyClick(review, Qt.Key.Key_2)  # EC2 wrong: it waits for a re-drill today
    # A re-drill is not a review due: the deck list counts it apart, as the status bar does.
    assert counts("Test::A") == ("1", "1", "0")
    assert counts("Test") == ("6", "1", "0")
    assert "Due today: 0 · re-drills: 1 · new: 6" in window.totals.text()
    qtbot.keyClick(review, Qt.Key.Key_Space)
    qtbot.keyClick(review, Qt.Key.Key_5)  # S3
    assert counts("Test::A") == ("0", "1", "0")


def test_deck_names_are_never_markup() -> None:
    model = DeckTreeModel()
    model.update([_summary('<img src="http://e.com/x.png">덱')])
    index = model.index(0, 0)
    assert index.data() == '<img src="http://e.com/x.png">덱'
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tooltip
    assert "&lt;img src=&quot;http://e.com/x.png&quot;&gt;덱" in tooltip
