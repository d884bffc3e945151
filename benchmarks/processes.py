"""Whole processes: GUI cold start to first paint, and the CLI's `stats --json`.

Each is a fresh Python process, timed from just before it is spawned until it
has exited (median of repeated runs after one warm-up, which also caches the
bytecode and creates the app's settings, so neither compiling nor the
first-launch welcome page is part of the timing).
Peak RSS comes from GNU time's report on the child.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measure import Measurement, percentile
from benchmarks.synthetic import NOW

GROUP = "processes"
ROOT = Path(__file__).resolve().parents[1]


def _env(data_dir: Path, home: Path) -> dict[str, str]:
    """The children's environment. Bytecode is cached (under `home`) as an installed
    app's is: with PYTHONDONTWRITEBYTECODE every start would compile every module."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        PYTHONPYCACHEPREFIX=str(home / "pycache"),
        PYTHONPATH=str(ROOT),
        FLASHCARDS_DATA_DIR=str(data_dir),
        FLASHCARDS_NOW=NOW.isoformat(),
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
    )
    return env


TIME = Path("/usr/bin/time")
"""GNU time, to read a child's peak RSS: a child spawned by this (large) process
inherits its peak RSS in the kernel's accounting, one spawned by `time` does not."""


@dataclass(frozen=True)
class Run:
    """One process run: wall seconds; peak RSS (MB) and CPU seconds when GNU time is there."""

    wall: float
    rss: float | None = None
    cpu: float | None = None


def run_process(args: list[str], env: dict[str, str]) -> Run:
    """Run a process to its end and measure it. A failure raises."""
    env = env | {"BENCH_SPAWNED_AT": repr(time.time())}
    with tempfile.TemporaryDirectory() as tmp:
        err, usage = Path(tmp) / "stderr", Path(tmp) / "usage"
        command = [str(TIME), "-f", "%M %U %S", "-o", str(usage), *args] if TIME.exists() else args
        start = time.perf_counter()
        with err.open("wb") as err_file:
            proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=err_file, env=env)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            raise RuntimeError(f"{args} exited with {proc.returncode}: {err.read_text()}")
        if not usage.exists():
            return Run(wall)
        rss_kb, user, system = usage.read_text().split()[-3:]
    return Run(wall, int(rss_kb) / 1024, float(user) + float(system))


def _detail(runs: list[Run]) -> str:
    """Peak RSS (the largest) and CPU time (the median): CPU time is what the process
    itself costs, its wall time also what other programs took of the cores meanwhile."""
    rss = [r.rss for r in runs if r.rss is not None]
    cpu = [r.cpu * 1000 for r in runs if r.cpu is not None]
    parts = ([f"CPU {percentile(cpu, 50):.0f} ms"] if cpu else []) + (
        [f"peak RSS {max(rss):.0f} MB"] if rss else []
    )
    return ", ".join(parts)


def _repeated(args: list[str], env: dict[str, str], repeat: int) -> list[Run]:
    run_process(args, env)  # warm-up
    return [run_process(args, env) for _ in range(repeat)]


def cli_stats(size: int, data_dir: Path, home: Path, repeat: int) -> list[Measurement]:
    """`flashcards stats --json` and `flashcards decks --json` as whole processes, and the
    floor under them: Python itself, and Python importing sqlite-utils."""
    env = _env(data_dir, home)
    py = sys.executable
    rows = []
    for label, args in (
        ("CLI stats --json (process)", [py, "-m", "flashcards", "stats", "--json"]),
        ("CLI decks --json (process)", [py, "-m", "flashcards", "decks", "--json"]),
        ("python -c pass (process)", [py, "-c", "pass"]),
        ("python -c 'import sqlite_utils' (process)", [py, "-c", "import sqlite_utils"]),
    ):
        runs = _repeated(args, env, repeat)
        wall = percentile([r.wall for r in runs], 50) * 1000
        rows.append(Measurement(size, GROUP, label, wall, detail=_detail(runs)))
    return rows


def gui_start(size: int, data_dir: Path, home: Path, repeat: int) -> list[Measurement]:
    """The desktop app from spawn to its first painted main window, and to its exit."""
    env = _env(data_dir, home)
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "paint.json"
        args = [sys.executable, "-m", "benchmarks.gui_start", str(report)]
        run_process(args, env)  # warm-up (and the welcome page of a first launch)
        runs, paints = [], []
        for _ in range(repeat):
            report.unlink(missing_ok=True)
            runs.append(run_process(args, env))
            paints.append(json.loads(report.read_text())["first_paint_s"] * 1000)
    rss = [r.rss for r in runs if r.rss is not None]
    return [
        Measurement(size, GROUP, "GUI start to first paint", percentile(paints, 50)),
        Measurement(
            size,
            GROUP,
            "GUI start, paint and exit (process)",
            percentile([r.wall * 1000 for r in runs], 50),
            detail=_detail(runs),
        ),
        Measurement(size, GROUP, "GUI peak RSS", max(rss) if rss else None, unit="MB"),
    ]
