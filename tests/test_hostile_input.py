"""Hostile and broken input, for every importer: a clear error or a clean import — never a
traceback, never a partial write, never a file outside the data folder.

The crafted corpus lives in tests/hostile.py; hypothesis adds random bytes and
mutations of valid files of each format.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashcards.core.clock import FixedClock
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError
from flashcards.services.importing import import_file
from flashcards.services.rendering import card_document
from tests import hostile
from tests.conftest import SMALL_DECK
from tests.test_storage import dump


def _files_outside(root: Path, data_dir: Path) -> set[Path]:
    return {p for p in root.rglob("*") if data_dir not in p.parents and p != data_dir}


def _attempt(col: Collection, path: Path) -> str | None:
    """Import `path`; return the error message, or None for a clean import."""
    try:
        import_file(col, path)
    except FlashcardsError as exc:
        return str(exc)
    return None


@pytest.fixture
def loaded(col: Collection) -> Collection:
    return col


@pytest.mark.parametrize("name", sorted(hostile.CORPUS), ids=str)
def test_crafted_file_gives_a_clear_error_or_a_clean_import(
    name: str, loaded: Collection, data_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    path = hostile.CORPUS[name](folder)
    before = dump(data_dir)
    outside_before = _files_outside(tmp_path, data_dir)
    media_before = sorted(loaded.media_dir.iterdir())
    message = _attempt(loaded, path)
    outside_after = _files_outside(tmp_path, data_dir)
    assert outside_after == outside_before, "a file appeared outside the data folder"
    assert not Path("/tmp/flashcards-owned.txt").exists()
    if message is not None:
        assert "\n" not in message
        assert path.name in message, message
        assert dump(data_dir) == before
        assert sorted(loaded.media_dir.iterdir()) == media_before
    assert loaded.check().ok


def test_the_corpus_covers_every_importer() -> None:
    names = " ".join(hostile.CORPUS)
    for kind in ("csv", "json", "markdown", "zip", "media", "member", "schema", "trigger"):
        assert kind in names or kind.rstrip("s") in names, kind


def test_deeply_nested_html_renders_safely(loaded: Collection, tmp_path: Path) -> None:
    path = hostile.nested_html_csv(tmp_path)
    assert _attempt(loaded, path) is None
    (card_id,) = loaded.search('"깊다"')
    rendered = loaded.render(loaded.card(card_id))
    document = card_document(rendered, answer=True)
    assert "깊다" in document


_KIND_SUFFIX = {"text": ".txt", "csv": ".csv", "json": ".json", "markdown": ".md", "apkg": ".apkg"}


@pytest.fixture
def hypo_col(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Collection]:
    """One collection for a whole hypothesis run (a fixture per example would be slow)."""
    data_dir = tmp_path_factory.mktemp("hypo") / "data"
    col = Collection.open(data_dir, clock=FixedClock(hostile_now()), load_bundled=False)
    import_file(col, SMALL_DECK)
    yield col
    col.close()


def hostile_now():  # type: ignore[no-untyped-def]
    from datetime import datetime

    return datetime.fromisoformat("2026-11-27T09:00:00+09:00")


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(kind=st.sampled_from(sorted(_KIND_SUFFIX)), data=st.binary(max_size=2048))
def test_random_bytes_never_crash_an_importer(
    hypo_col: Collection, tmp_path_factory: pytest.TempPathFactory, kind: str, data: bytes
) -> None:
    folder = tmp_path_factory.mktemp("bytes")
    path = folder / f"random{_KIND_SUFFIX[kind]}"
    path.write_bytes(data)
    before = dump(hypo_col.data_dir)
    if _attempt(hypo_col, path) is not None:
        assert dump(hypo_col.data_dir) == before


def _valid_apkg(folder: Path) -> bytes:
    return hostile._apkg(
        folder, "valid.apkg", {"collection.anki2": hostile._collection_bytes(folder, notes=3)}
    ).read_bytes()


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(flips=st.lists(st.tuples(st.integers(0, 10**9), st.integers(1, 255)), max_size=8))
def test_bit_flipped_packages_give_an_error_or_a_clean_import(
    hypo_col: Collection, tmp_path_factory: pytest.TempPathFactory, flips: list[tuple[int, int]]
) -> None:
    folder = tmp_path_factory.mktemp("flips")
    data = bytearray(_valid_apkg(folder))
    for position, mask in flips:
        data[position % len(data)] ^= mask
    path = folder / "flipped.apkg"
    path.write_bytes(bytes(data))
    before = dump(hypo_col.data_dir)
    message = _attempt(hypo_col, path)
    if message is not None:
        assert dump(hypo_col.data_dir) == before
    assert hypo_col.check().ok


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    text=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400).map(
        lambda t: "#separator:tab\n" + t
    )
)
def test_random_text_tables_never_crash(
    hypo_col: Collection, tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("text") / "random.tsv"
    path.write_text(text, encoding="utf-8")
    before = dump(hypo_col.data_dir)
    if _attempt(hypo_col, path) is not None:
        assert dump(hypo_col.data_dir) == before


def test_members_are_never_extracted_by_name(loaded: Collection, tmp_path: Path) -> None:
    path = hostile.slip_member_name(tmp_path)
    names = zipfile.ZipFile(io.BytesIO(path.read_bytes())).namelist()
    assert "../../escape.txt" in names
    _attempt(loaded, path)
    assert not (tmp_path.parent / "escape.txt").exists()
    assert not (loaded.data_dir.parent / "escape.txt").exists()
