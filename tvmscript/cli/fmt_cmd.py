"""``tvmscript fmt PATH... [--check] [--diff] [--canonical]``: format TVMScript definitions.

Only the definitions change (`tvmscript.script.formatter`); module code stays byte for byte.
By default only their layout changes (black's, at the project's line length); ``--canonical``
rewrites them as TVM prints them. A definition that cannot be formatted is reported with the
reason and left alone. Messages go to stderr; stdout carries only the ``--diff``.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from tvmscript.cli.common import UsageError, error, python_files
from tvmscript.script.formatter import format_text, options_for


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``fmt``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file would change"
    )
    parser.add_argument("--diff", action="store_true", help="print a unified diff; write nothing")
    parser.add_argument(
        "--canonical",
        action="store_true",
        help="rewrite the definitions as TVM prints them (the default changes layout only)",
    )


def run(args: argparse.Namespace) -> int:
    """Format every file; 0 done, 1 a file would change (--check) or was refused, 2 usage/IO."""
    try:
        paths = list(python_files(args.paths))
    except UsageError as exc:
        error(str(exc))
        return 2
    status = 0
    changed = 0
    for path in paths:
        result = _format_file(path, args)
        if result is None:
            status = 2
            continue
        refused, would_change = result
        changed += would_change
        if refused or (would_change and args.check):
            status = max(status, 1)
    dry = args.check or args.diff
    verb = "would reformat" if dry else "reformatted"
    plural = "s" if len(paths) != 1 else ""
    print(f"{verb} {changed} of {len(paths)} file{plural}", file=sys.stderr)
    return status


def _format_file(path: Path, args: argparse.Namespace) -> tuple[bool, bool] | None:
    """Format ``path`` as ``args`` say: (a definition was refused, it changes); None on IO error."""
    try:
        text = path.read_bytes().decode("utf-8")  # `\r\n` kept: written back as read
    except (OSError, UnicodeDecodeError) as exc:
        error(f"cannot read '{path}': {exc}")
        return None
    crlf = "\r\n" in text
    formatted, skipped = format_text(
        text.replace("\r\n", "\n") if crlf else text,
        canonical=args.canonical,
        options=options_for(path),
    )
    if crlf:
        formatted = formatted.replace("\n", "\r\n")
    for item in skipped:
        where = f"{path}:{item.line + 1}"
        print(f"{where}: not formatted '{item.name}': {item.reason}", file=sys.stderr)
    if formatted == text:
        return bool(skipped), False
    if args.check:
        print(f"would reformat {path}", file=sys.stderr)
    if args.diff:
        sys.stdout.writelines(
            difflib.unified_diff(
                text.splitlines(keepends=True),
                formatted.splitlines(keepends=True),
                fromfile=f"{path}",
                tofile=f"{path} (formatted)",
            )
        )
    if not (args.check or args.diff) and not _write(path, formatted):
        return None
    return bool(skipped), True


def _write(path: Path, text: str) -> bool:
    try:
        path.write_bytes(text.encode("utf-8"))
    except OSError as exc:
        error(f"cannot write '{path}': {exc}")
        return False
    return True
