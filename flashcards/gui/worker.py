"""Long work off the GUI thread, behind a modal progress dialog.

`run_in_background(parent, label, job)` runs `job()` in a QThread and shows an
application-modal busy dialog until it returns, so the window keeps painting
but nothing else can touch the collection meanwhile (the SQLite connection is
shared, one thread at a time). The result or the exception arrives by signal
on the GUI thread. Check database uses it; import and export can too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

__all__ = ["BackgroundTask", "run_in_background"]


class _JobThread(QThread):
    def __init__(self, job: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self._job = job
        self.result: object = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._job()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self.error = exc


class _BusyDialog(QProgressDialog):
    """A progress dialog the user cannot dismiss while the work runs."""

    def __init__(self, label: str, parent: QWidget | None) -> None:
        super().__init__(label, "", 0, 0, parent)
        self.setObjectName("busyDialog")
        self.setCancelButton(None)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(360)
        self.done_ = False

    def reject(self) -> None:
        if self.done_:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.done_:
            super().closeEvent(event)
        else:
            event.ignore()


class BackgroundTask(QObject):
    """One job in a worker thread. Emits `succeeded(result)` or `failed(exception)`,
    then `finished()`; the task deletes itself afterwards."""

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, parent: QWidget, label: str, job: Callable[[], object]) -> None:
        super().__init__(parent)
        self._thread = _JobThread(job, self)
        self._thread.finished.connect(self._on_thread_finished)
        self.dialog = _BusyDialog(label, parent)

    def start(self) -> None:
        self.dialog.show()
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def _on_thread_finished(self) -> None:
        self.dialog.done_ = True
        self.dialog.close()
        self.dialog.deleteLater()
        error = self._thread.error
        if error is not None:
            self.failed.emit(error)
        else:
            self.succeeded.emit(self._thread.result)
        self.finished.emit()
        self.deleteLater()


def run_in_background(parent: QWidget, label: str, job: Callable[[], object]) -> BackgroundTask:
    """Start `job` in a worker thread behind a modal busy dialog; connect to its signals."""
    task = BackgroundTask(parent, label, job)
    task.start()
    return task
