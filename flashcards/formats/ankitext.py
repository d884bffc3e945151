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

__all__ = [
    "TextHeader",
    "TextTable",
    "parse_text",
    "read_table",
    "records_from_table",
    "sniff_separator",
    "write_text",
]

MAX_FIELD_CHARS = 8 << 20
"""The longest field a text file may hold (8 Mi characters); Python's csv default is 128 Ki."""

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
    raw: dict[str, str] = field(default_factory=dict)
    """Every header line as written (key lower-cased), for previews."""
    unknown: list[str] = field(default_factory=list)

    @property
    def special_columns(self) -> set[int]:
        """0-based indexes of the note type, deck, tags and guid columns."""
        columns = (self.notetype_column, self.deck_column, self.tags_column, self.guid_column)
        return {c - 1 for c in columns if c is not None}


@dataclass
class TextTable:
    """A text file split into its header and rows of cells (line number, cells)."""

    header: TextHeader
    separator: str
    rows: list[tuple[int, list[str]]]

    @property
    def column_count(self) -> int:
        return max((len(cells) for _, cells in self.rows), default=0)

    def column_labels(self) -> list[str]:
        """`#columns:` names, else Anki's roles for special columns, else "Column N"."""
        labels = []
        roles = {
            self.header.notetype_column: "Note type",
            self.header.deck_column: "Deck",
            self.header.tags_column: "Tags",
            self.header.guid_column: "GUID",
        }
        for index in range(self.column_count):
            if index < len(self.header.columns) and self.header.columns[index]:
                labels.append(self.header.columns[index])
            else:
                labels.append(roles.get(index + 1) or f"Column {index + 1}")
        return labels

    def default_field_columns(self) -> list[int]:
        """The columns that hold note fields, in order (all but the special ones)."""
        special = self.header.special_columns
        if self.header.columns and self.header.tags_column is None:
            special = special | {i for i, c in enumerate(self.header.columns) if c == "Tags"}
        return [i for i in range(self.column_count) if i not in special]


def _parse_header_line(header: TextHeader, key: str, value: str, where: str, source: str) -> None:
    key = key.strip().lower()
    header.raw[key] = value
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
        pass  # split once the separator is known
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


def sniff_separator(lines: Sequence[str]) -> str:
    """The separator that every one of the first lines uses (tab, pipe, semicolon, comma)."""
    sample = [line for line in lines[:20] if line.strip()]
    for sep in ("\t", "|", ";", ","):
        if sample and all(sep in line for line in sample):
            return sep
    joined = "".join(sample)
    return next((sep for sep in ("\t", "|", ";", ",") if sep in joined), "\t")


def _as_html(value: str, is_html: bool) -> str:
    if is_html:
        return value
    return html.escape(value, quote=False).replace("\n", "<br>")


def read_table(text: str, source: str = "file") -> TextTable:
    """Split Anki text-format content into header and rows (quoting as in CSV)."""
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
    sep = header.separator or sniff_separator(lines[body_start:])
    if "columns" in header.raw:
        header.columns = tuple(c.strip() for c in header.raw["columns"].split(sep))
    body = "".join(lines[body_start:])
    csv.field_size_limit(MAX_FIELD_CHARS)
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=sep, quotechar='"', strict=True)
    rows: list[tuple[int, list[str]]] = []
    line_no = body_start + 1
    try:
        for row in reader:
            if row and not all(not cell.strip() for cell in row):
                rows.append((line_no, row))
            line_no = body_start + reader.line_num + 1
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            reason = f"a field is longer than {MAX_FIELD_CHARS:,} characters"
        else:
            reason = f"malformed quoting ({exc})"
        raise FormatError(source, f"line {line_no}", reason) from None
    return TextTable(header, sep, rows)


def parse_text(
    text: str, source: str = "file", default_notetype: str = "Basic"
) -> list[NoteRecord]:
    """Parse Anki text-format content into note records."""
    return records_from_table(read_table(text, source), source, default_notetype)


def records_from_table(
    table: TextTable,
    source: str,
    default_notetype: str = "Basic",
    field_columns: Sequence[int | None] | None = None,
) -> list[NoteRecord]:
    """Note records from a table; `field_columns[i]` is the column of note field i."""
    columns = list(field_columns) if field_columns is not None else None
    if columns is None:
        columns = list(table.default_field_columns())
    tag_column = table.header.tags_column
    if tag_column is None and "Tags" in table.header.columns:
        tag_column = table.header.columns.index("Tags") + 1
    return [
        _record(cells, table.header, columns, tag_column, f"line {line}", source, default_notetype)
        for line, cells in table.rows
    ]


def _cell(row: Sequence[str], column: int | None, where: str, source: str) -> str | None:
    if column is None:
        return None
    if column > len(row):
        raise FormatError(source, where, f"has {len(row)} columns, but column {column} is needed")
    return row[column - 1]


def _record(
    row: Sequence[str],
    header: TextHeader,
    columns: Sequence[int | None],
    tag_column: int | None,
    where: str,
    source: str,
    default_notetype: str,
) -> NoteRecord:
    notetype = _cell(row, header.notetype_column, where, source) or header.notetype
    deck = _cell(row, header.deck_column, where, source) or header.deck
    guid = _cell(row, header.guid_column, where, source)
    tag_cell = (row[tag_column - 1] if tag_column and tag_column <= len(row) else "") or ""
    fields = [
        _as_html(row[c], header.html) if c is not None and c < len(row) else "" for c in columns
    ]
    return NoteRecord(
        notetype=(notetype or default_notetype).strip(),
        fields=tuple(fields),
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
