"""Where the keyboard focus is when a dialog opens, and where Tab takes it next.

A learner opens a dialog and types: the text must land in the first thing to
fill in (the first field of a note, the tags to add, the deck to move to),
never in the tags of a new note or on an OK button that swallows it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from flashcards.gui.appearance import Appearance
from flashcards.gui.browser_dialogs import DeckChoiceDialog, DueDateDialog, TagsDialog
from flashcards.gui.browser_window import BrowserWindow
from flashcards.gui.main_window import MainWindow
from flashcards.gui.note_dialog import NoteDialog
from flashcards.gui.preferences import Preferences
from tests.browse_fixture import Fixture


def _focused(widget: QWidget) -> QWidget | None:
    """The widget of `widget`'s window that has (or gets, once active) the keyboard focus."""
    return widget.window().focusWidget()


def _tab_chain(start: QWidget, qtbot: QtBot, steps: int) -> list[QWidget | None]:
    """Press Tab `steps` times from `start`; the widgets the focus visits, in order."""
    visited: list[QWidget | None] = [start]
    current = start
    for _ in range(steps):
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        following = _focused(start)
        visited.append(following)
        assert following is not None
        current = following
    return visited


def _add_dialog(qtbot: QtBot, window: MainWindow) -> NoteDialog:
    window.deck_page.tree.setFocus()
    qtbot.keyClick(window.deck_page.tree, Qt.Key.Key_A)  # the Add shortcut
    dialog = window.findChild(NoteDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_add_opens_in_the_first_field_and_tabs_through_fields_then_tags(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = _add_dialog(qtbot, window)
    dialog.notetype_box.setCurrentIndex(dialog.notetype_box.findData("Basic"))
    front, back = dialog.editors
    assert _focused(dialog) is front
    chain = _tab_chain(front, qtbot, 8)
    assert chain == [
        front,
        back,
        dialog.tags_edit,
        dialog.cloze_button,
        dialog.save_button,
        dialog.close_button,
        dialog.notetype_box,
        dialog.deck_box,
        front,
    ]


def test_changing_the_note_type_keeps_fields_before_tags(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _add_dialog(qtbot, window)
    box = dialog.notetype_box
    box.setFocus()
    box.setCurrentIndex(box.findData("Cloze"))  # new editors replace the old ones
    text, extra = dialog.editors
    qtbot.waitUntil(lambda: text.isVisible() and extra.isVisible())  # shown when laid out
    assert _tab_chain(box, qtbot, 4) == [box, dialog.deck_box, text, extra, dialog.tags_edit]


def test_edit_opens_in_the_first_field(qtbot: QtBot, window: MainWindow) -> None:
    window.study()
    qtbot.keyClick(window.review, Qt.Key.Key_E)
    dialog = window.findChild(NoteDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    front, back = dialog.editors
    assert front.toPlainText() == "IAM"
    assert _focused(dialog) is front
    # Note type and deck cannot change when editing: Tab skips them.
    assert _tab_chain(front, qtbot, 6) == [
        front,
        back,
        dialog.tags_edit,
        dialog.cloze_button,
        dialog.save_button,
        dialog.close_button,
        front,
    ]


# -- the browser's small dialogs --------------------------------------------------------


def _open(qtbot: QtBot, browser: BrowserWindow, ids: dict[str, int], key: str) -> QWidget:
    browser.select_cards([ids["EC2"], ids["S3"]])
    browser.bulk.actions[key].trigger()
    dialog = browser.bulk.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_typed_tags_go_into_the_tags_field(
    qtbot: QtBot, browser: BrowserWindow, fixture: Fixture
) -> None:
    col, ids = fixture
    dialog = _open(qtbot, browser, ids, "add_tags")
    assert isinstance(dialog, TagsDialog)
    assert _focused(dialog) is dialog.tags_edit
    qtbot.keyClicks(_focused(dialog), "exam")
    qtbot.keyClick(_focused(dialog), Qt.Key.Key_Return)
    assert "exam" in col.note(col.card(ids["EC2"]).note_id).tags


def test_remove_tags_opens_in_its_field_and_tabs_to_the_buttons(
    qtbot: QtBot, browser: BrowserWindow, fixture: Fixture
) -> None:
    _col, ids = fixture
    dialog = _open(qtbot, browser, ids, "remove_tags")
    assert isinstance(dialog, TagsDialog)
    assert _focused(dialog) is dialog.tags_edit
    chain = _tab_chain(dialog.tags_edit, qtbot, 3)
    buttons = dialog.buttons.buttons()
    assert set(chain[1:3]) == set(buttons)
    assert chain[3] is dialog.tags_edit


def test_empty_tags_are_refused_in_the_dialog_in_korean(
    qtbot: QtBot,
    browser: BrowserWindow,
    fixture: Fixture,
    prefs: Preferences,
    appearance: Appearance,
) -> None:
    col, ids = fixture
    prefs.language = "ko"
    appearance.apply()
    before = col.note(col.card(ids["EC2"]).note_id).tags
    dialog = _open(qtbot, browser, ids, "add_tags")
    assert isinstance(dialog, TagsDialog)
    qtbot.keyClicks(dialog.tags_edit, "   ")
    dialog.ok()
    assert dialog.isVisible()  # still asking
    assert dialog.error.isVisible()
    assert dialog.error.text() == "붙일 태그를 하나 이상 입력하세요."
    assert "no tags given" not in dialog.error.text()
    assert _focused(dialog) is dialog.tags_edit
    assert col.note(col.card(ids["EC2"]).note_id).tags == before
    assert col.undo_label is None  # nothing was changed
    qtbot.keyClicks(dialog.tags_edit, "x")
    assert not dialog.error.isVisible()  # typing clears the complaint


def test_move_to_deck_opens_in_the_deck_name(
    qtbot: QtBot, browser: BrowserWindow, fixture: Fixture
) -> None:
    col, ids = fixture
    dialog = _open(qtbot, browser, ids, "move")
    assert isinstance(dialog, DeckChoiceDialog)
    line = dialog.deck_box.lineEdit()
    assert _focused(dialog) in (dialog.deck_box, line)
    qtbot.keyClicks(_focused(dialog), "Moved")
    qtbot.keyClick(_focused(dialog), Qt.Key.Key_Return)
    assert col.deck_name(col.card(ids["EC2"]).deck_id) == "Moved"


def test_an_empty_deck_name_is_refused_in_the_dialog(
    qtbot: QtBot, browser: BrowserWindow, fixture: Fixture
) -> None:
    col, ids = fixture
    deck_before = col.card(ids["EC2"]).deck_id
    dialog = _open(qtbot, browser, ids, "move")
    assert isinstance(dialog, DeckChoiceDialog)
    dialog.deck_box.setCurrentText(" :: ")
    dialog.ok()
    assert dialog.isVisible()
    assert dialog.error.text() == (
        "Type a deck name. Parts of a deck name between :: cannot be empty."
    )
    assert col.card(ids["EC2"]).deck_id == deck_before


def test_set_due_date_opens_in_the_days(
    qtbot: QtBot, browser: BrowserWindow, fixture: Fixture
) -> None:
    _col, ids = fixture
    dialog = _open(qtbot, browser, ids, "due")
    assert isinstance(dialog, DueDateDialog)
    assert _focused(dialog) is dialog.from_spin
