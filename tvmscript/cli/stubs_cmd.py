"""``tvmscript stubs [-o DIR]``: write the ``.pyi`` stubs of the T, I and R namespaces."""

from __future__ import annotations

import argparse
from pathlib import Path

from tvmscript.cli.common import error
from tvmscript.stubgen import PACKAGE, TVM_PACKAGE, write_stubs


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``stubs``."""
    parser.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        default="stubs",
        help=f"directory to write {PACKAGE}/ and {TVM_PACKAGE}/ into (default: ./stubs)",
    )


def run(args: argparse.Namespace) -> int:
    """Generate the stubs into the output directory and say where they went."""
    out = Path(args.output)
    try:
        written = write_stubs(out)
    except OSError as exc:
        error(f"cannot write stubs to '{out}': {exc.strerror or exc}")
        return 2
    print(f"wrote {len(written)} stub files to {out}/{PACKAGE} and {out}/{TVM_PACKAGE}")
    return 0
