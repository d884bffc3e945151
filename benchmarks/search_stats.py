"""Benchmark: search, browser and statistics on a 100,000-card collection, against Anki.

Not part of the test suite. Builds (once, cached under --work) the synthetic
collection of benchmarks/synthetic.py — realistic Korean/English notes written
through the storage layer in bulk, and the same notes, decks, tags and schedule
in a real Anki collection through its API; then times each query (one warm-up,
median of --repeat runs) in both and prints a table. Beside each search that
matches a fifth of the cards or more, "floor for search …" is what handing that
many ids from SQLite to Python costs alone (benchmarks/search_floor.py).
`python -m benchmarks` runs the same measurements (`browser_and_stats`) among all the others.

    python benchmarks/search_stats.py [--cards 100000] [--repeat 7] [--work DIR] [--no-anki]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.search_floor import search_floor  # noqa: E402
from benchmarks.synthetic import NOW, ensure_built  # noqa: E402
from flashcards.core.clock import FixedClock  # noqa: E402
from flashcards.core.search import SortColumn  # noqa: E402
from flashcards.services.collection import Collection  # noqa: E402

Row = tuple[str, float, str, float | None, str]
"""(operation, our ms, our result size, Anki's ms or None, Anki's result size)"""

# -- timing --------------------------------------------------------------------


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median wall time in ms over `repeat` runs, after one warm-up run; and the result."""
    result = fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def _size(result: object) -> str:
    if hasattr(result, "card_ids"):
        return str(len(result.card_ids))
    if isinstance(result, list):  # card ids; statistics (a NamedTuple) have no size
        return str(len(result))
    return "—"


QUERIES = (
    "deck:AWS::EC2 tag:aws",
    "스토리지",
    "가용",
    '"security group"',
    "is:due",
    "prop:ivl>=10",
    "prop:ease<2 -is:new",
    "tag:aws",
    "note:Basic",
    "-is:suspended",
)


def open_anki(path: Path | None) -> Any:
    """The Anki collection at `path` with its browser columns loaded, or None."""
    if path is None or not path.exists():
        return None
    from anki.collection import Collection as AnkiCollection

    acol = AnkiCollection(str(path))
    acol.load_browser_card_columns()
    return acol


def browser_and_stats(col: Collection, acol: Any, repeat: int) -> list[Row]:
    """Search, browser sorting, the first page of rows and statistics, in both apps."""
    rows: list[Row] = []

    def compare(
        label: str, ours: Callable[[], object], theirs: Callable[[], object] | None
    ) -> None:
        ms, result = timed(ours, repeat)
        anki_ms, anki_result = timed(theirs, repeat) if theirs and acol else (None, None)
        rows.append((label, ms, _size(result), anki_ms, _size(anki_result)))

    cards = len(col.search(""))
    for query in QUERIES:
        compare(
            f"search {query}",
            lambda q=query: col.search(q),
            (lambda q=query: acol.find_cards(q)) if acol else None,
        )
        label, _, found, anki_ms, anki_found = rows[-1]
        if int(found) * 5 >= cards:  # many ids to hand over: what that alone costs
            floor = min(search_floor(col.data_dir, int(found), repeat).values())
            rows.append((f"floor for {label}", floor, found, anki_ms, anki_found))
    due_column = acol.get_browser_column("cardDue") if acol else None
    compare(
        "sort all cards by due",
        lambda: col.browse("", SortColumn.DUE),
        (lambda: acol.find_cards("", order=due_column)) if acol else None,
    )
    sort_column = acol.get_browser_column("noteFld") if acol else None
    compare(
        "sort all cards by sort field",
        lambda: col.browse("", SortColumn.SORT_FIELD),
        (lambda: acol.find_cards("", order=sort_column)) if acol else None,
    )
    compare(
        "browse deck + tag, by sort field",
        lambda: col.browse("deck:AWS::EC2 tag:aws", SortColumn.SORT_FIELD),
        (lambda: acol.find_cards("deck:AWS::EC2 tag:aws", order=sort_column)) if acol else None,
    )
    page = col.browse("", SortColumn.SORT_FIELD).card_ids[:50]
    anki_page = acol.find_cards("", order=sort_column)[:50] if acol else []
    compare(
        "first page of rows (50)",
        lambda: col.browse_rows(page),
        (lambda: [list(acol.browser_row_for_id(i)[0]) for i in anki_page]) if acol else None,
    )
    compare(
        "full statistics",
        lambda: col.statistics(),
        (lambda: acol._backend.graphs(search="", days=365)) if acol else None,
    )
    compare(
        "statistics of deck AWS",
        lambda: col.statistics("AWS"),
        (lambda: acol._backend.graphs(search="deck:AWS", days=365)) if acol else None,
    )
    return rows


def run(work: Path, cards: int, repeat: int, with_anki: bool) -> None:
    built = ensure_built(work, cards, with_anki)
    col = Collection.open(built.flashcards, clock=FixedClock(NOW), load_bundled=False)
    acol = open_anki(built.anki) if with_anki else None
    counts = col.stats()
    print(
        f"\n{counts['cards']} cards, {counts['notes']} notes, "
        f"{counts['reviews_total']} review-log answers; median of {repeat} runs after a warm-up\n"
    )
    _print_table(browser_and_stats(col, acol, repeat))
    # Bulk actions change the collection (and undo puts it back): on a copy.
    col.close()
    scratch = work.parent / f"{work.name}-bulk"
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(built.flashcards, scratch)
    with Collection.open(scratch, clock=FixedClock(NOW), load_bundled=False) as copy:
        _bulk_actions(copy)
    shutil.rmtree(scratch)
    if acol:
        acol.close()


def _bulk_actions(col: Collection) -> None:
    """Each bulk action once on 10,000 cards, then its undo (which restores the data)."""
    selection = list(col.browse("", SortColumn.DUE).card_ids[::10])
    actions: list[tuple[str, Callable[[], object]]] = [
        ("suspend", lambda: col.suspend_cards(selection)),
        ("move to a new deck", lambda: col.move_cards(selection, "Bench::Moved")),
        ("add a tag", lambda: col.add_tags(selection, ["bench"])),
        ("reset to new", lambda: col.reset_cards(selection)),
        ("set due date 1-7", lambda: col.set_due_date(selection, 1, 7)),
        ("delete notes", lambda: col.delete_notes(selection[:5000])),
    ]
    print(f"\nbulk actions on {len(selection)} cards (delete: 5000), one run each")
    for label, action in actions:
        started = time.perf_counter()
        action()
        done = time.perf_counter()
        col.undo()
        undone = time.perf_counter()
        action_ms, undo_ms = (done - started) * 1000, (undone - done) * 1000
        print(f"  {label:<20} {action_ms:8.0f} ms   undo {undo_ms:6.0f} ms")


def _print_table(rows: list[Row]) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"{'operation':<{width}}  {'flashcards':>10}  {'cards':>7}  {'Anki':>9}  {'cards':>7}")
    for label, ms, size, anki_ms, anki_size in rows:
        anki = "—" if anki_ms is None else f"{anki_ms:7.1f} ms"
        print(f"{label:<{width}}  {ms:7.1f} ms  {size:>7}  {anki:>9}  {anki_size:>7}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "work")
    parser.add_argument("--no-anki", action="store_true", help="time flashcards only")
    args = parser.parse_args()
    run(args.work / str(args.cards), args.cards, args.repeat, not args.no_anki)


if __name__ == "__main__":
    main()
