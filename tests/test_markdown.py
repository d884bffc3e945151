"""The Markdown notes generator: each rule on small notes, robustness, and the real notes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashcards.core.cloze import cloze_numbers
from flashcards.core.text import strip_html
from flashcards.formats.markdown import convert_markdown, decode_notes, parse_markdown
from flashcards.formats.records import FormatError

ROOT = Path(__file__).resolve().parents[1]
REAL_NOTES = ROOT / "decks" / "source" / "aws-awesome-day.md"
REVERSED = "Basic (and reversed card)"


def _by_front(records: list) -> dict[str, object]:  # type: ignore[type-arg]
    return {strip_html(r.fields[0]): r for r in records}


# -- headings → decks -------------------------------------------------------------


HEADINGS = """# Title
- fact at the root level here
## Sec
- fact in the section here
### Sub
- fact in the subsection here
## Two
- fact in the second section here
"""


def test_headings_become_nested_decks() -> None:
    records = parse_markdown(HEADINGS, "n.md")
    assert [r.deck for r in records] == ["Title", "Title::Sec", "Title::Sec::Sub", "Title::Two"]


def test_root_override_renames_only_the_root_and_keeps_guids() -> None:
    plain = parse_markdown(HEADINGS, "n.md")
    renamed = parse_markdown(HEADINGS, "n.md", root="My Deck")
    assert [r.deck for r in renamed] == [
        "My Deck",
        "My Deck::Sec",
        "My Deck::Sec::Sub",
        "My Deck::Two",
    ]
    assert [r.guid for r in renamed] == [r.guid for r in plain]


def test_without_a_title_the_file_stem_is_the_root() -> None:
    records = parse_markdown("## A\n- one fact line here\n", "my notes.md")
    assert records[0].deck == "my notes::A"


def test_deck_separator_inside_a_heading_is_neutralised() -> None:
    records = parse_markdown("# T\n## a::b `c`\n### x:::y\n- some fact line here\n", "n.md")
    assert records[0].deck == "T::a:b c::x:y"


def test_root_override_may_nest_under_a_parent_deck() -> None:
    records = parse_markdown(HEADINGS, "n.md", root=" AWS :: 내 노트 ::")
    assert records[1].deck == "AWS::내 노트::Sec"


# -- term bullets → Basic (and reversed card) ------------------------------------


def test_term_forms_become_reversed_notes() -> None:
    text = (
        "# T\n- EC2: 가상 서버\n- **S3**: 객체 스토리지\n- EBS - 블록 스토리지\n"
        "- **IAM:** 사용자와 권한\n- VPC：격리된 네트워크\n"
    )
    records = parse_markdown(text, "n.md")
    assert [(r.notetype, r.fields) for r in records] == [
        (REVERSED, ("EC2", "가상 서버")),
        (REVERSED, ("S3", "객체 스토리지")),
        (REVERSED, ("EBS", "블록 스토리지")),
        (REVERSED, ("IAM", "사용자와 권한")),
        (REVERSED, ("VPC", "격리된 네트워크")),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "- see http://169.254.169.254/latest/meta-data/ for it",
        "- `a: b` is code, not a term",
        "- the meeting starts at 10:30 in room four",
        "- 이것은 용어가 아니라 아주 길게 이어지는 설명 문장이어서 나누면 안 되는 경우입니다: 끝",
        "- It ends here. Then: more words follow",
    ],
)
def test_lines_that_are_not_terms_stay_basic(line: str) -> None:
    (record,) = parse_markdown(f"# T\n{line}\n", "n.md")
    assert record.notetype == "Basic"


def test_term_without_definition_takes_sub_bullets_or_is_skipped() -> None:
    notes = convert_markdown(
        "# T\n- IoT:\n  - 센서\n  - 기기\n- Lone:\n- ok fact line here\n", "n.md"
    )
    first = notes.records[0]
    assert first.notetype == REVERSED
    assert first.fields == ("IoT", "<ul><li>센서</li><li>기기</li></ul>")
    assert notes.skipped == ("line 5: a term with no definition",)
    assert len(notes.records) == 2


def test_a_term_with_a_dash_and_nothing_after_it_is_a_term_without_definition() -> None:
    notes = convert_markdown("# T\n- Glacier - \n- S3 - 객체 스토리지\n", "n.md")
    (record,) = notes.records
    assert record.fields == ("S3", "객체 스토리지")
    assert notes.skipped == ("line 2: a term with no definition",)


# -- numbered lists → cloze --------------------------------------------------------


def test_short_numbered_list_is_one_cloze_note_in_order() -> None:
    (record,) = parse_markdown("# T\n## 순서\n1. 하나\n2. 둘\n3. 셋\n", "n.md")
    assert record.notetype == "Cloze"
    assert record.fields == (
        "<b>순서</b><br>1. {{c1::하나}}<br>2. {{c2::둘}}<br>3. {{c3::셋}}",
        "",
    )


def test_long_list_is_split_in_groups_of_three_with_neighbours() -> None:
    items = "".join(f"{n}. item{n}\n" for n in range(1, 8))
    records = parse_markdown(f"# T\n## L\n{items}", "n.md")
    texts = [r.fields[0] for r in records]
    assert texts == [
        "<b>L</b><br>1. {{c1::item1}}<br>2. {{c2::item2}}<br>3. {{c3::item3}}<br>4. item4<br>…",
        "<b>L</b><br>…<br>3. item3<br>4. {{c1::item4}}<br>5. {{c2::item5}}<br>6. {{c3::item6}}"
        "<br>7. item7",
        "<b>L</b><br>…<br>6. item6<br>7. {{c1::item7}}",
    ]
    assert [r.tags for r in records] == [("src::n.md::L3",), ("src::n.md::L6",), ("src::n.md::L9",)]
    for text in texts:
        numbers = cloze_numbers(text)
        assert numbers == list(range(1, len(numbers) + 1))
        assert len(numbers) <= 3


def test_a_list_interrupted_by_a_bullet_is_two_lists() -> None:
    records = parse_markdown("# T\n1. a1\n2. a2\n- b fact line here\n1. c1\n", "n.md")
    assert [r.notetype for r in records] == ["Cloze", "Basic", "Cloze"]


def test_an_empty_step_does_not_end_a_numbered_list() -> None:
    notes = convert_markdown("# T\n## 순서\n1.\n2. 둘\n3)\n4. 넷\n", "n.md")
    (record,) = notes.records
    assert record.fields[0] == "<b>순서</b><br>1. {{c1::둘}}<br>2. {{c2::넷}}"
    assert notes.skipped == ("line 3: empty item", "line 5: empty item")


def test_a_code_fence_never_closed_is_reported() -> None:
    notes = convert_markdown("# T\n- 마지막: 항목\n```\nunclosed\n- A: B\n", "n.md")
    assert [r.fields[0] for r in notes.records] == ["마지막"]
    assert notes.skipped == (
        "line 3: a code block that is never closed (everything after it was taken as code)",
    )


def test_cloze_syntax_in_an_item_cannot_break_the_cloze() -> None:
    (record,) = parse_markdown("# T\n1. a::b }} {{c9::x}}\n", "n.md")
    assert cloze_numbers(record.fields[0]) == [1]


# -- other bullets → Basic with context -------------------------------------------


def test_plain_bullet_front_names_the_heading_context() -> None:
    records = parse_markdown(
        "# T\n## S3\n### 특징\n- 가용성과 내구성이 보장된다.\n- VPC\n- SSL\n", "n.md"
    )
    assert [r.notetype for r in records] == ["Basic"] * 3
    assert records[0].fields == ("S3 › 특징<br>가용성과 …", "가용성과 내구성이 보장된다.")
    assert records[1].fields == ("S3 › 특징 · ?", "VPC")
    assert records[2].fields == ("S3 › 특징 · ? (2)", "SSL")


def test_every_note_is_tagged_with_its_source_line() -> None:
    records = parse_markdown("# T\n\n- one fact line here\n\n## S\n- EC2: 서버\n", "my notes.md")
    assert [r.tags for r in records] == [("src::my_notes.md::L3",), ("src::my_notes.md::L6",)]


# -- robustness -----------------------------------------------------------------------


def test_crlf_bom_rules_and_empty_bullets() -> None:
    text = "# T\n- a fact line here\n---\n- \n-\n- EC2: 서버\n***\n- ...\n"
    lf = convert_markdown(text, "n.md")
    crlf = convert_markdown("\ufeff" + text.replace("\n", "\r\n"), "n.md")
    assert lf == crlf
    assert len(lf.records) == 2
    assert lf.skipped == ("line 4: empty item", "line 5: empty item", "line 8: no text")


def test_inline_code_html_and_stray_backticks() -> None:
    records = parse_markdown(
        "# T\n- `curl http://x/` <script>alert(1)</script> 끝`\n- **굵게** 쓴 문장 하나\n", "n.md"
    )
    assert records[0].fields[1] == (
        "<code>curl http://x/</code> &lt;script&gt;alert(1)&lt;/script&gt; 끝"
    )
    assert records[1].fields[1] == "<b>굵게</b> 쓴 문장 하나"


def test_binary_input_is_refused_with_file_and_reason() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"
    with pytest.raises(FormatError) as info:
        decode_notes(png, "picture.md")
    assert info.value.source == "picture.md"
    assert "binary" in info.value.reason


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"  \n\r\n\t\n"])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(FormatError, match=r"^e\.md: the file is empty$"):
        decode_notes(data, "e.md")


def test_notes_with_nothing_to_learn_are_refused() -> None:
    with pytest.raises(FormatError, match=r"^n\.md: "):
        convert_markdown("# Title only\n## And a heading\n---\n", "n.md")


def test_encodings_utf16_and_cp949_are_decoded() -> None:
    text = "# 제목\n- 한국어 메모 한 줄\n"
    assert decode_notes(text.encode("utf-16"), "a.md") == text
    assert decode_notes(text.encode("cp949"), "a.md") == text
    assert decode_notes(b"\xef\xbb\xbf" + text.encode(), "a.md") == text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                ["# T", "## A", "### B", "---", "- ", "1. x", "2) y", "```", "  - sub", "> q"]
            ),
            st.text(max_size=30),
            st.builds(lambda a, b: f"- {a}: {b}", st.text(max_size=10), st.text(max_size=10)),
            st.builds(lambda t: f"## {t}", st.text(alphabet=": ab#`*", max_size=8)),
        ),
        max_size=25,
    )
)
def test_any_text_gives_valid_records_or_a_format_error(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        notes = convert_markdown(text, "p.md")
    except FormatError as exc:
        error = exc
        notes = None
    if notes is None:
        assert error.source == "p.md"
        return
    guids = [r.guid for r in notes.records]
    assert len(set(guids)) == len(guids)
    for record in notes.records:
        assert record.deck
        assert all(part.strip() for part in record.deck.split("::"))
        assert len(record.deck.split("::")) <= 6  # the root and at most five heading levels
        assert strip_html(record.fields[0]).strip()
        assert record.tags[0].startswith("src::p.md::L")
        if record.notetype == "Cloze":
            numbers = cloze_numbers(record.fields[0])
            assert numbers == list(range(1, len(numbers) + 1))
            assert 1 <= len(numbers) <= 3
        else:
            assert record.fields[0] != record.fields[1]


# -- guid stability ---------------------------------------------------------------------


BASE = "# T\n## S\n- EC2: 가상 서버\n- 버전 관리가 가능하다.\n1. 하나\n2. 둘\n3. 셋\n4. 넷\n"


def _guids(text: str) -> list[str]:
    return [r.guid or "" for r in parse_markdown(text, "n.md")]


def test_editing_a_definition_keeps_the_guid() -> None:
    before, after = _guids(BASE), _guids(BASE.replace("가상 서버", "크기 조정 가능한 가상 서버"))
    assert after == before


def test_cosmetic_edits_keep_the_guid_and_rewording_changes_it() -> None:
    before = _guids(BASE)
    cosmetic = _guids(BASE.replace("- 버전 관리가 가능하다.", "-  **버전  관리가** 가능하다"))
    reworded = _guids(BASE.replace("버전 관리가 가능하다.", "버전 관리를 켤 수 있다."))
    assert cosmetic == before
    assert reworded[1] != before[1]
    assert reworded[:1] + reworded[2:] == before[:1] + before[2:]


def test_inserting_lines_above_keeps_guids() -> None:
    before = _guids(BASE)
    after = _guids(BASE.replace("## S\n", "## S\n- 새로 추가한 사실 한 줄\n"))
    assert after[1:] == before


def test_appending_to_a_list_keeps_the_earlier_groups() -> None:
    before = _guids(BASE)
    after = _guids(BASE + "5. 다섯\n")
    assert after[:3] == before[:3]


def test_same_text_under_two_headings_gives_two_guids() -> None:
    guids = _guids("# T\n## A\n- 같은 문장 하나\n## B\n- 같은 문장 하나\n- 같은 문장 하나\n")
    assert len(set(guids)) == 3


# -- the real notes -----------------------------------------------------------------------


def test_the_real_notes_generate_the_expected_notes() -> None:
    notes = convert_markdown(REAL_NOTES.read_text(encoding="utf-8"), REAL_NOTES.name)
    kinds = Counter(r.notetype for r in notes.records)
    # Counted by hand from the notes: 13 `term: definition` bullets (line 23's "IOT:" has
    # no definition), the 4-item launch list and the 6-item EBS lifecycle (2 + 2 cloze
    # notes), and 83 other bullets.
    assert kinds == {REVERSED: 13, "Cloze": 4, "Basic": 83}
    assert notes.skipped == ("line 23: a term with no definition", "line 44: empty item")
    assert {r.deck for r in notes.records} >= {
        "AWS : Awesome day::ec2 구입 옵션",
        "AWS : Awesome day::EBS::생명주기",
        "AWS : Awesome day::보안::보안설정",
    }
    fronts = _by_front(list(notes.records))
    assert fronts["예약 인스턴스"].fields[1] == "1년,2년 단위로 24시간 모두 켜둔다"  # type: ignore[attr-defined]
    lines = {r.tags[0] for r in notes.records}
    assert "src::aws-awesome-day.md::L136" in lines
    assert "src::aws-awesome-day.md::L101" in lines
    guids = [r.guid for r in notes.records]
    assert len(set(guids)) == len(guids)
