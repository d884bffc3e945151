"""The report of "Check database": what was found, what was repaired."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from flashcards.gui.messages import inform, warn
from flashcards.services.check import CheckReport

__all__ = ["show_check_report"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def show_check_report(parent: QWidget, report: CheckReport) -> QMessageBox:
    """Say whether the collection is sound, and list each repair and problem below."""
    title = _tr("Check database")
    details = "\n".join(
        [
            *(f"repaired: {line}" for line in report.repaired),
            *(f"problem: {line}" for line in report.problems),
        ]
    )
    if not report.ok:
        text = _tr("Problems were found that could not be repaired safely.")
        return warn(parent, title, text, details)
    text = _tr("No problems found. %1 cards checked.")
    if report.repaired:
        text = _tr("Problems repaired: %2. Cards checked: %1.")
    text = text.replace("%1", str(report.cards_checked))
    return inform(parent, title, text.replace("%2", str(len(report.repaired))), details)
