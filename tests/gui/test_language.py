"""Interface language: Korean and English through Qt's translators, switched live."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from flashcards.core.clock import FixedClock
from flashcards.gui.appearance import Appearance
from flashcards.gui.language import I18N_DIR, resolve_language, system_language
from flashcards.gui.main_window import MainWindow
from flashcards.gui.preferences import Preferences
from flashcards.gui.settings_dialog import SettingsDialog
from flashcards.services.collection import Collection

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = I18N_DIR / "flashcards_ko.ts"
QM_FILE = I18N_DIR / "flashcards_ko.qm"
TOOLS = Path(sys.executable).parent
NOT_WORDS = {("SettingsDialog", "%1 pt")}  # a unit Korean writes the same way


def _visible_texts(window: MainWindow) -> dict[str, str]:
    model = window.deck_page.model
    return {
        "study": window.actions_by_key["study"].text(),
        "check": window.actions_by_key["check"].text(),
        "menu": window.file_menu.title(),
        "due": str(model.headerData(3, Qt.Orientation.Horizontal)),
        "button": window.deck_page.study_button.text(),
        "totals": window.totals.text(),
    }


def test_switching_language_changes_visible_strings_at_once(
    qtbot: QtBot, window: MainWindow, prefs: Preferences, appearance: Appearance
) -> None:
    english = _visible_texts(window)
    assert english["study"] == "Study"
    assert english["due"] == "Due today"
    prefs.language = "ko"
    appearance.apply()
    qtbot.waitUntil(lambda: window.actions_by_key["study"].text() != "Study")
    korean = _visible_texts(window)
    assert korean == {
        "study": "공부하기",
        "check": "데이터베이스 검사",
        "menu": "파일(&F)",
        "due": "오늘 복습",
        "button": "공부하기 (S)",
        "totals": "오늘 복습: 0장 · 다시 풀기: 0장 · 새 카드: 7장 — 덱 3개, 카드 7장",
    }
    prefs.language = "en"
    appearance.apply()
    qtbot.waitUntil(lambda: _visible_texts(window) == english)


def test_the_settings_dialog_switches_language(
    qtbot: QtBot,
    window: MainWindow,
    col: Collection,
    prefs: Preferences,
    appearance: Appearance,
) -> None:
    dialog = SettingsDialog(col, prefs, appearance, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("ko"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert prefs.language == "ko"
    qtbot.waitUntil(lambda: window.actions_by_key["settings"].text() == "설정")
    assert window.deck_page.title.text() == "덱"


def test_korean_grade_buttons_read_naturally(
    qtbot: QtBot,
    window: MainWindow,
    prefs: Preferences,
    appearance: Appearance,
    clock: FixedClock,
) -> None:
    prefs.language = "ko"
    appearance.apply()
    qtbot.waitUntil(lambda: window.review.show_button.text() == "정답 보기 (Space)")
    review = window.review
    window.study()
    qtbot.keyClick(review, Qt.Key.Key_Space)
    qtbot.keyClick(review, Qt.Key.Key_4)  # IAM: n=1, I=1, EF 2.5
    clock.advance(timedelta(days=1))
    window.show_decks()
    window.study()
    assert review.view.toPlainText().startswith("IAM")
    qtbot.keyClick(review, Qt.Key.Key_Space)
    # SM-2's second interval is 6 days for any pass; a fail starts over at 1 day.
    assert review.grade_buttons[4].text() == "4 — 망설였지만 정답 · 6일"
    assert review.grade_buttons[5].text() == "5 — 완벽 · 6일"
    assert review.grade_buttons[0].text() == "0 — 전혀 기억 안 남 · 1일 + 오늘 다시"
    assert review.grade_buttons[4].toolTip() == "잠시 망설인 뒤 정답\n다음 복습은 6일 뒤입니다."
    assert review.show_button.text() == "정답 보기 (Space)"


@pytest.mark.parametrize(
    ("choice", "locale", "font", "expected"),
    [
        ("system", QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea), True, "ko"),
        ("system", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), True, "en"),
        ("ko", QLocale(QLocale.Language.English), True, "ko"),
        ("en", QLocale(QLocale.Language.Korean), True, "en"),
        # Without a font for Hangul, Korean would be empty boxes: stay in English.
        ("system", QLocale(QLocale.Language.Korean), False, "en"),
        ("ko", QLocale(QLocale.Language.Korean), False, "en"),
    ],
)
def test_language_follows_the_system_locale(
    choice: str, locale: QLocale, font: bool, expected: str
) -> None:
    assert resolve_language(choice, korean_font=font, locale=locale) == expected


def test_system_language() -> None:
    assert system_language(QLocale(QLocale.Language.Korean)) == "ko"
    assert system_language(QLocale(QLocale.Language.German)) == "en"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (str(context.findtext("name")), str(message.findtext("source"))): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_string_has_a_finished_korean_translation() -> None:
    messages = _messages(TS_FILE)
    assert len(messages) > 100
    for key, message in messages.items():
        translation = message.find("translation")
        assert translation is not None, key
        assert translation.get("type") is None, f"unfinished: {key}"
        assert (translation.text or "").strip(), f"empty: {key}"
        if key not in NOT_WORDS:
            assert re.search("[가-힣]", translation.text or ""), f"not Korean: {key}"
        for marker in re.findall(r"%\d|%[vm]", key[1]):
            assert marker in (translation.text or ""), f"{marker} lost in {key}"


def test_the_ts_file_holds_every_string_in_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "flashcards" / "gui").glob("*.py"))
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), *sources, "-ts", str(fresh), "-locations", "none"],
        check=True,
        capture_output=True,
    )
    assert set(_messages(fresh)) == set(_messages(TS_FILE)), "run `make i18n` and translate"


def test_the_compiled_qm_matches_the_ts_source(tmp_path: Path) -> None:
    compiled = tmp_path / "fresh.qm"
    shutil.copy(TS_FILE, tmp_path / "fresh.ts")
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), str(tmp_path / "fresh.ts"), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == QM_FILE.read_bytes(), "run `make i18n`"
