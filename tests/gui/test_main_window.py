"""The main window: actions, settings, the welcome page, remembered state."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from flashcards.gui.appearance import Appearance
from flashcards.gui.main_window import MainWindow
from flashcards.gui.preferences import Preferences
from flashcards.gui.settings_dialog import DeckOptionsDialog, SettingsDialog
from flashcards.gui.welcome import WelcomeDialog
from flashcards.services.collection import Collection


def _message_boxes(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_the_toolbar_holds_the_main_actions(window: MainWindow) -> None:
    texts = [a.text() for a in window.toolbar.actions()]
    assert texts == [
        "Study",
        "Add",
        "Browse",
        "Stats",
        "Import…",
        "Export…",
        "Settings",
        "Check database",
    ]


def test_settings_apply_daily_limits_to_every_deck_and_the_rollover_hour(
    qtbot: QtBot,
    window: MainWindow,
    col: Collection,
    prefs: Preferences,
    appearance: Appearance,
) -> None:
    window.actions_by_key["settings"].trigger()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    assert (dialog.new_spin.value(), dialog.reviews_spin.value()) == (20, 200)
    assert dialog.rollover_spin.value() == 4
    dialog.new_spin.setValue(1)
    dialog.reviews_spin.setValue(50)
    dialog.rollover_spin.setValue(5)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert {(d.options.new_per_day, d.options.reviews_per_day) for d in col.decks()} == {(1, 50)}
    assert col.rollover_hour == 5
    # Each deck tree may now take one new card: Test's tree shows 1, not 7.
    index = window.deck_page.model.deck_index("Test")
    assert index.siblingAtColumn(1).data() == "1"


def test_one_deck_gets_its_own_limits_from_its_menu(window: MainWindow, col: Collection) -> None:
    window.deck_page.options_requested.emit("Test::B")
    dialog = window.findChild(DeckOptionsDialog)
    assert dialog is not None
    dialog.new_spin.setValue(0)
    dialog.leech_check.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert col.deck("Test::B").options.new_per_day == 0
    assert col.deck("Test::B").options.leech_suspend
    assert col.deck("Test::A").options.new_per_day == 20
    assert window.deck_page.model.deck_index("Test::B").siblingAtColumn(1).data() == "0"


def test_dark_theme_uses_a_dark_palette_and_readable_cards(
    qtbot: QtBot, window: MainWindow, prefs: Preferences, appearance: Appearance
) -> None:
    window.study()
    prefs.theme = "dark"
    appearance.apply()
    qtbot.waitUntil(lambda: "#e8e8e8" in window.review.view.toHtml())
    assert QApplication.palette().color(QApplication.palette().ColorRole.Window).lightness() < 80
    prefs.theme = "light"
    appearance.apply()
    qtbot.waitUntil(lambda: "#e8e8e8" not in window.review.view.toHtml())


def test_welcome_shows_once_and_starts_a_session(
    qtbot: QtBot, window: MainWindow, prefs: Preferences
) -> None:
    dialog = window.maybe_show_welcome()
    assert isinstance(dialog, WelcomeDialog)
    text = dialog.text.toPlainText()
    for words in ("AWS", "Space", "complete blackout", "perfect response", "Anki Deck Package"):
        assert words in text
    assert prefs.welcome_shown
    assert window.maybe_show_welcome() is None  # not again on the next launch
    dialog.start_button.click()
    assert window.stack.currentWidget() is window.review
    assert window.review.current is not None
    window.actions_by_key["welcome"].trigger()  # still there from the Help menu
    assert any(d.isVisible() for d in window.findChildren(WelcomeDialog))


@pytest.fixture
def second_window(
    qtbot: QtBot, col: Collection, prefs: Preferences, appearance: Appearance
) -> Iterator[list[MainWindow]]:
    made: list[MainWindow] = []
    yield made
    for main in made:
        main.close()
        main.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_geometry_and_last_deck_are_remembered(
    qtbot: QtBot,
    window: MainWindow,
    col: Collection,
    prefs: Preferences,
    appearance: Appearance,
    second_window: list[MainWindow],
) -> None:
    window.resize(712, 504)
    window.deck_page.select_deck("Test::B")
    window.close()
    again = MainWindow(col, prefs, appearance, korean_font=True)
    second_window.append(again)
    assert again.deck_page.current_deck() == "Test::B"
    assert (again.width(), again.height()) == (712, 504)


def test_the_korean_font_banner(
    col: Collection,
    prefs: Preferences,
    appearance: Appearance,
    second_window: list[MainWindow],
    window: MainWindow,
) -> None:
    assert window.banner.isHidden()
    without = MainWindow(col, prefs, appearance, korean_font=False)
    second_window.append(without)
    assert not without.banner.isHidden()
    text = without.banner.text()
    assert "No Korean font is installed" in text
    assert "sudo apt install fonts-noto-cjk" in text


def test_undo_from_the_deck_list(qtbot: QtBot, window: MainWindow, col: Collection) -> None:
    window.study()
    qtbot.keyClick(window.review, Qt.Key.Key_Space)
    qtbot.keyClick(window.review, Qt.Key.Key_4)
    qtbot.keyClick(window.review, Qt.Key.Key_Escape)
    window.show_decks()
    assert window.deck_page.model.deck_index("Test").siblingAtColumn(1).data() == "6"
    window.actions_by_key["undo"].trigger()
    assert window.deck_page.model.deck_index("Test").siblingAtColumn(1).data() == "7"
    window.actions_by_key["undo"].trigger()
    assert window.statusBar().currentMessage() == "Nothing to undo."


def test_the_undo_entry_names_what_it_would_undo(window: MainWindow, col: Collection) -> None:
    """As Anki's Edit menu does ("Undo Answer Card"), read as the menu opens."""
    undo = window.actions_by_key["undo"]
    window.go_menu.aboutToShow.emit()
    assert undo.text() == "Undo"
    col.add_note("Basic", ["Lambda", "서버리스 컴퓨팅"], deck="Test")
    window.go_menu.aboutToShow.emit()
    assert undo.text() == "Undo Add Note"
    undo.trigger()
    window.go_menu.aboutToShow.emit()
    assert undo.text() == "Undo"


def test_redo_makes_an_undone_change_again(window: MainWindow, col: Collection) -> None:
    """Ctrl+Shift+Z (or Ctrl+Y), as in Anki; the menu names what it would redo."""
    redo = window.actions_by_key["redo"]
    assert {s.toString() for s in redo.shortcuts()} == {"Ctrl+Shift+Z", "Ctrl+Y"}
    note, _ = col.add_note("Basic", ["Lambda", "서버리스 컴퓨팅"], deck="Test")
    window.actions_by_key["undo"].trigger()
    assert not col.search("Lambda")
    window.go_menu.aboutToShow.emit()
    assert redo.text() == "Redo Add Note"
    redo.trigger()
    assert window.statusBar().currentMessage() == "Added the note again."
    assert col.note(note.id).fields == ("Lambda", "서버리스 컴퓨팅")
    window.go_menu.aboutToShow.emit()
    assert redo.text() == "Redo"
    redo.trigger()
    assert window.statusBar().currentMessage() == "Nothing to redo."


def test_redo_in_a_session_answers_the_card_again(
    qtbot: QtBot, window: MainWindow, col: Collection
) -> None:
    window.study()
    first = window.review.current
    assert first is not None
    qtbot.keyClick(window.review, Qt.Key.Key_Space)
    qtbot.keyClick(window.review, Qt.Key.Key_4)
    answered = col.card(first.card.id)
    qtbot.keyClick(window.review, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.review.current is not None
    assert window.review.current.card.id == first.card.id
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.review, Qt.Key.Key_Z, shift_ctrl)
    assert col.card(first.card.id) == answered
    assert window.review.current is not None
    assert window.review.current.card.id != first.card.id
    assert window.review.session is not None
    assert window.review.session.summary.answered == 1


def test_larger_text_follows_the_font_size_preference(
    qtbot: QtBot, window: MainWindow, prefs: Preferences, appearance: Appearance
) -> None:
    def sizes() -> tuple[float, float, float]:
        return (
            QApplication.font().pointSizeF(),
            window.deck_page.tree.font().pointSizeF(),
            window.summary.headline.font().pointSizeF(),
        )

    prefs.font_size = 10
    appearance.apply()
    qtbot.waitUntil(lambda: sizes() == pytest.approx((10, 12, 16)))
    prefs.font_size = 16
    appearance.apply()
    qtbot.waitUntil(lambda: sizes() == pytest.approx((16, 19.2, 25.6)))
