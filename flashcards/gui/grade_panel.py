"""The six grade buttons, in as many columns (3, 2 or 1) as their text allows.

With a large interface font the buttons' text ("3 — correct, hard · 1 d +
again today") no longer fits three to a row; rather than forcing the window
wider than the screen, the buttons flow into two columns. Where even two do
not fit, the buttons drop the grade's meaning ("3 · 1 d + again today"; the
tooltip keeps it) before they go one to a row, which would leave the card
little room in a small window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

__all__ = ["GradePanel"]

GRADES = range(6)


class GradePanel(QWidget):
    """Grade buttons 0–5; `graded(grade)` when one is clicked."""

    graded = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradePanel")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QPushButton] = []
        for grade in GRADES:
            button = QPushButton(self)
            button.setObjectName(f"grade{grade}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _=False, g=grade: self.graded.emit(g))
            self.buttons.append(button)
        self.columns = 0
        self._texts: list[list[str]] = []
        self.short = False
        self._place(3)

    def set_texts(self, full: list[str], short: list[str]) -> None:
        """Each button's text, and a shorter one for when the full ones crowd the row."""
        self._texts = [full, short]
        self.relayout()

    def _widest(self, texts: list[str] | None = None) -> int:
        """The widest button, with `texts` instead of the buttons' own."""
        if texts is None:
            return max(button.sizeHint().width() for button in self.buttons)
        widths = []
        for button, text in zip(self.buttons, texts, strict=True):
            metrics = button.fontMetrics()
            padding = button.sizeHint().width() - metrics.horizontalAdvance(button.text())
            widths.append(padding + metrics.horizontalAdvance(text))
        return max(widths)

    def columns_for(self, width: int, texts: list[str] | None = None) -> int:
        """How many columns of buttons fit in `width` pixels (at least one)."""
        widest, spacing = self._widest(texts), max(0, self.grid.horizontalSpacing())
        for columns in (3, 2):
            if columns * widest + (columns - 1) * spacing <= width:
                return columns
        return 1

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        for button in self.buttons:
            self.grid.removeWidget(button)
        for grade, button in enumerate(self.buttons):
            self.grid.addWidget(button, grade // columns, grade % columns)
        for column in range(3):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self.columns = columns
        self.updateGeometry()  # taller or shorter now

    def relayout(self) -> None:
        """Place the buttons again for the current width (after their text changed)."""
        width = self.width()
        if self._texts:
            full, short = self._texts
            self.short = self.columns_for(width, full) == 1
            for button, text in zip(self.buttons, short if self.short else full, strict=True):
                button.setText(text)
        self._place(self.columns_for(width))

    def minimumSizeHint(self) -> QSize:
        """One column of the short texts: narrower windows reflow the buttons instead of
        growing."""
        rows = len(self.buttons) // self.columns_for(self.width())
        height = max(b.minimumSizeHint().height() for b in self.buttons)
        spacing = max(0, self.grid.verticalSpacing())
        widest = self._widest(self._texts[1] if self._texts else None)
        return QSize(widest, rows * height + (rows - 1) * spacing)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.relayout()
            self.updateGeometry()
