"""The end of a study session: answers, accuracy, time, what is left, and what is due tomorrow.

It says whether today's study is done or was stopped early (Esc) with cards
still waiting, and counts answers (a re-drilled card is answered again), with
the accuracy rounded as the statistics page rounds it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flashcards.gui.appearance import set_scaled_font
from flashcards.gui.labels import (
    answers_text,
    count_text,
    duration_text,
    grade_short,
    percent_text,
)
from flashcards.services.study import SessionSummary

__all__ = ["SummaryPage"]


class SummaryPage(QWidget):
    """Shows a SessionSummary. Enter, Esc or the button go back to the deck list."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPage")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._summary: SessionSummary | None = None
        self._left = 0
        self.headline = QLabel(self)
        self.headline.setObjectName("summaryHeadline")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        keys = ("answers", "accuracy", "time", "grades", "left", "due")
        self.values = {key: QLabel(self) for key in keys}
        self.captions = {key: QLabel(self) for key in self.values}
        for key, value in self.values.items():
            value.setObjectName(f"summary_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(self.captions[key], value)
        self.apply_fonts()
        self.back_button = QPushButton(self)
        self.back_button.setDefault(True)
        self.back_button.clicked.connect(self.back_requested)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.back_button)
        row.addStretch()
        center = QHBoxLayout()
        center.addStretch()
        center.addLayout(self.form)
        center.addStretch()
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(self.headline)
        layout.addSpacing(16)
        layout.addLayout(center)
        layout.addSpacing(16)
        layout.addLayout(row)
        layout.addStretch(2)
        self._retranslate()

    def show_summary(self, summary: SessionSummary, left: int = 0) -> None:
        """Show a session's summary; `left` cards still wait today (0: today's study is done)."""
        self._summary = summary
        self._left = left
        self._retranslate()

    def apply_fonts(self) -> None:
        """Size the headline and the figures from the interface font (after it changes)."""
        set_scaled_font(self.headline, 1.6, bold=True)
        for key, value in self.values.items():
            set_scaled_font(value, 1.2)
            set_scaled_font(self.captions[key], 1.2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self.back_requested.emit()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.back_button.setText(self.tr("Back to the decks"))
        captions = {
            "answers": self.tr("Answers:"),
            "accuracy": self.tr("Correct (grade 3 or better):"),
            "time": self.tr("Time spent:"),
            "grades": self.tr("Grades given:"),
            "left": self.tr("Still to study today:"),
            "due": self.tr("Due tomorrow:"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        summary = self._summary
        if summary is None:
            return
        self.headline.setText(self._headline(summary))
        self.values["answers"].setText(answers_text(summary.answered))
        self.values["accuracy"].setText(
            percent_text(summary.accuracy if summary.answered else None)
        )
        self.values["time"].setText(duration_text(summary.time_ms))
        given = [
            f"{g} — {grade_short(g)} × {summary.grades[g]}"
            for g in range(5, -1, -1)
            if summary.grades.get(g)
        ]
        self.values["grades"].setText("\n".join(given) or "—")
        self.values["left"].setText(count_text(self._left))
        self.values["due"].setText(count_text(summary.due_tomorrow))

    def _headline(self, summary: SessionSummary) -> str:
        if self._left:
            return self.tr("Stopped early — %1 still to study today.").replace(
                "%1", count_text(self._left)
            )
        if summary.answered:
            return self.tr("Well done — that's all for today!")
        return self.tr("Nothing left to study in this deck today.")
