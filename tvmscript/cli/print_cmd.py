"""``tvmscript print FILE [--func NAME]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tvmscript.cli.common import UsageError, error, print_diagnostics, read_text
from tvmscript.core.ir.module import IRModule
from tvmscript.diagnostics import DiagnosticError
from tvmscript.script.parser.api import from_source


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``print``."""
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--func", metavar="NAME", help="print only this function of a module")


def run(args: argparse.Namespace) -> int:
    """Print the canonical text of the file's definition."""
    path = Path(args.file)
    try:
        text = read_text(path)
    except UsageError as exc:
        error(str(exc))
        return 2
    try:
        obj = from_source(text, filename=str(path))
    except DiagnosticError as exc:
        print_diagnostics(exc.diagnostics, text)
        return 1
    if args.func is not None:
        if not isinstance(obj, IRModule) or args.func not in obj:
            error(f"no function named '{args.func}' in '{path}'")
            return 2
        obj = obj[args.func]
    printed: str = obj.script()
    sys.stdout.write(printed if printed.endswith("\n") else printed + "\n")
    return 0
