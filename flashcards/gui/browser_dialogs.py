"""Small dialogs that ask what a bulk action needs: a deck, some tags, a due date.

Each is opened with `open()` (never blocking) and read after `accepted`. Each
opens with the keyboard in its first input, so typing goes there at once, and
refuses OK (saying why, in the interface language) while that input is unusable.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from flashcards.core.models import normalise_deck_name
from flashcards.services.bulk import MAX_DUE_DAYS

__all__ = ["AskDialog", "DeckChoiceDialog", "DueDateDialog", "TagsDialog"]


class AskDialog(QDialog):
    """A prompt, a form and OK/Cancel; subclasses fill the form and the texts."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.error = QLabel(self)
        self.error.setObjectName("askError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("#askError { color: #d55e00; }")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._first: QWidget | None = None

    def start_in(self, first: QWidget, *others: QWidget) -> None:
        """Open with the focus in `first`; Tab goes through the inputs, then the buttons."""
        self._first = first
        chain = [first, *others, *self.buttons.buttons()]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        first.setFocus()

    def ok(self) -> None:
        """Press OK (what a test or a keyboard user does)."""
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    def problem(self) -> str | None:
        """Why OK cannot be accepted yet, in words; None when it can."""
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            self.error.setText(problem)
            self.error.show()
            if self._first is not None:
                self._first.setFocus()
            return
        super().accept()

    def clear_error(self) -> None:
        self.error.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class DeckChoiceDialog(AskDialog):
    """Choose a deck from the list or type a new name (created on OK)."""

    def __init__(self, decks: Sequence[str], cards: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deckChoiceDialog")
        self._cards = cards
        self.deck_box = QComboBox(self)
        self.deck_box.setEditable(True)
        self.deck_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.deck_box.addItems(list(decks))
        self.deck_box.setCurrentIndex(-1)
        self.deck_label = QLabel(self)
        self.form.addRow(self.deck_label, self.deck_box)
        self.deck_box.editTextChanged.connect(self.clear_error)
        self.retranslate()
        self.start_in(self.deck_box)

    def deck(self) -> str:
        return self.deck_box.currentText().strip()

    def problem(self) -> str | None:
        try:
            normalise_deck_name(self.deck())
        except ValueError:
            return self.tr("Type a deck name. Parts of a deck name between :: cannot be empty.")
        return None

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Move to deck"))
        text = (
            self.tr("Move the selected card to this deck (a new name creates the deck):")
            if self._cards == 1
            else self.tr("Move %1 selected cards to this deck (a new name creates the deck):")
        )
        self.prompt.setText(text.replace("%1", str(self._cards)))
        self.deck_label.setText(self.tr("Deck:"))
        line = self.deck_box.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("e.g. AWS::EC2"))


class TagsDialog(AskDialog):
    """Type tags to add to (or remove from) the notes of the selected cards."""

    def __init__(self, *, adding: bool, cards: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addTagsDialog" if adding else "removeTagsDialog")
        self._adding, self._cards = adding, cards
        self.tags_edit = QLineEdit(self)
        self.tags_label = QLabel(self)
        self.form.addRow(self.tags_label, self.tags_edit)
        self.tags_edit.textEdited.connect(self.clear_error)
        self.retranslate()
        self.start_in(self.tags_edit)

    def tags(self) -> list[str]:
        return self.tags_edit.text().split()

    def problem(self) -> str | None:
        if self.tags():
            return None
        if self._adding:
            return self.tr("Type at least one tag to add.")
        return self.tr("Type at least one tag to remove.")

    def retranslate(self) -> None:
        one = self._cards == 1
        if self._adding:
            self.setWindowTitle(self.tr("Add tags"))
            text = (
                self.tr("Tags to add to the note of the selected card:")
                if one
                else self.tr("Tags to add to the notes of %1 selected cards:")
            )
        else:
            self.setWindowTitle(self.tr("Remove tags"))
            text = (
                self.tr("Tags to remove from the note of the selected card:")
                if one
                else self.tr("Tags to remove from the notes of %1 selected cards:")
            )
        self.prompt.setText(text.replace("%1", str(self._cards)))
        self.tags_label.setText(self.tr("Tags:"))
        self.tags_edit.setPlaceholderText(self.tr("separated by spaces"))


class DueDateDialog(AskDialog):
    """Due in N days (0 = today), or on a random day in a range, to spread the load."""

    def __init__(self, cards: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueDateDialog")
        self._cards = cards
        self.from_spin = QSpinBox(self)
        self.from_spin.setRange(0, MAX_DUE_DAYS)
        self.range_check = QCheckBox(self)
        self.to_spin = QSpinBox(self)
        self.to_spin.setRange(0, MAX_DUE_DAYS)
        self.to_spin.setEnabled(False)
        self.range_check.toggled.connect(self.to_spin.setEnabled)
        self.from_spin.valueChanged.connect(self._keep_order)
        self.interval_check = QCheckBox(self)
        self.from_label, self.to_label = QLabel(self), QLabel(self)
        self.form.addRow(self.from_label, self.from_spin)
        self.form.addRow(self.range_check)
        self.form.addRow(self.to_label, self.to_spin)
        self.form.addRow(self.interval_check)
        self.retranslate()
        self.start_in(self.from_spin, self.range_check, self.to_spin, self.interval_check)

    def _keep_order(self, value: int) -> None:
        if self.to_spin.value() < value:
            self.to_spin.setValue(value)

    def days(self) -> tuple[int, int | None]:
        """(first day, last day or None): days from today."""
        first = self.from_spin.value()
        return first, (max(first, self.to_spin.value()) if self.range_check.isChecked() else None)

    def set_interval(self) -> bool:
        return self.interval_check.isChecked()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set due date"))
        text = (
            self.tr("When should the selected card be due? 0 is today.")
            if self._cards == 1
            else self.tr("When should the %1 selected cards be due? 0 is today.")
        )
        self.prompt.setText(text.replace("%1", str(self._cards)))
        self.from_label.setText(self.tr("Due in (days):"))
        self.range_check.setText(self.tr("Spread over a range of days"))
        self.to_label.setText(self.tr("Up to (days):"))
        self.interval_check.setText(self.tr("Also set the interval to the new delay"))
        for spin in (self.from_spin, self.to_spin):
            spin.setSuffix(self.tr(" days"))
