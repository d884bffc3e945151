"""Starting the desktop app."""

from __future__ import annotations

import sys

from flashcards.app import open_collection
from flashcards.services.errors import FlashcardsError

__all__ = ["run_gui"]


def run_gui(data_dir: str | None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv)
    try:
        col = open_collection(data_dir)
    except FlashcardsError as exc:
        QMessageBox.critical(None, "flashcards", str(exc))
        return 1
    try:
        decks = col.deck_summaries()
        label = QLabel("\n".join(f"{d.name}: {d.new} new, {d.due} due" for d in decks))
        label.setWindowTitle("flashcards")
        label.show()
        return app.exec()
    finally:
        col.close()
