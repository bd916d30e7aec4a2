"""``R.quantize`` and ``R.dequantize`` (per-tensor or per-axis scale and zero point)."""

from __future__ import annotations

from tvmscript.core.relax import expr as rx
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.transform import te, topi
from tvmscript.transform.ops.elementwise import intrin
from tvmscript.transform.registry import OpCall, legalizes


def _param(p: topi.Operand, index: tuple[E.PrimExpr, ...], axis: int) -> E.PrimExpr:
    """A scale or zero point at ``index``: a scalar, or a vector along ``axis``."""
    if not isinstance(p, te.Tensor):
        return p
    if p.ndim == 0:
        return p[()]
    return p[index[axis]] if p.shape[0] != 1 or p.ndim != 1 else p[E.IntImm("int64", 0)]


@legalizes("quantize")
def _legalize_quantize(c: OpCall) -> rx.Expr:
    x, scale, zero = c.tensor(0), c.operand(1), c.operand(2)
    axis = int(c.attrs["axis"]) % max(x.ndim, 1)
    dtype = c.out_tensor_info().dtype
    lo, hi = te.min_value(dtype), te.max_value(dtype)

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        s, z = _param(scale, i, axis), _param(zero, i, axis)
        value = E.Add(intrin("round")(E.Div(x[i], s)), arith.cast(x.dtype, z))
        bounded = E.Max(E.Min(value, arith.cast(x.dtype, hi)), arith.cast(x.dtype, lo))
        return arith.cast(dtype, bounded)

    return c.emit("quantize", te.compute(x.shape, body, "quantized"))


@legalizes("dequantize")
def _legalize_dequantize(c: OpCall) -> rx.Expr:
    x, scale, zero = c.tensor(0), c.operand(1), c.operand(2)
    axis = int(c.attrs["axis"]) % max(x.ndim, 1)
    dtype = c.out_tensor_info().dtype

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        s, z = _param(scale, i, axis), _param(zero, i, axis)
        shifted = E.Sub(arith.cast("int32", x[i]), arith.cast("int32", z))
        return E.Mul(arith.cast(dtype, shifted), arith.cast(dtype, s))

    return c.emit("dequantize", te.compute(x.shape, body, "dequantized"))
