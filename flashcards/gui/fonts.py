"""Hangul everywhere: find out whether a Korean font exists, and say so if not."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["FontCheck", "KoreanFontBanner", "korean_font_available"]

FontCheck = Callable[[], bool]
"""Answers 'can Hangul be drawn?'; injectable so tests can play a machine without one."""

BANNER_TEXT = (
    "<b>No Korean font is installed, so Hangul would show as empty boxes.</b> "
    "The interface is in English until you install one. On Debian or Ubuntu run "
    "<code>sudo apt install fonts-noto-cjk</code> (or <code>fonts-nanum</code>), "
    "on Fedora <code>sudo dnf install google-noto-sans-cjk-fonts</code>, "
    "then restart flashcards."
)
"""English on purpose: without a Korean font a Korean banner would itself be boxes."""


def korean_font_available() -> bool:
    """True when some installed font can draw Korean."""
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.Korean))


class KoreanFontBanner(QLabel):
    """A warning strip shown above everything when no Korean font is installed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(BANNER_TEXT, parent)
        self.setObjectName("koreanFontBanner")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(
            "#koreanFontBanner { background: #fff3cd; color: #5c4400; "
            "border: 1px solid #e0c060; border-radius: 4px; padding: 8px; }"
        )
