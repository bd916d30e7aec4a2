"""Quantisation: ``R.quantize`` and ``R.dequantize`` (per-tensor or per-axis parameters)."""

from __future__ import annotations

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import (
    differ,
    fail,
    is_one,
    like,
    normalize_axis,
    op_name,
    tensor_info,
)
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo


def _infer_qdq(call: Call) -> StructInfo:
    data = tensor_info(call, 0, "data")
    scale, zero_point = tensor_info(call, 1, "scale"), tensor_info(call, 2, "zero point")
    axis = call.attrs["axis"]
    dims = data.shape_values
    if not data.is_unknown_ndim:
        axis = normalize_axis(call, axis, data.ndim)
    for info in (scale, zero_point):
        if info.ndim not in (-1, 0, 1):
            raise fail(
                f"{op_name(call)} expects a scalar or 1-D {sinfo_text(info)}", "rank-mismatch"
            )
        values = info.shape_values
        if dims is None or values is None or len(values) != 1:
            continue
        if differ(values[0], dims[axis]) and not is_one(values[0]):
            raise fail(
                f"{op_name(call)}: {sinfo_text(info)} does not match axis {axis} of "
                f"{sinfo_text(data)}",
                "shape-mismatch",
            )
    return like(data, call.attrs["out_dtype"])


register_op("quantize")(_infer_qdq)
register_op("dequantize")(_infer_qdq)


def quantize(
    data: Expr, scale: Expr, zero_point: Expr, axis: int = -1, out_dtype: str = "int8"
) -> Call:
    """``data / scale + zero_point`` rounded and clamped to ``out_dtype``."""
    attrs = {"out_dtype": str(out_dtype), "axis": axis}
    return make_call("quantize", [data, scale, zero_point], attrs)


def dequantize(
    data: Expr, scale: Expr, zero_point: Expr, axis: int = -1, out_dtype: str = "float32"
) -> Call:
    """``(data - zero_point) * scale`` in ``out_dtype``."""
    attrs = {"out_dtype": str(out_dtype), "axis": axis}
    return make_call("dequantize", [data, scale, zero_point], attrs)


__all__ = ["dequantize", "quantize"]
