"""SQL expressions that convert Anki's columns to ours (used by storage/ankiimport.py).

Each function returns a SQL expression over the named columns; the conversions
are the ones docs/interop.md documents and formats/ankiread.py implements in
Python for previews.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "MAX_FIELDS",
    "day_of_ms",
    "day_of_seconds",
    "ease_hundredths",
    "fields_json",
    "floor_div",
    "renamed",
]

MAX_FIELDS = 1000
"""The most fields a note type may have for the padding below."""
FIELD_PADDING = ', ""' * MAX_FIELDS
"""`:padding`: a note with fewer fields than its type gets empty ones, as JSON text."""


def floor_div(value: str, divisor: int) -> str:
    """value // divisor (rounding down for negative values too, as Python does)."""
    return (
        f"(CASE WHEN ({value}) >= 0 THEN ({value}) / {divisor} "
        f"ELSE -((-({value}) - 1) / {divisor}) - 1 END)"
    )


def day_of_seconds(seconds: str, shift: int | None) -> str:
    """The study day of a Unix time in seconds.

    `shift` is the zone's fixed UTC offset minus the rollover hour, in seconds;
    None (a zone with daylight saving) calls the connection's function
    fc_study_day, which storage/ankiimport.py registers for the import.
    """
    if shift is None:
        return f"fc_study_day({seconds})"
    return floor_div(f"({seconds}) + {shift}", 86_400)


def day_of_ms(ms: str, shift: int | None) -> str:
    """The study day of a Unix time in milliseconds (exact integer arithmetic)."""
    if shift is None:
        return f"fc_study_day(({ms}) / 1000.0)"
    return floor_div(f"({ms}) + {shift * 1000}", 86_400_000)


def ease_hundredths(factor: str) -> str:
    """Anki's ease in permille as SM-2 easiness in hundredths: round half to even
    (as Python's round), at least 1.3; 0 or less means Anki's default 2.5."""
    f = f"CAST({factor} AS INTEGER)"
    rounded = f"({f} / 10 + ({f} % 10 > 5 OR ({f} % 10 = 5 AND ({f} / 10) % 2 = 1)))"
    return f"(CASE WHEN {f} > 0 THEN max(130, {rounded}) ELSE 250 END)"


def renamed(text: str, renames: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """`text` with media file names replaced, in order, and the parameters to bind.

    A name holding U+001F cannot occur in a field (fields are split on it), so
    it is left out; no other name can match across two fields of Anki's `flds`.
    """
    params: dict[str, str] = {}
    for index, (old, new) in enumerate(renames.items()):
        if "\x1f" in old or "\x1f" in new:
            continue
        params[f"rename_old_{index}"] = old
        params[f"rename_new_{index}"] = new
        text = f"replace({text}, :rename_old_{index}, :rename_new_{index})"
    return text, params


def fields_json(flds: str, missing: str) -> str:
    """Anki's U+001F-separated fields as our JSON array text, exactly as
    json.dumps(fields, ensure_ascii=False) writes it, with `missing` empty
    fields appended (bind `:padding` to FIELD_PADDING).

    json_quote escapes the whole text as one JSON string, writing U+001F as
    \\u001f; each of those becomes the `", "` between two strings. A literal
    backslash followed by "u001f" in the text is written \\\\u001f, so the escaped
    backslashes are set aside (as U+0001, which json_quote never writes
    unescaped) while the separators are replaced.
    """
    quoted = f"replace(json_quote({flds}), '\\\\', char(1))"
    joined = f"replace(replace({quoted}, '\\u001f', '\", \"'), char(1), '\\\\')"
    return f"('[' || {joined} || substr(:padding, 1, 4 * max(0, {missing})) || ']')"
