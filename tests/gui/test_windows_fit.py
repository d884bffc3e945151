"""The statistics window and the browser fit on the screen and close with Esc."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from flashcards.gui.browser_window import BrowserWindow
from flashcards.gui.main_window import MainWindow
from flashcards.gui.stats_window import StatsWindow


def _fits_on_screen(window: QMainWindow) -> None:
    area = window.screen().availableGeometry()
    assert window.width() <= area.width(), (window.width(), area)
    assert window.height() <= area.height(), (window.height(), area)


def test_statistics_fit_the_screen_scroll_inside_and_close_with_esc(
    qtbot: QtBot, window: MainWindow
) -> None:
    stats = window.stats()
    assert isinstance(stats, StatsWindow)
    qtbot.waitExposed(stats)
    _fits_on_screen(stats)
    # The page is taller than the window: it scrolls inside, nothing is cut off.
    assert stats.page.sizeHint().height() > stats.scroller.viewport().height()
    assert stats.scroller.verticalScrollBar().maximum() > 0
    stats.activateWindow()
    qtbot.waitUntil(stats.isActiveWindow)
    qtbot.keyClick(stats.deck_box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not stats.isVisible())


def test_the_browser_fits_the_screen_and_closes_with_esc(qtbot: QtBot, window: MainWindow) -> None:
    browser = window.browse()
    assert isinstance(browser, BrowserWindow)
    qtbot.waitExposed(browser)
    _fits_on_screen(browser)
    browser.activateWindow()
    qtbot.waitUntil(browser.isActiveWindow)
    qtbot.keyClick(browser.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not browser.isVisible())
