"""The IR of one top-level definition, parsed from its own text (plus the file's prelude)."""

from __future__ import annotations

from typing import Any

from tvmscript import from_source
from tvmscript.script.outline import Outline, Symbol, TopLevel


def definition_source(outline: Outline, definition: TopLevel) -> tuple[str, int]:
    """The text to parse for ``definition`` and the line (0-based) where the definition starts."""
    prelude = outline.prelude_before(definition.start)
    return prelude + definition.text(outline.lines), prelude.count("\n")


def parse_definition(outline: Outline, definition: TopLevel, filename: str = "<string>") -> Any:
    """The IR of ``definition`` (IRModule or PrimFunc); raises `tvmscript.DiagnosticError`."""
    text, _ = definition_source(outline, definition)
    return from_source(text, filename=filename)


def printed_symbol(outline: Outline, definition: TopLevel, symbol: Symbol) -> str:
    """What TVM prints for ``symbol``: the whole definition, or one function of a module."""
    ir = parse_definition(outline, definition)
    if symbol is not definition.symbol:
        ir = ir[symbol.name]
    text: str = ir.script()
    return text
