"""The statistics window shows exactly what `flashcards stats --json` prints, and exports a PNG."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from flashcards.core.clock import FixedClock
from flashcards.gui.appearance import Appearance
from flashcards.gui.charts import BarChart, Series, nice_ceiling
from flashcards.gui.heatmap import CalendarHeatmap, levels
from flashcards.gui.main_window import MainWindow
from flashcards.gui.preferences import Preferences
from flashcards.gui.stats_page import PERIODS, StatsPage
from flashcards.gui.stats_window import StatsWindow
from flashcards.services.collection import Collection
from tests.browse_fixture import NOW, NOW_TEXT, build
from tests.conftest import run_cli

DECKS = (None, "AWS", "한국어")


@pytest.fixture
def data_path(tmp_path: Path) -> Path:
    col, _ = build(tmp_path / "data")
    col.close()
    return tmp_path / "data"


def cli_stats(data_path: Path, deck: str | None) -> dict[str, object]:
    """What `flashcards stats --json [--deck NAME]` prints, from a separate process."""
    args = ["stats", "--json", *(["--deck", deck] if deck else [])]
    result = run_cli(args, data_path, now=NOW_TEXT)
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


@pytest.fixture
def opened(data_path: Path) -> Iterator[Collection]:
    col = Collection.open(data_path, clock=FixedClock(NOW), load_bundled=False)
    yield col
    col.close()


@pytest.fixture
def stats_window(qtbot: QtBot, opened: Collection) -> Iterator[StatsWindow]:
    window = StatsWindow(opened)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _seconds(ms: int) -> str:
    seconds = round(ms / 1000)
    return f"{seconds} s" if seconds < 60 else f"{seconds // 60} min {seconds % 60} s"


def _percent(share: object) -> str:
    return "—" if share is None else f"{float(share) * 100:.1f}%"  # type: ignore[arg-type]


def check_tiles(page: StatsPage, expected: dict[str, object]) -> None:
    today, streak = expected["today"], expected["streak"]
    assert isinstance(today, dict)
    assert isinstance(streak, dict)
    shown = {key: (tile.value, tile.label.text()) for key, tile in page.tiles.items()}
    accuracy = shown["today_accuracy"][0]
    retention = shown["retention"][0]
    assert shown == {
        "today_cards": (today["cards"], str(today["cards"])),
        "today_answers": (today["answers"], str(today["answers"])),
        "today_time": (today["time_ms"], _seconds(today["time_ms"])),
        "today_accuracy": (accuracy, _percent(today["accuracy"])),
        "streak_current": (streak["current"], f"{streak['current']} d"),
        "streak_longest": (streak["longest"], f"{streak['longest']} d"),
        "cards": (expected["cards"], str(expected["cards"])),
        "notes": (expected["notes"], str(expected["notes"])),
        "due_today": (expected["due_today"], str(expected["due_today"])),
        "retention": (retention, _percent(expected["retention"])),
    }
    for value, rounded in ((accuracy, today["accuracy"]), (retention, expected["retention"])):
        assert (value is None and rounded is None) or round(float(value), 4) == rounded  # type: ignore[arg-type]


def _values(chart: BarChart, layer: int = 0) -> list[float]:
    return list(chart.series[layer].values)


def _interval_label(bucket: dict[str, object]) -> str:
    """Bars are labelled by the lower edge of their bucket; the last one has no upper edge."""
    return f"{bucket['from']}+" if bucket["to"] is None else str(bucket["from"])


def check_charts(page: StatsPage, expected: dict[str, object]) -> None:
    heatmap, reviews, forecast = (
        expected["heatmap"],
        expected["reviews_by_day"],
        expected["forecast"],
    )
    assert isinstance(heatmap, dict)
    assert isinstance(reviews, dict)
    assert isinstance(forecast, dict)
    assert page.heatmap.start.isoformat() == heatmap["start"]
    assert list(page.heatmap.values) == heatmap["values"]
    for days in PERIODS:
        page.period_box.setCurrentIndex(PERIODS.index(days))
        layers = [_values(page.reviews_chart, i) for i in range(4)]
        assert layers == [reviews[k][-days:] for k in ("new", "young", "mature", "drills")]
    assert _values(page.forecast_chart) == forecast["values"]
    assert (
        page.overdue_label.text() == f"Overdue now: {forecast['overdue']} (counted in today's bar)."
    )
    states = expected["card_states"]
    assert isinstance(states, dict)
    order = ("new", "learning", "young", "mature", "suspended", "buried")
    assert _values(page.states_chart) == [states[k] for k in order]
    months = expected["retention_by_month"]
    assert isinstance(months, list)
    assert page.retention_chart.categories == tuple(m["month"] for m in months)
    shown = _values(page.retention_chart)
    assert [round(v / 100, 4) for v in shown] == [m["retention"] for m in months]
    for name, chart, mean_label in (
        ("intervals", page.intervals_chart, page.interval_mean),
        ("easiness", page.easiness_chart, page.easiness_mean),
    ):
        histogram = expected[name]
        assert isinstance(histogram, dict)
        assert _values(chart) == [b["cards"] for b in histogram["buckets"]]
        mean = histogram["mean"]
        if name == "intervals":
            labels = [_interval_label(b) for b in histogram["buckets"]]
            text = "—" if mean is None else f"{mean:.1f}"
            assert mean_label.text() == f"Mean: {text} days"
        else:
            labels = [f"{b['from']:.1f}" for b in histogram["buckets"]]
            assert mean_label.text() == f"Mean: {'—' if mean is None else f'{mean:.2f}'}"
        assert list(chart.categories) == labels


def test_the_page_shows_what_the_cli_prints_for_each_deck(qtbot: QtBot, data_path: Path) -> None:
    printed = {deck: cli_stats(data_path, deck) for deck in DECKS}  # before the window locks it
    col = Collection.open(data_path, clock=FixedClock(NOW), load_bundled=False)
    window = StatsWindow(col)
    try:
        window.show()
        for deck in DECKS:
            window.choose_deck(deck)
            assert window.deck() == deck
            expected = printed[deck]
            assert col.statistics(deck).to_dict() == expected
            page = window.page
            assert page.stats is not None
            assert page.stats.deck == deck
            check_tiles(page, expected)
            check_charts(page, expected)
        # The decks differ as tests/browse_fixture.py says, so switching had something to show:
        # AWS holds EC2, 스팟, S3 (young) and SG (mature); 한국어 the two 사과 cards (one
        # buried) and the two 서울 cards (서울1 waiting for its re-drill).
        assert printed["AWS"]["card_states"] == {
            "new": 0, "learning": 0, "young": 3, "mature": 1, "suspended": 0, "buried": 0
        }  # fmt: skip
        assert printed["한국어"]["card_states"] == {
            "new": 2, "learning": 1, "young": 0, "mature": 0, "suspended": 0, "buried": 1
        }  # fmt: skip
        assert printed[None]["reviews_today"] == 2  # 서울1's review and re-drill, today
    finally:
        window.close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        col.close()


def test_export_saves_the_whole_page_as_png(
    qtbot: QtBot, stats_window: StatsWindow, tmp_path: Path
) -> None:
    stats_window.resize(700, 400)  # much of the page is scrolled out of view
    target = tmp_path / "통계.png"
    dialog = stats_window.ask_export()
    assert isinstance(dialog, QFileDialog)
    dialog.selectFile(str(target))
    dialog.accept()
    image = QImage(str(target))
    assert not image.isNull()
    page = stats_window.page
    assert (image.width(), image.height()) == (page.width(), page.height())
    assert image.height() > stats_window.scroller.viewport().height()  # the whole page
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 8  # text and charts, not a blank image
    assert "통계.png" in stats_window.statusBar().currentMessage()


def test_opened_from_the_main_window_for_the_selected_deck(
    window: MainWindow, col: Collection
) -> None:
    window.deck_page.select_deck("Test::A")
    window.actions_by_key["stats"].trigger()
    stats = window.findChild(StatsWindow)
    assert stats is not None
    assert stats.deck() == "Test::A"
    assert stats.page.tiles["cards"].value == col.statistics("Test::A").totals.cards
    stats.choose_deck(None)
    assert stats.page.tiles["cards"].value == col.statistics().totals.cards == 7
    stats.close()


def test_korean_labels(
    qtbot: QtBot, stats_window: StatsWindow, prefs: Preferences, appearance: Appearance
) -> None:
    prefs.language = "ko"
    appearance.apply()
    qtbot.waitUntil(lambda: stats_window.windowTitle() == "통계")
    page = stats_window.page
    assert page.tiles["today_cards"].caption.text() == "공부한 카드"
    assert stats_window.export_button.text() == "PNG로 내보내기…"
    assert page.tiles["streak_current"].label.text().endswith("일")
    assert page.heatmap.month_names[0] == "1월"
    assert page.forecast_chart.x_title == "오늘부터 며칠 뒤"


# -- the chart widgets ------------------------------------------------------------------------


def test_axis_maxima_are_round_and_cover_the_data() -> None:
    assert [nice_ceiling(v) for v in (0, 1, 7, 37, 250, 1000)] == [4, 4, 8, 40, 320, 1000]
    assert nice_ceiling(2.7, whole=False) == 3.2


def test_heatmap_levels_are_quarters_of_the_busiest_day() -> None:
    assert levels([0, 1, 2, 3, 4, 8, 0]) == [0, 1, 1, 2, 2, 4, 0]
    assert levels([0, 0]) == [0, 0]


def test_hovering_shows_the_value(qtbot: QtBot) -> None:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(400, 220)
    chart.set_data(["a", "b"], [Series("Cards", (3.0, 5.0), chart.palette().text().color())])
    second = chart.bar_at(QPoint(chart.width() - 20, chart.height() // 2))
    assert second == 1
    assert chart.tooltip_text(1) == "b\nCards: 5"
    heatmap = CalendarHeatmap()
    qtbot.addWidget(heatmap)
    heatmap.resize(heatmap.sizeHint())
    heatmap.set_data(date(2026, 11, 1), [0, 4, 9])  # a Sunday: the first column, top row
    cell = heatmap.cell_size()
    origin = heatmap.origin()
    assert heatmap.day_at(QPoint(origin.x() + 2, origin.y() + cell + 2)) == 1
    assert heatmap.day_at(QPoint(origin.x() + cell + 2, origin.y() + 2)) is None


def test_every_card_state_is_named_under_its_bar(stats_window: StatsWindow) -> None:
    """Six state names do not fit side by side at the page's width in English: they
    take two alternating rows rather than leaving every other bar unnamed."""
    chart = stats_window.page.states_chart
    names = list(chart.categories)
    assert len(names) == 6
    for width in (chart.width(), 320):
        chart.resize(width, chart.height())
        labels = chart.x_labels()
        assert [text for text, _ in labels] == names  # all of them, none elided
        rects = [rect for _, rect in labels]
        assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    days = BarChart()
    days.resize(200, 220)
    days.set_data([str(d) for d in range(30)], [Series("Cards", (1.0,) * 30, QColor("blue"))])
    assert 1 < len(days.x_labels()) < 30  # days still show every n-th label


def test_an_empty_chart_says_why_and_a_drawn_one_does_not(qtbot: QtBot) -> None:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(400, 240)
    chart.show()
    blank = chart.grab().toImage()
    chart.empty_text = "No reviews yet"
    assert chart.grab().toImage() != blank
    chart.set_data(["2026-11"], [Series("Retention", (80.0,), QColor("#0072b2"))])
    drawn = chart.grab().toImage()
    chart.empty_text = ""
    assert chart.grab().toImage() == drawn
