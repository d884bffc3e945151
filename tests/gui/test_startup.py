"""Starting and stopping the app: the real entry point, a refused second instance."""

from __future__ import annotations

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
