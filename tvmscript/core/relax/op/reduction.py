"""Reductions and scans: ``R.sum``/``R.mean``/``R.max``/... over axes, ``R.argmax``, ``R.cumsum``.

A reduction drops the reduced axes (keeps them as 1 with ``keepdims``); no ``axis`` reduces
over every axis. With an unknown rank only the dtype survives.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import (
    INDEX,
    int_tuple,
    normalize_axes,
    opt_dtype,
    product,
    tensor,
    tensor_info,
)
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo, TensorStructInfo, TupleStructInfo
from tvmscript.core.tir import expr as E

STATISTICAL_OPS: Final = ("sum", "mean", "max", "min", "prod", "std", "variance")


def _reduced(
    call: Call, info: TensorStructInfo, axes: Sequence[int] | None, keepdims: bool, dtype: str
) -> TensorStructInfo:
    if info.is_unknown_ndim:
        if axes is None and not keepdims:
            return tensor((), dtype, vdevice=info.vdevice)
        return tensor(None, dtype, vdevice=info.vdevice)
    ndim = info.ndim
    reduced = set(range(ndim)) if axes is None else set(normalize_axes(call, axes, ndim))
    out_ndim = ndim if keepdims else ndim - len(reduced)
    if (dims := info.shape_values) is None:
        return tensor(None, dtype, out_ndim, info.vdevice)
    out: list[E.PrimExpr] = []
    for i, d in enumerate(dims):
        if i not in reduced:
            out.append(d)
        elif keepdims:
            out.append(E.IntImm(INDEX, 1))
    return tensor(out, dtype, out_ndim, info.vdevice)


def _infer_statistical(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    axis = call.attrs["axis"]
    return _reduced(call, info, axis, bool(call.attrs["keepdims"]), info.dtype)


for _name in STATISTICAL_OPS:
    register_op(_name)(_infer_statistical)


def _statistical(name: str, x: Expr, axis: int | Sequence[int] | None, keepdims: bool) -> Call:
    axes = None if axis is None else int_tuple(axis)
    return make_call(name, [x], {"axis": axes, "keepdims": keepdims})


def sum(x: Expr, axis: int | list[int] | None = None, keepdims: bool = False) -> Call:
    """The sum over ``axis`` (every axis by default)."""
    return _statistical("sum", x, axis, keepdims)


def mean(x: Expr, axis: int | list[int] | None = None, keepdims: bool = False) -> Call:
    """The mean over ``axis`` (every axis by default)."""
    return _statistical("mean", x, axis, keepdims)


def max(x: Expr, axis: int | list[int] | None = None, keepdims: bool = False) -> Call:
    """The maximum over ``axis`` (every axis by default)."""
    return _statistical("max", x, axis, keepdims)


def min(x: Expr, axis: int | list[int] | None = None, keepdims: bool = False) -> Call:
    """The minimum over ``axis`` (every axis by default)."""
    return _statistical("min", x, axis, keepdims)


def prod(x: Expr, axis: int | list[int] | None = None, keepdims: bool = False) -> Call:
    """The product over ``axis`` (every axis by default)."""
    return _statistical("prod", x, axis, keepdims)


def std(x: Expr, axis: int | list[int] | None = None, keepdims: bool = False) -> Call:
    """The standard deviation over ``axis`` (every axis by default)."""
    return _statistical("std", x, axis, keepdims)


def variance(x: Expr, axis: int | list[int] | None = None, keepdims: bool = False) -> Call:
    """The variance over ``axis`` (every axis by default)."""
    return _statistical("variance", x, axis, keepdims)


@register_op("median")
def _infer_median(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    axis = call.attrs["axis"]
    values = _reduced(call, info, axis, bool(call.attrs["keepdims"]), info.dtype)
    if axis is None or len(axis) != 1:
        return values
    indices = TensorStructInfo(values.shape, INDEX, values.ndim, values.vdevice)
    return TupleStructInfo((values, indices))


def median(x: Expr, axis: int | list[int] | None = None, keepdims: bool = False) -> Call:
    """The median over ``axis``; over one axis, also the indices of the medians."""
    return _statistical("median", x, axis, keepdims)


def _infer_arg_reduce(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    axis = call.attrs["axis"]
    axes = None if axis is None else [axis]
    return _reduced(call, info, axes, bool(call.attrs["keepdims"]), INDEX)


register_op("argmax")(_infer_arg_reduce)
register_op("argmin")(_infer_arg_reduce)


def argmax(x: Expr, axis: int | None = None, keepdims: bool = False) -> Call:
    """The index of the maximum along ``axis`` (of the flattened tensor by default)."""
    return make_call("argmax", [x], {"axis": axis, "keepdims": keepdims})


def argmin(x: Expr, axis: int | None = None, keepdims: bool = False) -> Call:
    """The index of the minimum along ``axis`` (of the flattened tensor by default)."""
    return make_call("argmin", [x], {"axis": axis, "keepdims": keepdims})


def _infer_scan(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    dtype = call.attrs["dtype"] or info.dtype
    if call.attrs["axis"] is not None:
        return tensor(info.shape, dtype, info.ndim, info.vdevice)
    if (dims := info.shape_values) is not None:
        return tensor((product(dims),), dtype, 1, info.vdevice)
    return tensor(None, dtype, info.ndim, info.vdevice)


register_op("cumsum")(_infer_scan)
register_op("cumprod")(_infer_scan)


def cumsum(
    data: Expr, axis: int | None = None, dtype: str | None = None, exclusive: bool = False
) -> Call:
    """Running sums along ``axis`` (of the flattened tensor by default)."""
    attrs = {"axis": axis, "dtype": opt_dtype(dtype), "exclusive": exclusive}
    return make_call("cumsum", [data], attrs)


def cumprod(
    data: Expr, axis: int | None = None, dtype: str | None = None, exclusive: bool = False
) -> Call:
    """Running products along ``axis`` (of the flattened tensor by default)."""
    attrs = {"axis": axis, "dtype": opt_dtype(dtype), "exclusive": exclusive}
    return make_call("cumprod", [data], attrs)


__all__ = [
    "argmax",
    "argmin",
    "cumprod",
    "cumsum",
    "max",
    "mean",
    "median",
    "min",
    "prod",
    "std",
    "sum",
    "variance",
]
