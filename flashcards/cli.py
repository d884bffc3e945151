"""The `flashcards` command line (contract: DESIGN §5).

Commands that show no window never import Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NoReturn

from flashcards import __version__
from flashcards.services.errors import FlashcardsError

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr, exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _build_parser(only: str | None = None) -> _Parser:
    """The command line. With `only` (a key of _FAST_READ_PARSERS), the parser of that
    command alone: building all of them costs ~5 ms of a ~120 ms `stats` start."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="collection folder (default: $FLASHCARDS_DATA_DIR, else the user data folder)",
    )
    parser = _Parser(
        prog="flashcards",
        description="Offline spaced-repetition flashcards with exact SM-2.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"flashcards {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    if only is not None:
        _FAST_READ_PARSERS[only](sub, common)
        return parser

    sub.add_parser("gui", parents=[common], help="open the desktop app (the default)")
    _add_decks(sub, common)
    _add_stats(sub, common)

    p = sub.add_parser(
        "search",
        parents=[common],
        help="find cards with the browser's search language",
        description="Find cards, e.g. 'deck:AWS tag:ec2 is:due'. Put `--` before a query "
        "that starts with '-' (a negation).",
    )
    p.add_argument("query", nargs="*", metavar="QUERY", help="search terms (joined by spaces)")
    p.add_argument("--json", action="store_true", help="print a JSON list, one object per card")
    p.add_argument(
        "--sort",
        metavar="COLUMN",
        default="due",
        help="sort_field, deck, due (default), interval, ease, reps, lapses, added, tags, notetype",
    )
    p.add_argument("--desc", action="store_true", help="sort in descending order")

    p = sub.add_parser("review", parents=[common], help="study today's cards in the terminal")
    p.add_argument("--deck", metavar="NAME", help="study this deck and its subdecks only")
    p.add_argument(
        "--type", action="store_true", help="type each answer; get a suggested grade from it"
    )

    p = sub.add_parser("check", parents=[common], help="check integrity and repair what is safe")
    p.add_argument("--json", action="store_true", help="print a JSON report")
    p.add_argument("--no-repair", action="store_true", help="only report, change nothing")

    p = sub.add_parser("backup", parents=[common], help="back up the collection now")
    p.add_argument("--list", action="store_true", help="list the backups instead")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("restore", parents=[common], help="replace the collection with a backup")
    p.add_argument("file", metavar="FILE")

    p = sub.add_parser(
        "import", parents=[common], help="import a file (.txt .csv .tsv .json .apkg .md)"
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--deck",
        metavar="NAME",
        help="put every imported card in this deck (for .md notes: the root deck)",
    )

    p = sub.add_parser(
        "export", parents=[common], help="export to a file (.csv .tsv .txt .json .apkg)"
    )
    p.add_argument("out", metavar="OUT")
    p.add_argument("--deck", metavar="NAME", help="export this deck and its subdecks only")
    p.add_argument(
        "--legacy",
        action="store_true",
        help=".apkg: the legacy format older Anki versions read too (slower, larger file)",
    )

    p = sub.add_parser(
        "generate", parents=[common], help="cards from Markdown notes, in Anki's text format"
    )
    p.add_argument("notes", metavar="NOTES.md")
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")
    p.add_argument("--deck", metavar="NAME", help="root deck name (default: the # title)")
    return parser


_Commands = argparse._SubParsersAction  # what add_subparsers returns


def _add_decks(sub: _Commands[_Parser], common: _Parser) -> None:
    p = sub.add_parser("decks", parents=[common], help="deck tree with new / due counts for today")
    p.add_argument("--json", action="store_true", help="print a JSON list")


def _add_stats(sub: _Commands[_Parser], common: _Parser) -> None:
    p = sub.add_parser("stats", parents=[common], help="collection totals and statistics")
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.add_argument("--deck", metavar="NAME", help="this deck and its subdecks only")


_FAST_READ_PARSERS = {"decks": _add_decks, "stats": _add_stats}


def _fast_read_command(argv: Sequence[str]) -> str | None:
    """`decks` or `stats` when argv names one of them with only --data-dir before
    it, so that it parses the same with that command's parser alone; else None."""
    words = iter(argv)
    for word in words:
        if word == "--data-dir":
            next(words, None)
        elif not word.startswith("--data-dir="):
            return word if word in _FAST_READ_PARSERS else None
    return None


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _cmd_decks(col: Any, args: argparse.Namespace) -> int:
    summaries = col.deck_summaries()
    if args.json:
        _print_json([s.to_dict() for s in summaries])
        return 0
    # New / Re-drill / Due as Anki's New / Learn / Due: "Due" counts reviews only.
    labels = ["  " * s.depth + s.name.rsplit("::", 1)[-1] for s in summaries]
    width = max((_display_width(label) for label in labels), default=4)
    print(f"{_pad('Deck', width)}  {'New':>5}  {'Re-drill':>8}  {'Due':>5}  {'Cards':>6}")
    for label, s in zip(labels, summaries, strict=True):
        print(f"{_pad(label, width)}  {s.new:>5}  {s.drills:>8}  {s.due:>5}  {s.cards:>6}")
    return 0


def _display_width(text: str) -> int:
    """Columns `text` takes in a terminal: wide (W) and full-width (F) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    """`text` padded with spaces to `width` terminal columns (Hangul counts double)."""
    return text + " " * max(0, width - _display_width(text))


def _cmd_stats(col: Any, args: argparse.Namespace) -> int:
    stats = col.stats(args.deck)
    if args.json:
        _print_json(stats)
        return 0
    from flashcards.core.text import count_of

    retention = stats["retention"]
    today, streak, states = stats["today"], stats["streak"], stats["card_states"]
    if args.deck:
        print(f"Deck {args.deck} and its subdecks")
    print(f"Decks {stats['decks']} · notes {stats['notes']} · cards {stats['cards']}")
    print(f"New {stats['new']} · learned {stats['review']} · suspended {stats['suspended']}")
    print(f"Due today {stats['due_today']} · reviews today {stats['reviews_today']}")
    print(f"Reviews all time {stats['reviews_total']}")
    print("Retention " + ("—" if retention is None else f"{retention:.1%}"))
    accuracy = today["accuracy"]
    print(
        f"Today: {count_of(today['cards'], 'card')}, {count_of(today['answers'], 'answer')}, "
        f"{today['time_ms'] / 60_000:.1f} min, accuracy "
        + ("—" if accuracy is None else f"{accuracy:.0%}")
    )
    print(f"Streak: {count_of(streak['current'], 'day')} (longest {streak['longest']})")
    print(" · ".join(f"{name} {n}" for name, n in states.items()))
    start = date.fromisoformat(stats["forecast"]["start"])
    week = stats["forecast"]["values"][:7]
    days = ["today", "tomorrow"] + [
        (start + timedelta(days=i)).strftime("%a %m-%d") for i in range(2, len(week))
    ]
    print("Due: " + " · ".join(f"{day} {n}" for day, n in zip(days, week, strict=False)))
    return 0


def _cmd_search(col: Any, args: argparse.Namespace) -> int:
    from flashcards.core.text import count_of

    result = col.browse(" ".join(args.query), args.sort, args.desc)
    rows = col.browse_rows(result.card_ids)
    if args.json:
        _print_json([row.to_dict() for row in rows])
        return 0
    for row in rows:
        due = row.due.isoformat() if row.due else f"new #{row.position}"
        print(f"{row.card_id:>7}  {due:<10}  {row.deck}  {row.sort_field[:60]}")
    print(count_of(len(rows), "card"))
    return 0


def _cmd_check(col: Any, args: argparse.Namespace) -> int:
    report = col.check(repair=not args.no_repair)
    if args.json:
        _print_json(report.to_dict())
    else:
        for line in report.repaired:
            print(f"repaired: {line}")
        for line in report.problems:
            print(f"problem: {line}")
        print(f"{report.cards_checked} cards checked: " + ("ok" if report.ok else "problems found"))
    return 0 if report.ok else 1


def _cmd_review(col: Any, args: argparse.Namespace) -> int:
    from flashcards.terminal import run_review

    return run_review(col, args.deck, sys.stdin, sys.stdout, typing=args.type)


def _cmd_import(col: Any, args: argparse.Namespace) -> int:
    from flashcards.core.text import count_of
    from flashcards.services.importing import import_file

    summary = import_file(col, Path(args.file), deck=args.deck)
    print(f"{args.file}: {summary}")
    extras = [count_of(summary.cards, "card")]
    if summary.reviews:
        extras.append(count_of(summary.reviews, "review-log entry", "review-log entries"))
    if summary.media:
        extras.append(count_of(summary.media, "media file"))
    print(f"  created {', '.join(extras)}")
    if summary.progress_taken:
        taken = count_of(summary.progress_taken, "card")
        print(f"  {taken} already here but never studied took the file's schedule and answers")
    for line in summary.notes:
        print(f"  {line}")
    return 0


def _cmd_backup(col: Any, args: argparse.Namespace) -> int:
    backups = col.backups() if args.list else [col.backup("manual")]
    if args.json:
        _print_json([b.to_dict() for b in backups] if args.list else backups[0].to_dict())
        return 0
    for b in backups:
        print(f"{b.path}  {b.created:%Y-%m-%d %H:%M:%S}  {b.reason}  {b.size // 1024} KiB")
    return 0


def _cmd_restore(col: Any, args: argparse.Namespace) -> int:
    safety = col.restore(Path(args.file))
    print(f"Restored {args.file}; the previous collection was saved as {safety.path}")
    return 0


def _cmd_generate(args: argparse.Namespace) -> int:
    from flashcards.core.text import count_of
    from flashcards.formats.ankitext import write_text
    from flashcards.services.importing import generate_notes

    notes = generate_notes(Path(args.notes), root=args.deck)
    text = write_text(notes.records)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise FlashcardsError(f"cannot write {args.output}: {exc.strerror}") from None
        written = count_of(len(notes.records), "note")
        print(f"{args.notes}: {written} written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    for line in notes.skipped:
        print(f"  no card from {line}", file=sys.stderr)
    return 0


def _cmd_export(col: Any, args: argparse.Namespace) -> int:
    from flashcards.services.exporting import ExportOptions, export_file

    options = ExportOptions(deck=args.deck, legacy=args.legacy)
    summary = export_file(col, Path(args.out), options)
    print(f"{args.out}: {summary}")
    return 0


_COMMANDS = {
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "decks": _cmd_decks,
    "stats": _cmd_stats,
    "search": _cmd_search,
    "check": _cmd_check,
    "review": _cmd_review,
    "import": _cmd_import,
    "export": _cmd_export,
}


_FAST_READS = ("decks", "stats")
"""Commands that open the collection without sqlite-utils (Collection.open_for_reading)."""


def _only_reads(command: str, args: argparse.Namespace) -> bool:
    """Commands that can work on a collection in a read-only folder."""
    if command == "check":
        return bool(args.no_repair)
    if command == "backup":
        return bool(args.list)
    return command in ("decks", "stats", "search", "export")


def _run_gui(data_dir: str | None) -> int:
    from flashcards.gui.main import run_gui

    return run_gui(data_dir)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    args = _build_parser(_fast_read_command(argv)).parse_args(argv)
    data_dir = getattr(args, "data_dir", None)
    command = args.command or "gui"
    try:
        if command == "gui":
            return _run_gui(data_dir)
        if command == "generate":
            return _cmd_generate(args)
        from flashcards.app import open_collection, resolve_data_dir
        from flashcards.services.collection import COLLECTION_FILE
        from flashcards.services.errors import ReadOnlyDataError

        folder = resolve_data_dir(data_dir)
        new = not (folder / COLLECTION_FILE).exists()
        try:
            col = open_collection(data_dir, only_reading=command in _FAST_READS)
        except ReadOnlyDataError as exc:
            if not _only_reads(command, args):
                raise
            col = open_collection(data_dir, read_only=True)
            print(f"flashcards: note: {exc}; showing it without changes", file=sys.stderr)
        with col:
            status = _COMMANDS[command](col, args)
        if new and status == 0:  # a mistyped --data-dir would pass for an empty collection
            print(f"flashcards: note: a new collection was made in {folder}", file=sys.stderr)
        return status
    except FlashcardsError as exc:
        print(f"flashcards: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
