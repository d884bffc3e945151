"""The deck tree as a Qt item model: nested `::` decks with today's counts.

Three counts, as Anki's New / Learn / Due: new cards, re-drills (cards graded
below 4 earlier today) and reviews due today. "Due today" counts reviews only,
as the status bar, `flashcards stats` and `flashcards decks` do.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from flashcards.core.models import DECK_SEPARATOR, deck_ancestors
from flashcards.services.collection import DeckSummary

__all__ = ["DECK_NAME_ROLE", "DeckTreeModel"]

DECK_NAME_ROLE = Qt.ItemDataRole.UserRole + 1
"""The deck's full `A::B` name."""

COLUMN_DECK, COLUMN_NEW, COLUMN_DRILL, COLUMN_DUE = range(4)
_COLUMNS = 4
_Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()


@dataclass(eq=False)
class _Node:
    summary: DeckSummary | None
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    row: int = 0


def _build_tree(summaries: Sequence[DeckSummary]) -> _Node:
    """Parents before children; a deck whose parent is missing hangs from its nearest ancestor."""
    root = _Node(None)
    nodes: dict[str, _Node] = {}
    for summary in sorted(summaries, key=lambda s: s.name.split(DECK_SEPARATOR)):
        parent = next(
            (nodes[a] for a in reversed(deck_ancestors(summary.name)) if a in nodes), root
        )
        node = _Node(summary, parent, row=len(parent.children))
        parent.children.append(node)
        nodes[summary.name] = node
    return root


def _shape(node: _Node) -> list[object]:
    return [(c.summary.name if c.summary else "", _shape(c)) for c in node.children]


class DeckTreeModel(QAbstractItemModel):
    """Read-only tree of DeckSummary rows; `update()` keeps expansion when the tree is unchanged."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node(None)

    # -- updating ----------------------------------------------------------------

    def update(self, summaries: Sequence[DeckSummary]) -> None:
        """Show new counts; rebuild only if decks were added, removed or renamed."""
        new_root = _build_tree(summaries)
        if _shape(new_root) != _shape(self._root):
            self.beginResetModel()
            self._root = new_root
            self.endResetModel()
            return
        self._copy_counts(self._root, new_root, QModelIndex())

    def _copy_counts(self, old: _Node, new: _Node, parent: QModelIndex) -> None:
        if not old.children:
            return
        for old_child, new_child in zip(old.children, new.children, strict=True):
            old_child.summary = new_child.summary
            self._copy_counts(old_child, new_child, self.index(old_child.row, 0, parent))
        first = self.index(0, COLUMN_NEW, parent)
        last = self.index(len(old.children) - 1, COLUMN_DUE, parent)
        self.dataChanged.emit(first, last)

    def retranslate(self) -> None:
        """Tell views the column titles changed language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def deck_index(self, name: str) -> QModelIndex:
        """The index of the deck called `name`, or an invalid index."""
        for node in _walk(self._root):
            if node.summary is not None and node.summary.name == name:
                return self.createIndex(node.row, 0, node)
        return QModelIndex()

    # -- the QAbstractItemModel interface ------------------------------------------

    def _node(self, index: _Index) -> _Node:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, _Node)
        return node

    def index(self, row: int, column: int, parent: _Index = _TOP) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).children[row])

    @overload
    def parent(self) -> QObject | None: ...
    @overload
    def parent(self, child: _Index) -> QModelIndex: ...
    def parent(self, child: _Index | None = None) -> QObject | QModelIndex | None:
        if child is None:
            return super().parent()
        if not child.isValid():
            return QModelIndex()
        parent = self._node(child).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: _Index = _TOP) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: _Index = _TOP) -> int:
        return _COLUMNS

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        summary = node.summary
        if summary is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COLUMN_DECK:
                return _label(node)
            return str(_count(summary, column))
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COLUMN_DECK:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and column != COLUMN_DECK:
            font = QFont()
            font.setBold(_count(summary, column) > 0)  # something to do today stands out
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(summary)
        if role == DECK_NAME_ROLE:
            return summary.name
        return None

    def _tooltip(self, summary: DeckSummary) -> str:
        lines = [
            summary.name,
            self.tr("New cards today: %1").replace("%1", str(summary.new)),
            self.tr("Reviews due today: %1").replace("%1", str(summary.due)),
            self.tr("Re-drills waiting today: %1").replace("%1", str(summary.drills)),
            self.tr("Cards in this deck: %1").replace("%1", str(summary.cards)),
        ]
        # Rich text on purpose, with the deck name escaped: a name is data, never markup.
        return "<p>" + "<br>".join(html.escape(line) for line in lines) + "</p>"

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < _COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            titles = (self.tr("Deck"), self.tr("New"), self.tr("Re-drill"), self.tr("Due today"))
            return titles[section]
        if role == Qt.ItemDataRole.ToolTipRole and section != COLUMN_DECK:
            tips = (
                self.tr("New cards to learn today"),
                self.tr("Cards graded below 4 earlier today, to answer again until 4 or 5"),
                self.tr("Reviews due today"),
            )
            return tips[section - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole and section != COLUMN_DECK:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


def _count(summary: DeckSummary, column: int) -> int:
    if column == COLUMN_NEW:
        return summary.new
    return summary.drills if column == COLUMN_DRILL else summary.due


def _label(node: _Node) -> str:
    """The deck's name below its shown parent (the full name when no parent is shown)."""
    assert node.summary is not None
    parent = node.parent.summary if node.parent is not None else None
    if parent is None:
        return node.summary.name
    return node.summary.name.removeprefix(parent.name + DECK_SEPARATOR)


def _walk(node: _Node) -> list[_Node]:
    result: list[_Node] = []
    for child in node.children:
        result.append(child)
        result.extend(_walk(child))
    return result
