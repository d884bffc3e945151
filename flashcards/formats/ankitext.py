"""Anki's text format: CSV/TSV with `#key:value` header lines.

Headers understood (and written): `#separator:`, `#html:`, `#tags:`,
`#columns:`, `#notetype:`, `#deck:`, `#notetype column:`, `#deck column:`,
`#tags column:`, `#guid column:`. Column numbers are 1-based, as in Anki.
Without headers the separator is sniffed and the columns are Front, Back.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from flashcards.formats.records import FormatError, NoteRecord

__all__ = ["TextHeader", "parse_text", "write_text"]

_SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
_SEPARATOR_NAMES = {v: k for k, v in _SEPARATORS.items()}
_COLUMN_KEYS = {
    "notetype column": "notetype_column",
    "deck column": "deck_column",
    "tags column": "tags_column",
    "guid column": "guid_column",
}


@dataclass
class TextHeader:
    separator: str | None = None
    html: bool = True
    tags: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    notetype: str | None = None
    deck: str | None = None
    notetype_column: int | None = None
    deck_column: int | None = None
    tags_column: int | None = None
    guid_column: int | None = None
    unknown: list[str] = field(default_factory=list)


def _parse_header_line(header: TextHeader, key: str, value: str, where: str, source: str) -> None:
    key = key.strip().lower()
    if key == "separator":
        name = value.strip().lower()
        sep = _SEPARATORS.get(name, value if len(value) == 1 else None)
        if sep is None:
            raise FormatError(source, where, f"unknown separator {value!r}")
        header.separator = sep
    elif key == "html":
        header.html = value.strip().lower() == "true"
    elif key == "tags":
        header.tags = tuple(value.split())
    elif key == "notetype":
        header.notetype = value.strip()
    elif key == "deck":
        header.deck = value.strip()
    elif key == "columns":
        header.columns = tuple(value.split(header.separator or "\t"))
    elif key in _COLUMN_KEYS:
        try:
            number = int(value.strip())
        except ValueError:
            raise FormatError(
                source, where, f"'{key}' needs a column number, not {value!r}"
            ) from None
        if number < 1:
            raise FormatError(source, where, f"'{key}' must be 1 or more, not {number}")
        setattr(header, _COLUMN_KEYS[key], number)
    else:
        header.unknown.append(key)


def _sniff(lines: Sequence[str]) -> str:
    sample = "\n".join(lines[:20])
    for sep in ("\t", ";", ","):
        if sep in sample:
            return sep
    return "\t"


def _as_html(value: str, is_html: bool) -> str:
    if is_html:
        return value
    return html.escape(value, quote=False).replace("\n", "<br>")


def parse_text(
    text: str, source: str = "file", default_notetype: str = "Basic"
) -> list[NoteRecord]:
    """Parse Anki text-format content into note records."""
    if "\x00" in text:
        raise FormatError(source, "", "the file is binary, not text")
    lines = text.splitlines(keepends=True)
    header = TextHeader()
    body_start = 0
    for number, line in enumerate(lines, start=1):
        if not line.startswith("#"):
            break
        body_start = number
        key, colon, value = line[1:].rstrip("\r\n").partition(":")
        if colon:
            _parse_header_line(header, key, value, f"line {number}", source)
    body = "".join(lines[body_start:])
    sep = header.separator or _sniff(lines[body_start:])
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=sep, quotechar='"', strict=True)
    records: list[NoteRecord] = []
    special = {
        c - 1
        for c in (
            header.notetype_column,
            header.deck_column,
            header.tags_column,
            header.guid_column,
        )
        if c is not None
    }
    try:
        for row in reader:
            line_no = body_start + reader.line_num
            where = f"line {line_no}"
            if not row or all(not cell.strip() for cell in row):
                continue
            records.append(_record(row, header, special, where, source, default_notetype))
    except csv.Error as exc:
        line_no = body_start + reader.line_num
        raise FormatError(source, f"line {line_no}", f"malformed quoting ({exc})") from None
    return records


def _cell(row: Sequence[str], column: int | None, where: str, source: str) -> str | None:
    if column is None:
        return None
    if column > len(row):
        raise FormatError(source, where, f"has {len(row)} columns, but column {column} is needed")
    return row[column - 1]


def _record(
    row: Sequence[str],
    header: TextHeader,
    special: set[int],
    where: str,
    source: str,
    default_notetype: str,
) -> NoteRecord:
    notetype = _cell(row, header.notetype_column, where, source) or header.notetype
    deck = _cell(row, header.deck_column, where, source) or header.deck
    guid = _cell(row, header.guid_column, where, source)
    tag_cell = _cell(row, header.tags_column, where, source) or ""
    fields = tuple(_as_html(v, header.html) for i, v in enumerate(row) if i not in special)
    if header.columns:
        named = [c for i, c in enumerate(header.columns) if i not in special]
        if "Tags" in named and header.tags_column is None:
            index = named.index("Tags")
            tag_cell = fields[index] if index < len(fields) else ""
            fields = fields[:index] + fields[index + 1 :]
    return NoteRecord(
        notetype=(notetype or default_notetype).strip(),
        fields=fields,
        tags=tuple(dict.fromkeys((*header.tags, *tag_cell.split()))),
        deck=deck.strip() if deck else None,
        guid=guid.strip() if guid else None,
        where=where,
    )


def _first_cell(value: str, separator: str) -> str:
    """A line's first cell; quoted when it starts with '#' (Anki skips such lines as comments)."""
    if value.startswith("#") or any(ch in value for ch in (separator, '"', "\n", "\r")):
        return '"' + value.replace('"', '""') + '"'
    return value


def write_text(records: Iterable[NoteRecord], *, separator: str = "\t") -> str:
    """Write records with headers for note type, deck, tags and guid columns."""
    out = io.StringIO(newline="")
    name = _SEPARATOR_NAMES.get(separator, separator)
    out.write(f"#separator:{name}\n#html:true\n")
    out.write("#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:4\n")
    writer = csv.writer(out, delimiter=separator, quotechar='"', lineterminator="\n")
    for record in records:
        out.write(_first_cell(record.guid or "", separator) + separator)
        writer.writerow([record.notetype, record.deck or "", " ".join(record.tags), *record.fields])
    return out.getvalue()
