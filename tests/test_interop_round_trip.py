"""flashcards → Anki → flashcards: the notes come home as the same notes.

Anki imports our note types beside its own stock ones of the same names and
calls ours "Basic+", "Cloze+", "Basic (and reversed card)+". Exported back, the
notes carry those names: matched by name alone they were "of another type" than
the same notes here, so every one was skipped and three unused note types were
added.
"""

from __future__ import annotations

from pathlib import Path

from flashcards.core.clock import FixedClock
from flashcards.services.collection import Collection
from flashcards.services.exporting import export_file
from flashcards.services.importing import import_file
from tests.anki_helpers import export_package, import_into_anki
from tests.conftest import SMALL_DECK, START


def test_notes_studied_in_anki_come_back_to_the_same_notes(tmp_path: Path) -> None:
    with Collection.open(tmp_path / "ours", clock=FixedClock(START), load_bundled=False) as col:
        import_file(col, SMALL_DECK)
        types_before = sorted(nt.name for nt in col.notetypes())
        notes_before = len(col.search(""))
        package = export_file(col, tmp_path / "to-anki.apkg").path
        anki, _ = import_into_anki(tmp_path / "anki", package)
        try:
            names = {m["name"] for m in anki.models.all()}
            assert {"Basic+", "Cloze+"} <= names  # Anki kept its own stock note types
            studied = anki.get_card(anki.find_cards("")[0])
            for _ in range(2):  # new → learning → review, with Anki's default steps
                studied.start_timer()
                anki.sched.answerCard(studied, 3)
                studied = anki.get_card(studied.id)
            guid = anki.get_note(studied.nid).guid
            back = export_package(anki, tmp_path / "from-anki.apkg", legacy=False)
        finally:
            anki.close()
        summary = import_file(col, back)
        assert summary.skipped == 0, summary.notes
        assert summary.added == 0
        assert sorted(nt.name for nt in col.notetypes()) == types_before
        assert len(col.search("")) == notes_before
        # Never studied here, studied in Anki: it takes Anki's schedule and answers.
        assert summary.progress_taken == 1
        assert summary.reviews >= 2
        (card_id,) = [
            c
            for c in col.search("")
            if col.note(col.card(c).note_id).guid == guid and col.card(c).ord == studied.ord
        ]
        assert col.card(card_id).reps == 2
