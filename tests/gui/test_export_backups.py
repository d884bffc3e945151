"""File ▸ Export… and File ▸ Backups…, and the daily backup when the window closes."""

from __future__ import annotations

import json
import re
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from flashcards.core.clock import FixedClock
from flashcards.gui.appearance import Appearance
from flashcards.gui.backups_dialog import BackupsDialog
from flashcards.gui.browser_window import BrowserWindow
from flashcards.gui.export_dialog import ExportDialog, default_export_path
from flashcards.gui.main_window import MainWindow
from flashcards.gui.preferences import Preferences
from flashcards.services.collection import Collection
from tests.anki_helpers import import_into_anki


def _visible_boxes(window: MainWindow) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def _export_dialog(window: MainWindow) -> ExportDialog:
    window.actions_by_key["export"].trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def test_a_text_export_says_it_holds_notes_only(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.deck_page.select_deck("Test::B")
    dialog = _export_dialog(window)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(".csv"))
    out = tmp_path / "b.csv"
    dialog.set_path(out)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: window.task is None)
    (box,) = _visible_boxes(window)
    assert box.text() == (
        f"Exported to {out}. Notes: 2 (a text file carries no scheduling, review log or media)."
    )
    box.close()
    assert out.read_text(encoding="utf-8").count("\n") >= 2


def test_plain_text_is_offered_as_anki_offers_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Anki's "Notes in Plain Text (.txt)": tab-separated, as the CLI already wrote it."""
    dialog = _export_dialog(window)
    index = dialog.format_box.findData(".txt")
    assert dialog.format_box.itemText(index) == "Notes in plain text, as Anki writes them (.txt)"
    dialog.format_box.setCurrentIndex(index)
    assert dialog.path.suffix == ".txt"
    assert not dialog.scheduling_check.isEnabled()
    dialog.set_path(tmp_path / "all.txt")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: window.task is None)
    (box,) = _visible_boxes(window)
    box.close()
    lines = dialog.path.read_text(encoding="utf-8").splitlines()
    assert "#separator:tab" in lines
    assert any("\t" in line and not line.startswith("#") for line in lines)


def test_export_writes_a_package_that_real_anki_opens(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.deck_page.select_deck("Test::B")
    dialog = _export_dialog(window)
    assert dialog.deck_box.currentData() == "Test::B"  # the deck selected in the list
    assert dialog.suffix == ".apkg"
    dialog.set_path(tmp_path / "b.apkg")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: window.task is None)
    (box,) = _visible_boxes(window)
    # Test::B holds EBS (Basic and reversed: 2 cards) and one Cloze note with c1, c2.
    out = tmp_path / "b.apkg"
    assert box.text() == (
        f"Exported to {out}. Notes: 2 · cards: 4 · review-log entries: 0 · media files: 0"
    )
    box.close()
    with zipfile.ZipFile(out) as zf:  # Anki's current format by default
        assert zf.read("meta") == b"\x08\x03"
        assert "collection.anki21b" in zf.namelist()
    anki, _log = import_into_anki(tmp_path / "anki", tmp_path / "b.apkg")
    try:
        assert (anki.note_count(), anki.card_count()) == (2, 4)
        assert "Test::B" in anki.decks.all_names()
    finally:
        anki.close()


def test_support_older_anki_versions_writes_the_legacy_package(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = _export_dialog(window)
    dialog.deck_box.setCurrentIndex(dialog.deck_box.findData("Test::B"))
    assert dialog.legacy_check.text() == "Support older Anki versions (slower, larger file)"
    qtbot.mouseClick(dialog.legacy_check, Qt.MouseButton.LeftButton)
    assert dialog.options().legacy
    dialog.set_path(tmp_path / "old.apkg")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: window.task is None)
    for box in _visible_boxes(window):
        box.close()
    with zipfile.ZipFile(tmp_path / "old.apkg") as zf:
        assert "collection.anki21" in zf.namelist()
        assert zf.read("meta") == b"\x08\x02"  # PackageMetadata{version: LEGACY_2}
    anki, _log = import_into_anki(tmp_path / "anki", tmp_path / "old.apkg")
    try:
        assert (anki.note_count(), anki.card_count()) == (2, 4)
    finally:
        anki.close()


def test_options_a_format_cannot_carry_are_switched_off(window: MainWindow, tmp_path: Path) -> None:
    dialog = _export_dialog(window)
    dialog.deck_box.setCurrentIndex(0)
    assert dialog.deck_box.currentText() == "All decks"
    assert dialog.options().deck is None
    assert not dialog.legacy_check.isChecked()  # Anki's current format unless asked
    dialog.media_check.setChecked(False)  # the user's .apkg choices
    dialog.legacy_check.setChecked(True)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(".csv"))
    assert dialog.path.suffix == ".csv"
    checks = (dialog.scheduling_check, dialog.media_check, dialog.legacy_check)
    assert [(c.isEnabled(), c.isChecked()) for c in checks] == [(False, False)] * 3
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(".json"))
    assert [(c.isEnabled(), c.isChecked()) for c in checks] == [(False, True)] * 2 + [
        (False, False)
    ]
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(".apkg"))
    assert [(c.isEnabled(), c.isChecked()) for c in checks] == [
        (True, True),
        (True, False),
        (True, True),
    ]
    dialog.set_path(tmp_path / "all.tsv")  # a chosen file's extension picks the format
    assert dialog.format_box.currentData() == ".tsv"
    dialog.reject()


def test_default_file_names_never_replace_a_file(tmp_path: Path) -> None:
    first = default_export_path(tmp_path, "AWS::EC2", ".apkg", date(2026, 11, 27))
    assert first == tmp_path / "AWS-EC2-2026-11-27.apkg"
    first.write_bytes(b"")
    assert default_export_path(tmp_path, "AWS::EC2", ".apkg", date(2026, 11, 27)) == (
        tmp_path / "AWS-EC2-2026-11-27-2.apkg"
    )
    assert default_export_path(tmp_path, None, ".json", date(2026, 11, 27)).name == (
        "flashcards-2026-11-27.json"
    )


# -- backups ---------------------------------------------------------------------------------


def _backups_dialog(window: MainWindow) -> BackupsDialog:
    window.actions_by_key["backups"].trigger()
    dialog = window.findChild(BackupsDialog)
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def _rows(dialog: BackupsDialog) -> list[tuple[str, str]]:
    items = (dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount()))
    return [(item.text(0), item.text(1)) for item in items if item is not None]


def test_back_up_now_adds_a_backup_to_the_list(
    qtbot: QtBot, window: MainWindow, col: Collection, clock: FixedClock
) -> None:
    dialog = _backups_dialog(window)
    assert _rows(dialog) == []
    assert not dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.back_up_now().finished):
        pass
    assert _rows(dialog) == [("2026-11-27 09:00:00", "by hand")]
    clock.advance(timedelta(minutes=5))
    with qtbot.waitSignal(dialog.back_up_now().finished):
        pass
    assert _rows(dialog)[0] == ("2026-11-27 09:05:00", "by hand")  # newest first
    assert dialog.selected() == col.backups()[0]
    size = dialog.list.topLevelItem(0).text(2)
    assert re.fullmatch(r"\d+(\.\d)? (bytes|kB|MB)", size), size
    dialog.reject()


def test_open_backups_folder_shows_the_folder(
    qtbot: QtBot, window: MainWindow, col: Collection
) -> None:
    opened: list[Path] = []
    dialog = BackupsDialog(col, window, opener=opened.append)
    qtbot.addWidget(dialog)
    dialog.folder_button.click()
    assert opened == [col.backups_dir]


def test_restore_asks_first_then_brings_back_the_older_collection(
    qtbot: QtBot, window: MainWindow, col: Collection, clock: FixedClock
) -> None:
    older = col.backup("manual")
    clock.advance(timedelta(minutes=1))
    col.add_note("Basic", ["Lambda", "서버리스 함수"], deck="Later")
    window.refresh()
    window.study()  # a session is running when the restore comes
    assert window.stack.currentWidget() is window.review
    assert window.deck_page.model.deck_index("Later").isValid()
    dialog = _backups_dialog(window)
    assert dialog.selected() == older
    dialog.restore_button.click()
    (question,) = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    assert question.text() == "Restore the backup from 2026-11-27 09:00:00?"
    assert "saved as a backup first" in question.informativeText()
    assert col.store.notes.count() == 6  # nothing happens before the answer
    (restore,) = [b for b in question.buttons() if b.text() == "Restore"]
    with qtbot.waitSignal(dialog.restored):
        restore.click()
    qtbot.waitUntil(lambda: dialog.task is None)
    assert col.store.notes.count() == 5
    assert col.undo_label is None
    # The main window read everything again: no "Later" deck, back on the deck list.
    assert window.stack.currentWidget() is window.deck_page
    assert not window.deck_page.model.deck_index("Later").isValid()
    assert window.totals.text().endswith("7 cards in 3 decks")
    assert _rows(dialog)[0] == ("2026-11-27 09:01:00", "before a restore")
    (done,) = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    assert done.windowTitle() == "Backup restored"
    done.close()
    dialog.reject()


def test_cancelling_the_question_restores_nothing(
    qtbot: QtBot, window: MainWindow, col: Collection, clock: FixedClock
) -> None:
    col.backup("manual")
    col.add_note("Basic", ["Lambda", "서버리스 함수"], deck="Later")
    dialog = _backups_dialog(window)
    dialog.restore_button.click()
    (question,) = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    question.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.task is None
    assert col.store.notes.count() == 6
    assert len(col.backups()) == 1
    dialog.reject()


@pytest.fixture
def windows(
    col: Collection, prefs: Preferences, appearance: Appearance
) -> Iterator[list[MainWindow]]:
    made: list[MainWindow] = []
    yield made
    for main in made:
        main.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_closing_the_app_makes_one_daily_backup_a_day(
    qtbot: QtBot,
    col: Collection,
    prefs: Preferences,
    appearance: Appearance,
    clock: FixedClock,
    windows: list[MainWindow],
) -> None:
    def open_and_close() -> None:
        main = MainWindow(col, prefs, appearance, korean_font=True)
        windows.append(main)
        main.show()
        assert main.close()

    open_and_close()
    assert [(b.reason, b.created.date().isoformat()) for b in col.backups()] == [
        ("daily", "2026-11-27")
    ]
    clock.advance(timedelta(hours=3))
    open_and_close()
    assert len(col.backups()) == 1  # the same day: no second one
    clock.advance(timedelta(days=1))
    open_and_close()
    assert [(b.reason, b.created.date().isoformat()) for b in col.backups()] == [
        ("daily", "2026-11-28"),
        ("daily", "2026-11-27"),
    ]


def test_a_restore_saves_and_closes_the_browser_first(
    qtbot: QtBot, window: MainWindow, col: Collection, clock: FixedClock
) -> None:
    """An edit still open in the browser goes into the "before a restore" backup, not
    into the restored collection; the browser does not stay open on rows that are gone."""
    older = col.backup("manual")
    clock.advance(timedelta(minutes=1))
    (note_id,) = col.duplicates_of("Basic", "S3")
    browser = window.browse()
    browser.select_cards([c.id for c in col.cards_of(note_id)])
    back = browser.pane.editor.editors[1]
    back.setPlainText("고친 뒷면")  # typed, not saved
    assert browser.pane.dirty
    dialog = _backups_dialog(window)
    with qtbot.waitSignal(dialog.restored):
        dialog.restore(older)
    qtbot.waitUntil(lambda: dialog.task is None)
    assert not [b for b in window.findChildren(BrowserWindow) if b.isVisible()]
    assert col.note(note_id).fields == ("S3", "객체 스토리지")  # the backup's text
    safety = next(b for b in col.backups() if b.path != older.path)
    conn = sqlite3.connect(f"{safety.path.as_uri()}?mode=ro", uri=True)
    try:
        (fields,) = conn.execute("SELECT fields FROM notes WHERE id = ?", [note_id]).fetchone()
    finally:
        conn.close()
    assert json.loads(fields) == ["S3", "고친 뒷면"]
    for box in dialog.findChildren(QMessageBox):
        box.close()
    dialog.reject()
