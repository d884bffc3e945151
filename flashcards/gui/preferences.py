"""The app's own preferences (window, theme, language), kept in an injectable QSettings.

Study settings that belong to the collection (daily limits, rollover hour) live in
the collection, not here, so the CLI and other machines see them too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

__all__ = ["FONT_SIZES", "LANGUAGE_CHOICES", "THEME_CHOICES", "Preferences"]

LANGUAGE_CHOICES = ("system", "en", "ko")
THEME_CHOICES = ("system", "light", "dark")
FONT_SIZES = (0, 9, 10, 11, 12, 13, 14, 16, 18, 20)
"""Interface font sizes in points; 0 keeps the system's size."""


class Preferences:
    """Typed access to a QSettings store; tests pass one backed by a temporary file."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    @classmethod
    def for_user(cls) -> Preferences:
        """The real user's preferences (the platform's usual place)."""
        return cls(QSettings("flashcards", "flashcards"))

    @classmethod
    def at_path(cls, path: Path) -> Preferences:
        """Preferences in an INI file at `path` (tests, portable installs)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def _str(self, key: str, default: str, allowed: tuple[str, ...] | None = None) -> str:
        value = self.settings.value(key, default)
        text = value if isinstance(value, str) else default
        return text if allowed is None or text in allowed else default

    def _set(self, key: str, value: object) -> None:
        """Store and write out `value`; a value already stored is not written again
        (the window selects the last deck at start-up, which sets it to itself)."""
        if self.settings.contains(key) and self.settings.value(key) == value:
            return
        self.settings.setValue(key, value)
        self.settings.sync()

    @property
    def language(self) -> str:
        return self._str("ui/language", "system", LANGUAGE_CHOICES)

    @language.setter
    def language(self, value: str) -> None:
        self._set("ui/language", value)

    @property
    def theme(self) -> str:
        return self._str("ui/theme", "system", THEME_CHOICES)

    @theme.setter
    def theme(self, value: str) -> None:
        self._set("ui/theme", value)

    @property
    def font_size(self) -> int:
        try:
            size = int(str(self.settings.value("ui/font_size", 0)))
        except ValueError:
            return 0
        return size if size in FONT_SIZES else 0

    @font_size.setter
    def font_size(self, value: int) -> None:
        self._set("ui/font_size", int(value))

    @property
    def geometry(self) -> QByteArray | None:
        value = self.settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._set("window/geometry", value)

    @property
    def last_deck(self) -> str | None:
        value = self._str("study/last_deck", "")
        return value or None

    @last_deck.setter
    def last_deck(self, value: str | None) -> None:
        self._set("study/last_deck", value or "")

    @property
    def welcome_shown(self) -> bool:
        return str(self.settings.value("ui/welcome_shown", "false")).lower() == "true"

    @welcome_shown.setter
    def welcome_shown(self, value: bool) -> None:
        self._set("ui/welcome_shown", "true" if value else "false")
