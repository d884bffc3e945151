"""Card search in SQL: a query tree from core.search becomes one parameterised statement.

Every value from the user travels as a `?` parameter; the SQL text is built
only from fixed fragments. Deck and note-type names are matched in Python
(there are few) and enter the statement as id lists.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from sqlite_utils import Database

from flashcards.core.search import (
    Added,
    And,
    DeckSearch,
    Is,
    MatchAll,
    Node,
    Not,
    NotetypeSearch,
    Or,
    Prop,
    Rated,
    SortColumn,
    TagSearch,
    Text,
    fold,
    glob_regex,
    tree_match,
)
from flashcards.storage.notes import has_text_index
from flashcards.storage.search_order import narrows

__all__ = ["SearchRepo", "SearchScope"]

_TAG_MATCH_FUNCTION = "flashcards_tag_match"
_ID_LIST_LIMIT = 64
_PROP_COLUMNS = {"ivl": "c.interval", "ease": "c.easiness", "reps": "c.reps", "lapses": "c.lapses"}
_SQL_OPERATORS = {"<": "<", "<=": "<=", "=": "=", "!=": "!=", ">=": ">=", ">": ">"}
_ANSWER_KINDS = "(0, 1)"  # ReviewKind.REVIEW, ReviewKind.DRILL

_SORT_TERMS: dict[SortColumn, tuple[str, ...]] = {
    # sort field and due follow the indexes notes_sort and cards_type_due
    SortColumn.SORT_FIELD: ("n.sort_field COLLATE NOCASE", "n.id", "c.ord"),
    SortColumn.DECK: ("d.name COLLATE NOCASE", "c.id"),
    SortColumn.DUE: ("c.type", "c.due", "c.id"),
    SortColumn.INTERVAL: ("c.interval", "c.id"),
    SortColumn.EASE: ("c.easiness", "c.id"),
    SortColumn.REPS: ("c.reps", "c.id"),
    SortColumn.LAPSES: ("c.lapses", "c.id"),
    SortColumn.ADDED: ("c.created_ms", "c.id"),
    SortColumn.TAGS: ("n.tags COLLATE NOCASE", "c.id"),
    SortColumn.NOTETYPE: ("t.name COLLATE NOCASE", "c.id"),
}
_NOTE_SORTS = frozenset({SortColumn.SORT_FIELD, SortColumn.TAGS, SortColumn.NOTETYPE})
_TRIGRAM = 3
"""notes_fts (a trigram index) matches literal text this long or longer directly."""
_MAX_PREFIX_TERMS = 200
"""Shorter text is looked up as the trigrams it begins; past this many, scanning is cheaper."""
_FTS_MATCH = "SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?"
_VOCAB = "temp.flashcards_fts_vocab"
_TEXT_LIKELIHOOD = 0.05
"""Free text is usually selective: hinting so makes SQLite scan notes first."""


@dataclass(frozen=True)
class SearchScope:
    """What a query needs to know about time: today's study day and where days begin."""

    today: int
    day_start_ms: Callable[[int], int]
    """The instant (UTC ms) at which a study day begins."""


def _phrase(text: str) -> str:
    """An FTS5 string: the text in double quotes, inner quotes doubled."""
    return '"' + text.replace('"', '""') + '"'


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@lru_cache(maxsize=64)
def _tag_regex(pattern: str) -> re.Pattern[str]:
    """A tag pattern as a regex over space-wrapped tags: `*` stays inside one tag,
    and a match may continue into child tags (`a` matches `a::b`)."""
    parts = [re.escape(part) for part in unicodedata.normalize("NFC", pattern).split("*")]
    return re.compile(r"(?<= )" + "[^ ]*".join(parts) + r"(?=(?:::[^ ]*)? )", re.IGNORECASE)


def _tag_match(tags: str, pattern: str) -> int:
    """SQL function: 1 if a note's space-wrapped tags hold a tag matching `pattern`."""
    return int(_tag_regex(pattern).search(unicodedata.normalize("NFC", tags)) is not None)


def _like_folds(text: str) -> bool:
    """LIKE ignores case for ASCII only: can it compare `text` case-insensitively?"""
    return all(ch.isascii() or ch.lower() == ch.upper() for ch in text)


class _Compiler:
    """Turns a query tree into a WHERE clause, collecting parameters and joins."""

    def __init__(
        self,
        decks: Sequence[tuple[int, str]],
        notetypes: Sequence[tuple[int, str]],
        scope: SearchScope,
        text_index: Callable[[str], list[str] | None] | None,
    ) -> None:
        self.decks = decks
        self.notetypes = notetypes
        self.scope = scope
        self.text_index = text_index
        self.params: list[object] = []
        self.uses_notes = False

    def add(self, *values: object) -> None:
        self.params.extend(values)

    def id_list(self, column: str, ids: Sequence[int]) -> str:
        if not ids:
            return "0"
        if len(ids) <= _ID_LIST_LIMIT:
            self.add(*ids)
            return f"{column} IN ({', '.join('?' * len(ids))})"
        self.add("[" + ",".join(str(int(i)) for i in ids) + "]")
        return f"{column} IN (SELECT value FROM json_each(?))"

    def where(self, node: Node) -> str:
        match node:
            case MatchAll():
                return "1"
            case Text(value):
                return self.text(value)
            case DeckSearch(pattern):
                regex = glob_regex(pattern)
                ids = [i for i, name in self.decks if tree_match(regex, name)]
                return self.id_list("c.deck_id", ids)
            case NotetypeSearch(pattern):
                regex = glob_regex(pattern)
                self.uses_notes = True
                ids = [i for i, name in self.notetypes if regex.fullmatch(fold(name))]
                return self.id_list("n.notetype_id", ids)
            case TagSearch(pattern):
                return self.tag(pattern)
            case Is(state):
                return self.state(state)
            case Prop(name, op, value):
                return self.prop(name, op, value)
            case Added(days):
                self.add(self.scope.day_start_ms(self.first_day(days)))
                return "c.created_ms >= ?"
            case Rated(days, grade):
                self.add(self.first_day(days))
                graded = ""
                if grade is not None:
                    self.add(grade)
                    graded = " AND grade = ?"
                return (
                    "c.id IN (SELECT card_id FROM revlog WHERE day >= ? "
                    f"AND kind IN {_ANSWER_KINDS}{graded})"
                )
            case Not(child):
                # Comparisons with NULL (drill_day) are unknown, not false: count them false.
                return f"NOT coalesce({self.where(child)}, 0)"
            case And(children):
                return "(" + " AND ".join(self.where(c) for c in children) + ")"
            case Or(children):
                return "(" + " OR ".join(self.where(c) for c in children) + ")"
        raise TypeError(f"not a search node: {node!r}")

    def first_day(self, days: int) -> int:
        """The first study day of "the last `days` days" (today counts as one)."""
        return self.scope.today - min(days, 1_000_000) + 1

    def text(self, value: str) -> str:
        folded = fold(value)
        if self.text_index is not None and "*" not in folded:
            indexed = self.indexed_text(folded)
            if indexed is not None:
                return indexed
        pieces = [piece for piece in folded.split("*") if piece]
        longest = max(pieces, key=len, default="")
        prefilter = ""
        if self.text_index is not None and len(longest) >= _TRIGRAM:
            self.add(_phrase(longest))
            prefilter = f"c.note_id IN ({_FTS_MATCH}) AND "
        self.uses_notes = True
        if "*" in folded or folded.isascii():
            # LIKE finds ASCII text faster than instr(); search_text is folded already.
            self.add("%" + _like_escape(folded).replace("*", "%") + "%")
            condition = "n.search_text LIKE ? ESCAPE '\\'"
        else:
            self.add(folded)
            condition = "instr(n.search_text, ?) > 0"
        if prefilter:
            return f"({prefilter}{condition})"
        return f"likelihood({condition}, {_TEXT_LIKELIHOOD})"

    def indexed_text(self, folded: str) -> str | None:
        """Literal text through the trigram index, or None to scan instead.

        Three or more characters: a phrase of trigrams, which is exactly the
        substring test. Shorter: every trigram that begins with the text (the
        index appends separators, so each character begins one), if few enough.
        """
        assert self.text_index is not None
        if len(folded) >= _TRIGRAM:
            self.add(_phrase(folded))
            return f"c.note_id IN ({_FTS_MATCH})"
        terms = self.text_index(folded)
        if terms is None:
            return None
        if not terms:
            return "0"
        self.add(" OR ".join(_phrase(term) for term in terms))
        return f"c.note_id IN ({_FTS_MATCH})"

    def tag(self, pattern: str) -> str:
        self.uses_notes = True
        if pattern.lower() == "none":
            return "n.tags = ''"
        if pattern.strip("*") == "":
            return "n.tags != ''"
        body = _like_escape(pattern.strip("*"))
        if not _like_folds(pattern):
            self.add(pattern)
            return f"{_TAG_MATCH_FUNCTION}(n.tags, ?)"
        if "*" in body:
            # LIKE's % would cross tag boundaries: it narrows, the function decides.
            self.add("%" + body.replace("*", "%") + "%", pattern)
            return f"(n.tags LIKE ? ESCAPE '\\' AND {_TAG_MATCH_FUNCTION}(n.tags, ?))"
        head = "%" if pattern.startswith("*") else "% "
        if pattern.endswith("*"):
            self.add(f"{head}{body}%")
            return "n.tags LIKE ? ESCAPE '\\'"
        self.add(f"{head}{body} %", f"{head}{body}::%")
        return "(n.tags LIKE ? ESCAPE '\\' OR n.tags LIKE ? ESCAPE '\\')"

    def state(self, state: str) -> str:
        today = self.scope.today
        if state == "new":
            return "c.type = 0"
        if state == "review":
            return "c.type = 1"
        if state == "suspended":
            return "c.queue = -1"
        if state == "buried":
            self.add(today)
            return "c.buried_until > ?"
        if state == "due":
            self.add(today, today, today)
            return (
                "((c.queue = 1 AND c.due <= ? AND c.buried_until <= ?) "
                "OR (c.drill_day = ? AND c.queue != -1))"
            )
        return self.tag("leech")

    def prop(self, name: str, op: str, value: Decimal) -> str:
        sql_op = _SQL_OPERATORS[op]
        if name == "due":
            self.add(self.scope.today + int(value))
            return f"(c.type = 1 AND c.due {sql_op} ?)"
        if name == "ease":
            hundredths = value * 100
            integral = hundredths == hundredths.to_integral_value()
            self.add(int(hundredths) if integral else float(hundredths))
        else:
            self.add(int(value))
        return f"{_PROP_COLUMNS[name]} {sql_op} ?"


class SearchRepo:
    """Finds cards for a query tree, sorted by a browser column."""

    def __init__(self, db: Database) -> None:
        self.db = db
        db.conn.create_function(_TAG_MATCH_FUNCTION, 2, _tag_match, deterministic=True)
        self.text_index = has_text_index(db)
        if self.text_index:
            db.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {_VOCAB} USING fts5vocab(main, notes_fts, row)"
            )

    def _prefix_terms(self, prefix: str) -> list[str] | None:
        """The index's trigrams that begin with `prefix`, or None if there are too many."""
        rows = self.db.execute(
            f"SELECT term FROM {_VOCAB} WHERE term >= ? AND term < ? LIMIT ?",
            [prefix, prefix + "\U0010ffff", _MAX_PREFIX_TERMS + 1],
        ).fetchall()
        return None if len(rows) > _MAX_PREFIX_TERMS else [r[0] for r in rows]

    def _compile(
        self, node: Node, scope: SearchScope, sort: SortColumn | None, scan: bool = False
    ) -> tuple[str, list[object]]:
        """FROM … WHERE … for the query, and its parameters; `scan` reads the cards
        table itself, in card-id order, using no index of it (or, for a note
        condition, each note and then its cards)."""
        decks = [(r[0], r[1]) for r in self.db.execute("SELECT id, name FROM decks")]
        notetypes = [(r[0], r[1]) for r in self.db.execute("SELECT id, name FROM notetypes")]
        prefix_terms = self._prefix_terms if self.text_index else None
        compiler = _Compiler(decks, notetypes, scope, prefix_terms)
        where = compiler.where(node)
        if scan and compiler.uses_notes and sort is None:
            # A note condition (a tag) and no card index to start from: each note's
            # tags once, from notes_tags, then the cards of the notes that match;
            # not a note row looked up per card. The ids come in note order.
            notes_first = "notes n CROSS JOIN cards c ON c.note_id = n.id"
            return f"FROM {notes_first} WHERE {where}", compiler.params
        joins = ""
        if compiler.uses_notes or sort in _NOTE_SORTS:
            joins += " JOIN notes n ON n.id = c.note_id"
        if sort == SortColumn.DECK:
            joins += " JOIN decks d ON d.id = c.deck_id"
        if sort == SortColumn.NOTETYPE:
            joins += " JOIN notetypes t ON t.id = n.notetype_id"
        cards = "cards c NOT INDEXED" if scan else "cards c"
        return f"FROM {cards}{joins} WHERE {where}", compiler.params

    def card_ids(
        self,
        node: Node,
        scope: SearchScope,
        sort: SortColumn | None = None,
        descending: bool = False,
    ) -> list[int]:
        """Ids of the cards matching `node`, ordered by `sort` (else by card id)."""
        if sort is None:
            # Card-id order (see search_order): after an index narrows the search, ids
            # are sorted here, since ORDER BY would make SQLite scan every card row
            # instead; otherwise one pass over the cards table yields them in order
            # (over the notes, nearly in order: card ids follow their notes').
            body, params = self._compile(node, scope, None, scan=not narrows(node))
            sql = f"SELECT json_group_array(c.id) {body}"
            ids: list[int] = json.loads(self.db.execute(sql, params).fetchone()[0])
            ids.sort(reverse=descending)  # linear on ordered runs
            return ids
        body, params = self._compile(node, scope, sort)
        terms = list(_SORT_TERMS[sort])
        if not isinstance(node, MatchAll):
            # A filtered result is usually small: sorting it beats walking a sort index.
            terms[0] = "+" + terms[0]
        direction = " DESC" if descending else ""
        order = ", ".join(term + direction for term in terms)
        # One JSON array instead of a Python tuple per row: several times faster at 100k.
        sql = f"SELECT json_group_array(id) FROM (SELECT c.id AS id {body} ORDER BY {order})"
        ordered: list[int] = json.loads(self.db.execute(sql, params).fetchone()[0])
        return ordered
