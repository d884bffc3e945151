"""The Qt bindings we ship with must not leak references to None (PySide6 6.12.0 did).

PySide6 6.12.0 on CPython 3.11 returned None from void calls without taking a
reference, so a long review session aborted the interpreter ("deallocating
None"). pyproject.toml keeps that release out; this test catches a repeat.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal()


def test_void_calls_and_emits_keep_none_and_true_alive() -> None:
    probe = _Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):  # 6.12.0 would lose ~4000 references: a failure, not an abort
        probe.setObjectName("x")
        probe.ping.emit()
    assert abs(sys.getrefcount(None) - none_before) < 100
    assert abs(sys.getrefcount(True) - true_before) < 100
