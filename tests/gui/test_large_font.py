"""The largest interface font (20 pt) on a 1280 × 800 screen: nothing cut off or elided.

Each window is given the size it gets on such a screen (the offscreen test screen
is smaller), then checked for what a reader would see: text that does not fit
its widget, columns too narrow for their cells, toolbar buttons hidden, cards
smaller than the buttons under them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontInfo, QFontMetrics, QTextFormat
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton, QToolBar
from pytestqt.qtbot import QtBot

from flashcards.gui.appearance import Appearance
from flashcards.gui.browser_window import BrowserWindow
from flashcards.gui.labels import grade_meaning
from flashcards.gui.main_window import MainWindow
from flashcards.gui.preferences import FONT_SIZES, Preferences
from flashcards.gui.settings_dialog import SettingsDialog
from flashcards.gui.stats_window import StatsWindow
from flashcards.services.collection import Collection

SCREEN = QSize(1280, 800)
WINDOW = QSize(1264, 760)  # what fits on it beside the window frame and a panel


@pytest.fixture
def big(
    qtbot: QtBot, col: Collection, prefs: Preferences, appearance: Appearance
) -> Iterator[MainWindow]:
    """The main window at the largest font size, in Korean, sized for a 1280 × 800 screen."""
    prefs.font_size, prefs.language = max(FONT_SIZES), "ko"
    appearance.apply()
    window = MainWindow(col, prefs, appearance, korean_font=True)
    window.show()
    window.resize(WINDOW)
    qtbot.waitExposed(window)
    yield window
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _fits(window: MainWindow) -> None:
    hint = window.minimumSizeHint()
    assert hint.width() <= SCREEN.width(), hint
    assert hint.height() <= SCREEN.height(), hint


def _all_toolbar_buttons_shown(toolbar: QToolBar) -> bool:
    actions = [a for a in toolbar.actions() if not a.isSeparator()]
    widgets = [toolbar.widgetForAction(a) for a in actions]
    return all(w is not None and w.isVisible() for w in widgets)


def test_the_deck_list_fits_and_its_header_is_as_large_as_its_rows(big: MainWindow) -> None:
    _fits(big)
    tree = big.deck_page.tree
    header = tree.header()
    assert header.font().pointSizeF() == tree.font().pointSizeF()
    titles = QFontMetrics(header.font())
    for column in range(1, big.deck_page.model.columnCount()):
        title = str(big.deck_page.model.headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) > titles.horizontalAdvance(title), title
    assert _all_toolbar_buttons_shown(big.toolbar)


def test_a_review_fits_with_its_progress_text_whole_and_cards_larger_than_buttons(
    qtbot: QtBot, big: MainWindow
) -> None:
    big.study()
    review = big.review
    qtbot.keyClick(review, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not review.grade_panel.isHidden())
    _fits(big)
    assert review.progress.height() >= review.progress.sizeHint().height()
    for button in review.grade_buttons:
        assert button.width() >= button.sizeHint().width(), button.text()
    # The card's own text (Anki's 20 px) is scaled up past the buttons' text.
    block = review.view.document().begin()
    card_px = block.begin().fragment().charFormat().intProperty(QTextFormat.Property.FontPixelSize)
    button_px = QFontInfo(review.grade_buttons[0].font()).pixelSize()
    assert card_px > button_px


def test_typing_an_answer_fits_too(qtbot: QtBot, big: MainWindow, col: Collection) -> None:
    col.set_deck_options("Test", replace(col.deck("Test").options, type_answer=True))
    big.deck_page.select_deck("Test")
    big.study()
    review = big.review
    review.answer_input.setText("IAM")
    qtbot.keyClick(review.answer_input, Qt.Key.Key_Return)
    assert review.suggestion.isVisible()
    _fits(big)
    assert review.grade_panel.columns >= 2  # not one button a row, squeezing the card away


def test_the_browser_shows_whole_numbers_and_dates_and_every_tool(
    qtbot: QtBot, big: MainWindow
) -> None:
    browser = big.browse()
    assert isinstance(browser, BrowserWindow)
    browser.resize(WINDOW)
    qtbot.waitExposed(browser)
    assert _all_toolbar_buttons_shown(browser.toolbar)
    assert _all_toolbar_buttons_shown(browser.toolbar_more)
    header, cells = browser.table.horizontalHeader(), browser.table.fontMetrics()
    model = browser.model
    for column in range(2, 8):  # due, interval, ease, reviews, lapses, added
        for row in range(model.rowCount()):
            text = str(model.index(row, column).data())
            assert header.sectionSize(column) > cells.horizontalAdvance(text), (column, text)
    browser.close()


def stats_one_row(stats: StatsWindow) -> object:
    return stats.page.tile_groups.arrangement_for(10_000)


def test_statistics_need_no_sideways_scrolling(qtbot: QtBot, big: MainWindow) -> None:
    stats = big.stats()
    assert isinstance(stats, StatsWindow)
    stats.resize(WINDOW)
    qtbot.waitExposed(stats)
    qtbot.waitUntil(lambda: not stats.scroller.horizontalScrollBar().isVisible())
    stats.resize(900, 760)  # narrower: the number tiles flow onto more rows instead
    qtbot.waitUntil(lambda: stats.page.tile_groups.arrangement != stats_one_row(stats))
    assert not stats.scroller.horizontalScrollBar().isVisible()
    line = stats.page.reviews_chart.fontMetrics().height()
    assert stats.page.reviews_chart.height() >= 12 * line
    stats.close()


def test_the_settings_note_is_not_cut_off(qtbot: QtBot, big: MainWindow) -> None:
    big.open_settings()
    dialog = big.findChild(SettingsDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    note = dialog.limits_note
    assert note.height() >= note.heightForWidth(note.width())
    dialog.reject()


def test_a_font_size_chosen_while_running_reaches_every_widget(
    qtbot: QtBot, window: MainWindow, prefs: Preferences, appearance: Appearance
) -> None:
    """The deck list's header and the re-drill badge have style sheets of their own,
    which Qt polishes once: they must follow a live change too."""
    appearance.apply()
    header = window.deck_page.tree.header()
    badge = window.review.drill_badge  # the review screen is built when first needed
    prefs.font_size = max(FONT_SIZES)
    appearance.apply()
    expected = QApplication.font().pointSizeF()
    assert expected == max(FONT_SIZES)
    qtbot.waitUntil(lambda: header.font().pointSizeF() == window.deck_page.tree.font().pointSizeF())
    assert header.font().pointSizeF() == pytest.approx(1.2 * expected)
    assert badge.font().pointSizeF() == expected


def test_a_review_screen_built_after_a_font_change_has_the_new_font(
    qtbot: QtBot, window: MainWindow, prefs: Preferences, appearance: Appearance
) -> None:
    prefs.font_size = max(FONT_SIZES)
    appearance.apply()
    qtbot.waitUntil(lambda: window.font().pointSizeF() == max(FONT_SIZES))
    assert window.review.drill_badge.font().pointSizeF() == max(FONT_SIZES)
    assert window.summary.font().pointSizeF() == max(FONT_SIZES)


def test_a_small_window_keeps_several_grades_to_a_row(qtbot: QtBot, big: MainWindow) -> None:
    """At the largest font in an 800 × 600 window the buttons drop the grades' meanings
    (their tooltips keep them) rather than going one to a row over the card."""
    big.study()
    review = big.review
    qtbot.keyClick(review, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not review.grade_panel.isHidden())
    assert not review.grade_panel.short  # the full texts while they fit
    big.resize(800, 600)
    qtbot.waitUntil(lambda: review.grade_panel.short)
    assert review.grade_panel.columns >= 2
    assert review.grade_buttons[4].text() == "4 · 1일"
    assert grade_meaning(4) in review.grade_buttons[4].toolTip()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_check_boxes_grow_with_the_font_and_show_on_a_dark_window(
    qtbot: QtBot, prefs: Preferences, appearance: Appearance, theme: str
) -> None:
    """At 20 pt a 13-pixel box was a speck; in dark mode an unticked one vanished."""
    prefs.font_size, prefs.theme = max(FONT_SIZES), theme
    appearance.apply()
    box = QCheckBox("Suspend a card when it becomes a leech")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    line = QFontMetrics(box.font()).height()
    style = box.style()
    indicator = style.subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, _option(box), box)
    assert indicator.height() >= 0.75 * line, (indicator, line)

    if theme == "light":
        return  # the platform style's own box, drawn on a light window as it always was
    image = box.grab().toImage()
    window = image.pixelColor(box.width() - 1, box.height() - 1).lightness()
    ring = [
        image.pixelColor(indicator.left() + 1, y)
        for y in range(indicator.top(), indicator.bottom())
    ]
    # The unticked box's edge stands out from the window around it (by a fifth of the range).
    assert max(abs(c.lightness() - window) for c in ring) > 50, [c.name() for c in ring]


def _option(box: QCheckBox) -> QStyleOptionButton:
    option = QStyleOptionButton()
    option.initFrom(box)
    option.text = box.text()
    return option
