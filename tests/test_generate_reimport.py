"""Importing Markdown notes into a real collection, editing them, and importing again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashcards.core.models import Card, CardType, Note
from flashcards.formats.ankitext import parse_text
from flashcards.services.collection import Collection
from flashcards.services.errors import ImportFormatError
from flashcards.services.importing import import_file
from tests.conftest import run_cli

V1 = """# 메모
## EC2
- EC2: 가상 서버
- 인스턴스를 중지하면 퍼블릭 IP가 바뀐다.
## 순서
1. 리전 선택
2. AMI 선택
3. 유형 선택
"""


def _notes(col: Collection) -> dict[str, Note]:
    notes = [col.note(i) for i in range(1, 100) if col.store.notes.get(i) is not None]
    return {n.fields[0]: n for n in notes}


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _answered(col: Collection) -> dict[int, tuple[Card, int]]:
    """Answer one card of each note with grade 5; return each card and its log count."""
    notes = _notes(col)
    chosen = [
        col.cards_of(notes["EC2"].id)[0],
        col.cards_of(notes[next(k for k in notes if k.startswith("EC2<br>"))].id)[0],
        col.cards_of(notes[next(k for k in notes if k.startswith("<b>순서"))].id)[1],
    ]
    result = {}
    for card in chosen:
        col.answer(card.id, 5)
        result[card.id] = (col.card(card.id), len(col.store.reviews.of_card(card.id)))
    return result


def test_reimport_after_an_edit_updates_by_guid_and_keeps_history(
    empty_col: Collection, tmp_path: Path
) -> None:
    col = empty_col
    notes_md = _write(tmp_path / "notes.md", V1)
    first = import_file(col, notes_md)
    assert (first.added, first.updated, first.unchanged) == (3, 0, 0)
    before_notes = _notes(col)
    answered = _answered(col)
    assert all(card.type == CardType.REVIEW for card, _ in answered.values())

    edited = (
        V1.replace("가상 서버", "크기를 조절할 수 있는 가상 서버")
        + "## 새 절\n- 새로 배운 사실 한 줄\n"
    )
    _write(notes_md, edited)
    second = import_file(col, notes_md)

    assert (second.added, second.updated, second.unchanged) == (1, 1, 2)
    after_notes = _notes(col)
    assert after_notes["EC2"].id == before_notes["EC2"].id
    assert after_notes["EC2"].fields[1] == "크기를 조절할 수 있는 가상 서버"
    for card_id, (card, log_count) in answered.items():
        assert col.card(card_id) == card, "an answered card's schedule changed on re-import"
        assert len(col.store.reviews.of_card(card_id)) == log_count
    new_note = next(n for k, n in after_notes.items() if "새로 배운" in n.fields[1])
    assert [c.type for c in col.cards_of(new_note.id)] == [CardType.NEW]
    assert col.deck("메모::새 절")


def test_lines_moving_down_update_tags_and_keep_schedules(
    empty_col: Collection, tmp_path: Path
) -> None:
    col = empty_col
    notes_md = _write(tmp_path / "notes.md", V1)
    import_file(col, notes_md)
    answered = _answered(col)
    _write(notes_md, V1.replace("## EC2\n", "## EC2\n- 태그: 리소스를 분류하는 키와 값\n"))

    summary = import_file(col, notes_md)

    assert (summary.added, summary.updated, summary.unchanged) == (1, 3, 0)
    notes = _notes(col)
    assert notes["EC2"].tags == ("src::notes.md::L4",)
    for card_id, (card, log_count) in answered.items():
        now = col.card(card_id)
        assert (now.sm2, now.due, now.reps, now.queue) == (
            card.sm2,
            card.due,
            card.reps,
            card.queue,
        )
        assert len(col.store.reviews.of_card(card_id)) == log_count


def test_rewording_a_line_adds_a_note_and_leaves_the_old_one(
    empty_col: Collection, tmp_path: Path
) -> None:
    col = empty_col
    notes_md = _write(tmp_path / "notes.md", V1)
    import_file(col, notes_md)
    _write(notes_md, V1.replace("퍼블릭 IP가 바뀐다.", "퍼블릭 IPv4 주소가 해제된다."))

    summary = import_file(col, notes_md)

    assert (summary.added, summary.updated, summary.unchanged) == (1, 0, 2)
    backs = [n.fields[1] for n in _notes(col).values()]
    assert "인스턴스를 중지하면 퍼블릭 IP가 바뀐다." in backs
    assert "인스턴스를 중지하면 퍼블릭 IPv4 주소가 해제된다." in backs


def test_import_deck_option_names_the_root(empty_col: Collection, tmp_path: Path) -> None:
    summary = import_file(empty_col, _write(tmp_path / "n.md", V1), deck="AWS")
    assert summary.added == 3
    names = {d.name for d in empty_col.decks()}
    assert {"AWS", "AWS::EC2", "AWS::순서"} <= names
    assert "메모" not in names


def test_a_bad_markdown_file_changes_nothing(empty_col: Collection, tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\x00\x01\x02binary")
    before = empty_col.stats()
    with pytest.raises(ImportFormatError) as info:
        import_file(empty_col, bad)
    assert str(info.value) == "bad.md: the file is binary, not text"
    assert empty_col.stats() == before


# -- the CLI -------------------------------------------------------------------------------


def test_cli_generate_writes_anki_text_to_stdout_and_to_a_file(tmp_path: Path) -> None:
    notes_md = _write(tmp_path / "notes.md", V1 + "- \n")
    shown = run_cli(["generate", str(notes_md)], tmp_path / "data")
    assert shown.returncode == 0, shown.stderr
    header = shown.stdout.splitlines()[:6]
    assert sorted(header) == sorted(
        [
            "#separator:tab",
            "#html:true",
            "#guid column:1",
            "#notetype column:2",
            "#deck column:3",
            "#tags column:4",
        ]
    )
    records = parse_text(shown.stdout, "out")
    assert [r.notetype for r in records] == ["Basic (and reversed card)", "Basic", "Cloze"]
    assert "no card from line 9: empty item" in shown.stderr

    out = tmp_path / "deck.txt"
    written = run_cli(["generate", str(notes_md), "-o", str(out), "--deck", "R"], tmp_path / "data")
    assert written.returncode == 0, written.stderr
    assert [r.deck for r in parse_text(out.read_text(encoding="utf-8"), "o")] == [
        "R::EC2",
        "R::EC2",
        "R::순서",
    ]
    assert not (tmp_path / "data").exists(), "generate must not create a collection"


def test_cli_generate_refuses_binary_and_missing_files(tmp_path: Path) -> None:
    binary = tmp_path / "x.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run_cli(["generate", str(binary)], tmp_path / "data")
    assert result.returncode == 1
    assert result.stderr == "flashcards: error: x.md: the file is binary, not text\n"
    missing = run_cli(["generate", str(tmp_path / "nope.md")], tmp_path / "data")
    assert missing.returncode == 1
    assert "no such file" in missing.stderr


def test_cli_import_md_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    notes_md = _write(tmp_path / "notes.md", V1)
    data = tmp_path / "data"
    first = run_cli(["import", str(notes_md)], data)
    assert first.returncode == 0, first.stderr
    assert "3 added, 0 updated, 0 unchanged, 0 skipped" in first.stdout
    again = run_cli(["import", str(notes_md)], data)
    assert "0 added, 0 updated, 3 unchanged, 0 skipped" in again.stdout
    decks = json.loads(run_cli(["decks", "--json"], data).stdout)
    names = {d["name"] for d in decks}
    assert {"메모::EC2", "메모::순서"} <= names


def test_generated_text_round_trips_and_real_anki_imports_it(tmp_path: Path) -> None:
    from anki.collection import Collection as AnkiCollection
    from anki.collection import ImportCsvRequest

    from flashcards.formats.ankitext import write_text
    from flashcards.formats.markdown import parse_markdown

    notes = Path(__file__).resolve().parents[1] / "decks" / "source" / "aws-awesome-day.md"
    records = parse_markdown(notes.read_text(encoding="utf-8"), notes.name)
    # A guid may start with '#', which Anki would skip as a comment line unless quoted.
    assert any((r.guid or "").startswith("#") for r in records)
    out = tmp_path / "generated.txt"
    out.write_text(write_text(records), encoding="utf-8")
    back = parse_text(out.read_text(encoding="utf-8"), "generated.txt")
    assert [(r.guid, r.notetype, r.deck, r.tags, r.fields) for r in back] == [
        (r.guid, r.notetype, r.deck, r.tags, r.fields) for r in records
    ]
    col = AnkiCollection(str(tmp_path / "anki.anki2"))
    try:
        metadata = col.get_csv_metadata(str(out), None)
        log = col.import_csv(ImportCsvRequest(path=str(out), metadata=metadata)).log
        assert len(log.new) == len(records)
        assert len(log.missing_notetype) == 0
        assert col.note_count() == len(records)
    finally:
        col.close()
