"""Whole-file entry points: find the TVMScript definitions of a Python file and parse them.

Imports tell which names mean ``T``, ``R`` and ``I`` (TVM's spellings too); simple module
constants are evaluated by the safe evaluator; other top-level code is skipped, never run.
"""

from __future__ import annotations

import ast
import gc
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from tvmscript.diagnostics import Diagnostic, DiagnosticError, debug_enabled
from tvmscript.script.chunks import top_level_chunks
from tvmscript.script.ir_builder.base import BuilderError, IRBuilder
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.macro import Macro
from tvmscript.script.parser.core.parser import Parser, internal_error, statement_error
from tvmscript.script.parser.core.poison import POISON
from tvmscript.script.parser.core.source import Source
from tvmscript.script.parser.entry_utils import DecoratorInfo, decorator_info
from tvmscript.script.parser.ir import handlers as _ir_rules  # registers the dialect's rules
from tvmscript.script.parser.tir import handlers as _tir_rules  # registers the dialect's rules

del _ir_rules, _tir_rules

DIALECT_MODULES: Final[dict[str, str]] = {  # what `from tvm.script import X` names
    "tir": "tvmscript.tir",
    "tirx": "tvmscript.tir",
    "relax": "tvmscript.relax",
    "ir": "tvmscript.ir",
}
_SCRIPT_PACKAGES: Final = ("tvm.script", "tvmscript", "tvm.script.parser")


@dataclass
class Definition:
    """One top-level TVMScript definition of a file and what parsing it gave."""

    name: str
    kind: str
    node: doc.Stmt
    result: Any = None


def default_globals() -> dict[str, Any]:
    """``T``, ``I`` and ``R`` as TVM's printed files imply them (a fresh dict)."""
    return dict(_default_globals())


@cache
def _default_globals() -> dict[str, Any]:
    import importlib

    from tvmscript.script.parser.tir.function import SymbolicTypeVar

    out: dict[str, Any] = {"TypeVar": SymbolicTypeVar}
    for alias, short in (("T", "tir"), ("I", "ir"), ("R", "relax")):
        try:
            out[alias] = importlib.import_module(DIALECT_MODULES[short])
        except ImportError:
            continue
    return out


def parse_file(
    text: str, filename: str = "<string>", extra_vars: Mapping[str, Any] | None = None
) -> tuple[list[Definition], list[Diagnostic]]:
    """Parse every TVMScript definition of ``text``; never raises."""
    with gc_paused():
        return _parse_file(text, filename, extra_vars)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while parsing.

    Parsing allocates many short-lived, acyclic objects: the collector would only rescan the
    heap (a third of the parse time); it runs again once parsing is done.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse_file(
    text: str, filename: str, extra_vars: Mapping[str, Any] | None
) -> tuple[list[Definition], list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    definitions: list[Definition] = []
    globals_ = default_globals()
    if extra_vars:
        globals_.update(extra_vars)
    for source, module in file_modules(text, filename, diagnostics):
        parser = Parser(globals_, diagnostics)
        for stmt in module.body:
            parse_top_level(parser, source, stmt, definitions)
    return definitions, diagnostics


def file_modules(
    text: str, filename: str, diagnostics: list[Diagnostic]
) -> Iterator[tuple[Source, ast.Module]]:
    """The parsed file, or after a syntax error each top-level chunk that still parses.

    The syntax error goes to ``diagnostics``; the chunks (`top_level_chunks`) around it are
    left out.
    """
    try:
        yield Source(text, filename), parse_python(text, filename)
        return
    except SyntaxError as exc:
        diagnostics.append(syntax_error(exc, Source(text, filename)))
    except ValueError as exc:  # e.g. null bytes
        diagnostics.append(
            Diagnostic.error(Source(text, filename).line_span(1), "syntax-error", str(exc))
        )
        return
    bad_line = diagnostics[-1].line
    for start, chunk in top_level_chunks(text):
        end = start + chunk.count("\n")
        if start <= bad_line <= end + 1:
            continue
        try:
            module = parse_python(chunk, filename)
        except (SyntaxError, ValueError):
            continue
        yield Source(chunk, filename, line_offset=start - 1), module


def parse_python(text: str, filename: str) -> ast.Module:
    """``ast.parse`` without Python's warnings (they are not the user's TVMScript problems)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(text, filename)


def syntax_error(exc: SyntaxError, source: Source) -> Diagnostic:
    """The diagnostic for Python's ``SyntaxError``."""
    line = exc.lineno or 1
    col = exc.offset or 1
    end_line = exc.end_lineno or line
    end_col = exc.end_offset or col + 1
    if (end_line, end_col) <= (line, col):
        end_line, end_col = line, col + 1
    span = source.span(line, col - 1, end_line, end_col - 1)
    message = exc.msg[:1].lower() + exc.msg[1:] if exc.msg else "invalid syntax"
    return Diagnostic.error(span, "syntax-error", message)


def parse_top_level(
    parser: Parser, source: Source, stmt: ast.stmt, definitions: list[Definition]
) -> None:
    """Run one top-level statement of a file: bind an import or a constant, parse a definition.

    Parsed definitions are appended to ``definitions``; errors go to the parser's diagnostics
    (an unexpected exception becomes an ``internal-error`` at the statement).
    """
    try:
        _top_level(parser, source, stmt, definitions)
    except DiagnosticError as exc:
        parser.report(exc)
    except Exception as exc:
        if debug_enabled():
            raise
        parser.diagnostics.append(internal_error(doc.Pass(pos=_pos(stmt), src=source), exc))


def _pos(stmt: ast.stmt) -> doc.Pos:
    return (stmt.lineno, stmt.col_offset, stmt.end_lineno, stmt.end_col_offset)


def _top_level(
    parser: Parser, source: Source, stmt: ast.stmt, definitions: list[Definition]
) -> None:
    match stmt:
        case ast.ImportFrom() | ast.Import():
            _bind_imports(parser, stmt)
        case ast.Assign(targets=[ast.Name(id=name)], value=value):
            parser.globals[name] = value_ = _constant(parser, source, value)
            parser.globals_poisoned |= value_ is POISON
        case ast.FunctionDef() | ast.ClassDef() if stmt.decorator_list:
            _definition(parser, source, stmt, definitions)


def _constant(parser: Parser, source: Source, value: ast.expr) -> Any:
    """A module constant's value by the safe evaluator; `POISON` when it is not simple."""
    try:
        return parser.eval_expr(doc.to_doc_expr(value, source))
    except Exception:  # not TVMScript's business: never reported
        return POISON


def _bind_imports(parser: Parser, stmt: ast.Import | ast.ImportFrom) -> None:

    if isinstance(stmt, ast.ImportFrom):
        package = stmt.module or ""
        for alias in stmt.names:
            target = _dialect_module(package, alias.name)
            if target is not None:
                parser.globals[alias.asname or alias.name] = _import(target)
        return
    for alias in stmt.names:
        package, _, name = alias.name.rpartition(".")
        target = _dialect_module(package, name)
        if target is not None and alias.asname:
            parser.globals[alias.asname] = _import(target)


def _import(module: str) -> Any:
    import importlib

    return importlib.import_module(module)


def _dialect_module(package: str, name: str) -> str | None:
    if package not in _SCRIPT_PACKAGES or name not in DIALECT_MODULES:
        return None
    return DIALECT_MODULES[name]


def _definition(
    parser: Parser,
    source: Source,
    stmt: ast.FunctionDef | ast.ClassDef,
    definitions: list[Definition],
) -> None:
    node = doc.to_doc(stmt, source)
    assert isinstance(node, doc.FunctionDef | doc.ClassDef)
    info = decorator_info(parser, node)
    if info is None:
        return
    if info.kind == "macro":
        assert isinstance(node, doc.FunctionDef)
        hygienic = bool(info.options.get("hygienic", True))
        parser.globals[node.name] = Macro(node, hygienic, {})
        return
    definition = Definition(node.name, info.kind, node)
    definitions.append(definition)
    definition.result = build_definition(parser, node, info)
    if definition.result is not None:
        parser.globals[node.name] = definition.result


def build_definition(
    parser: Parser, node: doc.FunctionDef | doc.ClassDef, info: DecoratorInfo
) -> Any:
    """Parse one definition in a fresh builder; None when it had errors."""
    before = _error_count(parser.diagnostics)
    with IRBuilder() as builder:
        parser.builder = builder
        try:
            _dispatch_definition(parser, node, info)
        except DiagnosticError as exc:
            parser.report(exc)
        except (BuilderError, TypeError, ValueError) as exc:  # raised while finishing the IR
            if debug_enabled():
                raise
            parser.diagnostics.append(statement_error(node, exc))
        finally:
            parser.builder = None
    if _error_count(parser.diagnostics) > before:
        return None
    return builder.result


def _dispatch_definition(
    parser: Parser, node: doc.FunctionDef | doc.ClassDef, info: DecoratorInfo
) -> None:
    if info.kind == "prim_func":
        if not isinstance(node, doc.FunctionDef):
            raise parser.error(node, "invalid-argument", "@T.prim_func decorates a function")
        from tvmscript.script.parser.tir.function import parse_prim_func

        parse_prim_func(parser, node, info.options)
    elif info.kind == "ir_module":
        if not isinstance(node, doc.ClassDef):
            raise parser.error(node, "invalid-argument", "@I.ir_module decorates a class")
        from tvmscript.script.parser.ir.module import parse_ir_module

        parse_ir_module(parser, node)
    else:
        from tvmscript.script.parser.relax_support import parse_relax_function

        parse_relax_function(parser, node, info.options)


def _error_count(diagnostics: list[Diagnostic]) -> int:
    return sum(1 for d in diagnostics if d.severity == "error")


def check_source(text: str, filename: str = "<string>") -> list[Diagnostic]:
    """Every diagnostic of every TVMScript definition in a Python file; never raises."""
    try:
        _, diagnostics = parse_file(text, filename)
    except Exception as exc:  # the last line of defence: a diagnostic, not a traceback
        if debug_enabled():
            raise
        span = Source(text, filename).line_span(1)
        return [Diagnostic.error(span, "internal-error", f"internal error, please report: {exc}")]
    return sorted(diagnostics, key=lambda d: (d.line, d.column))


def from_source(
    text: str, extra_vars: Mapping[str, Any] | None = None, filename: str = "<string>"
) -> Any:
    """The IR of the one TVMScript definition in ``text``; raises `DiagnosticError`."""
    definitions, diagnostics = parse_file(text, filename, extra_vars)
    errors = [d for d in diagnostics if d.severity == "error"]
    if errors:
        raise DiagnosticError(errors, text)
    if len(definitions) != 1:
        line = Source(text, filename).line_span(1)
        what = (
            "no TVMScript definition"
            if not definitions
            else (
                f"{len(definitions)} TVMScript definitions ("
                + ", ".join(d.name for d in definitions)
                + ")"
            )
        )
        raise DiagnosticError(
            [Diagnostic.error(line, "definition-count", f"expected exactly one, found {what}")]
        )
    return definitions[0].result
