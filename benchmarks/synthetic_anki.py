"""The generated collection in the real Anki library: same notes, decks, tags, schedule, log."""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.synthetic import Plan, Schedule
from flashcards.core.models import CardType
from flashcards.core.sm2 import Sm2State, review


def _anki_ease(grade: int) -> int:
    """SM-2 grade → Anki's answer button (1 again … 4 easy)."""
    return 1 if grade < 3 else grade - 1


def build_anki(path: Path, plans: list[Plan], schedules: list[list[Schedule]], today: int) -> int:
    """The same notes, decks, tags, schedule and review log in a real Anki collection.

    Anki's day is its own (the real clock): returns the Anki day that stands for
    our `today` (see `align_anki_days`).
    """
    from anki.collection import AddNoteRequest
    from anki.collection import Collection as AnkiCollection

    acol = AnkiCollection(str(path))
    models = {name: acol.models.by_name(name) for name in {p.notetype for p in plans}}
    deck_ids = {name: acol.decks.id(name) for name in {p.deck for p in plans}}
    requests = []
    for plan in plans:
        model = models[plan.notetype]
        assert model is not None
        note = acol.new_note(model)
        for i, value in enumerate(plan.fields):
            note.fields[i] = value
        note.tags = list(plan.tags)
        requests.append(AddNoteRequest(note=note, deck_id=deck_ids[plan.deck]))
    for start in range(0, len(requests), 5000):
        acol.add_notes(requests[start : start + 5000])
    card_ids = {
        (nid, ord_): cid for cid, nid, ord_ in acol.db.all("select id, nid, ord from cards")
    }
    anki_today = acol.sched.today
    now_ms = int(time.time() * 1000)
    updates, suspended_new, logs = [], [], []
    serial = 0  # makes review-log ids (epoch ms) unique: below 43,200,000 reviews, no clash
    for request, plan_schedules in zip(requests, schedules, strict=True):
        for ord_, sched in enumerate(plan_schedules):
            cid = card_ids[(request.note.id, ord_)]
            if sched.type == CardType.NEW:
                if sched.suspended:
                    suspended_new.append((cid,))
                continue
            queue = -1 if sched.suspended else (-3 if sched.buried else 2)
            due = sched.due - today + anki_today
            factor = round(sched.state.easiness * 1000)
            ivl = sched.state.interval
            updates.append((2, queue, ivl, due, factor, sched.reps, sched.lapses, cid))
            before = Sm2State()
            for day, grade, duration in sched.reviews:
                after = review(before, grade)
                serial += 1
                log_id = now_ms - (today - day) * 86_400_000 - 43_200_000 + serial
                kind = 0 if before.interval == 0 else (2 if grade < 3 else 1)
                logs.append(
                    (
                        log_id,
                        cid,
                        _anki_ease(grade),
                        after.interval,
                        before.interval,
                        round(after.easiness * 1000),
                        duration,
                        kind,
                    )
                )
                before = after
    acol.db.executemany(
        "update cards set type=?, queue=?, ivl=?, due=?, factor=?, reps=?, lapses=? where id=?",
        updates,
    )
    acol.db.executemany("update cards set queue = -1 where id = ?", suspended_new)
    acol.db.executemany(
        "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
        "values (?, ?, 0, ?, ?, ?, ?, ?, ?)",
        logs,
    )
    acol.close()
    return int(anki_today)


def align_anki_days(path: Path, built_on: int) -> None:
    """Shift a copy's review due days so that Anki's today is the collection's today again."""
    from anki.collection import Collection as AnkiCollection

    acol = AnkiCollection(str(path))
    shift = acol.sched.today - built_on
    if shift:
        acol.db.execute("update cards set due = due + ? where type = 2", shift)
    acol.close()
