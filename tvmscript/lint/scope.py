"""Where a file is TVMScript: the spans our own parser validated, for `tvmscript.lint`.

A top-level definition (``@T.prim_func``, ``@R.function``, ``@I.ir_module``) that parses
without an error is validated TVMScript, and so is each function inside a validated module.
`ScriptScope` gives, per file, the line ranges of those definitions and of their signatures
(decorators to the ``def`` line's end of parameters), which is what the drop rules test.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tvmscript.script.parser.api import Definition, parse_file
from tvmscript.script.parser.core import doc


@dataclass(frozen=True, slots=True)
class Lines:
    """Lines ``first`` to ``last`` (1-based, inclusive) of one validated definition."""

    first: int
    last: int
    name: str

    def __contains__(self, line: int) -> bool:
        return self.first <= line <= self.last


@dataclass
class ScriptScope:
    """The validated TVMScript of one file."""

    definitions: list[Lines] = field(default_factory=list)
    """Each validated definition, decorators to its last line."""
    signatures: list[Lines] = field(default_factory=list)
    """Each validated function's decorators and signature (to its first body statement)."""
    module_lines: list[Lines] = field(default_factory=list)
    """The ``class`` line of each validated ``@I.ir_module``."""

    def in_definition(self, line: int) -> str | None:
        """The name of the validated definition holding ``line``, or None."""
        return next((d.name for d in self.definitions if line in d), None)

    def in_signature(self, line: int) -> str | None:
        """The name of the validated function whose signature holds ``line``, or None."""
        return next((d.name for d in self.signatures if line in d), None)


def script_scope(text: str, filename: str) -> ScriptScope:
    """The spans of ``text`` our parser validated as TVMScript (empty when it has none)."""
    definitions, _ = parse_file(text, filename)
    scope = ScriptScope()
    for definition in definitions:
        if definition.result is not None:
            _add(scope, definition)
    return scope


def _add(scope: ScriptScope, definition: Definition) -> None:
    node = definition.node
    scope.definitions.append(_lines(node, definition.name))
    if isinstance(node, doc.ClassDef):
        scope.module_lines.append(Lines(node.span.line, node.span.line, node.name))
        for item in node.body:
            if isinstance(item, doc.FunctionDef):
                scope.definitions.append(_lines(item, item.name))
                scope.signatures.append(_signature(item))
    elif isinstance(node, doc.FunctionDef):
        scope.signatures.append(_signature(node))


def _first_line(node: doc.Stmt) -> int:
    if not isinstance(node, doc.FunctionDef | doc.ClassDef):
        return node.span.line
    return min([node.span.line, *(d.span.line for d in node.decorator_list)])


def _lines(node: doc.Stmt, name: str) -> Lines:
    return Lines(_first_line(node), node.span.end_line, name)


def _signature(node: doc.FunctionDef) -> Lines:
    body_line = node.body[0].span.line if node.body else node.span.end_line
    return Lines(_first_line(node), max(node.span.line, body_line - 1), node.name)
