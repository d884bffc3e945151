"""Long work off the GUI thread, behind a modal progress dialog.

`run_in_background(parent, label, job)` runs `job()` in a QThread and shows an
application-modal busy dialog until it returns, so the window keeps painting
but nothing else can touch the collection meanwhile (the SQLite connection is
shared, one thread at a time). The result or the exception arrives by signal
on the GUI thread. Check database uses it.

`run_with_progress(parent, label, job)` is the same for jobs that can say how
far they are: `job(report)` calls `report(done, total)` from the worker
thread, and the dialog becomes a determinate progress bar. The report crosses
to the GUI thread as a posted event (thread-safe), throttled to one per
percent: every call into PySide6 6.12.0 costs a reference to None or True on
CPython 3.11 (see refguard.py), so fewer calls are better. Import and export
use it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

__all__ = ["BackgroundTask", "Report", "run_in_background", "run_with_progress"]

Report = Callable[[int, int], None]
"""report(done, total): how far a job is; callable from the worker thread."""


_PROGRESS_EVENT = QEvent.Type(QEvent.registerEventType())


class _ProgressEvent(QEvent):
    def __init__(self, done: int, total: int) -> None:
        super().__init__(_PROGRESS_EVENT)
        self.done, self.total = done, total


class _JobThread(QThread):
    def __init__(self, job: Callable[[Report], object], parent: QObject) -> None:
        super().__init__(parent)
        self._job = job
        self._receiver = parent
        self._step = -1
        self.result: object = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._job(self.report)
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self.error = exc

    def report(self, done: int, total: int) -> None:
        """Post (done, total) to the task when it moved by a percent or more, and at the end."""
        step = done * 100 // total if total > 0 else 0
        if step != self._step or done >= total:
            self._step = step
            QCoreApplication.postEvent(self._receiver, _ProgressEvent(done, total))


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

    def __init__(self, parent: QWidget, label: str, job: Callable[[Report], object]) -> None:
        super().__init__(parent)
        self._thread = _JobThread(job, self)
        self._thread.finished.connect(self._on_thread_finished)
        self.dialog = _BusyDialog(label, parent)
        self.progress_reports = 0

    def start(self) -> None:
        self.dialog.show()
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def event(self, event: QEvent) -> bool:
        if isinstance(event, _ProgressEvent):
            self.progress_reports += 1
            if event.total > 0 and not self.dialog.done_:
                self.dialog.setMaximum(event.total)
                self.dialog.setValue(min(event.done, event.total))
            return True
        return super().event(event)

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
    return run_with_progress(parent, label, lambda _report: job())


def run_with_progress(
    parent: QWidget, label: str, job: Callable[[Report], object]
) -> BackgroundTask:
    """Start `job(report)` in a worker thread; its reports drive a determinate progress bar."""
    task = BackgroundTask(parent, label, job)
    task.start()
    return task
