"""Our JSON format: export → import into a fresh collection loses nothing (hypothesis)."""

from __future__ import annotations

import base64
import hashlib
import json
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashcards.core.clock import FixedClock
from flashcards.core.models import DeckOptions
from flashcards.services.collection import Collection
from flashcards.services.errors import ImportFormatError
from flashcards.services.exporting import export_file
from flashcards.services.importing import import_file
from tests.conftest import START

_text = st.text(alphabet="가나다라 EC2 <b>&;,\t\"'\n", min_size=1, max_size=15).filter(
    lambda s: s.strip() and "<" not in s.strip()[:1]
)
_deck = st.sampled_from(["AWS", "AWS::EC2", "AWS::EC2::구매 옵션", "보안"])
_note = st.tuples(
    st.sampled_from(["Basic", "Basic (and reversed card)", "Cloze"]),
    _text,
    _text,
    _deck,
    st.lists(st.sampled_from(["aws", "ec2::x", "한글"]), max_size=2),
)
_action = st.tuples(
    st.sampled_from(["answer", "typed answer", "suspend", "bury", "next day"]),
    st.integers(0, 30),
    st.integers(0, 5),
)


def canonical(doc: dict[str, Any]) -> dict[str, Any]:
    """The document with every surrogate id replaced by what it stands for."""
    decks = {d["id"]: d["name"] for d in doc["decks"]}
    types = {t["id"]: t["name"] for t in doc["notetypes"]}
    notes = {n["id"]: n["guid"] for n in doc["notes"]}
    cards = {c["id"]: (notes[c["note_id"]], c["ord"]) for c in doc["cards"]}
    strip = ("id", "note_id", "deck_id", "notetype_id", "card_id")
    return {
        "decks": sorted((d["name"], json.dumps(d["options"])) for d in doc["decks"]),
        "notetypes": sorted(json.dumps({**t, "id": 0}, sort_keys=True) for t in doc["notetypes"]),
        "notes": sorted(
            json.dumps(
                {**{k: v for k, v in n.items() if k not in strip}, "type": types[n["notetype_id"]]},
                sort_keys=True,
            )
            for n in doc["notes"]
        ),
        "cards": sorted(
            json.dumps(
                {
                    **{k: v for k, v in c.items() if k not in strip},
                    "key": cards[c["id"]],
                    "deck": decks[c["deck_id"]],
                },
                sort_keys=True,
            )
            for c in doc["cards"]
        ),
        "revlog": [
            ({k: v for k, v in g.items() if k not in strip}, cards[g["card_id"]])
            for g in sorted(doc["revlog"], key=lambda g: (cards[g["card_id"]], g["id"]))
        ],
        "media": doc["media"],
        "rollover_hour": doc["rollover_hour"],
    }


def _build(col: Collection, clock: FixedClock, notes: list[Any], actions: list[Any]) -> None:
    for notetype, front, back, deck, tags in notes:
        if notetype == "Cloze":
            front = f"{{{{c1::{front}}}}} {{{{c2::{back}}}}}"
        try:
            col.add_note(notetype, [front, back], deck=deck, tags=tags)
        except Exception:  # a note that makes no card is refused; not what this tests
            continue
    col.ensure_deck("AWS")
    col.set_deck_options("AWS", DeckOptions(new_per_day=3, reviews_per_day=9, leech_suspend=True))
    cards = list(col.store.cards.iter_all())
    for action, index, grade in actions:
        if not cards:
            return
        card = cards[index % len(cards)]
        if action == "next day":
            clock.advance(timedelta(days=1))
        elif action == "suspend":
            col.suspend(card.id)
        elif action == "bury":
            col.bury(card.id)
        elif col.card(card.id).suspended:
            continue
        elif action == "typed answer":
            col.answer(card.id, grade, typed=f"입력 {index}", suggested=5 - grade)
        else:
            col.answer(card.id, grade)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_note, min_size=1, max_size=6), st.lists(_action, max_size=15))
def test_json_round_trip_is_lossless(notes: list[Any], actions: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        clock = FixedClock(START)
        with Collection.open(root / "a", clock=clock, load_bundled=False) as source:
            (source.media_dir / "그림.png").write_bytes(b"png")
            source.add_note("Basic", ['<img src="그림.png">', "x"], deck="보안")
            _build(source, clock, notes, actions)
            exported = export_file(source, root / "one.json")
            first = exported.path
            assert exported.media == 1  # the summary counts the file the JSON embeds
        with Collection.open(root / "b", clock=clock, load_bundled=False) as target:
            summary = import_file(target, first)
            assert summary.skipped == 0
            assert target.check(repair=False).ok
            second = export_file(target, root / "two.json").path
        one = json.loads(first.read_text(encoding="utf-8"))
        two = json.loads(second.read_text(encoding="utf-8"))
        sha1 = hashlib.sha1(b"png").hexdigest()
        data = base64.b64encode(b"png").decode()
        assert one["media"] == [{"name": "그림.png", "size": 3, "sha1": sha1, "data": data}]
        assert canonical(two) == canonical(one)
        assert len(two["revlog"]) == len(one["revlog"])
        typed = sum(1 for a, _, _ in actions if a == "typed answer")
        if typed == 0:
            assert all(g["typed"] is None and g["suggested"] is None for g in one["revlog"])


def test_typed_answers_travel_in_the_log_and_older_files_without_them_still_import(
    tmp_path: Path,
) -> None:
    clock = FixedClock(START)
    with Collection.open(tmp_path / "a", clock=clock, load_bundled=False) as source:
        source.add_note("Basic", ["보안 그룹의 기본 인바운드 규칙은?", "모두 거부"], deck="보안")
        card = next(iter(source.store.cards.iter_all()))
        source.answer(card.id, 4, typed="모두 거부함", suggested=4)
        path = export_file(source, tmp_path / "typed.json").path
    doc = json.loads(path.read_text(encoding="utf-8"))
    answered = [g for g in doc["revlog"] if g["kind"] == 0]
    assert [(g["typed"], g["suggested"], g["grade"]) for g in answered] == [("모두 거부함", 4, 4)]

    with Collection.open(tmp_path / "b", clock=clock, load_bundled=False) as target:
        import_file(target, path)
        again = json.loads(export_file(target, tmp_path / "again.json").path.read_text("utf-8"))
    assert [(g["typed"], g["suggested"]) for g in again["revlog"] if g["kind"] == 0] == [
        ("모두 거부함", 4)
    ]

    for entry in doc["revlog"]:
        del entry["typed"], entry["suggested"]
    older = tmp_path / "older.json"
    older.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with Collection.open(tmp_path / "c", clock=clock, load_bundled=False) as target:
        import_file(target, older)
        logs = json.loads(export_file(target, tmp_path / "c.json").path.read_text("utf-8"))
    assert [(g["typed"], g["suggested"]) for g in logs["revlog"]] == [(None, None)] * len(
        doc["revlog"]
    )


def test_a_suggested_grade_out_of_range_is_refused_naming_the_entry(tmp_path: Path) -> None:
    clock = FixedClock(START)
    with Collection.open(tmp_path / "a", clock=clock, load_bundled=False) as source:
        source.add_note("Basic", ["IAM", "권한 관리"], deck="보안")
        card = next(iter(source.store.cards.iter_all()))
        source.answer(card.id, 5, typed="권한 관리", suggested=5)
        doc = json.loads(export_file(source, tmp_path / "x.json").path.read_text("utf-8"))
    doc["revlog"][0]["suggested"] = 7
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with Collection.open(tmp_path / "b", clock=clock, load_bundled=False) as target:
        before = target.stats()
        with pytest.raises(ImportFormatError, match=r"revlog\[0\].*'suggested' must be a grade"):
            import_file(target, bad)
        assert target.stats() == before
