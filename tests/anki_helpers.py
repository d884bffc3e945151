"""Building and reading packages with the real `anki` library (the judge in interop tests).

Anki reads the wall clock, so the tests that compare schedules with real Anki
run our collection on a FixedClock set to the real "now" in the system time
zone: both sides must agree on what today is.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from anki.collection import (
    Collection as AnkiCollection,
)
from anki.collection import (
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)

PNG = b"\x89PNG\r\n\x1a\n" + hashlib.sha256(b"pic").digest() * 4
SOUND = b"ID3" + hashlib.sha256(b"sound").digest() * 8
NESTED = "AWS::EC2::구매 옵션"


def real_now() -> datetime:
    """The wall clock in the system zone: what the anki library itself uses."""
    return datetime.now().astimezone()


@dataclass
class AnkiSample:
    """What a sample Anki collection holds, as set on the Anki side."""

    basic_guid: str = ""
    reversed_guid: str = ""
    cloze_guid: str = ""
    plain_guid: str = ""
    anki_today: int = 0
    cards: dict[str, int] = field(default_factory=dict)
    """Role → Anki card id: reviewed, lapsed, suspended, buried, answered, low_ease."""


def build_sample(folder: Path) -> tuple[AnkiCollection, AnkiSample]:
    """A real Anki collection with Basic, reversed and Cloze notes, media and scheduling."""
    folder.mkdir(parents=True, exist_ok=True)
    col = AnkiCollection(str(folder / "collection.anki2"))
    sample = AnkiSample(anki_today=col.sched.today)
    (Path(col.media.dir()) / "구매.png").write_bytes(PNG)
    (Path(col.media.dir()) / "say.mp3").write_bytes(SOUND)
    nested = col.decks.id(NESTED)
    top = col.decks.id("AWS")

    basic = col.new_note(col.models.by_name("Basic"))
    basic["Front"] = "온디맨드 <b>인스턴스</b>"
    basic["Back"] = '초 단위 과금<br><img src="구매.png"> [sound:say.mp3]'
    basic.tags = ["aws", "ec2::purchase"]
    col.add_note(basic, nested)
    sample.basic_guid = basic.guid

    rev = col.new_note(col.models.by_name("Basic (and reversed card)"))
    rev["Front"] = "스팟 인스턴스"
    rev["Back"] = "최대 90% 할인 &amp; 중단 가능"
    rev.tags = ["aws"]
    col.add_note(rev, nested)
    sample.reversed_guid = rev.guid

    cloze = col.new_note(col.models.by_name("Cloze"))
    cloze["Text"] = "{{c1::리전}} 안에 {{c2::가용 영역}}이 있다"
    cloze["Back Extra"] = "<i>AZ</i>"
    col.add_note(cloze, top)
    sample.cloze_guid = cloze.guid

    plain = col.new_note(col.models.by_name("Basic"))
    plain["Front"] = "IAM"
    plain["Back"] = "사용자와 권한"
    col.add_note(plain, top)
    sample.plain_guid = plain.guid

    today = col.sched.today
    b, r1, r2 = basic.cards()[0], *rev.cards()
    c1, c2 = cloze.cards()
    _set(col, b, type=2, queue=2, ivl=10, factor=2300, due=today + 3, reps=5, lapses=1)
    _set(
        col,
        r1,
        type=3,
        queue=1,
        ivl=1,
        factor=2100,
        due=int(real_now().timestamp()) + 600,
        reps=7,
        lapses=2,
        left=1,
    )
    _set(col, r2, type=2, queue=-1, ivl=20, factor=2500, due=today + 5, reps=4, lapses=0)
    _set(col, c1, type=2, queue=2, ivl=4, factor=1250, due=today + 1, reps=3, lapses=3)
    _set(col, c2, type=0, queue=-3, due=c2.due)
    sample.cards = {
        "reviewed": b.id,
        "lapsed": r1.id,
        "suspended": r2.id,
        "low_ease": c1.id,
        "buried": c2.id,
    }
    answered = plain.cards()[0]
    col.decks.select(top)
    for _ in range(2):  # new → learning → review with the default steps (1m 10m)
        card = col.get_card(answered.id)
        card.start_timer()
        col.sched.answerCard(card, 3)
    sample.cards["answered"] = answered.id
    return col, sample


def _set(col: AnkiCollection, card: object, **values: int) -> None:
    for key, value in values.items():
        setattr(card, key, value)
    col.update_card(card)


def export_package(col: AnkiCollection, out: Path, *, legacy: bool) -> Path:
    col.export_anki_package(
        out_path=str(out),
        options=ExportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=True, with_media=True, legacy=legacy
        ),
        limit=None,
    )
    return out


def import_into_anki(folder: Path, package: Path) -> tuple[AnkiCollection, object]:
    """A fresh Anki collection in `folder` after importing `package` with scheduling."""
    folder.mkdir(parents=True, exist_ok=True)
    col = AnkiCollection(str(folder / "collection.anki2"))
    log = import_again(col, package)
    return col, log


def import_again(col: AnkiCollection, package: Path) -> object:
    request = ImportAnkiPackageRequest(
        package_path=str(package),
        options=ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True),
    )
    return col.import_anki_package(request).log
