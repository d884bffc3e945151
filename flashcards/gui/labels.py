"""Words the interface shows for SM-2 grades, intervals, durations and undo steps.

English is the source language (SuperMemo's own wording for the grades);
Qt's translators turn each into Korean.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

__all__ = [
    "answers_text",
    "count_text",
    "duration_text",
    "field_label",
    "grade_button_text",
    "grade_meaning",
    "grade_short",
    "grade_tooltip",
    "interval_text",
    "notetype_label",
    "percent_text",
    "redo_action_text",
    "redo_text",
    "undo_action_text",
    "undo_text",
]


def grade_short(grade: int) -> str:
    """A short label for a grade, e.g. 'hesitated'."""
    labels = {
        0: QCoreApplication.translate("Grades", "blackout"),
        1: QCoreApplication.translate("Grades", "wrong, but familiar"),
        2: QCoreApplication.translate("Grades", "wrong, but easy"),
        3: QCoreApplication.translate("Grades", "correct, hard"),
        4: QCoreApplication.translate("Grades", "correct, hesitated"),
        5: QCoreApplication.translate("Grades", "perfect"),
    }
    return labels[grade]


def grade_meaning(grade: int) -> str:
    """SuperMemo's full meaning of a grade."""
    meanings = {
        0: QCoreApplication.translate("Grades", "complete blackout"),
        1: QCoreApplication.translate("Grades", "incorrect response; the correct one remembered"),
        2: QCoreApplication.translate(
            "Grades", "incorrect response; where the correct one seemed easy to recall"
        ),
        3: QCoreApplication.translate(
            "Grades", "correct response recalled with serious difficulty"
        ),
        4: QCoreApplication.translate("Grades", "correct response after a hesitation"),
        5: QCoreApplication.translate("Grades", "perfect response"),
    }
    return meanings[grade]


def interval_text(days: int | None) -> str:
    """An interval in words: '6 d', '3.2 mo', '1.5 y' (Korean: '6일'…); '—' on a re-drill."""
    if days is None:
        return "—"
    if days < 30:
        return QCoreApplication.translate("Interval", "%1 d").replace("%1", str(days))
    if days < 365:
        months = f"{days / 30:.1f}"
        return QCoreApplication.translate("Interval", "%1 mo").replace("%1", months)
    years = f"{days / 365:.1f}"
    return QCoreApplication.translate("Interval", "%1 y").replace("%1", years)


def grade_button_text(
    grade: int, days: int | None, *, again_today: bool = False, short: bool = False
) -> str:
    """'4 — correct, hesitated · 6 d'; with `again_today`, '3 — correct, hard · 1 d + today'.
    `short` leaves out the meaning ('4 · 6 d'), for buttons that must stay narrow.

    `again_today` marks a first grade of the day below 4: SM-2 schedules the card
    in `days` and it also comes back later today as a re-drill.
    """
    interval = interval_text(days)
    if again_today:
        interval = QCoreApplication.translate("Interval", "%1 + again today").replace(
            "%1", interval
        )
    return f"{grade} · {interval}" if short else f"{grade} — {grade_short(grade)} · {interval}"


def grade_tooltip(grade: int, days: int | None, *, again_today: bool = False) -> str:
    """The grade's full meaning and, in a sentence, what it does to the card."""
    lines = [grade_meaning(grade)]
    if days is None:
        lines.append(
            QCoreApplication.translate(
                "Interval",
                "A re-drill does not change the schedule; below 4 the card comes back again today.",
            )
        )
    elif again_today:
        text = QCoreApplication.translate(
            "Interval",
            "Next review in %1. Below 4, the card also comes back later today, "
            "until you grade it 4 or 5.",
        )
        lines.append(text.replace("%1", interval_text(days)))
    else:
        text = QCoreApplication.translate("Interval", "Next review in %1.")
        lines.append(text.replace("%1", interval_text(days)))
    return "\n".join(lines)


def duration_text(ms: int) -> str:
    """A study time: '45 s', '3 min 20 s'."""
    seconds = max(0, round(ms / 1000))
    minutes, seconds = divmod(seconds, 60)
    if not minutes:
        return QCoreApplication.translate("Duration", "%1 s").replace("%1", str(seconds))
    text = QCoreApplication.translate("Duration", "%1 min %2 s")
    return text.replace("%1", str(minutes)).replace("%2", str(seconds))


def count_text(n: int) -> str:
    """'1 card' / '5 cards' (Korean has one form: '5장')."""
    if n == 1:
        return QCoreApplication.translate("Count", "1 card")
    return QCoreApplication.translate("Count", "%1 cards").replace("%1", str(n))


def answers_text(n: int) -> str:
    """'1 answer' / '24 answers' (Korean: '24번'): answers given, re-drills included."""
    if n == 1:
        return QCoreApplication.translate("Count", "1 answer")
    return QCoreApplication.translate("Count", "%1 answers").replace("%1", str(n))


def percent_text(share: float | None) -> str:
    """0.8333 → '83.3%'; None → '—'. The summary and the statistics page both use it."""
    return "—" if share is None else f"{share * 100:.1f}%"


def undo_text(label: str) -> str:
    """What an undo step reverted (by Collection.undo_label), for the status bar."""
    texts = {
        "Answer": QCoreApplication.translate("Undo", "Undid the last answer."),
        "Bury": QCoreApplication.translate("Undo", "Undid burying the card."),
        "Suspend": QCoreApplication.translate("Undo", "Undid suspending the card."),
        "Unsuspend": QCoreApplication.translate("Undo", "Undid unsuspending the card."),
        "Add note": QCoreApplication.translate("Undo", "Undid adding the note."),
        "Edit note": QCoreApplication.translate("Undo", "Undid the note edit."),
        "Create deck": QCoreApplication.translate("Undo", "Undid creating the deck."),
        "Rename deck": QCoreApplication.translate("Undo", "Undid renaming the deck."),
        "Delete deck": QCoreApplication.translate(
            "Undo", "Undid deleting the deck: its cards and their history are back."
        ),
    }
    return texts.get(label, QCoreApplication.translate("Undo", "Undid the last change."))


def undo_action_text(kind: str | None) -> str:
    """The Undo menu entry, naming the kind of step it would revert (Anki's "Undo
    Answer Card")."""
    texts = {
        "answer": QCoreApplication.translate("Undo", "Undo Answer"),
        "bury": QCoreApplication.translate("Undo", "Undo Bury"),
        "suspend": QCoreApplication.translate("Undo", "Undo Suspend"),
        "unsuspend": QCoreApplication.translate("Undo", "Undo Unsuspend"),
        "add": QCoreApplication.translate("Undo", "Undo Add Note"),
        "edit": QCoreApplication.translate("Undo", "Undo Edit Note"),
        "create": QCoreApplication.translate("Undo", "Undo Create Deck"),
        "rename": QCoreApplication.translate("Undo", "Undo Rename Deck"),
        "delete": QCoreApplication.translate("Undo", "Undo Delete"),
        "move": QCoreApplication.translate("Undo", "Undo Move"),
        "tags": QCoreApplication.translate("Undo", "Undo Tags"),
        "reset": QCoreApplication.translate("Undo", "Undo Reset"),
        "due": QCoreApplication.translate("Undo", "Undo Set Due Date"),
    }
    if kind is None:
        return QCoreApplication.translate("Undo", "Undo")
    return texts.get(kind, QCoreApplication.translate("Undo", "Undo Last Change"))


def redo_text(label: str) -> str:
    """What a redo made again (by Collection.redo_label), for the status bar."""
    texts = {
        "Answer": QCoreApplication.translate("Undo", "Answered the card again."),
        "Bury": QCoreApplication.translate("Undo", "Buried the card again."),
        "Suspend": QCoreApplication.translate("Undo", "Suspended the card again."),
        "Unsuspend": QCoreApplication.translate("Undo", "Unsuspended the card again."),
        "Add note": QCoreApplication.translate("Undo", "Added the note again."),
        "Edit note": QCoreApplication.translate("Undo", "Made the note edit again."),
        "Create deck": QCoreApplication.translate("Undo", "Created the deck again."),
        "Rename deck": QCoreApplication.translate("Undo", "Renamed the deck again."),
        "Delete deck": QCoreApplication.translate("Undo", "Deleted the deck again."),
    }
    return texts.get(label, QCoreApplication.translate("Undo", "Made the last change again."))


def redo_action_text(kind: str | None) -> str:
    """The Redo menu entry, naming the kind of step it would make again."""
    texts = {
        "answer": QCoreApplication.translate("Undo", "Redo Answer"),
        "bury": QCoreApplication.translate("Undo", "Redo Bury"),
        "suspend": QCoreApplication.translate("Undo", "Redo Suspend"),
        "unsuspend": QCoreApplication.translate("Undo", "Redo Unsuspend"),
        "add": QCoreApplication.translate("Undo", "Redo Add Note"),
        "edit": QCoreApplication.translate("Undo", "Redo Edit Note"),
        "create": QCoreApplication.translate("Undo", "Redo Create Deck"),
        "rename": QCoreApplication.translate("Undo", "Redo Rename Deck"),
        "delete": QCoreApplication.translate("Undo", "Redo Delete"),
        "move": QCoreApplication.translate("Undo", "Redo Move"),
        "tags": QCoreApplication.translate("Undo", "Redo Tags"),
        "reset": QCoreApplication.translate("Undo", "Redo Reset"),
        "due": QCoreApplication.translate("Undo", "Redo Set Due Date"),
    }
    if kind is None:
        return QCoreApplication.translate("Undo", "Redo")
    return texts.get(kind, QCoreApplication.translate("Undo", "Redo Last Change"))


def notetype_label(name: str) -> str:
    """A built-in note type's name in the interface language (stored names stay Anki's)."""
    names = {
        "Basic": QCoreApplication.translate("Notetypes", "Basic"),
        "Basic (and reversed card)": QCoreApplication.translate(
            "Notetypes", "Basic (and reversed card)"
        ),
        "Cloze": QCoreApplication.translate("Notetypes", "Cloze"),
    }
    return names.get(name, name)


def field_label(name: str) -> str:
    """A built-in field's name in the interface language."""
    names = {
        "Front": QCoreApplication.translate("Notetypes", "Front"),
        "Back": QCoreApplication.translate("Notetypes", "Back"),
        "Text": QCoreApplication.translate("Notetypes", "Text"),
        "Back Extra": QCoreApplication.translate("Notetypes", "Back Extra"),
    }
    return names.get(name, name)
