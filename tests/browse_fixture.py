"""A small collection built by hand for search, browser and bulk-action tests.

Every card has a label; its state is set explicitly below, so each expected
search result in the tests can be read off this file.

Today is 2026-11-27 (study day T), clock 09:00 +09:00, rollover 4:00.

label   note (type)            deck                  tags               state
EC2     n1 Basic               AWS::EC2              aws::ec2 compute   review, due T-2, ivl 17,
                                                                        ease 2.70, reps 3
스팟    n2 Basic               AWS::EC2::구매 옵션   aws::ec2::pricing  review, due T+5, ivl 12,
                                                                        ease 1.90, reps 4, lapses 1
S3      n3 Basic               AWS                   aws::s3 storage    review, due T, ivl 6,
                                                                        ease 2.50, reps 2
리전    n4 Basic               AWS Awesome Day       event              review SUSPENDED, due T-1,
                                                                        ivl 30, ease 2.30, reps 6,
                                                                        lapses 3
사과>   n5 Basic+reversed (0)  한국어::어휘          어휘 fruit         new, buried until T+1
사과<   n5 Basic+reversed (1)  한국어::어휘          어휘 fruit         new
서울1   n6 Cloze (c1)          한국어::어휘          (none)             review, due T+1, ivl 1,
                                                                        ease 2.36, reps 1,
                                                                        re-drill pending today
서울2   n6 Cloze (c2)          한국어::어휘          (none)             new
SG      n7 Basic               AWS::EC2              AWS::Security      review, due T+40, ivl 40,
                                                     leech              ease 2.80, reps 9, lapses 8
SQL     n8 Basic               Default               sql                new, SUSPENDED

Notes n1–n4 were added on 2026-11-01, n5–n6 on 2026-11-20 09:00, n7 on
2026-11-27 at 03:30 (before the rollover: study day T-1), n8 on 2026-11-27 08:00.

Review log: EC2 REVIEW 4 on T-19; S3 REVIEW 5 on T-6; 스팟 REVIEW 1 on T-1;
서울1 REVIEW 2 then DRILL 3 on T; 리전 MANUAL (grade 0) on T.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from flashcards.core.clock import FixedClock
from flashcards.core.models import CardType, Queue, ReviewKind, ReviewLog
from flashcards.core.sm2 import Sm2State
from flashcards.services.collection import Collection

NOW = datetime.fromisoformat("2026-11-27T09:00:00+09:00")
NOW_TEXT = "2026-11-27T09:00:00+09:00"
ALL = frozenset({"EC2", "스팟", "S3", "리전", "사과>", "사과<", "서울1", "서울2", "SG", "SQL"})

_NOTES = (
    # (labels, created at, notetype, fields, deck, tags)
    (("EC2",), "2026-11-01T10:00:00+09:00", "Basic",
     ("EC2", "<b>가상</b> 서버 (Elastic Compute Cloud)"), "AWS::EC2", ("aws::ec2", "compute")),
    (("스팟",), "2026-11-01T10:01:00+09:00", "Basic",
     ("스팟 인스턴스", "남는 용량을 <i>할인</i>된 가격에"), "AWS::EC2::구매 옵션",
     ("aws::ec2::pricing",)),
    (("S3",), "2026-11-01T10:02:00+09:00", "Basic",
     ("S3", "객체 스토리지"), "AWS", ("aws::s3", "storage")),
    (("리전",), "2026-11-01T10:03:00+09:00", "Basic",
     ("리전", "Region: 여러 가용 영역"), "AWS Awesome Day", ("event",)),
    (("사과>", "사과<"), "2026-11-20T09:00:00+09:00", "Basic (and reversed card)",
     ("사과", "apple"), "한국어::어휘", ("어휘", "fruit")),
    (("서울1", "서울2"), "2026-11-20T09:01:00+09:00", "Cloze",
     ("{{c1::서울}}은 {{c2::한국}}의 수도", ""), "한국어::어휘", ()),
    (("SG",), "2026-11-27T03:30:00+09:00", "Basic",
     ("Security Group", "인스턴스 수준 방화벽 &amp; firewall"), "AWS::EC2",
     ("AWS::Security", "leech")),
    (("SQL",), "2026-11-27T08:00:00+09:00", "Basic",
     ("SELECT * FROM cards; --", "'; DROP TABLE notes; --"), "Default", ("sql",)),
)  # fmt: skip


def _state(
    sm2: tuple[int, int, float], due_offset: int, reps: int, lapses: int = 0
) -> dict[str, object]:
    return {
        "type": CardType.REVIEW,
        "queue": Queue.REVIEW,
        "sm2": Sm2State(*sm2),
        "due_offset": due_offset,
        "reps": reps,
        "lapses": lapses,
    }


_STATES: dict[str, dict[str, object]] = {
    "EC2": _state((3, 17, 2.7), -2, 3),
    "스팟": _state((2, 12, 1.9), 5, 4, 1),
    "S3": _state((2, 6, 2.5), 0, 2),
    "리전": _state((5, 30, 2.3), -1, 6, 3) | {"queue": Queue.SUSPENDED},
    "서울1": _state((1, 1, 2.36), 1, 1) | {"drill_today": True},
    "SG": _state((4, 40, 2.8), 40, 9, 8),
}

_LOGS = (
    # (label, days before today, grade, kind)
    ("EC2", 19, 4, ReviewKind.REVIEW),
    ("S3", 6, 5, ReviewKind.REVIEW),
    ("스팟", 1, 1, ReviewKind.REVIEW),
    ("서울1", 0, 2, ReviewKind.REVIEW),
    ("서울1", 0, 3, ReviewKind.DRILL),
    ("리전", 0, 0, ReviewKind.MANUAL),
)


Fixture = tuple[Collection, dict[str, int]]
"""A collection built by build() and its cards' ids by label."""


def build(data_dir: Path, clock: FixedClock | None = None) -> tuple[Collection, dict[str, int]]:
    """Create the fixture collection; return it (open, clock at NOW) and label → card id."""
    clock = clock or FixedClock(NOW)
    col = Collection.open(data_dir, clock=clock, load_bundled=False)
    ids: dict[str, int] = {}
    for labels, created, notetype, fields, deck, tags in _NOTES:
        clock.set(datetime.fromisoformat(created))
        _, cards = col.add_note(notetype, fields, deck=deck, tags=tags)
        assert len(cards) == len(labels)
        ids.update(zip(labels, (c.id for c in cards), strict=True))
    clock.set(NOW)
    today = col.today()
    store = col.store
    for label, state in _STATES.items():
        card = col.card(ids[label])
        changes = {k: v for k, v in state.items() if k not in ("due_offset", "drill_today")}
        changes["due"] = today + int(state["due_offset"])  # type: ignore[call-overload]
        if state.get("drill_today"):
            changes["drill_day"] = today
            changes["drill_due_ms"] = col.now_ms()
        store.cards.update(card.with_changes(**changes))
    buried = col.card(ids["사과>"])
    store.cards.update(buried.with_changes(buried_until=today + 1))
    sql = col.card(ids["SQL"])
    store.cards.update(sql.with_changes(queue=Queue.SUSPENDED))
    for label, ago, grade, kind in _LOGS:
        card = col.card(ids[label])
        store.reviews.insert(
            ReviewLog(
                0, card.id, col.now_ms() - ago * 86_400_000, today - ago, grade, kind,
                card.sm2, card.sm2, card.due, 5_000,
            )
        )  # fmt: skip
    return col, ids


def labels_of(card_ids: list[int] | tuple[int, ...], ids: dict[str, int]) -> set[str]:
    by_id = {v: k for k, v in ids.items()}
    return {by_id[i] for i in card_ids}
