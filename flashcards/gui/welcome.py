"""The one-page welcome: what is here, how a review works, what the grades mean."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from flashcards.gui.labels import grade_meaning, grade_short
from flashcards.gui.sizing import fit_to_screen

__all__ = ["WelcomeDialog"]


class WelcomeDialog(QDialog):
    """Shown on first launch and from Help ▸ Welcome. `start_requested` starts a session."""

    start_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(self, 720, 720)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.buttons = QDialogButtonBox(self)
        self.start_button = QPushButton(self)
        self.start_button.setDefault(True)
        self.close_button = QPushButton(self)
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(self._start)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self._retranslate()

    def _start(self) -> None:
        self.start_requested.emit()
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to flashcards"))
        self.start_button.setText(self.tr("Start my first session"))
        self.close_button.setText(self.tr("Close"))
        grades = "".join(
            f"<li><b>{g}</b> — {grade_short(g)}: {grade_meaning(g)}</li>" for g in range(5, -1, -1)
        )
        parts = [
            "<h2>" + self.tr("Welcome!") + "</h2>",
            "<p>"
            + self.tr(
                "flashcards helps you remember what you study by showing each card again just "
                "before you would forget it."
            )
            + "</p>",
            "<h3>" + self.tr("The decks that come with it") + "</h3>",
            "<p>"
            + self.tr(
                "The AWS decks are made from Korean notes of an AWS training day: what the main "
                "services do, how EC2 can be bought, and the security basics. Each card asks one "
                "thing. The facts about AWS services were checked against AWS's documentation; "
                "the deck 10 발표 요점 (talk highlights) keeps what the speakers stressed that day."
            )
            + "</p>",
            "<h3>" + self.tr("How a review works") + "</h3>",
            "<p>"
            + self.tr(
                "Pick a deck and press Study. You see a question: answer it in your head, then "
                "press Space to see the answer. Then say how well you remembered by pressing a "
                "key from 0 to 5. The better you remembered, the longer until you see the card "
                "again; each button shows how long that would be. A card you grade below 4 comes "
                "back later today until you know it (a re-drill)."
            )
            + "</p>",
            "<h3>" + self.tr("The six grades (SuperMemo's SM-2)") + "</h3>",
            f"<ul>{grades}</ul>",
            "<p>"
            + self.tr(
                "Other keys: Space again grades 4 (Anki's Good), Ctrl+Z undoes the last answer, "
                "E edits the card, - hides it until "
                "tomorrow, ! suspends it."
            )
            + "</p>",
            "<h3>" + self.tr("Bringing cards from Anki") + "</h3>",
            "<p>"
            + self.tr(
                "In Anki, choose File ▸ Export…, pick “Anki Deck Package (.apkg)” and tick "
                "“Include scheduling information” and “Include media”. Then choose File ▸ "
                "Import… here and pick that file, or simply drop it on this window. Your "
                "decks, notes, pictures and review history come along. Importing a changed "
                "package again updates your notes and keeps their review history."
            )
            + "</p>",
            "<p>"
            + self.tr(
                "Text files (.txt, .csv, .tsv, also in the Korean CP949 encoding) import the "
                "same way; the import dialog shows their first rows and lets you choose which "
                "column fills which field."
            )
            + "</p>",
            "<p>" + self.tr("You can open this page again from Help ▸ Welcome.") + "</p>",
        ]
        self.text.setHtml("".join(parts))
