"""The report of "Check database": what was found, what was repaired."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from flashcards.gui.messages import inform, warn
from flashcards.services.check import CheckReport

__all__ = ["show_check_report"]


def show_check_report(parent: QWidget, report: CheckReport) -> QMessageBox:
    """Say whether the collection is sound, and list each repair and problem below."""
    title = QCoreApplication.translate("CheckReport", "Check database")
    details = "\n".join(
        [
            *(f"repaired: {line}" for line in report.repaired),
            *(f"problem: {line}" for line in report.problems),
        ]
    )
    if not report.ok:
        text = QCoreApplication.translate(
            "CheckReport",
            "%1 problems were found that cannot be repaired safely (details below); nothing "
            "was changed. A backup from before they appeared can be restored from "
            "File ▸ Backups….",
        ).replace("%1", str(len(report.problems)))
        return warn(parent, title, text, details)
    text = QCoreApplication.translate("CheckReport", "No problems found. %1 cards checked.")
    if report.repaired:
        text = QCoreApplication.translate(
            "CheckReport", "Problems repaired: %2. Cards checked: %1."
        )
    text = text.replace("%1", str(report.cards_checked))
    return inform(parent, title, text.replace("%2", str(len(report.repaired))), details)
