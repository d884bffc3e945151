"""Template rendering for Anki's built-in note types and template syntax."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashcards.core.cloze import cloze_numbers, next_cloze_number, render_cloze
from flashcards.core.models import NoteKind, NoteType, Template
from flashcards.core.notetypes import BASIC, BASIC_REVERSED, CLOZE
from flashcards.core.template import (
    TemplateError,
    card_ordinals,
    field_is_empty,
    render_card,
    render_question,
    render_template,
)
from flashcards.core.text import html_to_text, one_line_text, strip_html


def test_basic_front_and_back() -> None:
    card = render_card(BASIC, ("EC2", "가상 서버"), 0)
    assert card.question == "EC2"
    assert card.answer == "EC2\n\n<hr id=answer>\n\n가상 서버"


def test_reversed_makes_two_cards_with_swapped_sides() -> None:
    assert card_ordinals(BASIC_REVERSED, ("EBS", "블록 스토리지")) == [0, 1]
    assert render_card(BASIC_REVERSED, ("EBS", "블록 스토리지"), 1).question == "블록 스토리지"
    # An empty Back means no reverse card, as in Anki.
    assert card_ordinals(BASIC_REVERSED, ("EBS", "")) == [0]
    assert card_ordinals(BASIC, ("", "x")) == []


def test_cloze_cards_and_rendering() -> None:
    text = "{{c1::리전}} 안에 {{c2::가용 영역::AZ}}이 있다"
    assert card_ordinals(CLOZE, (text, "")) == [0, 1]
    q1 = render_card(CLOZE, (text, "참고"), 0)
    assert q1.question == '<span class="cloze">[...]</span> 안에 가용 영역이 있다'
    assert '<span class="cloze">리전</span>' in q1.answer
    assert "참고" in q1.answer
    q2 = render_card(CLOZE, (text, ""), 1)
    assert q2.question == '리전 안에 <span class="cloze">[AZ]</span>이 있다'


def test_cloze_numbers_skip_gaps_and_duplicates() -> None:
    assert cloze_numbers("{{c3::a}} {{c1::b}} {{c3::c}}") == [1, 3]
    assert next_cloze_number("{{c3::a}} {{c1::b}}") == 4
    assert next_cloze_number("no clozes") == 1
    assert card_ordinals(CLOZE, ("no clozes", "")) == []


def test_same_cloze_number_twice_hides_both() -> None:
    out = render_cloze("{{c1::a}} and {{c1::b}}", 1, answer=False)
    assert out.count("[...]") == 2


def test_sections_and_inverted_sections() -> None:
    tpl = "{{Front}}{{#Extra}}<i>{{Extra}}</i>{{/Extra}}{{^Extra}}-{{/Extra}}"
    assert render_template(tpl, {"Front": "F", "Extra": "x"}) == "F<i>x</i>"
    assert render_template(tpl, {"Front": "F", "Extra": " <br> "}) == "F-"


def test_filters_and_specials() -> None:
    fields = {"Word": "<b>사과</b>", "Hint": "과일"}
    assert render_template("{{text:Word}}", fields) == "사과"
    assert "과일" in render_template("{{hint:Hint}}", fields)
    assert render_template("{{hint:Missing}}", {"Missing": ""}) == ""
    assert (
        render_template("{{Deck}}/{{Tags}}", {}, specials={"Deck": "A::B", "Tags": "t"}) == "A::B/t"
    )
    assert render_template("{{Nope}}", {}) == "{unknown field Nope}"


def test_type_answer_token_and_expected_text() -> None:
    nt = NoteType(
        0,
        "Typing",
        NoteKind.STANDARD,
        ("Front", "Back"),
        (Template("Card 1", "{{Front}} {{type:Back}}", "{{FrontSide}}<hr id=answer>{{Back}}"),),
    )
    card = render_card(nt, ("리전", "<i>region</i>"), 0)
    assert card.type_field == "Back"
    assert card.type_expected == "region"
    assert "[[type:Back]]" in card.question


def test_unbalanced_sections_are_template_errors() -> None:
    with pytest.raises(TemplateError, match="never closed"):
        render_template("{{#A}}x", {"A": "1"})
    with pytest.raises(TemplateError, match="not open"):
        render_template("x{{/A}}", {"A": "1"})


def test_field_emptiness_as_anki() -> None:
    assert field_is_empty("  <br>&nbsp;<div></div>")
    assert not field_is_empty('<img src="a.png">')


def test_text_views_of_html() -> None:
    assert strip_html("<p>가&amp;나</p><script>x()</script>다") == "가&나 다"
    assert html_to_text("a<br>b<div>c</div>") == "a\nb\nc"


def test_one_line_text_joins_the_lines_of_html() -> None:
    assert one_line_text("a<br>b<div>c</div>") == "a b c"
    assert one_line_text("<b>가</b>나 &amp;  <!-- x --> 다\n") == "가나 & 다"
    assert one_line_text("  plain\ttext  ") == "plain text"


_HTML_BITS = st.sampled_from(
    ["<br>", "<div>", "</div>", "<b>", "</b>", "<!--", "-->", "<script>", "</script>", "&amp;",
     "&lt;", "&nbsp;", "&", "<", ">", " ", "\n", "\t", "\xa0", "가", "a"]
)  # fmt: skip


@given(st.lists(st.one_of(_HTML_BITS, st.text(max_size=3)), max_size=20).map("".join))
def test_one_line_text_is_html_to_text_on_one_line(text: str) -> None:
    assert one_line_text(text) == " ".join(html_to_text(text).split())


@pytest.mark.parametrize("notetype", [BASIC, BASIC_REVERSED, CLOZE], ids=lambda nt: nt.name)
def test_render_question_is_the_question_of_render_card(notetype: NoteType) -> None:
    fields = ["{{c1::서울}}은 <b>한국</b>의 {{c2::수도}}", "뒷면"][: len(notetype.fields)]
    for ord_ in range(2 if notetype.kind == NoteKind.CLOZE else len(notetype.templates)):
        card = render_card(notetype, fields, ord_, deck="A::B", tags=("t",))
        question = render_question(notetype, fields, ord_, deck="A::B", tags=("t",))
        assert question == card.question


@given(st.text(alphabet=st.characters(blacklist_characters="{}"), max_size=50))
def test_text_without_braces_renders_as_itself(text: str) -> None:
    assert render_template(text, {}) == text


def test_answer_text_to_type_for_each_builtin_type() -> None:
    assert render_card(BASIC, ("EC2", "<b>가상</b> 서버"), 0).answer_text == "가상 서버"
    assert render_card(BASIC_REVERSED, ("EBS", "블록 스토리지"), 1).answer_text == "EBS"
    text = "{{c1::리전}} 안에 {{c2::가용 영역::AZ}}이 있다"
    assert render_card(CLOZE, (text, "extra"), 1).answer_text == "가용 영역"


def test_answer_text_to_type_is_the_first_line_of_the_back() -> None:
    back = "1년 또는 3년<br>※ 노트 정정: 2년 약정은 없다."
    assert (
        render_card(BASIC, ("예약 인스턴스의 약정 기간은?", back), 0).answer_text == "1년 또는 3년"
    )
    assert (
        render_card(BASIC, ("q", "<div><b>첫 줄</b></div><div>둘째 줄</div>"), 0).answer_text
        == "첫 줄"
    )
    assert render_card(BASIC, ("q", "<br>뒤에 온 답"), 0).answer_text == "뒤에 온 답"


def test_sort_text_shows_cloze_answers_without_markup() -> None:
    from flashcards.core.text import sort_text

    assert sort_text("{{c1::리전}} 안에 {{c2::가용 영역::AZ}}") == "리전 안에 가용 영역"
    assert sort_text("<b>EC2</b>&nbsp;인스턴스") == "EC2 인스턴스"
    assert sort_text("  plain   text ") == "plain text"
