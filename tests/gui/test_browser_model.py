"""The browser's table model: a correct Qt model that reads rows only a page at a time."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from benchmarks.synthetic import build_flashcards, plan_notes, plan_schedule
from flashcards.core.clock import FixedClock
from flashcards.core.template import card_ordinals
from flashcards.gui.browser_model import COLUMNS, MAX_PAGES, PAGE_SIZE, CardTableModel
from flashcards.gui.browser_window import BrowserWindow
from flashcards.services.browse import SortColumn
from flashcards.services.collection import Collection
from tests.browse_fixture import NOW, build, labels_of

Fixture = tuple[Collection, dict[str, int]]


@pytest.fixture
def fixture(tmp_path: Path) -> Iterator[Fixture]:
    col, ids = build(tmp_path / "data")
    yield col, ids
    col.close()


def test_the_model_passes_qt_model_tester(qtmodeltester: ModelTester, fixture: Fixture) -> None:
    col, _ = fixture
    model = CardTableModel(col)
    model.search("")
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)  # Qt's own tester stays attached while the model changes
    model.search("deck:AWS")
    model.sort(COLUMNS.index(SortColumn.DUE), Qt.SortOrder.DescendingOrder)
    model.refresh()
    model.reload_rows()
    model.search("nothing-matches-this")
    assert model.rowCount() == 0


def test_cells_show_the_service_rows(fixture: Fixture) -> None:
    col, ids = fixture
    model = CardTableModel(col)
    model.search("deck:AWS::EC2 -tag:leech")  # only the EC2 card (스팟 is in a subdeck, so too)
    assert labels_of(model.card_ids, ids) == {"EC2", "스팟"}
    row = model.row_of(ids["EC2"])
    assert row is not None
    cells = [model.index(row, c).data() for c in range(len(COLUMNS))]
    # EC2: review card due T-2 (2026-11-25), interval 17 days, ease 2.70, 3 reps, added 11-01.
    assert cells == [
        "EC2",
        "AWS::EC2",
        "2026-11-25",
        "17 d",
        "2.70",
        "3",
        "0",
        "2026-11-01",
        "aws::ec2 compute",
    ]
    model.search("tag:fruit")  # 사과: new cards (one buried), no interval or ease yet
    buried = model.row_of(ids["사과>"])
    assert buried is not None
    assert model.index(buried, 2).data().startswith("(New #")  # buried: in parentheses
    assert model.index(buried, 3).data() == "(new)"
    assert model.index(buried, 0).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_sorting_asks_the_service(fixture: Fixture) -> None:
    col, ids = fixture
    model = CardTableModel(col)
    model.search("")
    model.sort(COLUMNS.index(SortColumn.REPS), Qt.SortOrder.AscendingOrder)
    order = [labels_of([i], ids).pop() for i in model.card_ids]
    # Reps from the fixture: four new cards have 0, then 서울1 1, S3 2, EC2 3, 스팟 4, 리전 6, SG 9.
    assert set(order[:4]) == {"사과>", "사과<", "서울2", "SQL"}
    assert order[4:] == ["서울1", "S3", "EC2", "스팟", "리전", "SG"]
    model.sort(COLUMNS.index(SortColumn.LAPSES), Qt.SortOrder.DescendingOrder)
    order = [labels_of([i], ids).pop() for i in model.card_ids]
    assert order[:3] == ["SG", "리전", "스팟"]  # 8, 3 and 1 lapses


def _big_collection(path: Path, cards: int) -> Collection:
    """A collection of `cards` cards written in bulk by the benchmark's builder."""
    plans = plan_notes(cards, seed=11)
    col = Collection.open(path, clock=FixedClock(NOW), load_bundled=False)
    today, types = col.today(), {nt.name: nt for nt in col.notetypes()}
    col.close()
    rng = random.Random(5)
    schedules = [
        [plan_schedule(rng, today) for _ in card_ordinals(types[p.notetype], p.fields)]
        for p in plans
    ]
    build_flashcards(path, plans, schedules)
    return Collection.open(path, clock=FixedClock(NOW), load_bundled=False)


def test_rows_of_finds_the_rows_of_cards_the_search_holds(tmp_path: Path) -> None:
    col = _big_collection(tmp_path / "big", 300)
    try:
        model = CardTableModel(col)
        model.search("")
        ids = model.card_ids
        # Rows picked by hand, given out of order, with ids no card has (0, -5).
        picked = [250, 3, 120, 299, 0]
        assert model.rows_of([ids[r] for r in picked] + [0, -5]) == [0, 3, 120, 250, 299]
        many = list(range(0, 300, 7))  # 43 rows: more than are looked up one by one
        assert model.rows_of([ids[r] for r in reversed(many)] + [-1]) == many
        assert model.row_of(ids[42]) == 42
        assert model.row_of(-1) is None
        model.search("deck:AWS")  # a narrower search holds fewer of them
        held = set(model.card_ids)
        outside = next(i for i in ids if i not in held)
        assert model.rows_of([outside]) == []
    finally:
        col.close()


def test_rows_are_read_a_page_at_a_time_and_few_pages_are_kept(
    qtbot: QtBot, tmp_path: Path
) -> None:
    col = _big_collection(tmp_path / "big", 3000)
    window = BrowserWindow(col)
    try:
        window.show()
        qtbot.waitExposed(window)
        model = window.model
        assert model.rowCount() == 3000
        # Painting the first screen needs only the first page of rows.
        qtbot.waitUntil(lambda: model.is_cached(0))
        assert model.cached_pages == 1
        window.table.scrollToBottom()
        qtbot.waitUntil(lambda: model.is_cached(2999))
        assert model.cached_pages <= 2
        last = model.card_ids[2999]
        assert model.index(2999, 0).data() == col.browse_rows([last])[0].sort_field
        # Reading every row reads each page at most once and keeps only MAX_PAGES of them.
        before = model.page_loads
        for row in range(3000):
            model.index(row, 0).data()
        assert model.page_loads - before <= 3000 // PAGE_SIZE
        assert model.cached_pages == MAX_PAGES
        # A header click re-sorts through the service.
        header = window.table.horizontalHeader()
        x = header.sectionViewportPosition(COLUMNS.index(SortColumn.DUE)) + 5
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        assert model.card_ids == col.browse("", SortColumn.DUE).card_ids
    finally:
        window.close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        col.close()
