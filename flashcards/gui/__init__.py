"""The PySide6 desktop app. Imported only by the `gui` command."""
