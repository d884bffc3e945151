"""The statistics page: numbers and charts drawn from one `Statistics` value.

Everything shown comes straight from `Collection.statistics(deck)` (the same
object `flashcards stats --json` prints); this module only lays it out and
words it. The page is one widget, so it can be saved as a PNG whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from flashcards.core.clock import day_to_date
from flashcards.core.stats import Bucket
from flashcards.gui.appearance import set_scaled_font
from flashcards.gui.charts import OKABE_ITO, BarChart, Series
from flashcards.gui.heatmap import CalendarHeatmap
from flashcards.gui.labels import duration_text, percent_text
from flashcards.gui.stats_tiles import Tile, TileGroups
from flashcards.services.stats import Statistics

__all__ = ["PERIODS", "StatsPage", "Tile", "percent_text"]

PERIODS = (30, 90, 365)
"""Review-count chart periods (days) the page offers."""


class StatsPage(QWidget):
    """Today, streak, totals, and seven charts for one Statistics."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsPage")
        self.setAutoFillBackground(True)
        self.stats: Statistics | None = None
        self._headings: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.title = QLabel(self)
        self.title.setObjectName("statsTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # deck names are data
        layout.addWidget(self.title)
        self.tile_groups = TileGroups(self)
        self.tiles: dict[str, Tile] = self.tile_groups.tiles
        self._headings.update(self.tile_groups.headings)
        layout.addWidget(self.tile_groups)
        self.heatmap = CalendarHeatmap(self)
        self.reviews_chart = BarChart(self)
        self.period_box = QComboBox(self)
        self.period_box.setObjectName("periodBox")
        for days in PERIODS:
            self.period_box.addItem("", days)
        self.period_box.currentIndexChanged.connect(self._show_reviews)
        self.forecast_chart = BarChart(self)
        self.overdue_label = QLabel(self)
        self.states_chart = BarChart(self)
        self.states_chart.every_label = True  # six states, each needs its name
        self.retention_chart = BarChart(self)
        self.retention_chart.y_max = 100.0
        self.retention_chart.whole = False
        self.retention_chart.value_text = lambda v: f"{v:.0f}%"
        self.intervals_chart = BarChart(self)
        self.interval_mean = QLabel(self)
        self.easiness_chart = BarChart(self)
        self.easiness_mean = QLabel(self)
        layout.addLayout(self._section("heatmap", self.heatmap))
        layout.addLayout(self._section("reviews", self.reviews_chart, self.period_box))
        layout.addLayout(self._section("forecast", self.forecast_chart, self.overdue_label))
        pairs = (
            (("states", self.states_chart, None), ("retention", self.retention_chart, None)),
            (
                ("intervals", self.intervals_chart, self.interval_mean),
                ("easiness", self.easiness_chart, self.easiness_mean),
            ),
        )
        for pair in pairs:
            row = QHBoxLayout()
            row.setSpacing(24)
            for key, chart, extra in pair:
                row.addLayout(self._section(key, chart, extra), 1)
            layout.addLayout(row)
        layout.addStretch(1)
        self._retranslate()

    # -- building -----------------------------------------------------------------------

    def _section(self, key: str, chart: QWidget, extra: QWidget | None = None) -> QVBoxLayout:
        heading = QLabel(self)
        set_scaled_font(heading, 1.1, bold=True)
        self._headings[key] = heading
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        if isinstance(extra, QComboBox):
            top.addWidget(extra)
        section = QVBoxLayout()
        section.setSpacing(4)
        section.addLayout(top)
        section.addWidget(chart)
        if isinstance(extra, QLabel):
            section.addWidget(extra)
        return section

    # -- showing ----------------------------------------------------------------------

    def show_stats(self, stats: Statistics) -> None:
        """Show every number and chart of `stats`."""
        self.stats = stats
        self._show_texts()
        self.heatmap.set_data(day_to_date(stats.heatmap.start), stats.heatmap.values)
        self._show_reviews()
        self._show_forecast()
        self._show_states()
        self._show_retention()
        self._show_histograms()

    def _show_texts(self) -> None:
        stats = self.stats
        assert stats is not None
        deck = stats.deck or self.tr("the whole collection")
        date = day_to_date(stats.today).isoformat()
        self.title.setText(
            self.tr("Statistics for %1 — %2").replace("%1", deck).replace("%2", date)
        )
        set_scaled_font(self.title, 1.3, bold=True)
        today, streak, totals = stats.studied_today, stats.streak, stats.totals
        tiles = self.tiles
        tiles["today_cards"].show(today.cards, f"{today.cards:,}")
        tiles["today_answers"].show(today.answers, f"{today.answers:,}")
        tiles["today_time"].show(today.time_ms, duration_text(today.time_ms))
        tiles["today_accuracy"].show(today.accuracy, percent_text(today.accuracy))
        days = self.tr("%1 d")
        tiles["streak_current"].show(streak.current, days.replace("%1", str(streak.current)))
        tiles["streak_longest"].show(streak.longest, days.replace("%1", str(streak.longest)))
        tiles["cards"].show(totals.cards, f"{totals.cards:,}")
        tiles["notes"].show(totals.notes, f"{totals.notes:,}")
        tiles["due_today"].show(totals.due_today, f"{totals.due_today:,}")
        tiles["retention"].show(totals.retention, percent_text(totals.retention))

    def period(self) -> int:
        return int(self.period_box.currentData())

    def _show_reviews(self) -> None:
        if self.stats is None:
            return
        series, days = self.stats.reviews, self.period()
        start = series.start + len(series.new) - days
        dates = [day_to_date(start + i) for i in range(days)]
        parts = (
            (self.tr("New"), series.new, OKABE_ITO["sky"]),
            (self.tr("Young"), series.young, OKABE_ITO["green"]),
            (self.tr("Mature"), series.mature, OKABE_ITO["blue"]),
            (self.tr("Re-drills"), series.drills, OKABE_ITO["orange"]),
        )
        layers = [Series(name, tuple(values[-days:]), colour) for name, values, colour in parts]
        times = series.time_ms[-days:]

        def tooltip(i: int) -> str:
            lines = [dates[i].isoformat()]
            lines += [f"{s.name}: {s.values[i]:.0f}" for s in layers]
            total = self.tr("Total: %1 · %2").replace(
                "%1", f"{sum(s.values[i] for s in layers):.0f}"
            )
            return "\n".join([*lines, total.replace("%2", duration_text(times[i]))])

        labels = [f"{d.month}/{d.day}" for d in dates]
        self.reviews_chart.set_data(labels, layers, tooltip=tooltip)

    def _show_forecast(self) -> None:
        stats = self.stats
        assert stats is not None
        values = stats.forecast.values
        start = day_to_date(stats.forecast.start)
        labels = [self.tr("today") if i == 0 else f"+{i}" for i in range(len(values))]

        def tooltip(i: int) -> str:
            day = (start + timedelta(days=i)).isoformat()
            return self.tr("%1: %2 cards due").replace("%1", day).replace("%2", str(values[i]))

        series = Series(self.tr("Due"), tuple(float(v) for v in values), OKABE_ITO["sky"])
        self.forecast_chart.set_data(labels, [series], tooltip=tooltip)
        text = self.tr("Overdue now: %1 (counted in today's bar).")
        self.overdue_label.setText(text.replace("%1", str(stats.overdue)))

    def _state_names(self) -> dict[str, str]:
        return {
            "new": self.tr("New"),
            "learning": self.tr("Re-drill"),
            "young": self.tr("Young"),
            "mature": self.tr("Mature"),
            "suspended": self.tr("Suspended"),
            "buried": self.tr("Buried"),
        }

    def _show_states(self) -> None:
        assert self.stats is not None
        counts = self.stats.states.to_dict()
        names = self._state_names()
        colours = [OKABE_ITO[c] for c in ("sky", "orange", "green", "blue", "yellow", "vermillion")]
        values = tuple(float(counts[key]) for key in names)
        total = max(1, sum(values))

        def tooltip(i: int) -> str:
            share = percent_text(values[i] / total)
            return f"{list(names.values())[i]}: {values[i]:.0f} ({share})"

        series = Series(self.tr("Cards"), values, OKABE_ITO["sky"])
        self.states_chart.set_data(list(names.values()), [series], colours=colours, tooltip=tooltip)

    def _show_retention(self) -> None:
        assert self.stats is not None
        months = self.stats.retention_by_month
        values = tuple(m.retention * 100 for m in months)

        def tooltip(i: int) -> str:
            m = months[i]
            text = self.tr("%1: %2 (%3 of %4 reviews passed)")
            for number, value in enumerate(
                (m.month, percent_text(m.retention), m.passed, m.reviews), start=1
            ):
                text = text.replace(f"%{number}", str(value))
            return text

        series = Series(self.tr("Retention"), values, OKABE_ITO["blue"])
        self.retention_chart.set_data([m.month for m in months], [series], tooltip=tooltip)

    def _show_histograms(self) -> None:
        stats = self.stats
        assert stats is not None
        self._histogram(self.intervals_chart, stats.intervals, _interval_range, "green")
        self._histogram(self.easiness_chart, stats.easiness, lambda b: f"{b.low:.1f}", "purple")
        mean = self.tr("Mean: %1")
        interval = "—" if stats.mean_interval is None else f"{stats.mean_interval:.1f}"
        easiness = "—" if stats.mean_easiness is None else f"{stats.mean_easiness:.2f}"
        self.interval_mean.setText(mean.replace("%1", self.tr("%1 days").replace("%1", interval)))
        self.easiness_mean.setText(mean.replace("%1", easiness))

    def _histogram(
        self,
        chart: BarChart,
        buckets: Sequence[Bucket],
        describe: Callable[[Bucket], str],
        colour: str,
    ) -> None:
        """Bars labelled by their lower edge; the tooltip names the whole range."""
        labels = [describe(b) for b in buckets]
        values = tuple(float(b.cards) for b in buckets)
        cards = self.tr("%1: %2 cards")

        def tooltip(i: int) -> str:
            return cards.replace("%1", labels[i]).replace("%2", f"{values[i]:.0f}")

        series = Series(self.tr("Cards"), values, OKABE_ITO[colour])
        edges = [labels[i].split("–")[0] for i in range(len(buckets))]
        chart.set_data(edges, [series], tooltip=tooltip)

    # -- texts --------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        headings = {
            "today": self.tr("Today"),
            "streak": self.tr("Study streak"),
            "totals": self.tr("Cards"),
            "heatmap": self.tr("Answers per day over the past year"),
            "reviews": self.tr("Answers per day"),
            "forecast": self.tr("Due in the next 30 days"),
            "states": self.tr("Cards by state"),
            "retention": self.tr("True retention by month"),
            "intervals": self.tr("Review intervals"),
            "easiness": self.tr("Easiness (SM-2 E-factor)"),
        }
        for key, text in headings.items():
            self._headings[key].setText(text)
        captions = {
            "today_cards": self.tr("cards studied"),
            "today_answers": self.tr("answers"),
            "today_time": self.tr("study time"),
            "today_accuracy": self.tr("correct (grade 3+)"),
            "streak_current": self.tr("current"),
            "streak_longest": self.tr("longest"),
            "cards": self.tr("cards"),
            "notes": self.tr("notes"),
            "due_today": self.tr("due today"),
            "retention": self.tr("retention, all time"),
        }
        for key, text in captions.items():
            self.tiles[key].caption.setText(text)
        for row, days in enumerate(PERIODS):
            text = self.tr("Past year") if days == 365 else self.tr("Past %1 days")
            self.period_box.setItemText(row, text.replace("%1", str(days)))
        self._chart_titles()
        self.heatmap.month_names = self.tr(
            "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"
        ).split()
        self.heatmap.weekday_names = (
            "",
            self.tr("Mon"),
            "",
            self.tr("Wed"),
            "",
            self.tr("Fri"),
            "",
        )
        self.heatmap.legend = (self.tr("Less"), self.tr("More"))
        answers = self.tr("%1: %2 answers")
        self.heatmap.tooltip = lambda day, n: answers.replace("%1", day.isoformat()).replace(
            "%2", str(n)
        )
        if self.stats is not None:
            self.show_stats(self.stats)

    def _chart_titles(self) -> None:
        day, cards, answers = self.tr("Day"), self.tr("Cards"), self.tr("Answers")
        titles = (
            (self.reviews_chart, day, answers),
            (self.forecast_chart, self.tr("Days from today"), cards),
            (self.states_chart, self.tr("State"), cards),
            (self.retention_chart, self.tr("Month"), self.tr("Passed (%)")),
            (self.intervals_chart, self.tr("Interval (days)"), cards),
            (self.easiness_chart, self.tr("E-factor"), cards),
        )
        for chart, x_title, y_title in titles:
            chart.x_title, chart.y_title = x_title, y_title
            chart.update()
        self.retention_chart.empty_text = self.tr(
            "No reviews yet: a month shows once cards come back for review."
        )


def _interval_range(bucket: Bucket) -> str:
    """'14–20' for the bucket [14, 21); '365+' for the last one."""
    low = int(bucket.low)
    if bucket.high is None:
        return f"{low}+"
    high = int(bucket.high) - 1
    return str(low) if high == low else f"{low}–{high}"
