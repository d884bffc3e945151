"""Small charts painted with QPainter: a (stacked) bar chart; heatmap.py has the calendar.

Why QPainter and not QtCharts: QtCharts is only in PySide6-Addons, which adds
some 200+ MB to the ~300 MB PySide6-Essentials install for a handful of plain
charts. QPainter is already here (QtGui), and a bar chart with axes, a legend
and tooltips is a page of code. Colours come from the Okabe–Ito palette, which
stays distinguishable with every common colour-vision deficiency; text, axes
and grid lines take the widget palette's colours, so dark mode reads well.
Every bar shows its exact values in a tooltip.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

__all__ = ["OKABE_ITO", "BarChart", "Series", "nice_ceiling", "text_colour"]

OKABE_ITO = {
    "orange": QColor("#E69F00"),
    "sky": QColor("#56B4E9"),
    "green": QColor("#009E73"),
    "yellow": QColor("#F0E442"),
    "blue": QColor("#0072B2"),
    "vermillion": QColor("#D55E00"),
    "purple": QColor("#CC79A7"),
    "grey": QColor("#999999"),
}
"""Okabe & Ito (2008), 'Color Universal Design': safe for colour-blind readers."""


@dataclass(frozen=True)
class Series:
    """One stacked layer of bars: a name for the legend, a value per category, a colour."""

    name: str
    values: tuple[float, ...]
    colour: QColor


def nice_ceiling(value: float, *, whole: bool = True) -> float:
    """An axis maximum ≥ value, 4 × a round step (1, 2, 2.5, 3, 4, 5, 6, 8 × 10^k).

    With `whole`, the step is a whole number, so tick labels are counts.
    """
    if value <= 0:
        return 4.0 if whole else 1.0
    quarter = value / 4
    power = 10.0 ** math.floor(math.log10(quarter))
    for factor in (1, 2, 2.5, 3, 4, 5, 6, 8, 10):
        step = factor * power
        if step >= quarter and (not whole or (step >= 1 and step == int(step))):
            return 4 * step
    return 4 * max(1.0, math.ceil(quarter))


def text_colour(widget: QWidget, alpha: int = 255) -> QColor:
    colour = QColor(widget.palette().color(QPalette.ColorRole.WindowText))
    colour.setAlpha(alpha)
    return colour


class BarChart(QWidget):
    """Bars per category, stacked by series, with a y axis, axis titles and a legend.

    `tooltip(i)` gives the text for bar i (default: category and each series' value).
    `colours` (one per category) colour a one-series chart bar by bar.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.categories: tuple[str, ...] = ()
        self.series: tuple[Series, ...] = ()
        self.colours: tuple[QColor, ...] = ()
        self.x_title = ""
        self.y_title = ""
        self.y_max: float | None = None  # fixed axis maximum (e.g. 100 for percentages)
        self.whole = True  # counts: tick labels are whole numbers
        self.value_text: Callable[[float], str] = _number
        self.tooltip: Callable[[int], str] | None = None
        self.every_label = False  # categories (not days): all labels, on two rows if need be
        self.empty_text = ""  # said in the plot when there is nothing to draw

    def set_data(
        self,
        categories: Sequence[str],
        series: Sequence[Series],
        *,
        colours: Sequence[QColor] = (),
        tooltip: Callable[[int], str] | None = None,
    ) -> None:
        self.categories = tuple(categories)
        self.series = tuple(series)
        self.colours = tuple(colours)
        self.tooltip = tooltip
        self.update()

    def totals(self) -> list[float]:
        return [sum(s.values[i] for s in self.series) for i in range(len(self.categories))]

    # -- geometry -----------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        """200 pixels high at the usual font; taller with a larger one, so labels never meet."""
        return QSize(400, max(200, 12 * self.fontMetrics().height()))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def _axis_max(self) -> float:
        if self.y_max is not None:
            return self.y_max
        return nice_ceiling(max(self.totals(), default=0.0), whole=self.whole)

    def _plot_rect(self) -> QRect:
        metrics = self.fontMetrics()
        line = metrics.height()
        ticks = [self.value_text(self._axis_max() * i / 4) for i in range(5)]
        left = max(metrics.horizontalAdvance(t) for t in ticks) + 10
        top = line + line // 2 + 14  # the y-axis title and the legend sit above the plot
        bottom = 2 * line + 20 + (line + 4 if self._staggered(self.width() - left - 12) else 0)
        return self.rect().adjusted(left, top, -12, -bottom)

    def _widest_label(self) -> int:
        metrics = self.fontMetrics()
        return max((metrics.horizontalAdvance(c) for c in self.categories), default=0) + 6

    def _staggered(self, plot_width: float) -> bool:
        """Whether every label is shown on two alternating rows (they do not fit on one)."""
        count = len(self.categories)
        return self.every_label and count > 1 and self._widest_label() > plot_width / count

    def bar_at(self, pos: QPoint) -> int | None:
        """The category under a point, if any."""
        plot = self._plot_rect()
        if not self.categories or not plot.contains(pos):
            return None
        index = int((pos.x() - plot.left()) * len(self.categories) / max(1, plot.width()))
        return min(index, len(self.categories) - 1)

    # -- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        plot = self._plot_rect()
        if plot.width() < 10 or plot.height() < 10:
            return
        self._paint_grid(painter, plot)
        if self.empty_text and not any(self.totals()):
            painter.setPen(text_colour(self, 160))
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(plot, int(flags), self.empty_text)
        self._paint_bars(painter, plot)
        self._paint_x_labels(painter)
        self._paint_titles(painter, plot)
        if len(self.series) > 1:
            self._paint_legend(painter)
        painter.end()

    def _paint_grid(self, painter: QPainter, plot: QRect) -> None:
        top = self._axis_max()
        line = self.fontMetrics().height()
        for i in range(5):
            y = plot.bottom() - round(plot.height() * i / 4)
            painter.setPen(QPen(text_colour(self, 40 if i else 140), 1))
            painter.drawLine(plot.left(), y, plot.right(), y)
            painter.setPen(text_colour(self, 200))
            label = QRect(0, y - line // 2, plot.left() - 6, line)
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(label, align, self.value_text(top * i / 4))

    def _paint_bars(self, painter: QPainter, plot: QRect) -> None:
        count = len(self.categories)
        if not count:
            return
        top = self._axis_max()
        slot = plot.width() / count
        width = max(1.0, slot * 0.78)
        for i in range(count):
            x = plot.left() + i * slot + (slot - width) / 2
            base = float(plot.bottom())
            for layer, series in enumerate(self.series):
                value = series.values[i]
                if value <= 0:
                    continue
                height = plot.height() * min(value, top) / top
                colour = self.colours[i] if self.colours and layer == 0 else series.colour
                painter.fillRect(QRectF(x, base - height, width, height), colour)
                base -= height

    def _paint_x_labels(self, painter: QPainter) -> None:
        """Category labels under the bars: every n-th one when they would not fit, or
        with `every_label`, each of them on one of two alternating rows."""
        painter.setPen(text_colour(self, 200))
        for text, rect in self.x_labels():
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter, text)

    def x_labels(self) -> list[tuple[str, QRectF]]:
        """The category labels drawn under the bars, as shown (elided), and where."""
        count = len(self.categories)
        if not count:
            return []
        plot = self._plot_rect()
        metrics = self.fontMetrics()
        slot = plot.width() / count
        widest = self._widest_label()
        staggered = self._staggered(plot.width())
        every = 1 if staggered else max(1, math.ceil(widest / slot))
        width = min(widest, (2 if staggered else every) * slot)
        labels = []
        for i in range(0, count, every):
            centre = plot.left() + (i + 0.5) * slot
            top = plot.bottom() + 4 + (metrics.height() + 4 if staggered and i % 2 else 0)
            text = metrics.elidedText(self.categories[i], Qt.TextElideMode.ElideRight, int(width))
            labels.append((text, QRectF(centre - width / 2, top, width, metrics.height() + 4)))
        return labels

    def _paint_titles(self, painter: QPainter, plot: QRect) -> None:
        """The x-axis title under the labels; the y-axis title above the axis, unrotated
        (Hangul turned on its side is hard to read)."""
        line = self.fontMetrics().height()
        painter.setPen(text_colour(self))
        second_row = line + 4 if self._staggered(plot.width()) else 0
        below = QRect(plot.left(), plot.bottom() + line + 10 + second_row, plot.width(), line + 6)
        painter.drawText(below, Qt.AlignmentFlag.AlignHCenter, self.x_title)
        above = QRect(0, 0, plot.width() // 2, line + 4)
        painter.drawText(
            above, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.y_title
        )

    def _paint_legend(self, painter: QPainter) -> None:
        metrics = self.fontMetrics()
        box = metrics.height() - 4
        x = self.width() - 12
        for series in reversed(self.series):
            width = metrics.horizontalAdvance(series.name)
            x -= width
            painter.setPen(text_colour(self))
            painter.drawText(x, metrics.ascent() + 2, series.name)
            x -= box + 4
            painter.fillRect(x, 4, box, box, series.colour)
            x -= 14

    # -- tooltips ---------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.bar_at(event.pos())
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_text(index), self)
            return True
        return super().event(event)

    def tooltip_text(self, index: int) -> str:
        """What hovering over bar `index` shows."""
        if self.tooltip is not None:
            return self.tooltip(index)
        lines = [self.categories[index]]
        lines += [f"{s.name}: {self.value_text(s.values[index])}" for s in self.series]
        return "\n".join(lines)


def _number(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"
