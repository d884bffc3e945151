"""Starting and stopping the desktop app (the composition root of the GUI)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from functools import partial
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from flashcards.app import open_collection
from flashcards.gui.appearance import Appearance
from flashcards.gui.fonts import FontCheck, korean_font_available
from flashcards.gui.language import Translations
from flashcards.gui.main_window import MainWindow
from flashcards.gui.messages import show_error
from flashcards.gui.preferences import Preferences
from flashcards.services.collection import Collection
from flashcards.services.errors import CollectionLockedError, FlashcardsError

__all__ = ["run_gui"]


def run_gui(
    data_dir: str | None,
    *,
    prefs: Preferences | None = None,
    korean_font: FontCheck = korean_font_available,
    env: Mapping[str, str] = os.environ,
) -> int:
    """Open the app on `data_dir` (else $FLASHCARDS_DATA_DIR, else the user data folder).

    `prefs` (a Preferences) and `korean_font` (a FontCheck) are injectable for tests;
    $FLASHCARDS_NOW sets the clock, as for every command. Returns the exit status.
    """
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("flashcards")
    app.setOrganizationName("flashcards")
    preferences = prefs or Preferences.for_user()
    has_korean = korean_font()
    translations = Translations(app)
    appearance = Appearance(app, preferences, translations, korean_font=has_korean)
    appearance.apply()
    col = _open(data_dir, env)
    if col is None:
        translations.install("en")
        appearance.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return 1
    window = MainWindow(col, preferences, appearance, korean_font=has_korean)
    hook = sys.excepthook
    sys.excepthook = partial(_report, window)
    try:
        window.show()
        window.maybe_show_welcome()
        return app.exec()
    finally:
        sys.excepthook = hook
        window.deleteLater()
        appearance.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        translations.install("en")
        col.close()


def _report(
    window: MainWindow,
    kind: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
) -> None:
    """An exception no handler caught, shown to the user (its own words for the app's
    errors, a bug report for anything else) instead of only printed where no one looks;
    the traceback still goes to stderr."""
    sys.__excepthook__(kind, error, trace)
    if isinstance(error, Exception):
        show_error(window, error)


def _open(data_dir: str | None, env: Mapping[str, str]) -> Collection | None:
    """The collection, or None after telling the user why it cannot be opened."""

    try:
        return open_collection(data_dir, env)
    except CollectionLockedError as exc:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("Startup", "flashcards is already open"),
            QCoreApplication.translate(
                "Startup",
                "Another flashcards window is already using this collection. Switch to that "
                "window, or close it and start flashcards again.",
            ),
        )
        box.setObjectName("alreadyOpen")
        box.setDetailedText(str(exc))
    except FlashcardsError as exc:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("Startup", "flashcards cannot start"),
            QCoreApplication.translate("Startup", "The collection could not be opened."),
        )
        box.setObjectName("cannotOpen")
        box.setInformativeText(str(exc))
    box.exec()
    box.deleteLater()
    return None
