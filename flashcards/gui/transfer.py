"""Import, export and backups for the main window: dialogs, worker jobs, summaries, drops.

Every job that touches the collection runs in the worker behind a progress
dialog and is announced by `task_started`, so the window can refuse to close
meanwhile and read its counts again afterwards. A file dropped on the window
opens the import dialog with that file.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget

from flashcards.gui.messages import inform, show_error
from flashcards.gui.worker import BackgroundTask, run_with_progress
from flashcards.services.collection import Collection

if TYPE_CHECKING:
    from flashcards.gui.backups_dialog import BackupsDialog
    from flashcards.gui.export_dialog import ExportDialog
    from flashcards.gui.import_dialog import ImportDialog
    from flashcards.services.exporting import ExportOptions, ExportSummary
    from flashcards.services.importing import ImportOptions
    from flashcards.services.notes import ImportSummary

# The dialogs and the import/export services (every file format) are imported
# when first used: the main window builds Transfers at start-up, for drops.

__all__ = ["Transfers", "importable_file"]


def importable_file(mime: QMimeData) -> Path | None:
    """The first local file in a drag that the import dialog can read, if any."""
    from flashcards.services.importing import IMPORT_SUFFIXES

    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in IMPORT_SUFFIXES and path.is_file():
                return path
    return None


class Transfers(QObject):
    """Opens the Import, Export and Backups dialogs and runs what they ask for."""

    task_started = Signal(object)  # a BackgroundTask that uses the collection
    collection_replaced = Signal()  # a backup was restored: read everything again
    replacing = Signal()  # a restore is about to start

    def __init__(self, col: Collection, window: QWidget) -> None:
        super().__init__(window)
        self._col, self._window = col, window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Drags of an importable file onto the window are taken; a drop opens the dialog."""
        kinds = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)
        if watched is self._window and event.type() in kinds and isinstance(event, QDropEvent):
            path = importable_file(event.mimeData())
            if path is None:
                event.ignore()
                return True
            event.acceptProposedAction()
            if event.type() == QEvent.Type.Drop:
                self.open_import(path)
            return True
        return super().eventFilter(watched, event)

    # -- import ---------------------------------------------------------------------------

    def open_import(self, path: Path | None = None) -> ImportDialog:
        """The import dialog, reading `path` at once when given (a dropped file)."""
        from flashcards.gui.import_dialog import ImportDialog

        dialog = ImportDialog(self._col, self._window)
        dialog.accepted.connect(lambda: self._import_accepted(dialog))
        dialog.open()
        if path is not None:
            dialog.load(path)
        return dialog

    def _import_accepted(self, dialog: ImportDialog) -> None:
        if dialog.path is not None:
            self.start_import(dialog.path, dialog.options())

    def start_import(self, path: Path, options: ImportOptions) -> BackgroundTask:
        """Import in the worker (the service backs the collection up first)."""
        task = run_with_progress(
            self._window,
            self.tr("Importing %1…").replace("%1", path.name),
            lambda report: self._col.import_file(path, replace(options, progress=report)),
        )
        task.succeeded.connect(lambda summary: self._imported(path, summary))
        task.failed.connect(lambda error: show_error(self._window, error))
        self.task_started.emit(task)
        return task

    def _imported(self, path: Path, summary: ImportSummary) -> None:
        text = self.tr("%1: %2 added, %3 updated, %4 unchanged, %5 skipped.")
        values = (path.name, summary.added, summary.updated, summary.unchanged, summary.skipped)
        for number, value in enumerate(values, start=1):
            text = text.replace(f"%{number}", str(value))
        extra = self.tr("Cards created: %1 · review-log entries: %2 · media files: %3")
        for number, value in enumerate((summary.cards, summary.reviews, summary.media), 1):
            extra = extra.replace(f"%{number}", str(value))
        lines = [text, extra]
        if summary.progress_taken:
            taken = self.tr("Cards here never studied that took the file's progress: %1")
            lines.append(taken.replace("%1", str(summary.progress_taken)))
        if summary.notes:
            remarks = self.tr("Remarks about the file: %1 (see Details).")
            lines.append(remarks.replace("%1", str(len(summary.notes))))
        inform(self._window, self.tr("Import finished"), "\n".join(lines), "\n".join(summary.notes))

    # -- export ---------------------------------------------------------------------------

    def open_export(self, deck: str | None = None) -> ExportDialog:
        from flashcards.gui.export_dialog import ExportDialog

        dialog = ExportDialog(self._col, deck, self._window)
        dialog.accepted.connect(lambda: self.start_export(dialog.path, dialog.options()))
        dialog.open()
        return dialog

    def start_export(self, path: Path, options: ExportOptions) -> BackgroundTask:
        task = run_with_progress(
            self._window,
            self.tr("Exporting to %1…").replace("%1", path.name),
            lambda report: self._col.export_file(path, replace(options, progress=report)),
        )
        task.succeeded.connect(self._exported)
        task.failed.connect(lambda error: show_error(self._window, error))
        self.task_started.emit(task)
        return task

    def _exported(self, summary: ExportSummary) -> None:
        if summary.notes_only:
            text = self.tr(
                "Exported to %2. Notes: %1 (a text file carries no scheduling, review log or "
                "media)."
            )
            values: tuple[object, ...] = (summary.notes, summary.path)
        else:
            text = self.tr(
                "Exported to %5. Notes: %1 · cards: %2 · review-log entries: %3 · media files: %4"
            )
            values = (summary.notes, summary.cards, summary.reviews, summary.media, summary.path)
        for number, value in enumerate(values, start=1):
            text = text.replace(f"%{number}", str(value))
        inform(self._window, self.tr("Export finished"), text)

    # -- backups --------------------------------------------------------------------------

    def open_backups(self) -> BackupsDialog:
        from flashcards.gui.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self._col, self._window)
        dialog.restored.connect(self.collection_replaced)
        dialog.replacing.connect(self.replacing)
        dialog.open()
        return dialog
