"""File ▸ Import…: choose a file, see what it holds, and choose how to import it.

The dialog only reads the file (`Collection.preview_import`, in the worker);
once it is accepted, the caller runs `Collection.import_file(dialog.path,
dialog.options())` in the worker too (see transfer.py). A file that cannot be
read shows the service's one-sentence reason and cannot be imported.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from flashcards.core.text import strip_html
from flashcards.gui.import_texts import column_label, describe, header_text
from flashcards.gui.labels import field_label, notetype_label
from flashcards.gui.messages import show_error
from flashcards.gui.sizing import fit_to_screen
from flashcards.gui.worker import BackgroundTask, run_in_background
from flashcards.services.bulkimport import DuplicatePolicy
from flashcards.services.collection import DEFAULT_DECK, Collection
from flashcards.services.errors import FlashcardsError
from flashcards.services.importing import IMPORT_SUFFIXES, ImportOptions, ImportPreview

__all__ = ["ImportDialog", "start_folder"]

_CELL_CHARS = 120
_FROM_FILE = "\x00file"  # item data of the "as in the file" choice


def start_folder() -> str:
    """Where file choosers start: the home folder."""
    return str(Path.home())


class ImportDialog(QDialog):
    """Shows a file's first rows and the import choices; `options()` reads them."""

    preview_loaded = Signal()  # a preview arrived, or the file was refused

    def __init__(self, col: Collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._col = col
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.task: BackgroundTask | None = None
        self.mapping_boxes: list[QComboBox] = []
        self._build()
        self._retranslate()
        fit_to_screen(self, 840, 580)

    # -- layout -------------------------------------------------------------------

    def _build(self) -> None:
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.choose_button = QPushButton(self)
        self.choose_button.clicked.connect(self.choose_file)
        self.info_label = QLabel(self)
        self.headers_label = QLabel(self)
        self.headers_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("importError")
        self.error_label.setStyleSheet("#importError { color: #dc2626; }")
        self.error_label.hide()
        for label in (self.info_label, self.headers_label, self.error_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # file names, headers, errors
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preview_box = QGroupBox(self)
        QVBoxLayout(self.preview_box).addWidget(self.table)
        self.notetype_box = QComboBox(self)
        self.notetype_box.currentIndexChanged.connect(self._notetype_changed)
        self.deck_box = QComboBox(self)
        self.deck_box.setEditable(True)
        self.deck_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.duplicates_box = QComboBox(self)
        for policy in DuplicatePolicy:
            self.duplicates_box.addItem("", policy)
        self.options_box = QGroupBox(self)
        self.options_form = QFormLayout(self.options_box)
        for widget in (self.notetype_box, self.deck_box, self.duplicates_box):
            self.options_form.addRow(QLabel(self), widget)
        self.mapping_box = QGroupBox(self)
        self.mapping_form = QFormLayout(self.mapping_box)
        self.mapping_box.hide()
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        choices = QHBoxLayout()
        choices.addWidget(self.options_box, 1)
        choices.addWidget(self.mapping_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        for label in (self.info_label, self.headers_label, self.error_label):
            layout.addWidget(label)
        layout.addWidget(self.preview_box, 1)
        layout.addLayout(choices)
        layout.addWidget(self.buttons)

    # -- reading the file ---------------------------------------------------------------

    def choose_file(self) -> None:
        suffixes = " ".join(f"*{s}" for s in IMPORT_SUFFIXES)
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a file"),
            str(self.path.parent) if self.path else start_folder(),
            self.tr("Decks and notes (%1)").replace("%1", suffixes),
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> BackgroundTask:
        """Read `path` in the worker and show what it holds."""
        path = Path(path)
        self.path, self.preview = path, None
        self.path_edit.setText(str(path))
        self.import_button.setEnabled(False)
        self.error_label.hide()
        label = self.tr("Reading %1…").replace("%1", path.name)
        task = run_in_background(self, label, lambda: self._col.preview_import(path))
        task.succeeded.connect(self._show_preview)
        task.failed.connect(self._refuse)
        task.finished.connect(self._preview_finished)
        self.task = task
        return task

    def _preview_finished(self) -> None:
        self.task = None
        self.preview_loaded.emit()

    def _refuse(self, error: BaseException) -> None:
        self._clear()
        if not isinstance(error, FlashcardsError):
            show_error(self, error)
            return
        self.error_label.setText(str(error))
        self.error_label.show()

    def _clear(self) -> None:
        self.preview = None
        self.info_label.clear()
        self.headers_label.clear()
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.mapping_box.hide()
        self.import_button.setEnabled(False)

    def _show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self._fill_table(preview)
        self._fill_notetypes(preview)
        self._fill_decks(preview)
        self._render_texts()
        self.import_button.setEnabled(True)
        self.import_button.setFocus()

    def _fill_table(self, preview: ImportPreview) -> None:
        width = max([preview.column_count, *(len(r) for r in preview.rows)], default=0)
        self.table.setColumnCount(width)
        self.table.setRowCount(len(preview.rows))
        for row, cells in enumerate(preview.rows):
            for column, value in enumerate(cells):
                text = " ".join(strip_html(value).split())
                short = text if len(text) <= _CELL_CHARS else text[: _CELL_CHARS - 1] + "…"
                item = QTableWidgetItem(short)
                item.setToolTip(text[:1000])
                self.table.setItem(row, column, item)
        self._label_columns()
        self.table.resizeColumnsToContents()
        for column in range(width):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))

    def _label_columns(self) -> None:
        preview = self.preview
        if preview is None:
            return
        labels = [column_label(c) for c in preview.columns]
        labels += [
            self.tr("Field %1").replace("%1", str(i + 1))
            for i in range(len(labels), self.table.columnCount())
        ]
        self.table.setHorizontalHeaderLabels(labels)

    # -- choices ---------------------------------------------------------------------------

    def _fill_notetypes(self, preview: ImportPreview) -> None:
        """Text files without a note type of their own take the one chosen here."""
        box = self.notetype_box
        box.blockSignals(True)
        box.clear()
        named = preview.headers.get("notetype", "").strip()
        if preview.format != "text" or preview.notetype is None or named:
            box.addItem("", named or _FROM_FILE)  # the file decides; shown, not chosen
            box.setEnabled(False)
        else:
            for notetype in self._col.notetypes():
                box.addItem(notetype_label(notetype.name), notetype.name)
            box.setCurrentIndex(max(0, box.findData(preview.notetype)))
            box.setEnabled(True)
        box.blockSignals(False)
        self._notetype_changed()

    def _fill_decks(self, preview: ImportPreview) -> None:
        self.deck_box.clear()
        text_without_decks = preview.format == "text" and not (
            preview.deck or "deck column" in preview.headers
        )
        if not text_without_decks:
            self.deck_box.addItem("", _FROM_FILE)
        for deck in self._col.decks():
            self.deck_box.addItem(deck.name, deck.name)
        if text_without_decks:
            if self.deck_box.findData(DEFAULT_DECK) < 0:
                self.deck_box.addItem(DEFAULT_DECK, DEFAULT_DECK)
            self.deck_box.setCurrentIndex(self.deck_box.findData(DEFAULT_DECK))

    def _notetype_fields(self) -> list[str]:
        preview = self.preview
        assert preview is not None
        name = self.notetype_box.currentData()
        try:
            return [field_label(f) for f in self._col.notetype(str(name)).fields]
        except FlashcardsError:  # named by each row, or a type this collection lacks
            count = len(preview.field_columns)
            return [self.tr("Field %1").replace("%1", str(i + 1)) for i in range(count)]

    def _notetype_changed(self) -> None:
        """One combo per field of the note type: which column fills it, or nothing."""
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.mapping_boxes = []
        preview = self.preview
        if preview is None or preview.format != "text":
            self.mapping_box.hide()
            return
        labels = [column_label(c) for c in preview.columns]
        for position, name in enumerate(self._notetype_fields()):
            box = QComboBox(self)
            box.setObjectName(f"mapping{position}")
            box.addItem(self.tr("(nothing)"), None)
            for column, label in enumerate(labels):
                box.addItem(label, column)
            default = preview.field_columns[position : position + 1]
            box.setCurrentIndex(box.findData(default[0]) if default else 0)
            title = QLabel(name, self)
            title.setTextFormat(Qt.TextFormat.PlainText)
            self.mapping_form.addRow(title, box)
            self.mapping_boxes.append(box)
        self.mapping_box.show()

    def options(self) -> ImportOptions:
        """The choices as the import service takes them."""
        preview = self.preview
        deck: str | None = self.deck_box.currentText().strip()
        if self.deck_box.itemData(0) == _FROM_FILE and deck == self.deck_box.itemText(0):
            deck = None
        notetype = self.notetype_box.currentData()
        text = preview is not None and preview.format == "text"
        return ImportOptions(
            deck=deck or None,
            notetype=str(notetype) if text and notetype != _FROM_FILE else None,
            field_columns=[b.currentData() for b in self.mapping_boxes] if text else None,
            duplicates=DuplicatePolicy(self.duplicates_box.currentData()),
        )

    # -- texts ------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import"))
        self.choose_button.setText(self.tr("Choose…"))
        self.path_edit.setPlaceholderText(self.tr("Choose a file, or drop one on the window"))
        self.preview_box.setTitle(self.tr("First rows"))
        self.options_box.setTitle(self.tr("Import into"))
        self.mapping_box.setTitle(self.tr("Fields"))
        self.import_button.setText(self.tr("Import"))
        form_labels = (self.tr("Note type:"), self.tr("Deck:"), self.tr("Notes already here:"))
        for row, text in enumerate(form_labels):
            item = self.options_form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                widget.setText(text)
        policies = {
            DuplicatePolicy.UPDATE: self.tr("Update them from the file"),
            DuplicatePolicy.KEEP: self.tr("Keep them as they are"),
            DuplicatePolicy.ADD: self.tr("Add the file's as new notes"),
        }
        for index in range(self.duplicates_box.count()):
            self.duplicates_box.setItemText(
                index, policies[DuplicatePolicy(self.duplicates_box.itemData(index))]
            )
        self.duplicates_box.setToolTip(
            self.tr(
                "A note is already here when it has the same ID (Anki's GUID) or, for text "
                "files without IDs, the same first field. Updating keeps its review history."
            )
        )
        self._render_texts()

    def _render_texts(self) -> None:
        preview = self.preview
        if preview is None:
            return
        self.info_label.setText(describe(preview))
        self.headers_label.setText(header_text(preview))
        self.headers_label.setVisible(preview.format == "text")
        self._label_columns()
        if self.notetype_box.count() and not self.notetype_box.isEnabled():
            data = self.notetype_box.itemData(0)
            self.notetype_box.setItemText(
                0,
                self.tr("(as each row says)")
                if data == _FROM_FILE and preview.format == "text"
                else self.tr("(as in the file)")
                if data == _FROM_FILE
                else notetype_label(str(data)),
            )
        if self.deck_box.count() and self.deck_box.itemData(0) == _FROM_FILE:
            self.deck_box.setItemText(0, self._file_decks_text(preview))
        for position, name in enumerate(self._notetype_fields()):
            item = self.mapping_form.itemAt(position, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                widget.setText(name)

    def _file_decks_text(self, preview: ImportPreview) -> str:
        if preview.deck:
            return self.tr("(the file's deck: %1)").replace("%1", preview.deck)
        return self.tr("(the file's own decks)")
