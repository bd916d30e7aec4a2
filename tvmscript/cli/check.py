"""``tvmscript check PATH... [--format text|json]``."""

from __future__ import annotations

import argparse
import json
import sys

from tvmscript.analysis import analyse_source
from tvmscript.cli.common import UsageError, error, print_diagnostics, python_files, read_text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``check``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    """Check every file; 0 clean, 1 errors found, 2 usage/IO error."""
    files: list[dict[str, object]] = []
    count = 0
    found_errors = False
    try:
        for path in python_files(args.paths):
            text = read_text(path)
            # `check_source`'s findings plus build-time warnings: what the language server shows.
            diagnostics = analyse_source(text, str(path)).all_diagnostics()
            found_errors |= any(d.severity == "error" for d in diagnostics)
            files.append({"path": str(path), "diagnostics": [d.to_json() for d in diagnostics]})
            count += len(diagnostics)
            if args.format == "text":
                print_diagnostics(diagnostics, text)
    except UsageError as exc:
        error(str(exc))
        return 2
    if args.format == "json":
        json.dump({"files": files}, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(
            f"checked {len(files)} file{'s' if len(files) != 1 else ''}: "
            f"{count} diagnostic{'s' if count != 1 else ''}",
            file=sys.stderr,
        )
    return 1 if found_errors else 0
