"""Card templates in Anki's syntax.

Supported: `{{Field}}`, `{{FrontSide}}`, `{{Tags}}`, `{{Deck}}`, `{{Subdeck}}`,
`{{Card}}`, `{{Type}}`, sections `{{#F}}…{{/F}}` and `{{^F}}…{{/F}}`, and the
filters `cloze:`, `text:`, `hint:` and `type:` (also `type:cloze:`). Filters
chain right to left as in Anki (`{{text:cloze:Text}}`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from flashcards.core.cloze import CLOZE_RE, cloze_numbers, render_cloze
from flashcards.core.models import NoteKind, NoteType, Template
from flashcards.core.text import strip_html

__all__ = [
    "TYPE_ANSWER_TOKEN",
    "RenderedCard",
    "TemplateError",
    "card_ordinals",
    "field_is_empty",
    "render_card",
    "render_question",
    "render_template",
]

TYPE_ANSWER_TOKEN = "[[type:{field}]]"
_TOKEN_RE = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_EMPTY_FIELD_RE = re.compile(r"<br\s*/?>|</?div>|&nbsp;|\s", re.IGNORECASE)
_TYPE_TOKEN_RE = re.compile(r"\[\[type:(.+?)\]\]")


class TemplateError(ValueError):
    """A template that cannot be rendered (unbalanced sections)."""


@dataclass(frozen=True)
class RenderedCard:
    question: str
    answer: str
    css: str = ""
    type_field: str | None = None
    type_expected: str | None = None
    answer_text: str = ""
    """The plain answer to type: the `{{type:}}` field, the active cloze, or the first line
    of the back's own field."""


def field_is_empty(value: str) -> bool:
    """True for a field with nothing but whitespace, `<br>`, `<div>` or `&nbsp;`."""
    return not _EMPTY_FIELD_RE.sub("", value)


class _Context(NamedTuple):
    fields: Mapping[str, str]
    specials: Mapping[str, str]
    cloze_number: int
    answer: bool


@lru_cache(maxsize=256)
def _parse(template: str) -> list[object]:
    """Parse into a tree of str, ("field", spec) and ("section", name, inverted, children).

    Cached (a collection has a handful of templates): the tree is shared, never mutate it.
    """
    root: list[object] = []
    stack: list[tuple[str, list[object]]] = [("", root)]
    pos = 0
    for match in _TOKEN_RE.finditer(template):
        stack[-1][1].append(template[pos : match.start()])
        pos = match.end()
        tag = match.group(1).strip()
        if tag[:1] in ("#", "^"):
            children: list[object] = []
            name = tag[1:].strip()
            stack[-1][1].append(("section", name, tag[0] == "^", children))
            stack.append((name, children))
        elif tag.startswith("/"):
            name = tag[1:].strip()
            if len(stack) == 1 or stack[-1][0] != name:
                raise TemplateError(f"'{{{{/{name}}}}}' closes a section that is not open")
            stack.pop()
        else:
            stack[-1][1].append(("field", tag))
    stack[-1][1].append(template[pos:])
    if len(stack) > 1:
        raise TemplateError(f"section '{{{{#{stack[-1][0]}}}}}' is never closed")
    return root


@lru_cache(maxsize=1024)
def _field_spec(spec: str) -> tuple[tuple[str, ...], str]:
    """`filter:…:Name` as (filters, name); cached like the templates it comes from."""
    *filters, name = [part.strip() for part in spec.split(":")]
    return tuple(filters), name


def _apply(spec: str, ctx: _Context) -> str:
    filters, name = _field_spec(spec)
    if name in ctx.specials:
        value = ctx.specials[name]
    elif name in ctx.fields:
        value = ctx.fields[name]
    else:
        return html.escape(f"{{unknown field {name}}}", quote=False)
    for flt in reversed(filters):
        if flt == "cloze":
            value = render_cloze(value, ctx.cloze_number, answer=ctx.answer)
        elif flt == "text":
            value = strip_html(value)
        elif flt == "hint":
            if field_is_empty(value):
                return ""
            value = f'<span class="hint"><b>{html.escape(name)}:</b> {value}</span>'
        elif flt == "type":
            return TYPE_ANSWER_TOKEN.format(field=spec.split(":", 1)[1].strip())
    return value


def _render(nodes: Sequence[object], ctx: _Context) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
            continue
        assert isinstance(node, tuple)
        if node[0] == "field":
            out.append(_apply(node[1], ctx))
        else:
            _, name, inverted, children = node
            value = ctx.fields.get(name, ctx.specials.get(name, ""))
            if field_is_empty(value) == inverted:
                out.append(_render(children, ctx))
    return "".join(out)


def render_template(
    template: str,
    fields: Mapping[str, str],
    *,
    cloze_number: int = 1,
    answer: bool = False,
    specials: Mapping[str, str] | None = None,
) -> str:
    """Render one side of a template with the note's fields."""
    ctx = _Context(fields, specials or {}, cloze_number, answer)
    return _render(_parse(template), ctx)


def _template_for(notetype: NoteType, ord_: int) -> Template:
    if notetype.kind == NoteKind.CLOZE:
        return notetype.templates[0]
    return notetype.templates[ord_]


def _type_expected(field_spec: str, fields: Mapping[str, str], cloze_number: int) -> str:
    parts = [p.strip() for p in field_spec.split(":")]
    value = fields.get(parts[-1], "")
    if "cloze" in parts[:-1]:
        answers = [m.group(2) for m in CLOZE_RE.finditer(value) if int(m.group(1)) == cloze_number]
        return ", ".join(strip_html(a) for a in answers)
    return strip_html(value)


def _card_context(
    notetype: NoteType, fields: Sequence[str], ord_: int, deck: str, tags: Sequence[str]
) -> tuple[Template, dict[str, str], dict[str, str]]:
    """The template of card `ord_`, the note's fields by name, and the special fields."""
    values = dict(zip(notetype.fields, fields, strict=False))
    for name in notetype.fields[len(fields) :]:
        values[name] = ""
    template = _template_for(notetype, ord_)
    specials = {
        "Tags": " ".join(tags),
        "Deck": deck,
        "Subdeck": deck.rsplit("::", 1)[-1],
        "Type": notetype.name,
        "Card": template.name,
    }
    return template, values, specials


def render_question(
    notetype: NoteType,
    fields: Sequence[str],
    ord_: int,
    *,
    deck: str = "",
    tags: Sequence[str] = (),
) -> str:
    """The question HTML of card `ord_`: what render_card gives as `question`, alone."""
    template, values, specials = _card_context(notetype, fields, ord_, deck, tags)
    return render_template(template.front, values, cloze_number=ord_ + 1, specials=specials)


def render_card(
    notetype: NoteType,
    fields: Sequence[str],
    ord_: int,
    *,
    deck: str = "",
    tags: Sequence[str] = (),
) -> RenderedCard:
    """Render card `ord_` of a note: question and answer HTML."""
    template, values, specials = _card_context(notetype, fields, ord_, deck, tags)
    number = ord_ + 1
    question = render_template(template.front, values, cloze_number=number, specials=specials)
    answer_specials = {**specials, "FrontSide": question}
    answer = render_template(
        template.back, values, cloze_number=number, answer=True, specials=answer_specials
    )
    type_match = _TYPE_TOKEN_RE.search(question)
    type_field = type_match.group(1) if type_match else None
    expected = _type_expected(type_field, values, number) if type_field else None
    if expected is None:
        answer_text = _answer_field_text(notetype, template, values, number)
    else:
        answer_text = expected
    return RenderedCard(question, answer, notetype.css, type_field, expected, answer_text)


def _referenced_fields(template_side: str) -> list[str]:
    names = []
    for spec in _TOKEN_RE.findall(template_side):
        spec = spec.strip()
        if spec[:1] in "#^/":
            continue
        names.append(spec.split(":")[-1].strip())
    return names


def _answer_field_text(
    notetype: NoteType, template: Template, values: Mapping[str, str], number: int
) -> str:
    """What a learner should type for this card when the template asks for nothing."""
    if notetype.kind == NoteKind.CLOZE:
        return _type_expected(f"cloze:{notetype.fields[0]}", values, number)
    on_front = set(_referenced_fields(template.front))
    for name in _referenced_fields(template.back):
        if name in values and name not in on_front and not field_is_empty(values[name]):
            return _first_line(values[name])
    return ""


_LINE_BREAK_RE = re.compile(r"<br\s*/?>|</?div[^>]*>|</?p[^>]*>|\n", re.IGNORECASE)


def _first_line(value: str) -> str:
    """The first non-empty line of a field: what to type. Lines after it (notes,
    corrections, examples) are context on the answer side, not part of the answer."""
    for line in _LINE_BREAK_RE.split(value):
        text = strip_html(line)
        if text:
            return text
    return ""


def card_ordinals(notetype: NoteType, fields: Sequence[str]) -> list[int]:
    """Which cards a note generates (0-based ordinals).

    Cloze notes: one card per cloze number in the fields that the template
    clozes. Standard notes: a template makes a card when its front shows some
    field content (it renders differently from an all-empty note).
    """
    values = dict(zip(notetype.fields, fields, strict=False))
    if notetype.kind == NoteKind.CLOZE:
        front = notetype.templates[0].front if notetype.templates else ""
        cloze_fields = [
            spec.split(":")[-1].strip()
            for spec in _TOKEN_RE.findall(front)
            if "cloze:" in spec.replace(" ", "")
        ]
        text = " ".join(values.get(name, "") for name in cloze_fields)
        return [n - 1 for n in cloze_numbers(text)]
    result = []
    for index, template in enumerate(notetype.templates):
        shown = render_template(template.front, values)
        blank, blank_text = _blank_front(template.front, notetype.fields)
        if strip_html(shown) != blank_text or ("<img" in shown.lower() and shown != blank):
            result.append(index)
    return result


@lru_cache(maxsize=64)
def _blank_front(front: str, fields: tuple[str, ...]) -> tuple[str, str]:
    """A front template rendered for a note whose fields are all empty, and its text
    (the same for every note of the type: an import of 100,000 notes asks once)."""
    blank = render_template(front, dict.fromkeys(fields, ""))
    return blank, strip_html(blank)
