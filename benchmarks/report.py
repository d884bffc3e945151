"""The runner's output: one table on stdout, and a JSON file with the machine beside the numbers."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import subprocess
from datetime import datetime
from importlib import metadata
from pathlib import Path

from benchmarks.measure import Measurement

TARGET_SIZE = 100_000
TARGETS = {
    # operation: the most it may take at TARGET_SIZE cards (in the row's unit)
    "open + first card": 20.0,
    "deck list with counts": 15.0,
    "answer p50": 1.0,
    "answer p99": 5.0,
    "GUI start to first paint": 600.0,
    "CLI stats --json (process)": 150.0,
    "import .apkg into a new collection": 1.2,
    "export .apkg (whole collection)": 2.0,
}
SCALING_SIZE = 1_000_000
SCALING = ("open + first card", "deck list with counts")
"""At SCALING_SIZE cards these may take at most twice their TARGET_SIZE figure."""


def target_of(row: Measurement, rows: list[Measurement]) -> float | None:
    if row.size == TARGET_SIZE:
        return TARGETS.get(row.operation)
    if row.size == SCALING_SIZE and row.operation in SCALING:
        base = [r for r in rows if r.size == TARGET_SIZE and r.operation == row.operation]
        if base and base[0].ours is not None:
            return 2 * base[0].ours
    return None


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:.0f} {unit}"


def table(rows: list[Measurement]) -> str:
    """The table: size, operation, ours, Anki, Anki ÷ ours, target and whether it is met."""
    header = ("cards", "operation", "flashcards", "Anki", "Anki÷ours", "target", "")
    lines = []
    for row in rows:
        target = target_of(row, rows)
        met = "" if target is None or row.ours is None else ("ok" if row.ours <= target else "MISS")
        lines.append(
            (
                f"{row.size:,}",
                row.operation + (f" [{row.detail}]" if row.detail else ""),
                _fmt(row.ours, row.unit),
                _fmt(row.anki, row.unit),
                "—" if row.ratio is None else f"{row.ratio:.2f}×",
                "" if target is None else "≤ " + _fmt(target, row.unit),
                met,
            )
        )
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]
    right = {0, 2, 3, 4, 5}

    def render(line: tuple[str, ...]) -> str:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(line)
        ]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([render(header), rule, *(render(line) for line in lines)])


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def machine() -> dict[str, object]:
    """What the numbers were measured on."""
    cpu = memory = None
    try:
        info = Path("/proc/cpuinfo").read_text()
        cpu = next(
            line.split(":", 1)[1].strip() for line in info.splitlines() if "model name" in line
        )
        mem = Path("/proc/meminfo").read_text().splitlines()[0]
        memory = f"{int(mem.split()[1]) // 1024} MiB"
    except (OSError, StopIteration):
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu or platform.processor(),
        "memory": memory,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlite_utils": _version("sqlite-utils"),
        "pyside6": _version("PySide6-Essentials"),
        "anki": _version("anki"),
    }


def _commit(root: Path) -> str | None:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return None
    return head + ("+changes" if dirty else "") if head else None


def write_results(
    folder: Path,
    rows: list[Measurement],
    *,
    settings: dict[str, object],
    load: dict[str, object],
    root: Path,
) -> Path:
    """benchmarks/results/<date>.json: machine, load, settings and every row."""
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now().astimezone()
    path = folder / f"{now.date().isoformat()}.json"
    data = {
        "date": now.isoformat(timespec="seconds"),
        "commit": _commit(root),
        "machine": machine(),
        "load_average": load,
        "settings": settings,
        "results": [r.to_dict() | {"target": target_of(r, rows)} for r in rows],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
