"""Interface language: Qt translators for Korean, English as the source language.

Sources are `flashcards/gui/i18n/flashcards_ko.ts` (made by `pyside6-lupdate`),
compiled to `flashcards_ko.qm` by `pyside6-lrelease`; `make i18n` does both.
Switching language takes effect at once: installing a translator sends every
widget a LanguageChange event and each widget re-reads its texts. Qt's own
dialogs and buttons are translated by Qt's catalogue (qtbase_ko.qm, shipped with
PySide6); the few strings it lacks are in ours (QT_GAPS).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

__all__ = ["I18N_DIR", "QT_GAPS", "Translations", "resolve_language", "system_language"]

I18N_DIR = Path(__file__).resolve().parent / "i18n"

QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
"""Labels of Qt's file dialog that Qt's Korean catalogue has only in an older form
("Look in:"); listed here so `make i18n` puts them in the app's catalogue."""


def system_language(locale: QLocale | None = None) -> str:
    """'ko' when the system locale is Korean, else 'en'."""
    locale = locale or QLocale.system()
    return "ko" if locale.language() == QLocale.Language.Korean else "en"


def resolve_language(choice: str, *, korean_font: bool, locale: QLocale | None = None) -> str:
    """The language to show for a preference ('system', 'en', 'ko').

    Korean needs a font that has Hangul; without one the interface stays in
    English (the font banner explains how to install one).
    """
    language = system_language(locale) if choice == "system" else choice
    if language == "ko" and not korean_font:
        return "en"
    return language if language in ("en", "ko") else "en"


class Translations:
    """The installed translators; `install()` swaps the interface language live."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = "en"

    def install(self, language: str) -> None:
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        self.language = language
        if language == "en":
            return  # the source language; removing translators told every widget
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        sources = ((f"flashcards_{language}", str(I18N_DIR)), (f"qtbase_{language}", qt_dir))
        for name, folder in sources:
            translator = QTranslator(self._app)
            if translator.load(name, folder):
                self._app.installTranslator(translator)
                self._translators.append(translator)
