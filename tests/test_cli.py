"""The `flashcards` command as a real process: every command, JSON shapes, bad arguments."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import SMALL_DECK, run_cli

TODAY = "2026-11-27T09:00:00+09:00"
TOMORROW = "2026-11-28T09:00:00+09:00"


def stats_of(data_dir: Path, now: str = TODAY) -> dict[str, int]:
    result = run_cli(["stats", "--json"], data_dir, now=now)
    assert result.returncode == 0, result.stderr
    data: dict[str, int] = json.loads(result.stdout)
    return data


@pytest.fixture
def bundled_only(data_dir: Path) -> dict[str, int]:
    """Stats of a fresh collection: the bundled decks, loaded on first use."""
    return stats_of(data_dir)


@pytest.fixture
def loaded(data_dir: Path, bundled_only: dict[str, int]) -> Path:
    result = run_cli(["import", str(SMALL_DECK)], data_dir)
    assert result.returncode == 0, result.stderr
    assert "5 added" in result.stdout
    return data_dir


def test_decks_json_shape(loaded: Path) -> None:
    result = run_cli(["decks", "--json"], loaded)
    assert result.returncode == 0, result.stderr
    decks = {d["name"]: d for d in json.loads(result.stdout) if d["name"].startswith("Test")}
    assert set(decks) == {"Test", "Test::A", "Test::B"}
    assert decks["Test"] == {"name": "Test", "new": 7, "due": 0, "redrill": 0, "cards": 7}
    assert decks["Test::B"]["cards"] == 4


def test_stats_json_shape(loaded: Path, bundled_only: dict[str, int]) -> None:
    stats = stats_of(loaded)
    for key in ("decks", "notes", "cards", "new", "due_today", "reviews_total", "reviews_today"):
        assert key in stats
    added = {k: stats[k] - bundled_only[k] for k in ("decks", "notes", "cards", "new", "due_today")}
    assert added == {"decks": 3, "notes": 5, "cards": 7, "new": 7, "due_today": 0}


def test_review_over_a_pipe_then_tomorrow(loaded: Path) -> None:
    # Five new cards (one per note). Reveal + grade the first, grade the rest directly.
    result = run_cli(["review", "--deck", "Test"], loaded, stdin="\n5\n4\n4\n3\n5\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Saved: grade") == 5
    # The 3 needs a re-drill today: it is offered again, and stdin ran out → clean exit.
    assert "re-drill 1" in result.stdout
    assert stats_of(loaded)["reviews_today"] == 5
    tomorrow = stats_of(loaded, TOMORROW)
    assert tomorrow["due_today"] == 5
    assert tomorrow["reviews_today"] == 0
    second = run_cli(
        ["review", "--deck", "Test"], loaded, now=TOMORROW, stdin="4\n4\n4\n4\n4\n4\n4\nq\n"
    )
    assert second.returncode == 0
    # Second successful repetition: SM-2 gives 6 days.
    assert "next in 6d (due 2026-12-04)" in second.stdout


def test_review_quits_and_leftover_input_is_harmless(loaded: Path) -> None:
    result = run_cli(["review", "--deck", "Test"], loaded, stdin="q\n5\n5\n5\nrm -rf /\n")
    assert result.returncode == 0
    assert "Saved" not in result.stdout
    result = run_cli(["review", "--deck", "Test"], loaded, stdin="5\n" * 40)
    assert result.returncode == 0
    assert "Nothing more" in result.stdout or "Session:" in result.stdout


def test_review_undo(loaded: Path) -> None:
    result = run_cli(["review", "--deck", "Test"], loaded, stdin="5\nu\nq\n")
    assert "Undone." in result.stdout
    stats = json.loads(run_cli(["stats", "--json"], loaded).stdout)
    assert stats["reviews_total"] == 0


def test_check_ok_then_tampered(loaded: Path) -> None:
    run_cli(["review", "--deck", "Test"], loaded, stdin="5\nq\n")
    ok = run_cli(["check", "--json", "--no-repair"], loaded)
    assert ok.returncode == 0
    assert json.loads(ok.stdout)["ok"] is True
    with sqlite3.connect(loaded / "collection.sqlite") as conn:
        conn.execute("UPDATE cards SET interval = 99 WHERE reps > 0")
    bad = run_cli(["check", "--no-repair"], loaded)
    assert bad.returncode == 1
    assert "differs from its review log" in bad.stdout
    fixed = run_cli(["check"], loaded)
    assert fixed.returncode == 0
    assert "repaired:" in fixed.stdout
    assert run_cli(["check", "--no-repair"], loaded).returncode == 0


@pytest.mark.parametrize(
    "args",
    [["frobnicate"], ["decks", "--jsn"], ["review", "--deck"], ["import"], ["--data-dir"]],
)
def test_bad_arguments_are_one_line_and_exit_2(args: list[str], data_dir: Path) -> None:
    result = run_cli(args, data_dir)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("flashcards")
    assert ": error: " in lines[0]


def test_user_errors_exit_1_with_one_sentence(loaded: Path, tmp_path: Path) -> None:
    missing_deck = run_cli(["review", "--deck", "Nope"], loaded)
    assert missing_deck.returncode == 1
    assert missing_deck.stderr.strip() == "flashcards: error: there is no deck called 'Nope'"
    bad_now = run_cli(["stats"], loaded, now="yesterday")
    assert bad_now.returncode == 1
    assert "FLASHCARDS_NOW" in bad_now.stderr
    missing_file = run_cli(["import", str(tmp_path / "nothing.txt")], loaded)
    assert missing_file.returncode == 1
    assert "no such file" in missing_file.stderr
    folder = run_cli(["import", str(tmp_path)], loaded)
    assert folder.returncode == 1
    assert f"{tmp_path}: a folder, not a file" in folder.stderr


def test_bad_import_changes_nothing(loaded: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("#notetype column:1\nBasic\tok\tfine\nNoSuchType\tx\ty\n", encoding="utf-8")
    before = run_cli(["stats", "--json"], loaded).stdout
    result = run_cli(["import", str(bad)], loaded)
    assert result.returncode == 1
    assert "bad.txt, line 3" in result.stderr
    assert "NoSuchType" in result.stderr
    assert run_cli(["stats", "--json"], loaded).stdout == before


def test_data_dir_option_and_env(tmp_path: Path) -> None:
    env_dir = tmp_path / "env"
    opt_dir = tmp_path / "opt"
    run_cli(["import", str(SMALL_DECK)], env_dir)
    result = run_cli(["decks", "--json", "--data-dir", str(opt_dir)], env_dir)
    assert result.returncode == 0
    assert [d["name"] for d in json.loads(result.stdout)] != []
    assert (opt_dir / "collection.sqlite").exists()
    assert "Test" not in [d["name"] for d in json.loads(result.stdout)]


def test_python_dash_m_and_version(data_dir: Path) -> None:
    result = run_cli(["--version"], data_dir)
    assert result.returncode == 0
    assert result.stdout.startswith("flashcards ")


def test_review_type_mode_suggests_and_accepts_grades(loaded: Path) -> None:
    # IAM → typed with a missing space (exact); EC2 → one jamo slip (ㅆ for ㅅ), accept 3;
    # S3 → override the suggestion with 5.
    result = run_cli(
        ["review", "--deck", "Test", "--type"],
        loaded,
        stdin="사용자와 권한관리\n\n가상 써버\n\n객체\n5\nq\n",
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "suggested grade: 5" in out  # exact, and instant under the fixed clock
    assert "you typed: 가상 [써→서]버" in out
    assert "suggested grade: 3" in out
    assert out.count("Saved: grade") == 3
    assert "Saved: grade 3" in out
    assert "Saved: grade 5 → next in 1d" in out


def test_review_says_a_low_grade_comes_back_today(loaded: Path) -> None:
    """As the GUI's buttons do: grades below 4 also bring the card back today."""
    result = run_cli(["review", "--deck", "Test"], loaded, stdin="\n3\nq\n")
    assert result.returncode == 0, result.stderr
    (grades,) = [line for line in result.stdout.splitlines() if line.startswith("   5 ")]
    assert grades.count("+ again today") == 4  # grades 3, 2, 1 and 0
    assert "(due 2026-11-28); it comes back today as a re-drill." in result.stdout


def test_stats_names_the_days_of_the_week_ahead(loaded: Path) -> None:
    run_cli(["review", "--deck", "Test"], loaded, stdin="5\n5\nq\n")
    result = run_cli(["stats"], loaded)
    assert result.returncode == 0, result.stderr
    (due,) = [line for line in result.stdout.splitlines() if line.startswith("Due: ")]
    assert due == "Due: today 0 · tomorrow 2 · Sun 11-29 0 · Mon 11-30 0 · Tue 12-01 0 · " + (
        "Wed 12-02 0 · Thu 12-03 0"
    )


def test_search_counts_one_card_in_the_singular(loaded: Path) -> None:
    result = run_cli(["search", "deck:Test::A", "S3"], loaded)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "1 card"


def test_import_counts_one_card_in_the_singular(loaded: Path, tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("#separator:tab\nA new front\tA new back\n", encoding="utf-8")
    result = run_cli(["import", str(one)], loaded)
    assert result.returncode == 0, result.stderr
    assert "  created 1 card" in result.stdout.splitlines()


def test_an_unknown_deck_suggests_the_decks_it_could_mean(
    bundled_only: dict[str, int], data_dir: Path
) -> None:
    result = run_cli(["stats", "--deck", "05"], data_dir)
    assert result.returncode == 1
    assert "there is no deck called '05'; did you mean " in result.stderr
    assert "'AWS Awesome Day::05 재부팅·중지·종료와 IP 주소'?" in result.stderr
    result = run_cli(
        ["stats", "--deck", "aws awesome day::05 재부팅·중지·종료와 ip 주소"], data_dir
    )
    assert result.returncode == 0, result.stderr


def test_a_command_on_a_new_folder_says_it_made_a_collection(data_dir: Path) -> None:
    """A mistyped --data-dir must not pass silently for an empty collection."""
    first = run_cli(["decks"], data_dir)
    assert first.returncode == 0, first.stderr
    assert f"flashcards: note: a new collection was made in {data_dir}" in first.stderr
    again = run_cli(["decks"], data_dir)
    assert "new collection" not in again.stderr
