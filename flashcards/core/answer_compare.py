"""Comparing a typed answer with the expected one, Hangul-aware, and suggesting a grade.

Normalisation: Unicode NFC; letter case; spaces and punctuation are never
errors (they align for free, so "가용영역" equals "가용 영역"); a parenthesised
part of the expected answer is optional ("Amazon EBS(Elastic Block Store)"
accepts "Amazon EBS"); `/` separates alternatives ("온디맨드/On-Demand").

Alignment is an edit distance over characters whose costs are counted in
jamo: a Hangul syllable weighs as many units as it has jamo (ㅇ+ㅖ = 2,
ㅇ+ㅑ+ㄱ = 3), and substituting one syllable for another costs the jamo edit
distance between them — so "예악" for "예약" is one slip of one unit, not a
wrong syllable. Other characters weigh one unit. Similarity is
1 − cost / units of the expected answer.

Suggested grade (documented rule, tested):
    nothing typed ........................ 0
    exact, within the quick time ......... 5
    exact ................................ 4
    similarity ≥ 0.8 (small slips) ....... 3
    similarity ≥ 0.5 (partly right) ...... 2
    otherwise (mostly wrong) ............. 1
"Quick" is at most 3 s plus 0.2 s for every expected character.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import IntEnum

__all__ = [
    "Comparison",
    "DiffKind",
    "DiffPart",
    "alternatives",
    "compare_answer",
    "jamo",
    "quick_limit_ms",
    "suggest_grade",
]

MAX_LENGTH = 400
"""Longer answers are truncated before alignment, which is quadratic."""

_SYLLABLE_FIRST, _SYLLABLE_LAST = 0xAC00, 0xD7A3
_PAREN_RE = re.compile(r"\s*[(（][^()（）]*[)）]")


class DiffKind(IntEnum):
    RIGHT = 0
    WRONG = 1
    MISSING = 2
    EXTRA = 3
    IGNORED = 4
    """Spacing or punctuation that differs but does not count."""


@dataclass(frozen=True)
class DiffPart:
    kind: DiffKind
    typed: str
    expected: str


@dataclass(frozen=True)
class Comparison:
    expected: str
    typed: str
    parts: tuple[DiffPart, ...]
    cost: int
    units: int

    @property
    def similarity(self) -> float:
        if self.units == 0:
            return 1.0 if self.cost == 0 else 0.0
        return max(0.0, 1.0 - self.cost / self.units)

    @property
    def exact(self) -> bool:
        return self.cost == 0 and bool(_significant(self.typed))


def _is_hangul_syllable(ch: str) -> bool:
    return _SYLLABLE_FIRST <= ord(ch) <= _SYLLABLE_LAST


def jamo(ch: str) -> str:
    """The conjoining jamo of a Hangul syllable (NFD), or the character itself."""
    return unicodedata.normalize("NFD", ch) if _is_hangul_syllable(ch) else ch


def _ignorable(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "PSZ"


def _significant(text: str) -> str:
    return "".join(ch for ch in text if not _ignorable(ch))


def _weight(ch: str) -> int:
    return 0 if _ignorable(ch) else len(jamo(ch))


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _substitution(e: str, t: str) -> int:
    if e.casefold() == t.casefold():
        return 0
    if _is_hangul_syllable(e) and _is_hangul_syllable(t):
        return _levenshtein(jamo(e), jamo(t))
    return max(_weight(e), _weight(t), 1)


def alternatives(expected: str) -> list[str]:
    """The accepted forms of an expected answer: the whole text, each `/` alternative,
    each with and without its (…) parts."""
    forms: list[str] = []
    whole = [expected] if "/" in expected else []
    for alt in [*whole, *expected.split("/")]:
        alt = alt.strip()
        for form in (alt, _PAREN_RE.sub("", alt).strip()):
            if form and form not in forms:
                forms.append(form)
    return forms or [expected.strip()]


def _align(expected: str, typed: str) -> tuple[int, list[DiffPart]]:
    n, m = len(expected), len(typed)
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        cost[i][0] = cost[i - 1][0] + _weight(expected[i - 1])
    for j in range(1, m + 1):
        cost[0][j] = cost[0][j - 1] + _weight(typed[j - 1])
    for i in range(1, n + 1):
        e = expected[i - 1]
        for j in range(1, m + 1):
            t = typed[j - 1]
            cost[i][j] = min(
                cost[i - 1][j - 1] + _substitution(e, t),
                cost[i - 1][j] + _weight(e),
                cost[i][j - 1] + _weight(t),
            )
    parts: list[DiffPart] = []
    i, j = n, m
    while i or j:
        e = expected[i - 1] if i else ""
        t = typed[j - 1] if j else ""
        if i and j and cost[i][j] == cost[i - 1][j - 1] + _substitution(e, t):
            kind = DiffKind.RIGHT if _substitution(e, t) == 0 else DiffKind.WRONG
            if kind == DiffKind.WRONG and _ignorable(e) and _ignorable(t):
                kind = DiffKind.IGNORED
            parts.append(DiffPart(kind, t, e))
            i, j = i - 1, j - 1
        elif i and cost[i][j] == cost[i - 1][j] + _weight(e):
            parts.append(DiffPart(DiffKind.IGNORED if _ignorable(e) else DiffKind.MISSING, "", e))
            i -= 1
        else:
            parts.append(DiffPart(DiffKind.IGNORED if _ignorable(t) else DiffKind.EXTRA, t, ""))
            j -= 1
    parts.reverse()
    return cost[n][m], _merge(parts)


def _merge(parts: list[DiffPart]) -> list[DiffPart]:
    merged: list[DiffPart] = []
    for part in parts:
        if merged and merged[-1].kind == part.kind:
            last = merged[-1]
            merged[-1] = DiffPart(part.kind, last.typed + part.typed, last.expected + part.expected)
        else:
            merged.append(part)
    return merged


def _normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())[:MAX_LENGTH]


def compare_answer(expected: str, typed: str) -> Comparison:
    """Compare `typed` with the best-matching accepted form of `expected`."""
    typed_n = _normalise(typed)
    best: Comparison | None = None
    for form in alternatives(_normalise(expected)):
        cost, parts = _align(form, typed_n)
        units = sum(_weight(ch) for ch in form)
        candidate = Comparison(form, typed_n, tuple(parts), cost, units)
        if best is None or candidate.similarity > best.similarity:
            best = candidate
    assert best is not None
    return best


def quick_limit_ms(expected: str) -> int:
    """How fast an exact answer must come to earn a 5."""
    return 3000 + 200 * len(_significant(expected))


def suggest_grade(comparison: Comparison, answer_ms: int | None = None) -> int:
    """The SM-2 grade the comparison suggests (see the module docstring)."""
    if not _significant(comparison.typed):
        return 0
    if comparison.exact:
        quick = answer_ms is not None and answer_ms <= quick_limit_ms(comparison.expected)
        return 5 if quick else 4
    if comparison.similarity >= 0.8:
        return 3
    if comparison.similarity >= 0.5:
        return 2
    return 1
