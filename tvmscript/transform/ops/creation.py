"""Creation operators: ``zeros``, ``ones``, ``full`` (and their ``_like``), ``arange``, ``eye``.

``arange`` with constant bounds becomes a constant tensor, as TVM's legalization folds it.
"""

from __future__ import annotations

import numpy as np

from tvmscript.core.relax import expr as rx
from tvmscript.core.relax.struct_info import TensorStructInfo
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.transform import te
from tvmscript.transform.registry import OpCall, legalizes


def full(shape: tuple[E.PrimExpr, ...], value: E.PrimExpr, name: str = "T_full") -> te.Tensor:
    """A tensor of ``shape`` filled with ``value``."""
    return te.compute(shape, lambda *i: value, name, names="ax")


def _fill_value(c: OpCall, index: int, dtype: str) -> E.PrimExpr:
    arg = c.arg(index)
    if isinstance(arg, rx.Constant):
        return arith.make_const(dtype, arg.data.item())
    return arith.cast(dtype, c.prim(index))


@legalizes("zeros", "ones", "zeros_like", "ones_like")
def _legalize_filled(c: OpCall) -> rx.Expr:
    info = c.out_tensor_info()
    base = c.name.removesuffix("_like")
    value = arith.make_const(info.dtype, 0 if base == "zeros" else 1)
    return c.emit(base, full(c.out_shape(), value))


@legalizes("full", "full_like")
def _legalize_full(c: OpCall) -> rx.Expr:
    info = c.out_tensor_info()
    return c.emit("full", full(c.out_shape(), _fill_value(c, 1, info.dtype)))


def _number(e: E.PrimExpr) -> int | float | None:
    if isinstance(e, E.IntImm | E.FloatImm):
        return e.value
    return None


@legalizes("arange")
def _legalize_arange(c: OpCall) -> rx.Expr:
    info = c.out_tensor_info()
    bounds = [c.prim(k) for k in range(3)]
    numbers = [_number(b) for b in bounds]
    if all(n is not None for n in numbers):
        start, end, step = (n for n in numbers if n is not None)
        data = np.arange(start, end, step, dtype=info.dtype)
        return rx.Constant(
            data, struct_info=TensorStructInfo(rx.ShapeExpr(c.out_shape()), info.dtype)
        )
    first, _, stride = (arith.cast(info.dtype, b) for b in bounds)
    out = te.compute(
        c.out_shape(),
        lambda i: arith.add(first, arith.mul(arith.cast(info.dtype, i), stride)),
        "T_arange",
        names="ax",
    )
    return c.emit("arange", out)


@legalizes("eye", "eye_like")
def _legalize_eye(c: OpCall) -> rx.Expr:
    info = c.out_tensor_info()
    k_expr = c.prim(len(c.call.args) - 1)
    k = k_expr.value if isinstance(k_expr, E.IntImm) else 0
    one, zero = arith.make_const(info.dtype, 1), arith.make_const(info.dtype, 0)

    def body(i: E.PrimExpr, j: E.PrimExpr) -> E.PrimExpr:
        shifted = (
            j
            if k == 0
            else (E.Sub(j, E.IntImm("int64", k)) if k > 0 else E.Add(j, E.IntImm("int64", -k)))
        )
        cond = E.EQ(i, shifted)
        from tvmscript.core.tir.op import call_intrin

        return call_intrin(info.dtype, "tir.if_then_else", cond, one, zero)

    out = te.compute(c.out_shape(), body, "eye", names=["i", "j"])
    return c.emit(c.name, out)
