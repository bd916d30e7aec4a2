"""The printed IR of a document's TVMScript definitions (the ``tvmscript.showIR`` command)."""

from __future__ import annotations

from typing import Any

from tvmscript import DiagnosticError, from_source
from tvmscript.core.ir.module import IRModule
from tvmscript.script.outline import Outline, TopLevel, outline


class ShowIRError(Exception):
    """Why there is nothing to show (a message for the user)."""


def show_ir(text: str, name: str | None = None) -> str:
    """The printed text of every definition of ``text``, or of the one named ``name``.

    ``name`` is a definition's name or the name of a function of an ``@I.ir_module`` class.
    """
    doc = outline(text)
    if not doc.definitions:
        raise ShowIRError("tvmscript.showIR: the document has no TVMScript definition")
    if name is None:
        return "\n".join(_printed(doc, d, None) for d in doc.definitions)
    for definition in doc.definitions:
        if definition.symbol.name == name:
            return _printed(doc, definition, None)
        if any(method.name == name for method in definition.methods):
            return _printed(doc, definition, name)
    raise ShowIRError(f"tvmscript.showIR: no TVMScript definition or function named '{name}'")


def _printed(doc: Outline, definition: TopLevel, function: str | None) -> str:
    prelude = doc.prelude_before(definition.start)
    try:
        ir: Any = from_source(prelude + definition.text(doc.lines))
    except DiagnosticError as exc:
        detail = ""
        if exc.diagnostics:
            first = exc.diagnostics[0]
            line = definition.start + first.line - prelude.count("\n")
            detail = f" (line {line}: {first.message})"
        name = definition.symbol.name
        raise ShowIRError(f"tvmscript.showIR: '{name}' has errors{detail}") from None
    if function is not None:
        if not isinstance(ir, IRModule) or function not in ir:
            raise ShowIRError(f"tvmscript.showIR: no function named '{function}'")
        ir = ir[function]
    text: str = ir.script()
    return text
