"""`python -m benchmarks`: flashcards against the real Anki library, 1,000 to 1,000,000 cards.

For each size it generates (once, cached under --work) a collection of
realistic Korean/English notes and the same collection in Anki, copies both to
scratch space, and measures, with a warm-up and the median of --repeat runs:
open + first card and the deck list's counts; search, the browser's first page
and the statistics page (benchmarks/search_stats.py); the browser window when
benchmarks/browser_gui.py exists; GUI cold start and the CLI as whole processes;
import and export of CSV and `.apkg` (benchmarks/interop.py); and, last, the
latency of --answers answers in a row. It prints one table and writes
benchmarks/results/<date>.json. See docs/performance.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import sys
import time
from pathlib import Path

from benchmarks import processes, search_stats, study, transfer
from benchmarks.measure import Measurement
from benchmarks.report import table, write_results
from benchmarks.synthetic import Built, ensure_built
from benchmarks.synthetic_anki import align_anki_days

ROOT = Path(__file__).resolve().parents[1]
GROUPS = ("study", "browser", "processes", "transfer", "answers")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=(__doc__ or "").splitlines()[0]
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per operation")
    parser.add_argument("--answers", type=int, default=1000, help="answers in a row to time")
    parser.add_argument("--no-anki", action="store_true", help="measure flashcards only")
    parser.add_argument(
        "--skip", nargs="+", choices=GROUPS, default=[], help="groups of operations to leave out"
    )
    parser.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "work")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "results")
    return parser


def _scratch(built: Built, folder: Path) -> Built:
    """A copy of both collections to measure on (some measurements write)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copytree(built.flashcards, folder / "flashcards")
    anki = None
    if built.anki is not None:
        anki = folder / "anki" / "collection.anki2"
        anki.parent.mkdir()
        shutil.copy2(built.anki, anki)
        align_anki_days(anki, built.anki_day)
        study.select_anki_deck(anki)
    return Built(built.cards, folder / "flashcards", anki)


def _browser_window(size: int, data_dir: Path, repeat: int) -> list[Measurement]:
    """benchmarks/browser_gui.py, when the browser window's own benchmark is there.

    The runner calls its `measure(data_dir, repeat=repeat)`, which opens the
    app on a copy of the generated collection at `data_dir` and returns
    {operation: milliseconds, or (value, unit) for other units such as "MB"}.
    """
    if importlib.util.find_spec("benchmarks.browser_gui") is None:
        return []
    module = importlib.import_module("benchmarks.browser_gui")
    measure = getattr(module, "measure", None)
    if measure is None:
        print("  benchmarks/browser_gui.py has no measure(data_dir, repeat=); skipped")
        return []
    rows = []
    for operation, value in measure(data_dir, repeat=repeat).items():
        number, unit = value if isinstance(value, tuple) else (value, "ms")
        rows.append(Measurement(size, "browser", operation, float(number), unit=unit))
    return rows


def _browser_and_stats(built: Built, repeat: int) -> list[Measurement]:
    acol = search_stats.open_anki(built.anki)
    with study.open_ours(built.flashcards) as col:
        rows = search_stats.browser_and_stats(col, acol, repeat)
    if acol is not None:
        acol.close()
    return [
        Measurement(
            built.cards, "browser", label, ms, anki_ms, detail=f"{n} cards" if n != "—" else ""
        )
        for label, ms, n, anki_ms, _ in rows
    ]


LOADS: list[dict[str, object]] = []
"""The 1-minute load average as each group started (other programs share the cores)."""


def measure_size(size: int, args: argparse.Namespace) -> list[Measurement]:
    print(f"{size:,} cards")
    built = ensure_built(args.work / str(size), size, not args.no_anki)
    scratch = _scratch(built, args.work / "scratch")
    skip = set(args.skip)
    rows: list[Measurement] = []
    fc, anki, repeat, home = scratch.flashcards, scratch.anki, args.repeat, args.work / "home"
    steps = [
        ("study", lambda: study.queue_and_counts(size, fc, anki, repeat)),
        ("browser", lambda: _browser_and_stats(scratch, repeat)),
        ("browser", lambda: _browser_window(size, fc, repeat)),
        ("processes", lambda: processes.cli_stats(size, fc, home, repeat)),
        ("processes", lambda: processes.gui_start(size, fc, home, repeat)),
        (
            "transfer",
            lambda: transfer.transfer(scratch, args.work / "transfer", _few(size, repeat)),
        ),
        ("answers", lambda: study.answers(size, fc, anki, args.answers)),
    ]
    try:
        for group, step in steps:
            if group not in skip:
                load = round(os.getloadavg()[0], 2)
                started = time.perf_counter()
                found = step()
                rows += found
                if found:
                    LOADS.append({"size": size, "group": group, "load": load})
                    took = time.perf_counter() - started
                    print(f"  {group}: {len(found)} rows in {took:.0f} s (load {load})")
    finally:
        shutil.rmtree(args.work / "scratch", ignore_errors=True)
    return rows


def _few(size: int, repeat: int) -> int:
    """Imports and exports take seconds to minutes at scale: fewer runs there."""
    return max(1, min(repeat, 3 if size <= 100_000 else 1))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    load_before = os.getloadavg()
    rows: list[Measurement] = []
    for size in sorted(args.sizes):
        rows += measure_size(size, args)
    load_after = os.getloadavg()
    print()
    print(table(rows))
    load = {"before": load_before, "after": load_after, "by_group": LOADS}
    print(f"\nload average (1, 5, 15 min): before {load_before}, after {load_after}")
    settings = {
        "argv": sys.argv[1:] if argv is None else argv,
        "sizes": sorted(args.sizes),
        "repeat": args.repeat,
        "answers": args.answers,
        "anki": not args.no_anki,
        "skipped": args.skip,
    }
    path = write_results(args.results, rows, settings=settings, load=load, root=ROOT)
    print(f"results written to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
