"""Binding values to names in a Relax function, with TVM 0.27's meaning of each form.

- ``x = expr`` / ``x: R.Tensor(...) = expr``: a binding (``R.emit``), the annotation checked
  against the value's struct info.
- ``x = R.match_cast(value, R.Tensor((n, m)))``: a `MatchCast` binding (defines ``n``, ``m``).
- ``a, b = x, y``: one binding per name (a Python tuple is unpacked while parsing; a Relax
  tuple value cannot be unpacked, as in TVM: index it).
- ``n = T.int64()``: a symbolic variable (the signature's, when it names one already).
- ``cls = Module`` and other Python values: names for the rest of the function.
"""

from __future__ import annotations

from typing import Any

from tvmscript.core.relax.expr import Expr
from tvmscript.core.relax.struct_info import PrimStructInfo, StructInfo
from tvmscript.core.tir import expr as E
from tvmscript.script.ir_builder import relax as B
from tvmscript.script.ir_builder.base import Frame, IRBuilder
from tvmscript.script.ir_builder.relax.emit import check_annotation
from tvmscript.script.ir_builder.relax.frames import RelaxError
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.parser import Parser
from tvmscript.script.parser.core.poison import POISON
from tvmscript.script.parser.relax.operators import relax_error


def bind_value(
    p: Parser,
    target: doc.Expr,
    value: Any,
    value_node: doc.Expr,
    annotation: StructInfo | None = None,
) -> None:
    """``target = value`` (``target: annotation = value``) in a Relax function."""
    if value is POISON:
        poison(p, target)
        return
    if isinstance(target, doc.Tuple | doc.List):
        _bind_tuple(p, target, value, value_node, annotation)
        return
    if not isinstance(target, doc.Name):
        raise p.error(target, "unsupported-syntax", "expected a name or a tuple of names")
    try:
        p.var_table.add(target.id, _bound(p, target, value, value_node, annotation))
    except RelaxError as exc:
        raise relax_error(value_node, exc) from None


def poison(p: Parser, target: doc.Expr) -> None:
    """Bind the names of ``target`` to the error marker."""
    if isinstance(target, doc.Name):
        p.var_table.add(target.id, POISON)
    elif isinstance(target, doc.Tuple | doc.List):
        for elt in target.elts:
            poison(p, elt)


def _bind_tuple(
    p: Parser,
    target: doc.Tuple | doc.List,
    value: Any,
    value_node: doc.Expr,
    annotation: StructInfo | None,
) -> None:
    if annotation is not None:
        raise p.error(target, "unsupported-syntax", "an annotated binding binds one name")
    if isinstance(value, Expr):
        poison(p, target)
        raise p.error(
            value_node,
            "unpack-relax-value",
            f"a Relax value cannot be unpacked into {len(target.elts)} names; bind it to one "
            "name and index it (t[0], t[1], ...)",
        )
    if not isinstance(value, tuple | list):
        poison(p, target)
        raise p.error(value_node, "invalid-argument", f"cannot unpack a '{type(value).__name__}'")
    if len(value) != len(target.elts):
        poison(p, target)
        raise p.error(
            target,
            "invalid-argument",
            f"expected {len(target.elts)} values to unpack, got {len(value)}",
        )
    nodes: list[doc.Expr] = [value_node] * len(value)
    if isinstance(value_node, doc.Tuple | doc.List) and len(value_node.elts) == len(value):
        nodes = list(value_node.elts)
    for elt, item, node in zip(target.elts, value, nodes, strict=True):
        bind_value(p, elt, item, node)


def _bound(
    p: Parser, target: doc.Name, value: Any, value_node: doc.Expr, annotation: StructInfo | None
) -> Any:
    """What ``target`` names after the binding (emitting it when it is a Relax value)."""
    name = target.id
    if isinstance(value, B.MatchCastPair):
        if annotation is not None:
            check_annotation(annotation, value.struct_info, value_node.span)
        return IRBuilder.name(name, B.emit_match_cast(value.value, value.struct_info))
    if isinstance(value, E.Var):
        return _symbolic_var(p, target, value, value_node)
    if isinstance(value, tuple | list) and _has_relax_value(value):
        value = _as_tuple(value)
    if isinstance(annotation, PrimStructInfo) and isinstance(value, int | float):
        value = _prim_value(annotation.dtype, value)  # `k: T.int64 = 3`, as TVM prints it
    elif isinstance(value, E.PrimExpr):  # `eps = T.float32(1e-6)`: a Relax PrimValue
        value = _prim_value(value.dtype, value)
    if isinstance(value, Expr):
        return IRBuilder.name(name, B.emit(value, annotation))
    if isinstance(value, Frame):
        raise p.error(
            value_node, "invalid-argument", "a scope (R.dataflow(), ...) is used with 'with'"
        )
    if annotation is not None:
        raise p.error(
            value_node,
            "invalid-argument",
            f"an annotated binding needs a Relax value, got '{type(value).__name__}'",
        )
    return value  # a Python value (`cls = Module`, meta-programming)


def _symbolic_var(p: Parser, target: doc.Name, value: E.Var, value_node: doc.Expr) -> E.Var:
    current = p.var_table.get(target.id)
    if _is_declaration(value_node) and isinstance(current, E.Var):
        if current.dtype != value.dtype:
            raise p.error(
                value_node,
                "dtype-mismatch",
                f"'{target.id}' is a symbolic variable of dtype '{current.dtype}' already; "
                f"it cannot be declared again as '{value.dtype}'",
            )
        return current  # `n = T.int64()` names the signature's `n`
    if _is_declaration(value_node):
        IRBuilder.name(target.id, value)
    return value


def _is_declaration(node: doc.Expr) -> bool:
    return isinstance(node, doc.Call) and not node.args and not node.keywords


def _prim_value(dtype: str, value: int | float | E.PrimExpr) -> Expr:
    from tvmscript.core.relax.op._common import prim_value
    from tvmscript.core.tir import arith

    if isinstance(value, E.PrimExpr):
        return prim_value(value)
    return prim_value(arith.make_const(dtype, value))


def _has_relax_value(values: tuple[Any, ...] | list[Any]) -> bool:
    return any(isinstance(v, Expr) or (isinstance(v, tuple | list) and _has_relax_value(v))
               for v in values)  # fmt: skip


def _as_tuple(values: tuple[Any, ...] | list[Any]) -> Expr:
    from tvmscript.core.relax.op._common import to_expr

    return to_expr(list(values))
