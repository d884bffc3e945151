"""Benchmark: search, browser and statistics on a 100,000-card collection, against Anki.

Not part of the test suite. Builds (once, cached under --work) a collection of
realistic Korean/English notes through the storage layer in bulk, and the same
notes, decks, tags and schedule in a real Anki collection through its API; then
times each query (one warm-up, median of --repeat runs) in both and prints a table.

    python benchmarks/search_stats.py [--cards 100000] [--repeat 7] [--work DIR] [--no-anki]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from flashcards.core.clock import FixedClock  # noqa: E402
from flashcards.core.models import Card, CardType, Note, Queue, ReviewKind, ReviewLog  # noqa: E402
from flashcards.core.search import SortColumn  # noqa: E402
from flashcards.core.sm2 import Sm2State, review  # noqa: E402
from flashcards.core.template import card_ordinals  # noqa: E402
from flashcards.services.collection import Collection  # noqa: E402
from flashcards.services.notes import guid_for  # noqa: E402
from flashcards.storage import Store  # noqa: E402

NOW = datetime.fromisoformat("2026-11-27T09:00:00+09:00")

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


def plan_schedule(rng: random.Random, today: int) -> Schedule:
    """60% of cards learned, with an SM-2 history that began up to three years ago."""
    if rng.random() >= 0.6:
        return Schedule(suspended=rng.random() < 0.03)
    state = Sm2State()
    day = today - rng.randint(2, 1100)
    reviews: list[tuple[int, int, int]] = []
    lapses = 0
    while day < today:
        grade = rng.choices((5, 4, 3, 2, 1), weights=(35, 35, 15, 10, 5))[0]
        if grade < 3 and state.repetitions > 0:
            lapses += 1
        reviews.append((day, grade, rng.randint(2_000, 20_000)))
        state = review(state, grade)
        day += state.interval
    return Schedule(
        type=CardType.REVIEW,
        suspended=rng.random() < 0.03,
        buried=rng.random() < 0.005,
        due=day,
        state=state,
        reps=len(reviews),
        lapses=lapses,
        reviews=tuple(reviews),
    )


def build_flashcards(path: Path, plans: list[Plan], schedules: list[list[Schedule]]) -> None:
    """The collection at `path`, written through the storage repositories in one transaction."""
    col = Collection.open(path, clock=FixedClock(NOW), load_bundled=False)
    store = col.store
    today, now_ms = col.today(), col.now_ms()
    types = {nt.name: nt for nt in col.notetypes()}
    with store.atomic():
        deck_ids = {name: store.decks.ensure(name, now_ms).id for name in {p.deck for p in plans}}
        position = 0
        for index, plan in enumerate(plans):
            nt = types[plan.notetype]
            created = now_ms - (len(plans) - index) * 60_000
            note = Note(
                0, guid_for("bench", str(index)), nt.id, plan.fields, plan.tags, created, created
            )
            note_id = store.notes.insert(note, nt.sort_field)
            for ord_, sched in zip(card_ordinals(nt, plan.fields), schedules[index], strict=True):
                card = Card(0, note_id, deck_ids[plan.deck], ord_, due=position, created_ms=created)
                position += 1
                _write_card(store, card, sched, today, now_ms)
    col.close()


def _write_card(store: Store, card: Card, sched: Schedule, today: int, now_ms: int) -> None:
    if sched.type == CardType.REVIEW:
        card = card.with_changes(
            type=CardType.REVIEW,
            queue=Queue.REVIEW,
            due=sched.due,
            sm2=sched.state,
            reps=sched.reps,
            lapses=sched.lapses,
            buried_until=today + 1 if sched.buried else 0,
        )
    if sched.suspended:
        card = card.with_changes(queue=Queue.SUSPENDED)
    card_id = store.cards.insert(card)
    before = Sm2State()
    for day, grade, duration in sched.reviews:
        after = review(before, grade)
        time_ms = now_ms - (today - day) * 86_400_000
        log = ReviewLog(
            0,
            card_id,
            time_ms,
            day,
            grade,
            ReviewKind.REVIEW,
            before,
            after,
            day + after.interval,
            duration,
        )
        store.reviews.insert(log)
        before = after


def _anki_ease(grade: int) -> int:
    """SM-2 grade → Anki's answer button (1 again … 4 easy)."""
    return 1 if grade < 3 else grade - 1


def build_anki(path: Path, plans: list[Plan], schedules: list[list[Schedule]], today: int) -> None:
    """The same notes, decks, tags, schedule and review log in a real Anki collection."""
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
    updates, logs = [], []
    log_id = now_ms - 4000 * 86_400_000
    for request, plan_schedules in zip(requests, schedules, strict=True):
        for ord_, sched in enumerate(plan_schedules):
            cid = card_ids[(request.note.id, ord_)]
            if sched.type == CardType.NEW:
                if sched.suspended:
                    updates.append((0, -1, 0, ord_, 0, 0, 0, cid))
                continue
            queue = -1 if sched.suspended else (-3 if sched.buried else 2)
            due = sched.due - today + anki_today
            factor = round(sched.state.easiness * 1000)
            ivl = sched.state.interval
            updates.append((2, queue, ivl, due, factor, sched.reps, sched.lapses, cid))
            before = Sm2State()
            for day, grade, duration in sched.reviews:
                after = review(before, grade)
                log_id += 1
                stamp = now_ms - (today - day) * 86_400_000 + log_id % 86_400_000 // 10
                kind = 0 if before.interval == 0 else (2 if grade < 3 else 1)
                logs.append(
                    (
                        stamp * 1000 + log_id % 1000,
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
    acol.db.executemany(
        "insert or ignore into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
        "values (?, ?, 0, ?, ?, ?, ?, ?, ?)",
        logs,
    )
    acol.close()


# -- timing --------------------------------------------------------------------


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median wall time in ms over `repeat` runs, after one warm-up run; and the result."""
    result = fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def _size(result: object) -> str:
    if hasattr(result, "card_ids"):
        return str(len(result.card_ids))
    if hasattr(result, "__len__"):
        return str(len(result))
    return "—"


QUERIES = (
    "deck:AWS::EC2 tag:aws",
    "스토리지",
    "가용",
    '"security group"',
    "is:due",
    "prop:ivl>=10",
    "prop:ease<2 -is:new",
)


def run(work: Path, cards: int, repeat: int, with_anki: bool) -> None:
    fc_dir, anki_path = work / "flashcards", work / "anki" / "collection.anki2"
    stamp = work / f"built-{cards}"
    if not stamp.exists():
        shutil.rmtree(work, ignore_errors=True)
        (work / "anki").mkdir(parents=True)
        plans = plan_notes(cards)
        col = Collection.open(fc_dir, clock=FixedClock(NOW), load_bundled=False)
        today = col.today()
        types = {nt.name: nt for nt in col.notetypes()}
        col.close()
        rng = random.Random(8)
        schedules = [
            [plan_schedule(rng, today) for _ in card_ordinals(types[p.notetype], p.fields)]
            for p in plans
        ]
        started = time.perf_counter()
        build_flashcards(fc_dir, plans, schedules)
        print(f"built flashcards collection in {time.perf_counter() - started:.0f} s")
        if with_anki:
            started = time.perf_counter()
            build_anki(anki_path, plans, schedules, today)
            print(f"built Anki collection in {time.perf_counter() - started:.0f} s")
        stamp.touch()
    col = Collection.open(fc_dir, clock=FixedClock(NOW), load_bundled=False)
    acol = None
    if with_anki and anki_path.exists():
        from anki.collection import Collection as AnkiCollection

        acol = AnkiCollection(str(anki_path))
        acol.load_browser_card_columns()
    counts = col.stats()
    print(
        f"\n{counts['cards']} cards, {counts['notes']} notes, "
        f"{counts['reviews_total']} review-log answers; median of {repeat} runs after a warm-up\n"
    )
    rows: list[tuple[str, float, str, float | None, str]] = []

    def compare(
        label: str, ours: Callable[[], object], theirs: Callable[[], object] | None
    ) -> None:
        ms, result = timed(ours, repeat)
        anki_ms, anki_result = timed(theirs, repeat) if theirs and acol else (None, None)
        rows.append((label, ms, _size(result), anki_ms, _size(anki_result)))

    for query in QUERIES:
        compare(
            f"search {query}",
            lambda q=query: col.search(q),
            (lambda q=query: acol.find_cards(q)) if acol else None,
        )
    due_column = acol.get_browser_column("cardDue") if acol else None
    compare(
        "sort all cards by due",
        lambda: col.browse("", SortColumn.DUE),
        (lambda: acol.find_cards("", order=due_column)) if acol else None,
    )
    sort_column = acol.get_browser_column("noteFld") if acol else None
    compare(
        "sort all cards by sort field",
        lambda: col.browse("", SortColumn.SORT_FIELD),
        (lambda: acol.find_cards("", order=sort_column)) if acol else None,
    )
    compare(
        "browse deck + tag, by sort field",
        lambda: col.browse("deck:AWS::EC2 tag:aws", SortColumn.SORT_FIELD),
        (lambda: acol.find_cards("deck:AWS::EC2 tag:aws", order=sort_column)) if acol else None,
    )
    page = col.browse("", SortColumn.SORT_FIELD).card_ids[:50]
    anki_page = acol.find_cards("", order=sort_column)[:50] if acol else []
    compare(
        "first page of rows (50)",
        lambda: col.browse_rows(page),
        (lambda: [list(acol.browser_row_for_id(i)[0]) for i in anki_page]) if acol else None,
    )
    compare(
        "full statistics",
        lambda: col.statistics(),
        (lambda: acol._backend.graphs(search="", days=365)) if acol else None,
    )
    compare(
        "statistics of deck AWS",
        lambda: col.statistics("AWS"),
        (lambda: acol._backend.graphs(search="deck:AWS", days=365)) if acol else None,
    )
    _print_table(rows)
    _bulk_actions(col)
    col.close()
    if acol:
        acol.close()


def _bulk_actions(col: Collection) -> None:
    """Each bulk action once on 10,000 cards, then its undo (which restores the data)."""
    selection = list(col.browse("", SortColumn.DUE).card_ids[::10])
    actions: list[tuple[str, Callable[[], object]]] = [
        ("suspend", lambda: col.suspend_cards(selection)),
        ("move to a new deck", lambda: col.move_cards(selection, "Bench::Moved")),
        ("add a tag", lambda: col.add_tags(selection, ["bench"])),
        ("reset to new", lambda: col.reset_cards(selection)),
        ("set due date 1-7", lambda: col.set_due_date(selection, 1, 7)),
        ("delete notes", lambda: col.delete_notes(selection[:5000])),
    ]
    print(f"\nbulk actions on {len(selection)} cards (delete: 5000), one run each")
    for label, action in actions:
        started = time.perf_counter()
        action()
        done = time.perf_counter()
        col.undo()
        undone = time.perf_counter()
        action_ms, undo_ms = (done - started) * 1000, (undone - done) * 1000
        print(f"  {label:<20} {action_ms:8.0f} ms   undo {undo_ms:6.0f} ms")


def _print_table(rows: list[tuple[str, float, str, float | None, str]]) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"{'operation':<{width}}  {'flashcards':>10}  {'cards':>7}  {'Anki':>9}  {'cards':>7}")
    for label, ms, size, anki_ms, anki_size in rows:
        anki = "—" if anki_ms is None else f"{anki_ms:7.1f} ms"
        print(f"{label:<{width}}  {ms:7.1f} ms  {size:>7}  {anki:>9}  {anki_size:>7}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--work", type=Path, default=Path("/tmp/flashcards-bench"))
    parser.add_argument("--no-anki", action="store_true", help="time flashcards only")
    args = parser.parse_args()
    run(args.work, args.cards, args.repeat, not args.no_anki)


if __name__ == "__main__":
    main()
