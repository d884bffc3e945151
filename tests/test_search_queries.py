"""Search queries against the hand-built fixture (tests/browse_fixture.py).

Each expected set is read off the fixture's table by hand, not from the code.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from flashcards.services.browse import _scope, parse_search
from flashcards.services.collection import Collection
from flashcards.services.errors import FlashcardsError, SearchQueryError
from flashcards.storage.search import SearchRepo
from tests.browse_fixture import ALL, NOW_TEXT, build, labels_of
from tests.conftest import run_cli

AWS_TREE = {"EC2", "스팟", "S3", "SG"}


@pytest.fixture(scope="module")
def fixture(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Collection, dict[str, int]]]:
    col, ids = build(tmp_path_factory.mktemp("browse") / "data")
    yield col, ids
    col.close()


CASES = [
    ("", ALL),
    # free text: fields only, HTML and cloze markup stripped, case-folded
    ("ec2", {"EC2"}),
    ("EC2", {"EC2"}),
    ("가상", {"EC2"}),
    ('"가상 서버"', {"EC2"}),
    ("가상서버", set()),
    ('"<b>"', set()),
    ("할인", {"스팟"}),
    ("사과", {"사과>", "사과<"}),
    ("APPLE", {"사과>", "사과<"}),
    ("서울", {"서울1", "서울2"}),
    ('"서울은 한국"', {"서울1", "서울2"}),
    ("c1", set()),
    ('"& firewall"', {"SG"}),
    ("amp", set()),
    ("fire*", {"SG"}),
    ("se*group", {"SG"}),
    ("*", ALL),
    ("aws", set()),  # tags and deck names are not field text
    # decks: subdecks included, case-insensitive, * wildcard, quoted names
    ("deck:AWS", AWS_TREE),
    ("deck:aws::ec2", {"EC2", "스팟", "SG"}),
    ('deck:"AWS Awesome Day"', {"리전"}),
    ("deck:AWS*", AWS_TREE | {"리전"}),
    ("deck:*EC2*", {"EC2", "스팟", "SG"}),
    ('deck:"AWS::EC2::구매 옵션"', {"스팟"}),
    ("deck:구매*", set()),
    ("deck:한국어", {"사과>", "사과<", "서울1", "서울2"}),
    ("deck:nosuch", set()),
    # tags: children included, case-insensitive, * wildcard, tag:none
    ("tag:aws", AWS_TREE),
    ("tag:aws::ec2", {"EC2", "스팟"}),
    ("tag:ec2", set()),
    ("tag:*ec2", {"EC2", "스팟"}),
    ("tag:aws::*", AWS_TREE),
    ("tag:s*e", {"S3"}),
    ("tag:*o*", {"EC2", "S3"}),
    ("tag:어휘", {"사과>", "사과<"}),
    ("tag:none", {"서울1", "서울2"}),
    ("tag:SQL", {"SQL"}),
    # note types
    ("note:Basic", {"EC2", "스팟", "S3", "리전", "SG", "SQL"}),
    ("note:basic*", {"EC2", "스팟", "S3", "리전", "SG", "SQL", "사과>", "사과<"}),
    ("note:cloze", {"서울1", "서울2"}),
    # states
    ("is:new", {"사과>", "사과<", "서울2", "SQL"}),
    ("is:review", {"EC2", "스팟", "S3", "리전", "서울1", "SG"}),
    ("is:due", {"EC2", "S3", "서울1"}),
    ("is:suspended", {"리전", "SQL"}),
    ("is:buried", {"사과>"}),
    ("is:leech", {"SG"}),
    # properties
    ("prop:ivl>=10", {"EC2", "스팟", "리전", "SG"}),
    ("prop:ivl=1", {"서울1"}),
    ("prop:ease<2", {"스팟"}),
    ("prop:ease<2.0", {"스팟"}),
    ("prop:ease>=2.7", {"EC2", "SG"}),
    ("prop:ease=2.5", {"S3", "사과>", "사과<", "서울2", "SQL"}),
    ("prop:ease!=2.5", {"EC2", "스팟", "리전", "서울1", "SG"}),
    ("prop:reps>5", {"리전", "SG"}),
    ("prop:lapses>=3", {"리전", "SG"}),
    ("prop:due=5", {"스팟"}),
    ("prop:due<0", {"EC2", "리전"}),
    ("prop:due=0", {"S3"}),
    # added: study days, today counts as one; 03:30 belongs to the day before
    ("added:1", {"SQL"}),
    ("added:2", {"SQL", "SG"}),
    ("added:7", {"SQL", "SG"}),
    ("added:8", {"SQL", "SG", "사과>", "사과<", "서울1", "서울2"}),
    # rated: answers (REVIEW and DRILL), not MANUAL entries
    ("rated:1", {"서울1"}),
    ("rated:2", {"서울1", "스팟"}),
    ("rated:7", {"서울1", "스팟", "S3"}),
    ("rated:7:5", {"S3"}),
    ("rated:1:3", {"서울1"}),
    ("rated:1:0", set()),
    ("rated:20", {"서울1", "스팟", "S3", "EC2"}),
    # combinations
    ("-deck:AWS", ALL - AWS_TREE),
    ("-is:due", ALL - {"EC2", "S3", "서울1"}),
    ("-tag:none", ALL - {"서울1", "서울2"}),
    ("deck:AWS tag:aws::ec2", {"EC2", "스팟"}),
    ("deck:AWS and is:due", {"EC2", "S3"}),
    ("deck:AWS or deck:한국어", AWS_TREE | {"사과>", "사과<", "서울1", "서울2"}),
    ("(deck:AWS or deck:한국어) is:new", {"사과>", "사과<", "서울2"}),
    ("deck:AWS or deck:한국어 is:new", AWS_TREE | {"사과>", "사과<", "서울2"}),
    ("-(is:new or is:suspended)", {"EC2", "스팟", "S3", "서울1", "SG"}),
    ("ec2 OR 서울", {"EC2", "서울1", "서울2"}),
    ("--deck:AWS", AWS_TREE),
    ("-(-is:due)", {"EC2", "S3", "서울1"}),
    # injection-looking input is just text
    ('"\'; DROP TABLE notes; --"', {"SQL"}),
    ("SELECT", {"SQL"}),
    ('"--"', {"SQL"}),
    ('deck:"x\' OR 1=1 --"', set()),
    ("tag:%", set()),
    ("tag:_*", set()),
    ('"100%"', set()),
    ("_", set()),
]


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_query_finds_expected_cards(
    fixture: tuple[Collection, dict[str, int]], query: str, expected: set[str]
) -> None:
    col, ids = fixture
    assert labels_of(col.search(query), ids) == expected


def test_injection_left_every_table_intact(fixture: tuple[Collection, dict[str, int]]) -> None:
    col, _ = fixture
    for query, _ in CASES:
        col.search(query)
    assert col.stats()["cards"] == 10
    assert col.stats()["notes"] == 8


def test_search_returns_card_id_order_and_browse_sorts(
    fixture: tuple[Collection, dict[str, int]],
) -> None:
    col, ids = fixture
    found = col.search("deck:AWS")
    assert found == sorted(found)
    # by interval: S3 6, 스팟 12, EC2 17, SG 40 (hand-read from the fixture)
    by_interval = col.browse("deck:AWS", "interval")
    assert [labels_of([i], ids).pop() for i in by_interval.card_ids] == ["S3", "스팟", "EC2", "SG"]
    reverse = col.browse("deck:AWS", "interval", descending=True)
    assert reverse.card_ids == by_interval.card_ids[::-1]
    assert by_interval.query == "deck:AWS"


@pytest.mark.parametrize(
    ("query", "labels"),
    [
        # cards_interval lists these by interval (스팟 12, EC2 17, 리전 30, SG 40),
        # cards_easiness by easiness, cards_queue_due by due: never card-id order
        ("prop:ivl>=10", {"EC2", "스팟", "리전", "SG"}),
        ("prop:ease>=2.3", {"EC2", "S3", "리전", "서울1", "SG", "사과>", "사과<", "서울2", "SQL"}),
        ("is:due", {"EC2", "S3", "서울1"}),
        ("prop:ivl>=10 -is:suspended", {"EC2", "스팟", "SG"}),
        # no index narrows these: the cards table is read in card-id order
        ("-is:suspended", ALL - {"리전", "SQL"}),
        ("tag:aws", AWS_TREE),
        ("", ALL),
    ],
)
def test_search_is_in_card_id_order_whichever_index_finds_it(
    fixture: tuple[Collection, dict[str, int]], query: str, labels: set[str]
) -> None:
    col, ids = fixture
    expected = sorted(ids[label] for label in labels)
    assert col.search(query) == expected
    assert col.search(query, descending=True) == expected[::-1]


def test_state_and_property_searches_read_an_index_range(
    fixture: tuple[Collection, dict[str, int]],
) -> None:
    """is:due, prop:ivl/ease ranges and a note type are answered from an index, not a scan
    of every card."""
    col, _ = fixture
    executed: list[tuple[str, object]] = []
    queries = ("is:due", "prop:ivl>=10", "prop:ease<2 -is:new", "note:Basic")
    with col.store.db.tracer(lambda sql, params: executed.append((sql, params))):
        for query in queries:
            col.search(query)
    searches = [(sql, p) for sql, p in executed if "json_group_array" in sql]
    assert len(searches) == len(queries)
    for sql, params in searches:
        plan = col.store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params or []).fetchall()
        steps = [row[3] for row in plan]
        assert all(step.startswith(("SEARCH", "MULTI-INDEX", "INDEX")) for step in steps), steps


def test_a_search_no_index_narrows_reads_the_cards_in_id_order(
    fixture: tuple[Collection, dict[str, int]],
) -> None:
    """Left free, SQLite would walk a narrower index in its own order and need a sort."""
    col, _ = fixture
    for query in ("-is:suspended", ""):
        plan = _plan_of_search(col, query)
        assert plan[0] == "SCAN c", (query, plan)
        assert not any("TEMP B-TREE" in step for step in plan), (query, plan)


def test_a_tag_search_reads_each_notes_tags_once_then_its_cards(
    fixture: tuple[Collection, dict[str, int]],
) -> None:
    """Not a note row looked up for every card: notes_tags, then the matching notes' cards."""
    col, _ = fixture
    for query in ("tag:aws", "-tag:aws", "is:leech -is:suspended"):
        plan = _plan_of_search(col, query)
        assert plan[0] == "SCAN n USING COVERING INDEX notes_tags", (query, plan)
        assert plan[1].startswith("SEARCH c USING "), (query, plan)
        assert not any("TEMP B-TREE" in step for step in plan), (query, plan)


def _plan_of_search(col: Collection, query: str) -> list[str]:
    executed: list[tuple[str, object]] = []
    with col.store.db.tracer(lambda sql, params: executed.append((sql, params))):
        col.search(query)
    (sql, params) = next((s, p) for s, p in executed if "json_group_array" in s)
    return [row[3] for row in col.store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params or [])]


def test_a_deck_sorted_by_sort_field_reads_no_card_rows(
    fixture: tuple[Collection, dict[str, int]],
) -> None:
    """cards_deck_note holds (deck, note, ordinal): the deck's cards and their order."""
    col, ids = fixture
    executed: list[tuple[str, object]] = []
    with col.store.db.tracer(lambda sql, params: executed.append((sql, params))):
        found = col.browse("deck:AWS::EC2", "sort_field")
    # sort fields (hand-read): EC2 "EC2", SG "Security Group", 스팟 "스팟 인스턴스"
    assert [labels_of([i], ids).pop() for i in found.card_ids] == ["EC2", "SG", "스팟"]
    (sql, params) = next((s, p) for s, p in executed if "json_group_array" in s)
    plan = [row[3] for row in col.store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params or [])]
    card_steps = [step for step in plan if " c " in f"{step} "]
    assert card_steps, plan
    assert all("COVERING INDEX" in step for step in card_steps), plan


def test_malformed_query_raises_search_error_with_token(
    fixture: tuple[Collection, dict[str, int]],
) -> None:
    col, _ = fixture
    with pytest.raises(SearchQueryError) as info:
        col.search("deck:AWS prop:ivl>>3")
    assert info.value.token == "prop:ivl>>3"
    assert info.value.position == 9
    assert "prop:ivl>>3" in str(info.value)
    assert isinstance(info.value, FlashcardsError)


def test_unknown_sort_column_is_a_clear_error(fixture: tuple[Collection, dict[str, int]]) -> None:
    col, _ = fixture
    with pytest.raises(FlashcardsError, match="cannot sort by 'colour'"):
        col.browse("", "colour")


def _sorted_labels(
    col: Collection, ids: dict[str, int], sort: str, desc: bool = False
) -> list[str]:
    by_id = {v: k for k, v in ids.items()}
    return [by_id[i] for i in col.browse("", sort, desc).card_ids]


def test_every_sort_column_orders_by_hand_read_values(
    fixture: tuple[Collection, dict[str, int]],
) -> None:
    col, ids = fixture
    order = _sorted_labels(col, ids, "due")
    # new cards first by position (added order), then review cards by due day
    assert order[:4] == ["사과>", "사과<", "서울2", "SQL"]
    assert order[4:] == ["EC2", "리전", "S3", "서울1", "스팟", "SG"]
    assert _sorted_labels(col, ids, "due", True) == order[::-1]
    lapses = _sorted_labels(col, ids, "lapses", True)
    assert lapses[:3] == ["SG", "리전", "스팟"]
    reps = _sorted_labels(col, ids, "reps", True)
    assert reps[:3] == ["SG", "리전", "스팟"]
    ease = _sorted_labels(col, ids, "ease")
    assert ease[0] == "스팟"
    assert ease[-1] == "SG"
    added = _sorted_labels(col, ids, "added")
    assert added[:4] == ["EC2", "스팟", "S3", "리전"]
    assert added[-1] == "SQL"
    decks = _sorted_labels(col, ids, "deck")
    assert decks[0] == "S3"  # "AWS" sorts first
    assert set(decks[-4:]) == {"사과>", "사과<", "서울1", "서울2"}  # 한국어 last
    fields = _sorted_labels(col, ids, "sort_field")
    assert fields[:3] == ["EC2", "S3", "SG"]  # "EC2" < "S3" < "Security Group" < "SELECT…"
    assert _sorted_labels(col, ids, "notetype")[-2:] in (["서울1", "서울2"],)
    tags = _sorted_labels(col, ids, "tags")
    assert tags[:2] == ["서울1", "서울2"]  # untagged first


def test_browse_rows_follow_the_ids_and_describe_each_card(
    fixture: tuple[Collection, dict[str, int]],
) -> None:
    col, ids = fixture
    page = [ids["서울1"], ids["사과<"], ids["EC2"], 999_999]
    rows = col.browse_rows(page)
    assert [r.card_id for r in rows] == page[:3]
    cloze, reverse, ec2 = rows
    assert (cloze.template, cloze.notetype) == ("Cloze 1", "Cloze")
    assert cloze.question == "[...]은 한국의 수도"
    assert cloze.state == "learning"
    assert cloze.due is not None
    assert reverse.question == "apple"
    assert reverse.position is not None
    assert reverse.due is None
    assert ec2.to_dict() | {"added_ms": 0, "modified_ms": 0} == {
        "card_id": ids["EC2"],
        "note_id": ec2.note_id,
        "deck": "AWS::EC2",
        "notetype": "Basic",
        "template": "Card 1",
        "sort_field": "EC2",
        "question": "EC2",
        "tags": ["aws::ec2", "compute"],
        "state": "young",
        "due": "2026-11-25",
        "position": None,
        "interval": 17,
        "ease": 2.7,
        "reps": 3,
        "lapses": 0,
        "added_ms": 0,
        "modified_ms": 0,
    }


def test_cli_search_json_lists_the_same_cards(tmp_path: Path) -> None:
    data = tmp_path / "cli"
    cli_col, cli_ids = build(data)
    expected = [
        row.to_dict() for row in cli_col.browse_rows(cli_col.browse("deck:AWS", "due").card_ids)
    ]
    cli_col.close()
    done = run_cli(["search", "deck:AWS", "--json"], data, now=NOW_TEXT)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == expected
    assert {r["card_id"] for r in expected} == {cli_ids[k] for k in AWS_TREE}


def test_cli_search_reports_a_bad_query_in_one_line(tmp_path: Path) -> None:
    done = run_cli(["search", "is:nonsense"], tmp_path / "d")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "'is:nonsense'" in done.stderr
    assert "column 1" in done.stderr


def test_cli_search_accepts_negation_after_double_dash(tmp_path: Path) -> None:
    data = tmp_path / "neg"
    col, _ = build(data)
    col.close()
    done = run_cli(["search", "--", "-deck:AWS", "is:new"], data, now=NOW_TEXT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("4 cards")


def test_database_file_is_still_sane(fixture: tuple[Collection, dict[str, int]]) -> None:
    col, _ = fixture
    db = sqlite3.connect(col.data_dir / "collection.sqlite")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM notes").fetchone()[0] == 8
    finally:
        db.close()


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(data=st.data())
def test_trigram_index_and_plain_scan_find_the_same_cards(
    fixture: tuple[Collection, dict[str, int]], data: st.DataObject
) -> None:
    col, _ = fixture
    texts = [r[0] for r in col.store.db.execute("SELECT search_text FROM notes")]
    text = data.draw(st.sampled_from(texts))
    start = data.draw(st.integers(0, max(0, len(text) - 1)))
    piece = text[start : start + data.draw(st.integers(1, 8))].strip()
    assume(piece and "\x1f" not in piece)  # a phrase never spans two fields
    query = '"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"'
    indexed = SearchRepo(col.store.db)
    assert indexed.text_index  # this SQLite has FTS5
    scanning = SearchRepo(col.store.db)
    scanning.text_index = False
    node, scope = parse_search(query), _scope(col)
    assert indexed.card_ids(node, scope) == scanning.card_ids(node, scope)
    assert indexed.card_ids(node, scope)  # the piece came from a note


def test_check_repairs_search_text_written_around_note_repo(tmp_path: Path) -> None:
    col, ids = build(tmp_path / "data")
    try:
        db = col.store.db
        note = col.card(ids["EC2"]).note_id
        # a writer that bypasses NoteRepo (as a bulk import might) leaves stale text
        db.execute("UPDATE notes SET search_text = '' WHERE id = ?", [note])
        db.execute(
            "UPDATE notes SET fields = json_array('EC2', '새 텍스트') WHERE id = ?",
            [col.card(ids["S3"]).note_id],
        )
        assert col.search('"새 텍스트"') == []  # neither search_text nor the index has it
        message = "2 notes have out-of-date search text"
        # (the fixture's hand-set card states also differ from its short log: other problems)
        assert message in col.check(repair=False).problems
        assert message in col.check(repair=True).repaired
        assert col.check(repair=False).ok
        assert col.search("가상") == [ids["EC2"]]
        assert col.search('"새 텍스트"') == [ids["S3"]]
        assert col.search("스토리지") == []
    finally:
        col.close()
