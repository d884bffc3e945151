"""File ▸ Import… and drag-and-drop: preview, field mapping, deck, duplicates, errors."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from flashcards.core.clock import FixedClock
from flashcards.core.models import CardType, Queue
from flashcards.gui.appearance import Appearance
from flashcards.gui.import_dialog import ImportDialog
from flashcards.gui.main_window import MainWindow
from flashcards.gui.preferences import Preferences
from flashcards.services.collection import Collection
from flashcards.services.exporting import export_file
from flashcards.services.importing import import_file
from tests.anki_helpers import AnkiSample, build_sample, export_package, real_now
from tests.conftest import SMALL_DECK
from tests.test_storage import dump


def _open(qtbot: QtBot, window: MainWindow, path: Path) -> ImportDialog:
    """File ▸ Import…, then the file, as a user picks it; waits for the preview."""
    window.actions_by_key["import"].trigger()
    dialog = window.findChild(ImportDialog)
    assert dialog is not None
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.preview_loaded):
        dialog.load(path)
    return dialog


def _run_import(
    qtbot: QtBot, window: MainWindow, dialog: ImportDialog, *, succeeds: bool = True
) -> QMessageBox:
    """Press Import, wait for the worker; the one message box that follows."""
    dialog.import_button.click()
    task = window.task
    assert task is not None
    reports: list[int] = []
    task.finished.connect(lambda: reports.append(task.progress_reports))
    qtbot.waitUntil(lambda: window.task is None)
    if succeeds:  # the service's progress reached the dialog (at least start and end)
        assert reports[0] >= 2
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def _notes(col: Collection) -> dict[tuple[str, ...], tuple[str, list[str]]]:
    """Fields → (note type, decks of its cards), for every note that has cards."""
    result = {}
    for note_id in {card.note_id for card in col.store.cards.iter_all()}:
        note = col.note(note_id)
        decks = sorted(col.deck_name(c.deck_id) for c in col.cards_of(note.id))
        result[note.fields] = (col.notetype_of(note).name, decks)
    return result


def test_the_summary_says_how_many_cards_took_the_files_progress(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """The window's collection holds small_deck.txt, unstudied; so does another, studied."""
    with Collection.open(tmp_path / "other", clock=FixedClock(real_now())) as other:
        import_file(other, SMALL_DECK)
        other.answer(other.search("deck:Test")[0], 5)
        exported = export_file(other, tmp_path / "studied.json").path
    dialog = _open(qtbot, window, exported)
    box = _run_import(qtbot, window, dialog)
    assert "Cards here never studied that took the file's progress: 1" in box.text().splitlines()
    box.close()


def test_markdown_notes_name_the_lines_that_make_no_card_before_importing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """From a new-user review: the skipped lines showed only after pressing Import."""
    path = tmp_path / "notes.md"
    lines = ["# 노트", "- EC2: 가상 서버", "- S3:", "- ", "- Glacier - ", "-", "- IAM: 권한"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialog = _open(qtbot, window, path)
    info = dialog.info_label.text().splitlines()
    assert info[0] == "Markdown notes · notes: 2"
    assert info[-1] == (
        "Lines that make no card (4): line 3: a term with no definition; line 4: empty item; "
        "line 5: a term with no definition; …"
    )
    dialog.reject()


def test_a_headerless_csv_with_its_columns_swapped_into_a_new_deck(
    qtbot: QtBot, window: MainWindow, col: Collection, tmp_path: Path
) -> None:
    path = tmp_path / "words.csv"
    path.write_text('apple,사과\n"pear, green",배\n', encoding="utf-8")
    dialog = _open(qtbot, window, path)
    assert dialog.error_label.isHidden()
    assert dialog.info_label.text() == (
        "Anki text file · notes: 2 · encoding: UTF-8 · separator: comma · HTML: yes"
    )
    assert dialog.headers_label.text().startswith("No header lines")
    table = dialog.table
    assert (table.rowCount(), table.columnCount()) == (2, 2)
    assert [table.item(1, c).text() for c in range(2)] == ["pear, green", "배"]
    assert table.horizontalHeaderItem(1).text() == "Column 2"
    assert dialog.notetype_box.currentData() == "Basic"
    front, back = dialog.mapping_boxes
    assert (front.currentText(), back.currentText()) == ("Column 1", "Column 2")
    front.setCurrentIndex(front.findData(1))  # Korean on the front
    back.setCurrentIndex(back.findData(0))
    assert dialog.deck_box.currentText() == "Default"  # the file names no deck
    dialog.deck_box.setCurrentText("Imported::Fruit")
    box = _run_import(qtbot, window, dialog)
    assert box.text().splitlines()[0] == "words.csv: 2 added, 0 updated, 0 unchanged, 0 skipped."
    notes = _notes(col)
    assert notes[("사과", "apple")] == ("Basic", ["Imported::Fruit"])
    assert notes[("배", "pear, green")] == ("Basic", ["Imported::Fruit"])
    assert len(notes) == 5 + 2
    # The collection was backed up first, as it was before the import.
    (backup,) = col.backups()
    assert backup.reason == "import"
    with sqlite3.connect(backup.path) as conn:
        assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 5
    # The deck list was read again and shows the new deck with its two new cards.
    index = window.deck_page.model.deck_index("Imported::Fruit")
    assert index.isValid()
    assert index.siblingAtColumn(1).data() == "2"
    box.close()


KOREAN_ROWS = [
    ("온디맨드 인스턴스", "초 단위로 사용한 만큼 지불"),
    ("스팟 인스턴스", "최대 90% 할인되지만 중단될 수 있음"),
    ("예약 인스턴스", "1년 또는 3년 약정으로 할인"),
]


def test_a_cp949_file_as_reversed_cards_with_one_field_left_empty(
    qtbot: QtBot, window: MainWindow, col: Collection, tmp_path: Path
) -> None:
    path = tmp_path / "ec2.txt"
    text = "".join(f"{front}\t{back}\n" for front, back in KOREAN_ROWS)
    path.write_bytes(text.encode("cp949"))
    dialog = _open(qtbot, window, path)
    assert "encoding: CP949 (Korean Windows)" in dialog.info_label.text()
    assert "separator: Tab" in dialog.info_label.text()
    assert dialog.table.item(0, 0).text() == "온디맨드 인스턴스"
    dialog.notetype_box.setCurrentIndex(dialog.notetype_box.findData("Cloze"))
    assert len(dialog.mapping_boxes) == 2  # Text, Back Extra
    dialog.notetype_box.setCurrentIndex(dialog.notetype_box.findData("Basic (and reversed card)"))
    front, back = dialog.mapping_boxes
    assert (front.currentData(), back.currentData()) == (0, 1)
    back.setCurrentIndex(back.findData(None))  # "(nothing)": the backs stay empty
    assert back.currentText() == "(nothing)"
    dialog.deck_box.setCurrentText("AWS::EC2")
    box = _run_import(qtbot, window, dialog)
    assert box.text().startswith("ec2.txt: 3 added,")
    notes = _notes(col)
    for front_text, _ in KOREAN_ROWS:
        notetype, decks = notes[(front_text, "")]
        assert notetype == "Basic (and reversed card)"
        assert decks == ["AWS::EC2"]  # one card: the reverse of an empty back makes none
    box.close()


def test_keep_existing_notes_leaves_them_alone(
    qtbot: QtBot, window: MainWindow, col: Collection, tmp_path: Path
) -> None:
    path = tmp_path / "again.csv"
    path.write_text("EC2,new text\nIAM,사용자와 권한 관리\nLambda,서버리스\n", encoding="utf-8")
    dialog = _open(qtbot, window, path)
    dialog.duplicates_box.setCurrentIndex(dialog.duplicates_box.findData("keep"))
    assert dialog.duplicates_box.currentText() == "Keep them as they are"
    box = _run_import(qtbot, window, dialog)
    # IAM reads as the note here does (unchanged); EC2 differs and is kept (skipped).
    assert box.text().splitlines()[0] == "again.csv: 1 added, 0 updated, 1 unchanged, 1 skipped."
    assert ("EC2", "가상 서버") in _notes(col)
    box.close()


def test_a_bad_package_shows_the_reason_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, col: Collection, data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "deck.apkg"
    path.write_bytes(b"this is not a zip file at all")
    before = dump(data_dir)
    dialog = _open(qtbot, window, path)
    assert dialog.error_label.isVisible()
    message = dialog.error_label.text()
    assert message.startswith("deck.apkg: ")
    assert "zip" in message
    assert message.count(". ") == 0  # one sentence
    assert not dialog.import_button.isEnabled()
    assert dialog.table.rowCount() == 0
    dialog.reject()
    assert dump(data_dir) == before
    assert list((data_dir / "backups").iterdir()) == []


def test_an_import_that_fails_while_writing_shows_why_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, col: Collection, data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "typo.txt"
    path.write_text("#notetype:Basik\nfront\tback\n", encoding="utf-8")
    before = dump(data_dir)
    dialog = _open(qtbot, window, path)
    assert not dialog.notetype_box.isEnabled()  # the file names its note type
    assert dialog.notetype_box.currentText() == "Basik"
    box = _run_import(qtbot, window, dialog, succeeds=False)
    assert box.windowTitle() == "Something went wrong"
    assert box.text().startswith("typo.txt, line 2: ")
    assert "Basik" in box.text()
    assert dump(data_dir) == before
    box.close()


def _drag_events(path: Path) -> tuple[QMimeData, QDragEnterEvent, QDropEvent]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    actions = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(100, 100), actions, mime, buttons, keys)
    drop = QDropEvent(QPointF(100, 100), actions, mime, buttons, keys)
    return mime, enter, drop


def test_dropping_a_file_opens_the_import_dialog_with_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "dropped.tsv"
    path.write_text("front\tback\n", encoding="utf-8")
    _mime, enter, drop = _drag_events(path)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    dialog = window.findChild(ImportDialog)
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.path == path
    qtbot.waitUntil(lambda: dialog.preview is not None)
    assert dialog.table.item(0, 1).text() == "back"
    dialog.reject()


def test_files_it_cannot_import_are_not_taken(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG")
    _mime, enter, _drop = _drag_events(path)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


# -- an Anki package made by the real Anki library ------------------------------------------


@pytest.fixture(scope="module")
def anki_package(tmp_path_factory: pytest.TempPathFactory) -> tuple[AnkiSample, Path]:
    folder = tmp_path_factory.mktemp("anki")
    anki, sample = build_sample(folder / "source")
    try:
        return sample, export_package(anki, folder / "sample.apkg", legacy=False)
    finally:
        anki.close()


@pytest.fixture
def real_window(
    qtbot: QtBot, tmp_path: Path, prefs: Preferences, appearance: Appearance
) -> Iterator[tuple[MainWindow, Collection]]:
    """A window on an empty collection whose clock is the real now (as Anki's is)."""
    col = Collection.open(tmp_path / "real", clock=FixedClock(real_now()), load_bundled=False)
    main = MainWindow(col, prefs, appearance, korean_font=True)
    main.show()
    qtbot.waitExposed(main)
    yield main, col
    main.close()
    main.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    col.close()


def test_an_anki_package_arrives_with_its_scheduling(
    qtbot: QtBot,
    real_window: tuple[MainWindow, Collection],
    anki_package: tuple[AnkiSample, Path],
) -> None:
    window, col = real_window
    sample, path = anki_package
    dialog = _open(qtbot, window, path)
    info = dialog.info_label.text().splitlines()
    # Two answers in Anki, and each of the 5 studied cards' history ends in an entry that
    # records the state Anki gave it (docs/interop.md): 7 entries.
    assert info[0] == "Anki package · notes: 4 · cards: 6 · review-log entries: 7 · media files: 2"
    assert info[1] == "Decks: AWS, AWS::EC2, AWS::EC2::구매 옵션, Default"
    assert dialog.mapping_box.isHidden()  # a package brings its own note types and fields
    assert dialog.deck_box.currentText() == "(the file's own decks)"
    assert dialog.options().deck is None
    box = _run_import(qtbot, window, dialog)
    assert box.text().splitlines()[0] == "sample.apkg: 4 added, 0 updated, 0 unchanged, 0 skipped."
    assert box.text().splitlines()[1] == "Cards created: 6 · review-log entries: 7 · media files: 2"
    note = col.store.notes.by_guid(sample.basic_guid)
    assert note is not None
    (card,) = col.cards_of(note.id)
    # Set on the Anki side: ivl 10, ease 2300, due in 3 days, 5 reps, 1 lapse.
    assert (card.type, card.queue, card.due - col.today()) == (CardType.REVIEW, Queue.REVIEW, 3)
    assert (card.sm2.interval, card.sm2.easiness, card.reps, card.lapses) == (10, 2.3, 5, 1)
    assert col.deck_name(card.deck_id) == "AWS::EC2::구매 옵션"
    assert window.deck_page.model.deck_index("AWS::EC2::구매 옵션").isValid()
    box.close()


def test_the_dialog_speaks_korean(
    qtbot: QtBot,
    window: MainWindow,
    prefs: Preferences,
    appearance: Appearance,
    tmp_path: Path,
) -> None:
    prefs.language = "ko"
    appearance.apply()
    qtbot.waitUntil(lambda: window.actions_by_key["import"].text() == "가져오기…")
    path = tmp_path / "ec2.csv"
    path.write_bytes("".join(f"{a},{b}\n" for a, b in KOREAN_ROWS).encode("cp949"))
    dialog = _open(qtbot, window, path)
    assert dialog.info_label.text() == (
        "Anki 텍스트 파일 · 노트 3개 · 인코딩: CP949 (한국어 Windows) · 구분자: 쉼표 · HTML: 사용"
    )
    assert dialog.table.horizontalHeaderItem(0).text() == "1열"
    assert dialog.mapping_boxes[0].itemText(0) == "(비워 둠)"
    assert dialog.import_button.text() == "가져오기"
    dialog.reject()
