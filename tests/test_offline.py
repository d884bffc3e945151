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
    ],
)
def test_commands_never_touch_the_network(args: list[str], stdin: str, data_dir: Path) -> None:
    result = run_offline(args, data_dir, stdin)
    assert "NETWORK ATTEMPT" not in result.stderr
    assert result.returncode == 0, result.stderr
