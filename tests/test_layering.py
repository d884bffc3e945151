"""The core imports no Qt and no SQLite; commands without a window never import Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FORBIDDEN_IN_CORE = ("PySide6", "sqlite_utils", "sqlite3", "shiboken6")


def _imported_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    return set(out.split())


def test_core_imports_neither_qt_nor_sqlite() -> None:
    core_modules = sorted(p.stem for p in (ROOT / "flashcards" / "core").glob("*.py"))
    code = "\n".join(f"import flashcards.core.{name}" for name in core_modules)
    modules = _imported_after(code)
    leaked = {m for m in modules if m.split(".")[0] in FORBIDDEN_IN_CORE}
    assert not leaked, f"flashcards.core pulled in {sorted(leaked)}"


def test_core_source_has_no_forbidden_imports() -> None:
    for path in (ROOT / "flashcards" / "core").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in FORBIDDEN_IN_CORE:
            assert f"import {name}" not in text, (path, name)
            assert f"from {name}" not in text, (path, name)


def test_sql_lives_only_in_storage() -> None:
    keywords = ("SELECT ", "INSERT INTO", "UPDATE cards", "DELETE FROM", "CREATE TABLE")
    for path in (ROOT / "flashcards").rglob("*.py"):
        if "storage" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for keyword in keywords:
            assert keyword not in text, f"{path.relative_to(ROOT)} contains SQL ({keyword!r})"


def test_cli_commands_without_a_window_never_import_qt(tmp_path: Path) -> None:
    code = (
        "from flashcards.cli import main\n"
        f"main(['--data-dir', {str(tmp_path)!r}, 'stats', '--json'])\n"
        f"main(['--data-dir', {str(tmp_path)!r}, 'decks'])"
    )
    modules = _imported_after(code)
    assert not {m for m in modules if m.startswith(("PySide6", "shiboken6"))}
