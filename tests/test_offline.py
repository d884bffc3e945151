"""Offline by construction: no command ever tries to open a network connection.

Each command runs in a real process with a Python audit hook that records any
socket creation, connection or name lookup and kills the attempt.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SMALL_DECK, cli_env

GUARD = """
import sys

def _guard(event, args):
    if event.startswith(("socket.", "urllib.", "http.", "ftplib.", "smtplib.")):
        sys.stderr.write(f"NETWORK ATTEMPT: {event} {args!r}\\n")
        sys.stderr.flush()
        raise RuntimeError("network access is not allowed")

sys.addaudithook(_guard)
from flashcards.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_offline(
    args: list[str], data_dir: Path, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", GUARD, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=cli_env(data_dir, "2026-11-27T09:00:00+09:00"),
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_guard_catches_a_connection(tmp_path: Path) -> None:
    probe = GUARD.replace(
        "from flashcards.cli import main\nsys.exit(main(sys.argv[1:]))",
        "import socket\nsocket.create_connection(('127.0.0.1', 9))",
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert "NETWORK ATTEMPT" in result.stderr


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["stats", "--json"], ""),  # first launch: bundled decks load
        (["decks", "--json"], ""),
        (["review"], "\n5\n4\n3\n\n4\nq\n"),
        (["review", "--type"], "region\n\nq\n"),
        (["import", str(SMALL_DECK)], ""),
        (["import", str(ROOT / "decks" / "source" / "aws-awesome-day.md")], ""),
        (["generate", str(ROOT / "decks" / "source" / "aws-awesome-day.md")], ""),
        (["check", "--json"], ""),
        (["backup", "--json"], ""),
        (["search", "--json", "가용 영역"], ""),
        (["stats", "--deck", "AWS Awesome Day", "--json"], ""),
        (["export", "{tmp}/out.apkg"], ""),
        (["export", "{tmp}/out.json"], ""),
        (["import", "{tmp}/out.apkg"], ""),
    ],
)
def test_commands_never_touch_the_network(
    args: list[str], stdin: str, data_dir: Path, tmp_path: Path
) -> None:
    if args[0] == "import" and args[1] == "{tmp}/out.apkg":
        assert run_offline(["export", str(tmp_path / "out.apkg")], data_dir).returncode == 0
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = run_offline(args, data_dir, stdin)
    assert "NETWORK ATTEMPT" not in result.stderr
    assert result.returncode == 0, result.stderr


GUI_TOUR = """
import sys

def _guard(event, args):
    if event.startswith(("socket.", "urllib.", "http.", "ftplib.", "smtplib.")):
        sys.stderr.write(f"NETWORK ATTEMPT: {event} {args!r}\\n")
        sys.stderr.flush()
        raise RuntimeError("network access is not allowed")

sys.addaudithook(_guard)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from flashcards.cli import main

app = QApplication(sys.argv)
steps = []

def window():
    # The browser and statistics windows are QMainWindows too: pick the app's own.
    return next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow")

def tour():
    main_window = window()
    for dialog in QApplication.topLevelWidgets():
        if dialog.inherits("QDialog") and dialog.isVisible():
            dialog.close()  # the welcome page
    main_window.study()
    review = main_window.review
    review.reveal()
    review.grade(4)
    steps.append("review")
    main_window.add_note()
    steps.append("add")
    main_window.browse()
    steps.append("browse")
    main_window.stats()
    steps.append("stats")
    main_window.import_file()
    QApplication.activeModalWidget().reject()  # as a user would, before the next window
    steps.append("import")
    main_window.show_backups()
    QApplication.activeModalWidget().reject()
    steps.append("backups")
    QTimer.singleShot(500, finish)

def finish():
    print("steps:", " ".join(steps), flush=True)
    window().close()  # its dialogs and windows go with it

QTimer.singleShot(500, tour)
sys.exit(main(sys.argv[1:]))
"""


def test_the_desktop_app_never_touches_the_network(data_dir: Path, tmp_path: Path) -> None:
    env = cli_env(data_dir, "2026-11-27T09:00:00+09:00")
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", GUI_TOUR, "gui"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert "NETWORK ATTEMPT" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert "steps: review add browse stats import backups" in result.stdout
