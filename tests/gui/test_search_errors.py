"""A malformed search is explained in the interface language, naming the bad token.

The service's message is English (the CLI prints it); the browser says in its own
words where the query stops making sense and what that part needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from flashcards.gui.appearance import Appearance
from flashcards.gui.browser_window import BrowserWindow
from flashcards.gui.preferences import Preferences
from flashcards.services.collection import Collection


@pytest.fixture
def browser(qtbot: QtBot, col: Collection) -> Iterator[BrowserWindow]:
    window = BrowserWindow(col)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _error(browser: BrowserWindow, query: str) -> str:
    browser.search_box.setText(query)
    assert not browser.run_search()
    return browser.search_error.text()


@pytest.mark.parametrize(
    ("query", "token", "position", "hint"),
    [
        ("deck:Test (EC2", "(", 11, "Close it with “)”."),
        ("EC2 )", ")", 5, "There is no “(” before it."),
        ('"가용 영역', '"가용 영역', 1, 'Close the quote with another “"”.'),
        (
            "is:later",
            "is:later",
            1,
            "“is:” takes one of: new, due, review, suspended, buried, leech.",
        ),
        (
            "prop:size>3",
            "prop:size>3",
            1,
            "“prop:” takes ivl, ease, reps, lapses, due, a comparison",
        ),
        ("added:0", "added:0", 1, "Give a number of days, 1 or more"),
        ("colour:red", "colour:red", 1, "There is no search key “colour:”"),
    ],
)
def test_each_mistake_is_named_and_explained(
    browser: BrowserWindow, query: str, token: str, position: int, hint: str
) -> None:
    text = _error(browser, query)
    assert f"“{token}” (from character {position})" in text
    assert hint in text
    assert browser.search_box.selectedText() == token


def test_in_korean_no_english_sentence_shows(
    qtbot: QtBot, browser: BrowserWindow, prefs: Preferences, appearance: Appearance
) -> None:
    prefs.language = "ko"
    appearance.apply()
    qtbot.waitUntil(lambda: browser.windowTitle() != "Browse cards")
    text = _error(browser, "deck:Test (is:new")
    assert text == (
        "이 검색어로는 찾을 수 없습니다: "
        "11번째 글자에서 시작하는 “(” 부분을 검색어로 읽을 수 없습니다. “)”로 닫아 주세요."
    )
    text = _error(browser, "is:later")
    assert "“is:”" in text
    words = re.findall(r"[A-Za-z]{3,}", text)
    assert set(words) <= {"new", "due", "review", "suspended", "buried", "leech", "later"}
