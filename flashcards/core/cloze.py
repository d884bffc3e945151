"""Cloze deletions in Anki's syntax: `{{c1::answer}}` and `{{c1::answer::hint}}`."""

from __future__ import annotations

import html
import re

__all__ = ["CLOZE_RE", "cloze_numbers", "next_cloze_number", "render_cloze"]

CLOZE_RE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)


def cloze_numbers(text: str) -> list[int]:
    """The distinct cloze numbers used in `text`, ascending (0 is not a cloze)."""
    return sorted({int(m.group(1)) for m in CLOZE_RE.finditer(text)} - {0})


def next_cloze_number(text: str) -> int:
    numbers = cloze_numbers(text)
    return (max(numbers) + 1) if numbers else 1


def render_cloze(text: str, number: int, *, answer: bool) -> str:
    """Render `text` for card `number`: its clozes hidden (question) or shown (answer)."""

    def replace(match: re.Match[str]) -> str:
        content, hint = match.group(2), match.group(3)
        if int(match.group(1)) != number:
            return content
        if answer:
            return f'<span class="cloze">{content}</span>'
        shown = f"[{html.escape(hint, quote=False)}]" if hint else "[...]"
        return f'<span class="cloze">{shown}</span>'

    return CLOZE_RE.sub(replace, text)
