"""Our `.apkg` export, judged by importing it into fresh real-Anki collections.

Every test runs on both flavours: the current format (the default) and the
legacy one (ExportOptions.legacy, Anki's "Support older Anki versions").
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from flashcards.core.clock import FixedClock
from flashcards.core.models import DeckOptions
from flashcards.services.collection import Collection
from flashcards.services.exporting import ExportOptions, export_file
from tests.anki_helpers import NESTED, PNG, import_again, import_into_anki, real_now


@pytest.fixture(scope="module", params=[False, True], ids=["latest", "legacy"])
def exported(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> dict[str, object]:
    """Our collection, studied over two days, exported twice."""
    legacy = bool(request.param)
    folder = tmp_path_factory.mktemp("ours")
    clock = FixedClock(real_now())
    col = Collection.open(folder / "data", clock=clock, load_bundled=False)
    (col.media_dir / "구매.png").write_bytes(PNG)
    basic, (b,) = col.add_note(
        "Basic",
        ["온디맨드 <b>인스턴스</b>", '<img src="구매.png">'],
        deck=NESTED,
        tags=["aws", "ec2::purchase"],
    )
    rev, (r1, r2) = col.add_note("Basic (and reversed card)", ["스팟", "할인"], deck=NESTED)
    cloze, _ = col.add_note("Cloze", ["{{c1::리전}} 안에 {{c2::AZ}}", ""], deck="AWS")
    col.set_deck_options(NESTED, DeckOptions(new_per_day=7, reviews_per_day=70))
    col.answer(b.id, 5)  # new → SM-2 (1, 1, 2.6)
    col.answer(r1.id, 1)  # fail → (0, 1, 1.96) and a same-day drill
    col.answer(r1.id, 4)  # the drill
    col.suspend(r2.id)
    clock.advance(timedelta(days=1))
    col.answer(b.id, 4)  # (2, 6, 2.6), due 1 + 6 days from the first day
    clock.set(real_now())
    today = col.today()
    first = export_file(col, folder / "ours.apkg", ExportOptions(legacy=legacy))
    second = export_file(col, folder / "again.apkg", ExportOptions(legacy=legacy))
    state = {
        "today": today,
        "basic_due": col.card(b.id).due,
        "guids": {"basic": basic.guid, "rev": rev.guid, "cloze": cloze.guid},
        "first": first.path,
        "second": second.path,
        "folder": folder,
        "legacy": legacy,
    }
    col.close()
    return state


def test_anki_imports_notes_decks_tags_and_media(exported: dict[str, object]) -> None:
    anki, log = import_into_anki(Path(str(exported["folder"])) / "anki1", exported["first"])
    try:
        assert len(log.new) == 3
        guids = exported["guids"]
        notes = {anki.get_note(nid).guid: anki.get_note(nid) for nid in anki.find_notes("")}
        basic = notes[guids["basic"]]
        assert basic.fields == ["온디맨드 <b>인스턴스</b>", '<img src="구매.png">']
        assert sorted(basic.tags) == ["aws", "ec2::purchase"]
        assert basic.note_type()["name"].startswith("Basic")
        assert notes[guids["rev"]].note_type()["name"].startswith("Basic (and reversed card)")
        assert len(notes[guids["rev"]].cards()) == 2
        cloze = notes[guids["cloze"]]
        assert cloze.note_type()["type"] == 1
        assert cloze.fields[0] == "{{c1::리전}} 안에 {{c2::AZ}}"
        assert len(cloze.cards()) == 2
        assert anki.decks.name(basic.cards()[0].did) == NESTED
        assert anki.decks.name(cloze.cards()[0].did) == "AWS"
        config = anki.decks.config_dict_for_deck_id(basic.cards()[0].did)
        assert (config["new"]["perDay"], config["rev"]["perDay"]) == (7, 70)
        assert (Path(anki.media.dir()) / "구매.png").read_bytes() == PNG
    finally:
        anki.close()


def test_anki_gets_the_schedule_and_review_log(exported: dict[str, object]) -> None:
    anki, _ = import_into_anki(Path(str(exported["folder"])) / "anki2", exported["first"])
    try:
        guids = exported["guids"]
        by_guid = {anki.get_note(n).guid: anki.get_note(n) for n in anki.find_notes("")}
        b = by_guid[guids["basic"]].cards()[0]
        # SM-2 after grades 5 then 4 (next day): interval 6, easiness 2.6, due 1 + 6 days on.
        assert (b.type, b.queue, b.ivl, b.factor, b.reps, b.lapses) == (2, 2, 6, 2600, 2, 0)
        assert b.due - anki.sched.today == exported["basic_due"] - exported["today"]
        r1, r2 = sorted(by_guid[guids["rev"]].cards(), key=lambda c: c.ord)
        # A first grade of 1: SM-2 interval 1, easiness 2.5 − 0.54 = 1.96, due tomorrow;
        # failed last (SM-2 repetitions 0), so Anki's relearning card (type, queue 3).
        assert (r1.type, r1.queue, r1.ivl, r1.factor, r1.reps) == (3, 3, 1, 1960, 1)
        assert r1.due - anki.sched.today == 1
        assert (r2.type, r2.queue) == (0, -1)  # suspended while new
        rows = anki.db.all(
            "select ease, ivl, lastIvl, factor, type from revlog where cid = ? order by id", b.id
        )
        # Grade 5 → Easy (4), learning a new card; grade 4 → Good (3), a review.
        assert rows == [[4, 1, 0, 2600, 0], [3, 6, 1, 2600, 1]]
        rows = anki.db.all("select ease, ivl, type from revlog where cid = ? order by id", r1.id)
        assert rows == [[1, 1, 0], [3, 1, 0]]  # the fail, then the same-day drill
    finally:
        anki.close()


def test_two_exports_do_not_duplicate_in_anki(exported: dict[str, object]) -> None:
    anki, _ = import_into_anki(Path(str(exported["folder"])) / "anki3", exported["first"])
    try:
        counts = (
            anki.note_count(),
            anki.card_count(),
            anki.db.scalar("select count() from revlog"),
        )
        log = import_again(anki, exported["second"])
        assert len(log.new) == 0
        assert (
            anki.note_count(),
            anki.card_count(),
            anki.db.scalar("select count() from revlog"),
        ) == counts
        assert counts == (3, 5, 4)
    finally:
        anki.close()


def test_export_of_one_deck_takes_its_subdecks_only(exported: dict[str, object]) -> None:
    folder = Path(str(exported["folder"]))
    col = Collection.open(folder / "data", clock=FixedClock(real_now()), load_bundled=False)
    try:
        options = ExportOptions(deck="AWS::EC2", legacy=bool(exported["legacy"]))
        summary = export_file(col, folder / "ec2.apkg", options)
    finally:
        col.close()
    assert (summary.notes, summary.cards) == (2, 3)
    anki, log = import_into_anki(folder / "anki4", summary.path)
    try:
        assert len(log.new) == 2
        assert {anki.decks.name(anki.get_card(c).did) for c in anki.find_cards("")} == {NESTED}
    finally:
        anki.close()
