"""Anki's text format: headers, quoting, encodings, mapping, re-import, Anki reading ours."""

from __future__ import annotations

from pathlib import Path

import pytest
from anki.collection import Collection as AnkiCollection
from anki.collection import ImportCsvRequest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashcards.formats.ankitext import parse_text, write_text
from flashcards.formats.records import NoteRecord
from flashcards.services.bulkimport import DuplicatePolicy
from flashcards.services.collection import Collection
from flashcards.services.exporting import ExportOptions, export_file
from flashcards.services.importing import ImportOptions, import_file, preview


def _notes(col: Collection) -> list[tuple[str, tuple[str, ...], tuple[str, ...], str]]:
    result = []
    for card in col.store.cards.iter_all():
        if card.ord:
            continue
        note = col.note(card.note_id)
        result.append(
            (col.notetype_of(note).name, note.fields, note.tags, col.deck_name(card.deck_id))
        )
    return result


def test_every_header_line_is_honoured(empty_col: Collection, tmp_path: Path) -> None:
    path = tmp_path / "deck.txt"
    path.write_text(
        "#separator:Semicolon\n#html:false\n#tags:aws day1\n#deck:AWS::S3\n"
        "#notetype:Basic (and reversed card)\n#columns:Front;Back;Tags\n"
        "S3;객체 <스토리지>;storage\nEBS;블록\nstorage;x\n",
        encoding="utf-8",
    )
    summary = import_file(empty_col, path)
    assert (summary.added, summary.cards) == (3, 6)
    assert _notes(empty_col) == [
        (
            "Basic (and reversed card)",
            ("S3", "객체 &lt;스토리지&gt;"),
            ("aws", "day1", "storage"),
            "AWS::S3",
        ),
        ("Basic (and reversed card)", ("EBS", "블록"), ("aws", "day1"), "AWS::S3"),
        ("Basic (and reversed card)", ("storage", "x"), ("aws", "day1"), "AWS::S3"),
    ]


def test_column_headers_and_quoted_fields(empty_col: Collection, tmp_path: Path) -> None:
    path = tmp_path / "deck.csv"
    path.write_text(
        "#separator:comma\n#html:true\n#guid column:4\n#notetype column:3\n#deck column:1\n"
        "#tags column:2\n"
        'Top::Sub,t1 t2,Basic,guid-1,"front, with comma","back\nwith ""newline"""\n'
        'Top,,Cloze,guid-2,"{{c1::리전}}, {{c2::AZ}}",\n',
        encoding="utf-8",
    )
    import_file(empty_col, path)
    assert _notes(empty_col) == [
        ("Basic", ("front, with comma", 'back\nwith "newline"'), ("t1", "t2"), "Top::Sub"),
        ("Cloze", ("{{c1::리전}}, {{c2::AZ}}", ""), (), "Top"),
    ]
    assert empty_col.store.notes.by_guid("guid-1") is not None
    assert empty_col.store.cards.count() == 3


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("cp949", b""),
        ("euc-kr", b""),
    ],
)
def test_encodings(empty_col: Collection, tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = (
        "온디맨드 인스턴스\t초 단위로 비용을 지불합니다\n스팟 인스턴스\t남는 용량을 할인된 가격에\n"
    )
    path = tmp_path / "korean.tsv"
    path.write_bytes(bom + text.encode(encoding))
    import_file(empty_col, path)
    assert [n[1] for n in _notes(empty_col)] == [
        ("온디맨드 인스턴스", "초 단위로 비용을 지불합니다"),
        ("스팟 인스턴스", "남는 용량을 할인된 가격에"),
    ]


@pytest.mark.parametrize("separator", ["\t", ";", ",", "|"])
def test_no_headers_sniffs_the_separator(
    empty_col: Collection, tmp_path: Path, separator: str
) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(f"EC2{separator}가상 서버\nS3{separator}객체 스토리지\n", encoding="utf-8")
    import_file(empty_col, path)
    assert _notes(empty_col) == [
        ("Basic", ("EC2", "가상 서버"), (), "Default"),
        ("Basic", ("S3", "객체 스토리지"), (), "Default"),
    ]


def test_preview_and_field_mapping(empty_col: Collection, tmp_path: Path) -> None:
    path = tmp_path / "swap.csv"
    path.write_text("#separator:comma\n#columns:Back,Front,Note\nB1,F1,n1\nB2,F2,n2\n")
    shown = preview(empty_col, path)
    assert (shown.format, shown.separator, shown.column_count, shown.note_count) == (
        "text",
        ",",
        3,
        2,
    )
    assert shown.columns == ["Back", "Front", "Note"]
    assert shown.rows == [["B1", "F1", "n1"], ["B2", "F2", "n2"]]
    assert shown.field_columns == [0, 1, 2]
    import_file(empty_col, path, options=ImportOptions(deck="Mapped", field_columns=[1, 0]))
    assert _notes(empty_col) == [
        ("Basic", ("F1", "B1"), (), "Mapped"),
        ("Basic", ("F2", "B2"), (), "Mapped"),
    ]
    assert empty_col.store.notes.count() == 2


def test_reimport_updates_fields_and_keeps_history(empty_col: Collection, tmp_path: Path) -> None:
    path = tmp_path / "deck.txt"
    path.write_text("#guid column:1\ng1\tEC2\t서버\ng2\tS3\t스토리지\n", encoding="utf-8")
    import_file(empty_col, path)
    card = empty_col.store.cards.iter_all().__next__()
    empty_col.answer(card.id, 5)
    studied = empty_col.card(card.id)
    path.write_text("#guid column:1\ng1\tEC2\t가상 서버\ng2\tS3\t스토리지\ng3\tIAM\t권한\n")
    summary = import_file(empty_col, path)
    assert (summary.added, summary.updated, summary.unchanged, summary.skipped) == (1, 1, 1, 0)
    assert empty_col.card(card.id) == studied
    assert len(empty_col.store.reviews.of_card(card.id)) == 1
    assert empty_col.note(card.note_id).fields == ("EC2", "가상 서버")
    assert empty_col.check(repair=False).ok


def test_duplicate_policies(empty_col: Collection, tmp_path: Path) -> None:
    path = tmp_path / "deck.txt"
    path.write_text("#guid column:1\ng1\tEC2\t서버\n", encoding="utf-8")
    import_file(empty_col, path)
    path.write_text("#guid column:1\ng1\tEC2\t바뀐 뒷면\n", encoding="utf-8")
    kept = import_file(empty_col, path, options=ImportOptions(duplicates=DuplicatePolicy.KEEP))
    assert (kept.updated, kept.skipped) == (0, 1)
    assert [n[1] for n in _notes(empty_col)] == [("EC2", "서버")]
    added = import_file(empty_col, path, options=ImportOptions(duplicates=DuplicatePolicy.ADD))
    assert added.added == 1
    assert sorted(n[1] for n in _notes(empty_col)) == [("EC2", "바뀐 뒷면"), ("EC2", "서버")]


def test_rows_sharing_a_first_field_stay_separate_notes(
    empty_col: Collection, tmp_path: Path
) -> None:
    """Homonyms (배 'pear', 배 'ship') are two notes, and importing again finds both."""
    path = tmp_path / "homonyms.csv"
    path.write_text("배,pear\n배,ship\n눈,eye\n", encoding="utf-8")
    first = import_file(empty_col, path)
    assert (first.added, first.skipped) == (3, 0)
    assert sorted(n[1] for n in _notes(empty_col)) == [
        ("눈", "eye"),
        ("배", "pear"),
        ("배", "ship"),
    ]
    again = import_file(empty_col, path)
    assert (again.added, again.unchanged, again.skipped) == (0, 3, 0)
    path.write_text("배,pear\n배,boat\n눈,eye\n", encoding="utf-8")
    edited = import_file(empty_col, path)
    assert (edited.added, edited.updated, edited.unchanged) == (0, 1, 2)
    assert ("배", "boat") in [n[1] for n in _notes(empty_col)]


def test_columns_beyond_the_fields_are_left_out_with_a_remark(
    empty_col: Collection, tmp_path: Path
) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("a,b\nc\nd,e,f\n", encoding="utf-8")
    summary = import_file(empty_col, path)
    assert summary.added == 3
    assert sorted(n[1] for n in _notes(empty_col)) == [("a", "b"), ("c", ""), ("d", "e")]
    assert summary.notes == [
        "ragged.csv, line 3: 3 fields, but note type 'Basic' has 2 (Front, Back); "
        "the rest were left out"
    ]


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_real_anki_reads_our_export(col: Collection, tmp_path: Path, suffix: str) -> None:
    out = export_file(col, tmp_path / f"out{suffix}").path
    (tmp_path / "anki").mkdir()
    anki = AnkiCollection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        metadata = anki.get_csv_metadata(str(out), None)
        anki.import_csv(ImportCsvRequest(path=str(out), metadata=metadata))
        got = sorted(
            (
                anki.get_note(n).note_type()["name"],
                tuple(anki.get_note(n).fields),
                tuple(sorted(anki.get_note(n).tags)),
                anki.get_note(n).guid,
                anki.decks.name(anki.get_note(n).cards()[0].did).rstrip("+"),
            )
            for n in anki.find_notes("")
        )
    finally:
        anki.close()
    # Anki's CSV import names a parent deck "Test+" when an earlier row's "Test::A" already
    # made "Test"; that rename is Anki's, so deck names are compared without it.
    want = sorted(
        (nt, fields, tags, col.store.notes.by_guid(guid_of(col, fields)).guid, deck)  # type: ignore[union-attr]
        for nt, fields, tags, deck in _notes(col)
    )
    assert got == want
    assert len(got) == 5
    again = import_file(col, out)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)


def guid_of(col: Collection, fields: tuple[str, ...]) -> str:
    for card in col.store.cards.iter_all():
        note = col.note(card.note_id)
        if note.fields == fields:
            return note.guid
    raise AssertionError(fields)


_cell = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"),
    max_size=30,
)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet="abc가나다 ,;\t\"'\n", min_size=1, max_size=12).filter(str.strip),
            _cell,
            st.lists(st.text(alphabet="abc가나::_", min_size=1, max_size=6), max_size=3),
        ),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from(["\t", ","]),
)
def test_write_then_parse_round_trips(
    rows: list[tuple[str, str, list[str]]], separator: str
) -> None:
    records = [
        NoteRecord("Basic", (front, back), tuple(dict.fromkeys(tags)), "Deck::하위", f"g{i}")
        for i, (front, back, tags) in enumerate(rows)
    ]
    parsed = parse_text(write_text(records, separator=separator), "x")
    assert [(r.notetype, r.guid, r.deck, r.tags) for r in parsed] == [
        (r.notetype, r.guid, r.deck, r.tags) for r in records
    ]
    assert [r.fields + ("",) * (2 - len(r.fields)) for r in parsed] == [r.fields for r in records]


def test_text_export_names_the_deck_of_each_notes_first_card(
    empty_col: Collection, tmp_path: Path
) -> None:
    """A reversed note whose cards are in two decks: the file gives the deck of its
    first card; exporting only the other deck gives that deck; a note with no card
    in the exported deck is left out."""
    col = empty_col
    _, cards = col.add_note("Basic (and reversed card)", ["EC2", "가상 서버"], deck="AWS::EC2")
    col.add_note("Basic", ["S3", "객체 스토리지"], deck="AWS::S3")
    reverse = [c.id for c in cards if c.ord == 1]
    col.move_cards(reverse, "복습")
    whole = parse_text(export_file(col, tmp_path / "all.txt").path.read_text("utf-8"), "all.txt")
    assert [(r.fields[0], r.deck) for r in whole] == [
        ("EC2", "AWS::EC2"),
        ("S3", "AWS::S3"),
    ]
    options = ExportOptions(deck="복습")
    part = export_file(col, tmp_path / "part.txt", options).path.read_text("utf-8")
    assert [(r.fields[0], r.deck) for r in parse_text(part, "part.txt")] == [("EC2", "복습")]


def test_a_deck_named_in_other_letters_imports_into_the_existing_deck(
    col: Collection, tmp_path: Path
) -> None:
    decks = {d.name for d in col.decks()}
    path = tmp_path / "lower.txt"
    path.write_text("#separator:tab\n#deck:test::a\nRDS\t관계형 데이터베이스\n", encoding="utf-8")
    assert import_file(col, path).added == 1
    assert {d.name for d in col.decks()} == decks
    (note_id,) = col.duplicates_of("Basic", "RDS")
    assert [col.deck_name(c.deck_id) for c in col.cards_of(note_id)] == ["Test::A"]
