"""Long work runs off the GUI thread behind a modal dialog; Check database uses it."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from flashcards.gui.main_window import MainWindow
from flashcards.gui.worker import run_in_background
from flashcards.services.errors import FlashcardsError


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_job_runs_in_another_thread_behind_a_modal_dialog(
    qtbot: QtBot, parent: QWidget
) -> None:
    release = threading.Event()
    seen: list[int] = []

    def job() -> str:
        seen.append(threading.get_ident())
        assert release.wait(10)
        return "done"

    task = run_in_background(parent, "Working…", job)
    qtbot.waitUntil(lambda: bool(seen))
    # The GUI thread is free (we are running in it) while the dialog blocks other input.
    assert seen[0] != threading.get_ident()
    assert task.dialog.isVisible()
    assert QApplication.activeModalWidget() is task.dialog
    task.dialog.reject()  # Esc cannot dismiss it while the work runs
    assert task.dialog.isVisible()
    with qtbot.waitSignal(task.succeeded) as blocker:
        release.set()
    assert blocker.args == ["done"]
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def test_an_error_arrives_by_signal(qtbot: QtBot, parent: QWidget) -> None:
    def job() -> None:
        raise FlashcardsError("the disk is full")

    task = run_in_background(parent, "Working…", job)
    with qtbot.waitSignal(task.failed) as blocker:
        pass
    (error,) = blocker.args
    assert isinstance(error, FlashcardsError)
    assert str(error) == "the disk is full"


def test_check_database_reports_in_a_message(qtbot: QtBot, window: MainWindow) -> None:
    task = window.check_database()
    with qtbot.waitSignal(task.finished):
        pass
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    (box,) = boxes
    assert box.text() == "No problems found. 7 cards checked."
    box.close()
    assert window.task is None


def test_errors_are_told_apart_from_bugs(parent: QWidget) -> None:
    from flashcards.gui.messages import show_error

    user = show_error(parent, FlashcardsError("deck.txt: line 3 has 2 fields, not 3"))
    assert user.text() == "deck.txt: line 3 has 2 fields, not 3"
    user.close()
    try:
        raise ValueError("boom")
    except ValueError as exc:
        bug = show_error(parent, exc)
    assert bug.text() == "This is a bug in flashcards. The details below help to fix it."
    assert "ValueError: boom" in bug.detailedText()
    bug.close()
