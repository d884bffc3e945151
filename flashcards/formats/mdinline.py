"""Inline pieces of Markdown notes: decoding bytes, inline markup, terms, normal forms.

Helpers for `formats.markdown`; pure functions, no I/O.
"""

from __future__ import annotations

import html
import re
import unicodedata

from flashcards.core.text import strip_html
from flashcards.formats.records import FormatError

__all__ = [
    "MAX_TERM_CHARS",
    "decode_notes",
    "inline_html",
    "normal_form",
    "plain_text",
    "split_term",
]

MAX_TERM_CHARS = 40
"""A `term: definition` bullet's term is at most this long (else it is a sentence)."""
_MAX_TERM_WORDS = 6

_CODE_RE = re.compile(r"(`+)(.+?)\1", re.DOTALL)
_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK_RE = re.compile(r"\[([^\]]+)\]\(([^)\s]+)[^)]*\)")
_BOLD_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC_RE = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_STRIKE_RE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_PLACEHOLDER = "\ue000{}\ue001"
_PLACEHOLDER_RE = re.compile("\ue000(\\d+)\ue001")
_BOLD_TERM_RE = re.compile(r"^(\*\*|__)(.+?)(\1)\s*[:：]\s*(.*)$|^(\*\*|__)(.+?)[:：](\5)\s*(.*)$")
_COLON_RE = re.compile(r"\s*(?:：\s*|:(?:\s+|$))")
_DASH_RE = re.compile(r"\s+[-–—](?:\s+|$)")
_SENTENCE_END_RE = re.compile(r"[.!?。](\s|$)")


def decode_notes(data: bytes, source: str) -> str:
    """Decode a notes file: UTF-8 (with or without BOM), UTF-16 with BOM, or CP949.

    Raises FormatError for empty, whitespace-only and binary input.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise FormatError(source, "", "the file is not valid UTF-16 text") from None
    elif b"\x00" in data:
        raise FormatError(source, "", "the file is binary, not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode_legacy(data, source)
    text = text.lstrip("\ufeff")
    if "\x00" in text or _control_share(text) > 0.05:
        raise FormatError(source, "", "the file is binary, not text")
    if not text.strip():
        raise FormatError(source, "", "the file is empty")
    return text


def _decode_legacy(data: bytes, source: str) -> str:
    try:
        return data.decode("cp949")
    except UnicodeDecodeError as exc:
        raise FormatError(
            source, "", f"the file is binary or in an unknown encoding (byte {exc.start})"
        ) from None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    return controls / len(text)


def _stash_code(text: str, codes: list[str]) -> str:
    def stash(match: re.Match[str]) -> str:
        codes.append(match.group(2).strip() or match.group(2))
        return _PLACEHOLDER.format(len(codes) - 1)

    return _CODE_RE.sub(stash, text)


def inline_html(text: str) -> str:
    """Markdown inline markup as safe HTML: code, bold, italic, links; stray backticks dropped."""
    codes: list[str] = []
    text = _stash_code(text, codes).replace("`", "")
    text = html.escape(text, quote=False)
    text = _IMAGE_RE.sub(r"\1", text)
    text = _LINK_RE.sub(r"\1 (\2)", text)
    text = _BOLD_RE.sub(r"<b>\2</b>", text)
    text = _STRIKE_RE.sub(r"<s>\1</s>", text)
    text = _ITALIC_RE.sub(r"<i>\1</i>", text)
    text = _PLACEHOLDER_RE.sub(
        lambda m: f"<code>{html.escape(codes[int(m.group(1))], quote=False)}</code>", text
    )
    return " ".join(text.split())


def plain_text(text: str) -> str:
    """Markdown inline text without its markup, whitespace collapsed."""
    return strip_html(inline_html(text))


def normal_form(text: str) -> str:
    """What stays of a text when case, spacing, punctuation and markup are ignored."""
    plain = unicodedata.normalize("NFKC", plain_text(text)).casefold()
    return "".join(ch for ch in plain if ch.isalnum())


def _plausible_term(term: str) -> bool:
    plain = plain_text(term)
    return (
        0 < len(plain) <= MAX_TERM_CHARS
        and len(plain.split()) <= _MAX_TERM_WORDS
        and not _SENTENCE_END_RE.search(plain)
        and any(ch.isalnum() for ch in plain)
    )


def split_term(text: str) -> tuple[str, str] | None:
    """Split `term: definition`, `**term**: definition` or `term - definition`.

    Returns (term, definition) as Markdown, the definition possibly empty
    (`term:` alone); None when the text is not of that form. Colons inside
    inline code and colons not followed by a space (URLs, times) never split.
    """
    stripped = text.strip()
    bold = _BOLD_TERM_RE.match(stripped)
    if bold:
        term = bold.group(2) if bold.group(2) is not None else bold.group(6)
        definition = bold.group(4) if bold.group(4) is not None else bold.group(8)
        if _plausible_term(term):
            return term.strip(), definition.strip()
    codes: list[str] = []
    masked = _stash_code(stripped, codes)
    for pattern in (_COLON_RE, _DASH_RE):
        match = pattern.search(masked)
        if match is None:
            continue
        term_m, definition_m = masked[: match.start()], masked[match.end() :]
        term = _PLACEHOLDER_RE.sub(lambda m: f"`{codes[int(m.group(1))]}`", term_m)
        definition = _PLACEHOLDER_RE.sub(lambda m: f"`{codes[int(m.group(1))]}`", definition_m)
        if _plausible_term(term):
            return term.strip(), definition.strip()
        return None
    return None
