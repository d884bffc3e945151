"""The benchmark runner still runs end to end (at 1,000 cards, without Anki, one repeat).

Only that it runs and reports every operation: its numbers are not checked here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.markdown import tables
from benchmarks.transfer import FLOOR
from tests.conftest import ROOT

EXPECTED = {
    "open + first card",
    "open + first card, all decks",
    "deck list with counts",
    "search 가용",
    "floor for search prop:ivl>=10",
    "first page of rows (50)",
    "full statistics",
    "CLI stats --json (process)",
    "GUI start to first paint",
    "GUI peak RSS",
    "peak RSS with the browser open",
    "export .csv (notes)",
    "import .csv into a new collection",
    "import .apkg into a new collection",
    FLOOR,
    "export .apkg (whole collection)",
    "answer p50",
    "answer p99",
}


def test_the_runner_measures_everything_at_1000_cards(tmp_path: Path) -> None:
    results = tmp_path / "results"
    args = ["--sizes", "1000", "--no-anki", "--repeat", "1", "--answers", "20"]
    args += ["--work", str(tmp_path / "work"), "--results", str(results)]
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=280,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (path,) = results.glob("*.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = {row["operation"]: row for row in data["results"]}
    assert set(rows) >= EXPECTED
    assert all(row["size"] == 1000 and row["anki"] is None for row in rows.values())
    assert all(rows[op]["ours"] > 0 for op in EXPECTED)
    assert rows["answer p50"]["detail"] == "20 answers"
    assert data["machine"]["nproc"] >= 1
    assert data["settings"]["sizes"] == [1000]
    table = done.stdout[done.stdout.index("operation") :]
    assert all(op in table for op in EXPECTED)

    # The document's tables are rendered from the same file: every row, once.
    markdown = tables(path)
    body = markdown[markdown.index("### Everything measured") :]
    assert [line for line in body.splitlines() if line.startswith("| 1,000 |")] == [
        line for line in body.splitlines() if line.startswith("| 1")
    ]
    assert len([line for line in body.splitlines() if line.startswith("| 1,000 |")]) == len(
        data["results"]
    )
    assert "### Targets" not in body
