"""A results file as the Markdown tables of docs/performance.md.

Run: python -m benchmarks.markdown benchmarks/results/<date>.json

Prints the targets at 100,000 cards (and the 1M scaling rows) first, then every
measurement at every size, ours beside Anki's with the ratio (Anki's time over
ours: above 1, we are faster), so the document is written from the data.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from benchmarks.measure import Measurement
from benchmarks.report import _fmt, target_of

_FIELDS = ("size", "group", "operation", "ours", "anki", "unit", "detail")


def load(path: Path) -> tuple[dict[str, object], list[Measurement]]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    rows = [Measurement(**{k: r[k] for k in _FIELDS}) for r in doc["results"]]
    return doc, rows


def _row(row: Measurement, rows: list[Measurement], with_target: bool) -> str:
    name = row.operation + (f" ({row.detail})" if row.detail else "")
    ratio = "—" if row.ratio is None else f"{row.ratio:.2f}×"
    cells = [f"{row.size:,}", name, _fmt(row.ours, row.unit), _fmt(row.anki, row.unit), ratio]
    if with_target:
        target = target_of(row, rows)
        met = "met" if row.ours is not None and target and row.ours <= target else "**missed**"
        cells.append(f"≤ {_fmt(target, row.unit)} — {met}" if target else "")
    return "| " + " | ".join(cells) + " |"


def tables(path: Path) -> str:
    doc, rows = load(path)
    targeted = [r for r in rows if target_of(r, rows) is not None]
    head = "| cards | operation | flashcards | Anki | Anki ÷ ours |"
    lines = [
        f"Run of {doc['date']} at commit `{doc['commit']}`; load average (1 min) "
        f"{doc['load_average']['before'][0]:.2f} before, {doc['load_average']['after'][0]:.2f} "
        "after.",
        "",
        "### Targets",
        "",
        head + " target |",
        "|---:|---|---:|---:|---:|---|",
        *(_row(r, rows, True) for r in targeted),
        "",
        "### Everything measured",
        "",
        head,
        "|---:|---|---:|---:|---:|",
        *(_row(r, rows, False) for r in rows),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("results", type=Path)
    print(tables(parser.parse_args().results))


if __name__ == "__main__":
    main()
