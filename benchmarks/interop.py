"""Import and export of large `.apkg` packages: ours against the real anki library.

Run: python -m benchmarks.interop [--sizes 20000 100000] [--repeats 3]

For each size it builds a package with real Anki (Basic notes in Korean and
English, 10% of cards reviewed with ~5 review-log entries each, current
`.anki21b` format), then times, after one warm-up, the median of repeated runs
of: importing it into a fresh collection (ours vs Anki), and exporting the
whole collection to `.apkg` (ours vs Anki). "import floor" is SQLite alone
copying the package's rows into our schema with its indexes and text index
(benchmarks/floor.py): no importer into this schema can be faster here. Not
part of the test suite.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from anki.collection import Collection as AnkiCollection
from anki.collection import (
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportCsvRequest,
)

from benchmarks.floor import import_floor
from flashcards.core.clock import FixedClock
from flashcards.services.collection import Collection
from flashcards.services.exporting import export_file
from flashcards.services.importing import import_file

WORDS = [
    *[
        "온디맨드",
        "인스턴스",
        "스팟",
        "예약",
        "가용",
        "영역",
        "리전",
        "보안",
        "그룹",
        "서브넷",
        "라우팅",
        "테이블",
    ],
    *["instance", "region", "bucket", "policy", "role", "subnet", "gateway", "volume", "snapshot"],
]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def build_package(folder: Path, notes: int) -> Path:
    """A current-format package made by real Anki, with scheduling and review log."""
    rng = random.Random(notes)
    folder.mkdir(parents=True, exist_ok=True)
    csv = folder / "notes.tsv"
    with csv.open("w", encoding="utf-8") as out:
        out.write("#separator:tab\n#html:true\n#deck:Bench::Korean\n")
        for i in range(notes):
            out.write(f"{i} {_sentence(rng, 4)}\t<b>{_sentence(rng, 10)}</b>\ttag{i % 50}\n")
    col = AnkiCollection(str(folder / "collection.anki2"))
    metadata = col.get_csv_metadata(str(csv), None)
    metadata.tags_column = 3
    col.import_csv(ImportCsvRequest(path=str(csv), metadata=metadata))
    today = col.sched.today
    ids = col.db.list("select id from cards order by id")
    reviewed = ids[::10]
    col.db.execute(
        f"update cards set type = 2, queue = 2, ivl = 1 + id % 40, factor = 2500 - (id % 8) * 100, "
        f"due = {today} + id % 30 - 3, reps = 5, lapses = id % 3 "
        f"where id in ({','.join(map(str, reviewed))})"
    )
    start_ms = int(time.time() * 1000) - 60 * 86_400_000
    rows = [
        (start_ms + (c % 1000) * 1000 + k * 86_400_000 * 7 + c % 997, c, -1, 1 + (c + k) % 4,
         k * 3 + 1, k * 3 - 2 if k else 0, 2500, 8000, 1 if k else 0)
        for c in reviewed for k in range(5)
    ]  # fmt: skip
    col.db.executemany("insert into revlog values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    out = folder / f"bench-{notes}.apkg"
    col.export_anki_package(
        out_path=str(out),
        options=ExportAnkiPackageOptions(with_scheduling=True, with_media=True, legacy=False),
        limit=None,
    )
    col.close()
    return out


def timed(run: Callable[[], object], repeats: int) -> float:
    """Median seconds over `repeats` runs after one warm-up."""
    run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class Bench:
    def __init__(self, work: Path, package: Path) -> None:
        self.work = work
        self.package = package
        self.n = 0

    def fresh(self) -> Path:
        self.n += 1
        folder = self.work / f"run{self.n}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        return folder

    def ours_import(self) -> None:
        folder = self.fresh()
        with Collection.open(folder, clock=FixedClock(_now()), load_bundled=False) as col:
            import_file(col, self.package)

    def anki_import(self) -> None:
        col = AnkiCollection(str(self.fresh() / "collection.anki2"))
        request = ImportAnkiPackageRequest(
            package_path=str(self.package),
            options=ImportAnkiPackageOptions(with_scheduling=True),
        )
        col.import_anki_package(request)
        col.close()

    def prepare_exports(self) -> tuple[Collection, AnkiCollection]:
        ours = Collection.open(self.work / "ours", clock=FixedClock(_now()), load_bundled=False)
        import_file(ours, self.package)
        anki = AnkiCollection(str(self.work / "anki.anki2"))
        anki.import_anki_package(
            ImportAnkiPackageRequest(
                package_path=str(self.package),
                options=ImportAnkiPackageOptions(with_scheduling=True),
            )
        )
        return ours, anki


def _now() -> object:
    from datetime import datetime

    return datetime.now().astimezone()


def time_exports(bench: Bench, out: Path, repeats: int) -> tuple[float, float]:
    """Median export times of the same imported collection: ours, then Anki's."""
    col, anki_col = bench.prepare_exports()
    opts = ExportAnkiPackageOptions(with_scheduling=True, with_media=True, legacy=False)
    try:
        ours = timed(lambda: export_file(col, out), repeats)
        anki = timed(
            lambda: anki_col.export_anki_package(out_path=str(out), options=opts, limit=None),
            repeats,
        )
    finally:
        col.close()
        anki_col.close()
    return ours, anki


def run(sizes: list[int], repeats: int) -> None:
    print(f"{'notes':>8}  {'operation':<12} {'ours (s)':>9} {'anki (s)':>9} {'ratio':>6}")
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="bench-interop-") as tmp:
            work = Path(tmp)
            package = build_package(work / "build", size)
            bench = Bench(work, package)
            ours = timed(bench.ours_import, repeats)
            anki = timed(bench.anki_import, repeats)
            _line(size, "import .apkg", ours, anki)
            floor = import_floor(package, work / "floor", repeats)
            _line(size, "import floor", floor.indexed, anki)
            _line(size, "export .apkg", *time_exports(bench, work / "out.apkg", repeats))


def _line(size: int, operation: str, ours: float, anki: float) -> None:
    print(f"{size:>8}  {operation:<12} {ours:>9.3f} {anki:>9.3f} {anki / ours:>5.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    run(args.sizes, args.repeats)


if __name__ == "__main__":
    main()
