"""Start the desktop app as `flashcards gui` does, and quit right after the first paint.

Run by benchmarks/processes.py in a fresh process: `python -m benchmarks.gui_start
REPORT [gui arguments]`. When the main window has first been painted it writes
{"first_paint_s": seconds since $BENCH_SPAWNED_AT} to REPORT, then closes the
window so the app shuts down the way it does for a user.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def main() -> int:
    report = Path(sys.argv[1])
    spawned_at = float(os.environ["BENCH_SPAWNED_AT"])
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])

    class FirstPaint(QObject):
        """Notices the main window's first paint; reports once that paint is done."""

        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                not self.seen
                and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and watched.window().objectName() == "mainWindow"
            ):
                self.seen = True
                QTimer.singleShot(0, lambda: done(watched.window()))
            return False

    def done(window: QWidget) -> None:
        elapsed = time.time() - spawned_at
        report.write_text(json.dumps({"first_paint_s": elapsed}), encoding="utf-8")
        window.close()

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    from flashcards.cli import main as cli_main

    return cli_main(["gui", *sys.argv[2:]])


if __name__ == "__main__":
    raise SystemExit(main())
