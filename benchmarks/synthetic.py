"""Synthetic collections for the benchmarks: the same notes and schedule in flashcards and Anki.

Realistic Korean/English notes (Basic, Basic (and reversed card), Cloze) in a
tree of decks with tags. 60% of the cards have been learned with an exact SM-2
history of 3–7 reviews (about 5) ending on their due day; 10% of all cards are
due today (a few days overdue, some of them); 3% are suspended. Everything is
derived from fixed seeds, so a size always gives the same collection.

Ours is written through the storage layer in bulk (`store.bulk`, one
transaction); Anki's (benchmarks/synthetic_anki.py) through its API plus two
`executemany` for the schedule and the review log. `ensure_built` caches both
under a work directory.
"""

from __future__ import annotations

import json
import random
import shutil
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from flashcards.core.clock import FixedClock
from flashcards.core.models import CardType, NoteType
from flashcards.core.sm2 import Sm2State, review
from flashcards.core.template import card_ordinals
from flashcards.core.text import strip_html
from flashcards.services.collection import Collection
from flashcards.services.notes import guid_for
from flashcards.storage.rows import join_tags

NOW = datetime.fromisoformat("2026-11-27T09:00:00+09:00")
"""The benchmarks' clock: every collection is generated and studied at this instant."""

LEARNED_SHARE = 0.6
DUE_SHARE = 0.1

KOREAN = (
    "컴퓨팅 요구 사항의 변화에 따라 컴퓨팅 파워를 조정한다",
    "리전 안에 여러 개의 가용 영역이 있다",
    "자본 비용을 가변 비용으로 대체할 수 있다",
    "태그를 사용하여 리소스를 관리할 수 있다",
    "중단과 종료의 차이를 알아야 한다",
    "종료는 인스턴스를 삭제하는 것이다",
    "사전 정의된 아마존 머신 이미지에서 인스턴스를 시작한다",
    "인스턴스 유형을 선택한다",
    "네트워크와 IP 주소를 선택한다",
    "시작 시에 인스턴스에 사용자 데이터를 전달한다",
    "객체 스토리지는 용량 제한 없이 데이터를 저장한다",
    "블록 스토리지는 인스턴스에 연결하는 볼륨이다",
    "보안 그룹은 인스턴스 수준의 가상 방화벽이다",
    "네트워크 ACL은 서브넷 수준에서 트래픽을 제어한다",
    "온디맨드 인스턴스는 사용한 만큼 초 단위로 지불한다",
    "예약 인스턴스는 약정으로 비용을 절감한다",
    "스팟 인스턴스는 남는 용량을 할인된 가격에 사용한다",
    "전용 호스트는 물리 서버 전체를 사용한다",
    "관리형 관계형 데이터베이스 서비스",
    "서버를 관리하지 않고 코드를 실행한다",
    "사용자와 권한을 관리한다",
    "콘텐츠 전송 네트워크로 지연 시간을 줄인다",
    "트래픽을 여러 대상에 분산한다",
    "수요에 따라 인스턴스 수를 자동으로 조정한다",
    "지표와 로그를 수집하고 경보를 설정한다",
    "규모의 경제로 비용을 낮춘다",
    "필요한 용량을 추정할 필요가 없다",
    "몇 분 만에 전 세계에 배포할 수 있다",
    "데이터를 수집하고 저장하고 분석한다",
    "공동 책임 모델에서 고객은 클라우드 안의 보안을 책임진다",
    "가상 서버",
    "객체 스토리지",
    "블록 스토리지",
    "사과는 빨간색이다",
    "도서관에서 책을 빌렸다",
    "내일 아침에 회의가 있다",
    "한국어 문법을 복습한다",
    "단어의 뜻을 외운다",
)
ENGLISH = (
    "Amazon Elastic Compute Cloud",
    "Simple Storage Service",
    "Elastic Block Store",
    "Identity and Access Management",
    "Virtual Private Cloud",
    "Relational Database Service",
    "Lambda function",
    "CloudFront distribution",
    "Elastic Load Balancing",
    "Auto Scaling group",
    "CloudWatch alarm",
    "security group",
    "network ACL",
    "availability zone",
    "region",
    "on-demand instance",
    "reserved instance",
    "spot instance",
    "dedicated host",
    "shared responsibility model",
    "the quick brown fox",
    "library",
    "vocabulary",
    "grammar review",
    "meeting tomorrow morning",
)
TERMS = ("EC2", "S3", "EBS", "IAM", "VPC", "RDS", "Lambda", "ELB", "CloudWatch", "Route 53")
DECK_ROOTS = {
    "AWS": ("EC2::구매 옵션", "EC2::인스턴스", "S3", "보안::IAM", "보안::네트워크", "데이터베이스"),
    "한국어": ("어휘::명사", "어휘::동사", "문법"),
    "English": ("Vocabulary", "Idioms"),
}
TAGS = (
    "aws",
    "aws::ec2",
    "aws::s3",
    "aws::security",
    "exam",
    "어휘",
    "문법",
    "leech-candidate",
    "review",
    "중요",
)


def _text(rng: random.Random) -> str:
    parts = [rng.choice(KOREAN) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.5:
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(ENGLISH))
    text = ". ".join(parts)
    if rng.random() < 0.3:
        text = f"<b>{text}</b>"
    if rng.random() < 0.2:
        text += "<br>" + rng.choice(ENGLISH)
    return text


@dataclass(frozen=True)
class Plan:
    """One note of the generated collection, shared by both apps."""

    notetype: str
    fields: tuple[str, ...]
    deck: str
    tags: tuple[str, ...]


def plan_notes(target_cards: int, seed: int = 6) -> list[Plan]:
    """Notes that make exactly `target_cards` cards: half Basic, the rest reversed or cloze."""
    rng = random.Random(seed)
    decks = [f"{root}::{sub}" for root, subs in DECK_ROOTS.items() for sub in subs]
    plans: list[Plan] = []
    cards = 0
    serial = 0
    while cards < target_cards:
        serial += 1
        deck = rng.choice(decks)
        tags = tuple(sorted(set(rng.sample(TAGS, rng.randint(0, 3)))))
        tags += (f"src::notes.md::L{serial % 5000}",)
        roll = rng.random()
        if roll < 0.5:
            fields: tuple[str, ...] = (f"{rng.choice(TERMS)} {serial}", _text(rng))
            plans.append(Plan("Basic", fields, deck, tags))
            cards += 1
        elif roll < 0.8 and cards + 2 <= target_cards:
            fields = (f"{rng.choice(ENGLISH)} {serial}", _text(rng))
            plans.append(Plan("Basic (and reversed card)", fields, deck, tags))
            cards += 2
        else:
            words = rng.choice(KOREAN).split()
            k = min(len(words), rng.randint(1, 2), target_cards - cards)
            for i in range(k):
                words[i] = f"{{{{c{i + 1}::{words[i]}}}}}"
            plans.append(Plan("Cloze", (" ".join(words) + f" ({serial})", ""), deck, tags))
            cards += k
    return plans


@dataclass
class Schedule:
    """One card's state and history, shared by both apps (days are study-day numbers)."""

    type: CardType = CardType.NEW
    suspended: bool = False
    buried: bool = False
    due: int = 0
    state: Sm2State = field(default_factory=Sm2State)
    reps: int = 0
    lapses: int = 0
    reviews: tuple[tuple[int, int, int], ...] = ()  # (day, grade, duration ms)


def _history(rng: random.Random) -> tuple[list[int], list[Sm2State]]:
    """3–7 SM-2 grades and the state after each."""
    grades = rng.choices((5, 4, 3, 2, 1), weights=(35, 35, 15, 10, 5), k=rng.randint(3, 7))
    states, state = [], Sm2State()
    for grade in grades:
        state = review(state, grade)
        states.append(state)
    return grades, states


def plan_schedule(rng: random.Random, today: int) -> Schedule:
    """A card's schedule: 40% new, 10% (of all cards) due today, the rest due later.

    Learned cards were reviewed on time: each review fell on the day the
    previous one scheduled, and the last one scheduled `due`.
    """
    roll = rng.random()
    if roll >= LEARNED_SHARE:
        return Schedule(suspended=rng.random() < 0.03)
    due_now = roll < DUE_SHARE
    grades, states = _history(rng)
    while not due_now and states[-1].interval < 2:
        grades, states = _history(rng)
    if due_now:
        due = today - min(int(rng.expovariate(1 / 3)), 60)
    else:
        due = today + rng.randint(1, states[-1].interval - 1)
    days = [due - states[-1].interval]
    for state in reversed(states[:-1]):
        days.append(days[-1] - state.interval)
    days.reverse()
    lapses = sum(g < 3 for g, s in zip(grades[1:], states, strict=False) if s.repetitions > 0)
    return Schedule(
        type=CardType.REVIEW,
        suspended=not due_now and rng.random() < 0.03,
        buried=not due_now and rng.random() < 0.005,
        due=due,
        state=states[-1],
        reps=len(grades),
        lapses=lapses,
        reviews=tuple(
            (day, grade, rng.randint(2_000, 20_000))
            for day, grade in zip(days, grades, strict=True)
        ),
    )


def plan_schedules(
    plans: Sequence[Plan], notetypes: dict[str, NoteType], today: int
) -> list[list[Schedule]]:
    rng = random.Random(8)
    return [
        [plan_schedule(rng, today) for _ in card_ordinals(notetypes[p.notetype], p.fields)]
        for p in plans
    ]


# -- flashcards ------------------------------------------------------------------

_CHUNK = 20_000


def _card_row(
    card_id: int, note_id: int, deck_id: int, ord_: int, position: int, s: Schedule, today: int
) -> tuple[object, ...]:
    """A row for BulkRepo.insert_cards (columns as storage.bulk._CARD_COLUMNS)."""
    created = 0
    if s.type == CardType.NEW:
        queue = -1 if s.suspended else 0
        return (card_id, note_id, deck_id, ord_, 0, queue, position, 0, 0, 250, 0, 0, 0,
                None, None, created, created)  # fmt: skip
    queue = -1 if s.suspended else 1
    buried = today + 1 if s.buried else 0
    return (card_id, note_id, deck_id, ord_, 1, queue, s.due, s.state.repetitions,
            s.state.interval, s.state.easiness_hundredths, s.reps, s.lapses, buried,
            None, None, created, created)  # fmt: skip


def _log_rows(card_id: int, s: Schedule, today: int, now_ms: int) -> Iterator[tuple[object, ...]]:
    """Rows for BulkRepo.insert_logs: one REVIEW entry per planned review."""
    before = Sm2State()
    for day, grade, duration in s.reviews:
        after = review(before, grade)
        time_ms = now_ms - (today - day) * 86_400_000
        yield (card_id, time_ms, day, grade, 0, before.repetitions, before.interval,
               before.easiness_hundredths, after.repetitions, after.interval,
               after.easiness_hundredths, day + after.interval, duration)  # fmt: skip
        before = after


def build_flashcards(path: Path, plans: list[Plan], schedules: list[list[Schedule]]) -> None:
    """The collection at `path`, written in bulk through the storage layer, one transaction."""
    col = Collection.open(path, clock=FixedClock(NOW), load_bundled=False)
    store = col.store
    today, now_ms = col.today(), col.now_ms()
    types = {nt.name: nt for nt in col.notetypes()}
    with store.bulk.bulk_transaction(rebuild_indexes=True):
        deck_ids = {
            name: store.decks.ensure(name, now_ms).id for name in sorted({p.deck for p in plans})
        }
        note_id, card_id = store.bulk.next_ids()
        position = 0
        for start in range(0, len(plans), _CHUNK):
            notes, cards, logs = [], [], []
            for index in range(start, min(start + _CHUNK, len(plans))):
                plan, nt = plans[index], types[plans[index].notetype]
                created = now_ms - (len(plans) - index) * 60_000
                sort = plan.fields[nt.sort_field] if nt.sort_field < len(plan.fields) else ""
                fields = json.dumps(list(plan.fields), ensure_ascii=False)
                guid = guid_for("bench", str(index))
                tags = join_tags(plan.tags)
                notes.append(
                    (note_id, guid, nt.id, fields, strip_html(sort), tags, created, created)
                )
                ords = card_ordinals(nt, plan.fields)
                for ord_, sched in zip(ords, schedules[index], strict=True):
                    deck = deck_ids[plan.deck]
                    cards.append(_card_row(card_id, note_id, deck, ord_, position, sched, today))
                    logs.extend(_log_rows(card_id, sched, today, now_ms))
                    card_id += 1
                    position += 1
                note_id += 1
            store.bulk.insert_notes(notes)
            store.bulk.insert_cards(cards)
            store.bulk.insert_logs(logs)
    col.close()


# -- the cache -------------------------------------------------------------------


@dataclass(frozen=True)
class Built:
    """A generated collection: our data directory and, when built, the Anki file."""

    cards: int
    flashcards: Path
    anki: Path | None
    anki_day: int = 0
    """Anki's day number for the collection's today, when it was built."""


def ensure_built(work: Path, cards: int, with_anki: bool, log: bool = True) -> Built:
    """The collections of `cards` cards under `work`, generated on first use only."""
    fc_dir, anki_path = work / "flashcards", work / "anki" / "collection.anki2"
    fc_stamp, anki_stamp = work / "built-flashcards", work / "built-anki"
    plans: list[Plan] | None = None
    schedules: list[list[Schedule]] = []
    today = 0
    if not fc_stamp.exists() or (with_anki and not anki_stamp.exists()):
        plans = plan_notes(cards)
        col = Collection.open(work / "probe", clock=FixedClock(NOW), load_bundled=False)
        today, types = col.today(), {nt.name: nt for nt in col.notetypes()}
        col.close()
        shutil.rmtree(work / "probe")
        schedules = plan_schedules(plans, types, today)
    if plans is not None and not fc_stamp.exists():
        shutil.rmtree(fc_dir, ignore_errors=True)
        started = time.perf_counter()
        build_flashcards(fc_dir, plans, schedules)
        fc_stamp.touch()
        if log:
            print(f"  built {cards:,} cards (flashcards) in {time.perf_counter() - started:.0f} s")
    if plans is not None and with_anki and not anki_stamp.exists():
        shutil.rmtree(anki_path.parent, ignore_errors=True)
        anki_path.parent.mkdir(parents=True)
        started = time.perf_counter()
        from benchmarks.synthetic_anki import build_anki

        anki_today = build_anki(anki_path, plans, schedules, today)
        anki_stamp.write_text(str(anki_today))
        if log:
            print(f"  built {cards:,} cards (Anki) in {time.perf_counter() - started:.0f} s")
    Collection.open(fc_dir, clock=FixedClock(NOW), load_bundled=False).close()  # migrated
    if not anki_stamp.exists():
        return Built(cards, fc_dir, None)
    return Built(cards, fc_dir, anki_path, int(anki_stamp.read_text() or 0))
