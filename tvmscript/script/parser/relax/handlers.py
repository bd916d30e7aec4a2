"""Relax statement rules: bindings, dataflow blocks, ``if``/``else``, ``return``, closures.

Python ``if`` opens no scope, but a Relax branch does: names bound in a branch are visible after
the ``if`` only through the name both branches bind last (the ``if``'s own variable). Likewise
a dataflow block's variables are visible after it only when listed in ``R.output(...)``; using
another one is reported with the fix (`dataflow-var-outside-block`, `missing-output`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from tvmscript.core.relax.analysis import BaseCheck, base_check, sinfo_text
from tvmscript.core.relax.expr import Expr
from tvmscript.core.relax.struct_info import StructInfo, TupleStructInfo
from tvmscript.diagnostics import Diagnostic, DiagnosticError
from tvmscript.script.ir_builder import relax as B
from tvmscript.script.ir_builder.base import Frame, IRBuilder
from tvmscript.script.ir_builder.relax.frames import (
    BlockFrame,
    BranchFrame,
    FunctionFrame,
    RelaxError,
)
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.dispatch import Token, register
from tvmscript.script.parser.core.evaluator import Undefined, has_poison
from tvmscript.script.parser.core.macro import Macro, MacroReturn
from tvmscript.script.parser.core.parser import Parser
from tvmscript.script.parser.core.poison import POISON
from tvmscript.script.parser.relax import operators as _operators
from tvmscript.script.parser.relax.binding import bind_value, poison
from tvmscript.script.parser.relax.operators import relax_error

del _operators  # imported for its registrations

N = TypeVar("N", bound=doc.Stmt)


def _rule(
    node_type: type[N],
) -> Callable[[Callable[[Parser, N], None]], Callable[[Parser, N], None]]:
    """Register a Relax rule whose builder errors become diagnostics at their own span."""

    def decorate(fn: Callable[[Parser, N], None]) -> Callable[[Parser, N], None]:
        @wraps(fn)
        def rule(p: Parser, node: N) -> None:
            try:
                fn(p, node)
            except RelaxError as exc:
                raise relax_error(node, exc) from None

        register(Token.RELAX, node_type)(rule)
        return rule

    return decorate


class Abandon(Exception):
    """Leaves a frame whose body had errors without building it (no cascading errors)."""


def error_count(p: Parser) -> int:
    """How many errors the parser has recorded."""
    return sum(1 for d in p.diagnostics if d.severity == "error")


# ---------------------------------------------------------------------------------------------
# Bindings


@_rule(doc.Assign)
def visit_assign(p: Parser, node: doc.Assign) -> None:
    """``x = value`` (a binding), ``a, b = x, y``, ``n = T.int64()``, ``cls = Module``."""
    if len(node.targets) != 1:
        raise p.error(
            node, "unsupported-syntax", "chained assignments (a = b = c) are not supported"
        )
    value = p.eval_expr(node.value)
    bind_value(p, node.targets[0], value, node.value)


@_rule(doc.AnnAssign)
def visit_ann_assign(p: Parser, node: doc.AnnAssign) -> None:
    """``x: R.Tensor(...) = value``: a binding checked against its annotation."""
    if node.value is None:
        raise p.error(node, "invalid-argument", "an annotated name needs a value in Relax")
    annotation = p.eval_expr(node.annotation)
    value = p.eval_expr(node.value)
    if annotation is POISON:
        poison(p, node.target)
        return
    try:
        info = B.as_struct_info(annotation)
    except TypeError as exc:
        poison(p, node.target)
        raise p.error(node.annotation, "invalid-annotation", str(exc)) from None
    bind_value(p, node.target, value, node.value, info)


@_rule(doc.ExprStmt)
def visit_expr_stmt(p: Parser, node: doc.ExprStmt) -> None:
    """A call for its effect: ``R.output(...)``, ``R.func_attr(...)``, a void call."""
    value = p.eval_expr(node.value)
    if value is None or value is POISON:
        return
    if isinstance(value, B.MatchCastPair):
        raise p.error(node, "unused-value", "R.match_cast(...) must be bound to a name")
    if isinstance(value, Frame):
        raise p.error(node, "invalid-argument", "a scope (R.dataflow(), ...) is used with 'with'")
    if not isinstance(value, Expr):
        return  # a docstring, a macro's Python result: no effect
    info = value.struct_info
    if info is not None and not _is_void(info):
        raise p.error(
            node,
            "unused-value",
            f"a Relax value of struct info {sinfo_text(info)} must be bound to a name "
            "(only calls returning nothing, such as R.print, may stand alone)",
        )
    IRBuilder.name("_", B.emit(value))


def _is_void(info: StructInfo) -> bool:
    return isinstance(info, TupleStructInfo) and not info.fields


@_rule(doc.AugAssign)
def visit_aug_assign(p: Parser, node: doc.AugAssign) -> None:
    """Not in Relax (bindings are immutable): ``x = x + y`` binds a new ``x``."""
    raise p.error(
        node,
        "unsupported-syntax",
        "augmented assignment is not supported in Relax; write x = x + y",
    )


@_rule(doc.Pass)
def visit_pass(p: Parser, node: doc.Pass) -> None:
    """``pass``."""
    del p, node


def _no_loops(p: Parser, node: doc.For | doc.While) -> None:
    raise p.error(
        node,
        "unsupported-syntax",
        "Relax has no loops: write the loop in a PrimFunc (T.prim_func) and call it with "
        "R.call_tir",
    )


register(Token.RELAX, doc.For)(_no_loops)
register(Token.RELAX, doc.While)(_no_loops)


# ---------------------------------------------------------------------------------------------
# Dataflow blocks


@_rule(doc.With)
def visit_with(p: Parser, node: doc.With) -> None:
    """``with R.dataflow():``: its variables are visible after it only through R.output."""
    if len(node.items) != 1:
        raise p.error(node, "unsupported-syntax", "a Relax 'with' takes one R.dataflow()")
    item = node.items[0]
    frame = p.eval_expr(item.context_expr)
    if item.optional_vars is not None:
        raise p.error(item.optional_vars, "unsupported-syntax", "R.dataflow() binds no name")
    if frame is POISON:
        with p.var_table.with_frame():
            p.visit_body(node.body)
        return
    if not isinstance(frame, BlockFrame):
        raise p.error(
            item.context_expr,
            "invalid-argument",
            f"expected R.dataflow(), got '{type(frame).__name__}'",
        )
    before = error_count(p)
    with p.var_table.with_frame():
        with frame:
            p.visit_body(node.body)
        local = [n for n in p.var_table.frames[-1] if n != "_"]
        poisoned = any(p.var_table.get(n) is POISON for n in local)
    outputs = {v.name_hint for v in frame.output_vars}
    for var in frame.output_vars:
        p.var_table.add(var.name_hint, var)
    failed = poisoned or error_count(p) > before
    for name in local:
        if name in outputs or p.var_table.exist(name):
            continue
        p.var_table.add(name, POISON if failed else _dataflow_local(name, node, frame))


def _dataflow_local(name: str, node: doc.With, frame: BlockFrame) -> Undefined:
    line = node.span.line
    if frame.has_output:
        return Undefined(
            "dataflow-var-outside-block",
            f"'{name}' is local to the dataflow block at line {line}; list it in that block's "
            "R.output(...) to use it after the block",
        )
    return Undefined(
        "missing-output",
        f"'{name}' is local to the dataflow block at line {line}, which has no R.output(...); "
        f"end the block with R.output({name})",
    )


# ---------------------------------------------------------------------------------------------
# if / else


@_rule(doc.If)
def visit_if(p: Parser, node: doc.If) -> None:
    """``if cond: ... else: ...``: both branches end by binding the same name."""
    try:
        _visit_if(p, node)
    except (DiagnosticError, RelaxError):
        _poison_assigned(p, node)
        raise


def _visit_if(p: Parser, node: doc.If) -> None:
    cond = p.eval_expr(node.test)
    if not node.orelse:
        raise p.error(
            node,
            "missing-else",
            "an 'if' in Relax needs an 'else' branch binding the same name as the 'if' branch",
        )
    if cond is POISON:
        for body in (node.body, node.orelse):
            with p.var_table.with_frame():
                p.visit_body(body)
        _poison_assigned(p, node)
        return
    frame = B.If(cond)
    before = error_count(p)
    try:
        with frame:
            for kind, body in ((B.Then, node.body), (B.Else, node.orelse)):
                with p.var_table.with_frame(), kind():
                    p.visit_body(body)
                    if error_count(p) > before:
                        raise Abandon
    except Abandon:
        _poison_assigned(p, node)
        return
    assert frame.var is not None
    assert frame.var_name is not None
    p.var_table.add(frame.var_name, frame.var)


def _poison_assigned(p: Parser, node: doc.If) -> None:
    for stmt in (*node.body, *node.orelse):
        if isinstance(stmt, doc.Assign):
            for target in stmt.targets:
                poison(p, target)
        elif isinstance(stmt, doc.AnnAssign):
            poison(p, stmt.target)


# ---------------------------------------------------------------------------------------------
# return and nested definitions


@_rule(doc.Return)
def visit_return(p: Parser, node: doc.Return) -> None:
    """``return value``: the function's result (bound first unless a leaf or tuple)."""
    value = None if node.value is None else p.eval_expr(node.value)
    if p.state.get("macro_depth", 0):
        raise MacroReturn(value)
    if value is None:
        raise p.error(node, "missing-return", "a Relax function must return a value")
    if value is POISON or has_poison(value):
        p.state["relax_poisoned"] = True
        return
    builder = IRBuilder.current()
    if isinstance(builder.last_frame(), BranchFrame):
        raise p.error(
            node,
            "return-in-branch",
            "'return' inside an 'if' branch is not supported: bind the result in both branches "
            "and return it after the 'if'",
        )
    B.func_ret_value(value)
    _warn_if_contradicts_declared(p, node, builder.find_frame(FunctionFrame))


def _warn_if_contradicts_declared(p: Parser, node: doc.Return, frame: FunctionFrame) -> None:
    declared = frame.ret_struct_info
    output = frame.output
    if declared is None or output is None or output.struct_info is None:
        return
    if base_check(declared, output.struct_info) != BaseCheck.FAIL_L0:
        return
    p.diagnostics.append(
        Diagnostic.at(
            node.span,
            "return-mismatch",
            f"the function returns {sinfo_text(output.struct_info)}, which contradicts its "
            f"declared result {sinfo_text(declared)} (TVM keeps the declaration unchecked)",
            "warning",
        )
    )


@_rule(doc.FunctionDef)
def visit_function_def(p: Parser, node: doc.FunctionDef) -> None:
    """A closure (``@R.function`` inside a function) or an ``@R.macro``."""
    from tvmscript.script.parser.entry_utils import decorator_info
    from tvmscript.script.parser.relax.function import parse_relax_function

    info = decorator_info(p, node)
    if info is None or info.kind not in ("relax_function", "macro"):
        raise p.error(
            node, "unsupported-syntax", "nested functions must be decorated @R.function or @R.macro"
        )
    if info.kind == "macro":
        closure = {name: p.var_table.get(name) for name in p.var_table.names()}
        hygienic = bool(info.options.get("hygienic", True))
        p.var_table.add(node.name, Macro(node, hygienic, closure))
        return
    frame = parse_relax_function(p, node, info.options)
    if frame.result is None:
        p.var_table.add(node.name, POISON)
        return
    var = IRBuilder.name(node.name, B.emit(frame.result))
    p.var_table.add(node.name, var)
