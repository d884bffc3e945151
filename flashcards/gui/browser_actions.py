"""The browser's bulk actions: their menu entries, what each asks, the service it calls.

Each action takes the selection when triggered, asks what it needs in a
non-blocking dialog (browser_dialogs.py, or a confirmation before deleting)
and hands one service call to the window's `execute`, which runs it (in the
worker when the selection is large), refreshes the view and reports the count.
Every service call is one transaction and one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from flashcards.gui.browser_dialogs import DeckChoiceDialog, DueDateDialog, TagsDialog
from flashcards.gui.labels import count_text, redo_text, undo_text
from flashcards.gui.messages import ask
from flashcards.services.collection import Collection

__all__ = ["ACTION_KEYS", "BulkActions", "Execute", "done_text", "redone_text", "undone_text"]

Job = Callable[[], int]
Execute = Callable[[str, Job, int, str], None]
"""execute(action key, job returning how many cards or notes changed, selection size, detail)."""

ACTION_KEYS = (
    "move",
    "add_tags",
    "remove_tags",
    "suspend",
    "unsuspend",
    "bury",
    "reset",
    "due",
    "delete_notes",
    "delete_cards",
)
_SHORTCUTS = {
    "move": "Ctrl+D",
    "add_tags": "Ctrl+Shift+A",
    "remove_tags": "Ctrl+Alt+Shift+A",
    "suspend": "Ctrl+J",
    "unsuspend": "Ctrl+Alt+J",
    "bury": "Ctrl+Shift+J",
    "reset": "Ctrl+Alt+N",
    "due": "Ctrl+Shift+D",
    "delete_notes": "Ctrl+Del",
    "delete_cards": "",
}


def _note_count(n: int) -> str:
    if n == 1:
        return QCoreApplication.translate("BulkActions", "1 note")
    return QCoreApplication.translate("BulkActions", "%1 notes").replace("%1", str(n))


def done_text(key: str, changed: int, detail: str = "") -> str:
    """The status-bar sentence after an action changed `changed` cards (or notes)."""
    if changed == 0:
        return QCoreApplication.translate("BulkActions", "Nothing needed changing.")
    cards, notes = count_text(changed), _note_count(changed)
    texts = {
        "move": QCoreApplication.translate("BulkActions", "%1 moved to %2."),
        "add_tags": QCoreApplication.translate("BulkActions", "Tags added to %1."),
        "remove_tags": QCoreApplication.translate("BulkActions", "Tags removed from %1."),
        "suspend": QCoreApplication.translate("BulkActions", "%1 suspended."),
        "unsuspend": QCoreApplication.translate("BulkActions", "%1 unsuspended."),
        "bury": QCoreApplication.translate("BulkActions", "%1 buried until tomorrow."),
        "reset": QCoreApplication.translate("BulkActions", "%1 reset to new."),
        "due": QCoreApplication.translate("BulkActions", "New due date for %1."),
        "delete_notes": QCoreApplication.translate("BulkActions", "%1 deleted, with their cards."),
        "delete_cards": QCoreApplication.translate("BulkActions", "%1 deleted."),
    }
    counted = notes if key in ("add_tags", "remove_tags", "delete_notes") else cards
    undo = QCoreApplication.translate("BulkActions", "Ctrl+Z undoes it.")
    return texts[key].replace("%1", counted).replace("%2", detail) + " " + undo


def undone_text(kind: str, label: str) -> str:
    """The status-bar sentence after Ctrl+Z reverted a change of this kind."""
    texts = {
        "move": QCoreApplication.translate("BulkActions", "Undid the move."),
        "tags": QCoreApplication.translate("BulkActions", "Undid the tag change."),
        "suspend": QCoreApplication.translate("BulkActions", "Undid suspending."),
        "unsuspend": QCoreApplication.translate("BulkActions", "Undid unsuspending."),
        "bury": QCoreApplication.translate("BulkActions", "Undid burying."),
        "reset": QCoreApplication.translate("BulkActions", "Undid the reset to new."),
        "due": QCoreApplication.translate("BulkActions", "Undid the new due date."),
        "delete": QCoreApplication.translate("BulkActions", "Undid the deletion."),
    }
    return texts.get(kind) or undo_text(label)


def redone_text(kind: str, label: str) -> str:
    """The status-bar sentence after a redo made a change of this kind again."""
    texts = {
        "move": QCoreApplication.translate("BulkActions", "Moved again."),
        "tags": QCoreApplication.translate("BulkActions", "Tags changed again."),
        "suspend": QCoreApplication.translate("BulkActions", "Suspended again."),
        "unsuspend": QCoreApplication.translate("BulkActions", "Unsuspended again."),
        "bury": QCoreApplication.translate("BulkActions", "Buried again."),
        "reset": QCoreApplication.translate("BulkActions", "Reset to new again."),
        "due": QCoreApplication.translate("BulkActions", "Due date set again."),
        "delete": QCoreApplication.translate("BulkActions", "Deleted again."),
    }
    return texts.get(kind) or redo_text(label)


class BulkActions(QObject):
    """The QActions of the browser's Cards and Notes menus, toolbar and context menu."""

    def __init__(
        self,
        col: Collection,
        window: QWidget,
        selection: Callable[[], list[int]],
        execute: Execute,
    ) -> None:
        super().__init__(window)
        self._col, self._window = col, window
        self._selection, self._execute = selection, execute
        self.dialog: QDialog | QMessageBox | None = None  # the last one opened (tests answer it)
        self.actions: dict[str, QAction] = {}
        handlers: dict[str, Callable[[list[int]], None]] = {
            "move": self._move,
            "add_tags": lambda ids: self._tags(ids, adding=True),
            "remove_tags": lambda ids: self._tags(ids, adding=False),
            "suspend": lambda ids: self._run("suspend", lambda: col.suspend_cards(ids), ids),
            "unsuspend": lambda ids: self._run("unsuspend", lambda: col.unsuspend_cards(ids), ids),
            "bury": lambda ids: self._run("bury", lambda: col.bury_cards(ids), ids),
            "reset": lambda ids: self._run("reset", lambda: col.reset_cards(ids), ids),
            "due": self._due,
            "delete_notes": lambda ids: self._delete(ids, notes=True),
            "delete_cards": lambda ids: self._delete(ids, notes=False),
        }
        for key in ACTION_KEYS:
            action = QAction(window)
            action.setObjectName(f"bulk_{key}")
            if _SHORTCUTS[key]:
                action.setShortcut(QKeySequence(_SHORTCUTS[key]))
            action.triggered.connect(lambda _=False, k=key: self._trigger(handlers[k]))
            window.addAction(action)
            self.actions[key] = action
        self.retranslate()

    def set_enabled(self, has_selection: bool) -> None:
        for action in self.actions.values():
            action.setEnabled(has_selection)

    def _trigger(self, handler: Callable[[list[int]], None]) -> None:
        ids = self._selection()
        if ids:
            handler(ids)

    def _run(self, key: str, job: Job, ids: list[int], detail: str = "") -> None:
        self._execute(key, job, len(ids), detail)

    # -- actions that ask first ------------------------------------------------------------

    def _move(self, ids: list[int]) -> None:
        decks = [d.name for d in self._col.decks()]
        dialog = DeckChoiceDialog(decks, len(ids), self._window)

        def apply() -> None:
            deck = dialog.deck()
            self._run("move", lambda: self._col.move_cards(ids, deck), ids, deck)

        dialog.accepted.connect(apply)
        self._open(dialog)

    def _tags(self, ids: list[int], *, adding: bool) -> None:
        dialog = TagsDialog(adding=adding, cards=len(ids), parent=self._window)

        def apply() -> None:
            tags = dialog.tags()
            if adding:
                self._run("add_tags", lambda: self._col.add_tags(ids, tags), ids)
            else:
                self._run("remove_tags", lambda: self._col.remove_tags(ids, tags), ids)

        dialog.accepted.connect(apply)
        self._open(dialog)

    def _due(self, ids: list[int]) -> None:
        dialog = DueDateDialog(len(ids), self._window)

        def apply() -> None:
            first, last = dialog.days()
            interval = dialog.set_interval()
            self._run(
                "due",
                lambda: self._col.set_due_date(ids, first, last, set_interval=interval),
                ids,
            )

        dialog.accepted.connect(apply)
        self._open(dialog)

    def _delete(self, ids: list[int], *, notes: bool) -> None:
        if notes:
            title = self.tr("Delete notes")
            text = (
                self.tr(
                    "Delete the note of the selected card, with all its cards and review history?"
                )
                if len(ids) == 1
                else self.tr(
                    "Delete the notes of the %1 selected cards, with all their cards "
                    "and review history?"
                )
            )
            yes = self.tr("Delete notes")
        else:
            title = self.tr("Delete cards")
            text = (
                self.tr(
                    "Delete the selected card with its review history? "
                    "A note left without cards is deleted too."
                )
                if len(ids) == 1
                else self.tr(
                    "Delete the %1 selected cards with their review history? "
                    "A note left without cards is deleted too."
                )
            )
            yes = self.tr("Delete cards")
        details = self.tr("Ctrl+Z in the browser brings them back.")
        key = "delete_notes" if notes else "delete_cards"
        job = (
            (lambda: self._col.delete_notes(ids))
            if notes
            else (lambda: self._col.delete_cards(ids))
        )
        self.dialog = ask(
            self._window,
            title,
            text.replace("%1", str(len(ids))),
            details,
            yes,
            lambda: self._run(key, job, ids),
        )

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()

    # -- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        texts = {
            "move": self.tr("Move to deck…"),
            "add_tags": self.tr("Add tags…"),
            "remove_tags": self.tr("Remove tags…"),
            "suspend": self.tr("Suspend"),
            "unsuspend": self.tr("Unsuspend"),
            "bury": self.tr("Bury until tomorrow"),
            "reset": self.tr("Reset to new"),
            "due": self.tr("Set due date…"),
            "delete_notes": self.tr("Delete notes…"),
            "delete_cards": self.tr("Delete cards…"),
        }
        for key, text in texts.items():
            action = self.actions[key]
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text} ({shortcut})" if shortcut else text)
