"""The card-HTML sanitiser: nothing active or remote survives, ordinary formatting does."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashcards.core.notetypes import BASIC, BASIC_REVERSED, CLOZE
from flashcards.core.template import RenderedCard
from flashcards.services.rendering import (
    card_document,
    is_safe_media_path,
    preview_card,
    sanitise_css,
    sanitise_html,
)


def test_scripts_are_removed_with_their_content() -> None:
    out = sanitise_html("before<script>alert('x')</script>after")
    assert "script" not in out.lower()
    assert "alert" not in out
    assert out == "beforeafter"


@pytest.mark.parametrize(
    "fragment",
    [
        '<b onclick="steal()">x</b>',
        '<img src="a.png" onerror="steal()">',
        '<div onmouseover="steal()">x</div>',
        '<span ONLOAD="steal()">x</span>',
    ],
)
def test_event_handlers_are_removed(fragment: str) -> None:
    out = sanitise_html(fragment)
    assert "steal" not in out
    assert not re.search(r"\son\w+\s*=", out, re.IGNORECASE)


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "vbscript:x"]
)
def test_script_links_lose_their_target(href: str) -> None:
    out = sanitise_html(f'<a href="{href}">click</a>')
    assert "script" not in out.lower()
    assert "click" in out


def test_web_links_are_kept() -> None:
    assert 'href="https://aws.amazon.com/ec2/"' in sanitise_html(
        '<a href="https://aws.amazon.com/ec2/">EC2</a>'
    )


@pytest.mark.parametrize(
    "src",
    [
        "http://example.com/tracker.png",
        "https://example.com/a.png",
        "//example.com/a.png",
        "file:///etc/passwd",
        "/etc/passwd",
        "../outside.png",
        "sub/../../outside.png",
        "data:image/png;base64,AAAA",
        " http://example.com/a.png",
    ],
)
def test_images_that_are_not_media_files_are_dropped(src: str) -> None:
    out = sanitise_html(f'<p>x<img src="{src}"></p>')
    assert "<img" not in out
    assert "example.com" not in out
    assert out == "<p>x</p>"


def test_media_images_are_kept() -> None:
    out = sanitise_html('<img src="ec2 diagram.png" alt="EC2">')
    assert out == '<img src="ec2 diagram.png" alt="EC2">'


def test_remote_loads_in_inline_styles_are_removed() -> None:
    out = sanitise_html(
        '<span class="cloze" style="color: red; background: url(http://e.com/x)">c</span>'
    )
    assert "e.com" not in out
    assert 'class="cloze"' in out
    assert "color:red" in out.replace(" ", "")


def test_formatting_survives() -> None:
    fragment = "<b>굵게</b> <i>기울임</i><br><ul><li>항목</li></ul><hr>"
    assert sanitise_html(fragment) == "<b>굵게</b> <i>기울임</i><br><ul><li>항목</li></ul><hr>"


def test_css_loses_imports_urls_and_a_way_out_of_the_style_element() -> None:
    css = (
        "@import url(http://e.com/a.css);\n"
        ".card { background: url('http://e.com/b.png'); color: black; }\n"
        "</style><script>alert(1)</script>"
    )
    out = sanitise_css(css)
    assert "e.com" not in out
    assert "@import" not in out
    assert "<" not in out
    assert "color: black" in out


def test_card_document_sanitises_the_side_it_shows() -> None:
    rendered = RenderedCard(
        question='Q<script>bad()</script><img src="http://e.com/q.png">',
        answer='A<b onclick="bad()">!</b>',
        css=".card { color: black; }",
    )
    question = card_document(rendered, answer=False)
    answer = card_document(rendered, answer=True, night_mode=True)
    for doc in (question, answer):
        assert "bad()" not in doc
        assert "e.com" not in doc
    assert "Q" in question
    assert "<b>!</b>" in answer
    assert "nightMode" in answer
    assert "nightMode" not in question


def test_card_document_styles_cloze_blanks_and_reads_in_dark_mode() -> None:
    rendered = RenderedCard(
        question='<span class="cloze">[...]</span>', answer="", css=".cloze { color: blue; }"
    )
    light = card_document(rendered, answer=False)
    dark = card_document(rendered, answer=False, night_mode=True)
    rules = re.findall(r"\.cloze\s*\{([^}]*)\}", dark)
    assert "font-weight: bold" in light  # styled even when a note type has no .cloze rule
    assert "blue" in rules[-2]  # the note type's own rule...
    assert "blue" not in rules[-1]  # ...is overridden by a light colour on a dark background
    assert "color: #" in rules[-1]


def test_type_answer_tokens_are_not_shown_raw() -> None:
    rendered = RenderedCard(
        question="Q [[type:Back]]",
        answer="Q [[type:Back]]<hr>A",
        type_field="Back",
        type_expected="<b>A</b>",
    )
    assert "[[type" not in card_document(rendered, answer=False)
    answer = card_document(rendered, answer=True)
    assert "[[type" not in answer
    assert "<code>&lt;b&gt;A&lt;/b&gt;</code>" in answer


@pytest.mark.parametrize(
    ("path", "safe"),
    [("a.png", True), ("dir/a.png", True), ("../a.png", False), ("C:/a.png", False)],
)
def test_media_path_rule(path: str, safe: bool) -> None:
    assert is_safe_media_path(path) is safe


def test_preview_of_an_unsaved_note() -> None:
    basic = preview_card(BASIC, ["EC2", "가상 서버"])
    assert basic is not None
    assert basic.question == "EC2"
    assert basic.answer.endswith("가상 서버")
    assert preview_card(BASIC_REVERSED, ["", ""]) is None
    cloze = preview_card(CLOZE, ["{{c2::리전}} 안에 {{c3::AZ}}", ""])
    assert cloze is not None
    assert '<span class="cloze">[...]</span> 안에 AZ' in cloze.question  # card c2 comes first
    assert preview_card(CLOZE, ["no cloze here", ""]) is None


_DANGEROUS = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '<img src="http://e.com/x.png">',
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">j</a>',
        '<iframe src="http://e.com"></iframe>',
        '<div style="background-image: url(http://e.com/y)">d</div>',
        '<svg onload="alert(1)"></svg>',
        '<object data="http://e.com/o"></object>',
        "<b>",
        "</i>",
        "텍스트",
        "<",
        ">",
        '"',
    ]
)


@given(st.lists(st.one_of(_DANGEROUS, st.text(max_size=8)), max_size=12))
def test_nothing_active_or_remote_survives_any_mix(parts: list[str]) -> None:
    out = sanitise_html("".join(parts)).lower()
    assert "<script" not in out
    assert "javascript:" not in out
    for tag in ("<iframe", "<object", "<svg", "<embed"):
        assert tag not in out
    assert not re.search(r"<[^>]*\son\w+\s*=", out)
    assert not re.search(r"<img[^>]*src=\"[^\"]*(http|//)", out)
    assert "e.com" not in out or "e.com" in "".join(p for p in parts if "<" not in p).lower()


@given(st.text(max_size=200))
def test_sanitising_is_idempotent(text: str) -> None:
    once = sanitise_html(text)
    assert sanitise_html(once) == once
