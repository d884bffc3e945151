"""Starting and stopping the app: the real entry point, a refused second instance."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from flashcards.core.clock import parse_now, study_day
from flashcards.gui.main import run_gui
from flashcards.gui.main_window import MainWindow
from flashcards.gui.preferences import Preferences
from flashcards.gui.welcome import WelcomeDialog
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError
from tests.conftest import ROOT, cli_env

NOW = "2027-01-05T10:00:00+09:00"


def _later(action: object, ms: int = 50) -> None:
    QTimer.singleShot(ms, action)  # type: ignore[arg-type]


def test_the_app_opens_on_the_data_dir_and_shuts_down_cleanly(
    qtbot: QtBot, tmp_path: Path, prefs: Preferences
) -> None:
    data_dir = tmp_path / "data"
    seen: dict[str, object] = {}

    def look_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        (window,) = [w for w in windows if w.isVisible()]
        seen["welcome"] = any(d.isVisible() for d in window.findChildren(WelcomeDialog))
        seen["today"] = window.review._col.today()
        window.close()

    _later(look_and_close)
    status = run_gui(str(data_dir), prefs=prefs, env={"FLASHCARDS_NOW": NOW})
    assert status == 0
    assert seen["welcome"] is True  # first launch
    assert seen["today"] == study_day(parse_now(NOW))  # FLASHCARDS_NOW reached the GUI
    assert (data_dir / "collection.sqlite").is_file()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    with Collection.open(data_dir, load_bundled=False):  # the lock was released
        pass


def test_a_second_instance_is_refused_kindly(
    qtbot: QtBot, tmp_path: Path, prefs: Preferences
) -> None:
    data_dir = tmp_path / "data"
    shown: list[tuple[str, str]] = []

    def read_and_dismiss() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append((box.objectName(), box.text()))
        box.accept()

    with Collection.open(data_dir, load_bundled=False):
        _later(read_and_dismiss)
        status = run_gui(str(data_dir), prefs=prefs, env={})
    assert status == 1
    assert shown == [
        (
            "alreadyOpen",
            "Another flashcards window is already using this collection. Switch to that "
            "window, or close it and start flashcards again.",
        )
    ]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]


def test_no_korean_font_means_english_and_a_banner(
    qtbot: QtBot, tmp_path: Path, prefs: Preferences
) -> None:
    prefs.language = "ko"
    prefs.welcome_shown = True
    seen: dict[str, object] = {}

    def look_and_close() -> None:
        (window,) = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        seen["banner"] = not window.banner.isHidden()
        seen["study"] = window.actions_by_key["study"].text()
        window.close()

    _later(look_and_close)
    assert run_gui(str(tmp_path / "d"), prefs=prefs, korean_font=lambda: False, env={}) == 0
    assert seen == {"banner": True, "study": "Study"}


_CLOSE_SOON = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from flashcards.cli import main

app = QApplication(sys.argv)

def close_all():
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.inherits("QMainWindow"):
            print("window:", widget.windowTitle(), flush=True)
            widget.close()

QTimer.singleShot(300, close_all)
sys.exit(main(sys.argv[1:]))
"""


def _run_app(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = cli_env(tmp_path / "data", now=NOW)
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    return subprocess.run(
        [sys.executable, "-c", _CLOSE_SOON, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_flashcards_and_flashcards_gui_open_the_app_and_exit_cleanly(tmp_path: Path) -> None:
    for args in ([], ["gui"], ["gui", "--data-dir", str(tmp_path / "other")]):
        result = _run_app(args, tmp_path)
        assert result.returncode == 0, result.stderr  # a crash at exit would be -11 or -6
        assert "window: flashcards" in result.stdout
        noise = [
            line
            for line in result.stderr.splitlines()
            if line.strip() and "propagateSizeHints" not in line
        ]
        assert noise == []
    assert (tmp_path / "data" / "collection.sqlite").is_file()
    assert (tmp_path / "other" / "collection.sqlite").is_file()
    assert (tmp_path / "flashcards" / "flashcards.conf").is_file()  # QSettings went to our HOME


def test_an_error_no_handler_caught_is_shown_in_a_message(
    qtbot: QtBot, tmp_path: Path, prefs: Preferences
) -> None:
    """Not only printed to a terminal the user never sees: the app's own errors in their
    words (a bug would come as a report with its details)."""
    seen: dict[str, list[str]] = {}

    def fail() -> None:
        raise FlashcardsError("there is no note 3")

    def look_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        (window,) = [w for w in windows if w.isVisible()]
        seen["texts"] = [b.text() for b in window.findChildren(QMessageBox) if b.isVisible()]
        window.close()

    _later(fail)
    _later(look_and_close, 400)
    assert run_gui(str(tmp_path / "data"), prefs=prefs, env={}) == 0
    assert "there is no note 3" in seen["texts"]
