"""A QTextBrowser that shows only sanitised card HTML and loads only media files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QDesktopServices, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from flashcards.core.template import RenderedCard
from flashcards.gui.appearance import card_zoom, is_dark
from flashcards.services.rendering import card_document, is_safe_media_path

__all__ = ["CardView", "zoom_document"]

_PIXELS = QTextFormat.Property.FontPixelSize
_POINTS = QTextFormat.Property.FontPointSize


def zoom_document(document: QTextDocument, zoom: float) -> None:
    """Scale every font size the document's HTML and CSS set (px or pt) by `zoom`.

    Card CSS sets sizes in pixels (Anki's `.card { font-size: 20px }`), which
    would not follow the interface font size; this makes them follow it.
    """
    if zoom == 1.0:
        return
    changes: list[tuple[int, int, QTextCharFormat]] = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            fmt = fragment.charFormat()
            if fmt.hasProperty(_PIXELS) or fmt.hasProperty(_POINTS):
                if fmt.hasProperty(_PIXELS):
                    fmt.setProperty(_PIXELS, max(1, round(fmt.intProperty(_PIXELS) * zoom)))
                if fmt.hasProperty(_POINTS):
                    fmt.setProperty(_POINTS, fmt.doubleProperty(_POINTS) * zoom)
                changes.append((fragment.position(), fragment.length(), fmt))
            fragments += 1
        block = block.next()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for position, length, fmt in changes:
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(fmt)
    cursor.endEditBlock()


class CardView(QTextBrowser):
    """Shows one side of a card. Images come from `media_dir` only; nothing is fetched."""

    def __init__(self, media_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._media_dir = media_dir.resolve()
        self.setSearchPaths([str(self._media_dir)])
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open_link)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._card: RenderedCard | None = None
        self._answer = False
        self._typed_html: str | None = None

    def show_card(
        self, rendered: RenderedCard | None, *, answer: bool, typed_html: str | None = None
    ) -> None:
        """Show the question or answer side (with a typed-answer diff); None clears the view."""
        self._card = rendered
        self._answer = answer
        self._typed_html = typed_html
        self.refresh()

    def refresh(self) -> None:
        """Draw again (after a theme or font-size change)."""
        if self._card is None:
            self.clear()
            return
        self.setHtml(
            card_document(
                self._card,
                answer=self._answer,
                night_mode=is_dark(self),
                typed_html=self._typed_html,
            )
        )
        zoom_document(self.document(), card_zoom())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.refresh()  # light or dark card colours; text as large as the interface's
        super().changeEvent(event)

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Only files inside the media folder; never the network, never elsewhere on disk."""
        url = QUrl(name) if isinstance(name, str) else name
        if url.scheme() not in ("", "file"):
            return None
        path = url.toLocalFile() if url.scheme() == "file" else url.path()
        if not path:
            return None
        candidate = Path(path)
        if not candidate.is_absolute():
            if not is_safe_media_path(path):
                return None
            candidate = self._media_dir / candidate
        try:
            resolved = candidate.resolve()
        except OSError:
            return None
        if not resolved.is_relative_to(self._media_dir) or not resolved.is_file():
            return None
        return super().loadResource(type, QUrl.fromLocalFile(str(resolved)))

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
