"""Import and export, CSV and `.apkg`, ours and Anki's, on the generated collection.

`.apkg` timings go through benchmarks/interop.py (the interop issue's own
benchmark): the package is Anki's export of the generated Anki collection (or,
without Anki, ours), imported into a fresh collection by each app; exports
write the whole imported collection. CSV: each app exports the generated
collection as notes with headers, and both import our CSV file into a fresh
collection. Medians after one warm-up.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks import interop
from benchmarks.floor import import_floor
from benchmarks.measure import Measurement
from benchmarks.study import open_anki, open_ours
from benchmarks.synthetic import Built
from flashcards.services.importing import import_file

GROUP = "import/export"
FLOOR = "import floor: SQLite's copy of the .apkg rows + indexes"
"""benchmarks/floor.py: the package's rows copied into our schema, its indexes and text
index built, nothing converted — the least any importer into this schema takes."""


def make_package(built: Built, folder: Path) -> Path:
    """The generated collection as a current-format `.apkg`, written by Anki when it can."""
    package = folder / "collection.apkg"
    if built.anki is not None:
        from anki.collection import ExportAnkiPackageOptions

        acol = open_anki(built.anki)
        options = ExportAnkiPackageOptions(with_scheduling=True, with_media=True, legacy=False)
        acol.export_anki_package(out_path=str(package), options=options, limit=None)
        acol.close()
    else:
        with open_ours(built.flashcards) as col:
            col.export_file(package)
    return package


def transfer(built: Built, folder: Path, repeat: int) -> list[Measurement]:
    """CSV and `.apkg`, both directions; `folder` is scratch space, emptied afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        return _csv(built, folder, repeat) + _apkg(built, folder, repeat)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _csv(built: Built, folder: Path, repeat: int) -> list[Measurement]:
    csv = folder / "notes.csv"
    with open_ours(built.flashcards) as col:
        ours_export = interop.timed(lambda: col.export_file(csv), repeat)
    anki_export = None
    if built.anki is not None:
        acol = open_anki(built.anki)
        anki_csv = str(folder / "anki-notes.csv")
        anki_export = interop.timed(
            lambda: acol.export_note_csv(
                out_path=anki_csv,
                limit=None,
                with_html=True,
                with_tags=True,
                with_deck=True,
                with_notetype=True,
                with_guid=True,
            ),
            repeat,
        )
        acol.close()
    bench = interop.Bench(folder / "csv-runs", csv)

    def ours_import() -> None:
        with open_ours(bench.fresh()) as col:
            import_file(col, csv)

    def anki_import() -> None:
        from anki.collection import ImportCsvRequest

        acol = open_anki(bench.fresh() / "collection.anki2")
        metadata = acol.get_csv_metadata(str(csv), None)
        acol.import_csv(ImportCsvRequest(path=str(csv), metadata=metadata))
        acol.close()

    ours_in = interop.timed(ours_import, repeat)
    anki_in = interop.timed(anki_import, repeat) if built.anki is not None else None
    size = built.cards
    return [
        Measurement(size, GROUP, "export .csv (notes)", ours_export, anki_export, "s"),
        Measurement(size, GROUP, "import .csv into a new collection", ours_in, anki_in, "s"),
    ]


def _apkg(built: Built, folder: Path, repeat: int) -> list[Measurement]:
    package = make_package(built, folder)
    bench = interop.Bench(folder / "apkg-runs", package)
    ours_in = interop.timed(bench.ours_import, repeat)
    anki_in = interop.timed(bench.anki_import, repeat) if built.anki is not None else None
    floor = import_floor(package, folder / "floor", repeat).indexed
    if built.anki is not None:
        ours_out, anki_out = interop.time_exports(bench, folder / "out.apkg", repeat)
    else:
        with open_ours(built.flashcards) as col:
            ours_out = interop.timed(lambda: col.export_file(folder / "out.apkg"), repeat)
        anki_out = None
    size = built.cards
    return [
        Measurement(size, GROUP, "import .apkg into a new collection", ours_in, anki_in, "s"),
        Measurement(size, GROUP, FLOOR, floor, anki_in, "s"),
        Measurement(size, GROUP, "export .apkg (whole collection)", ours_out, anki_out, "s"),
    ]
