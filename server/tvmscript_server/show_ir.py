"""The printed IR of a document's TVMScript definitions (the ``tvmscript.showIR`` command).

The IR is the document's analysis's (`tvmscript.analysis.Analysis.results`); a definition the
analysis has no IR for is parsed again from its own text, to say what its errors are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import tvmscript
from tvmscript.script.outline import Outline, TopLevel, outline
from tvmscript_server.definitions import analysed_ir

if TYPE_CHECKING:
    from tvmscript.analysis import Analysis


class ShowIRError(Exception):
    """Why there is nothing to show (a message for the user)."""


def show_ir(text: str, name: str | None = None, analysis: Analysis | None = None) -> str:
    """The printed text of every definition of ``text``, or of the one named ``name``.

    ``name`` is a definition's name or the name of a function of an ``@I.ir_module`` class.
    ``analysis`` is the document's; without it each definition is parsed afresh.
    """
    doc = outline(text)
    results = analysis.results if analysis is not None else {}
    if not doc.definitions:
        raise ShowIRError("tvmscript.showIR: the document has no TVMScript definition")
    if name is None:
        return "\n".join(_printed(doc, d, None, results) for d in doc.definitions)
    for definition in doc.definitions:
        if definition.symbol.name == name:
            return _printed(doc, definition, None, results)
        if any(method.name == name for method in definition.methods):
            return _printed(doc, definition, name, results)
    raise ShowIRError(f"tvmscript.showIR: no TVMScript definition or function named '{name}'")


def _printed(
    doc: Outline, definition: TopLevel, function: str | None, results: dict[str, Any]
) -> str:
    from tvmscript.core.ir.module import IRModule

    ir = analysed_ir(doc, definition, results)
    if ir is None:
        ir = _parsed(doc, definition)
    if function is not None:
        if not isinstance(ir, IRModule) or function not in ir:
            raise ShowIRError(f"tvmscript.showIR: no function named '{function}'")
        ir = ir[function]
    text: str = ir.script()
    return text


def _parsed(doc: Outline, definition: TopLevel) -> Any:
    """The IR of ``definition`` parsed from its own text; `ShowIRError` naming its first error."""
    prelude = doc.prelude_before(definition.start)
    try:
        return tvmscript.from_source(prelude + definition.text(doc.lines))
    except tvmscript.DiagnosticError as exc:
        detail = ""
        if exc.diagnostics:
            first = exc.diagnostics[0]
            line = definition.start + first.line - prelude.count("\n")
            detail = f" (line {line}: {first.message})"
        name = definition.symbol.name
        raise ShowIRError(f"tvmscript.showIR: '{name}' has errors{detail}") from None
