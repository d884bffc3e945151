"""A guard against PySide6 6.12.0's reference leak on None, True and False (CPython < 3.12).

PySide6 6.12.0 hands back None, True or False from some calls (void methods
such as `QObject.setObjectName` or `QCoreApplication.postEvent`, and the bool
of `Signal.emit()`) without taking the reference it returns, so each such call
takes one reference away from the singleton. On CPython 3.12 and later these
objects are immortal and nothing happens; on 3.11 the count of None reaches
zero after roughly ten thousand calls — about two hundred answered cards — and
the interpreter aborts ("deallocating None").

`install(app)` measures the leak once and, only when it is there, tops the
counts up from a timer with `Py_IncRef` — references nobody gives back, which
also keeps the interpreter from aborting at exit, when everything that
really holds None lets go of it.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer

__all__ = ["FLOOR", "install", "leaks"]

FLOOR = 100_000
"""Each singleton is kept above this many references; a tick tops it up again."""
_INTERVAL_MS = 250
_MARGIN = 16  # references the guard itself holds while it counts
_timer: QTimer | None = None
_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def leaks() -> bool:
    """True when this PySide6 drops a reference to None on a void call."""
    if sys.version_info >= (3, 12):
        return False  # immortal singletons: a missing reference does no harm
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(20):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


def top_up() -> int:
    """Add references until each singleton has FLOOR of them; return how many were added."""
    added = 0
    for singleton in (None, True, False):
        missing = FLOOR + _MARGIN - sys.getrefcount(singleton)
        for _ in range(max(0, missing)):
            _incref(singleton)
        added += max(0, missing)
    return added


def install(app: QCoreApplication) -> QTimer | None:
    """Keep the counts up for the life of `app` when the leak is there (once per process)."""
    global _timer
    if _timer is not None or not leaks():
        return _timer
    top_up()
    _timer = QTimer(app)
    _timer.setObjectName("refcountGuard")
    _timer.timeout.connect(top_up)
    _timer.start(_INTERVAL_MS)
    return _timer
