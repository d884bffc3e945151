"""The command line's parser built for `decks` or `stats` alone parses as the whole one."""

from __future__ import annotations

import pytest

from flashcards.cli import _build_parser, _fast_read_command


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["stats", "--json"], "stats"),
        (["decks"], "decks"),
        (["--data-dir", "stats", "decks", "--json"], "decks"),  # "stats" is the folder
        (["--data-dir=x", "stats", "--deck", "A"], "stats"),
        (["search", "stats"], None),
        (["--help", "stats"], None),
        (["--data", "x", "stats"], None),  # an abbreviation: the whole parser decides
        (["--data-dir"], None),
        ([], None),
    ],
)
def test_which_arguments_take_the_short_way(argv: list[str], command: str | None) -> None:
    assert _fast_read_command(argv) == command


@pytest.mark.parametrize(
    "argv",
    [
        ["stats", "--json"],
        ["stats"],
        ["--data-dir", "d", "stats", "--deck", "Test::A", "--json"],
        ["--data-dir=d", "decks", "--json"],
        ["decks", "--data-dir", "e"],
    ],
)
def test_the_short_way_parses_as_the_whole_parser(argv: list[str]) -> None:
    command = _fast_read_command(argv)
    assert command is not None
    assert _build_parser(command).parse_args(argv) == _build_parser().parse_args(argv)


@pytest.mark.parametrize(
    "argv",
    [["stats", "--help"], ["decks", "-h"], ["stats", "--bogus"], ["stats", "--deck"]],
)
def test_the_short_way_prints_what_the_whole_parser_prints(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    printed = []
    for parser in (_build_parser(_fast_read_command(argv)), _build_parser()):
        with pytest.raises(SystemExit) as stop:
            parser.parse_args(argv)
        printed.append((stop.value.code, capsys.readouterr()))
    assert printed[0] == printed[1]
    assert printed[0][1].out or printed[0][1].err
