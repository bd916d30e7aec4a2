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
from tvmscript.script.parser import imports
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.macro import Macro
from tvmscript.script.parser.core.parser import Parser, internal_error, statement_error
from tvmscript.script.parser.core.poison import POISON
from tvmscript.script.parser.core.source import Source
from tvmscript.script.parser.entry_utils import (
    DecoratorInfo,
    decorators_info,
    dotted_name,
    unresolved_decorator,
)
from tvmscript.script.parser.ir import handlers as _ir_rules  # registers the dialect's rules
from tvmscript.script.parser.tir import handlers as _tir_rules  # registers the dialect's rules

del _ir_rules, _tir_rules

DIALECT_MODULES: Final[dict[str, str]] = {  # what `from tvm.script import X` names
    "tir": "tvmscript.tir",
    "tirx": "tvmscript.tir",
    "relax": "tvmscript.relax",
    "ir": "tvmscript.ir",
}


@dataclass
class Definition:
    """One TVMScript definition of a file and what parsing it gave."""

    name: str
    kind: str
    node: doc.Stmt
    result: Any = None
    nested: bool = False
    """Whether it is defined inside a plain Python function or class (not at top level)."""


def default_globals() -> dict[str, Any]:
    """``T``, ``I`` and ``R`` as TVM's printed files imply them (a fresh dict)."""
    return dict(_default_globals())


@cache
def _default_globals() -> dict[str, Any]:
    import importlib

    from tvmscript.script.ir_builder.tir.layout import Axis
    from tvmscript.script.parser.tir.function import SymbolicTypeVar

    # `# from tvm.tirx.layout import Axis` heads every file TVM 0.27 prints.
    out: dict[str, Any] = {"TypeVar": SymbolicTypeVar, "Axis": Axis}
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
        case ast.ImportFrom(module="__future__", names=names):
            if any(a.name == "annotations" for a in names):
                parser.globals["__future_annotations__"] = True
        case ast.ImportFrom() | ast.Import():
            _bind_imports(parser, source, stmt)
        case ast.Assign() | ast.AnnAssign() if _assignment(parser, source, stmt, definitions):
            pass
        case ast.FunctionDef() | ast.ClassDef() | ast.AsyncFunctionDef():
            if not _definition(parser, source, stmt, definitions):
                if stmt.name not in parser.globals:  # a plain Python helper: unknown value
                    _bind_global(parser, stmt.name, POISON)
                _nested_definitions(parser, source, stmt, definitions)
        case ast.Try(body=body) | ast.If(body=body):
            # `try: from tvm.script import tirx as T` / `if HAVE_TVM: ...`: the first branch
            # is read as top-level code; what the other branches bind is unknown.
            for inner in body:
                _top_level(parser, source, inner, definitions)
            _bind_unknown(parser, stmt, skip=body)
        case _:
            _bind_unknown(parser, stmt)


def _assignment(
    parser: Parser, source: Source, stmt: ast.Assign | ast.AnnAssign, definitions: list[Definition]
) -> bool:
    """Bind a module-level constant; whether the statement was one.

    ``N = 8``, ``B, S = 1, 16``, ``M = N = 64``, ``K: int = 2``.
    """
    match stmt:
        case ast.Assign(targets=[ast.Name(id=name)], value=value):
            parser.globals[name] = value_ = _constant(parser, source, value)
            parser.globals_poisoned |= value_ is POISON
            if isinstance(value, ast.Call) and _is_ir(value_):  # `k = f.specialize(N=256)`
                definitions.append(Definition(name, "prim_func", doc.to_doc(stmt, source), value_))
        case ast.Assign(targets=targets, value=value) if all(_is_names(t) for t in targets):
            value_ = _constant(parser, source, value)
            for target in targets:
                _bind_target(parser, target, value_)
        case ast.AnnAssign(target=ast.Name(id=name), value=value) if value is not None:
            _bind_global(parser, name, _constant(parser, source, value))
        case _:
            return False
    return True


def _is_names(target: ast.expr) -> bool:
    """A name, or a tuple/list of names (an unpacking TVMScript can follow)."""
    if isinstance(target, ast.Name):
        return True
    return isinstance(target, ast.Tuple | ast.List) and all(
        isinstance(e, ast.Name) for e in target.elts
    )


def _bind_target(parser: Parser, target: ast.expr, value: Any) -> None:
    if isinstance(target, ast.Name):
        _bind_global(parser, target.id, value)
        return
    assert isinstance(target, ast.Tuple | ast.List)
    names = [e.id for e in target.elts if isinstance(e, ast.Name)]
    values: list[Any] = [POISON] * len(names)
    if isinstance(value, tuple | list) and len(value) == len(names):
        values = list(value)
    for name, item in zip(names, values, strict=True):
        _bind_global(parser, name, item)


def _bind_unknown(parser: Parser, stmt: ast.stmt, skip: list[ast.stmt] | None = None) -> None:
    """Bind what a module-level statement we do not run binds, as unknown values.

    (``for n in ...:``, ``N += 1``, an ``except`` branch): their uses are then not reported as
    undefined names.
    """
    skipped = {id(s) for s in skip or ()}
    todo: list[ast.AST] = [c for c in ast.iter_child_nodes(stmt) if id(c) not in skipped]
    if not skip:
        todo = [stmt]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            _bind_global(parser, node.id, POISON)  # it changes (`S += 1`), or may (a branch)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            _bind_unknown_name(parser, node.name)
            continue  # its body is another scope
        elif isinstance(node, ast.alias):
            _bind_unknown_name(parser, (node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            _bind_unknown_name(parser, node.name)
        todo.extend(ast.iter_child_nodes(node))


def _bind_unknown_name(parser: Parser, name: str) -> None:
    """An import or definition of another branch: the first branch's known value stays."""
    if name != "*" and name not in parser.globals:
        _bind_global(parser, name, POISON)


def _nested_definitions(
    parser: Parser,
    source: Source,
    stmt: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef,
    definitions: list[Definition],
) -> None:
    """Parse the TVMScript definitions inside a plain Python function or class.

    (TVM's own tests define most kernels inside test functions.) They see the module's names,
    and the simple constants their enclosing bodies assign before them; every other name of
    those bodies (parameters, loop variables, results of calls) is `POISON`: unknown, never
    an error.
    """
    saved, saved_poisoned = parser.globals, parser.globals_poisoned
    scope = dict(saved)
    for name in _local_names(stmt):
        scope[name] = POISON
    scope.pop(stmt.name, None)
    parser.globals, parser.globals_poisoned = scope, True
    first = len(definitions)
    try:
        _nested_body(parser, source, stmt.body, definitions, straight=True)
    finally:
        parser.globals, parser.globals_poisoned = saved, saved_poisoned
        for definition in definitions[first:]:
            definition.nested = True


def _nested_body(
    parser: Parser,
    source: Source,
    body: list[ast.stmt],
    definitions: list[Definition],
    straight: bool,
) -> None:
    for stmt in body:
        match stmt:
            case ast.Assign() if not straight:
                continue  # a conditional value: the name stays unknown
            case ast.ImportFrom() | ast.Import() | ast.Assign():
                _top_level(parser, source, stmt, definitions)
            case ast.FunctionDef() | ast.ClassDef() | ast.AsyncFunctionDef():
                parse_top_level(parser, source, stmt, definitions)
            case _:
                for child in _child_bodies(stmt):
                    _nested_body(parser, source, child, definitions, straight=False)


def _child_bodies(stmt: ast.stmt) -> list[list[ast.stmt]]:
    """The statement lists of a compound statement (``if``, ``for``, ``with``, ``try``)."""
    bodies: list[list[ast.stmt]] = []
    for name in ("body", "orelse", "finalbody"):
        if isinstance(value := getattr(stmt, name, None), list):
            bodies.append(value)
    bodies.extend(h.body for h in getattr(stmt, "handlers", ()))
    bodies.extend(c.body for c in getattr(stmt, "cases", ()))
    return bodies


def _local_names(stmt: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> set[str]:
    """The names a function or class body binds (its parameters too), not nested ones'."""
    names: set[str] = set()
    if not isinstance(stmt, ast.ClassDef):
        args = stmt.args
        for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg):
            if arg is not None:
                names.add(arg.arg)
    todo: list[ast.AST] = list(stmt.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
        todo.extend(ast.iter_child_nodes(node))
    return names


def _is_ir(value: Any) -> bool:
    from tvmscript.core.ir.module import IRModule
    from tvmscript.core.tir.function import PrimFunc

    return isinstance(value, PrimFunc | IRModule)


def _constant(parser: Parser, source: Source, value: ast.expr) -> Any:
    """A module constant's value by the safe evaluator; `POISON` when it is not simple."""
    try:
        return parser.eval_expr(doc.to_doc_expr(value, source))
    except Exception:  # not TVMScript's business: never reported
        return POISON


def _bind_imports(parser: Parser, source: Source, stmt: ast.Import | ast.ImportFrom) -> None:
    """Bind what the import names, when it is TVM's or ours (`imports` knows which)."""
    if isinstance(stmt, ast.ImportFrom):
        if stmt.level:  # a relative import: the user's own package, unknown here
            for alias in stmt.names:
                _bind_global(parser, alias.asname or alias.name, POISON)
            return
        package = stmt.module or ""
        for alias in stmt.names:
            value = imports.bind_from_import(package, alias.name)
            # A name of another library is unknown, not undefined: uses of it are not errors.
            _bind_global(parser, alias.asname or alias.name, POISON if value is None else value)
            if (new := imports.LEGACY_PATHS.get(f"{package}.{alias.name}")) is not None:
                _note_legacy_import(parser, source, stmt, f"{package}.{alias.name}", new)
        return
    for alias in stmt.names:
        if (bound := imports.bind_import(alias.name, alias.asname)) is not None:
            parser.globals[bound[0]] = bound[1]
        elif alias.name != "*":
            _bind_global(parser, alias.asname or alias.name.split(".")[0], POISON)


def _bind_global(parser: Parser, name: str, value: Any) -> None:
    if name == "*":
        return
    parser.globals[name] = value
    parser.globals_poisoned |= value is POISON


def _note_legacy_import(
    parser: Parser, source: Source, stmt: ast.ImportFrom, old: str, new: str
) -> None:
    """``from tvm.script import tir``: TVM 0.27 only has ``tirx`` (tvmscript reads both)."""
    end_line = stmt.end_lineno or stmt.lineno
    end_col = stmt.end_col_offset if stmt.end_col_offset is not None else stmt.col_offset + 1
    span = source.span(stmt.lineno, stmt.col_offset, end_line, end_col)
    parser.diagnostics.append(
        Diagnostic.at(
            span,
            "tvm027-spelling",
            f"TVM 0.27 has no '{old}' (it is '{new}'); tvmscript reads it as '{new}'",
            "hint",
        )
    )


def _definition(
    parser: Parser,
    source: Source,
    stmt: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef,
    definitions: list[Definition],
) -> bool:
    """Parse ``stmt`` when a decorator makes it TVMScript; whether it did."""
    if not stmt.decorator_list:
        return False
    try:
        decorators = [doc.to_doc_expr(d, source) for d in stmt.decorator_list]
    except DiagnosticError:  # syntax TVMScript has no use for: not a TVMScript decorator
        return False
    # Resolving decorators evaluates them: an unknown one (``@pytest.mark...``) says nothing.
    parser.noting_unevaluated = False
    try:
        info = decorators_info(parser, decorators)
    finally:
        parser.noting_unevaluated = True
    if info is None:
        _report_unresolved(parser, stmt, decorators)
        return False
    node = parser.definition_doc(stmt, source)
    assert isinstance(node, doc.FunctionDef | doc.ClassDef)
    if info.kind == "macro":
        assert isinstance(node, doc.FunctionDef)
        hygienic = bool(info.options.get("hygienic", True))
        parser.globals[node.name] = Macro(node, hygienic, {})
        return True
    definition = Definition(node.name, info.kind, node)
    definitions.append(definition)
    definition.result = build_definition(parser, node, info)
    if info.kind == "jit" and definition.result is not None:
        from tvmscript.script.parser.tir.jit import JitKernel

        assert isinstance(node, doc.FunctionDef)
        kernel = JitKernel(node, info.options, dict(parser.globals))
        kernel.checked = definition.result
        definition.result = kernel
    if definition.result is not None:
        parser.globals[node.name] = definition.result
    return True


def _report_unresolved(
    parser: Parser,
    stmt: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef,
    decorators: list[doc.Expr],
) -> None:
    """Say so when a decorator looks like TVMScript's but names nothing tvmscript knows."""
    if (deco := unresolved_decorator(decorators)) is None:
        return
    parser.diagnostics.append(
        Diagnostic.at(
            deco.span,
            "unresolved-decorator",
            f"'@{dotted_name(deco)}' does not resolve to a TVMScript decorator through this "
            f"file's imports: '{stmt.name}' was not checked",
            "information",
        )
    )


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
    where: doc.Node = node.decorator_list[0] if node.decorator_list else node
    if info.kind == "prim_func":
        if not isinstance(node, doc.FunctionDef):
            raise parser.error(where, "invalid-argument", "@T.prim_func decorates a function")
        from tvmscript.script.parser.tir.function import parse_prim_func

        parse_prim_func(parser, node, info.options)
    elif info.kind == "ir_module":
        if not isinstance(node, doc.ClassDef):
            raise parser.error(where, "invalid-argument", "@I.ir_module decorates a class")
        from tvmscript.script.parser.ir.module import parse_ir_module

        parse_ir_module(parser, node)
    elif info.kind == "jit":
        if not isinstance(node, doc.FunctionDef):
            raise parser.error(where, "invalid-argument", "@T.jit decorates a function")
        from tvmscript.script.parser.tir.function import parse_prim_func
        from tvmscript.script.parser.tir.jit import check_annotation_names

        check_annotation_names(parser, node, parser.globals.get("__future_annotations__", False))
        parse_prim_func(parser, node, info.options, constexpr={})
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
    definitions = [d for d in definitions if not d.nested and d.kind != "jit"] or definitions
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
    result = definitions[0].result
    if result is None:
        # Built nothing without an error: a warning (omitted metadata constants) stopped it.
        raise DiagnosticError(
            diagnostics
            or [
                Diagnostic.error(
                    Source(text, filename).line_span(1),
                    "definition-not-built",
                    f"'{definitions[0].name}' could not be built",
                )
            ],
            text,
        )
    return result
