"""Anki's built-in note types, with Anki's names, fields and templates."""

from __future__ import annotations

from flashcards.core.models import NoteKind, NoteType, Template

__all__ = ["BASIC", "BASIC_REVERSED", "BUILTIN_NOTETYPES", "CLOZE"]

_CSS = """.card {
    font-family: arial;
    font-size: 20px;
    text-align: center;
    color: black;
    background-color: white;
}
"""

_CLOZE_CSS = (
    _CSS
    + """.cloze {
    font-weight: bold;
    color: blue;
}
.nightMode .cloze {
    color: lightblue;
}
"""
)

_ANSWER_SEPARATOR = "\n\n<hr id=answer>\n\n"

BASIC = NoteType(
    id=0,
    name="Basic",
    kind=NoteKind.STANDARD,
    fields=("Front", "Back"),
    templates=(Template("Card 1", "{{Front}}", "{{FrontSide}}" + _ANSWER_SEPARATOR + "{{Back}}"),),
    css=_CSS,
)

BASIC_REVERSED = NoteType(
    id=0,
    name="Basic (and reversed card)",
    kind=NoteKind.STANDARD,
    fields=("Front", "Back"),
    templates=(
        Template("Card 1", "{{Front}}", "{{FrontSide}}" + _ANSWER_SEPARATOR + "{{Back}}"),
        Template("Card 2", "{{Back}}", "{{FrontSide}}" + _ANSWER_SEPARATOR + "{{Front}}"),
    ),
    css=_CSS,
)

CLOZE = NoteType(
    id=0,
    name="Cloze",
    kind=NoteKind.CLOZE,
    fields=("Text", "Back Extra"),
    templates=(Template("Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}"),),
    css=_CLOZE_CSS,
)

BUILTIN_NOTETYPES = (BASIC, BASIC_REVERSED, CLOZE)
