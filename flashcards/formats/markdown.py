"""Markdown notes → note records (`flashcards generate`, `flashcards import NOTES.md`).

Rules:

- Headings nest decks with `::`. The `#` title is the root deck (the caller may
  override it; without a title the file name's stem is the root); `##` and
  `###` (and deeper) headings become subdecks of the heading above them.
  `::` inside a heading becomes `:`. Setext headings are not recognised: `---`,
  `***` and `___` are rules and are ignored.
- A bullet (`-`, `*`, `+`, `•`) or paragraph line of the form `term: definition`,
  `**term**: definition` or `term - definition` becomes a
  `Basic (and reversed card)` note: Front = term, Back = definition. A term is at
  most 40 characters and 6 words and is not a sentence; a colon must be followed
  by a space (so URLs and times never split), and colons inside inline code
  never split. `term:` (or `term -`) with nothing after it takes its sub-bullets
  as the definition, and is skipped when it has none. A term that reads the same
  as its definition is treated as an ordinary line.
- A numbered list (`1.` or `1)`) becomes Cloze notes that keep the order: the
  items are cut into consecutive groups of three from the top, one note per
  group, each blank one item (so at most three blanks per note), and each note
  shows the item just before and just after its group as context. An empty
  step is skipped without ending the list.
- Any other bullet or paragraph line becomes a `Basic` note: the Front names the
  heading context and the first words of the line; the Back is the line.
- Indented bullets and lines belong to the item above them (shown on its back).
- Empty bullets, lines without a letter or digit, and fenced code outside a
  list item are skipped; each skip is reported with its line, and so is a code
  fence never closed (the rest of the file went into it).
- Every note has the tag `src::<file>::L<line>`.

Guids (stable identity across regenerations): a note's guid is a hash of the
file name, the deck path *below the root* (so overriding or retitling the root
changes nothing), the kind of note and its identity key:

- a term note's key is the normal form of its term, so editing its definition
  keeps the guid and re-importing updates the note in place;
- any other note's key is the normal form of its text (for a Cloze note, the
  normal forms of the items it blanks out), so whitespace, punctuation, case and
  markup edits keep the guid, while real rewording makes a new note;
- the normal form drops case, spaces, punctuation and markup; a key that repeats
  in the same deck gets its occurrence number (the first occurrence has none).

So after an edit, regenerating and re-importing updates the notes whose key is
unchanged (their cards keep their review history), adds notes for new or reworded
text, and leaves every untouched note exactly as it was. Moving a line to another
heading, renaming the file or rewording a non-term line gives a new note; the old
one stays in the collection until the user deletes it. List groups are counted
from the top, so appending items never changes the earlier groups.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from flashcards.formats.mdinline import (
    decode_notes,
    inline_html,
    normal_form,
    plain_text,
    split_term,
)
from flashcards.formats.records import FormatError, NoteRecord

__all__ = ["MarkdownNotes", "convert_markdown", "decode_notes", "parse_markdown"]

BASIC = "Basic"
REVERSED = "Basic (and reversed card)"
CLOZE = "Cloze"
CLOZE_GROUP = 3
PATH_SEPARATOR = " › "

_LINE_SPLIT_RE = re.compile(r"\r\n|\r|\n")
_RULE_RE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_BULLET_RE = re.compile(r"^([ \t]*)[-*+•](?:[ \t]+(.*))?$")
_NUMBERED_RE = re.compile(r"^([ \t]*)(\d{1,9})[.)](?:[ \t]+(.*))?$")
_FENCE_RE = re.compile(r"^[ \t]*(```|~~~)")
_QUOTE_RE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_COLONS_RE = re.compile(r":{2,}")
_GUID_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)


@dataclass(frozen=True)
class MarkdownNotes:
    """Generated records, and the lines skipped with the reason ("line 44: empty bullet")."""

    records: tuple[NoteRecord, ...]
    skipped: tuple[str, ...]


@dataclass
class _Item:
    line: int
    text: str
    numbered: bool
    indent: int
    children: list[str] = field(default_factory=list)


@dataclass
class _Section:
    path: tuple[str, ...]
    """Heading titles below the root."""
    root: str
    entries: list[_Item | list[_Item]] = field(default_factory=list)


@dataclass
class _State:
    source: str
    root_override: str | None
    root: str
    sections: list[_Section] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    last: _Item | None = None
    in_fence: bool = False

    def section(self) -> _Section:
        path = tuple(title for _, title in self.headings)
        last = self.sections[-1] if self.sections else None
        if last is None or last.path != path or last.root != self.root:
            self.sections.append(_Section(path, self.root))
        return self.sections[-1]


def _indent(prefix: str) -> int:
    return len(prefix.expandtabs(4))


def _root_name(root: str | None) -> str | None:
    """The caller's root deck name; it may nest (`A::B`), empty parts are dropped."""
    parts = [" ".join(part.split()) for part in (root or "").split("::")]
    return "::".join(p for p in parts if p) or None


def _heading_title(raw: str | None) -> str:
    # Colons at either end would merge with the '::' that joins deck names.
    title = " ".join(_COLONS_RE.sub(":", plain_text(raw or "")).split())
    return title.strip(": ")


def _on_heading(state: _State, level: int, raw: str | None, number: int) -> None:
    title = _heading_title(raw)
    state.last = None
    if not title:
        state.skipped.append(f"line {number}: a heading with no title")
        return
    if level == 1:
        state.root = state.root_override or title
        state.headings = []
        return
    state.headings = [(lv, t) for lv, t in state.headings if lv < level]
    state.headings.append((level, title))


def _on_item(state: _State, match: re.Match[str], numbered: bool, number: int) -> None:
    indent = _indent(match.group(1))
    text = (match.group(3) if numbered else match.group(2)) or ""
    last = state.last
    if last is not None and indent >= last.indent + 2:
        if text.strip():
            last.children.append(text.strip())
        return
    if not any(ch.isalnum() for ch in plain_text(text)):
        state.skipped.append(f"line {number}: " + ("empty item" if not text.strip() else "no text"))
        if not (numbered and last is not None and last.numbered):
            state.last = None  # an empty step inside a numbered list does not end it
        return
    item = _Item(number, text.strip(), numbered, indent)
    entries = state.section().entries
    if numbered:
        if entries and isinstance(entries[-1], list) and state.last is not None:
            entries[-1].append(item)
        else:
            entries.append([item])
    else:
        entries.append(item)
    state.last = item


def _on_text(state: _State, line: str, number: int) -> None:
    text = _QUOTE_RE.sub("", line).strip()
    last = state.last
    if last is not None and _indent(line[: len(line) - len(line.lstrip())]) >= last.indent + 2:
        if last.children:
            last.children[-1] += " " + text
        else:
            last.text += " " + text
        return
    if not any(ch.isalnum() for ch in plain_text(text)):
        state.skipped.append(f"line {number}: no text")
        return
    item = _Item(number, text, False, 0)
    state.section().entries.append(item)
    state.last = item


def _scan(text: str, source: str, root: str | None) -> _State:
    state = _State(source, root, root or PurePath(source).stem or source)
    fence_line = 0
    for number, line in enumerate(_LINE_SPLIT_RE.split(text), start=1):
        if _FENCE_RE.match(line):
            state.in_fence = not state.in_fence
            fence_line = number
            if state.last is None and state.in_fence:
                state.skipped.append(f"line {number}: fenced code outside a list item")
            continue
        if state.in_fence:
            if state.last is not None and line.strip():
                state.last.children.append(f"`{line.strip()}`")
            continue
        if not line.strip():
            continue
        if _RULE_RE.match(line):
            state.last = None
            continue
        heading = _HEADING_RE.match(line)
        numbered = _NUMBERED_RE.match(line)
        bullet = _BULLET_RE.match(line)
        if heading:
            _on_heading(state, len(heading.group(1)), heading.group(2), number)
        elif numbered:
            _on_item(state, numbered, True, number)
        elif bullet:
            _on_item(state, bullet, False, number)
        else:
            _on_text(state, line, number)
    if state.in_fence:
        state.skipped.append(
            f"line {fence_line}: a code block that is never closed "
            "(everything after it was taken as code)"
        )
    return state


def _guid(*parts: str) -> str:
    digest = int.from_bytes(hashlib.sha256("\x1f".join(parts).encode()).digest()[:8], "big")
    chars = []
    for _ in range(10):
        digest, rem = divmod(digest, len(_GUID_ALPHABET))
        chars.append(_GUID_ALPHABET[rem])
    return "".join(chars)


@dataclass
class _Builder:
    source: str
    records: list[NoteRecord] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    keys: Counter[tuple[str, ...]] = field(default_factory=Counter)
    fronts: Counter[tuple[str, str]] = field(default_factory=Counter)

    def guid(self, section: _Section, kind: str, key: str) -> str:
        parts = (PurePath(self.source).name, "::".join(section.path), kind, key)
        self.keys[parts] += 1
        seen = self.keys[parts]
        return _guid(*parts) if seen == 1 else _guid(*parts, str(seen))

    def add(
        self, section: _Section, notetype: str, fields: tuple[str, str], guid: str, line: int
    ) -> None:
        tag = "src::" + "_".join(PurePath(self.source).name.split()) + f"::L{line}"
        deck = "::".join((section.root, *section.path))
        self.records.append(NoteRecord(notetype, fields, (tag,), deck, guid, f"line {line}"))


def _children_html(children: Sequence[str]) -> str:
    if not children:
        return ""
    return "<ul>" + "".join(f"<li>{inline_html(c)}</li>" for c in children) + "</ul>"


def _context(section: _Section) -> str:
    return html.escape(PATH_SEPARATOR.join(section.path) or section.root, quote=False)


def _term_note(builder: _Builder, section: _Section, item: _Item, term: str, body: str) -> None:
    definition = inline_html(body) + _children_html(item.children)
    if not definition:
        builder.skipped.append(f"line {item.line}: a term with no definition")
        return
    guid = builder.guid(section, "term", normal_form(term))
    builder.add(section, REVERSED, (inline_html(term), definition), guid, item.line)


def _plain_note(builder: _Builder, section: _Section, item: _Item) -> None:
    words = plain_text(item.text).split()
    context = _context(section)
    if len(words) >= 3:
        cue = " ".join(words[: min(4, max(1, len(words) // 3))])
        front = f"{context}<br>{html.escape(cue, quote=False)} …"
    else:
        front = f"{context} · ?"
    deck = "::".join((section.root, *section.path))
    builder.fronts[(deck, front)] += 1
    if builder.fronts[(deck, front)] > 1:
        front += f" ({builder.fronts[(deck, front)]})"
    back = inline_html(item.text) + _children_html(item.children)
    guid = builder.guid(section, "text", normal_form(item.text))
    builder.add(section, BASIC, (front, back), guid, item.line)


def _cloze_safe(text: str) -> str:
    return text.replace("::", ":&#58;").replace("}}", "}&#125;").replace("{{", "{&#123;")


def _list_notes(builder: _Builder, section: _Section, items: list[_Item]) -> None:
    shown = [inline_html(i.text) + _children_html(i.children) for i in items]
    for start in range(0, len(items), CLOZE_GROUP):
        end = min(start + CLOZE_GROUP, len(items))
        lines = [f"<b>{_context(section)}</b>"]
        if start > 1:
            lines.append("…")
        for index in range(max(0, start - 1), min(len(items), end + 1)):
            value = shown[index]
            if start <= index < end:
                value = f"{{{{c{index - start + 1}::{_cloze_safe(value)}}}}}"
            lines.append(f"{index + 1}. {value}")
        if end + 1 < len(items):
            lines.append("…")
        key = "\x1f".join(normal_form(i.text) for i in items[start:end])
        guid = builder.guid(section, "list", key)
        builder.add(section, CLOZE, ("<br>".join(lines), ""), guid, items[start].line)


def _build(builder: _Builder, section: _Section) -> None:
    for entry in section.entries:
        if isinstance(entry, list):
            _list_notes(builder, section, entry)
            continue
        split = split_term(entry.text)
        if split is not None and normal_form(split[0]) != normal_form(split[1]):
            _term_note(builder, section, entry, *split)
        else:
            _plain_note(builder, section, entry)


def convert_markdown(text: str, source: str, *, root: str | None = None) -> MarkdownNotes:
    """Turn Markdown notes into records; `root` overrides the root deck's name.

    Raises FormatError (naming `source`) when the notes yield no note at all.
    """
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise FormatError(source, "", "the file is empty")
    if "\x00" in text:
        raise FormatError(source, "", "the file is binary, not text")
    root = _root_name(root)
    state = _scan(text, source, root)
    builder = _Builder(source, skipped=state.skipped)
    for section in state.sections:
        _build(builder, section)
    if not builder.records:
        raise FormatError(source, "", "the notes have no bullets, lists or lines to make cards of")
    skipped = sorted(builder.skipped, key=lambda s: int(s.split()[1].rstrip(":")))
    return MarkdownNotes(tuple(builder.records), tuple(skipped))


def parse_markdown(text: str, source: str, *, root: str | None = None) -> list[NoteRecord]:
    """The records `convert_markdown` makes from `text`."""
    return list(convert_markdown(text, source, root=root).records)
