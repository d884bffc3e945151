"""A year of study days as a calendar grid (GitHub style): one square per day, by week.

Columns are weeks (Sunday at the top), darker squares mean more answers. The
shades are one hue (blue) in steps of lightness, which colour-blind readers
see as well as anyone; in dark mode the scale runs the other way (busier days
brighter). Hovering a day shows its date and count.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from flashcards.gui.appearance import is_dark
from flashcards.gui.charts import text_colour

__all__ = ["CalendarHeatmap", "levels"]

_LIGHT = ("#d8dce2", "#c6dbef", "#6baed6", "#2171b5", "#08306b")
_DARK = ("#45454b", "#1d4f7a", "#2f7fc1", "#6cb4ee", "#c4e4ff")


def levels(values: Sequence[int]) -> list[int]:
    """Each day's shade, 0 (nothing) to 4: quarters of the busiest day."""
    top = max(values, default=0)
    if top <= 0:
        return [0 for _ in values]
    return [0 if v <= 0 else min(4, math.ceil(4 * v / top)) for v in values]


_NO_CLIP = int(Qt.TextFlag.TextDontClip)


class CalendarHeatmap(QWidget):
    """Answers per day from `start`, one square per day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.start = date(2000, 1, 1)
        self.values: tuple[int, ...] = ()
        self.month_names: Sequence[str] = tuple(str(m) for m in range(1, 13))
        self.weekday_names: Sequence[str] = ("", "Mon", "", "Wed", "", "Fri", "")
        self.legend = ("Less", "More")
        self.tooltip: Callable[[date, int], str] = lambda day, n: f"{day.isoformat()}: {n}"

    def set_data(self, start: date, values: Sequence[int]) -> None:
        self.start, self.values = start, tuple(values)
        self.updateGeometry()
        self.update()

    # -- geometry -----------------------------------------------------------------------

    def _lead(self) -> int:
        """Empty cells before the first day in its week (weeks start on Sunday)."""
        return (self.start.weekday() + 1) % 7

    def _weeks(self) -> int:
        return max(1, math.ceil((self._lead() + len(self.values)) / 7))

    def _left(self) -> int:
        metrics = self.fontMetrics()
        return max((metrics.horizontalAdvance(n) for n in self.weekday_names), default=0) + 8

    def cell_size(self) -> int:
        space = self.width() - self._left() - 8
        return max(6, min(14, space // self._weeks()))

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(self._left() + 53 * 14 + 8, line + 4 + 7 * 14 + line + 16)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._left() + 53 * 8, self.sizeHint().height())

    def origin(self) -> QPoint:
        return QPoint(self._left(), self.fontMetrics().height() + 4)

    def day_at(self, pos: QPoint) -> int | None:
        """The index of the day under a point, if any."""
        cell, origin = self.cell_size(), self.origin()
        column = (pos.x() - origin.x()) // cell
        row = (pos.y() - origin.y()) // cell
        if not (0 <= row < 7 and 0 <= column < self._weeks()) or pos.x() < origin.x():
            return None
        index = column * 7 + row - self._lead()
        return index if 0 <= index < len(self.values) else None

    # -- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        shades = [QColor(c) for c in (_DARK if is_dark(self) else _LIGHT)]
        cell, origin = self.cell_size(), self.origin()
        gap = 2 if cell >= 9 else 1
        for index, level in enumerate(levels(self.values)):
            slot = index + self._lead()
            x = origin.x() + (slot // 7) * cell
            y = origin.y() + (slot % 7) * cell
            painter.fillRect(QRectF(x, y, cell - gap, cell - gap), shades[level])
        painter.setPen(text_colour(self, 200))
        self._paint_labels(painter, cell, origin)
        self._paint_legend(painter, shades, cell, origin)
        painter.end()

    def _paint_labels(self, painter: QPainter, cell: int, origin: QPoint) -> None:
        line = self.fontMetrics().height()
        for row, name in enumerate(self.weekday_names):
            if name:
                # A whole line high, centred on its row: with a large font a label is
                # taller than a cell, and spills into the unlabelled rows beside it.
                middle = origin.y() + row * cell + cell // 2
                rect = QRect(0, middle - line // 2, self._left() - 6, line)
                align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                painter.drawText(rect, int(align) | _NO_CLIP, name)
        last_x = -1000
        for index in range(len(self.values)):
            day = self.start + timedelta(days=index)
            if day.day != 1 and index != 0:
                continue
            x = origin.x() + ((index + self._lead()) // 7) * cell
            name = self.month_names[day.month - 1]
            if x - last_x > self.fontMetrics().horizontalAdvance(name) + 6:
                painter.drawText(QRect(x, 0, 80, line), _NO_CLIP, name)
                last_x = x

    def _paint_legend(
        self, painter: QPainter, shades: list[QColor], cell: int, origin: QPoint
    ) -> None:
        metrics = self.fontMetrics()
        y = origin.y() + 7 * cell + 6
        right = origin.x() + self._weeks() * cell
        more = metrics.horizontalAdvance(self.legend[1])
        x = right - more
        # TextDontClip: a Hangul fallback glyph can stand taller than the font's own line.
        painter.drawText(QRect(x, y, more, metrics.height()), _NO_CLIP, self.legend[1])
        size = min(cell, metrics.height()) - 2
        for shade in reversed(shades):
            x -= size + 3
            painter.fillRect(QRectF(x, y + (metrics.height() - size) / 2, size, size), shade)
        less = metrics.horizontalAdvance(self.legend[0])
        x -= less + 6
        painter.drawText(QRect(x, y, less, metrics.height()), _NO_CLIP, self.legend[0])

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.day_at(event.pos())
            if index is None:
                QToolTip.hideText()
            else:
                day = self.start + timedelta(days=index)
                QToolTip.showText(event.globalPos(), self.tooltip(day, self.values[index]), self)
            return True
        return super().event(event)
