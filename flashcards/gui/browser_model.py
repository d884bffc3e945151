"""The card browser's table model: every matching card id, rows fetched only when painted.

`search()` and `sort()` ask `Collection.browse` once for the ordered card ids
(sorting happens in SQL, never here). `data()` asks `Collection.browse_rows`
for the page of PAGE_SIZE rows around the row being painted and keeps at most
MAX_PAGES pages (least recently used first out), so a 100,000-card search holds
only its ids and a few hundred rows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from flashcards.gui.labels import interval_text
from flashcards.services.browse import BrowseResult, BrowseRow, CardState, SortColumn
from flashcards.services.collection import Collection

__all__ = ["CARD_ID_ROLE", "COLUMNS", "MAX_PAGES", "PAGE_SIZE", "CardTableModel"]

PAGE_SIZE = 100
MAX_PAGES = 20
CARD_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
_SCANNED = 16
"""Up to this many cards are found by scanning the ids once each; more in one pass."""

COLUMNS = (
    SortColumn.SORT_FIELD,
    SortColumn.DECK,
    SortColumn.DUE,
    SortColumn.INTERVAL,
    SortColumn.EASE,
    SortColumn.REPS,
    SortColumn.LAPSES,
    SortColumn.ADDED,
    SortColumn.TAGS,
)
_NUMERIC = frozenset({SortColumn.INTERVAL, SortColumn.EASE, SortColumn.REPS, SortColumn.LAPSES})
# Okabe–Ito yellow and vermillion, translucent so light and dark themes both show through.
_TINTS = {CardState.SUSPENDED: QColor(240, 228, 66, 70), CardState.BURIED: QColor(213, 94, 0, 45)}

Index = QModelIndex | QPersistentModelIndex

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_ALIGNMENTS = tuple(
    int(
        (Qt.AlignmentFlag.AlignRight if column in _NUMERIC else Qt.AlignmentFlag.AlignLeft)
        | Qt.AlignmentFlag.AlignVCenter
    )
    for column in COLUMNS
)


@dataclass(frozen=True)
class _Entry:
    """A fetched row and its cells, formatted once."""

    row: BrowseRow
    cells: tuple[str, ...]


class CardTableModel(QAbstractTableModel):
    """Rows of `Collection.browse(query, sort, descending)`, read a page at a time."""

    searched = Signal()  # a new result (search, sort or refresh) is in place

    def __init__(self, col: Collection, parent: Any = None) -> None:
        super().__init__(parent)
        self._col = col
        self._result = BrowseResult("", SortColumn.SORT_FIELD, False, ())
        self._query = ""
        self._pages: OrderedDict[int, dict[int, _Entry]] = OrderedDict()
        self._tz: tzinfo | None = None
        self.page_loads = 0  # how many pages were read (for tests and the benchmark)
        self.frozen = False  # while a worker uses the collection: cached rows only

    # -- the result -----------------------------------------------------------------

    @property
    def query(self) -> str:
        """The search text as the user typed it."""
        return self._query

    @property
    def sort_column(self) -> SortColumn:
        return self._result.sort

    @property
    def descending(self) -> bool:
        return self._result.descending

    @property
    def card_ids(self) -> tuple[int, ...]:
        return self._result.card_ids

    def search(self, query: str) -> None:
        """Show the cards matching `query`; a malformed one raises SearchQueryError
        and leaves the rows as they were."""
        result = self._col.browse(query, self._result.sort, self._result.descending)
        self._query = query
        self._set_result(result)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by a column, in SQL (a header click)."""
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self._set_result(self._col.browse(self._query, COLUMNS[column], descending))

    def refresh(self) -> None:
        """Search again with the same query and order (after the collection changed)."""
        self._set_result(self._col.browse(self._query, self._result.sort, self._result.descending))

    def reload_rows(self) -> None:
        """Forget the fetched rows (cards changed elsewhere); the ids stay."""
        self._pages.clear()
        if self._result.card_ids:
            last = self.index(len(self._result.card_ids) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _set_result(self, result: BrowseResult) -> None:
        self.beginResetModel()
        self._result = result
        self._pages.clear()
        self._tz = self._col.now().tzinfo
        self.endResetModel()
        self.searched.emit()

    def card_id(self, row: int) -> int:
        return self._result.card_ids[row]

    def row_of(self, card_id: int) -> int | None:
        """The row showing a card, or None when the search does not hold it."""
        rows = self.rows_of([card_id])
        return rows[0] if rows else None

    def rows_of(self, card_ids: Iterable[int]) -> list[int]:
        """The rows showing these cards (those the search holds), in row order.

        No map from every card to its row is kept: at 100,000 cards it held 8 MB
        of the browser's peak memory to restore a selection of a few rows. A few
        cards are found by scanning the ids in C, many in one pass.
        """
        ids = self._result.card_ids
        wanted = set(card_ids)
        if len(wanted) > _SCANNED:
            return [row for row, cid in enumerate(ids) if cid in wanted]
        rows = []
        for card_id in wanted:
            try:
                rows.append(ids.index(card_id))
            except ValueError:
                continue
        return sorted(rows)

    def browse_row(self, row: int) -> BrowseRow | None:
        """A row's card as the service describes it (None if it was deleted meanwhile)."""
        entry = self._entry(row)
        return None if entry is None else entry.row

    def _entry(self, row: int) -> _Entry | None:
        ids = self._result.card_ids
        if not 0 <= row < len(ids):
            return None
        page = row // PAGE_SIZE
        cached = self._pages.get(page)
        if cached is None:
            if self.frozen:
                return None
            cached = self._load(page)
        else:
            self._pages.move_to_end(page)
        return cached.get(ids[row])

    def _load(self, page: int) -> dict[int, _Entry]:
        """Read one page of rows from the service and format its cells once."""
        start = page * PAGE_SIZE
        rows = self._col.browse_rows(self._result.card_ids[start : start + PAGE_SIZE])
        entries = {
            r.card_id: _Entry(r, tuple(self._cell(r, column) for column in COLUMNS)) for r in rows
        }
        self.page_loads += 1
        self._pages[page] = entries
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return entries

    @property
    def cached_pages(self) -> int:
        return len(self._pages)

    def is_cached(self, row: int) -> bool:
        return row // PAGE_SIZE in self._pages

    # -- the Qt model -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._result.card_ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        """Cells come from the cached page (fetched on first use); other roles are cheap."""
        if not index.isValid():
            return None
        role = int(role)
        if role == _DISPLAY:
            entry = self._entry(index.row())
            return None if entry is None else entry.cells[index.column()]
        if role == _ALIGNMENT:
            return _ALIGNMENTS[index.column()]
        if role == _BACKGROUND:
            entry = self._entry(index.row())
            return None if entry is None else _TINTS.get(entry.row.state)
        if role == _TOOLTIP:
            entry = self._entry(index.row())
            return None if entry is None else self._tooltip(entry.row)
        if role == CARD_ID_ROLE and index.row() < len(self._result.card_ids):
            return self._result.card_ids[index.row()]
        return None

    def _cell(self, row: BrowseRow, column: SortColumn) -> str:
        learned = row.due is not None
        if column == SortColumn.SORT_FIELD:
            return row.sort_field
        if column == SortColumn.DECK:
            return row.deck
        if column == SortColumn.DUE:
            return self._due_text(row)
        if column == SortColumn.INTERVAL:
            return interval_text(row.interval) if learned else self.tr("(new)")
        if column == SortColumn.EASE:
            return f"{row.ease:.2f}" if learned else self.tr("(new)")
        if column == SortColumn.REPS:
            return str(row.reps)
        if column == SortColumn.LAPSES:
            return str(row.lapses)
        if column == SortColumn.ADDED:
            return datetime.fromtimestamp(row.added_ms / 1000, self._tz).date().isoformat()
        return " ".join(row.tags)

    def _due_text(self, row: BrowseRow) -> str:
        if row.due is not None:
            text = row.due.isoformat()
        else:
            text = self.tr("New #%1").replace("%1", str(row.position))
        if row.state in (CardState.SUSPENDED, CardState.BURIED):
            return f"({text})"
        return text

    def _tooltip(self, row: BrowseRow) -> str:
        states = {
            CardState.NEW: self.tr("new"),
            CardState.LEARNING: self.tr("re-drill today"),
            CardState.YOUNG: self.tr("young"),
            CardState.MATURE: self.tr("mature"),
            CardState.SUSPENDED: self.tr("suspended"),
            CardState.BURIED: self.tr("buried until tomorrow"),
        }
        return f"{row.question}\n{row.template} · {states[row.state]}"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(COLUMNS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def column_title(self, column: SortColumn) -> str:
        titles = {
            SortColumn.SORT_FIELD: self.tr("Sort field"),
            SortColumn.DECK: self.tr("Deck"),
            SortColumn.DUE: self.tr("Due"),
            SortColumn.INTERVAL: self.tr("Interval"),
            SortColumn.EASE: self.tr("Ease"),
            SortColumn.REPS: self.tr("Reviews"),
            SortColumn.LAPSES: self.tr("Lapses"),
            SortColumn.ADDED: self.tr("Added"),
            SortColumn.TAGS: self.tr("Tags"),
        }
        return titles[column]

    def retranslate(self) -> None:
        """Header and cell texts in the new interface language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self.reload_rows()
