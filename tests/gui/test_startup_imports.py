"""What the main window does not load before its first paint (a fresh process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from flashcards.core.clock import FixedClock
from flashcards.gui.appearance import Appearance
from flashcards.gui.language import Translations
from flashcards.gui.main import MainWindow
from flashcards.gui.preferences import Preferences
from flashcards.services.collection import Collection
from datetime import datetime
col = Collection.open(sys.argv[1], clock=FixedClock(datetime.fromisoformat(sys.argv[2])))
prefs = Preferences.at_path(sys.argv[3])
appearance = Appearance(app, prefs, Translations(app), korean_font=True)
window = MainWindow(col, prefs, appearance, korean_font=True)
window.show()
app.processEvents()
print(" ".join(sorted(sys.modules)))
window.close()
window.deleteLater()
col.close()
"""

LATER = (
    "flashcards.gui.browser_window",
    "flashcards.gui.stats_window",
    "flashcards.gui.import_dialog",
    "flashcards.gui.export_dialog",
    "flashcards.gui.backups_dialog",
    "flashcards.gui.note_dialog",
    "flashcards.gui.settings_dialog",
    "flashcards.gui.welcome",
    "flashcards.gui.review",
    "flashcards.gui.summary",
    "flashcards.services.importing",
    "flashcards.services.exporting",
)


def test_the_first_paint_loads_no_window_or_dialog_it_does_not_show(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            PROBE,
            str(tmp_path / "data"),
            "2026-11-27T09:00:00+09:00",
            str(tmp_path / "prefs.ini"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    loaded = set(done.stdout.split())
    assert "flashcards.gui.main_window" in loaded  # the probe did build the window
    assert not loaded & set(LATER), sorted(loaded & set(LATER))
