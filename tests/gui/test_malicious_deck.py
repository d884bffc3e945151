"""A malicious deck, imported and studied on the real review screen: nothing runs, nothing loads.

The deck's cards carry scripts, event handlers, `javascript:` links, remote
images and stylesheets, a meta refresh and an iframe. A local TCP listener
stands in for the attacker's server; the review screen must never reach it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from flashcards.gui.review import ReviewScreen
from flashcards.services.collection import Collection
from flashcards.services.importing import import_file
from flashcards.services.rendering import card_document
from tests.gui.test_card_view import listener

__all__ = ["listener"]


def _malicious_deck(folder: Path, port: int) -> Path:
    base = f"http://127.0.0.1:{port}"
    cards = [
        f"<script>fetch('{base}/steal')</script>스크립트",
        f'<img src="{base}/pixel.png" onerror="fetch(\'{base}/err\')">원격 이미지',
        f"<a href=\"javascript:fetch('{base}/js')\">링크</a>",
        f'<div onclick="alert(1)" style="background:url({base}/bg.png)">배경</div>',
        f'<iframe src="{base}/frame"></iframe><object data="{base}/obj"></object>프레임',
        f'<meta http-equiv="refresh" content="0;url={base}/meta">새로고침',
        f'<svg><image href="{base}/svg.png"/></svg><link rel=stylesheet href="{base}/x.css">링크2',
        f'<img srcset="{base}/a.png 1x"><video src="{base}/v.mp4"></video>비디오',
    ]
    lines = ["#separator:tab", "#html:true", "#deck:Evil"]
    lines += [f'{front}\t답 {i} <img src="{base}/answer{i}.png">' for i, front in enumerate(cards)]
    path = folder / "evil.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def evil(empty_col: Collection, tmp_path: Path, listener: tuple[int, list[bytes]]) -> int:
    port, _ = listener
    summary = import_file(empty_col, _malicious_deck(tmp_path, port))
    assert summary.added == 8
    return port


def test_every_card_document_is_inert(empty_col: Collection, evil: int) -> None:
    for card in empty_col.store.cards.iter_all():
        rendered = empty_col.render(card)
        for answer in (False, True):
            document = card_document(rendered, answer=answer).lower()
            for needle in (
                "<script",
                "onerror",
                "onclick",
                "javascript:",
                "<iframe",
                "<object",
                "<meta",
                "<svg",
                "<link",
                "srcset",
                "<video",
                f":{evil}",
            ):
                assert needle not in document, (needle, document)


def test_studying_the_deck_never_reaches_the_network(
    qtbot: QtBot, empty_col: Collection, evil: int, listener: tuple[int, list[bytes]]
) -> None:
    _, hits = listener
    screen = ReviewScreen(empty_col)
    qtbot.addWidget(screen)
    screen.resize(800, 600)
    screen.show()
    qtbot.waitExposed(screen)
    screen.start(empty_col.study("Evil"))
    shown = 0
    while screen.current is not None:
        text = screen.view.toPlainText()
        assert "fetch(" not in text
        qtbot.keyClick(screen, Qt.Key.Key_Space)
        qtbot.keyClick(screen, Qt.Key.Key_5)
        shown += 1
    assert shown == 8
    qtbot.wait(300)
    assert hits == []
