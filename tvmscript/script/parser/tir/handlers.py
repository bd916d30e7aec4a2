"""TIR statement rules: loops, blocks, branches, stores and bindings inside ``@T.prim_func``."""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any

from tvmscript.core.ir.op import get_op
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.expr import Call, PrimExpr
from tvmscript.core.tir.stmt import Evaluate
from tvmscript.diagnostics import Diagnostic
from tvmscript.script.ir_builder import tir as B
from tvmscript.script.ir_builder.base import Frame, IRBuilder
from tvmscript.script.ir_builder.tir.dtypes import LetAnnotation, LocalVectorAnnotation
from tvmscript.script.ir_builder.tir.frames import ForFrame
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.dispatch import Token, register, register_name
from tvmscript.script.parser.core.macro import Macro, MacroReturn, register_expansion_scope
from tvmscript.script.parser.core.parser import Parser
from tvmscript.script.parser.core.poison import POISON
from tvmscript.script.parser.tir import calls as _calls
from tvmscript.script.parser.tir import operators as _operators
from tvmscript.script.parser.tir.binding import (
    bind_assign,
    bind_target,
    declare_local_scalar,
    scalar_annotation_dtype,
    store,
)
from tvmscript.script.parser.tir.function import declare_shape_names

del _calls, _operators  # imported for their registrations


@register(Token.TIR, doc.For)
def visit_for(p: Parser, node: doc.For) -> None:
    """``for x in T.serial(...)`` / ``range`` / ``T.grid``: a loop nest."""
    if node.orelse:
        raise p.error(node.orelse[0], "unsupported-syntax", "'for ... else' is not supported")
    frame = p.eval_header(node.iter)
    if frame is not POISON and not isinstance(frame, ForFrame):
        p.report(
            p.error(
                node.iter,
                "invalid-argument",
                "expected a loop (range, T.serial, T.parallel, T.grid, ...), "
                f"got '{type(frame).__name__}'",
            )
        )
        frame = POISON
    with p.var_table.with_frame():
        if frame is POISON:
            bind_target(p, node.target, POISON)
            with p.failed_scope():
                p.visit_body(node.body)
            return
        with frame as iters:
            loop_vars = list(iters) if isinstance(iters, list | tuple) else [iters]
            _bind_loop_targets(p, node.target, loop_vars)
            p.visit_body(node.body)


def _bind_loop_targets(p: Parser, target: doc.Expr, loop_vars: list[Any]) -> None:
    if isinstance(target, doc.Tuple | doc.List):
        if len(target.elts) != len(loop_vars):
            raise p.error(
                target,
                "invalid-argument",
                f"the loop defines {len(loop_vars)} variables, but {len(target.elts)} are named",
            )
        for elt, var in zip(target.elts, loop_vars, strict=True):
            _bind_loop_targets(p, elt, [var])
        return
    if not isinstance(target, doc.Name):
        raise p.error(target, "unsupported-syntax", "a loop variable must be a name")
    if len(loop_vars) != 1:
        raise p.error(
            target,
            "invalid-argument",
            f"the loop defines {len(loop_vars)} variables, but 1 is named",
        )
    var = IRBuilder.name(target.id, loop_vars[0])
    p.var_table.add(target.id, var)
    p.state.setdefault("loop_vars", set()).add(id(var))


@register(Token.TIR, doc.While)
def visit_while(p: Parser, node: doc.While) -> None:
    """``while cond:``."""
    if node.orelse:
        raise p.error(node.orelse[0], "unsupported-syntax", "'while ... else' is not supported")
    cond = p.eval_header(node.test)
    with p.var_table.with_frame():
        if cond is POISON:
            with p.failed_scope():
                p.visit_body(node.body)
            return
        with B.While(cond):
            p.visit_body(node.body)


@register(Token.TIR, doc.With)
def visit_with(p: Parser, node: doc.With) -> None:
    """``with T.sblock(...)`` and the other scopes."""
    with ExitStack() as stack, p.var_table.with_frame():
        for item in node.items:
            frame = p.eval_header(item.context_expr)
            if frame is POISON:
                value: Any = POISON
            elif isinstance(frame, Frame):
                value = stack.enter_context(frame)
            else:
                p.report(
                    p.error(
                        item.context_expr,
                        "invalid-argument",
                        "expected a TVMScript scope (T.sblock, T.init, T.launch_thread, ...), "
                        f"got '{type(frame).__name__}'",
                    )
                )
                value = POISON
            if item.optional_vars is not None:
                bind_target(p, item.optional_vars, value)
            if value is POISON:
                stack.enter_context(p.failed_scope())
        p.visit_body(node.body)


@register(Token.TIR, doc.If)
def visit_if(p: Parser, node: doc.If) -> None:
    """A TIR branch, or the branch chosen while parsing when the condition is known."""
    cond = p.eval_expr(node.test)
    if isinstance(cond, PrimExpr):  # even a constant one (`if T.bool(False):`), as TVM
        with B.If(cond):
            with B.Then(), p.var_table.with_frame():
                p.visit_body(node.body)
            if node.orelse:
                with B.Else(), p.var_table.with_frame():
                    p.visit_body(node.orelse)
        return
    if cond is POISON:  # still check both branches
        for branch in (node.body, node.orelse):
            with p.var_table.with_frame():
                p.visit_body(branch)
        return
    branch = node.body if _truth(cond) else node.orelse
    with p.var_table.with_frame():
        p.visit_body(branch)


def _truth(cond: Any) -> bool:
    if isinstance(cond, PrimExpr) and hasattr(cond, "value"):
        return bool(cond.value)
    return bool(cond)


@register(Token.TIR, doc.Assign)
def visit_assign(p: Parser, node: doc.Assign) -> None:
    """``x = ...`` and ``A[i] = ...``."""
    if (shape := _match_buffer_shape(node.value)) is not None:
        declare_shape_names(p, shape, set(), {})
    value = p.eval_expr(node.value)
    for target in node.targets:
        bind_assign(p, target, value, node.value)


def _match_buffer_shape(value: doc.Expr) -> doc.Tuple | doc.List | None:
    """The shape written in ``T.match_buffer(param, shape, ...)``, if ``value`` is one."""
    if not isinstance(value, doc.Call) or not isinstance(value.func, doc.Attribute):
        return None
    if value.func.attr != "match_buffer":
        return None
    shape = value.args[1] if len(value.args) > 1 else None
    for kw in value.keywords:
        if kw.arg == "shape":
            shape = kw.value
    return shape if isinstance(shape, doc.Tuple | doc.List) else None


@register(Token.TIR, doc.AnnAssign)
def visit_ann_assign(p: Parser, node: doc.AnnAssign) -> None:
    """``x: T.int32 = ...`` (a local scalar), ``x: T.let[T.int32] = ...`` (a `Bind`)."""
    annotation = p.eval_expr(node.annotation)
    value = None if node.value is None else p.eval_expr(node.value)
    if annotation is POISON or value is POISON:
        bind_target(p, node.target, POISON)
        return
    if isinstance(node.target, doc.Subscript):
        if value is not None:
            store(p, node.target, value)
        return
    if not isinstance(node.target, doc.Name):
        raise p.error(node.target, "unsupported-syntax", "expected a name to bind")
    name = node.target.id
    if isinstance(annotation, LetAnnotation):
        if value is None:
            raise p.error(node, "invalid-argument", "a T.let binding needs a value")
        rhs = arith_as_expr(p, node, value)
        var = p.evaluator.apply(node.annotation, annotation.as_var, rhs.dtype)
        B.Bind(p.evaluator.apply(node, _cast, var.dtype, rhs), IRBuilder.name(name, var))
        p.var_table.add(name, var)
        return
    if isinstance(annotation, LocalVectorAnnotation):  # `regs: T.f32[4]`: a local buffer
        buffer = p.evaluator.apply(
            node.annotation, B.alloc_local, annotation.shape, annotation.dtype
        )
        p.var_table.add(name, IRBuilder.name(name, buffer))
        if value is not None:
            raise p.error(node, "invalid-argument", "a local buffer annotation takes no value")
        return
    if (dtype := scalar_annotation_dtype(annotation)) is None:
        raise p.error(
            node.annotation,
            "invalid-argument",
            "expected a dtype annotation such as T.int32 or T.let[T.int32]",
        )
    scalar = declare_local_scalar(name, dtype)
    p.var_table.add(name, scalar)
    if value is not None:
        scalar.store(p.evaluator.apply(node, _cast, dtype, value))


def arith_as_expr(p: Parser, node: doc.Node, value: Any) -> PrimExpr:
    """``value`` as an expression (a Python scalar becomes a constant)."""
    from tvmscript.core.tir import arith

    result: PrimExpr = p.evaluator.apply(node, arith.as_expr, value)
    return result


def _cast(dtype: str, value: Any) -> Any:
    from tvmscript.core.tir import arith

    return arith.cast(dtype, value)


@register(Token.TIR, doc.AugAssign)
def visit_aug_assign(p: Parser, node: doc.AugAssign) -> None:
    """``A[i] += v`` and ``x += v``."""
    from tvmscript.script.parser.core.evaluator import BINOPS

    rhs = p.eval_expr(node.value)
    current = p.eval_expr(node.target)
    if rhs is POISON or current is POISON:
        return
    value = p.evaluator.apply(node, BINOPS[node.op], current, rhs)
    bind_assign(p, node.target, value, node.value)


@register(Token.TIR, doc.ExprStmt)
def visit_expr_stmt(p: Parser, node: doc.ExprStmt) -> None:
    """A call for its effect (``T.func_attr``, an intrinsic, a macro)."""
    if _is_print(p, node.value):
        p.diagnostics.append(
            Diagnostic.at(
                node.span,
                "print-ignored",
                "print() runs while TVM parses the function (it prints nothing at run time); "
                "tvmscript does not run it",
                "warning",
            )
        )
        return
    value = p.eval_expr(node.value)
    if value is None or value is POISON:
        return
    if isinstance(value, Frame):  # a bare `T.attr(...)`: the scope lasts to the body's end
        p.enter_for_rest_of_body(value, None)
        return
    if isinstance(value, PrimExpr):
        B.evaluate(value)
    # Other Python values (a docstring, a macro's return) have no effect.


def _is_print(p: Parser, value: doc.Expr) -> bool:
    func = value.func if isinstance(value, doc.Call) else None
    return isinstance(func, doc.Name) and func.id == "print" and not p.var_table.exist("print")


@register(Token.TIR, doc.Assert)
def visit_assert(p: Parser, node: doc.Assert) -> None:
    """``assert cond, message``."""
    cond = p.eval_expr(node.test)
    message: Any = "" if node.msg is None else p.eval_expr(node.msg)
    if cond is POISON or message is POISON:
        return
    p.evaluator.apply(node, B.Assert, cond, message)


@register(Token.TIR, doc.Return)
def visit_return(p: Parser, node: doc.Return) -> None:
    """``return`` ends a macro expansion; in a prim_func ``return value`` is ``T.Return``."""
    value = None if node.value is None else p.eval_expr(node.value)
    if p.state.get("macro_depth", 0):
        raise MacroReturn(value)
    if node.value is None:
        raise p.error(
            node,
            "bare-return",
            "a prim_func cannot end early with a bare 'return' (TVM 0.27 rejects it); "
            "put the rest in an 'else' branch, or use T.thread_return() in a GPU kernel",
        )
    if value is POISON:
        return
    if isinstance(value, tuple | list):
        raise p.error(node.value, "invalid-argument", "a prim_func returns one value, not a tuple")
    expr = value if isinstance(value, Buffer) else _return_value(p, node, value)
    _check_return_type(p, node, expr)
    B.add_stmt(Evaluate(Call(_dtype_of(expr), get_op("tir.ret"), (expr,)), span=node.span))


def _return_value(p: Parser, node: doc.Return, value: Any) -> Any:
    from tvmscript.core.tir.expr import StringImm

    if isinstance(value, str):
        return StringImm(value)
    return arith_as_expr(p, node, value)


def _dtype_of(value: Any) -> str:
    return "handle" if isinstance(value, Buffer) else str(value.dtype)


def _check_return_type(p: Parser, node: doc.Return, value: Any) -> None:
    """A value that does not fit the declared return type: a warning (TVM accepts it)."""
    declared = p.state.get("ret_dtype")
    have = _dtype_of(value) if not isinstance(value, Buffer) else "a buffer"
    if declared is None or have == declared:
        return
    what = f"'{have}'" if have != "a buffer" else f"buffer '{value.name}'"
    p.diagnostics.append(
        Diagnostic.at(
            (node.value or node).span,
            "return-type-mismatch",
            f"returning {what} from a prim_func declared '-> T.{declared}' "
            "(TVM 0.27 accepts it; the build fails or converts)",
            "warning",
        )
    )


@register(Token.TIR, doc.Pass)
def visit_pass(p: Parser, node: doc.Pass) -> None:
    """``pass``."""
    del p, node


@register(Token.TIR, doc.Break)
def visit_break(p: Parser, node: doc.Break) -> None:
    """``break``: ``T.break_loop()`` in TVM 0.27 (``T.Break()`` is the older statement)."""
    del p, node
    B.break_loop()


@register(Token.TIR, doc.Continue)
def visit_continue(p: Parser, node: doc.Continue) -> None:
    """``continue``: ``T.continue_loop()``."""
    del p, node
    B.continue_loop()


@register(Token.TIR, doc.FunctionDef)
def visit_function_def(p: Parser, node: doc.FunctionDef) -> None:
    """Only ``@T.macro`` definitions may be nested in a prim_func."""
    from tvmscript.script.parser.entry_utils import macro_decorator

    if (hygienic := macro_decorator(p, node)) is None:
        raise p.error(node, "unsupported-syntax", "nested functions must be decorated @T.macro")
    closure = {name: p.var_table.get(name) for name in p.var_table.names()}
    p.var_table.add(node.name, Macro(node, hygienic, closure))


def tir_range(start: Any, stop: Any = None, step: Any = None, **options: Any) -> Any:
    """``range`` in TIR: a serial loop (``annotations=``, ``unroll=``, ``dtype=`` as serial's)."""
    return B.serial(start, stop, step=step, **options)


register_name(Token.TIR, "range", tir_range)
register_expansion_scope(B.block_name_suffix_context)
