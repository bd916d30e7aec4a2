"""Hover text: printed IR on a definition's name, a local name's detail, a ``T.*`` name's docs.

The IR and the local names (buffers, loop variables, block axes, Relax variables, ...) come
from the document's analysis (`tvmscript.analysis.Analysis`): its IR results and its symbol
index. A module function's name prints the function, at its ``def`` and at each ``cls.f``
that names it; a Relax variable shows its struct info as TVM prints it
(``lv: R.Tensor((n, 4), dtype="float32")``).
"""

from __future__ import annotations

import importlib
import inspect
import re
from typing import TYPE_CHECKING, Any, Final

import tvmscript
from tvmscript.script.outline import Outline, Symbol, TopLevel, outline
from tvmscript_server.definitions import analysed_ir, printed_symbol

if TYPE_CHECKING:
    from tvmscript.analysis import Analysis, SymbolIndex

_WORD: Final = re.compile(r"\w+")
_DOTTED_BEFORE: Final = re.compile(r"((?:\w+\s*\.\s*)+)$")
_IMPORT_FROM: Final = re.compile(
    r"from\s+(?:tvm\.script(?:\.parser)?|tvmscript)\s+import\s+(\w+)(?:\s+as\s+(\w+))?"
)
_IMPORT_AS: Final = re.compile(
    r"import\s+(?:tvm\.script(?:\.parser)?|tvmscript)\.(\w+)\s+as\s+(\w+)"
)
# TVM's printed files only have comment imports: these are the names they imply.
_DEFAULT_ALIASES: Final[dict[str, str]] = {"T": "tir", "I": "ir", "R": "relax"}


def hover_at(text: str, line: int, column: int, analysis: Analysis | None = None) -> str | None:
    """Markdown for the position (0-based line, character column) of ``text``, or None.

    ``analysis`` is the document's: it gives the IR and the local names. Without it the
    definition under the position is parsed afresh, and local names found by `analyse_source`.
    """
    doc = outline(text)
    if (found := doc.symbol_at(line, column)) is not None:
        definition, symbol = found
        try:
            printed = _printed(doc, definition, symbol, analysis)
        except tvmscript.DiagnosticError:
            return None
        return f"```python\n{printed.rstrip()}\n```"
    if analysis is None:
        from tvmscript.analysis import analyse_source  # the parser, on first use

        analysis = analyse_source(text)
    index = analysis.symbols
    if (function := _function_use_hover(doc, index, line, column, analysis)) is not None:
        return function
    if (local := local_hover(index, line, column)) is not None:
        return local
    return _namespace_hover(doc, line, column)


def _function_use_hover(
    doc: Outline, index: SymbolIndex, line: int, column: int, analysis: Analysis
) -> str | None:
    """The printed function a ``cls.f`` (a use of module function ``f``) names, or None."""
    symbol = index.at(line + 1, column + 1)
    if symbol is None or symbol.kind != "function":
        return None
    found = doc.symbol_at(symbol.span.line - 1, symbol.span.column - 1)
    if found is None:
        return None
    definition, target = found
    try:
        printed = _printed(doc, definition, target, analysis)
    except tvmscript.DiagnosticError:
        return None
    return f"```python\n{printed.rstrip()}\n```"


def local_hover(index: SymbolIndex, line: int, character: int) -> str | None:
    """Markdown describing the local name under 0-based ``(line, character)``, or None."""
    symbol = index.at(line + 1, character + 1)
    if symbol is None:
        return None
    return f"```python\n{symbol.detail}\n```"


def _printed(doc: Outline, definition: TopLevel, symbol: Symbol, analysis: Analysis | None) -> str:
    """What TVM prints for ``symbol``: from the document's analysis when it has the IR."""
    ir = analysed_ir(doc, definition, analysis.results) if analysis is not None else None
    if ir is None:
        return printed_symbol(doc, definition, symbol)  # (an error, or not parsed alone)
    if symbol is not definition.symbol:
        ir = ir[symbol.name]
    printed: str = ir.script()
    return printed


def _namespace_hover(doc: Outline, line: int, column: int) -> str | None:
    if not 0 <= line < len(doc.lines):
        return None
    chain = dotted_name_at(doc.lines[line], column)
    if chain is None or len(chain) < 2:
        return None
    from tvmscript.script.parser.api import DIALECT_MODULES  # the namespaces, on first use

    dialect = dialect_aliases(doc).get(chain[0])
    if dialect is None or (obj := _resolve(DIALECT_MODULES[dialect], chain[1:])) is None:
        return None
    title = ".".join(chain) + _signature(obj)
    body = inspect.getdoc(obj) or ""
    return f"```python\n{title}\n```" + (f"\n\n{body}" if body else "")


def dotted_name_at(line: str, column: int) -> list[str] | None:
    """The dotted name up to the word under ``column``: ``T.grid`` on ``grid`` → [T, grid]."""
    for word in _WORD.finditer(line):
        if word.start() <= column <= word.end():
            before = _DOTTED_BEFORE.search(line[: word.start()])
            prefix = re.findall(r"\w+", before.group(1)) if before is not None else []
            return [*prefix, word.group()]
    return None


def dialect_aliases(doc: Outline) -> dict[str, str]:
    """Local name → dialect (``tir``, ``ir``, ``relax``) from the file's imports."""
    aliases = dict(_DEFAULT_ALIASES)
    for _, statement in doc.prelude:
        for found in (*_IMPORT_FROM.finditer(statement), *_IMPORT_AS.finditer(statement)):
            name, alias = found.group(1), found.group(2) or found.group(1)
            if (dialect := _DIALECT_OF.get(name)) is not None:
                aliases[alias] = dialect
    return aliases


_DIALECT_OF: Final[dict[str, str]] = {"tir": "tir", "tirx": "tir", "ir": "ir", "relax": "relax"}


def _resolve(module_name: str, path: list[str]) -> Any:
    """The object named by ``path`` in one of our own dialect modules (never user code)."""
    try:
        obj: Any = importlib.import_module(module_name)
    except ImportError:
        return None
    for part in path:
        if part.startswith("_") or (obj := getattr(obj, part, None)) is None:
            return None
    return obj


class _Annotation:
    """An annotation string shown as written (``inspect`` would quote it)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _signature(obj: Any) -> str:
    if not callable(obj) or inspect.ismodule(obj):
        return ""
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        return ""
    parameters = [
        p.replace(annotation=_Annotation(p.annotation)) if isinstance(p.annotation, str) else p
        for p in signature.parameters.values()
    ]
    returns = signature.return_annotation
    if isinstance(returns, str):
        returns = _Annotation(returns)
    return str(signature.replace(parameters=parameters, return_annotation=returns))
