"""Preferences write their file only when a value changes (start-up re-selects the last deck)."""

from __future__ import annotations

from pathlib import Path

from flashcards.gui.preferences import Preferences


def test_setting_the_stored_value_again_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "prefs.ini"
    prefs = Preferences.at_path(path)
    prefs.last_deck = "AWS::EC2"
    assert path.is_file()
    path.unlink()
    prefs.last_deck = "AWS::EC2"  # unchanged: no write
    assert not path.exists()
    prefs.last_deck = "AWS::S3"  # changed: written out at once
    assert "AWS::S3" in path.read_text(encoding="utf-8")
    assert Preferences.at_path(path).last_deck == "AWS::S3"


def test_a_first_value_equal_to_the_default_is_still_stored(tmp_path: Path) -> None:
    path = tmp_path / "prefs.ini"
    Preferences.at_path(path).theme = "system"  # the default, but never stored before
    assert "theme=system" in path.read_text(encoding="utf-8")
