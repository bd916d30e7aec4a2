"""The IR of one top-level definition: from the document's analysis, or parsed from its text.

The analysis (`tvmscript.analysis.Analysis.results`) has the IR of every definition without
errors; a definition is parsed again from its own text (plus the file's prelude) only when the
analysis has no IR for it, to say why (its errors) or when its name is not unique.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import tvmscript
from tvmscript.script.outline import Outline, Symbol, TopLevel


def analysed_ir(doc: Outline, definition: TopLevel, results: Mapping[str, Any]) -> Any:
    """The IR the analysis made for ``definition``; None when it has errors or shares its name."""
    name = definition.symbol.name
    if sum(d.symbol.name == name for d in doc.definitions) != 1:
        return None
    return results.get(name)


def definition_source(outline: Outline, definition: TopLevel) -> tuple[str, int]:
    """The text to parse for ``definition`` and the line (0-based) where the definition starts."""
    prelude = outline.prelude_before(definition.start)
    return prelude + definition.text(outline.lines), prelude.count("\n")


def parse_definition(outline: Outline, definition: TopLevel, filename: str = "<string>") -> Any:
    """The IR of ``definition`` (IRModule or PrimFunc); raises `tvmscript.DiagnosticError`."""
    text, _ = definition_source(outline, definition)
    return tvmscript.from_source(text, filename=filename)


def printed_symbol(outline: Outline, definition: TopLevel, symbol: Symbol) -> str:
    """What TVM prints for ``symbol``: the whole definition, or one function of a module."""
    ir = parse_definition(outline, definition)
    if symbol is not definition.symbol:
        ir = ir[symbol.name]
    text: str = ir.script()
    return text
