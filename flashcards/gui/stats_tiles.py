"""The numbers at the top of the statistics page: today, the streak and the totals.

Three groups of tiles sit side by side when they fit, and otherwise flow onto
more rows (today above the other two, or one group per row), so a large
interface font never needs a sideways scroll bar.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from flashcards.gui.appearance import set_scaled_font

__all__ = ["TILE_KEYS", "Tile", "TileGroups"]

TILE_KEYS = (
    ("today", ("today_cards", "today_answers", "today_time", "today_accuracy")),
    ("streak", ("streak_current", "streak_longest")),
    ("totals", ("cards", "notes", "due_today", "retention")),
)

# Where each group goes (row, column, column span) in each arrangement, widest first.
_ONE_ROW = ((0, 0, 1), (0, 2, 1), (0, 4, 1))
_TWO_ROWS = ((0, 0, 3), (1, 0, 1), (1, 2, 1))
_STACKED = ((0, 0, 1), (1, 0, 1), (2, 0, 1))


@dataclass
class Tile:
    """A number with its caption; `value` is the exact number from the statistics."""

    caption: QLabel
    label: QLabel
    value: object = None

    def show(self, value: object, text: str) -> None:
        self.value = value
        self.label.setText(text)


class TileGroups(QWidget):
    """The tile groups; `tiles` by key and `headings` by group, for the page to fill."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tileGroups")
        self.tiles: dict[str, Tile] = {}
        self.headings: dict[str, QLabel] = {}
        self.groups: list[QWidget] = []
        for group, keys in TILE_KEYS:
            self.groups.append(self._group(group, keys))
        self.separators = [self._separator() for _ in range(2)]
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(18)
        self.arrangement: tuple[tuple[int, int, int], ...] = ()
        self._arrange(_ONE_ROW)

    def _group(self, group: str, keys: tuple[str, ...]) -> QWidget:
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        heading = QLabel(box)
        set_scaled_font(heading, 1.0, bold=True)
        self.headings[group] = heading
        grid.addWidget(heading, 0, 0, 1, len(keys))
        for column, key in enumerate(keys):
            caption, label = QLabel(box), QLabel(box)
            label.setObjectName(f"tile_{key}")
            set_scaled_font(label, 1.5, bold=True)
            grid.addWidget(label, 1, column)
            grid.addWidget(caption, 2, column)
            self.tiles[key] = Tile(caption, label)
        return box

    def _separator(self) -> QFrame:
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.VLine)
        line.setEnabled(False)
        return line

    def _widths(self) -> list[int]:
        return [group.sizeHint().width() for group in self.groups]

    def arrangement_for(self, width: int) -> tuple[tuple[int, int, int], ...]:
        """The widest arrangement of the groups that fits in `width` pixels."""
        today, streak, totals = self._widths()
        gap = 2 * self.grid.horizontalSpacing() + 2  # a separator with space either side
        if today + streak + totals + 2 * gap <= width:
            return _ONE_ROW
        if max(today, streak + totals + gap) <= width:
            return _TWO_ROWS
        return _STACKED

    def _arrange(self, arrangement: tuple[tuple[int, int, int], ...]) -> None:
        if arrangement == self.arrangement:
            return
        for widget in (*self.groups, *self.separators):
            self.grid.removeWidget(widget)
        for group, (row, column, span) in zip(self.groups, arrangement, strict=True):
            self.grid.addWidget(group, row, column, 1, span)
        for index, separator in enumerate(self.separators):
            # A line between two groups that share a row; none where the groups stack.
            left, right = arrangement[index], arrangement[index + 1]
            beside = left[0] == right[0]
            separator.setVisible(beside)
            if beside:
                self.grid.addWidget(separator, left[0], left[1] + 1)
        for column in range(5):
            self.grid.setColumnStretch(column, 0)
        self.grid.setColumnStretch(5, 1)  # left-aligned: the space goes to the right
        self.arrangement = arrangement
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widest group: wider pages arrange the groups side by side."""
        hint = super().minimumSizeHint()
        return QSize(max(self._widths()), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(self.arrangement_for(self.width()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self._arrange(self.arrangement_for(self.width()))
