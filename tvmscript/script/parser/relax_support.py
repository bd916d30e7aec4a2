"""The entry `parser.api` calls for ``@R.function`` definitions (forwards to the Relax parser)."""

from __future__ import annotations

from typing import Any

from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.parser import Parser


def parse_relax_function(p: Parser, node: doc.FunctionDef | doc.ClassDef, options: Any) -> None:
    """Build the Relax function of ``node`` in the active builder."""
    from tvmscript.script.parser.relax.function import parse_toplevel_function

    if not isinstance(node, doc.FunctionDef):
        raise p.error(node, "invalid-argument", "@R.function decorates a function")
    parse_toplevel_function(p, node, dict(options or {}))
