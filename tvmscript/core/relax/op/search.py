"""Searching and sorting: where, bucketize, nonzero, unique, sort, argsort, topk, sampling."""

from __future__ import annotations

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import (
    INDEX,
    arg_info,
    fail,
    like,
    normalize_axis,
    opt_dtype,
    tensor,
    tensor_info,
    to_expr,
)
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.binary import broadcast_infer
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import (
    PrimStructInfo,
    StructInfo,
    TensorStructInfo,
    TupleStructInfo,
)
from tvmscript.core.tir import expr as E


@register_op("where")
def _infer_where(call: Call) -> StructInfo:
    cond = tensor_info(call, 0, "condition")
    a, b = tensor_info(call, 1, "first branch"), tensor_info(call, 2, "second branch")
    if cond.dtype not in ("void", "bool"):
        raise fail(f"R.where expects a bool condition, got {sinfo_text(cond)}", "dtype-mismatch")
    values = broadcast_infer(call, a, b, None)
    return broadcast_infer(call, cond, values, values.dtype)


def where(condition: Expr, x1: Expr, x2: Expr) -> Call:
    """``x1`` where ``condition`` holds, else ``x2`` (broadcasting)."""
    return make_call("where", [condition, x1, x2])


@register_op("bucketize")
def _infer_bucketize(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    boundaries = tensor_info(call, 1, "boundaries")
    if boundaries.ndim not in (-1, 1):
        raise fail(f"R.bucketize expects 1-D boundaries, got {sinfo_text(boundaries)}")
    return like(info, "int32" if call.attrs["out_int32"] else INDEX)


def bucketize(
    input_tensor: Expr, boundaries: Expr, out_int32: bool = False, right: bool = False
) -> Call:
    """The index of the bucket of ``boundaries`` each element falls in."""
    attrs = {"out_int32": out_int32, "right": right}
    return make_call("bucketize", [input_tensor, boundaries], attrs)


@register_op("nonzero")
def _infer_nonzero(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    return tensor(None, INDEX, 2, info.vdevice)


def nonzero(x: Expr) -> Call:
    """The indices of the non-zero elements, one row per dimension."""
    return make_call("nonzero", [x])


def _flag(call: Call, index: int) -> bool:
    info = arg_info(call, index)
    value = info.value if isinstance(info, PrimStructInfo) else None
    return isinstance(value, E.IntImm) and value.value != 0


@register_op("unique")
def _infer_unique(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    has_axis = len(call.args) > 5
    values = tensor(None, info.dtype, info.ndim if has_axis else 1, info.vdevice)
    extras = [tensor(None, INDEX, 1, info.vdevice) for i in (2, 3, 4) if _flag(call, i)]
    return TupleStructInfo((values, *extras)) if extras else values


def unique(
    x: Expr,
    sorted: bool = True,
    return_index: bool = False,
    return_inverse: bool = False,
    return_counts: bool = False,
    axis: int | None = None,
) -> Call:
    """The unique elements of ``x`` (along ``axis``), with indices, inverse and counts."""
    flags = (sorted, return_index, return_inverse, return_counts)
    args = [x, *(to_expr(bool(f)) for f in flags)]
    if axis is not None:
        args.append(to_expr(int(axis)))
    return make_call("unique", args)


@register_op("sort")
def _infer_sort(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    if not info.is_unknown_ndim:
        normalize_axis(call, call.attrs["axis"], info.ndim)
    return like(info)


def sort(x: Expr, axis: int = -1, descending: bool = False) -> Call:
    """``x`` sorted along ``axis``."""
    return make_call("sort", [x], {"axis": axis, "descending": descending})


@register_op("argsort")
def _infer_argsort(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    if not info.is_unknown_ndim:
        normalize_axis(call, call.attrs["axis"], info.ndim)
    return like(info, call.attrs["dtype"] or "int32")


def argsort(data: Expr, axis: int = -1, descending: bool = False, dtype: str = "int32") -> Call:
    """The indices that sort ``data`` along ``axis``."""
    attrs = {"axis": axis, "descending": descending, "dtype": opt_dtype(dtype)}
    return make_call("argsort", [data], attrs)


@register_op("topk")
def _infer_topk(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    k, axis, ret_type = call.attrs["k"], call.attrs["axis"], call.attrs["ret_type"]
    index_dtype = call.attrs["dtype"] or "int32"
    if (dims := info.shape_values) is None:
        values: TensorStructInfo = like(info)
    else:
        axis = normalize_axis(call, axis, len(dims))
        out = list(dims)
        length = dims[axis]
        if k >= 1 and not (isinstance(length, E.IntImm) and k > length.value):
            out[axis] = E.IntImm(INDEX, k)
        values = tensor(out, info.dtype, len(out), info.vdevice)
    indices = like(values, index_dtype)
    if ret_type == "both":
        return TupleStructInfo((values, indices))
    if ret_type == "values":
        return values
    if ret_type == "indices":
        return indices
    raise fail(f"R.topk: ret_type must be 'both', 'values' or 'indices', got {ret_type!r}")


def topk(
    data: Expr,
    k: int = 1,
    axis: int = -1,
    ret_type: str = "both",
    largest: bool = True,
    dtype: str = "int32",
) -> Call:
    """The ``k`` largest (or smallest) elements along ``axis`` and/or their indices."""
    attrs = {"k": k, "axis": axis, "ret_type": ret_type, "largest": largest, "dtype": dtype}
    return make_call("topk", [data], attrs)


@register_op("multinomial_from_uniform")
def _infer_multinomial(call: Call) -> StructInfo:
    tensor_info(call, 0, "probabilities")
    tensor_info(call, 1, "uniform samples")
    indices = tensor_info(call, 2, "sample indices")
    return like(indices, call.attrs["dtype"])


def multinomial_from_uniform(
    prob: Expr, uniform_sample: Expr, sample_indices: Expr, dtype: str = "int64"
) -> Call:
    """Samples from the rows of ``prob`` chosen by uniform draws."""
    args = [prob, uniform_sample, sample_indices]
    return make_call("multinomial_from_uniform", args, {"dtype": str(dtype)})


@register_op("reverse_sequence")
def _infer_reverse_sequence(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "data")
    tensor_info(call, 1, "sequence lengths")
    return like(info)


def reverse_sequence(data: Expr, seq_lengths: Expr, seq_axis: int = 1, batch_axis: int = 0) -> Call:
    """Each batch entry's first ``seq_lengths[i]`` elements along ``seq_axis`` reversed."""
    attrs = {"seq_axis": seq_axis, "batch_axis": batch_axis}
    return make_call("reverse_sequence", [data, seq_lengths], attrs)


__all__ = [
    "argsort",
    "bucketize",
    "multinomial_from_uniform",
    "nonzero",
    "reverse_sequence",
    "sort",
    "topk",
    "unique",
    "where",
]
