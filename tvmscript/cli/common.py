"""Helpers shared by subcommands: reading files, rendering diagnostics."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from tvmscript.diagnostics import Diagnostic, render


class UsageError(Exception):
    """A path that cannot be read, or arguments that do not fit."""


def python_files(paths: Sequence[str]) -> Iterator[Path]:
    """The ``.py`` files named by ``paths`` (directories are searched recursively)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.py") if p.is_file())
        elif path.is_file():
            yield path
        else:
            raise UsageError(f"no such file or directory: '{raw}'")


def read_text(path: Path) -> str:
    """The text of ``path``; `UsageError` when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read '{path}': {exc}") from exc


def print_diagnostics(diagnostics: Sequence[Diagnostic], source: str) -> None:
    """Render ``diagnostics`` on stderr (rustc-style)."""
    if diagnostics:
        print(render(diagnostics, source), file=sys.stderr)


def error(message: str) -> None:
    """Print a usage or IO error on stderr."""
    print(f"tvmscript: error: {message}", file=sys.stderr)
