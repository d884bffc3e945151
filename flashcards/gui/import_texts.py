"""Words the import dialog uses to describe a file: format, encoding, separator, headers."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from flashcards.gui.labels import notetype_label
from flashcards.services.importing import ImportPreview

__all__ = ["column_label", "describe", "encoding_name", "header_text", "separator_name"]

_COLUMN_RE = re.compile(r"^Column (\d+)$")


def column_label(label: str) -> str:
    """A column's label from the preview ('Column 3', 'Deck', or the file's own name)."""
    match = _COLUMN_RE.match(label)
    if match:
        return QCoreApplication.translate("ImportDialog", "Column %1").replace("%1", match.group(1))
    roles = {
        "Note type": QCoreApplication.translate("ImportDialog", "Note type"),
        "Deck": QCoreApplication.translate("ImportDialog", "Deck"),
        "Tags": QCoreApplication.translate("ImportDialog", "Tags"),
        "GUID": QCoreApplication.translate("ImportDialog", "ID (GUID)"),
    }
    return roles.get(label, label)


def separator_name(separator: str | None) -> str:
    names = {
        "\t": QCoreApplication.translate("ImportDialog", "Tab"),
        ",": QCoreApplication.translate("ImportDialog", "comma"),
        ";": QCoreApplication.translate("ImportDialog", "semicolon"),
        " ": QCoreApplication.translate("ImportDialog", "space"),
        "|": QCoreApplication.translate("ImportDialog", "pipe (|)"),
        ":": QCoreApplication.translate("ImportDialog", "colon"),
    }
    if separator is None:
        return "—"
    return names.get(separator, f"“{separator}”")


def encoding_name(encoding: str | None) -> str:
    names = {
        "utf-8": "UTF-8",
        "utf-8-sig": QCoreApplication.translate("ImportDialog", "UTF-8 with BOM"),
        "utf-16": "UTF-16",
        "cp949": QCoreApplication.translate("ImportDialog", "CP949 (Korean Windows)"),
    }
    if encoding is None:
        return "—"
    return names.get(encoding.lower(), encoding.upper())


def _fill(text: str, *values: object) -> str:
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", str(value))
    return text


def describe(preview: ImportPreview) -> str:
    """One or three lines: what kind of file it is and what it holds."""
    if preview.format == "text":
        return _fill(
            QCoreApplication.translate(
                "ImportDialog",
                "Anki text file · notes: %1 · encoding: %2 · separator: %3 · HTML: %4",
            ),
            preview.note_count,
            encoding_name(preview.encoding),
            separator_name(preview.separator),
            QCoreApplication.translate("ImportDialog", "yes")
            if preview.html
            else QCoreApplication.translate("ImportDialog", "no"),
        )
    kinds = {
        "apkg": QCoreApplication.translate("ImportDialog", "Anki package"),
        "json": QCoreApplication.translate("ImportDialog", "flashcards JSON"),
        "markdown": QCoreApplication.translate("ImportDialog", "Markdown notes"),
    }
    first = _fill(
        QCoreApplication.translate(
            "ImportDialog", "%1 · notes: %2 · cards: %3 · review-log entries: %4 · media files: %5"
        ),
        kinds.get(preview.format, preview.format),
        preview.note_count,
        preview.cards,
        preview.reviews,
        preview.media,
    )
    if preview.format == "markdown":
        first = _fill(
            QCoreApplication.translate("ImportDialog", "%1 · notes: %2"),
            kinds["markdown"],
            preview.note_count,
        )
    lines = [first]
    if preview.decks:
        lines.append(
            _fill(QCoreApplication.translate("ImportDialog", "Decks: %1"), ", ".join(preview.decks))
        )
    if preview.notetypes:
        names = ", ".join(notetype_label(n) for n in preview.notetypes)
        lines.append(_fill(QCoreApplication.translate("ImportDialog", "Note types: %1"), names))
    if preview.skipped:
        shown = "; ".join(preview.skipped[:_SKIPS_SHOWN])
        if len(preview.skipped) > _SKIPS_SHOWN:
            shown += "; …"
        text = QCoreApplication.translate("ImportDialog", "Lines that make no card (%1): %2")
        lines.append(_fill(text, len(preview.skipped), shown))
    return "\n".join(lines)


_SKIPS_SHOWN = 3
"""Skipped Markdown lines named in the preview; the import's Details list them all."""


def header_text(preview: ImportPreview) -> str:
    """The file's `#key:value` header lines, or that it has none."""
    if not preview.headers:
        return QCoreApplication.translate(
            "ImportDialog", "No header lines: the columns are mapped to fields below."
        )
    lines = "   ".join(f"#{key}:{value}" for key, value in preview.headers.items())
    return _fill(QCoreApplication.translate("ImportDialog", "Header lines: %1"), lines)
