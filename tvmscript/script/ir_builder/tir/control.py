"""Control flow and single statements.

``T.If``/``Then``/``Else``, ``T.While``, ``T.Assert``, ``T.Bind``, ``T.evaluate``, ``T.attr``,
thread launches, ``T.Break``/``T.Continue``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tvmscript.core.ir.dtype import DataType
from tvmscript.core.tir import arith
from tvmscript.core.tir.buffer import BufferRegion
from tvmscript.core.tir.expr import (
    IntImm,
    IterType,
    IterVar,
    PrimExpr,
    PrimType,
    Range,
    StringImm,
    Type,
    Var,
)
from tvmscript.core.tir.stmt import AssertStmt, Evaluate
from tvmscript.core.tir.stmt import Bind as BindStmt
from tvmscript.core.tir.stmt import Break as BreakStmt
from tvmscript.core.tir.stmt import Continue as ContinueStmt
from tvmscript.script.ir_builder.tir.frames import (
    AssertFrame,
    AttrFrame,
    ElseFrame,
    IfFrame,
    LaunchThreadFrame,
    ThenFrame,
    WhileFrame,
    add_stmt,
    current_span,
    prim_func_frame,
)


def _cond(condition: PrimExpr | bool, what: str) -> PrimExpr:
    if isinstance(condition, bool):
        return IntImm("bool", int(condition))
    if not isinstance(condition, PrimExpr):
        raise TypeError(f"expected a condition expression for {what}, got {condition!r}")
    return condition


def If(condition: PrimExpr | bool) -> IfFrame:
    """Start ``if condition:`` (its branches are `Then` and `Else`)."""
    return IfFrame(_cond(condition, "T.If"))


def Then() -> ThenFrame:
    """Start the true branch of the enclosing `If`."""
    return ThenFrame()


def Else() -> ElseFrame:
    """Start the false branch of the enclosing `If`."""
    return ElseFrame()


def While(condition: PrimExpr | bool) -> WhileFrame:
    """Start ``while condition:``."""
    return WhileFrame(_cond(condition, "T.While"))


def Assert(
    condition: PrimExpr | bool, message: str | Sequence[str], error_kind: str = "RuntimeError"
) -> AssertFrame:
    """Add ``assert condition, message`` (flat); the returned frame just passes its body on.

    ``message`` is a string, a sequence of strings, or TVM's printed form
    ``(error_kind, [parts])``.
    """
    if isinstance(message, tuple) and len(message) == 2 and isinstance(message[1], list | tuple):
        error_kind, message = message[0], message[1]
        if not isinstance(error_kind, str):
            raise TypeError(f"expected an error kind string, got {error_kind!r}")
    parts = (message,) if isinstance(message, str) else tuple(message)
    if not all(isinstance(p, str) for p in parts):
        raise TypeError(f"expected an assertion message string, got {message!r}")
    add_stmt(AssertStmt(_cond(condition, "T.Assert"), error_kind, parts, span=current_span()))
    return AssertFrame()


def Bind(
    value: PrimExpr | int | float | bool,
    type_annotation: Type | Var | None = None,
    *,
    var: Var | None = None,
) -> Var:
    """Bind a new variable (or ``var``) to ``value`` for the rest of the scope; return it."""
    if var is None:
        if isinstance(type_annotation, Var):
            var = type_annotation
        elif isinstance(type_annotation, PrimType):
            var = Var("", type_annotation.dtype, span=current_span())
        elif type_annotation is not None:
            var = Var("", "handle", type_annotation, span=current_span())
    if var is not None and not isinstance(value, PrimExpr):
        expr = arith.make_const(var.dtype, value)
    else:
        expr = arith.as_expr(value)
    if var is None:
        var = Var("", expr.dtype, span=current_span())
    add_stmt(BindStmt(var, expr, span=current_span()))
    return var


bind = Bind


def evaluate(value: PrimExpr | int | bool | str) -> None:
    """Evaluate ``value`` for its side effects (a bare call in TVMScript)."""
    if isinstance(value, str):
        value = StringImm(value)
    if isinstance(value, BufferRegion):
        raise TypeError("T.evaluate takes an expression, not a buffer region")
    if isinstance(value, bool):
        value = IntImm("bool", int(value))
    add_stmt(Evaluate(arith.as_expr(value), span=current_span()))


def _attr_value(value: object) -> PrimExpr:
    if isinstance(value, str):
        return StringImm(value)
    return arith.as_expr(value)


def attr(
    node_or_dict: Any, attr_key: str | None = None, value: PrimExpr | int | str | None = None
) -> AttrFrame:
    """Start ``with T.attr(node, attr_key, value):`` (an `AttrStmt`).

    ``T.attr({attr_key: value})`` is the printed form of an attribute on no node.
    """
    node = node_or_dict
    if attr_key is None and value is None and isinstance(node, Mapping) and len(node) == 1:
        [(attr_key, value)] = node.items()
        node = 0
    if not isinstance(attr_key, str) or value is None:
        raise TypeError(f"expected an attribute key string, got {attr_key!r}")
    if isinstance(node, str):
        node = StringImm(node)
    elif isinstance(node, int | float):
        node = arith.as_expr(node)
    return AttrFrame(node, attr_key, _attr_value(value))


HINT_KEY = "tirx_hint"


def hint(message: str = "", **attrs: Any) -> AttrFrame:
    """A hint to the compiler for the statements that follow (or a ``with`` body)."""
    if not isinstance(message, str):
        raise TypeError(f"T.hint takes a message string, got {message!r}")
    return AttrFrame({"message": message, **attrs}, HINT_KEY, IntImm("int32", 1))


def env_thread(thread_tag: str, dtype: str = "int32") -> Var:
    """A variable standing for GPU thread axis ``thread_tag`` (launched by `launch_thread`)."""
    var = Var(thread_tag, dtype, span=current_span())
    prim_func_frame("T.env_thread").env_threads[var] = thread_tag
    return var


def launch_thread(thread: str | Var | IterVar, extent: PrimExpr | int) -> LaunchThreadFrame:
    """Start ``with T.launch_thread("threadIdx.x", n) as tx:`` (a ``thread_extent`` attr)."""
    ext = arith.as_expr(extent)
    if not DataType.of(ext.dtype).is_integer:
        raise TypeError(f"a thread extent must be an integer, got a '{ext.dtype}' value")
    dom = Range(IntImm(ext.dtype, 0), ext)
    if isinstance(thread, str):
        iv = IterVar(
            dom, Var(thread, ext.dtype, span=current_span()), IterType.THREAD_INDEX, thread
        )
    elif isinstance(thread, IterVar):
        iv = IterVar(thread.dom or dom, thread.var, IterType.THREAD_INDEX, thread.thread_tag)
    elif isinstance(thread, Var):
        func = prim_func_frame("T.launch_thread")
        tag = func.env_threads.get(thread)
        if tag is None:
            raise ValueError(f"'{thread.name}' is not a T.env_thread variable")
        func.launched.add(id(thread))
        iv = IterVar(dom, thread, IterType.THREAD_INDEX, tag)
    else:
        raise TypeError(f"expected a thread tag such as 'threadIdx.x', got {thread!r}")
    return LaunchThreadFrame(iv, ext)


def Break() -> None:
    """``break`` out of the innermost loop."""
    add_stmt(BreakStmt(span=current_span()))


def Continue() -> None:
    """``continue`` with the next iteration of the innermost loop."""
    add_stmt(ContinueStmt(span=current_span()))


def iter_var(v: Var | str, dom: Range, iter_type: str, thread_tag: str) -> IterVar:
    """An `IterVar` (as printed for thread bindings: ``T.iter_var(v, dom, "ThreadIndex", tag)``)."""
    names: Mapping[str, IterType] = {
        "DataPar": IterType.DATA_PAR,
        "ThreadIndex": IterType.THREAD_INDEX,
        "CommReduce": IterType.COMM_REDUCE,
        "Ordered": IterType.ORDERED,
        "DimInfo": IterType.OPAQUE,
        "Opaque": IterType.OPAQUE,
        "Unrolled": IterType.UNROLLED,
        "Vectorized": IterType.VECTORIZED,
        "Parallelized": IterType.PARALLELIZED,
        "Tensorized": IterType.TENSORIZED,
    }
    if (kind := names.get(iter_type)) is None:
        raise ValueError(f"unknown iteration type {iter_type!r}")
    var = Var(v, "int32") if isinstance(v, str) else v
    return IterVar(dom, var, kind, thread_tag)
