"""Qt's own dialogs and buttons speak Korean too, not only the app's widgets.

Qt ships its Korean catalogue (qtbase_ko.qm); where it lacks a string of this Qt
version (the file dialog's "&Look in:" and "Files of &type:"), the app's
catalogue has it.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from flashcards.gui.appearance import Appearance
from flashcards.gui.preferences import Preferences

HANGUL = re.compile("[가-힣]")


def _korean(prefs: Preferences, appearance: Appearance) -> None:
    prefs.language = "ko"
    appearance.apply()


def test_the_file_dialog_is_korean(
    qtbot: QtBot, prefs: Preferences, appearance: Appearance
) -> None:
    _korean(prefs, appearance)
    dialog = QFileDialog(None, "가져오기", "", "Anki (*.apkg)")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on most Linux
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert len(labels) >= 3
    assert all(HANGUL.search(text) for text in labels), labels
    assert "다음에서 찾기(&L):" in labels
    assert "파일 형식(&T):" in labels


def test_standard_buttons_are_korean(
    qtbot: QtBot, prefs: Preferences, appearance: Appearance
) -> None:
    _korean(prefs, appearance)
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(
        QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Close
    )
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, box)
    texts = [b.text() for b in (*box.buttons(), *buttons.buttons())]
    assert all(HANGUL.search(text) for text in texts), texts
