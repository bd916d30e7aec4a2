"""Start the server: stdio by default, ``--tcp HOST:PORT`` for debugging."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from tvmscript_server.server import create_server


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The server's command-line options (shared by ``tvmscript lsp``)."""
    parser.add_argument("--tcp", metavar="HOST:PORT", help="listen on TCP instead of stdio")


def serve(tcp: str | None) -> int:
    """Run the server until the client exits; 2 on a bad ``--tcp`` address."""
    # stdout carries the protocol: logs go to stderr.
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    if tcp is None:
        create_server().start_io()
        return 0
    host, _, port = tcp.rpartition(":")
    if not host or not port.isdigit():
        print(f"tvmscript lsp: error: expected --tcp HOST:PORT, got '{tcp}'", file=sys.stderr)
        return 2
    create_server().start_tcp(host, int(port))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m tvmscript_server [--tcp HOST:PORT]``."""
    parser = argparse.ArgumentParser(prog="tvmscript-server", description=__doc__)
    add_arguments(parser)
    args = parser.parse_args(argv)
    return serve(args.tcp)
