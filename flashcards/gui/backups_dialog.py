"""File ▸ Backups…: the collection's backups, a backup now, and restoring one.

A restore asks first, runs in the worker (the service saves the current
collection as a backup before replacing it) and then emits `restored`, so the
main window can read everything again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from flashcards.gui.messages import ask, inform, show_error
from flashcards.gui.sizing import fit_to_screen
from flashcards.gui.worker import BackgroundTask, run_in_background
from flashcards.services.backups import KEEP_BACKUPS, Backup
from flashcards.services.collection import Collection

__all__ = ["BackupsDialog"]

FolderOpener = Callable[[Path], object]
_TRADITIONAL = QLocale.DataSizeFormat.DataSizeTraditionalFormat  # "1.2 MB", not "1.2 MiB"


def open_folder(path: Path) -> bool:
    """Show `path` in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def backup_time(backup: Backup) -> str:
    return backup.created.strftime("%Y-%m-%d %H:%M:%S")


class BackupsDialog(QDialog):
    """Lists the backups, newest first; `restored` after a backup replaced the collection."""

    restored = Signal()
    replacing = Signal()  # a restore is about to start: windows save their edits and close

    def __init__(
        self,
        col: Collection,
        parent: QWidget | None = None,
        *,
        opener: FolderOpener = open_folder,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._col, self._opener = col, opener
        self.task: BackgroundTask | None = None
        self.backups: list[Backup] = []
        self._build()
        self._retranslate()
        self.reload()
        fit_to_screen(self, 640, 460)

    def _build(self) -> None:
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.list = QTreeWidget(self)
        self.list.setRootIsDecorated(False)
        self.list.setColumnCount(3)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformRowHeights(True)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.backup_button = QPushButton(self)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self)
        self.restore_button.clicked.connect(self.ask_restore)
        self.folder_button = QPushButton(self)
        self.folder_button.clicked.connect(lambda: self._opener(self._col.backups_dir))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.folder_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)

    # -- the list --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the backups folder again."""
        self.backups = self._col.backups()
        self.list.clear()
        locale = QLocale()
        for backup in self.backups:
            item = QTreeWidgetItem([backup_time(backup), self._reason(backup.reason), ""])
            try:
                item.setText(2, locale.formattedDataSize(backup.size, 1, _TRADITIONAL))
            except OSError:  # removed meanwhile: listed until the next reload
                item.setText(2, "—")
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, str(backup.path))
            self.list.addTopLevelItem(item)
        self.select_row(0)
        self._selection_changed()

    def select_row(self, row: int) -> None:
        if 0 <= row < len(self.backups):
            self.list.setCurrentIndex(self.list.model().index(row, 0))

    def selected(self) -> Backup | None:
        row = self.list.currentIndex().row()
        return self.backups[row] if self.list.currentIndex().isValid() else None

    def select(self, path: Path) -> None:
        for row, backup in enumerate(self.backups):
            if backup.path == path:
                self.select_row(row)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    # -- actions ---------------------------------------------------------------------------

    def back_up_now(self) -> BackgroundTask:
        task = run_in_background(
            self, self.tr("Backing up the collection…"), lambda: self._col.backup("manual")
        )
        task.succeeded.connect(self._backed_up)
        task.failed.connect(lambda error: show_error(self, error))
        task.finished.connect(self._task_finished)
        self.task = task
        return task

    def _backed_up(self, backup: Backup) -> None:
        self.reload()
        self.select(backup.path)

    def ask_restore(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        ask(
            self,
            self.tr("Restore a backup"),
            self.tr("Restore the backup from %1?").replace("%1", backup_time(backup)),
            self.tr(
                "The collection as it is now is saved as a backup first, so you can go back "
                "to it. Undo cannot go back past a restore."
            ),
            self.tr("Restore"),
            lambda: self.restore(backup),
        )

    def restore(self, backup: Backup) -> BackgroundTask:
        """Replace the collection with `backup` in the worker (no questions asked)."""
        self.replacing.emit()  # an edit still open goes into the "before a restore" backup
        task = run_in_background(
            self, self.tr("Restoring the backup…"), lambda: self._col.restore(backup.path)
        )
        task.succeeded.connect(lambda safety: self._restored(backup, safety))
        task.failed.connect(lambda error: show_error(self, error))
        task.finished.connect(self._task_finished)
        self.task = task
        return task

    def _restored(self, backup: Backup, safety: Backup) -> None:
        self.reload()
        self.restored.emit()
        text = self.tr(
            "The backup from %1 was restored. The collection you had is kept as the "
            "backup from %2 (“before a restore”)."
        )
        text = text.replace("%1", backup_time(backup)).replace("%2", backup_time(safety))
        inform(self, self.tr("Backup restored"), text)

    def _task_finished(self) -> None:
        self.task = None

    def reject(self) -> None:
        if self.task is None:  # never close under a running backup or restore
            super().reject()

    # -- texts -------------------------------------------------------------------------------

    def _reason(self, reason: str) -> str:
        reasons = {
            "daily": self.tr("daily, when the app closed"),
            "import": self.tr("before an import"),
            "manual": self.tr("by hand"),
            "restore": self.tr("before a restore"),
        }
        return reasons.get(reason, reason)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.reload()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Backups"))
        self.intro.setText(
            self.tr(
                "flashcards backs up your collection every day when it closes and before "
                "every import, and keeps the newest %1 backups."
            ).replace("%1", str(KEEP_BACKUPS))
        )
        self.list.setHeaderLabels([self.tr("Made at"), self.tr("Why"), self.tr("Size")])
        self.backup_button.setText(self.tr("Back up now"))
        self.restore_button.setText(self.tr("Restore…"))
        self.folder_button.setText(self.tr("Open backups folder"))
