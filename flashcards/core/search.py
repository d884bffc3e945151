"""The search language of the card browser: parse a query into a tree, print it back.

Anki's syntax, where it overlaps: free words and `"quoted phrases"` (substring,
case-insensitive, `*` wildcard), `deck:NAME` (subdecks included), `tag:T`
(children `T::…` included, `tag:none` for untagged notes), `note:TYPE`,
`is:new|due|review|suspended|buried|leech`, `prop:ivl>=10` (ivl, ease, reps,
lapses, due), `added:N`, `rated:N[:GRADE]`, `-negation`, implicit AND, `or`,
parentheses. Values with spaces are quoted after the colon: `deck:"AWS Awesome Day"`; a
token that is wholly quoted is always text (`"is:new"` finds those words).

This module is pure: it never sees the database. `format_query(parse_query(q))`
is the canonical text of `q`, and printing is stable under re-parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from flashcards.core.search_tree import (
    FIELD_SEPARATOR,
    IS_STATES,
    PROP_NAMES,
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
    SortColumn,
    TagSearch,
    Text,
    fold,
    glob_regex,
    note_search_text,
    tree_match,
)

__all__ = [
    "FIELD_SEPARATOR",
    "IS_STATES",
    "PROP_NAMES",
    "Added",
    "And",
    "DeckSearch",
    "Is",
    "MatchAll",
    "Node",
    "Not",
    "NotetypeSearch",
    "Or",
    "Prop",
    "Rated",
    "SearchError",
    "SortColumn",
    "TagSearch",
    "Text",
    "fold",
    "format_query",
    "glob_regex",
    "note_search_text",
    "parse_query",
    "tree_match",
]

_INTEGER_PROPS = frozenset({"ivl", "reps", "lapses", "due"})
_OPERATORS = ("<=", ">=", "!=", "=", "<", ">")
_KEYS = ("deck", "tag", "note", "is", "prop", "added", "rated")
_MAX_NUMBER = 10**9
_KEY_RE = re.compile(r"([A-Za-z][A-Za-z0-9_]*):")
_NUMBER_RE = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


# -- tokens --------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # "(" ")" "-" "or" "and" "term"
    text: str  # the source text of the token
    position: int
    value: str = ""  # a term's text with quotes removed
    quoted: bool = False  # a term that is one quoted string
    key_end: int = -1  # in a term, the index in `value` just after `key:`, else -1


def _read_quoted(query: str, start: int) -> tuple[str, int]:
    """The unescaped content of the quoted string at `start` and the index after it."""
    chars: list[str] = []
    i = start + 1
    while i < len(query):
        ch = query[i]
        if ch == "\\" and i + 1 < len(query):
            chars.append(query[i + 1])
            i += 2
            continue
        if ch == '"':
            return "".join(chars), i + 1
        chars.append(ch)
        i += 1
    raise SearchError("unterminated quote", query[start:], start)


def _read_term(query: str, start: int) -> tuple[_Token, int]:
    """A term: bare characters and quoted sections up to whitespace or a parenthesis."""
    value: list[str] = []
    key_end = -1
    quoted_sections = 0
    i = start
    while i < len(query) and not query[i].isspace() and query[i] not in "()":
        if query[i] == '"':
            content, i = _read_quoted(query, i)
            value.append(content)
            quoted_sections += 1
            continue
        if query[i] == ":" and key_end < 0 and quoted_sections == 0:
            key_end = len("".join(value)) + 1
        value.append(query[i])
        i += 1
    text = query[start:i]
    whole_quote = quoted_sections == 1 and text.startswith('"') and text.endswith('"')
    joined = "".join(value)
    if key_end >= 0 and not _KEY_RE.fullmatch(joined[:key_end]):
        key_end = -1
    token = _Token("term", text, start, joined, whole_quote, key_end)
    return token, i


def _tokenise(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(query):
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            tokens.append(_Token(ch, ch, i))
            i += 1
        elif ch == "-":
            nxt = query[i + 1] if i + 1 < len(query) else ""
            if not nxt or nxt.isspace() or nxt == ")":
                raise SearchError("'-' must come right before what it negates", "-", i)
            tokens.append(_Token("-", "-", i))
            i += 1
        else:
            token, i = _read_term(query, i)
            word = token.text.lower()
            if not token.quoted and word in ("or", "and"):
                token = _Token(word, token.text, token.position)
            tokens.append(token)
    return tokens


# -- parsing -------------------------------------------------------------------


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokenise(query)
        self.index = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def parse(self) -> Node:
        if not self.tokens:
            return MatchAll()
        node = self.parse_or()
        token = self.peek()
        if token is not None:
            raise SearchError("unbalanced ')'", token.text, token.position)
        return node

    def parse_or(self) -> Node:
        children = [self.parse_and()]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            self._expect_operand(token)
            children.append(self.parse_and())
        return _combine(Or, children)

    def parse_and(self) -> Node:
        children = [self.parse_unary()]
        while (token := self.peek()) is not None and token.kind not in ("or", ")"):
            if token.kind == "and":
                self.take()
                self._expect_operand(token)
            children.append(self.parse_unary())
        return _combine(And, children)

    def _expect_operand(self, operator: _Token) -> None:
        token = self.peek()
        if token is None or token.kind in ("or", "and", ")"):
            raise SearchError(
                f"'{operator.text}' needs something on both sides", operator.text, operator.position
            )

    def parse_unary(self) -> Node:
        token = self.peek()
        if token is None:
            end = len(self.query)
            raise SearchError("the query ends too early", self.query[-1:], max(0, end - 1))
        if token.kind in ("or", "and"):
            raise SearchError(
                f"'{token.text}' needs something on both sides", token.text, token.position
            )
        if token.kind == ")":
            raise SearchError("unbalanced ')'", token.text, token.position)
        self.take()
        if token.kind == "-":
            return Not(self.parse_unary())
        if token.kind == "(":
            inner = self.peek()
            if inner is None:
                raise SearchError("unbalanced '('", "(", token.position)
            if inner.kind == ")":
                raise SearchError("empty parentheses", "()", token.position)
            node = self.parse_or()
            closing = self.peek()
            if closing is None or closing.kind != ")":
                raise SearchError("unbalanced '('", "(", token.position)
            self.take()
            return node
        return _term(token)


def _combine(kind: type[And] | type[Or], children: list[Node]) -> Node:
    flat: list[Node] = []
    for child in children:
        flat.extend(child.children if isinstance(child, kind) else (child,))
    return flat[0] if len(flat) == 1 else kind(tuple(flat))


def _term(token: _Token) -> Node:
    if token.key_end < 0:
        text = " ".join(token.value.split())
        if not text:
            raise SearchError("empty search text", token.text, token.position)
        return Text(text)
    key = token.value[: token.key_end - 1].lower()
    value = token.value[token.key_end :].strip()
    if key not in _KEYS:
        raise SearchError(
            f"unknown search key '{key}:' (put text with ':' in quotes)", token.text, token.position
        )
    if not value:
        raise SearchError(f"'{key}:' needs a value", token.text, token.position)
    return _KEYED[key](value, token)


def _deck(value: str, token: _Token) -> Node:
    return DeckSearch(value)


def _tag(value: str, token: _Token) -> Node:
    if any(ch.isspace() for ch in value):
        raise SearchError("a tag cannot contain spaces", token.text, token.position)
    return TagSearch(value)


def _note(value: str, token: _Token) -> Node:
    return NotetypeSearch(value)


def _is(value: str, token: _Token) -> Node:
    state = value.lower()
    if state not in IS_STATES:
        raise SearchError(f"'is:' takes one of {', '.join(IS_STATES)}", token.text, token.position)
    return Is(state)


def _number(text: str, token: _Token, *, integer: bool) -> Decimal:
    if not _NUMBER_RE.fullmatch(text):
        raise SearchError(f"{text!r} is not a number", token.text, token.position)
    number = Decimal(text)
    if integer and number != number.to_integral_value():
        raise SearchError(f"{text!r} is not a whole number", token.text, token.position)
    if abs(number) > _MAX_NUMBER:
        raise SearchError(f"{text!r} is too large", token.text, token.position)
    return number


def _prop(value: str, token: _Token) -> Node:
    name = value.rstrip("<>=!0123456789.-")
    rest = value[len(name) :]
    if name.lower() not in PROP_NAMES:
        raise SearchError(
            f"'prop:' takes one of {', '.join(PROP_NAMES)}", token.text, token.position
        )
    op = next((o for o in _OPERATORS if rest.startswith(o)), None)
    if op is None:
        raise SearchError("'prop:' needs one of < <= = != >= >", token.text, token.position)
    number = _number(rest[len(op) :], token, integer=name.lower() in _INTEGER_PROPS)
    return Prop(name.lower(), op, number)


def _days(text: str, token: _Token) -> int:
    number = _number(text, token, integer=True)
    if number < 1:
        raise SearchError("the number of days must be 1 or more", token.text, token.position)
    return int(number)


def _added(value: str, token: _Token) -> Node:
    return Added(_days(value, token))


def _rated(value: str, token: _Token) -> Node:
    days, sep, grade = value.partition(":")
    if not sep:
        return Rated(_days(days, token))
    number = _number(grade, token, integer=True)
    if not 0 <= number <= 5:
        raise SearchError("a grade is 0–5", token.text, token.position)
    return Rated(_days(days, token), int(number))


_KEYED = {
    "deck": _deck,
    "tag": _tag,
    "note": _note,
    "is": _is,
    "prop": _prop,
    "added": _added,
    "rated": _rated,
}


def parse_query(query: str) -> Node:
    """Parse a query into its tree; raise SearchError naming the bad token."""
    for position, ch in enumerate(query):
        if "\ud800" <= ch <= "\udfff" or ch == "\x00":
            raise SearchError("the query is not valid text", ch, position)
    return _Parser(query).parse()


# -- printing ------------------------------------------------------------------

_NEEDS_QUOTES_RE = re.compile(r'[\s()"\\]')


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _value(text: str) -> str:
    return _quote(text) if _NEEDS_QUOTES_RE.search(text) else text


def _text(text: str) -> str:
    bare_ok = (
        not _NEEDS_QUOTES_RE.search(text)
        and not text.startswith("-")
        and text.lower() not in ("or", "and")
        and not _KEY_RE.match(text)
    )
    return text if bare_ok else _quote(text)


def _number_text(number: Decimal) -> str:
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def _atom(node: Node) -> str:
    text = format_query(node)
    return f"({text})" if isinstance(node, And | Or) else text


def format_query(node: Node) -> str:
    """The canonical text of a query tree."""
    match node:
        case MatchAll():
            return ""
        case Text(value):
            return _text(value)
        case DeckSearch(pattern):
            return "deck:" + _value(pattern)
        case TagSearch(pattern):
            return "tag:" + _value(pattern)
        case NotetypeSearch(pattern):
            return "note:" + _value(pattern)
        case Is(state):
            return f"is:{state}"
        case Prop(name, op, value):
            return f"prop:{name}{op}{_number_text(value)}"
        case Added(days):
            return f"added:{days}"
        case Rated(days, grade):
            return f"rated:{days}" + ("" if grade is None else f":{grade}")
        case Not(child):
            return "-" + _atom(child)
        case And(children):
            return " ".join(_atom(c) if isinstance(c, Or) else format_query(c) for c in children)
        case Or(children):
            return " or ".join(format_query(c) for c in children)
    raise TypeError(f"not a search node: {node!r}")
