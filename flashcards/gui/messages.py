"""Small non-blocking message boxes (they never stop the event loop, so tests can see them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

__all__ = ["inform", "warn"]


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
