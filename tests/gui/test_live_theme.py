"""Theme, font size and language follow the Settings dialog at once, in every window.

The dialog's group says it applies at once: choosing Dark must turn the deck
list (a widget with its own style sheet) and everything else dark while the
dialog is still open, and Cancel must put the old look back.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from flashcards.gui.appearance import Appearance
from flashcards.gui.browser_window import BrowserWindow
from flashcards.gui.main_window import MainWindow
from flashcards.gui.preferences import Preferences
from flashcards.gui.settings_dialog import SettingsDialog
from flashcards.services.collection import Collection

COLOURED_ON_PURPOSE = {"drillBadge", "koreanFontBanner"}  # their own colours in both themes


def _pixel_lightness(widget: QWidget) -> int:
    """Lightness of a pixel in the bottom-right corner of what `widget` draws."""
    image = widget.grab().toImage()
    return image.pixelColor(image.width() - 4, image.height() - 4).lightness()


def _light_widgets() -> list[str]:
    """Visible widgets whose background colours are still light."""
    found = []
    for widget in QApplication.allWidgets():
        if not widget.isVisible() or widget.objectName() in COLOURED_ON_PURPOSE:
            continue
        palette = widget.palette()
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            if palette.color(role).lightness() > 128:
                found.append(f"{type(widget).__name__}#{widget.objectName()} {role.name}")
    return found


def _settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _choose(box: QComboBox, value: object) -> None:
    box.setCurrentIndex(box.findData(value))


def test_dark_applies_to_the_deck_list_at_once_and_cancel_restores(
    qtbot: QtBot, window: MainWindow, prefs: Preferences, appearance: Appearance
) -> None:
    prefs.theme = "light"
    appearance.apply()
    tree = window.deck_page.tree.viewport()
    assert _pixel_lightness(tree) > 200
    dialog = _settings(qtbot, window)
    _choose(dialog.theme_box, "dark")
    # No OK yet: the main window is dark already, deck list included.
    assert _pixel_lightness(tree) < 80
    qtbot.waitUntil(lambda: _light_widgets() == [])  # once the palette events are through
    dialog.reject()
    assert prefs.theme == "light"
    assert _pixel_lightness(tree) > 200


def test_ok_keeps_the_dark_theme_for_every_window(
    qtbot: QtBot,
    window: MainWindow,
    col: Collection,
    prefs: Preferences,
    appearance: Appearance,
) -> None:
    prefs.theme = "light"
    appearance.apply()
    browser = window.browse()
    assert isinstance(browser, BrowserWindow)
    qtbot.waitExposed(browser)
    browser.search_box.setText("deck:(")
    browser.run_search()  # the search box now has its red-border style sheet
    dialog = _settings(qtbot, window)
    _choose(dialog.theme_box, "dark")
    dialog.accept()
    assert prefs.theme == "dark"
    qtbot.waitUntil(lambda: _light_widgets() == [])  # once the palette events are through
    assert _pixel_lightness(window.deck_page.tree.viewport()) < 80
    assert _pixel_lightness(browser.table.viewport()) < 80
    assert browser.search_box.palette().color(QPalette.ColorRole.Base).lightness() < 80
    browser.close()


def test_font_size_and_language_apply_while_choosing(
    qtbot: QtBot, window: MainWindow, prefs: Preferences, appearance: Appearance
) -> None:
    appearance.apply()
    size = QApplication.font().pointSize()
    dialog = _settings(qtbot, window)
    _choose(dialog.font_box, 16)
    assert QApplication.font().pointSize() == 16
    _choose(dialog.language_box, "ko")
    qtbot.waitUntil(lambda: window.deck_page.title.text() == "덱")
    assert dialog.look_box.title() == "화면 (바로 적용됨)"
    dialog.reject()
    assert QApplication.font().pointSize() == size
    qtbot.waitUntil(lambda: window.deck_page.title.text() == "Decks")
    assert (prefs.font_size, prefs.language) == (0, "system")
