"""Settings: daily limits and day rollover (kept in the collection), and the look of the app.

Daily limits here are a global default: OK gives *every* deck these limits.
One deck's own limits are set from its right-click menu (DeckOptionsDialog).
Theme, font size and language apply at once, as soon as they are chosen, to
every open window; Cancel puts back what was there before the dialog opened.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from flashcards.gui.appearance import Appearance
from flashcards.gui.preferences import FONT_SIZES, LANGUAGE_CHOICES, THEME_CHOICES, Preferences
from flashcards.gui.sizing import fit_content
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError

__all__ = ["DeckOptionsDialog", "SettingsDialog"]

MAX_NEW = 9999
MAX_REVIEWS = 99999


def _spin(parent: QWidget, maximum: int) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(0, maximum)
    spin.setMinimumWidth(110)
    return spin


def _set_label(form: QFormLayout, row: int, text: str) -> None:
    item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
    widget = item.widget() if item is not None else None
    if isinstance(widget, QLabel):
        widget.setText(text)


class SettingsDialog(QDialog):
    """Edits the study settings and the preferences; OK applies both."""

    study_settings_changed = Signal()

    def __init__(
        self,
        col: Collection,
        prefs: Preferences,
        appearance: Appearance,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._col, self._prefs, self._appearance = col, prefs, appearance
        self.study_box = QGroupBox(self)
        study = QVBoxLayout(self.study_box)
        self.study_form = QFormLayout()
        study.addLayout(self.study_form)
        self.new_spin = _spin(self, MAX_NEW)
        self.reviews_spin = _spin(self, MAX_REVIEWS)
        self.rollover_spin = _spin(self, 23)
        self.rollover_spin.setSuffix(":00")
        self.limits_note = QLabel(self)
        self.limits_note.setWordWrap(True)
        self.limits_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.study_form.addRow(QLabel(self), self.new_spin)
        self.study_form.addRow(QLabel(self), self.reviews_spin)
        self.study_form.addRow(QLabel(self), self.rollover_spin)
        # Below the form, not in it: a form row gives a wrapped label too little height.
        study.addWidget(self.limits_note)
        self.look_box = QGroupBox(self)
        self.look_form = QFormLayout(self.look_box)
        self.font_box = QComboBox(self)
        self.theme_box = QComboBox(self)
        self.language_box = QComboBox(self)
        for widget in (self.font_box, self.theme_box, self.language_box):
            self.look_form.addRow(QLabel(self), widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b91c1c;")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.study_box)
        layout.addWidget(self.look_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self._load()
        self._retranslate()
        fit_content(self)

    def _load(self) -> None:
        decks = self._col.decks()
        limits = Counter((d.options.new_per_day, d.options.reviews_per_day) for d in decks)
        (new, reviews), _ = limits.most_common(1)[0] if limits else ((20, 200), 0)
        self._limits = (new, reviews)
        self.new_spin.setValue(new)
        self.reviews_spin.setValue(reviews)
        self.rollover_spin.setValue(self._col.rollover_hour)
        for size in FONT_SIZES:
            self.font_box.addItem("", size)
        self.font_box.setCurrentIndex(self.font_box.findData(self._prefs.font_size))
        for theme in THEME_CHOICES:
            self.theme_box.addItem("", theme)
        self.theme_box.setCurrentIndex(self.theme_box.findData(self._prefs.theme))
        for language in LANGUAGE_CHOICES:
            self.language_box.addItem("", language)
        self.language_box.setCurrentIndex(self.language_box.findData(self._prefs.language))
        self._before = (self._prefs.font_size, self._prefs.theme, self._prefs.language)
        for box in (self.font_box, self.theme_box, self.language_box):
            box.currentIndexChanged.connect(self._apply_look)

    def _look(self) -> tuple[int, str, str]:
        return (
            int(self.font_box.currentData()),
            str(self.theme_box.currentData()),
            str(self.language_box.currentData()),
        )

    def _apply_look(self) -> None:
        """Show the chosen font size, theme and language at once (Cancel undoes it)."""
        self._set_look(self._look())

    def _set_look(self, look: tuple[int, str, str]) -> None:
        if look == (self._prefs.font_size, self._prefs.theme, self._prefs.language):
            return
        self._prefs.font_size, self._prefs.theme, self._prefs.language = look
        self._appearance.apply()

    def accept(self) -> None:
        try:
            limits = (self.new_spin.value(), self.reviews_spin.value())
            if limits != self._limits:
                self._col.set_limits_for_all_decks(*limits)
            if self.rollover_spin.value() != self._col.rollover_hour:
                self._col.set_rollover_hour(self.rollover_spin.value())
        except FlashcardsError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        self.study_settings_changed.emit()
        super().accept()
        self._set_look(self._look())

    def reject(self) -> None:
        super().reject()
        self._set_look(self._before)  # Cancel: the look from before the dialog

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            fit_content(self)  # the font size just chosen here: grow (or shrink) with it

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.study_box.setTitle(self.tr("Studying"))
        _set_label(self.study_form, 0, self.tr("New cards per day:"))
        _set_label(self.study_form, 1, self.tr("Reviews per day:"))
        _set_label(self.study_form, 2, self.tr("A new day starts at:"))
        self.limits_note.setText(
            self.tr(
                "These limits are given to every deck when you press OK. To give one deck "
                "its own limits, right-click it in the deck list and choose Options."
            )
        )
        self.look_box.setTitle(self.tr("Appearance (applies at once)"))
        _set_label(self.look_form, 0, self.tr("Font size:"))
        _set_label(self.look_form, 1, self.tr("Theme:"))
        _set_label(self.look_form, 2, self.tr("Language:"))
        self.font_box.setItemText(0, self.tr("System default"))
        for row in range(1, self.font_box.count()):
            self.font_box.setItemText(row, self.tr("%1 pt").replace("%1", str(FONT_SIZES[row])))
        themes = (self.tr("Follow the system"), self.tr("Light"), self.tr("Dark"))
        for row, text in enumerate(themes):
            self.theme_box.setItemText(row, text)
        # Each language is named in itself, so anyone can find their own.
        languages = (self.tr("Follow the system"), "English", "한국어")
        for row, text in enumerate(languages):
            self.language_box.setItemText(row, text)


class DeckOptionsDialog(QDialog):
    """One deck's own daily limits and leech handling."""

    def __init__(self, col: Collection, deck: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deckOptionsDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._col, self._deck = col, deck
        options = col.deck(deck).options
        self.form = QFormLayout(self)
        self.new_spin = _spin(self, MAX_NEW)
        self.new_spin.setValue(options.new_per_day)
        self.reviews_spin = _spin(self, MAX_REVIEWS)
        self.reviews_spin.setValue(options.reviews_per_day)
        self.leech_check = QCheckBox(self)
        self.leech_check.setChecked(options.leech_suspend)
        self.type_check = QCheckBox(self)
        self.type_check.setObjectName("typeAnswer")
        self.type_check.setChecked(options.type_answer)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form.addRow(QLabel(self), self.new_spin)
        self.form.addRow(QLabel(self), self.reviews_spin)
        self.form.addRow(self.leech_check)
        self.form.addRow(self.type_check)
        self.form.addRow(self.buttons)
        self._retranslate()

    def accept(self) -> None:
        options = replace(
            self._col.deck(self._deck).options,
            new_per_day=self.new_spin.value(),
            reviews_per_day=self.reviews_spin.value(),
            leech_suspend=self.leech_check.isChecked(),
            type_answer=self.type_check.isChecked(),
        )
        self._col.set_deck_options(self._deck, options)
        super().accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Options for %1").replace("%1", self._deck))
        _set_label(self.form, 0, self.tr("New cards per day:"))
        _set_label(self.form, 1, self.tr("Reviews per day:"))
        self.leech_check.setText(
            self.tr("Suspend a card when it becomes a leech (forgotten 8 times)")
        )
        self.type_check.setText(
            self.tr("Type the answer: compare it with the card and suggest a grade")
        )
