"""The search language's parser and printer (core.search), and malformed queries."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from flashcards.core.search import (
    IS_STATES,
    Added,
    And,
    DeckSearch,
    Is,
    MatchAll,
    Node,
    Not,
    NotetypeSearch,
    Or,
    Prop,
    Rated,
    SearchError,
    TagSearch,
    Text,
    format_query,
    parse_query,
)
from flashcards.core.search import fold as fold_text
from flashcards.services.collection import Collection
from flashcards.services.errors import SearchQueryError
from tests.browse_fixture import build


def test_parse_builds_the_expected_tree() -> None:
    assert parse_query('deck:"AWS Awesome Day" -tag:a::b (가상 or "exact phrase")') == And(
        (
            DeckSearch("AWS Awesome Day"),
            Not(TagSearch("a::b")),
            Or((Text("가상"), Text("exact phrase"))),
        )
    )
    assert parse_query("a b or c") == Or((And((Text("a"), Text("b"))), Text("c")))
    assert parse_query("prop:ease<2.0") == Prop("ease", "<", Decimal("2"))
    assert parse_query("rated:7:3 added:30") == And((Rated(7, 3), Added(30)))
    assert parse_query("IS:Due Note:Cloze") == And((Is("due"), NotetypeSearch("Cloze")))
    assert parse_query("   ") == MatchAll()
    assert parse_query('"is:new"') == Text("is:new")
    assert parse_query("10:30 용어:뜻") == And((Text("10:30"), Text("용어:뜻")))


@pytest.mark.parametrize(
    ("query", "canonical"),
    [
        ("a  AND   b", "a b"),
        ("(a)", "a"),
        ("a (b c)", "a b c"),
        ("(a or b) or c", "a or b or c"),
        ("-(a b)", "-(a b)"),
        ("-(a or b) c", "-(a or b) c"),
        ("a (b or c)", "a (b or c)"),
        ("prop:ease>=2.50", "prop:ease>=2.5"),
        ("prop:IVL>010", "prop:ivl>10"),
        ('deck:"My Deck"', 'deck:"My Deck"'),
        ('"a \\" b"', '"a \\" b"'),
        ('"-x"', '"-x"'),
        ('"or"', '"or"'),
        ('"x:y"', '"x:y"'),
        ("is:SUSPENDED", "is:suspended"),
    ],
)
def test_printer_gives_canonical_text(query: str, canonical: str) -> None:
    assert format_query(parse_query(query)) == canonical


@pytest.mark.parametrize(
    ("query", "token", "position"),
    [
        ("(a", "(", 0),
        ("a (b", "(", 2),
        ("a)", ")", 1),
        ("a b))", ")", 3),
        ("prop:ivl>>3", "prop:ivl>>3", 0),
        ("prop:ivl", "prop:ivl", 0),
        ("prop:speed>3", "prop:speed>3", 0),
        ("prop:ivl>1.5", "prop:ivl>1.5", 0),
        ("prop:ivl>99999999999", "prop:ivl>99999999999", 0),
        ("is:nonsense", "is:nonsense", 0),
        ("a or", "or", 2),
        ("or a", "or", 0),
        ("a or or b", "or", 2),
        ("a and", "and", 2),
        ("deck:", "deck:", 0),
        ('deck:""', 'deck:""', 0),
        ("x deck: y", "deck:", 2),
        ("-", "-", 0),
        ("a - b", "-", 2),
        ("(-)", "-", 1),
        ("foo:bar", "foo:bar", 0),
        ("https://example.com", "https://example.com", 0),
        ('"unterminated', '"unterminated', 0),
        ('""', '""', 0),
        ("()", "()", 0),
        ("added:0", "added:0", 0),
        ("added:x", "added:x", 0),
        ("rated:1:6", "rated:1:6", 0),
        ("rated:1:", "rated:1:", 0),
        ('tag:"a b"', 'tag:"a b"', 0),
        ("ab\x00", "\x00", 2),
    ],
)
def test_malformed_queries_name_the_token(query: str, token: str, position: int) -> None:
    with pytest.raises(SearchError) as info:
        parse_query(query)
    assert info.value.token == token
    assert info.value.position == position
    assert repr(token) in str(info.value)


# -- property tests --------------------------------------------------------------

# Characters the printer must quote or escape, mixed with anything else.
_tricky = st.sampled_from([*'-"\\():*_% \tab가나OoRr:', "or", "and", "deck:", "is:"])
_any_text = st.one_of(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        min_size=1,
        max_size=12,
    ),
    st.lists(_tricky, min_size=1, max_size=6).map("".join),
)
_words = _any_text.map(lambda t: " ".join(t.split()))
_texts = _words.filter(bool).map(Text)
_names = _any_text
_patterns = _names.map(str.strip).filter(bool)
_tags = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc")),
    min_size=1,
    max_size=10,
).filter(lambda t: not any(c.isspace() for c in t))
_atoms: st.SearchStrategy[Node] = st.one_of(
    _texts,
    _patterns.map(DeckSearch),
    _tags.map(TagSearch),
    _patterns.map(NotetypeSearch),
    st.sampled_from(IS_STATES).map(Is),
    st.builds(
        Prop,
        st.sampled_from(["ivl", "reps", "lapses", "due"]),
        st.sampled_from(["<", "<=", "=", "!=", ">=", ">"]),
        st.integers(-1000, 10**6).map(Decimal),
    ),
    st.builds(
        Prop,
        st.just("ease"),
        st.sampled_from(["<", ">="]),
        st.decimals(min_value=0, max_value=10, places=2, allow_nan=False),
    ),
    st.integers(1, 10**5).map(Added),
    st.builds(Rated, st.integers(1, 10**5), st.none() | st.integers(0, 5)),
)


def _combine(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    def flat(kind: type[And] | type[Or], nodes: list[Node]) -> Node:
        out: list[Node] = []
        for node in nodes:
            out.extend(node.children if isinstance(node, kind) else (node,))
        return kind(tuple(out))

    lists = st.lists(children, min_size=2, max_size=4)
    return st.one_of(
        children.map(Not),
        lists.map(lambda nodes: flat(And, nodes)),
        lists.map(lambda nodes: flat(Or, nodes)),
    )


_trees = st.recursive(_atoms, _combine, max_leaves=12)


@given(_trees)
@example(Text("or"))
@example(Text("-x"))
@example(Text('a"b\\'))
@example(Text("deck:x"))
@example(Not(Or((Text("a"), And((Text("b"), Text("c")))))))
@example(DeckSearch("a (b)"))
def test_parse_inverts_print_on_canonical_trees(tree: Node) -> None:
    assert parse_query(format_query(tree)) == tree


_fragments = st.sampled_from(
    [
        "deck:", "tag:", "note:", "is:", "prop:", "added:", "rated:", "ivl", "ease", ">=", "<",
        "=", ">>", "(", ")", "-", " or ", " and ", " ", '"', "\\", "*", "::", ":", "가상",
        "서버", "EC2", "new", "due", "10", "2.5", "x", "OR", "\t", "'", "%", "_", ";",
    ]
)  # fmt: skip
_queries = st.one_of(
    st.lists(_fragments, max_size=12).map("".join),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30),
)


@given(_queries)
def test_print_parse_is_stable_or_the_query_is_refused(query: str) -> None:
    try:
        first = format_query(parse_query(query))
    except SearchError as exc:
        position = exc.position
        first = None
    if first is None:
        assert 0 <= position <= max(0, len(query) - 1)
    else:
        assert format_query(parse_query(first)) == first


@pytest.fixture(scope="module")
def fixture_col(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Collection]:
    col, _ = build(tmp_path_factory.mktemp("parser") / "data")
    yield col
    col.close()


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=150)
@given(_queries)
def test_any_text_searches_or_raises_search_error_never_sqlite(
    fixture_col: Collection, query: str
) -> None:
    try:
        found = fixture_col.search(query)
    except SearchQueryError:
        return
    assert set(found) <= set(fixture_col.search(""))


def test_fold_normalises_hangul_and_case(tmp_path: Path) -> None:
    decomposed = "\u1100\u1161"  # 가 as conjoining jamo (NFD)
    assert fold_text(decomposed) == "가"
    assert fold_text("  Straße\tEC2 ") == "strasse ec2"
