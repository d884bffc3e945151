"""Sizes that follow the interface font and stay on the screen.

Widths and window sizes in this app were chosen at the system's usual font
(text 14 pixels high); at a larger font they grow with it, never beyond the
screen's available area, and toolbars that no longer fit on one row wrap.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QApplication, QHeaderView, QMainWindow, QToolBar, QWidget

__all__ = [
    "available_area",
    "fit_content",
    "fit_to_screen",
    "grow_to_fit",
    "size_sections",
    "text_scale",
    "wrap_toolbar",
]

DESIGN_LINE = 14
"""Text line height (pixels) the app's fixed sizes were chosen for."""


def text_scale(widget: QWidget) -> float:
    """How much taller `widget`'s text is than the design's (1.0 at the usual font, never less)."""
    return max(1.0, widget.fontMetrics().height() / DESIGN_LINE)


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen that windows may use (without panels and docks)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _fitted(window: QWidget, width: int, height: int) -> QSize:
    # The application's font: a window's own follows it only once its events are through.
    scale = max(1.0, QFontMetrics(QApplication.font()).height() / DESIGN_LINE)
    area = available_area(window)
    wanted = QSize(round(width * scale), round(height * scale))
    return wanted.boundedTo(QSize(area.width() - 16, area.height() - 40))  # room for a frame


def fit_to_screen(window: QWidget, width: int, height: int) -> QSize:
    """Resize `window` to width × height (grown with its font), but never beyond the screen."""
    size = _fitted(window, width, height)
    window.resize(size)
    return size


def fit_content(window: QWidget) -> None:
    """Size a dialog to what its content asks for, up to the whole available screen.

    Qt otherwise caps a new window at two thirds of the screen, which cuts off the
    bottom of a dialog set in a large font.
    """
    area = available_area(window)
    hint = window.sizeHint().expandedTo(window.minimumSizeHint())
    window.resize(hint.boundedTo(QSize(area.width() - 16, area.height() - 40)))


def grow_to_fit(window: QWidget, width: int, height: int) -> None:
    """After the font grew: make `window` at least as large as fit_to_screen would."""
    size = window.size().expandedTo(_fitted(window, width, height))
    if size != window.size():
        window.resize(size)


def size_sections(
    header: QHeaderView,
    model: QAbstractItemModel,
    widths: Sequence[int | str],
    cells: QFontMetrics,
) -> None:
    """Size header sections: a number is a width in pixels (text columns, which elide);
    a string is a sample of the widest cell, measured with `cells`. Either way a
    section is at least as wide as its title."""
    titles = QFontMetrics(header.font())
    room = 2 * titles.horizontalAdvance("M")  # the sort arrow and a margin
    for column, width in enumerate(widths):
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        wanted = width if isinstance(width, int) else cells.horizontalAdvance(width) + room
        header.resizeSection(column, max(wanted, titles.horizontalAdvance(title) + room))


def wrap_toolbar(window: QMainWindow, first: QToolBar, second: QToolBar) -> None:
    """Put `second` on a row of its own when it and `first` do not fit side by side."""
    needed = first.sizeHint().width() + second.sizeHint().width()
    wraps = needed > window.width()
    if wraps != window.toolBarBreak(second):
        if wraps:
            window.insertToolBarBreak(second)
        else:
            window.removeToolBarBreak(second)
