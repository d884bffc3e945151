"""Long work runs off the GUI thread behind a modal dialog; Check database uses it."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from flashcards.gui.main_window import MainWindow
from flashcards.gui.worker import Report, run_in_background, run_with_progress
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


def test_progress_from_the_worker_drives_a_determinate_bar(qtbot: QtBot, parent: QWidget) -> None:
    halfway, release = threading.Event(), threading.Event()

    def job(report: Report) -> int:
        for done in range(0, 2001):
            report(done, 4000)  # many reports: the thread sends at most one per percent
        halfway.set()
        assert release.wait(10)
        report(4000, 4000)
        return 4000

    task = run_with_progress(parent, "Importing…", job)
    assert halfway.wait(10)
    qtbot.waitUntil(lambda: task.dialog.value() == 2000)
    assert task.dialog.maximum() == 4000
    assert task.dialog.isVisible()
    assert task.progress_reports == 51  # 0, 40, 80, … 2000: one per percent of 4000
    with qtbot.waitSignal(task.succeeded):
        release.set()
    assert task.progress_reports == 52  # and 4000, before the result arrives


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
