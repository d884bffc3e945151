"""The `.apkg` export's rows converted in Python, one row at a time: the reference that
tests/test_apkg_sql_export.py holds storage/ankiexport.py's SQL to.

It was the exporter before the export moved into SQL; it lives with the tests now
because nothing in the app runs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flashcards.core.models import Deck, NoteType, ReviewKind
from flashcards.formats.ankiwrite import GRADE_TO_ANKI_EASE, anki_header, checksum


@dataclass(frozen=True)
class AnkiExport:
    """What goes into `collection.anki21`: the col row and the table rows."""

    col_row: tuple[object, ...]
    notes: list[tuple[object, ...]]
    cards: list[tuple[object, ...]]
    revlog: list[tuple[object, ...]]


def _unique_ids(rows: Sequence[Sequence[Any]], id_col: int, time_col: int) -> dict[int, int]:
    """Our id → a unique Anki id near the row's creation time (ms)."""
    result: dict[int, int] = {}
    last = 0
    for row in sorted(rows, key=lambda r: (r[time_col], r[id_col])):
        last = max(int(row[time_col]) or 1, last + 1)
        result[row[id_col]] = last
    return result


def anki_rows(
    *,
    crt: int,
    crt_day: int,
    today: int,
    now_ms: int,
    decks: Sequence[Deck],
    notetypes: Sequence[NoteType],
    notes: Sequence[Sequence[Any]],
    cards: Sequence[Sequence[Any]],
    logs: Sequence[Sequence[Any]],
    scheduling: bool = True,
) -> AnkiExport:
    """Anki's rows from ours (notes as BulkRepo.export_notes_joined, cards as CardRow,
    logs as LogRow), converted in Python: the reference for storage/ankiexport.py,
    which converts in SQL."""
    header = anki_header(crt=crt, now_ms=now_ms, decks=decks, notetypes=notetypes)
    col_row, mids = header.col_row, header.mids
    nids = _unique_ids(notes, 0, 5)
    note_rows: list[tuple[object, ...]] = []
    for nid, guid, ntid, flds, tags, _, modified, sort, first in notes:
        note_rows.append(
            (
                nids[nid],
                guid,
                mids[ntid],
                modified // 1000,
                tags,
                flds or "",
                sort,
                checksum(first),
            )
        )
    dids = header.dids
    cids = _unique_ids(cards, 0, 15)
    card_rows: list[tuple[object, ...]] = []
    for c in cards:
        (
            cid,
            note_id,
            deck_id,
            ord_,
            ctype,
            queue,
            due,
            repetitions,
            interval,
            ef_h,
            reps,
            lapses,
            buried,
            _,
            _,
            _,
            modified,
        ) = c
        if ctype == 0 or not scheduling:
            kept = (reps, lapses) if scheduling else (0, 0)
            row = (0, 0, due if ctype == 0 else 0, 0, 0, *kept)
        else:  # failed last (SM-2 repetitions 0): Anki's relearning card
            atype = 3 if repetitions == 0 else 2
            row = (atype, atype, due - crt_day, interval, ef_h * 10, reps, lapses)
        aqueue = -1 if queue == -1 else (-3 if scheduling and buried > today else row[1])
        card_rows.append(
            (
                cids[cid],
                nids[note_id],
                dids[deck_id],
                ord_,
                modified // 1000,
                row[0],
                aqueue,
                *row[2:],
            )
        )
    revlog = _revlog(logs, cids) if scheduling else []
    return AnkiExport(col_row, note_rows, card_rows, revlog)


def _revlog(logs: Sequence[Sequence[Any]], cids: dict[int, int]) -> list[tuple[object, ...]]:
    """Graded answers (REVIEW and DRILL) as Anki revlog rows; MANUAL entries are left out."""
    rows: list[tuple[object, ...]] = []
    taken: set[int] = set()
    learning_card: dict[int, bool] = {}
    for log in logs:
        (
            card_id,
            time_ms,
            _,
            grade,
            kind,
            _,
            ivl_before,
            _,
            _,
            ivl_after,
            ef_after,
            _,
            duration,
            _,
            _,
        ) = log
        if kind == ReviewKind.MANUAL or card_id not in cids:
            continue
        if kind == ReviewKind.REVIEW:
            learning_card[card_id] = ivl_before == 0
            rtype = 0 if ivl_before == 0 else 1
        else:
            rtype = 0 if learning_card.get(card_id, True) else 2
        rid = time_ms
        while rid in taken:
            rid += 1
        taken.add(rid)
        rows.append(
            (
                rid,
                cids[card_id],
                GRADE_TO_ANKI_EASE[grade],
                ivl_after,
                ivl_before,
                ef_after * 10,
                min(max(duration, 0), 60_000),
                rtype,
            )
        )
    return rows
