"""A plain `pip install .` carries the bundled decks, reachable outside the checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_ships_bundled_decks_and_finds_them(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(wheels)],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    (wheel,) = wheels.glob("flashcards-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    deck_files = sorted(p.name for p in (ROOT / "decks").glob("*.txt"))
    for name in deck_files:
        assert f"flashcards/bundled_decks/{name}" in names
    assert "flashcards/bundled_decks/source/aws-awesome-day.md" in names
    for qm in (ROOT / "flashcards" / "gui" / "i18n").glob("*.qm"):
        assert f"flashcards/gui/i18n/{qm.name}" in names
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    probe = (
        "import flashcards.services.bundled as b\n"
        "print(b.__file__)\n"
        "print('\\n'.join(f.name for f in b.bundled_deck_files()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    ).stdout.split("\n")
    assert out[0].startswith(str(target))
    assert sorted(filter(None, out[1:])) == deck_files
