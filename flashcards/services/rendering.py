"""Card HTML made safe to display: sanitised body, sanitised CSS, one document.

The GUI shows card HTML only through `card_document`, so nothing a deck file
carries can run a script, fire an event handler, follow a `javascript:` link or
load anything from the network. Images may only name files in the collection's
`media/` folder (relative paths without `..`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

import nh3

from flashcards.core.answer_compare import Comparison, DiffKind
from flashcards.core.models import NoteType
from flashcards.core.template import RenderedCard, card_ordinals, render_card

__all__ = [
    "DiffLabels",
    "card_document",
    "is_safe_media_path",
    "preview_card",
    "sanitise_css",
    "sanitise_html",
    "typed_diff_html",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TAGS = _words(
    "a abbr b big blockquote br caption center cite code dd del div dl dt em font h1 h2 h3 h4 "
    "h5 h6 hr i img ins kbd li mark ol p pre q rp rt ruby s small span strike strong sub sup "
    "table tbody td tfoot th thead tr tt u ul "
)
_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "style", "title", "lang", "dir", "align"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "font": {"color", "size", "face"},
    "td": {"colspan", "rowspan", "valign", "width", "bgcolor"},
    "th": {"colspan", "rowspan", "valign", "width", "bgcolor"},
    "table": {"border", "cellpadding", "cellspacing", "width", "bgcolor"},
    "ol": {"start", "type"},
}
_STYLE_PROPERTIES = _words(
    "color background-color font-weight font-style font-size font-family text-decoration "
    "text-align vertical-align white-space line-height width height margin margin-top "
    "margin-bottom margin-left margin-right padding padding-top padding-bottom padding-left "
    "padding-right border border-width border-style border-color text-indent "
)
_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME_RE = re.compile(r"^\s*[a-zA-Z][a-zA-Z0-9+.\-]*:")
_CSS_IMPORT_RE = re.compile(r"@import[^;]*;?", re.IGNORECASE)
_CSS_URL_RE = re.compile(r"url\s*\([^)]*\)", re.IGNORECASE)
_TYPE_TOKEN_RE = re.compile(r"\[\[type:.+?\]\]")
_IMG_WITHOUT_SRC_RE = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")

BASE_CSS = """
.card { font-size: 20px; text-align: center; }
.cloze { font-weight: bold; color: #1a5fb4; }
.hint { color: #666666; }
.typed { font-size: 18px; }
.typed-right { color: #0b5ea8; }
.typed-wrong { color: #b3400a; text-decoration: line-through; }
.typed-fix { color: #7a4d00; font-weight: bold; text-decoration: underline; }
.typed-extra { color: #6b6b6b; text-decoration: line-through; }
"""
"""Applied before the note type's CSS, so the note type can restyle everything."""

NIGHT_CSS = """
.card { color: #e8e8e8; background-color: transparent; }
.cloze { color: #8cc4ff; }
.hint { color: #b0b0b0; }
.typed-right { color: #8cc4ff; }
.typed-wrong { color: #ffab70; }
.typed-fix { color: #ffd479; }
.typed-extra { color: #a8a8a8; }
"""
"""Applied after the note type's CSS in dark mode, so text stays readable."""


def is_safe_media_path(src: str) -> bool:
    """True for a relative path inside the media folder: no scheme, no root, no `..`."""
    value = src.strip()
    if not value or _SCHEME_RE.match(value) or value.startswith(("/", "\\")):
        return False
    parts = re.split(r"[\\/]", value)
    return ".." not in parts


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src":
        return value if is_safe_media_path(value) else None
    return value


_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    clean_content_tags={"script", "style", "iframe", "object", "embed", "noscript", "template"},
    attributes=_ATTRIBUTES,
    attribute_filter=_filter_attribute,
    url_schemes=_LINK_SCHEMES,
    filter_style_properties=_STYLE_PROPERTIES,
    link_rel=None,
)


def sanitise_html(fragment: str) -> str:
    """Card HTML with everything active or remote removed (scripts, handlers, remote images)."""
    return _IMG_WITHOUT_SRC_RE.sub("", _CLEANER.clean(fragment))


def sanitise_css(css: str) -> str:
    """A note type's CSS without imports, `url(...)` loads, or a way out of `<style>`."""
    css = _CSS_IMPORT_RE.sub("", css)
    css = _CSS_URL_RE.sub("none", css)
    return css.replace("<", "")


def typed_diff_html(comparison: Comparison, labels: DiffLabels) -> str:
    """A typed answer marked up against the expected one.

    Right parts are plain (blue); a wrong part is struck through, followed by
    the right text underlined in bold; missing text is underlined in bold; extra
    text is struck through — so the marks read without colour too.
    """

    def span(css: str, text: str) -> str:
        return f'<span class="{css}">{html.escape(text, quote=False)}</span>'

    parts = []
    for part in comparison.parts:
        if part.kind == DiffKind.RIGHT:
            parts.append(span("typed-right", part.typed))
        elif part.kind == DiffKind.WRONG:
            parts.append(span("typed-wrong", part.typed) + span("typed-fix", part.expected))
        elif part.kind == DiffKind.MISSING:
            parts.append(span("typed-fix", part.expected))
        elif part.kind == DiffKind.EXTRA:
            parts.append(span("typed-extra", part.typed))
        else:  # spacing and punctuation: shown as typed, or as expected where nothing was
            parts.append(html.escape(part.typed or part.expected, quote=False))
    typed = "".join(parts) or html.escape(labels.nothing, quote=False)
    expected = html.escape(comparison.expected, quote=False)
    return (
        f'<div class="typed"><div>{html.escape(labels.typed)} {typed}</div>'
        f"<div>{html.escape(labels.expected)} <b>{expected}</b></div></div>"
    )


@dataclass(frozen=True)
class DiffLabels:
    """The words around a typed-answer diff, in the interface language."""

    typed: str = "You typed:"
    expected: str = "Answer:"
    nothing: str = "(nothing)"


def _fill_type_tokens(
    body: str, rendered: RenderedCard, *, answer: bool, typed_html: str | None
) -> str:
    if not answer:
        return _TYPE_TOKEN_RE.sub("", body)
    if typed_html is not None:
        if _TYPE_TOKEN_RE.search(body):
            return _TYPE_TOKEN_RE.sub(lambda _: typed_html, body)
        return f"{body}<hr>{typed_html}"
    if rendered.type_expected is None:
        return _TYPE_TOKEN_RE.sub("", body)
    expected = html.escape(rendered.type_expected, quote=False)
    return _TYPE_TOKEN_RE.sub(f"<code>{expected}</code>", body)


def card_document(
    rendered: RenderedCard,
    *,
    answer: bool,
    night_mode: bool = False,
    typed_html: str | None = None,
) -> str:
    """One side of a card as a complete, sanitised HTML document with its CSS.

    `typed_html` (from typed_diff_html) takes the place of `{{type:}}` on the
    answer side, or follows the answer when the template has no such field.
    """
    body = rendered.answer if answer else rendered.question
    body = sanitise_html(_fill_type_tokens(body, rendered, answer=answer, typed_html=typed_html))
    css = BASE_CSS + sanitise_css(rendered.css) + (NIGHT_CSS if night_mode else "")
    classes = "card nightMode night_mode" if night_mode else "card"
    return (
        f"<html><head><style>{css}</style></head>"
        f'<body><div class="{classes}">{body}</div></body></html>'
    )


def preview_card(
    notetype: NoteType,
    fields: Sequence[str],
    *,
    deck: str = "",
    tags: Sequence[str] = (),
    ordinal: int | None = None,
) -> RenderedCard | None:
    """A card the note would make, rendered: the one of `ordinal` (a template, or a
    cloze number - 1) when the fields make it, else the first; None if none."""
    ordinals = card_ordinals(notetype, fields)
    if not ordinals:
        return None
    chosen = ordinal if ordinal in ordinals else ordinals[0]
    return render_card(notetype, fields, chosen, deck=deck, tags=tags)
