"""Tensor creation: full, zeros, ones (and their ``_like``), arange, eye, tril, triu, windows."""

from __future__ import annotations

import math

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import (
    INDEX,
    ExprLike,
    ShapeLike,
    arg_info,
    fail,
    like,
    opt_dtype,
    prim_arg,
    shape_values,
    tensor,
    tensor_info,
    to_expr,
    to_shape,
    to_tensor,
)
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import PrimStructInfo, StructInfo
from tvmscript.core.tir import expr as E


def _shaped(call: Call, dtype: str) -> StructInfo:
    dims, ndim = shape_values(call, 0)
    if dims is None:
        return tensor(call.args[0], dtype, ndim)
    return tensor(dims, dtype, len(dims))


def _fill_value_dtype(call: Call, index: int) -> str:
    value = tensor_info(call, index, "fill value")
    if value.ndim not in (-1, 0):
        raise fail(
            f"{'R.full'} expects a scalar fill value, got {sinfo_text(value)}", "rank-mismatch"
        )
    return value.dtype


@register_op("full")
def _infer_full(call: Call) -> StructInfo:
    fill_dtype = _fill_value_dtype(call, 1)
    return _shaped(call, call.attrs["dtype"] or fill_dtype)


def full(shape: ShapeLike, fill_value: ExprLike, dtype: str | None = None) -> Call:
    """A tensor of ``shape`` filled with the scalar ``fill_value``."""
    args = [to_shape(shape), to_tensor(fill_value)]
    return make_call("full", args, {"dtype": opt_dtype(dtype)})


@register_op("full_like")
def _infer_full_like(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    _fill_value_dtype(call, 1)
    return like(info, call.attrs["dtype"])


def full_like(x: Expr, fill_value: ExprLike, dtype: str | None = None) -> Call:
    """A tensor shaped like ``x`` filled with the scalar ``fill_value``."""
    return make_call("full_like", [x, to_tensor(fill_value)], {"dtype": opt_dtype(dtype)})


def _infer_filled(call: Call) -> StructInfo:
    return _shaped(call, call.attrs["dtype"])


def _infer_filled_like(call: Call) -> StructInfo:
    return like(tensor_info(call, 0, "input"), call.attrs["dtype"])


for _name in ("zeros", "ones"):
    register_op(_name)(_infer_filled)
    register_op(_name + "_like")(_infer_filled_like)


def zeros(shape: ShapeLike, dtype: str) -> Call:
    """A tensor of zeros."""
    return make_call("zeros", [to_shape(shape)], {"dtype": str(dtype)})


def ones(shape: ShapeLike, dtype: str) -> Call:
    """A tensor of ones."""
    return make_call("ones", [to_shape(shape)], {"dtype": str(dtype)})


def zeros_like(x: Expr, dtype: str | None = None) -> Call:
    """A tensor of zeros shaped like ``x``."""
    return make_call("zeros_like", [x], {"dtype": opt_dtype(dtype)})


def ones_like(x: Expr, dtype: str | None = None) -> Call:
    """A tensor of ones shaped like ``x``."""
    return make_call("ones_like", [x], {"dtype": opt_dtype(dtype)})


def _arange_length(start: E.PrimExpr, end: E.PrimExpr, step: E.PrimExpr) -> E.PrimExpr:
    values = (start, end, step)
    if all(isinstance(v, E.IntImm | E.FloatImm) for v in values):
        a, b, s = (float(v.value) for v in values if isinstance(v, E.IntImm | E.FloatImm))
        if s == 0:
            raise fail("R.arange expects a non-zero step")
        return E.IntImm(INDEX, max(math.ceil((b - a) / s), 0))
    if isinstance(step, E.IntImm):
        extent = E.Sub(end, start)
        return E.FloorDiv(E.Add(extent, E.IntImm(INDEX, step.value - 1)), step)
    return E.FloorDiv(E.Sub(end, start), step)


@register_op("arange")
def _infer_arange(call: Call) -> StructInfo:
    bounds = [prim_arg(call, i) for i in range(3)]
    dtype = call.attrs["dtype"] or "int64"
    if any(b is None for b in bounds):
        return tensor(None, dtype, 1)
    start, end, step = (b for b in bounds if b is not None)
    return tensor([_arange_length(start, end, step)], dtype, 1)


def arange(
    start: ExprLike, end: ExprLike | None = None, step: ExprLike = 1, dtype: str | None = None
) -> Call:
    """The values ``start, start + step, ...`` below ``end`` (``0 .. start`` with one bound)."""
    if end is None:
        start, end = 0, start
    if dtype is None:
        dtype = "float32" if any(isinstance(v, float) for v in (start, end, step)) else "int64"
    args = [to_expr(start), to_expr(end), to_expr(step)]
    return make_call("arange", args, {"dtype": str(dtype)})


@register_op("eye")
def _infer_eye(call: Call) -> StructInfo:
    n, m = prim_arg(call, 0), prim_arg(call, 1)
    if n is None or m is None:
        return tensor(None, call.attrs["dtype"] or "float32", 2)
    return tensor([n, m], call.attrs["dtype"] or "float32", 2)


def eye(n: ExprLike, m: ExprLike | None = None, k: ExprLike = 0, dtype: str = "float32") -> Call:
    """An ``n x m`` matrix with ones on diagonal ``k``."""
    args = [to_expr(n), to_expr(n if m is None else m), to_expr(k)]
    return make_call("eye", args, {"dtype": str(dtype)})


@register_op("eye_like")
def _infer_eye_like(call: Call) -> StructInfo:
    return like(tensor_info(call, 0, "input"), call.attrs["dtype"])


def eye_like(x: Expr, k: ExprLike = 0, dtype: str | None = None) -> Call:
    """A matrix shaped like ``x`` with ones on diagonal ``k``."""
    return make_call("eye_like", [x, to_expr(k)], {"dtype": opt_dtype(dtype)})


def _infer_triangle(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    if not info.is_unknown_ndim and info.ndim < 2:
        raise fail(f"{'R.tril/R.triu'} expect at least two dimensions, got {sinfo_text(info)}")
    if not isinstance(arg_info(call, 1), PrimStructInfo):
        raise fail("R.tril/R.triu expect an integer diagonal offset")
    return like(info)


register_op("tril")(_infer_triangle)
register_op("triu")(_infer_triangle)


def tril(x: Expr, k: ExprLike = 0) -> Call:
    """``x`` with the elements above diagonal ``k`` zeroed."""
    return make_call("tril", [x, to_expr(k)])


def triu(x: Expr, k: ExprLike = 0) -> Call:
    """``x`` with the elements below diagonal ``k`` zeroed."""
    return make_call("triu", [x, to_expr(k)])


@register_op("hamming_window")
def _infer_hamming_window(call: Call) -> StructInfo:
    size = prim_arg(call, 0)
    dtype = call.attrs["dtype"] or "float32"
    return tensor(None if size is None else [size], dtype, 1)


def hamming_window(
    window_size: ExprLike, periodic: ExprLike, alpha: ExprLike, beta: ExprLike, dtype: str
) -> Call:
    """A Hamming window of ``window_size`` points."""
    args = [to_expr(v) for v in (window_size, periodic, alpha, beta)]
    return make_call("hamming_window", args, {"dtype": str(dtype)})


__all__ = [
    "arange",
    "eye",
    "eye_like",
    "full",
    "full_like",
    "hamming_window",
    "ones",
    "ones_like",
    "tril",
    "triu",
    "zeros",
    "zeros_like",
]
