"""Backups: automatic (daily on close, before imports and bulk deletes) and by hand.

Backups are whole-collection SQLite snapshots in `backups/`, named
`collection-YYYYMMDD-HHMMSS-REASON.sqlite`; the newest 30 are kept.
A restore first backs up the collection it replaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from flashcards.services.errors import FlashcardsError, require_file
from flashcards.storage import StorageError
from flashcards.storage.backup import snapshot, validate_collection_file

if TYPE_CHECKING:
    from flashcards.services.collection import Collection

__all__ = [
    "KEEP_BACKUPS",
    "Backup",
    "backup_if_due",
    "check_restorable",
    "create_backup",
    "list_backups",
    "prune_backups",
]

KEEP_BACKUPS = 30
_NAME_RE = re.compile(r"^collection-(\d{8})-(\d{6})(?:-(\d+))?-([a-z]+)\.sqlite$")


@dataclass(frozen=True)
class Backup:
    path: Path
    created: datetime
    reason: str

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    def to_dict(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "created": self.created.isoformat(),
            "reason": self.reason,
            "size": self.size,
        }


def list_backups(backups_dir: Path) -> list[Backup]:
    """Backups in `backups_dir`, newest first."""
    found = []
    for path in backups_dir.glob("collection-*.sqlite"):
        match = _NAME_RE.match(path.name)
        if match:
            created = datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
            found.append(Backup(path, created, match.group(4)))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def prune_backups(backups_dir: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    removed = []
    for backup in list_backups(backups_dir)[keep:]:
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    return removed


def create_backup(col: Collection, reason: str, *, prune: bool = True) -> Backup:
    """Snapshot the collection now; keep the newest 30 (`prune=False`: the caller prunes)."""
    now = col.now()
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = col.backups_dir / f"collection-{stamp}-{reason}.sqlite"
    counter = 1
    while target.exists():
        target = col.backups_dir / f"collection-{stamp}-{counter}-{reason}.sqlite"
        counter += 1
    try:
        col.backups_dir.mkdir(exist_ok=True)
        snapshot(col.store.db, target)
    except OSError as exc:
        raise FlashcardsError(
            f"cannot write a backup to {col.backups_dir}: {exc.strerror}"
        ) from exc
    if prune:
        prune_backups(col.backups_dir)
    return Backup(target, now.replace(tzinfo=None, microsecond=0), reason)


def backup_if_due(col: Collection) -> Backup | None:
    """The daily backup on close: only when none was made today (local study day)."""
    today = col.now().date()
    for backup in list_backups(col.backups_dir):
        if backup.reason == "daily" and backup.created.date() == today:
            return None
    return create_backup(col, "daily")


def check_restorable(path: Path) -> None:
    require_file(path)
    try:
        validate_collection_file(path)
    except StorageError as exc:
        raise FlashcardsError(str(exc)) from exc
