"""The guard that keeps PySide6 6.12.0's leaked references to None from crashing the app."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from flashcards.gui import refguard


def test_the_app_outlives_more_leaking_calls_than_none_had_references(
    qapp: QApplication, qtbot: QtBot
) -> None:
    timer = refguard.install(qapp)
    if not refguard.leaks():  # a PySide6 or CPython without the leak: nothing to guard
        assert timer is None
        return
    assert timer is not None
    assert timer.isActive()
    assert sys.getrefcount(None) >= refguard.FLOOR - 100  # a few calls leaked since the tick
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(refguard.FLOOR // 2):  # each call takes one reference away from None
        probe.setObjectName("probe")
    assert sys.getrefcount(None) < before - refguard.FLOOR // 4
    qtbot.waitUntil(lambda: sys.getrefcount(None) >= refguard.FLOOR)  # topped up again
    assert refguard.install(qapp) is timer  # once per process


def test_top_up_holds_the_missing_references() -> None:
    if not refguard.leaks():
        return
    probe = QObject()
    refguard.top_up()
    for _ in range(1000):
        probe.setObjectName("probe")
    assert refguard.top_up() >= 900  # about 1000, less what other code holds meanwhile
