"""Renaming and deleting decks from the deck list, and Ctrl+Z bringing them back.

tests/data/small_deck.txt gives decks Test (IAM), Test::A (EC2, S3) and
Test::B (EBS and its reverse, two cloze cards): 7 cards in all.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from flashcards.gui.appearance import Appearance
from flashcards.gui.deck_actions import CreateDeckDialog, RenameDeckDialog
from flashcards.gui.main_window import MainWindow
from flashcards.gui.preferences import Preferences
from flashcards.services.collection import Collection

CTRL = Qt.KeyboardModifier.ControlModifier


def _decks(col: Collection) -> set[str]:
    return {d.name for d in col.decks()}


def _on(qtbot: QtBot, window: MainWindow, deck: str) -> None:
    """Select `deck` in the list, the list having the keyboard."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.deck_page.select_deck(deck)
    window.deck_page.tree.setFocus()


def _context_menu(window: MainWindow, deck: str) -> dict[str, QAction]:
    menu = window.deck_page.context_menu(deck)
    return {a.text(): a for a in menu.actions() if a.text()}


def _undo(qtbot: QtBot, window: MainWindow) -> None:
    window.deck_page.tree.setFocus()
    qtbot.keyClick(window.deck_page.tree, Qt.Key.Key_Z, CTRL)


def test_the_context_menu_offers_rename_and_delete(window: MainWindow) -> None:
    actions = _context_menu(window, "Test::A")
    assert {"Study", "Options…", "Rename…", "Delete…"} <= set(actions)


@pytest.mark.parametrize("deck", ["Test", "Test::A", "Test::B"])
def test_the_menu_key_opens_the_menu_of_the_selected_deck(
    qtbot: QtBot, window: MainWindow, deck: str
) -> None:
    """As Qt sends it: at the current row's centre, in the tree's (not the viewport's) terms."""
    _on(qtbot, window, deck)
    tree = window.deck_page.tree
    pos = tree.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, pos, tree.mapToGlobal(pos))
    QApplication.sendEvent(tree, event)
    assert _deck_of_open_menu(qtbot, window) == deck


def test_shift_f10_opens_the_menu_of_the_selected_deck(qtbot: QtBot, window: MainWindow) -> None:
    _on(qtbot, window, "Test::B")
    qtbot.keyClick(window.deck_page.tree, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert _deck_of_open_menu(qtbot, window) == "Test::B"


def _deck_of_open_menu(qtbot: QtBot, window: MainWindow) -> str:
    """The deck whose Options… the one open context menu asks for (the menu then closes)."""
    menus = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    assert len(menus) == 1
    (options,) = [a for a in menus[0].actions() if a.text() == "Options…"]
    with qtbot.waitSignal(window.deck_page.options_requested) as asked:
        options.trigger()
    menus[0].close()
    (deck,) = asked.args
    return str(deck)


def test_f2_renames_a_deck_and_ctrl_z_renames_it_back(
    qtbot: QtBot, window: MainWindow, col: Collection
) -> None:
    _on(qtbot, window, "Test::A")
    qtbot.keyClick(window.deck_page.tree, Qt.Key.Key_F2)
    dialog = window.deck_actions.dialog
    assert isinstance(dialog, RenameDeckDialog)
    qtbot.waitExposed(dialog)
    assert dialog.window().focusWidget() is dialog.name_edit
    assert dialog.name_edit.selectedText() == "Test::A"  # typing replaces the old name
    qtbot.keyClicks(dialog.name_edit, "Test::Compute")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert _decks(col) == {"Default", "Test", "Test::Compute", "Test::B"}
    assert window.deck_page.current_deck() == "Test::Compute"
    assert "Deck renamed" in window.statusBar().currentMessage()
    _undo(qtbot, window)
    assert _decks(col) == {"Default", "Test", "Test::A", "Test::B"}
    assert window.statusBar().currentMessage() == "Undid renaming the deck."


def test_a_taken_name_is_refused_in_the_dialog_in_korean(
    qtbot: QtBot,
    window: MainWindow,
    col: Collection,
    prefs: Preferences,
    appearance: Appearance,
) -> None:
    prefs.language = "ko"
    appearance.apply()
    qtbot.waitUntil(lambda: window.deck_page.title.text() == "덱")
    actions = _context_menu(window, "Test::A")
    actions["이름 바꾸기…"].trigger()
    dialog = window.deck_actions.dialog
    assert isinstance(dialog, RenameDeckDialog)
    dialog.name_edit.setText("Test::B")
    dialog.ok()
    assert dialog.isVisible()
    assert dialog.error.text() == "“Test::B” 덱이 이미 있습니다."
    dialog.name_edit.setText("Test::A::안쪽")
    dialog.ok()
    assert dialog.error.text() == "덱을 자기 자신 안으로 옮길 수는 없습니다."
    assert _decks(col) == {"Default", "Test", "Test::A", "Test::B"}
    dialog.reject()


def test_delete_says_what_goes_and_ctrl_z_brings_it_all_back(
    qtbot: QtBot, window: MainWindow, col: Collection
) -> None:
    window.deck_page.select_deck("Test::B")
    window.study()
    qtbot.keyClick(window.review, Qt.Key.Key_Space)
    qtbot.keyClick(window.review, Qt.Key.Key_4)  # EBS: review history in Test::B
    window.review.end()
    window.show_decks()
    reviews = col.stats()["reviews_total"]
    _on(qtbot, window, "Test::B")
    qtbot.keyClick(window.deck_page.tree, Qt.Key.Key_Delete)
    box = window.deck_actions.dialog
    assert isinstance(box, QMessageBox)
    assert box.text() == "Delete the deck “Test::B” and its 4 cards?"
    confirm = next(b for b in box.buttons() if b.text() == "Delete deck")
    confirm.click()
    assert _decks(col) == {"Default", "Test", "Test::A"}
    assert window.deck_page.model.deck_index("Test::B").isValid() is False
    assert "3 cards" in window.totals.text()
    assert col.stats()["reviews_total"] == reviews - 1
    _undo(qtbot, window)
    assert _decks(col) == {"Default", "Test", "Test::A", "Test::B"}
    assert "7 cards" in window.totals.text()
    assert col.stats()["reviews_total"] == reviews  # the answer's history is back


def test_deleting_a_parent_counts_its_subdecks_and_cancel_keeps_it(
    qtbot: QtBot, window: MainWindow, col: Collection
) -> None:
    actions = _context_menu(window, "Test")
    actions["Delete…"].trigger()
    box = window.deck_actions.dialog
    assert isinstance(box, QMessageBox)
    assert box.text() == "Delete the deck “Test”, its 2 subdecks and their 7 cards?"
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert _decks(col) == {"Default", "Test", "Test::A", "Test::B"}


def test_the_last_deck_is_not_offered_for_deletion(
    qtbot: QtBot, window: MainWindow, col: Collection
) -> None:
    col.delete_deck("Default")  # now Test and its subdecks are every deck there is
    window.refresh()
    actions = _context_menu(window, "Test")
    actions["Delete…"].trigger()
    box = window.deck_actions.dialog
    assert isinstance(box, QMessageBox)
    assert box.text().startswith("“Test” is the last deck, so it cannot be deleted")
    assert [b.text() for b in box.buttons()] == ["OK"]
    box.accept()
    assert _decks(col) == {"Test", "Test::A", "Test::B"}


def test_create_deck_from_the_deck_list_and_ctrl_z_removes_it(
    qtbot: QtBot, window: MainWindow, col: Collection
) -> None:
    """As Anki's Create Deck: a name (a taken one, in any letter case, is refused in
    the dialog), the new deck selected, one undo step."""
    window.deck_page.create_button.click()
    dialog = window.deck_actions.dialog
    assert isinstance(dialog, CreateDeckDialog)
    qtbot.waitExposed(dialog)
    assert dialog.window().focusWidget() is dialog.name_edit
    qtbot.keyClicks(dialog.name_edit, "test::a")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.error.text() == "A deck called “Test::A” already exists."
    assert dialog.isVisible()
    dialog.name_edit.setText("Test::스토리지")  # Hangul: see STYLE.md on keyClicks
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert _decks(col) == {"Default", "Test", "Test::A", "Test::B", "Test::스토리지"}
    assert window.deck_page.current_deck() == "Test::스토리지"
    assert window.statusBar().currentMessage() == "Deck created. Ctrl+Z undoes it."
    _undo(qtbot, window)
    assert _decks(col) == {"Default", "Test", "Test::A", "Test::B"}
    assert window.statusBar().currentMessage() == "Undid creating the deck."
