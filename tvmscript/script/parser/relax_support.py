"""Relax functions are not parsed yet (a later issue): report them clearly."""

from __future__ import annotations

from typing import Any

from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.parser import Parser


def parse_relax_function(p: Parser, node: doc.FunctionDef | doc.ClassDef, options: Any) -> None:
    """Raise the 'not supported yet' diagnostic for ``node``."""
    del options
    raise p.error(node, "unsupported-dialect", "Relax functions are not supported yet")
