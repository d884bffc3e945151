"""Benchmark: the card browser and statistics windows on a 100,000-card collection, offscreen.

Not part of the test suite. Builds the collection once (in a child process, with
benchmarks/search_stats.py's builder and seeds, cached under --work, so either
benchmark reuses the other's), then in a fresh process times, with Qt's
offscreen platform:

- opening the browser window to its first rows painted (cold, then warm runs);
- scrolling to the last row, and paging through the table;
- re-sorting by due (a header click) to the rows painted;
- opening the statistics window to the page painted;
- peak RSS with the browser open (VmHWM in /proc/self/status).

Targets (issue 8): browser open ≤ 300 ms, stats ≤ 300 ms, peak RSS ≤ 200 MB.

    python benchmarks/browser_gui.py [--cards 100000] [--repeat 5] [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGETS_MS = {"browser open": 300.0, "statistics window": 300.0}
TARGET_RSS_MB = 200.0


def build(work: Path, cards: int) -> Path:
    """The collection at work/flashcards, built as benchmarks/search_stats.py builds it."""
    from benchmarks.synthetic import NOW, build_flashcards, plan_notes, plan_schedule
    from flashcards.core.clock import FixedClock
    from flashcards.core.template import card_ordinals
    from flashcards.services.collection import Collection

    fc_dir, stamp = work / "flashcards", work / f"built-{cards}"
    if stamp.exists():
        return fc_dir
    import shutil

    shutil.rmtree(work, ignore_errors=True)
    (work / "anki").mkdir(parents=True)
    plans = plan_notes(cards)
    col = Collection.open(fc_dir, clock=FixedClock(NOW), load_bundled=False)
    today, types = col.today(), {nt.name: nt for nt in col.notetypes()}
    col.close()
    rng = random.Random(8)
    schedules = [
        [plan_schedule(rng, today) for _ in card_ordinals(types[p.notetype], p.fields)]
        for p in plans
    ]
    started = time.perf_counter()
    build_flashcards(fc_dir, plans, schedules)
    print(f"built the collection in {time.perf_counter() - started:.0f} s", flush=True)
    stamp.touch()
    return fc_dir


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MB.

    Read from /proc/self/status (VmHWM, the high-water mark of this process's own
    memory since it started). getrusage's ru_maxrss is kept across fork and exec,
    so a child of the (large) benchmark runner reported the runner's peak when
    that was higher: 247–317 MB measured for a browser that peaked at 172 MB.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class PaintWatch:
    """Counts paint events of a widget, to wait until it has been drawn."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            def __init__(self, watch: PaintWatch) -> None:
                super().__init__()
                self.watch = watch

            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    self.watch.paints += 1
                return False

        self.paints = 0
        self.filter = Filter(self)

    def wait(self, since: int, timeout_s: float = 30.0) -> None:
        """Process events until a paint after `since` was handled (processEvents returns
        only after the paint event it dispatched is done)."""
        from PySide6.QtWidgets import QApplication

        deadline = time.perf_counter() + timeout_s
        while self.paints <= since:
            QApplication.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError("the widget was never painted")


def measure(fc_dir: Path, repeat: int) -> dict[str, float | tuple[float, str]]:
    """Time the windows on the collection at `fc_dir`; print a report and return the
    medians in ms, and the peak RSS with the browser open as (MB, "MB")."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtWidgets import QApplication

    from benchmarks.search_stats import NOW
    from flashcards.core.clock import FixedClock
    from flashcards.gui.browser_model import COLUMNS
    from flashcards.gui.browser_window import BrowserWindow
    from flashcards.gui.stats_window import StatsWindow
    from flashcards.services.browse import SortColumn
    from flashcards.services.collection import Collection

    app = QApplication(sys.argv[:1])
    col = Collection.open(fc_dir, clock=FixedClock(NOW), load_bundled=False)
    print(f"{col.stats()['cards']:,} cards; Qt platform {app.platformName()}")
    print(f"peak RSS before any window: {rss_mb():.0f} MB\n")
    rows: list[tuple[str, list[float]]] = []

    def flush_deletes() -> None:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def open_browser() -> tuple[BrowserWindow, PaintWatch, float]:
        watch = PaintWatch()
        started = time.perf_counter()
        window = BrowserWindow(col)
        window.resize(1200, 800)
        window.table.viewport().installEventFilter(watch.filter)
        window.show()
        watch.wait(0)
        return window, watch, (time.perf_counter() - started) * 1000

    opens = []
    for _ in range(repeat):
        window, _watch, ms = open_browser()
        opens.append(ms)
        window.close()
        flush_deletes()
    rows.append(("browser open", opens))

    window, watch, _ms = open_browser()
    model, table = window.model, window.table
    assert model.rowCount() == len(col.search("")), "the browser shows every card"

    def timed(action: Callable[[], object]) -> float:
        since = watch.paints
        started = time.perf_counter()
        action()
        table.viewport().update()
        watch.wait(since)
        return (time.perf_counter() - started) * 1000

    rows.append(("scroll to the last row", [timed(table.scrollToBottom)]))
    bar = table.verticalScrollBar()
    steps = [
        timed(lambda v=v: bar.setValue(v)) for v in range(0, bar.maximum(), bar.maximum() // 200)
    ]
    rows.append(("one jump while paging (200 jumps)", steps))
    header = table.horizontalHeader()
    due = COLUMNS.index(SortColumn.DUE)
    sorts = []
    for order in [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder] * repeat:
        sorts.append(timed(lambda o=order: header.setSortIndicator(due, o)))
    assert model.card_ids[:50] == col.browse("", SortColumn.DUE, True).card_ids[:50]
    rows.append(("re-sort by due", sorts))
    print(f"pages read: {model.page_loads}, kept: {model.cached_pages}")
    browser_rss = rss_mb()

    stats_runs = []
    for _ in range(repeat):
        stats_watch = PaintWatch()
        started = time.perf_counter()
        stats = StatsWindow(col)
        stats.page.installEventFilter(stats_watch.filter)
        stats.show()
        stats_watch.wait(0)
        stats_runs.append((time.perf_counter() - started) * 1000)
        stats.close()
        flush_deletes()
    rows.append(("statistics window", stats_runs))
    window.close()
    flush_deletes()
    col.close()
    _report(rows, browser_rss)
    result: dict[str, float | tuple[float, str]] = {
        label: statistics.median(times) for label, times in rows
    }
    result["peak RSS with the browser open"] = (browser_rss, "MB")
    return result


def _report(rows: list[tuple[str, list[float]]], browser_rss: float) -> None:
    width = max(len(label) for label, _ in rows)
    print(f"\n{'operation':<{width}}  {'first':>9}  {'median':>9}  {'max':>9}  target")
    for label, times in rows:
        target = TARGETS_MS.get(label)
        verdict = (
            ""
            if target is None
            else f"≤ {target:.0f} ms " + ("ok" if statistics.median(times) <= target else "MISSED")
        )
        print(
            f"{label:<{width}}  {times[0]:7.1f} ms  {statistics.median(times):7.1f} ms  "
            f"{max(times):7.1f} ms  {verdict}"
        )
    verdict = "ok" if browser_rss <= TARGET_RSS_MB else "MISSED"
    target = f"≤ {TARGET_RSS_MB:.0f} MB {verdict}"
    print(f"\npeak RSS with the browser open: {browser_rss:.0f} MB ({target})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/flashcards-bench"))
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--data-dir", type=Path, help="measure this collection folder instead of building one"
    )
    parser.add_argument("--json", action="store_true", help="print the medians as JSON last")
    args = parser.parse_args()
    if args.data_dir is not None:
        result = measure(args.data_dir, args.repeat)
        if args.json:
            print(json.dumps(result))
        return
    if args.build_only:
        build(args.work, args.cards)
        return
    # Build in a child process, so its memory does not count in this one's peak RSS.
    command = [sys.executable, __file__, "--build-only", "--cards", str(args.cards)]
    subprocess.run([*command, "--work", str(args.work)], check=True)
    measure(args.work / "flashcards", args.repeat)


if __name__ == "__main__":
    main()
