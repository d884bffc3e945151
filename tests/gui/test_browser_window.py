"""The card browser window: search, errors, the note editor, bulk actions and Ctrl+Z.

Each bulk action is triggered through the window on a real selection, its
dialog answered by setting its fields, and checked through the services; then
Ctrl+Z must bring every row back exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox, QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from flashcards.gui.appearance import Appearance
from flashcards.gui.browser_dialogs import DeckChoiceDialog, DueDateDialog, TagsDialog
from flashcards.gui.browser_model import COLUMNS
from flashcards.gui.browser_window import BrowserWindow
from flashcards.gui.main_window import MainWindow
from flashcards.gui.preferences import Preferences
from flashcards.services.browse import BrowseRow, CardState, SortColumn
from flashcards.services.collection import Collection
from tests.browse_fixture import ALL, Fixture, labels_of

CTRL = Qt.KeyboardModifier.ControlModifier


def shown(window: BrowserWindow, ids: dict[str, int]) -> set[str]:
    return labels_of(window.model.card_ids, ids)


def search(qtbot: QtBot, window: BrowserWindow, text: str) -> None:
    window.search_box.clear()
    if text.isascii():
        qtbot.keyClicks(window.search_box, text)
    else:
        window.search_box.setText(text)  # Hangul: see STYLE.md on keyClicks
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)


def select(window: BrowserWindow, ids: dict[str, int], *labels: str) -> list[int]:
    window.select_cards([ids[label] for label in labels])
    assert labels_of(window.selected_card_ids(), ids) == set(labels)
    return [ids[label] for label in labels]


def snapshot(col: Collection, ids: dict[str, int]) -> dict[str, BrowseRow]:
    by_id = {v: k for k, v in ids.items()}
    return {by_id[r.card_id]: r for r in col.browse_rows(sorted(ids.values()))}


def undo(qtbot: QtBot, window: BrowserWindow) -> None:
    """Ctrl+Z as the user presses it, in the active browser window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)


# -- searching ----------------------------------------------------------------------------


def test_enter_runs_the_search(qtbot: QtBot, browser: BrowserWindow, fixture: Fixture) -> None:
    _col, ids = fixture
    assert shown(browser, ids) == ALL
    search(qtbot, browser, "deck:AWS::EC2")
    assert shown(browser, ids) == {"EC2", "스팟", "SG"}
    search(qtbot, browser, "tag:어휘 or 서울")
    assert shown(browser, ids) == {"사과>", "사과<", "서울1", "서울2"}
    assert browser.count_label.text() == "4 cards shown, 1 selected"
    search(qtbot, browser, "is:suspended")
    assert shown(browser, ids) == {"리전", "SQL"}


def test_a_malformed_query_is_explained_and_its_token_selected(
    qtbot: QtBot, browser: BrowserWindow, fixture: Fixture
) -> None:
    _, ids = fixture
    search(qtbot, browser, "deck:AWS::EC2")
    search(qtbot, browser, "deck:AWS (is:new")
    assert browser.search_error.isVisible()
    assert browser.search_error.text() == (
        "This search cannot be run: “(” (from character 10) cannot be read as a search. "
        "Close it with “)”."
    )
    assert browser.search_box.selectedText() == "("
    assert browser.search_box.selectionStart() == 9
    assert shown(browser, ids) == {"EC2", "스팟", "SG"}  # the last good result stays
    search(qtbot, browser, "prop:ivl>>3")
    assert browser.search_box.selectedText() == "prop:ivl>>3"
    qtbot.keyClicks(browser.search_box, "x")  # editing clears the error
    assert not browser.search_error.isVisible()


@pytest.mark.parametrize("column", COLUMNS)
def test_a_header_click_sorts_as_the_service_does(
    qtbot: QtBot, browser: BrowserWindow, fixture: Fixture, column: SortColumn
) -> None:
    col, _ = fixture
    search(qtbot, browser, "-deck:Default")
    header = browser.table.horizontalHeader()
    x = header.sectionViewportPosition(COLUMNS.index(column)) + 5
    directions = []
    for _ in range(2):  # a second click on the same header sorts the other way
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        assert browser.model.sort_column == column
        directions.append(browser.model.descending)
        expected = col.browse("-deck:Default", column, browser.model.descending).card_ids
        assert browser.model.card_ids == expected
        assert browser.model.rowCount() == 9
    assert sorted(directions) == [False, True]


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    query=st.lists(
        st.sampled_from(
            [*'abEC2사과서울 "():-*<>=!.0123', "deck:", "tag:", "is:", "prop:ivl", " or ", "rated:"]
        ),
        max_size=12,
    ).map("".join)
)
def test_any_typed_query_either_searches_or_explains_itself(
    browser: BrowserWindow, fixture: Fixture, query: str
) -> None:
    col, _ = fixture
    before = browser.model.card_ids
    browser.search_box.setText(query)
    if browser.run_search():
        assert not browser.search_error.isVisible()
        assert set(browser.model.card_ids) == set(col.search(query))
    else:
        assert browser.search_error.isVisible()
        assert browser.model.card_ids == before
        assert browser.search_box.hasSelectedText()
        assert "cannot search:" not in browser.search_error.text()  # never the service's words


def test_opening_from_the_main_window_searches_the_selected_deck(
    qtbot: QtBot, window: MainWindow, col: Collection
) -> None:
    window.deck_page.select_deck("Test::A")
    window.actions_by_key["browse"].trigger()
    browser = window.findChild(BrowserWindow)
    assert browser is not None
    assert browser.search_box.text() == 'deck:"Test::A"'
    assert set(browser.model.card_ids) == set(col.search('deck:"Test::A"'))
    assert browser.model.rowCount() > 0
    assert window.browse() is browser  # asking again raises the same window
    # Suspending a card in the browser updates the main window's counts.
    before = window.deck_page.model.deck_index("Test::A").siblingAtColumn(1).data()
    browser.select_cards([browser.model.card_ids[0]])
    browser.bulk.actions["suspend"].trigger()
    after = window.deck_page.model.deck_index("Test::A").siblingAtColumn(1).data()
    assert int(after) == int(before) - 1
    browser.close()


def test_closing_the_main_window_saves_an_edit_in_the_browser(
    qtbot: QtBot, window: MainWindow, col: Collection
) -> None:
    window.deck_page.select_deck("Test::A")
    browser = window.browse()
    card_id = browser.model.card_ids[0]
    browser.select_cards([card_id])
    note_id = col.card(card_id).note_id
    browser.pane.editor.editors[1].setPlainText("고친 뒷면")
    window.close()
    assert col.note(note_id).fields[1] == "고친 뒷면"


def test_the_browser_reads_again_what_the_main_window_undid(
    qtbot: QtBot, window: MainWindow, col: Collection
) -> None:
    """From a new-user review: after Ctrl+Z in the main window the browser still showed
    the undone edit, and saving another edit brought it back."""
    window.deck_page.select_deck("Test::A")
    browser = window.browse()
    card_id = browser.model.card_ids[0]
    browser.select_cards([card_id])
    note_id = col.card(card_id).note_id
    back = browser.pane.editor.editors[1]
    original = back.toPlainText()
    back.setPlainText(original + " X5")
    assert browser.pane.save()
    browser.bulk.actions["suspend"].trigger()
    assert col.card(card_id).suspended
    for _ in range(2):  # the suspension, then the edit, undone from the main window
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        window.undo()
    assert col.note(note_id).fields[1] == original
    assert not col.card(card_id).suspended
    browser.activateWindow()
    qtbot.waitUntil(browser.isActiveWindow)
    back = browser.pane.editor.editors[1]
    assert back.toPlainText() == original
    assert browser.selected_card_ids() == [card_id]
    row = browser.model.browse_row(browser.model.row_of(card_id) or 0)
    assert row is not None
    assert row.state != "suspended"
    back.setPlainText(original + " X6")
    assert browser.pane.save()
    assert col.note(note_id).fields[1] == original + " X6"
    browser.close()


def test_leaving_the_browser_saves_an_edit_so_undo_in_the_main_window_takes_it_back(
    qtbot: QtBot, window: MainWindow, col: Collection
) -> None:
    """From a second review: an edit typed but not saved was saved on coming back,
    after the main window's Ctrl+Z, and brought the undone text back with it."""
    window.deck_page.select_deck("Test::A")
    browser = window.browse()
    browser.activateWindow()
    qtbot.waitUntil(browser.isActiveWindow)
    card_id = browser.model.card_ids[0]
    browser.select_cards([card_id])
    note_id = col.card(card_id).note_id
    original = col.note(note_id).fields[1]
    browser.pane.editor.editors[1].setPlainText(original + " X")
    assert browser.pane.save()
    browser.pane.editor.editors[1].setPlainText(original + " X Y")  # typed, not saved
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: col.note(note_id).fields[1] == original + " X Y")
    window.undo()  # the edit made last: " Y"
    assert col.note(note_id).fields[1] == original + " X"
    browser.activateWindow()
    qtbot.waitUntil(browser.isActiveWindow)
    assert browser.pane.editor.editors[1].toPlainText() == original + " X"
    assert col.note(note_id).fields[1] == original + " X"
    browser.close()


def test_redo_with_nothing_to_redo_leaves_an_edit_being_typed(
    browser: BrowserWindow, fixture: Fixture
) -> None:
    col, ids = fixture
    select(browser, ids, "S3")
    note_id = col.card(ids["S3"]).note_id
    browser.pane.editor.editors[1].setPlainText("객체 스토리지 (고치는 중)")
    browser.redo()
    assert browser.statusBar().currentMessage() == "Nothing to redo."
    assert browser.pane.dirty
    assert col.note(note_id).fields[1] == "객체 스토리지"


def test_the_browser_speaks_korean(
    qtbot: QtBot, browser: BrowserWindow, prefs: Preferences, appearance: Appearance
) -> None:
    prefs.language = "ko"
    appearance.apply()
    qtbot.waitUntil(lambda: browser.windowTitle() == "카드 찾아보기")
    model = browser.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
    assert headers[:3] == ["정렬 필드", "덱", "복습 날짜"]
    assert browser.bulk.actions["suspend"].text() == "보류"
    assert browser.cards_menu.title() == "카드(&C)"
    assert browser.count_label.text() == "10장 표시 중, 1장 선택됨"
    assert "(새 카드)" in [model.index(r, 3).data() for r in range(model.rowCount())]


# -- the note editor ----------------------------------------------------------------------


def test_the_preview_shows_the_selected_card_of_the_note(
    browser: BrowserWindow, fixture: Fixture
) -> None:
    """A reversed note's second card previews its back as the question; a cloze its own
    deletion; moving between cards of one note follows the card, as in Anki."""
    _, ids = fixture
    pane = browser.pane
    select(browser, ids, "사과<")
    assert pane.editor.front_view.toPlainText().strip() == "apple"
    assert "Card 2" in pane.info_label.text()
    select(browser, ids, "사과>")
    assert pane.editor.front_view.toPlainText().strip() == "사과"
    assert "Card 1" in pane.info_label.text()
    select(browser, ids, "서울2")
    front = pane.editor.front_view.toPlainText()
    assert "서울" in front
    assert "한국" not in front
    assert "Cloze 2" in pane.info_label.text()
    select(browser, ids, "서울1")
    front = pane.editor.front_view.toPlainText()
    assert "한국" in front
    assert "서울" not in front


def test_editing_the_selected_note_saves_it(
    qtbot: QtBot, browser: BrowserWindow, fixture: Fixture
) -> None:
    col, ids = fixture
    select(browser, ids, "S3")
    pane = browser.pane
    assert pane.currentIndex() == 0
    front, back = pane.editor.editors
    assert (front.toPlainText(), back.toPlainText()) == ("S3", "객체 스토리지")
    front.setPlainText("Amazon S3")
    back.setFocus()
    qtbot.keyClick(back, Qt.Key.Key_Return, CTRL)
    note_id = col.card(ids["S3"]).note_id
    assert col.note(note_id).fields == ("Amazon S3", "객체 스토리지")
    row = browser.model.row_of(ids["S3"])
    assert row is not None
    assert browser.model.index(row, 0).data() == "Amazon S3"
    # Moving to another card saves pending edits by itself.
    pane.editor.tags_edit.setText("aws::s3 storage 중요")
    select(browser, ids, "EC2")
    assert col.note(note_id).tags == ("aws::s3", "storage", "중요")
    assert pane.editor.editors[0].toPlainText() == "EC2"
    undo(qtbot, browser)
    assert col.note(note_id).tags == ("aws::s3", "storage")
    undo(qtbot, browser)
    assert col.note(note_id).fields == ("S3", "객체 스토리지")


def test_tab_leaves_the_table_for_the_editor(
    qtbot: QtBot, browser: BrowserWindow, fixture: Fixture
) -> None:
    """The keyboard reaches the note below, as in Anki (Tab went from cell to cell)."""
    _, ids = fixture
    select(browser, ids, "S3")
    browser.table.setFocus()
    qtbot.keyClick(browser.table, Qt.Key.Key_Tab)
    focused = browser.focusWidget()
    assert focused is not browser.table
    assert browser.pane.isAncestorOf(focused), focused


def test_an_edit_that_makes_no_card_is_not_saved_and_says_why(
    browser: BrowserWindow, fixture: Fixture
) -> None:
    col, ids = fixture
    select(browser, ids, "S3")
    browser.pane.editor.editors[0].setPlainText("")
    browser.pane.save_button.click()
    assert browser.pane.status_label.text() == "This note makes no card yet: fill in “Front”."
    select(browser, ids, "EC2")
    assert browser.statusBar().currentMessage().startswith("The note was not saved: This note")
    assert col.note(col.card(ids["S3"]).note_id).fields[0] == "S3"


def test_several_cards_selected_show_no_editor(browser: BrowserWindow, fixture: Fixture) -> None:
    _, ids = fixture
    select(browser, ids, "S3", "EC2")
    assert browser.pane.currentIndex() == 1
    assert browser.pane.placeholder.text().startswith("2 cards selected")


# -- bulk actions and Ctrl+Z ----------------------------------------------------------------


def answer_dialog(window: BrowserWindow, kind: type, fill: Callable[[object], None]) -> None:
    dialog = window.bulk.dialog
    assert isinstance(dialog, kind)
    assert dialog.isVisible()
    fill(dialog)
    dialog.ok()  # type: ignore[union-attr]


def test_move_to_a_new_deck_and_undo(
    qtbot: QtBot, browser: BrowserWindow, fixture: Fixture
) -> None:
    col, ids = fixture
    before = snapshot(col, ids)
    select(browser, ids, "S3", "EC2")
    browser.bulk.actions["move"].trigger()
    answer_dialog(browser, DeckChoiceDialog, lambda d: d.deck_box.setCurrentText("시험::새 덱"))
    after = snapshot(col, ids)
    assert {after["S3"].deck, after["EC2"].deck} == {"시험::새 덱"}
    assert after["스팟"] == before["스팟"]
    assert labels_of(browser.selected_card_ids(), ids) == {"S3", "EC2"}  # selection kept
    assert "moved to 시험::새 덱" in browser.statusBar().currentMessage()
    undo(qtbot, browser)
    assert snapshot(col, ids) == before
    assert "시험::새 덱" not in {d.name for d in col.decks()}


def test_add_and_remove_tags_and_undo(
    qtbot: QtBot, browser: BrowserWindow, fixture: Fixture
) -> None:
    col, ids = fixture
    before = snapshot(col, ids)
    select(browser, ids, "사과>", "EC2")
    browser.bulk.actions["add_tags"].trigger()
    answer_dialog(browser, TagsDialog, lambda d: d.tags_edit.setText("시험 exam"))
    tagged = snapshot(col, ids)
    assert set(tagged["사과<"].tags) == {"어휘", "fruit", "시험", "exam"}  # the note's other card
    assert set(tagged["EC2"].tags) == {"aws::ec2", "compute", "시험", "exam"}
    browser.bulk.actions["remove_tags"].trigger()
    answer_dialog(browser, TagsDialog, lambda d: d.tags_edit.setText("COMPUTE 시험"))
    assert set(snapshot(col, ids)["EC2"].tags) == {"aws::ec2", "exam"}
    undo(qtbot, browser)
    assert snapshot(col, ids) == tagged
    undo(qtbot, browser)
    assert snapshot(col, ids) == before


@pytest.mark.parametrize(
    ("action", "labels", "expected"),
    [
        ("suspend", ("EC2", "서울2"), {"EC2": CardState.SUSPENDED, "서울2": CardState.SUSPENDED}),
        (
            "unsuspend",
            ("리전", "SQL", "S3"),
            {"리전": CardState.MATURE, "SQL": CardState.NEW, "S3": CardState.YOUNG},
        ),
        ("bury", ("S3", "사과<"), {"S3": CardState.BURIED, "사과<": CardState.BURIED}),
    ],
)
def test_state_actions_and_undo(
    qtbot: QtBot,
    browser: BrowserWindow,
    fixture: Fixture,
    action: str,
    labels: tuple[str, ...],
    expected: dict[str, CardState],
) -> None:
    col, ids = fixture
    before = snapshot(col, ids)
    select(browser, ids, *labels)
    browser.bulk.actions[action].trigger()
    after = snapshot(col, ids)
    assert {label: after[label].state for label in expected} == expected
    unchanged = ALL - set(labels)
    assert {k: after[k] for k in unchanged} == {k: before[k] for k in unchanged}
    undo(qtbot, browser)
    assert snapshot(col, ids) == before
    qtbot.keyClick(browser.table, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert snapshot(col, ids) == after
    assert browser.statusBar().currentMessage().endswith("again.")
    browser.edit_menu.aboutToShow.emit()
    assert browser.undo_action.text() == f"Undo {action.capitalize()}"  # it names the step
    assert browser.redo_action.text() == "Redo"


def test_reset_to_new_and_undo(qtbot: QtBot, browser: BrowserWindow, fixture: Fixture) -> None:
    col, ids = fixture
    before = snapshot(col, ids)
    select(browser, ids, "EC2", "SG")
    browser.bulk.actions["reset"].trigger()
    after = snapshot(col, ids)
    for label in ("EC2", "SG"):
        assert after[label].state == CardState.NEW
        assert (after[label].due, after[label].interval) == (None, 0)
    undo(qtbot, browser)
    assert snapshot(col, ids) == before


def test_set_due_date_over_a_range_and_undo(
    qtbot: QtBot, browser: BrowserWindow, fixture: Fixture
) -> None:
    col, ids = fixture
    before = snapshot(col, ids)
    select(browser, ids, "서울2", "S3", "EC2")

    def fill(dialog: object) -> None:
        assert isinstance(dialog, DueDateDialog)
        dialog.from_spin.setValue(3)
        dialog.range_check.setChecked(True)
        dialog.to_spin.setValue(5)

    browser.bulk.actions["due"].trigger()
    answer_dialog(browser, DueDateDialog, fill)
    after = snapshot(col, ids)
    for label in ("서울2", "S3", "EC2"):
        due = after[label].due
        assert due is not None  # the new card became a review card
        assert date(2026, 11, 30) <= due <= date(2026, 12, 2)  # today 11-27, +3 to +5 days
    undo(qtbot, browser)
    assert snapshot(col, ids) == before


@pytest.mark.parametrize(
    ("action", "labels", "gone"),
    [
        ("delete_notes", ("사과>",), {"사과>", "사과<"}),
        ("delete_cards", ("사과>", "SQL"), {"사과>", "SQL"}),
    ],
)
def test_delete_asks_first_and_undo_brings_everything_back(
    qtbot: QtBot,
    browser: BrowserWindow,
    fixture: Fixture,
    action: str,
    labels: tuple[str, ...],
    gone: set[str],
) -> None:
    col, ids = fixture
    before = snapshot(col, ids)
    notes_before = col.store.notes.count()
    select(browser, ids, *labels)
    browser.bulk.actions[action].trigger()
    box = browser.bulk.dialog
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert snapshot(col, ids) == before  # cancelled: nothing deleted
    browser.bulk.actions[action].trigger()
    box = browser.bulk.dialog
    assert isinstance(box, QMessageBox)
    (confirm,) = [
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    ]
    confirm.click()
    assert set(snapshot(col, ids)) == ALL - gone
    assert shown(browser, ids) == ALL - gone
    assert browser.selected_card_ids()  # a nearby row is selected instead
    undo(qtbot, browser)
    assert snapshot(col, ids) == before
    assert col.store.notes.count() == notes_before
    assert shown(browser, ids) == ALL


def test_large_selections_run_in_the_worker(
    qtbot: QtBot, browser: BrowserWindow, fixture: Fixture
) -> None:
    col, ids = fixture
    browser.background_at = 2
    before = snapshot(col, ids)
    select(browser, ids, "EC2", "S3", "스팟")
    browser.bulk.actions["suspend"].trigger()
    assert browser.task is not None
    qtbot.waitUntil(lambda: browser.task is None)
    assert {snapshot(col, ids)[k].state for k in ("EC2", "S3", "스팟")} == {CardState.SUSPENDED}
    undo(qtbot, browser)
    assert browser.task is not None  # the undo of a large change runs in the worker too
    qtbot.waitUntil(lambda: browser.task is None)
    assert snapshot(col, ids) == before


def test_nothing_to_undo_is_said(qtbot: QtBot, browser: BrowserWindow) -> None:
    undo(qtbot, browser)
    assert browser.statusBar().currentMessage() == "Nothing to undo."


def test_the_context_menu_offers_the_bulk_actions(browser: BrowserWindow, fixture: Fixture) -> None:
    _, ids = fixture
    select(browser, ids, "EC2")
    menu = browser.context_menu()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == [
        "Move to deck…",
        "Add tags…",
        "Remove tags…",
        "Suspend",
        "Unsuspend",
        "Bury until tomorrow",
        "Reset to new",
        "Set due date…",
        "Delete notes…",
        "Delete cards…",
    ]
    menu.close()


def test_actions_need_a_selection(browser: BrowserWindow) -> None:
    assert browser.bulk.actions["suspend"].isEnabled()  # the first row is selected on opening
    browser.table.clearSelection()
    assert not browser.bulk.actions["suspend"].isEnabled()
    assert browser.pane.currentIndex() == 1


def test_dialogs_for_one_card_speak_of_one_card(qtbot: QtBot) -> None:
    one = [
        DeckChoiceDialog(["AWS"], 1),
        TagsDialog(adding=True, cards=1),
        TagsDialog(adding=False, cards=1),
        DueDateDialog(1),
    ]
    many = [DeckChoiceDialog(["AWS"], 3), TagsDialog(adding=True, cards=3), DueDateDialog(3)]
    for dialog in one + many:
        qtbot.addWidget(dialog)
    assert [d.prompt.text() for d in one] == [
        "Move the selected card to this deck (a new name creates the deck):",
        "Tags to add to the note of the selected card:",
        "Tags to remove from the note of the selected card:",
        "When should the selected card be due? 0 is today.",
    ]
    assert all("3 selected cards" in d.prompt.text() for d in many)


def test_long_cells_show_their_start_and_deck_paths_their_last_part(browser: BrowserWindow) -> None:
    """As in Anki, a long question is cut at its end; a deck path in its middle
    ("AWS::…::구매 옵션"), so the deck itself stays readable."""
    table = browser.table
    assert table.textElideMode() == Qt.TextElideMode.ElideRight
    deck = COLUMNS.index(SortColumn.DECK)
    delegate = table.itemDelegateForColumn(deck)
    assert isinstance(delegate, QStyledItemDelegate)
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, browser.model.index(0, deck))
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle
    assert table.itemDelegateForColumn(COLUMNS.index(SortColumn.SORT_FIELD)) is None
