"""GUI fixtures: a real collection, preferences in a temporary file, the app's appearance."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from flashcards.core.clock import FixedClock
from flashcards.gui.appearance import Appearance, style_name
from flashcards.gui.browser_window import BrowserWindow
from flashcards.gui.language import Translations
from flashcards.gui.main_window import MainWindow
from flashcards.gui.preferences import Preferences
from flashcards.services.collection import Collection
from tests.browse_fixture import NOW, Fixture, build


@pytest.fixture
def prefs(tmp_path: Path) -> Preferences:
    """Preferences in a temporary INI file, never the real user's."""
    return Preferences.at_path(tmp_path / "prefs.ini")


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    translations = Translations(qapp)
    yield translations
    translations.install("en")


@pytest.fixture
def appearance(
    qapp: QApplication, prefs: Preferences, translations: Translations
) -> Iterator[Appearance]:
    """The app's appearance controller; the shared QApplication is restored afterwards."""
    style, palette, font = style_name(qapp), QPalette(qapp.palette()), QFont(qapp.font())
    appearance = Appearance(qapp, prefs, translations, korean_font=True)
    yield appearance
    translations.install("en")
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)
    appearance.setParent(None)
    appearance.deleteLater()


@pytest.fixture
def window(
    qtbot: QtBot, col: Collection, prefs: Preferences, appearance: Appearance
) -> Iterator[MainWindow]:
    """The main window on tests/data/small_deck.txt, shown; gone before the collection closes."""
    main = MainWindow(col, prefs, appearance, korean_font=True)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    main.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# -- the browser on the hand-built collection of tests/browse_fixture.py --------------------


@pytest.fixture
def fixture(tmp_path: Path) -> Iterator[Fixture]:
    """The hand-built collection, opened afresh (so its undo stack is empty)."""
    col, ids = build(tmp_path / "data")
    col.close()
    col = Collection.open(tmp_path / "data", clock=FixedClock(NOW), load_bundled=False)
    yield col, ids
    col.close()


@pytest.fixture
def browser(qtbot: QtBot, fixture: Fixture) -> Iterator[BrowserWindow]:
    window = BrowserWindow(fixture[0])
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
