"""Importing packages that the real Anki library wrote, legacy and current format."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from flashcards.core.clock import FixedClock
from flashcards.core.models import CardType, Queue, ReviewKind
from flashcards.services.collection import Collection
from flashcards.services.importing import import_file
from tests.anki_helpers import (
    NESTED,
    PNG,
    SOUND,
    AnkiSample,
    build_sample,
    export_package,
    real_now,
)


@pytest.fixture(scope="module")
def anki_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("anki")
    col, sample = build_sample(folder / "source")
    try:
        legacy = export_package(col, folder / "legacy.apkg", legacy=True)
        modern = export_package(col, folder / "modern.apkg", legacy=False)
    finally:
        col.close()
    return {"sample": sample, "legacy": legacy, "modern": modern}


@pytest.fixture
def real_col(tmp_path: Path) -> Iterator[Collection]:
    col = Collection.open(tmp_path / "data", clock=FixedClock(real_now()), load_bundled=False)
    yield col
    col.close()


def _note(col: Collection, guid: str) -> tuple[str, tuple[str, ...], tuple[str, ...], list[str]]:
    note = col.store.notes.by_guid(guid)
    assert note is not None, guid
    decks = [col.deck_name(c.deck_id) for c in col.cards_of(note.id)]
    return col.notetype_of(note).name, note.fields, tuple(sorted(note.tags)), decks


@pytest.mark.parametrize("flavour", ["legacy", "modern"])
def test_notes_fields_tags_and_decks_arrive(
    real_col: Collection, anki_packages: dict[str, object], flavour: str
) -> None:
    sample = anki_packages["sample"]
    assert isinstance(sample, AnkiSample)
    package = anki_packages[flavour]
    assert isinstance(package, Path)
    members = zipfile.ZipFile(package).namelist()
    assert "collection.anki2" in members  # the dummy "please update" collection is there
    summary = import_file(real_col, package)
    assert (summary.added, summary.updated, summary.skipped) == (4, 0, 0)
    assert real_col.store.notes.count() == 4  # and its note was not imported
    assert _note(real_col, sample.basic_guid) == (
        "Basic",
        ("온디맨드 <b>인스턴스</b>", '초 단위 과금<br><img src="구매.png"> [sound:say.mp3]'),
        ("aws", "ec2::purchase"),
        [NESTED],
    )
    assert _note(real_col, sample.reversed_guid) == (
        "Basic (and reversed card)",
        ("스팟 인스턴스", "최대 90% 할인 &amp; 중단 가능"),
        ("aws",),
        [NESTED, NESTED],
    )
    assert _note(real_col, sample.cloze_guid) == (
        "Cloze",
        ("{{c1::리전}} 안에 {{c2::가용 영역}}이 있다", "<i>AZ</i>"),
        (),
        ["AWS", "AWS"],
    )
    names = {d.name for d in real_col.decks()}
    assert {"AWS", "AWS::EC2", NESTED} <= names
    assert (real_col.media_dir / "구매.png").read_bytes() == PNG
    assert (real_col.media_dir / "say.mp3").read_bytes() == SOUND
    rendered = real_col.render(
        real_col.cards_of(real_col.store.notes.by_guid(sample.cloze_guid).id)[1]
    )
    assert "가용 영역" in rendered.answer
    assert "[...]" in rendered.question


def _card_by_anki_role(col: Collection, sample: AnkiSample, role: str) -> object:
    guid, ord_ = {
        "reviewed": (sample.basic_guid, 0),
        "lapsed": (sample.reversed_guid, 0),
        "suspended": (sample.reversed_guid, 1),
        "low_ease": (sample.cloze_guid, 0),
        "buried": (sample.cloze_guid, 1),
        "answered": (sample.plain_guid, 0),
    }[role]
    note = col.store.notes.by_guid(guid)
    assert note is not None
    return next(c for c in col.cards_of(note.id) if c.ord == ord_)


@pytest.mark.parametrize("flavour", ["legacy", "modern"])
def test_scheduling_converts_as_documented(
    real_col: Collection, anki_packages: dict[str, object], flavour: str
) -> None:
    sample = anki_packages["sample"]
    assert isinstance(sample, AnkiSample)
    import_file(real_col, anki_packages[flavour])
    today = real_col.today()

    def card(role: str) -> tuple[object, ...]:
        c = _card_by_anki_role(real_col, sample, role)
        return (
            c.type,
            c.queue,
            c.due - today if c.type else None,
            c.sm2.repetitions,
            c.sm2.interval,
            c.sm2.easiness,
            c.reps,
            c.lapses,
            c.buried_until - today,
        )

    # Set on the Anki side: ivl 10, ease 2300, due in 3 days, 5 reps, 1 lapse.
    assert card("reviewed") == (CardType.REVIEW, Queue.REVIEW, 3, 2, 10, 2.3, 5, 1, -today)
    # Relearning, due in 10 minutes: SM-2 just after a failed grade, due today.
    assert card("lapsed") == (CardType.REVIEW, Queue.REVIEW, 0, 0, 1, 2.1, 7, 2, -today)
    # Suspended review card, ivl 20, due in 5 days.
    assert card("suspended") == (CardType.REVIEW, Queue.SUSPENDED, 5, 2, 20, 2.5, 4, 0, -today)
    # Ease 1250 is below SM-2's floor: clamped to 1.3; ivl 4 < 6 means one repetition.
    assert card("low_ease") == (CardType.REVIEW, Queue.REVIEW, 1, 1, 4, 1.3, 3, 3, -today)
    # A buried new card stays new and waits until tomorrow.
    assert card("buried")[:2] == (CardType.NEW, Queue.NEW)
    assert card("buried")[-1] == 1
    # Answered Good twice in Anki (learning steps 1m, 10m): graduated with ivl 1.
    assert card("answered") == (CardType.REVIEW, Queue.REVIEW, 1, 1, 1, 2.5, 2, 0, -today)


@pytest.mark.parametrize("flavour", ["legacy", "modern"])
def test_review_log_is_kept_and_check_stays_consistent(
    real_col: Collection, anki_packages: dict[str, object], flavour: str
) -> None:
    sample = anki_packages["sample"]
    assert isinstance(sample, AnkiSample)
    import_file(real_col, anki_packages[flavour])
    answered = _card_by_anki_role(real_col, sample, "answered")
    logs = real_col.store.reviews.of_card(answered.id)
    # Two Good answers the same day (grade 4), then the state the import set.
    assert [(g.kind, g.grade) for g in logs] == [
        (ReviewKind.REVIEW, 4),
        (ReviewKind.DRILL, 4),
        (ReviewKind.MANUAL, 0),
    ]
    assert logs[-1].after == answered.sm2
    report = real_col.check(repair=False)
    assert report.ok, report.problems
    assert real_col.stats()["reviews_total"] == 2


def test_reimport_changes_nothing_and_keeps_history(
    real_col: Collection, anki_packages: dict[str, object]
) -> None:
    import_file(real_col, anki_packages["modern"])
    real_col.answer(real_col.study().next_card().card.id, 5)
    before = real_col.store.reviews.count()
    again = import_file(real_col, anki_packages["legacy"])
    assert (again.added, again.updated, again.unchanged, again.cards) == (0, 0, 4, 0)
    assert real_col.store.reviews.count() == before
    assert real_col.check(repair=False).ok
