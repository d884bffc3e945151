"""The card view never reaches the network, and shows media files from media/ only."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from pytestqt.qtbot import QtBot

from flashcards.core.template import RenderedCard
from flashcards.gui.card_view import CardView


@pytest.fixture
def listener() -> Iterator[tuple[int, list[bytes]]]:
    """A local TCP server that records every connection made to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    hits: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                hits.append(conn.recv(1024))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], hits
    stop.set()
    thread.join()
    server.close()


def _view(qtbot: QtBot, media: Path) -> CardView:
    view = CardView(media)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    return view


def test_remote_images_are_never_fetched(
    qtbot: QtBot, tmp_path: Path, listener: tuple[int, list[bytes]]
) -> None:
    port, hits = listener
    view = _view(qtbot, tmp_path)
    url = f"http://127.0.0.1:{port}/tracker.png"
    card = RenderedCard(question=f'<img src="{url}">Q', answer=f'<img src="{url}">A')
    view.show_card(card, answer=False)
    # Even HTML that skipped the sanitiser cannot make the view load anything remote.
    view.setHtml(f'<img src="{url}"><div style="background-image: url({url})">x</div>')
    assert view.loadResource(int(QTextDocument.ResourceType.ImageResource), QUrl(url)) is None
    qtbot.wait(300)
    assert hits == []


def test_media_images_load_and_nothing_outside_media(qtbot: QtBot, tmp_path: Path) -> None:
    media = tmp_path / "media"
    media.mkdir()
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(media / "ec2.png"))
    assert image.save(str(tmp_path / "secret.png"))
    view = _view(qtbot, media)
    kind = int(QTextDocument.ResourceType.ImageResource)
    assert view.loadResource(kind, QUrl("ec2.png")) is not None
    assert view.loadResource(kind, QUrl("../secret.png")) is None
    assert view.loadResource(kind, QUrl.fromLocalFile(str(tmp_path / "secret.png"))) is None
    view.show_card(RenderedCard(question='<img src="ec2.png">', answer=""), answer=False)
    assert 'src="ec2.png"' in view.toHtml()
