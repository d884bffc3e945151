"""Renaming and deleting a deck from the deck list (right-click, F2, Delete).

Rename asks for the new name in a small dialog that refuses, in the interface
language, a name that is empty, taken or inside the deck itself. Delete says
how many subdecks and cards go with the deck and asks first; the last deck is
never deleted. Both are one undo step: Ctrl+Z in the main window brings back
everything, review history included.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QMessageBox, QWidget

from flashcards.core.models import DECK_SEPARATOR, normalise_deck_name
from flashcards.gui.browser_dialogs import AskDialog
from flashcards.gui.labels import count_text
from flashcards.gui.messages import ask, inform, show_error
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError

__all__ = ["CreateDeckDialog", "DeckActions", "RenameDeckDialog"]


def _subdecks(names: list[str], name: str) -> list[str]:
    return [n for n in names if n.startswith(name + DECK_SEPARATOR)]


class _DeckNameDialog(AskDialog):
    """A deck's full name in one field (`A::B` is B under A), refused, in the interface
    language, when it is empty or taken by another deck in any letter case (as in Anki)."""

    def __init__(self, text: str, decks: list[str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self._decks = decks
        self.name_edit = QLineEdit(text, self)
        self.name_edit.selectAll()  # typing replaces what is there
        self.name_edit.textEdited.connect(self.clear_error)
        self.name_label = QLabel(self)
        self.form.addRow(self.name_label, self.name_edit)

    def name(self) -> str:
        return self.name_edit.text()

    def _normalised(self) -> str | None:
        try:
            return normalise_deck_name(self.name())
        except ValueError:
            return None

    def _taken(self, names: list[str], moving: list[str]) -> str | None:
        """Why the first of `names` that another deck (not one of `moving`) has is taken."""
        others = {d.casefold(): d for d in self._decks if d not in moving}
        for name in names:
            taken = others.get(name.casefold())
            if taken is not None:
                return QCoreApplication.translate(
                    "DeckNameDialog", "A deck called “%1” already exists."
                ).replace("%1", taken)
        return None

    def problem(self) -> str | None:
        if self._normalised() is None:
            return QCoreApplication.translate(
                "DeckNameDialog",
                "Type a deck name. Parts of a deck name between :: cannot be empty.",
            )
        return None

    def retranslate(self) -> None:
        self.name_label.setText(QCoreApplication.translate("DeckNameDialog", "Name:"))
        self.name_edit.setPlaceholderText(
            QCoreApplication.translate("DeckNameDialog", "e.g. AWS::EC2")
        )


class RenameDeckDialog(_DeckNameDialog):
    """The deck's new full name (`A::B` moves it under A); its subdecks follow."""

    def __init__(self, name: str, decks: list[str], parent: QWidget | None = None) -> None:
        super().__init__(name, decks, parent)
        self.setObjectName("renameDeckDialog")
        self._old = name
        self.retranslate()
        self.start_in(self.name_edit)

    def problem(self) -> str | None:
        new, old = self._normalised(), self._old
        if new is None or new == old:
            return super().problem()
        if new.casefold().startswith(old.casefold() + DECK_SEPARATOR):
            return self.tr("A deck cannot go inside itself.")
        moving = [old, *_subdecks(self._decks, old)]
        return self._taken([new + moved[len(old) :] for moved in moving], moving)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Rename deck"))
        count = len(_subdecks(self._decks, self._old))
        if count:
            text = self.tr("New name for “%1” (its %2 subdecks keep their place under it):")
        else:
            text = self.tr("New name for “%1”:")
        self.prompt.setText(text.replace("%1", self._old).replace("%2", str(count)))


class CreateDeckDialog(_DeckNameDialog):
    """A new deck's full name (`A::B` makes it a subdeck of A)."""

    def __init__(self, decks: list[str], parent: QWidget | None = None) -> None:
        super().__init__("", decks, parent)
        self.setObjectName("createDeckDialog")
        self.retranslate()
        self.start_in(self.name_edit)

    def problem(self) -> str | None:
        new = self._normalised()
        return super().problem() if new is None else self._taken([new], [])

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Create deck"))
        self.prompt.setText(self.tr("Name of the new deck (A::B makes B a subdeck of A):"))


class DeckActions(QObject):
    """Opens the create, rename and delete dialogs and calls the collection."""

    changed = Signal(str)  # the collection changed; the deck to select ("" keeps it)
    message = Signal(str)  # a status-bar sentence

    def __init__(self, col: Collection, window: QWidget) -> None:
        super().__init__(window)
        self._col, self._window = col, window
        self.dialog: QDialog | QMessageBox | None = None  # the last one opened (tests answer it)

    def create(self) -> None:
        dialog = CreateDeckDialog([d.name for d in self._col.decks()], self._window)
        dialog.accepted.connect(lambda: self._create(dialog.name()))
        self.dialog = dialog
        dialog.open()

    def _create(self, name: str) -> None:
        try:
            deck = self._col.create_deck(name)
        except FlashcardsError as exc:
            self.dialog = show_error(self._window, exc)
            return
        self.changed.emit(deck.name)
        self.message.emit(self.tr("Deck created. Ctrl+Z undoes it."))

    def rename(self, name: str) -> None:
        decks = [d.name for d in self._col.decks()]
        dialog = RenameDeckDialog(name, decks, self._window)
        dialog.accepted.connect(lambda: self._rename(name, dialog.name()))
        self.dialog = dialog
        dialog.open()

    def _rename(self, old: str, new: str) -> None:
        try:
            changed = self._col.rename_deck(old, new)
        except FlashcardsError as exc:
            self.dialog = show_error(self._window, exc)
            return
        if changed:
            self.changed.emit(normalise_deck_name(new))
            self.message.emit(self.tr("Deck renamed. Ctrl+Z undoes it."))

    def delete(self, name: str) -> None:
        decks = [d.name for d in self._col.decks()]
        subdecks = _subdecks(decks, name)
        if len(subdecks) + 1 >= len(decks):
            text = self.tr(
                "“%1” is the last deck, so it cannot be deleted: cards always need a deck. "
                "Add another deck first."
            )
            self.dialog = inform(self._window, self.tr("Delete deck"), text.replace("%1", name))
            return
        cards = next((s.cards for s in self._col.deck_summaries() if s.name == name), 0)
        if subdecks:
            text = self.tr("Delete the deck “%1”, its %3 subdecks and their %2?")
        else:
            text = self.tr("Delete the deck “%1” and its %2?")
        text = text.replace("%1", name).replace("%2", count_text(cards))
        details = self.tr(
            "Their review history goes too, and notes left without cards. "
            "Ctrl+Z in the main window brings everything back."
        )
        self.dialog = ask(
            self._window,
            self.tr("Delete deck"),
            text.replace("%3", str(len(subdecks))),
            details,
            self.tr("Delete deck"),
            lambda: self._delete(name),
        )

    def _delete(self, name: str) -> None:
        try:
            deletion = self._col.delete_deck(name)
        except FlashcardsError as exc:
            self.dialog = show_error(self._window, exc)
            return
        self.changed.emit("")
        text = self.tr("Deleted the deck with %1. Ctrl+Z undoes it.")
        self.message.emit(text.replace("%1", count_text(deletion.cards)))
