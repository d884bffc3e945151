"""One process per data directory, enforced by an OS lock that dies with its process."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import IO

from flashcards.services.errors import CollectionLockedError, FlashcardsError, ReadOnlyDataError

__all__ = ["DirectoryLock"]

LOCK_NAME = ".lock"


class DirectoryLock:
    """An exclusive, non-blocking lock on `data_dir/.lock` (flock on POSIX)."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._file: IO[bytes] | None = None

    def acquire(self) -> None:
        try:
            handle = open(self.path, "a+b")  # noqa: SIM115 - held open for the lock's lifetime
        except OSError as exc:
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise ReadOnlyDataError(
                    f"the data folder {self.path.parent} is read-only ({exc.strerror}); "
                    "flashcards needs to write there to save your answers"
                ) from exc
            raise FlashcardsError(f"cannot open the lock file {self.path}: {exc.strerror}") from exc
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise CollectionLockedError(
                f"the collection in {self.path.parent} is already open in another flashcards "
                "process; close that one first"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode())
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            _unlock(self._file)
            self._file.close()
            self._file = None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
