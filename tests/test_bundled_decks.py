"""The shipped AWS decks: well-formed, atomic, complete, documented, and importable by real Anki."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from flashcards.core.cloze import CLOZE_RE, cloze_numbers
from flashcards.core.notetypes import BUILTIN_NOTETYPES
from flashcards.core.template import card_ordinals, render_card
from flashcards.core.text import strip_html
from flashcards.formats.ankitext import parse_text, read_table
from flashcards.formats.records import NoteRecord
from flashcards.services.bundled import bundled_deck_files
from flashcards.services.collection import Collection
from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
DECKS = ROOT / "decks"
NOTES = DECKS / "source" / "aws-awesome-day.md"
README = DECKS / "README.md"
DECK_FILES = sorted(DECKS.glob("*.txt"))
NOTETYPES = {nt.name: nt for nt in BUILTIN_NOTETYPES}
ROOT_DECK = "AWS Awesome Day"
SRC_RE = re.compile(r"^src::aws-awesome-day\.md::L(\d+)$")
PAREN_RE = re.compile(r"\s*[(（][^()（）]*[)）]")
REQUIRED_HEADERS = (
    "#separator:tab",
    "#html:true",
    "#notetype column:",
    "#deck column:",
    "#tags column:",
    "#guid column:",
)
# Lines of the notes deliberately not made into cards; decks/README.md says why.
NOT_CARDED = {4, 11, 22, 29, 44}


def _records(path: Path) -> list[NoteRecord]:
    return parse_text(path.read_text(encoding="utf-8"), path.name)


ALL: list[tuple[str, NoteRecord]] = [(p.name, r) for p in DECK_FILES for r in _records(p)]


def _src_lines(record: NoteRecord) -> list[int]:
    return [int(m.group(1)) for t in record.tags if (m := SRC_RE.match(t))]


def _note_lines() -> list[str]:
    return NOTES.read_text(encoding="utf-8").split("\n")


def _sections() -> list[tuple[int, str]]:
    return [
        (i, line[3:].strip()) for i, line in enumerate(_note_lines(), 1) if line.startswith("## ")
    ]


def _card_count(record: NoteRecord) -> int:
    return len(card_ordinals(NOTETYPES[record.notetype], record.fields))


def test_the_bundled_loader_finds_every_deck_file() -> None:
    assert [f.name for f in bundled_deck_files()] == [p.name for p in DECK_FILES]
    assert len(DECK_FILES) >= 3


@pytest.mark.parametrize("path", DECK_FILES, ids=lambda p: p.name)
def test_each_file_has_anki_headers_and_only_builtin_fields(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    for required in REQUIRED_HEADERS:
        assert any(line.startswith(required) for line in header), required
    records = _records(path)
    assert records
    table = read_table(text, path.name)
    special = len(table.header.special_columns)
    for (line, cells), record in zip(table.rows, records, strict=True):
        assert record.notetype in NOTETYPES, record
        # Exactly the built-in fields: Anki's text importer drops any extra column.
        assert len(cells) - special == len(NOTETYPES[record.notetype].fields), line
        assert record.deck is not None
        assert record.deck.startswith(ROOT_DECK + "::")
        assert record.guid


def test_the_required_decks_exist() -> None:
    decks = {r.deck for _, r in ALL}
    for name in ("서비스 정의", "EC2 구매 옵션", "보안 규칙"):
        assert f"{ROOT_DECK}::{name}" in decks


def test_guids_are_unique_across_all_files() -> None:
    guids = Counter(r.guid for _, r in ALL)
    assert [g for g, n in guids.items() if n > 1] == []


def test_questions_are_unique_across_all_files() -> None:
    firsts = Counter((r.notetype, strip_html(r.fields[0])) for _, r in ALL)
    assert [k for k, n in firsts.items() if n > 1] == []


@pytest.mark.parametrize(("source", "record"), ALL, ids=lambda v: getattr(v, "guid", v))
def test_every_card_renders_a_nonempty_front_and_a_different_back(
    source: str, record: NoteRecord
) -> None:
    notetype = NOTETYPES[record.notetype]
    ordinals = card_ordinals(notetype, record.fields)
    expected = {"Basic": 1, "Basic (and reversed card)": 2}.get(record.notetype)
    assert len(ordinals) == (expected or len(cloze_numbers(record.fields[0])))
    assert ordinals
    for ord_ in ordinals:
        card = render_card(notetype, record.fields, ord_, deck=record.deck or "", tags=record.tags)
        question = strip_html(card.question)
        answer_only = strip_html(card.answer.split("<hr id=answer>")[-1])
        assert question, (source, record.guid, ord_)
        assert answer_only, (source, record.guid, ord_)
        assert question != answer_only, (source, record.guid, ord_)
    if record.notetype != "Cloze":
        assert strip_html(record.fields[0]) != strip_html(record.fields[1])


@pytest.mark.parametrize(("source", "record"), ALL, ids=lambda v: getattr(v, "guid", v))
def test_cloze_numbering_is_contiguous_with_at_most_three(source: str, record: NoteRecord) -> None:
    text = " ".join(record.fields)
    if record.notetype != "Cloze":
        assert not CLOZE_RE.search(text), (source, record.guid)
        return
    numbers = cloze_numbers(record.fields[0])
    assert numbers == list(range(1, len(numbers) + 1)), record.guid
    assert 1 <= len(numbers) <= 3, record.guid
    assert not CLOZE_RE.search(record.fields[1]), "Back Extra must not hold clozes"


def test_tags_name_real_lines_or_mark_additions() -> None:
    lines = _note_lines()
    for _, record in ALL:
        cited = _src_lines(record)
        assert cited or "보충" in record.tags, record.guid
        for n in cited:
            assert 1 <= n <= len(lines), (record.guid, n)
            assert lines[n - 1].strip(), f"{record.guid} cites blank line {n}"
        assert any(t.startswith("aws::") for t in record.tags), record.guid


def test_corrections_say_what_changed_on_the_back() -> None:
    corrected = [r for _, r in ALL if "정정" in r.tags]
    assert len(corrected) >= 15
    for record in corrected:
        assert "※" in record.fields[1], record.guid


def test_every_section_of_the_notes_has_a_deck() -> None:
    sections = _sections()
    bounds = [*(start for start, _ in sections[1:]), len(_note_lines()) + 1]
    cited = {n for _, r in ALL for n in _src_lines(r)}
    for (start, title), end in zip(sections, bounds, strict=True):
        assert any(start <= n < end for n in cited), f"section {title!r} has no card"


def test_every_fact_line_of_the_notes_is_cited() -> None:
    cited = {n for _, r in ALL for n in _src_lines(r)}
    uncited = []
    for number, line in enumerate(_note_lines(), 1):
        text = line.strip()
        if text and not text.startswith("#") and text != "---" and number not in cited:
            uncited.append(number)
    assert uncited == sorted(NOT_CARDED)


def test_every_service_of_the_notes_is_defined() -> None:
    definitions = " ".join(
        strip_html(r.fields[0]) for _, r in ALL if r.deck == f"{ROOT_DECK}::서비스 정의"
    )
    for name in (
        "Amazon EC2",
        "AMI",
        "Amazon S3",
        "Glacier",
        "Amazon EBS",
        "인스턴스 스토어",
        "Amazon VPC",
        "보안 그룹",
        "AWS IAM",
        "AWS CloudTrail",
        "Amazon RDS",
        "AWS DMS",
        "Amazon DynamoDB",
        "탄력적 IP 주소",
        "태그",
        "SSL/TLS",
        "AWS CLI",
        "AWS SDK",
        "AWS Management Console",
    ):
        assert name in definitions or any(
            name in strip_html(" ".join(r.fields))
            for _, r in ALL
            if "서비스 정의" in (r.deck or "")
        ), name
    overview = " ".join(strip_html(r.fields[0]) for _, r in ALL if "개요" in (r.deck or ""))
    assert "리전(Region)" in overview
    assert "가용 영역(Availability Zone, AZ)" in overview


@pytest.mark.parametrize(
    ("guid", "must_contain"),
    [
        ("aws-buy-ri-term", "1년 또는 3년"),
        ("aws-buy-spot-notice", "2분"),
        ("aws-buy-scheduled-retired", "더 이상 판매하지 않"),
        ("aws-s3-flexible-times", "3–5시간"),
        ("aws-ebs-store-reboot", "남아 있다"),
        ("aws-ebs-move-az", "리전 단위로 저장"),
        ("aws-ip-stop-private", "프라이빗 IPv4"),
        ("aws-ip-eip-cost", "2024년 2월"),
        ("aws-ip-eip-cost", "750시간"),
        ("aws-s3-bucket-name-unique", "같은 파티션 안에서"),
        ("aws-talk-descriptive", "서술적 분석"),
        ("aws-talk-prescriptive", "무엇을 해야 하는가"),
        ("aws-talk-rekognition", "2025년 10월 31일"),
        ("aws-db-multi-az-no-reads", "읽기 복제본"),
        ("aws-db-auto-backup-retention", "35일"),
    ],
)
def test_key_facts_are_stated_correctly(guid: str, must_contain: str) -> None:
    record = next(r for _, r in ALL if r.guid == guid)
    assert must_contain in " ".join(record.fields)


def _significant(text: str) -> str:
    return re.sub(r"\W", "", text).casefold()


def _cloze_answers(record: NoteRecord) -> list[str]:
    """Each blank's answer without its (…) parts, as significant characters."""
    return [
        _significant(PAREN_RE.sub("", strip_html(m.group(2))))
        for m in CLOZE_RE.finditer(record.fields[0])
    ]


def test_no_list_shows_another_notes_blank_as_context() -> None:
    # Cards of one list come up back to back: a line a cloze note shows as plain context
    # (no blank of its own) must not hold the answer of a blank in another note.
    blanks = [(r.guid, a) for _, r in ALL if r.notetype == "Cloze" for a in _cloze_answers(r)]
    leaks = []
    for _, record in ALL:
        if record.notetype != "Cloze":
            continue
        items = re.split(r"<br\s*/?>", record.fields[0])[1:]  # the first line is the title
        for item in items:
            if CLOZE_RE.search(item):
                continue
            shown = _significant(strip_html(item))
            leaks += [
                (record.guid, item, guid)
                for guid, a in blanks
                if guid != record.guid and len(a) >= 2 and a in shown
            ]
    assert leaks == []


def _term_parts(front: str) -> list[str]:
    """A reversed note's term and the names in its parentheses: "MFA(Multi-Factor …, 다중 인증)"."""
    text = strip_html(front)
    inside = [p for group in re.findall(r"[(（]([^()（）]*)[)）]", text) for p in group.split(",")]
    parts = [PAREN_RE.sub("", text), *inside]
    return [p for p in (_significant(p) for p in parts) if len(p) >= 2]


def test_reversed_cards_do_not_give_the_term_away() -> None:
    # The Back of a reversed note is the question of its second card.
    for _, record in ALL:
        if record.notetype == "Basic (and reversed card)":
            back = _significant(strip_html(record.fields[1]))
            assert [p for p in _term_parts(record.fields[0]) if p in back] == [], record.guid


def test_basic_answers_put_the_typeable_answer_first() -> None:
    # Typing the answer compares the first line of Back; notes and corrections come after <br>.
    for _, record in ALL:
        if record.notetype == "Cloze":
            continue
        first = re.split(r"<br\s*/?>", record.fields[1])[0]
        assert strip_html(first), record.guid
        assert "※" not in first, record.guid
        # A yes/no question gets a whole sentence ("아니요, … 수 없다."), not a bare "없다.".
        assert not re.match(r"(없다|있다|아니다)[.\s]", strip_html(first)), record.guid


# -- decks/README.md ----------------------------------------------------------------------------


def _readme_rows(pattern: str) -> list[tuple[str, ...]]:
    return [m.groups() for m in re.finditer(pattern, README.read_text(encoding="utf-8"), re.M)]


def test_readme_deck_table_matches_the_files() -> None:
    rows = _readme_rows(r"^\| `([^`]+\.txt)` \| (.+?) \| (\d+) \| (\d+) \|$")
    expected = []
    for path in DECK_FILES:
        records = _records(path)
        (deck,) = {r.deck for r in records}
        assert deck is not None
        cards = sum(_card_count(r) for r in records)
        expected.append((path.name, deck.split("::", 1)[1], str(len(records)), str(cards)))
    assert rows == expected
    (total,) = _readme_rows(r"^\| \*\*합계\*\* \| +\| \*\*(\d+)\*\* \| \*\*(\d+)\*\* \|$")
    assert total == (str(len(ALL)), str(sum(_card_count(r) for _, r in ALL)))


def test_readme_section_table_matches_the_files() -> None:
    rows = _readme_rows(r"^\| (.+? \(L\d+\)|\(노트에 없는 보충\)) \| (.+?) \| (\d+) \|$")
    sections = _sections()
    counts: Counter[tuple[str, str]] = Counter()
    for _, record in ALL:
        lines = _src_lines(record)
        if lines:
            start, title = [s for s in sections if s[0] <= min(lines)][-1]
            label = f"{title} (L{start})"
        else:
            label = "(노트에 없는 보충)"
        counts[(label, (record.deck or "").split("::", 1)[1])] += 1
    assert {(a, b): int(n) for a, b, n in rows} == dict(counts)
    assert sum(int(n) for *_, n in rows) == len(ALL)
    titles = {title for _, title in sections}
    assert {a.rsplit(" (L", 1)[0] for a, _, _ in rows} - {"(노트에 없는 보충)"} == titles


# -- first launch and the real Anki -------------------------------------------------------------


def test_first_launch_loads_every_note(data_dir: Path) -> None:
    with Collection.open(data_dir) as col:
        stats = col.stats()
        assert stats["notes"] == len(ALL)
        assert stats["cards"] == sum(_card_count(r) for _, r in ALL)
        names = {d.name for d in col.decks()}
    assert {r.deck for _, r in ALL} <= names


def test_decks_json_on_a_fresh_data_dir_lists_the_aws_decks(tmp_path: Path) -> None:
    result = run_cli(["decks", "--json"], tmp_path / "fresh")
    assert result.returncode == 0, result.stderr
    decks = {d["name"]: d for d in json.loads(result.stdout)}
    expected_cards = Counter[str]()
    for _, record in ALL:
        expected_cards[record.deck or ""] += _card_count(record)
    assert decks[ROOT_DECK]["cards"] == sum(expected_cards.values())
    for deck, cards in expected_cards.items():
        assert decks[deck]["cards"] == cards, deck
        assert decks[deck]["new"] == min(cards, 20)


def _anki_import(col: object, path: Path) -> object:
    from anki.collection import ImportCsvRequest

    metadata = col.get_csv_metadata(str(path), None)  # type: ignore[attr-defined]
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", DECK_FILES, ids=lambda p: p.name)
def test_real_anki_imports_each_file(path: Path, tmp_path: Path) -> None:
    from anki.collection import Collection as AnkiCollection

    col = AnkiCollection(str(tmp_path / "anki.anki2"))
    try:
        log = _anki_import(col, path)
        records = _records(path)
        assert len(log.new) == len(records)  # type: ignore[attr-defined]
        for name in ("updated", "duplicate", "conflicting", "first_field_match"):
            assert len(getattr(log, name)) == 0, name
        assert len(log.missing_notetype) == 0  # type: ignore[attr-defined]
        assert len(log.missing_deck) == 0  # type: ignore[attr-defined]
        assert len(log.empty_first_field) == 0  # type: ignore[attr-defined]
        assert col.note_count() == len(records)
        assert col.card_count() == sum(_card_count(r) for r in records)
        (deck,) = {r.deck for r in records}
        assert deck in col.decks.all_names()
    finally:
        col.close()


def test_real_anki_imports_all_files_into_one_collection(tmp_path: Path) -> None:
    from anki.collection import Collection as AnkiCollection

    col = AnkiCollection(str(tmp_path / "anki.anki2"))
    try:
        for path in DECK_FILES:
            _anki_import(col, path)
        assert col.note_count() == len(ALL)
        types = Counter(col.get_note(nid).note_type()["name"] for nid in col.find_notes(""))
        assert types == Counter(r.notetype for _, r in ALL)
    finally:
        col.close()
