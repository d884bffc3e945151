"""Small non-blocking message boxes (they never stop the event loop, so tests can see them)."""

from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from flashcards.services.errors import FlashcardsError

__all__ = ["ask", "inform", "show_error", "warn"]


def _open(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, details: str = ""
) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("message")
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def inform(parent: QWidget | None, title: str, text: str, details: str = "") -> QMessageBox:
    """Show an information box and return at once."""
    return _open(parent, QMessageBox.Icon.Information, title, text, details)


def warn(parent: QWidget | None, title: str, text: str, details: str = "") -> QMessageBox:
    """Show a warning box and return at once."""
    return _open(parent, QMessageBox.Icon.Warning, title, text, details)


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    details: str,
    yes: str,
    on_yes: Callable[[], object],
) -> QMessageBox:
    """Ask before doing something that cannot simply be undone; Cancel is the default.

    Returns at once; `on_yes()` runs when the user presses the `yes` button.
    """
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setObjectName("question")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(details)
    confirm = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda _result: on_yes() if box.clickedButton() is confirm else None)
    box.open()
    return box


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """A user's or environment's problem in its own words; anything else as a bug report."""
    if isinstance(error, FlashcardsError):
        title = QCoreApplication.translate("Messages", "Something went wrong")
        return warn(parent, title, str(error))
    return warn(
        parent,
        QCoreApplication.translate("Messages", "Unexpected error"),
        QCoreApplication.translate(
            "Messages", "This is a bug in flashcards. The details below help to fix it."
        ),
        "".join(traceback.format_exception(error)),
    )
