"""``tvmscript lsp [--tcp HOST:PORT]``: the language server (stdio by default)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``lsp``."""
    parser.add_argument("--tcp", metavar="HOST:PORT", help="listen on TCP instead of stdio")


def run(args: argparse.Namespace) -> int:
    """Serve until the client exits."""
    # Imported here: the other subcommands do not pay for pygls.
    from tvmscript_server.main import serve

    return serve(args.tcp)
