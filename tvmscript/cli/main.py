"""The ``tvmscript`` command: one module per subcommand."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Final

from tvmscript.cli import (
    build_cmd,
    check,
    fmt_cmd,
    lint_cmd,
    lsp_cmd,
    print_cmd,
    run_cmd,
    stubs_cmd,
)

_COMMANDS: Final[
    dict[
        str,
        tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int], str],
    ]
] = {
    "check": (check.add_arguments, check.run, "report the diagnostics of TVMScript files"),
    "fmt": (fmt_cmd.add_arguments, fmt_cmd.run, "reformat the TVMScript definitions of files"),
    "print": (print_cmd.add_arguments, print_cmd.run, "print a file's IR as canonical text"),
    "build": (build_cmd.add_arguments, build_cmd.run, "compile a file's PrimFuncs for the CPU"),
    "run": (run_cmd.add_arguments, run_cmd.run, "run a PrimFunc on random inputs and time it"),
    "lsp": (lsp_cmd.add_arguments, lsp_cmd.run, "the language server (stdio by default)"),
    "stubs": (stubs_cmd.add_arguments, stubs_cmd.run, "write the .pyi stubs of T, I and R"),
    "lint": (
        lint_cmd.add_arguments,
        lint_cmd.run,
        "mypy/pylint/pyright minus their false messages",
    ),
}

EXIT_OK: Final = 0
EXIT_ERRORS: Final = 1
EXIT_USAGE: Final = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(prog="tvmscript", description="TVMScript tools")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (add_arguments, _, help_text) in _COMMANDS.items():
        add_arguments(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv``; returns the exit code (0 ok, 1 errors, 2 usage/IO)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    _, run, _ = _COMMANDS[args.command]
    try:
        return run(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
