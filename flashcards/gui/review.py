"""The review screen: question, answer, six SM-2 grades, all by keyboard if you like.

Keys: Space or Enter shows the answer; 0–5 grade it (Space or Enter again: 4);
Ctrl+Z undoes the last change; E edits the note; - buries the card until
tomorrow; ! suspends it; Esc ends the session. While a typed answer is being written those keys are
text, so the hint line then shows only Enter and Esc.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flashcards.core.sm2 import REDRILL_BELOW
from flashcards.gui.appearance import is_dark
from flashcards.gui.card_view import CardView
from flashcards.gui.grade_panel import GradePanel
from flashcards.gui.labels import grade_button_text, grade_tooltip, redo_text, undo_text
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError
from flashcards.services.rendering import DiffLabels, typed_diff_html
from flashcards.services.study import StudyCard, StudySession, TypedAnswer

__all__ = ["ReviewScreen"]


SPACE_GRADE = 4
"""The grade Space and Enter give once the answer shows (Anki's "Good")."""


class ReviewScreen(QWidget):
    """Drives one StudySession. Tells the window what happened through signals."""

    finished = Signal(object, int)  # SessionSummary, cards left today (0 = done; Esc leaves some)
    changed = Signal()  # the collection changed: deck counts are stale
    edit_requested = Signal(int)  # note id of the card on screen
    message = Signal(str)  # a short status-bar message

    def __init__(self, col: Collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewScreen")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._col = col
        self._session: StudySession | None = None
        self.current: StudyCard | None = None
        self.revealed = False
        self.typed: TypedAnswer | None = None
        self._build()
        self._retranslate()

    # -- layout -------------------------------------------------------------------

    def _build(self) -> None:
        self.deck_label = QLabel(self)
        self.deck_label.setObjectName("reviewDeck")
        self.deck_label.setTextFormat(Qt.TextFormat.PlainText)  # deck names are data
        self.drill_badge = QLabel(self)
        self.drill_badge.setObjectName("drillBadge")
        self.drill_badge.setStyleSheet(
            "#drillBadge { background: #f59e0b; color: #1f1300; border-radius: 4px; "
            "padding: 2px 8px; font-weight: bold; }"
        )
        self.drill_badge.hide()
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("reviewCounts")
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        header = QHBoxLayout()
        header.addWidget(self.deck_label)
        header.addWidget(self.drill_badge)
        header.addStretch()
        header.addWidget(self.counts_label)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("reviewProgress")
        self.view = CardView(self._col.media_dir, self)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.answer_input = QLineEdit(self)
        self.answer_input.setObjectName("answerInput")
        self.answer_input.setMinimumHeight(36)
        # Enter in the input submits; QLineEdit would pass the key on, which would grade at once.
        self.answer_input.installEventFilter(self)
        self.answer_input.hide()
        self.suggestion = QLabel(self)
        self.suggestion.setObjectName("suggestion")
        self.suggestion.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.suggestion.hide()
        self.show_button = QPushButton(self)
        self.show_button.setObjectName("showAnswer")
        self.show_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.show_button.setMinimumHeight(40)
        self.show_button.clicked.connect(self.reveal)
        self.grade_panel = GradePanel(self)
        self.grade_panel.graded.connect(self.grade)
        self.grade_buttons = self.grade_panel.buttons
        self.hint = QLabel(self)
        self.hint.setObjectName("reviewHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setWordWrap(True)  # a large font wraps it rather than widening the window
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.progress)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.answer_input)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.show_button)
        layout.addWidget(self.grade_panel)
        layout.addWidget(self.hint)

    # -- session ------------------------------------------------------------------

    def start(self, session: StudySession) -> None:
        """Begin studying `session`; emits `finished` at once if nothing is due."""
        self._session = session
        self.setFocus()
        self._next()

    @property
    def session(self) -> StudySession | None:
        return self._session

    def _next(self) -> None:
        assert self._session is not None
        self.current = self._session.next_card()
        if self.current is None:
            self.view.show_card(None, answer=False)
            self.finished.emit(self._session.finish(), 0)
            return
        self.revealed = False
        self.typed = None
        self.answer_input.clear()
        self._render()
        if self.current.type_answer:
            self.answer_input.setFocus()
        self._update_hint()

    def reveal(self) -> None:
        if self.current is None or self.revealed:
            return
        if self.current.type_answer and self.typed is None:
            self.submit_typed()  # revealing counts what is typed so far, even nothing
            return
        self.revealed = True
        self._render()
        self._update_hint()

    def submit_typed(self) -> None:
        """Compare the typed answer, show the answer with the differences, suggest a grade."""
        if self._session is None or self.current is None or self.revealed:
            return
        self.typed = self._session.compare_typed(self.current, self.answer_input.text())
        self.revealed = True
        self._render()
        self.setFocus()  # Enter now confirms the suggested grade; 0–5 choose another
        self._update_hint()

    def grade(self, grade: int) -> None:
        if self._session is None or self.current is None or not self.revealed:
            return
        session, card, typed = self._session, self.current.card, self.typed
        self._act(card.id, lambda: session.answer(card, grade, typed))

    def undo(self) -> None:
        """Undo the last change (answer, bury, suspend, edit) and show its card again."""
        if self._session is not None:
            self._step(
                self._col.undo_label, self._session.undo, undo_text, self.tr("Nothing to undo.")
            )

    def redo(self) -> None:
        """Make the last undone change again; an answer moves the session on."""
        if self._session is not None:
            self._step(
                self._col.redo_label, self._session.redo, redo_text, self.tr("Nothing to redo.")
            )

    def _step(
        self,
        label: str | None,
        step: Callable[[], object],
        said: Callable[[str], str],
        nothing: str,
    ) -> None:
        """An undo or redo in the session, said in the status bar; then the card to show."""
        if label is None:
            self.message.emit(nothing)
            return
        step()
        self.message.emit(said(label))
        self.changed.emit()
        self._next()

    def bury(self) -> None:
        if self.current is None:
            return
        card_id = self.current.card.id
        if self._act(card_id, lambda: self._col.bury(card_id)):
            self.message.emit(self.tr("Card buried until tomorrow. Ctrl+Z brings it back."))

    def suspend(self) -> None:
        if self.current is None:
            return
        card_id = self.current.card.id
        if self._act(card_id, lambda: self._col.suspend(card_id)):
            self.message.emit(self.tr("Card suspended. Ctrl+Z brings it back."))

    def _act(self, card_id: int, action: Callable[[], object]) -> bool:
        """Do something to the card on screen, then show the next one. When the card
        was changed elsewhere (suspended or deleted in the browser), say so and move
        on to what is due now instead. Returns whether the action was done."""
        try:
            action()
        except FlashcardsError:
            if self._studyable(card_id):
                raise  # not the card's doing (a full disk, say): the app reports it
            self.message.emit(self.tr("That card was changed elsewhere; here is the next one."))
            self.changed.emit()
            self._next()
            return False
        self.changed.emit()
        self._next()
        return True

    def _studyable(self, card_id: int) -> bool:
        try:
            return not self._col.card(card_id).suspended
        except FlashcardsError:
            return False

    def collection_changed(self) -> None:
        """Something outside the review (the browser) wrote: show what is due now.

        The card on screen stays, answer shown or not, while it is still the one to
        study; one that was suspended, buried, moved out of the deck or deleted
        gives way to the next."""
        if self._session is None or self.current is None:
            return
        shown, revealed, typed = self.current.card.id, self.revealed, self.typed
        writing = self.answer_input.text()
        self._next()
        if self.current is None or self.current.card.id != shown:
            return
        if revealed:
            self.revealed, self.typed = True, typed
            self._render()
            self.setFocus()
            self._update_hint()
        else:
            self.answer_input.setText(writing)  # a typed answer not yet checked stays

    def end(self) -> None:
        """Stop here and show the summary, with how many cards are still waiting today."""
        if self._session is not None:
            left = self.current.counts.total if self.current is not None else 0
            self.current = None
            self.finished.emit(self._session.finish(), left)

    def reload_card(self) -> None:
        """Draw the current card again (its note was edited)."""
        if self.current is None:
            return
        try:
            card = self._col.card(self.current.card.id)
            self.current = replace(self.current, card=card, rendered=self._col.render(card))
        except FlashcardsError:
            self._next()
            return
        self._render()

    # -- drawing --------------------------------------------------------------------

    def _render(self) -> None:
        current = self.current
        if current is None:
            return
        self.deck_label.setText(current.deck)
        self.drill_badge.setVisible(current.is_drill)
        typed_html = None
        if self.revealed and self.typed is not None:
            labels = DiffLabels(self.tr("You typed:"), self.tr("Answer:"), self.tr("(nothing)"))
            typed_html = typed_diff_html(self.typed.comparison, labels)
        self.view.show_card(current.rendered, answer=self.revealed, typed_html=typed_html)
        typing = current.type_answer and not self.revealed
        self.answer_input.setVisible(current.type_answer)
        self.answer_input.setReadOnly(self.revealed)
        self.show_button.setVisible(not self.revealed and not typing)
        self.grade_panel.setVisible(self.revealed)
        suggested = self.typed.suggested if self.typed is not None else None
        texts: tuple[list[str], list[str]] = ([], [])
        for grade, button in enumerate(self.grade_buttons):
            days = current.intervals.get(grade)
            # A first grade of the day below 4 schedules the card and re-drills it today too.
            again = not current.is_drill and grade < REDRILL_BELOW
            star = "★ " if grade == suggested else ""
            for short, column in ((False, texts[0]), (True, texts[1])):
                column.append(star + grade_button_text(grade, days, again_today=again, short=short))
            button.setToolTip(grade_tooltip(grade, days, again_today=again))
            font = button.font()
            font.setBold(grade == suggested)
            button.setFont(font)
        self.grade_panel.set_texts(*texts)
        self.suggestion.setVisible(suggested is not None)
        if suggested is not None:
            self.suggestion.setText(
                self.tr("Suggested grade: %1 — Enter accepts it, 0–5 choose another").replace(
                    "%1", str(suggested)
                )
            )
        self._render_counts()

    def _render_counts(self) -> None:
        if self.current is None or self._session is None:
            return
        counts = self.current.counts
        dark = is_dark(self)
        colours = ("#7cb5ff", "#6fdc8c", "#ff8a80") if dark else ("#1d4ed8", "#15803d", "#b91c1c")
        parts = [
            (self.tr("New"), counts.new, colours[0]),
            (self.tr("Review"), counts.reviews, colours[1]),
            (self.tr("Re-drill"), counts.drills, colours[2]),
        ]
        self.counts_label.setText(
            " · ".join(f'{name} <b style="color:{c}">{n}</b>' for name, n, c in parts)
        )
        done = self._session.summary.answered
        self.progress.setMaximum(max(1, done + counts.total))
        self.progress.setValue(done)

    # -- input ------------------------------------------------------------------------

    def _typing(self) -> bool:
        """True while the keyboard writes the typed answer (its keys are text, not commands)."""
        return (
            self.current is not None
            and self.current.type_answer
            and not self.revealed
            and self.window().focusWidget() is self.answer_input
        )

    def _update_hint(self) -> None:
        if self._typing():
            self.hint.setText(self._typing_hint)
        elif self.revealed and self.typed is None:
            self.hint.setText(self._answer_hint)
        else:
            self.hint.setText(self._keys_hint)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.answer_input and event.type() in (
            QEvent.Type.FocusIn,
            QEvent.Type.FocusOut,
        ):
            self._update_hint()
        if watched is self.answer_input and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.submit_typed()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._handle_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            return True
        if event.matches(QKeySequence.StandardKey.Redo):
            self.redo()
            return True
        key, text = event.key(), event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_Escape:
            self.end()
            return True
        if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.revealed and self.typed:
            self.grade(self.typed.suggested)
            return True
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.revealed:
                if self.typed is None:  # a typed answer's Enter took its suggestion above
                    self.grade(SPACE_GRADE)  # Anki's habit: the same key again is "Good"
            else:
                self.reveal()
            return True
        if text and text in "012345":
            self.grade(int(text))
            return True
        # "ㄷ" is the E key while a Korean input method is in Hangul mode.
        if text in ("e", "E", "ㄷ") and self.current is not None:
            self.edit_requested.emit(self.current.card.note_id)
            return True
        if text == "-":
            self.bury()
            return True
        if text == "!":
            self.suspend()
            return True
        return False

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self._retranslate()
        elif kind == QEvent.Type.PaletteChange:
            self._render_counts()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.show_button.setText(self.tr("Show answer (Space)"))
        self.answer_input.setPlaceholderText(self.tr("Type the answer, then press Enter"))
        self.drill_badge.setText(self.tr("Re-drill"))
        self.drill_badge.setToolTip(
            self.tr(
                "You graded this card below 4 earlier today, so it comes back until you grade "
                "it 4 or 5. Re-drills do not change its schedule."
            )
        )
        self.progress.setFormat(self.tr("%v of %m answered"))
        self._keys_hint = self.tr(
            "Space: show answer · 0–5: grade · Ctrl+Z: undo · E: edit · -: bury · "
            "!: suspend · Esc: stop"
        )
        self._answer_hint = self.tr(
            "0–5: grade · Space: 4 · Ctrl+Z: undo · E: edit · -: bury · !: suspend · Esc: stop"
        )
        self._typing_hint = self.tr("Type the answer · Enter: check it · Esc: stop")
        self._update_hint()
        self._render()
