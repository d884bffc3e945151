"""SIGKILL a real `flashcards review` mid-session: acknowledged answers survive, check passes."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from flashcards.services.collection import Collection
from tests.conftest import ROOT, SMALL_DECK, cli_env, run_cli

NOW = "2026-11-27T09:00:00+09:00"


def _review_process(data_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "flashcards", "review"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=cli_env(data_dir, NOW),
        cwd=ROOT,
        bufsize=1,
    )


def _kill_mid_session(data_dir: Path, rng: random.Random) -> int:
    """Answer a random number of cards, then SIGKILL; return how many were acknowledged."""
    proc = _review_process(data_dir)
    assert proc.stdin is not None
    assert proc.stdout is not None
    acknowledged = 0
    answers = rng.randint(0, 6)
    for i in range(answers + 1):
        proc.stdin.write(f"{rng.choice('0123455')}\n")
        proc.stdin.flush()
        if i == answers and rng.random() < 0.5:
            break  # kill while the last answer may be in flight
        while True:
            line = proc.stdout.readline()
            if not line:
                break
            if "Saved:" in line:
                acknowledged += 1
                break
        if not line:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return acknowledged


def test_killed_review_loses_no_acknowledged_answer(tmp_path: Path) -> None:
    rng = random.Random(20261127)
    for round_ in range(6):
        data_dir = tmp_path / f"round{round_}"
        assert run_cli(["import", str(SMALL_DECK)], data_dir).returncode == 0
        committed = 0
        for _ in range(3):
            acknowledged = _kill_mid_session(data_dir, rng)
            stats = json.loads(run_cli(["stats", "--json"], data_dir).stdout)
            # Every acknowledged answer is on disk; at most one more was committed unprinted.
            assert (
                committed + acknowledged <= stats["reviews_total"] <= committed + acknowledged + 1
            )
            committed = stats["reviews_total"]
            check = run_cli(["check", "--json", "--no-repair"], data_dir)
            assert check.returncode == 0, check.stdout
            assert json.loads(check.stdout)["ok"] is True


def _big_deck(path: Path, notes: int) -> Path:
    lines = ["#separator:tab", "#html:true", "#deck:Crash"]
    lines += [f"질문 {i} question\t답 {i} answer" for i in range(notes)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import_process(deck: Path, data_dir: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "flashcards", "import", str(deck)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=cli_env(data_dir, NOW),
        cwd=ROOT,
    )


def test_killed_import_is_all_or_nothing(tmp_path: Path) -> None:
    rng = random.Random(7)
    deck = _big_deck(tmp_path / "big.txt", 3000)
    # Time one whole import, so the kill points can be spread across its duration.
    started = time.monotonic()
    assert _import_process(deck, tmp_path / "timing").wait() == 0
    duration = time.monotonic() - started
    mid_import = 0
    for round_ in range(8):
        data_dir = tmp_path / f"round{round_}"
        baseline = json.loads(run_cli(["stats", "--json"], data_dir).stdout)["notes"]
        proc = _import_process(deck, data_dir)
        try:
            proc.wait(timeout=rng.uniform(0.1, 1.0) * duration)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        notes = json.loads(run_cli(["stats", "--json"], data_dir).stdout)["notes"]
        assert notes in (baseline, baseline + 3000), notes
        mid_import += notes == baseline
        check = run_cli(["check", "--json", "--no-repair"], data_dir)
        assert json.loads(check.stdout)["ok"] is True
    assert mid_import > 0  # the harness really did interrupt imports


BULK_DRIVER = """
import random, sys
from flashcards.app import open_collection
rng = random.Random(int(sys.argv[1]))
with open_collection(None) as col:
    ids = col.search("deck:Crash")
    for i in range(1000):
        chosen = rng.sample(ids, 40)
        col.add_tags(chosen, [f"r{sys.argv[1]}k{i}"])
        print(f"ACK tag {i} {','.join(map(str, chosen))}", flush=True)
        action = i % 4
        if action == 0:
            col.move_cards(chosen, f"Crash::{i % 3}")
        elif action == 1:
            col.suspend_cards(chosen)
        elif action == 2:
            col.reset_cards(chosen)
        else:
            col.set_due_date(chosen, 3)
        print(f"ACK bulk {i}", flush=True)
"""


def test_killed_bulk_edits_are_whole_or_absent(tmp_path: Path) -> None:
    rng = random.Random(11)
    deck = _big_deck(tmp_path / "crash.txt", 300)
    data_dir = tmp_path / "data"
    assert run_cli(["import", str(deck)], data_dir).returncode == 0
    for round_ in range(12):
        proc = subprocess.Popen(
            [sys.executable, "-c", BULK_DRIVER, str(round_)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=cli_env(data_dir, NOW),
            cwd=ROOT,
        )
        assert proc.stdout is not None
        acknowledged: dict[int, list[int]] = {}
        target = rng.randint(1, 12)
        for line in proc.stdout:
            parts = line.split()
            if parts[:2] == ["ACK", "tag"]:
                acknowledged[int(parts[2])] = [int(x) for x in parts[3].split(",")]
            if len(acknowledged) >= target:
                break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with Collection.open(data_dir) as col:
            for i, cards in acknowledged.items():
                assert sorted(col.search(f"tag:r{round_}k{i}")) == sorted(cards)
            report = col.check()
            assert report.ok, report.problems
