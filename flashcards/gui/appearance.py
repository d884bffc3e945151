"""Theme, font size and language applied to the running app from the Preferences."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

from flashcards.gui.language import Translations, resolve_language
from flashcards.gui.preferences import Preferences

__all__ = [
    "Appearance",
    "ReadableStyle",
    "card_zoom",
    "dark_palette",
    "is_dark",
    "scaled_font",
    "set_scaled_font",
    "style_name",
]

_ROLE = QPalette.ColorRole
_GROUP = QPalette.ColorGroup


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style (Qt's usual recipe, with readable links)."""
    palette = QPalette()
    colours = {
        _ROLE.Window: "#2d2d30",
        _ROLE.WindowText: "#e8e8e8",
        _ROLE.Base: "#1f1f22",
        _ROLE.AlternateBase: "#2a2a2e",
        _ROLE.ToolTipBase: "#3a3a3f",
        _ROLE.ToolTipText: "#f0f0f0",
        _ROLE.PlaceholderText: "#8c8c8c",
        _ROLE.Text: "#e8e8e8",
        _ROLE.Button: "#3a3a3f",
        _ROLE.ButtonText: "#e8e8e8",
        _ROLE.BrightText: "#ff6b6b",
        _ROLE.Link: "#8cc4ff",
        _ROLE.LinkVisited: "#c49cff",
        _ROLE.Highlight: "#3d7bd9",
        _ROLE.HighlightedText: "#ffffff",
        _ROLE.Light: "#4a4a50",
        _ROLE.Midlight: "#404045",
        _ROLE.Mid: "#303034",
        _ROLE.Dark: "#1a1a1c",
        _ROLE.Shadow: "#000000",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (_ROLE.WindowText, _ROLE.Text, _ROLE.ButtonText):
        palette.setColor(_GROUP.Disabled, role, QColor("#7a7a7a"))
    return palette


_PM = QStyle.PixelMetric
_INDICATORS = frozenset(
    {
        _PM.PM_IndicatorWidth,
        _PM.PM_IndicatorHeight,
        _PM.PM_ExclusiveIndicatorWidth,
        _PM.PM_ExclusiveIndicatorHeight,
    }
)
_INDICATOR_SHARE = 0.8
"""Check boxes and radio buttons are this share of a text line high, at least."""


class ReadableStyle(QProxyStyle):
    """A style (Fusion or the platform's) whose check boxes and radio buttons grow
    with the interface font and, on a dark palette, are outlined in the text colour.

    Both styles draw them at a fixed 13 pixels, a speck beside 20-point text, and
    Fusion outlines them in the window colour darkened, which a dark window hides:
    an unticked box was all but invisible in dark mode.
    """

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        size = super().pixelMetric(metric, option, widget)
        if metric in _INDICATORS:
            font = widget.font() if widget is not None else QApplication.font()
            size = max(size, round(QFontMetrics(font).height() * _INDICATOR_SHARE))
        return size

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        box = QStyle.PrimitiveElement.PE_IndicatorCheckBox
        radio = QStyle.PrimitiveElement.PE_IndicatorRadioButton
        palette = option.palette
        if element not in (box, radio) or palette.color(_ROLE.Window).lightness() >= 128:
            return
        colour = QColor(palette.color(_ROLE.Text))
        colour.setAlpha(170)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if element == box:
            painter.drawRoundedRect(rect, 2.0, 2.0)
        else:
            painter.drawEllipse(rect)
        painter.restore()


def style_name(app: QApplication) -> str:
    """The name of the style `app` draws with (under ReadableStyle, the one inside)."""
    style = app.style()
    return style.key if isinstance(style, ReadableStyle) else style.name()


def is_dark(widget: QWidget) -> bool:
    """True when the widget is drawn on a dark background."""
    return widget.palette().color(_ROLE.Window).lightness() < 128


_FONT_SCALE = "flashcardsFontScale"
_FONT_BOLD = "flashcardsFontBold"


def scaled_font(factor: float, *, bold: bool = False) -> QFont:
    """The interface font made `factor` times larger (headings, the deck list)."""
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def set_scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> None:
    """Give `widget` the interface font × `factor`, and keep it so when the font size changes."""
    widget.setProperty(_FONT_SCALE, float(factor))
    widget.setProperty(_FONT_BOLD, bold)
    widget.setFont(scaled_font(factor, bold=bold))


def _rescale_fonts(app: QApplication) -> None:
    for widget in app.allWidgets():
        factor = widget.property(_FONT_SCALE)
        if isinstance(factor, float):
            widget.setFont(scaled_font(factor, bold=bool(widget.property(_FONT_BOLD))))


CARD_TEXT_PX = 20
"""The card text size card CSS is written for (Anki's default)."""


def card_zoom() -> float:
    """How much to enlarge the text of cards, so it stays larger than the interface's.

    Card CSS sizes text in pixels (Anki's `.card { font-size: 20px }`, chosen to be
    larger than an interface font of about 12 pixels). With a larger interface
    font, cards grow so that their text stays a third larger than the interface's.
    """
    return max(1.0, 4 / 3 * QFontInfo(QApplication.font()).pixelSize() / CARD_TEXT_PX)


def _restyle_style_sheet_widgets(app: QApplication) -> None:
    """Make widgets with their own style sheet take the new style, palette and font.

    Qt polishes such a widget (and its children) once and keeps the palette and
    font it had then, so after a theme change the deck list would stay light
    until a restart, and after a font change its header would stay small.
    Setting the sheet afresh polishes it again from the application's settings.
    """
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)


class Appearance(QObject):
    """Applies theme, font size and interface language; emits `changed` afterwards."""

    changed = Signal()

    def __init__(
        self,
        app: QApplication,
        prefs: Preferences,
        translations: Translations,
        *,
        korean_font: bool,
    ) -> None:
        super().__init__(app)
        self._app = app
        self._prefs = prefs
        self._translations = translations
        self.korean_font = korean_font
        self._native_style = style_name(app)
        self._system_font = QFont(app.font())
        app.styleHints().colorSchemeChanged.connect(self._on_system_scheme)

    @property
    def language(self) -> str:
        """The language in use ('en' or 'ko')."""
        return self._translations.language

    def apply(self) -> None:
        """Apply every preference."""
        self._apply_theme()
        self._apply_font()
        _restyle_style_sheet_widgets(self._app)  # after both: it also fixes their font
        language = resolve_language(self._prefs.language, korean_font=self.korean_font)
        if language != self._translations.language:
            self._translations.install(language)
        self.changed.emit()

    def wants_dark(self) -> bool:
        theme = self._prefs.theme
        if theme == "system":
            return self._app.styleHints().colorScheme() == Qt.ColorScheme.Dark
        return theme == "dark"

    def _apply_theme(self) -> None:
        if self.wants_dark():
            self._app.setStyle(ReadableStyle("Fusion"))
            self._app.setPalette(dark_palette())
        else:
            self._app.setStyle(ReadableStyle(self._native_style))
            self._app.setPalette(self._app.style().standardPalette())

    def _apply_font(self) -> None:
        font = QFont(self._system_font)
        if self._prefs.font_size:
            font.setPointSize(self._prefs.font_size)
        self._app.setFont(font)
        _rescale_fonts(self._app)

    def _on_system_scheme(self) -> None:
        if self._prefs.theme == "system":
            self._apply_theme()
            _restyle_style_sheet_widgets(self._app)
            self.changed.emit()
