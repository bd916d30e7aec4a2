"""Binding values to names and stores to buffers, with TVM 0.27's meaning of each form.

- ``v = T.axis.spatial(...)``, ``n = T.int32()``: the name is the variable.
- ``B = T.alloc_buffer(...)``: the name is the buffer.
- ``x = expr`` / ``x: T.int32 = expr``: a local scalar (a 0-d buffer), reassignable.
- ``x: T.let[T.int32] = expr``: an immutable binding (`Bind`).
- ``A[i, j] = expr``: a store, the value cast to the buffer's dtype as TVM does.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tvmscript.core.ir.dtype import DataType
from tvmscript.core.tir import arith
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.expr import BufferLoad, IntImm, PrimExpr, Var
from tvmscript.core.tir.stmt import AllocBuffer
from tvmscript.diagnostics import Diagnostic
from tvmscript.script.ir_builder import tir as B
from tvmscript.script.ir_builder.base import Frame, IRBuilder
from tvmscript.script.ir_builder.tir.scalars import scalar_wrapper
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.evaluator import Boxed, has_poison
from tvmscript.script.parser.core.parser import Parser
from tvmscript.script.parser.core.poison import POISON
from tvmscript.script.parser.tir.operators import check_rank, is_empty_index


class LocalScalar(Boxed):
    """A name bound to a one-element local buffer: reads load it, assignments store to it."""

    __slots__ = ("buffer",)

    def __init__(self, buffer: Buffer) -> None:
        self.buffer = buffer

    def get(self) -> Any:
        return BufferLoad(self.buffer, (IntImm("int32", 0),))

    def store(self, value: PrimExpr) -> None:
        """``name = value``."""
        B.buffer_store(self.buffer, value, [IntImm("int32", 0)])


def declare_local_scalar(name: str, dtype: str) -> LocalScalar:
    """A mutable local scalar (TVM 0.27: a ``(1,)`` buffer in ``local`` scope)."""
    buffer = replace(B.make_buffer((1,), dtype, scope="local"), layout="scalar")
    B.add_stmt(AllocBuffer(buffer, {}, span=buffer.span))
    return LocalScalar(IRBuilder.name(name, buffer))


def bind_target(p: Parser, target: doc.Expr, value: Any) -> None:
    """Bind ``value`` to a name or unpack it over a tuple of names (no IR emitted)."""
    if isinstance(target, doc.Name):
        if isinstance(value, Var | Buffer):
            IRBuilder.name(target.id, value)
        p.var_table.add(target.id, value)
        return
    if isinstance(target, doc.Tuple | doc.List):
        values = _unpack(p, target, value)
        for elt, v in zip(target.elts, values, strict=True):
            bind_target(p, elt, v)
        return
    raise p.error(target, "unsupported-syntax", "expected a name or a tuple of names")


def _unpack(p: Parser, target: doc.Tuple | doc.List, value: Any) -> list[Any]:
    if value is POISON:
        return [POISON] * len(target.elts)
    try:
        values = list(value)
    except TypeError:
        raise p.error(
            target, "invalid-argument", f"cannot unpack a '{type(value).__name__}' value"
        ) from None
    if len(values) != len(target.elts):
        raise p.error(
            target,
            "invalid-argument",
            f"expected {len(target.elts)} values to unpack, got {len(values)}",
        )
    return values


def bind_assign(p: Parser, target: doc.Expr, value: Any, value_node: doc.Expr) -> None:
    """``target = value`` in TIR."""
    if value is POISON:
        if not isinstance(target, doc.Subscript):
            bind_target(p, target, POISON)
        return
    if isinstance(target, doc.Subscript):
        store(p, target, value)
        return
    if isinstance(target, doc.Tuple | doc.List):
        nodes: list[doc.Expr] = [value_node] * len(target.elts)
        if isinstance(value_node, doc.Tuple | doc.List) and len(value_node.elts) == len(nodes):
            nodes = list(value_node.elts)  # `n, m = T.int32(), T.int32()`: one call per name
        for elt, v, node in zip(target.elts, _unpack(p, target, value), nodes, strict=True):
            bind_assign(p, elt, v, node)
        return
    if not isinstance(target, doc.Name):
        raise p.error(target, "unsupported-syntax", "expected a name, a tuple or a buffer element")
    _bind_name(p, target, value, value_node)


def _assign_existing(p: Parser, target: doc.Name, current: Any, value: Any) -> bool:
    """``name = value`` where ``name`` already means something; whether it was handled."""
    name = target.id
    if isinstance(current, Var) and id(current) in p.state.get("loop_vars", ()):
        raise p.error(target, "store-to-loop-var", f"cannot assign to loop variable '{name}'")
    if isinstance(current, Var) and id(current) in p.state.get("params", ()):
        raise p.error(
            target,
            "store-to-param",
            f"cannot assign to parameter '{name}' (it is already defined); "
            "use a new name for the value",
        )
    if isinstance(current, LocalScalar):  # reassignment of a local scalar
        current.store(_store_value(p, target, current.buffer, value))
        return True
    if isinstance(current, Buffer) and current.layout == "scalar" and not _is_buffer(value):
        # `out = x` on a one-element TIRx buffer (TVM 0.27 prints its stores so)
        converted = _store_value(p, target, current, value)
        p.evaluator.apply(target, B.buffer_store, current, converted, [IntImm("int32", 0)])
        return True
    return False


def _bind_name(p: Parser, target: doc.Name, value: Any, value_node: doc.Expr) -> None:
    name = target.id
    current = p.var_table.get(name)
    if _assign_existing(p, target, current, value):
        return
    if isinstance(value, scalar_wrapper):  # `flag = T.shared_scalar("int32")`
        IRBuilder.name(name, value.buffer)
        p.var_table.add(name, LocalScalar(value.buffer))
        return
    if isinstance(value, Frame):  # `tx = T.launch_thread(...)`: open until the scope ends
        p.enter_for_rest_of_body(value, target)
        return
    if isinstance(value, Var) and _is_declaration(value_node):
        if isinstance(current, Var) and current.dtype == value.dtype:
            return  # `n = T.int32()` re-declares a dim already named in the signature
        p.var_table.add(name, IRBuilder.name(name, value))
        return
    if isinstance(value, Var | Buffer):
        p.var_table.add(name, IRBuilder.name(name, value))
        return
    if isinstance(value, PrimExpr | int | float):
        expr = arith.as_expr(value)
        scalar = declare_local_scalar(name, expr.dtype)
        scalar.store(expr)
        p.var_table.add(name, scalar)
        return
    if getattr(type(value), "_is_meta_class", False):  # `pool = T.SMEMPool()`
        _name_members(name, value)
        p.var_table.add(name, value)
        return
    if callable(value) or value is None or isinstance(value, dict) or _is_namespace(value):
        # TVM 0.27 turns any other value into a constant, which these are not
        raise p.error(
            target,
            "unsupported-value",
            f"cannot bind a {_describe_value(value)} to '{name}' in a prim_func "
            "(TVM 0.27 rejects it: only TIR values, buffers and Python numbers can be bound)",
        )
    p.var_table.add(name, value)  # a Python value (meta-programming)


def _name_members(name: str, value: Any) -> None:
    """The buffers a meta-class object holds are named after it: ``pool`` -> ``pool_buf``."""
    for attr, member in vars(value).items():
        if isinstance(member, Buffer):
            IRBuilder.name(f"{name}_{attr}", member)


def _is_namespace(value: Any) -> bool:
    return bool(getattr(value, "_is_namespace", False))


def _describe_value(value: Any) -> str:
    if value is None:
        return "None value"
    if getattr(value, "__qualname__", "") == "lambda":
        return "lambda"
    if _is_namespace(value):
        return f"module or namespace ('{getattr(value, 'name', type(value).__name__)}')"
    return f"'{type(value).__name__}' value"


def _is_buffer(value: Any) -> bool:
    return isinstance(value, Buffer | scalar_wrapper)


def _is_declaration(node: doc.Expr) -> bool:
    """``T.int32()`` and friends: a call without arguments declares a fresh variable."""
    return isinstance(node, doc.Call) and not node.args and not node.keywords


def store(p: Parser, target: doc.Subscript, value: Any) -> None:
    """``buffer[indices] = value``."""
    buffer = p.eval_expr(target.value)
    key = p.eval_expr(target.slice)
    if buffer is POISON or has_poison(key) or value is POISON:
        return
    if isinstance(buffer, LocalScalar):
        buffer = buffer.buffer
    if not isinstance(buffer, Buffer):
        raise p.error(
            target.value,
            "invalid-argument",
            f"only buffer elements can be assigned, not '{type(buffer).__name__}' items",
        )
    indices = list(key) if isinstance(key, tuple) else [key]
    check_rank(target, buffer, tuple(indices))
    if is_empty_index(indices):
        indices = []
    converted = _store_value(p, target, buffer, value)
    p.evaluator.apply(target, B.buffer_store, buffer, converted, indices)


def _store_value(p: Parser, node: doc.Node, buffer: Buffer, value: Any) -> Any:
    """Cast ``value`` to the buffer's dtype as TVM does, warning when that may lose data."""
    if isinstance(value, bool | int | float):
        return p.evaluator.apply(node, arith.make_const, buffer.dtype, value)
    if not isinstance(value, PrimExpr):
        raise p.error(
            node,
            "invalid-argument",
            f"expected a TIR expression to store, got '{type(value).__name__}'",
        )
    have, want = DataType.of(value.dtype), DataType.of(buffer.dtype)
    if have.code == want.code and have.bits == want.bits:
        return value
    if _lossy(have, want):
        p.diagnostics.append(
            Diagnostic.at(
                node.span,
                "dtype-mismatch",
                f"storing a '{value.dtype}' value into '{buffer.name}' of dtype "
                f"'{buffer.dtype}' casts it and may lose precision",
                "warning",
            )
        )
    elem = want.with_lanes(have.lanes) if have.lanes > 1 else buffer.dtype
    return arith.cast(elem, value)


def _lossy(have: DataType, want: DataType) -> bool:
    if have.is_float and not want.is_float:
        return True
    if have.is_float and want.is_float:
        return want.bits < have.bits
    if have.is_integer and want.is_integer:
        return want.bits < have.bits or (have.is_int != want.is_int)
    return False


def scalar_annotation_dtype(annotation: Any) -> str | None:
    """The dtype of a ``T.int32``-style annotation (the constructor, or a dtype string)."""
    from tvmscript.core.ir.dtype import is_valid_dtype

    if isinstance(annotation, str):
        return annotation if is_valid_dtype(annotation) else None
    dtype = getattr(annotation, "dtype", None)
    if isinstance(dtype, str) and is_valid_dtype(dtype):
        return dtype
    name = getattr(annotation, "__name__", None)
    if callable(annotation) and isinstance(name, str) and is_valid_dtype(name):
        return name
    return None
