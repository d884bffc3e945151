"""Typed-answer comparison: jamo-level slips, spacing, alternatives, the suggested grade."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashcards.core.answer_compare import (
    DiffKind,
    DiffPart,
    alternatives,
    compare_answer,
    jamo,
    suggest_grade,
)

R, W, M, X, IG = DiffKind.RIGHT, DiffKind.WRONG, DiffKind.MISSING, DiffKind.EXTRA, DiffKind.IGNORED


def test_jamo_decomposition() -> None:
    assert len(jamo("예")) == 2  # ㅇ ㅖ
    assert len(jamo("약")) == 3  # ㅇ ㅑ ㄱ
    assert len(jamo("닭")) == 3  # ㄷ ㅏ ㄺ (one final consonant)
    assert jamo("a") == "a"


# (expected, typed, suggested grade with no timing). Similarities worked by hand, in jamo units.
GRADES = [
    ("예약", "예약", 4),  # exact
    ("예약", "예악", 3),  # ㅑ→ㅏ: 1 of 5 units → 0.8
    ("가용 영역", "가용영역", 4),  # spacing is not an error
    ("가용 영역", "가영 영역", 3),  # ㅛ→ㅕ: 1 of 11 → 0.91
    ("인스턴스", "인스탄스", 3),  # ㅓ→ㅏ: 1 of 10 → 0.9
    ("닭", "닥", 2),  # final ㄺ→ㄱ: 1 of 3 → 0.67
    ("S3 버킷", "s3 버켓", 3),  # case ignored; ㅣ→ㅔ: 1 of 7 → 0.86
    ("온디맨드/On-Demand", "on demand", 4),  # an alternative, hyphen ignored
    ("Amazon EBS(Elastic Block Store)", "amazon ebs", 4),  # the (…) part is optional
    ("Amazon EBS(Elastic Block Store)", "Amazon EBS Elastic Block Store", 4),
    ("availability", "availabilty", 3),  # one letter missing: 11 of 12
    ("Elastic Block Store", "Elastic Block", 2),  # 12 of 17 letters
    ("Elastic Block Store", "Elastic", 1),  # 7 of 17
    ("가용 영역", "리전", 1),  # mostly wrong
    ("가용 영역", "", 0),
    ("가용 영역", "  ... ", 0),
]


@pytest.mark.parametrize(("expected", "typed", "grade"), GRADES)
def test_suggested_grade(expected: str, typed: str, grade: int) -> None:
    assert suggest_grade(compare_answer(expected, typed)) == grade


def test_exact_and_quick_is_five() -> None:
    comparison = compare_answer("리전", "리전")
    assert suggest_grade(comparison, answer_ms=2000) == 5
    assert suggest_grade(comparison, answer_ms=60_000) == 4


@pytest.mark.parametrize(
    ("expected", "typed", "parts"),
    [
        ("예약", "예악", [DiffPart(R, "예", "예"), DiffPart(W, "악", "약")]),
        (
            "가용 영역",
            "가용영역",
            [DiffPart(R, "가용", "가용"), DiffPart(IG, "", " "), DiffPart(R, "영역", "영역")],
        ),
        ("S3", "S3x", [DiffPart(R, "S3", "S3"), DiffPart(X, "x", "")]),
        ("abc", "ac", [DiffPart(R, "a", "a"), DiffPart(M, "", "b"), DiffPart(R, "c", "c")]),
    ],
)
def test_diff_marks_right_wrong_missing_extra(
    expected: str, typed: str, parts: list[DiffPart]
) -> None:
    assert list(compare_answer(expected, typed).parts) == parts


def test_alternatives() -> None:
    assert alternatives("온디맨드/On-Demand") == ["온디맨드/On-Demand", "온디맨드", "On-Demand"]
    assert alternatives("EBS(블록)") == ["EBS(블록)", "EBS"]


def test_nfc_and_nfd_input_are_equal() -> None:
    import unicodedata

    assert compare_answer("한글", unicodedata.normalize("NFD", "한글")).exact


def test_huge_input_is_bounded() -> None:
    comparison = compare_answer("가" * 5000, "나" * 5000)
    assert comparison.units <= 2 * 400


text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    ),
    max_size=30,
)


@given(text)
def test_a_string_compared_with_itself_is_exact(s: str) -> None:
    comparison = compare_answer(s, s)
    assert comparison.cost == 0
    assert comparison.similarity == 1.0


@given(text, text)
def test_similarity_is_between_zero_and_one(a: str, b: str) -> None:
    assert 0.0 <= compare_answer(a, b).similarity <= 1.0
    assert 0 <= suggest_grade(compare_answer(a, b)) <= 5
