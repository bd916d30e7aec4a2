"""``tvmscript fmt PATH... [--check] [--diff]``: reprint TVMScript definitions in place.

Only the definitions change (via `tvmscript.script.formatter`, comments kept); module code stays
byte for byte. A definition with errors is reported with its location and left alone.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from tvmscript.cli.common import UsageError, error, python_files
from tvmscript.script.formatter import format_text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``fmt``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file would change"
    )
    mode.add_argument("--diff", action="store_true", help="print a unified diff; write nothing")


def run(args: argparse.Namespace) -> int:
    """Format every file; 0 done, 1 a file would change (--check) or has errors, 2 usage/IO."""
    try:
        paths = list(python_files(args.paths))
    except UsageError as exc:
        error(str(exc))
        return 2
    status = 0
    changed = 0
    for path in paths:
        try:
            text = path.read_bytes().decode("utf-8")  # `\r\n` kept: written back as read
        except (OSError, UnicodeDecodeError) as exc:
            error(f"cannot read '{path}': {exc}")
            status = 2
            continue
        crlf = "\r\n" in text
        formatted, skipped = format_text(text.replace("\r\n", "\n") if crlf else text)
        if crlf:
            formatted = formatted.replace("\n", "\r\n")
        for item in skipped:
            print(f"{path}:{item.line + 1}: not formatted '{item.name}': {item.reason}")
            status = max(status, 1)
        if formatted == text:
            continue
        changed += 1
        if args.check:
            print(f"would reformat {path}")
            status = max(status, 1)
        elif args.diff:
            sys.stdout.writelines(
                difflib.unified_diff(
                    text.splitlines(keepends=True),
                    formatted.splitlines(keepends=True),
                    fromfile=f"{path}",
                    tofile=f"{path} (formatted)",
                )
            )
        elif not _write(path, formatted):
            status = 2
    verb = "would reformat" if args.check or args.diff else "reformatted"
    print(f"{verb} {changed} of {len(paths)} file{'s' if len(paths) != 1 else ''}", file=sys.stderr)
    return status


def _write(path: Path, text: str) -> bool:
    try:
        path.write_bytes(text.encode("utf-8"))
    except OSError as exc:
        error(f"cannot write '{path}': {exc}")
        return False
    return True
