"""File ▸ Export…: a deck (with its subdecks) or everything, to .apkg, .json, .csv, .tsv or .txt.

Options a format cannot carry are switched off: text files hold notes only,
and our JSON always holds everything. An `.apkg` is written in Anki's current
format unless "Support older Anki versions" is ticked (as in Anki's own export
dialog). Once accepted, the caller runs
`Collection.export_file(dialog.path, dialog.options())` in the worker.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flashcards.gui.import_dialog import start_folder
from flashcards.services.collection import Collection
from flashcards.services.exporting import ExportOptions

__all__ = ["FORMATS", "ExportDialog", "default_export_path"]

FORMATS = (".apkg", ".json", ".csv", ".tsv", ".txt")


def default_export_path(folder: Path, deck: str | None, suffix: str, today: date) -> Path:
    """'AWS-EC2-2026-11-27.apkg' in `folder`, numbered so it never replaces a file."""
    stem = (deck or "flashcards").replace("::", "-").replace("/", "-").replace("\\", "-")
    stem = f"{stem}-{today.isoformat()}"
    path = folder / f"{stem}{suffix}"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}{suffix}"
        number += 1
    return path


class ExportDialog(QDialog):
    """The export choices; `path` and `options()` read them."""

    def __init__(
        self, col: Collection, deck: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._col = col
        # the .apkg choices (scheduling, media, legacy), kept while another format is shown
        self._wanted = (True, True, False)
        self._chosen = False  # the user chose the file: changing the deck keeps its name
        self._build()
        self.deck_box.addItem("", None)
        for existing in col.decks():
            self.deck_box.addItem(existing.name, existing.name)
        self.deck_box.setCurrentIndex(max(0, self.deck_box.findData(deck)))
        for suffix in FORMATS:
            self.format_box.addItem("", suffix)
        chosen = self.deck_box.currentData()
        self.path = default_export_path(Path(start_folder()), chosen, FORMATS[0], col.now().date())
        self.path_edit.setText(str(self.path))
        self.deck_box.currentIndexChanged.connect(self._deck_changed)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self._retranslate()
        self._format_changed()
        self.setMinimumWidth(660)

    def _build(self) -> None:
        self.deck_box = QComboBox(self)
        self.format_box = QComboBox(self)
        self.scheduling_check = QCheckBox(self)
        self.media_check = QCheckBox(self)
        self.legacy_check = QCheckBox(self)
        self.scheduling_check.setChecked(True)
        self.media_check.setChecked(True)
        for check in self._checks:
            check.toggled.connect(self._remember_choices)
        self.format_note = QLabel(self)
        self.format_note.setWordWrap(True)
        self.format_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.choose_button = QPushButton(self)
        self.choose_button.clicked.connect(self.choose_file)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.choose_button)
        self.form = QFormLayout()
        self.form.addRow(QLabel(self), self.deck_box)
        self.form.addRow(QLabel(self), self.format_box)
        self.form.addRow("", self.scheduling_check)
        self.form.addRow("", self.media_check)
        self.form.addRow("", self.legacy_check)
        self.form.addRow("", self.format_note)
        self.form.addRow(QLabel(self), path_row)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # -- choices ------------------------------------------------------------------------

    @property
    def _checks(self) -> tuple[QCheckBox, QCheckBox, QCheckBox]:
        return (self.scheduling_check, self.media_check, self.legacy_check)

    @property
    def suffix(self) -> str:
        return str(self.format_box.currentData())

    def set_path(self, path: Path) -> None:
        """Export to `path`; its extension chooses the format when it names one."""
        path = Path(path)
        if path.suffix.lower() in FORMATS:
            self.format_box.setCurrentIndex(self.format_box.findData(path.suffix.lower()))
        else:
            path = path.with_name(path.name + self.suffix)
        self.path = path
        self.path_edit.setText(str(path))

    def choose_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to"),
            str(self.path),
            self.tr("%1 files (*%1)").replace("%1", self.suffix),
        )
        if name:
            self.set_path(Path(name))
            self._chosen = True

    def _deck_changed(self) -> None:
        if self._chosen:
            return
        deck = self.deck_box.currentData()
        self.set_path(
            default_export_path(self.path.parent, deck, self.suffix, self._col.now().date())
        )

    def _format_changed(self) -> None:
        suffix = self.suffix
        if self.path.suffix.lower() != suffix:
            self.path = self.path.with_suffix(suffix)
            self.path_edit.setText(str(self.path))
        apkg = suffix == ".apkg"
        # JSON holds everything: scheduling and media ticked; it has no legacy flavour.
        elsewhere = (suffix == ".json", suffix == ".json", False)
        for check, wanted, other in zip(self._checks, self._wanted, elsewhere, strict=True):
            check.blockSignals(True)
            check.setChecked(wanted if apkg else other)
            check.setEnabled(apkg)
            check.blockSignals(False)
        self._retranslate_note()

    def _remember_choices(self) -> None:
        if self.suffix == ".apkg":
            scheduling, media, legacy = (c.isChecked() for c in self._checks)
            self._wanted = (scheduling, media, legacy)

    def options(self) -> ExportOptions:
        return ExportOptions(
            deck=self.deck_box.currentData(),
            scheduling=self.scheduling_check.isChecked(),
            media=self.media_check.isChecked(),
            legacy=self.legacy_check.isChecked(),
        )

    # -- texts ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export"))
        self.deck_box.setItemText(0, self.tr("All decks"))
        names = {
            ".apkg": self.tr("Anki package (.apkg)"),
            ".json": self.tr("flashcards JSON, everything (.json)"),
            ".csv": self.tr("Anki text, comma-separated (.csv)"),
            ".tsv": self.tr("Anki text, tab-separated (.tsv)"),
            ".txt": self.tr("Notes in plain text, as Anki writes them (.txt)"),
        }
        for index in range(self.format_box.count()):
            self.format_box.setItemText(index, names[str(self.format_box.itemData(index))])
        self.scheduling_check.setText(self.tr("Include scheduling and review history"))
        self.media_check.setText(self.tr("Include media files"))
        self.legacy_check.setText(self.tr("Support older Anki versions (slower, larger file)"))
        self.choose_button.setText(self.tr("Choose…"))
        self.export_button.setText(self.tr("Export"))
        labels = (self.tr("Deck:"), self.tr("Format:"), self.tr("Save as:"))
        for row, text in zip((0, 1, 6), labels, strict=True):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                widget.setText(text)
        self._retranslate_note()

    def _retranslate_note(self) -> None:
        notes = {
            ".apkg": self.tr("Anki imports this file: File ▸ Import in Anki."),
            ".json": self.tr(
                "Our own format holds everything: scheduling, review history and media."
            ),
            ".csv": self.tr("Text files hold the notes only: no scheduling, no media."),
        }
        self.format_note.setText(notes.get(self.suffix, notes[".csv"]))
