"""``tvmscript lint [--mypy] [--pylint] [--pyright] [--explain] PATH...``."""

from __future__ import annotations

import argparse

from tvmscript.lint import TOOLS, lint


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``lint``."""
    for tool in TOOLS:
        parser.add_argument(f"--{tool}", action="store_true", help=f"run {tool}")
    parser.add_argument("--explain", action="store_true", help="list the messages dropped, and why")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")


def run(args: argparse.Namespace) -> int:
    """Run the tools asked for (mypy and pylint when none is named)."""
    tools = [tool for tool in TOOLS if getattr(args, tool)] or ["mypy", "pylint"]
    return lint(args.paths, tools, explain=args.explain)
