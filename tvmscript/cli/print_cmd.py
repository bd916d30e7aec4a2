"""``tvmscript print FILE [--func NAME]``: canonical text on stdout.

``--func`` picks one top-level definition of a file with several, or one function of a module
(of the file's only module, or of the one module that has it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tvmscript.cli.common import UsageError, error, print_diagnostics, read_text
from tvmscript.core.ir.module import IRModule
from tvmscript.diagnostics import DiagnosticError
from tvmscript.script.outline import Outline, TopLevel, outline
from tvmscript.script.parser.api import from_source


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``print``."""
    parser.add_argument("file", metavar="FILE")
    parser.add_argument(
        "--func",
        metavar="NAME",
        help="print only this definition of the file, or this function of its module",
    )


def run(args: argparse.Namespace) -> int:
    """Print the canonical text of the file's definition (or of the one ``--func`` names)."""
    path = Path(args.file)
    try:
        text = read_text(path)
    except UsageError as exc:
        error(str(exc))
        return 2
    source, function = text, None
    if args.func is not None:
        if (picked := _pick(outline(text), args.func)) is None:
            error(f"no function named '{args.func}' in '{path}'")
            return 2
        if isinstance(picked, str):
            error(picked)
            return 2
        source, function = _only(text, picked[0]), picked[1]
    try:
        obj = from_source(source, filename=str(path))
    except DiagnosticError as exc:
        print_diagnostics(exc.diagnostics, text)
        return 1
    if function is not None:
        if not isinstance(obj, IRModule) or function not in obj:
            error(f"no function named '{function}' in '{path}'")
            return 2
        obj = obj[function]
    printed: str = obj.script()
    sys.stdout.write(printed if printed.endswith("\n") else printed + "\n")
    return 0


def _pick(doc: Outline, name: str) -> tuple[TopLevel, str | None] | str | None:
    """The definition ``name`` means and the module function to take from it (None: all).

    A top-level definition of that name first, else the module that has such a function; a
    message when several modules have one.
    """
    for definition in doc.definitions:
        if definition.symbol.name == name:
            return definition, None
    modules = [d for d in doc.definitions if any(m.name == name for m in d.methods)]
    if not modules and len(doc.definitions) == 1 and doc.definitions[0].symbol.kind == "ir_module":
        modules = list(doc.definitions)  # let the module say what it has
    if len(modules) > 1:
        names = ", ".join(m.symbol.name for m in modules)
        return f"'{name}' is a function of several modules ({names}): name the module instead"
    return (modules[0], name) if modules else None


def _only(text: str, definition: TopLevel) -> str:
    """``text`` with every line of the other definitions blanked (lines keep their numbers)."""
    doc = outline(text)
    lines = list(doc.lines)
    for other in doc.definitions:
        if other is not definition:
            lines[other.start : other.end] = [""] * (other.end - other.start)
    return "\n".join(lines)
