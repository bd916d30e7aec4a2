"""Indexing: strided slices, ``R.take``, gathers and scatters, ``R.index_tensor``, ``R.one_hot``."""

from __future__ import annotations

from collections.abc import Sequence

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import (
    INDEX,
    ExprLike,
    arg_info,
    broadcast_shapes,
    fail,
    is_int,
    like,
    normalize_axes,
    normalize_axis,
    op_name,
    tensor,
    tensor_info,
    to_expr,
    to_tuple,
    tuple_of_tensors,
)
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo, TensorStructInfo, TupleStructInfo
from tvmscript.core.tir import expr as E

# ---------------------------------------------------------------------------------------------
# strided_slice


def _tuple_values(call: Call, index: int) -> list[E.PrimExpr | None]:
    info = arg_info(call, index)
    if not isinstance(info, TupleStructInfo):
        raise fail(f"R.strided_slice expects a tuple of integers, got {sinfo_text(info)}")
    return [getattr(f, "value", None) for f in info.fields]


def _static_slice_length(length: int, begin: int, end: int, stride: int) -> int:
    return len(range(length)[slice(begin, end, stride)])


def _clamped(bound: E.PrimExpr, length: E.PrimExpr) -> E.PrimExpr:
    if isinstance(bound, E.IntImm) and bound.value < 0:
        return E.Max(E.Add(length, bound), E.IntImm(INDEX, 0))
    if isinstance(bound, E.IntImm) and isinstance(length, E.IntImm):
        return E.IntImm(INDEX, min(bound.value, length.value))
    return E.Min(bound, length)


def _slice_length(
    length: E.PrimExpr, begin: E.PrimExpr, end: E.PrimExpr, stride: E.PrimExpr
) -> E.PrimExpr:
    values = (length, begin, end, stride)
    if all(isinstance(v, E.IntImm) for v in values):
        ints = [v.value for v in values if isinstance(v, E.IntImm)]
        return E.IntImm(INDEX, _static_slice_length(*ints))
    if not isinstance(stride, E.IntImm) or stride.value <= 0:
        return E.Var("slice_len", INDEX)
    extent = E.Sub(_clamped(end, length), _clamped(begin, length))
    if stride.value == 1:
        return extent
    return E.FloorDiv(E.Add(extent, E.IntImm(INDEX, stride.value - 1)), stride)


@register_op("strided_slice")
def _infer_strided_slice(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    axes, begins, ends = (_tuple_values(call, i) for i in (1, 2, 3))
    strides = _tuple_values(call, 4) if len(call.args) > 4 else [E.IntImm(INDEX, 1)] * len(axes)
    if not len(axes) == len(begins) == len(ends) == len(strides):
        raise fail("R.strided_slice expects as many begins, ends and strides as axes")
    if info.is_unknown_ndim:
        return like(info)
    if any(a is None or not isinstance(a, E.IntImm) for a in axes):
        raise fail("R.strided_slice expects constant axes")
    axis_ints = normalize_axes(call, [int(a) for a in axes if isinstance(a, E.IntImm)], info.ndim)
    if (dims := info.shape_values) is None:
        return like(info)
    out = list(dims)
    for axis, begin, end, stride in zip(axis_ints, begins, ends, strides, strict=True):
        if begin is None or end is None or stride is None:
            return tensor(None, info.dtype, info.ndim, info.vdevice)
        out[axis] = _slice_length(dims[axis], begin, end, stride)
    return tensor(out, info.dtype, info.ndim, info.vdevice)


def strided_slice(
    x: Expr,
    axes: Expr | Sequence[int],
    begin: Expr | Sequence[ExprLike],
    end: Expr | Sequence[ExprLike],
    strides: Expr | Sequence[ExprLike] | None = None,
    assume_inbound: bool = False,
) -> Call:
    """``x[begin:end:strides]`` along ``axes``."""
    args = [x, to_expr(axes), to_expr(begin), to_expr(end)]
    if strides is not None:
        args.append(to_expr(strides))
    return make_call("strided_slice", args, {"assume_inbound": assume_inbound})


@register_op("dynamic_strided_slice")
def _infer_dynamic_strided_slice(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    return tensor(None, info.dtype, info.ndim, info.vdevice)


def dynamic_strided_slice(x: Expr, begin: Expr, end: Expr, strides: Expr) -> Call:
    """``x[begin:end:strides]`` with the bounds given as tensors."""
    return make_call("dynamic_strided_slice", [x, begin, end, strides])


@register_op("slice_scatter")
def _infer_slice_scatter(call: Call) -> StructInfo:
    return like(tensor_info(call, 0, "input"))


def slice_scatter(
    input_tensor: Expr, src: Expr, start: ExprLike, end: ExprLike, step: ExprLike, axis: int = 0
) -> Call:
    """``input_tensor`` with ``src`` written into the slice ``start:end:step`` of ``axis``."""
    args = [input_tensor, src, to_expr(start), to_expr(end), to_expr(step)]
    return make_call("slice_scatter", args, {"axis": axis})


# ---------------------------------------------------------------------------------------------
# take, gather, scatter


def _require_int_indices(call: Call, info: TensorStructInfo) -> None:
    if info.dtype != "void" and not is_int(info.dtype):
        raise fail(
            f"{op_name(call)} expects integer indices, got {sinfo_text(info)}",
            "dtype-mismatch",
        )


@register_op("take")
def _infer_take(call: Call) -> StructInfo:
    data, indices = tensor_info(call, 0, "data"), tensor_info(call, 1, "indices")
    _require_int_indices(call, indices)
    axis = call.attrs["axis"]
    if axis is None and data.ndim not in (-1, 1):
        raise fail(
            f"R.take without an axis expects a one-dimensional tensor, got {sinfo_text(data)}",
            "rank-mismatch",
        )
    if data.is_unknown_ndim or indices.is_unknown_ndim:
        return tensor(None, data.dtype, -1, data.vdevice)
    axis = normalize_axis(call, 0 if axis is None else axis, data.ndim)
    ndim = data.ndim - 1 + indices.ndim
    dims, index_dims = data.shape_values, indices.shape_values
    if dims is None or index_dims is None:
        return tensor(None, data.dtype, ndim, data.vdevice)
    return tensor([*dims[:axis], *index_dims, *dims[axis + 1 :]], data.dtype, ndim, data.vdevice)


def take(x: Expr, indices: Expr, axis: int | None = None, mode: str = "fast") -> Call:
    """The elements of ``x`` at ``indices`` along ``axis`` (of the flattened tensor)."""
    return make_call("take", [x, indices], {"axis": axis, "mode": mode})


@register_op("gather_elements")
def _infer_gather_elements(call: Call) -> StructInfo:
    data, indices = tensor_info(call, 0, "data"), tensor_info(call, 1, "indices")
    _require_int_indices(call, indices)
    if not data.is_unknown_ndim and not indices.is_unknown_ndim:
        if data.ndim != indices.ndim:
            raise fail(
                "R.gather_elements expects data and indices of one rank, got "
                f"{sinfo_text(data)} and {sinfo_text(indices)}",
                "rank-mismatch",
            )
        normalize_axis(call, call.attrs["axis"], data.ndim)
    return TensorStructInfo(indices.shape, data.dtype, indices.ndim, data.vdevice)


def gather_elements(data: Expr, indices: Expr, axis: int = 0) -> Call:
    """``data`` gathered element-wise at ``indices`` along ``axis``."""
    return make_call("gather_elements", [data, indices], {"axis": axis})


@register_op("gather_nd")
def _infer_gather_nd(call: Call) -> StructInfo:
    data, indices = tensor_info(call, 0, "data"), tensor_info(call, 1, "indices")
    if indices.dtype not in ("void", "int64"):
        raise fail(
            f"R.gather_nd expects int64 indices, got {sinfo_text(indices)}", "dtype-mismatch"
        )
    batch = call.attrs["batch_dims"]
    dims, index_dims = data.shape_values, indices.shape_values
    if dims is None or index_dims is None or not isinstance(index_dims[-1], E.IntImm):
        return tensor(None, data.dtype, -1, data.vdevice)
    depth = index_dims[-1].value
    out = [*index_dims[:-1], *dims[batch + depth :]]
    return tensor(out, data.dtype, len(out), data.vdevice)


def gather_nd(data: Expr, indices: Expr, batch_dims: int = 0) -> Call:
    """The slices of ``data`` at the index tuples in the last axis of ``indices``."""
    return make_call("gather_nd", [data, indices], {"batch_dims": batch_dims})


def _infer_scatter(call: Call) -> StructInfo:
    data, indices = tensor_info(call, 0, "data"), tensor_info(call, 1, "indices")
    _require_int_indices(call, indices)
    tensor_info(call, 2, "updates")
    return like(data)


register_op("scatter_elements")(_infer_scatter)
register_op("scatter_nd")(_infer_scatter)


def scatter_elements(
    data: Expr, indices: Expr, updates: Expr, axis: int = 0, reduction: str = "update"
) -> Call:
    """``data`` with ``updates`` written (or reduced) element-wise at ``indices``."""
    attrs = {"axis": axis, "reduction": reduction}
    return make_call("scatter_elements", [data, indices, updates], attrs)


def scatter_nd(data: Expr, indices: Expr, updates: Expr, reduction: str = "update") -> Call:
    """``data`` with ``updates`` written (or reduced) at the index tuples of ``indices``."""
    return make_call("scatter_nd", [data, indices, updates], {"reduction": reduction})


@register_op("index_put")
def _infer_index_put(call: Call) -> StructInfo:
    data = tensor_info(call, 0, "data")
    indices = tuple_of_tensors(call, 1)
    tensor_info(call, 2, "values")
    if not data.is_unknown_ndim and len(indices) != data.ndim:
        raise fail(
            f"R.index_put expects {data.ndim} index tensors for {sinfo_text(data)}, "
            f"got {len(indices)}",
            "rank-mismatch",
        )
    return like(data)


def index_put(
    data: Expr, indices: Expr | tuple[Expr, ...], values: Expr, accumulate: bool = False
) -> Call:
    """``data`` with ``values`` written (or added) at the positions ``indices`` give."""
    return make_call("index_put", [data, to_tuple(indices), values], {"accumulate": accumulate})


@register_op("index_tensor")
def _infer_index_tensor(call: Call) -> StructInfo:
    data = tensor_info(call, 0, "data")
    indices = tuple_of_tensors(call, 1)
    dims = data.shape_values
    index_shapes = [i.shape_values for i in indices]
    if dims is None or any(s is None for s in index_shapes) or not indices:
        return tensor(None, data.dtype, -1, data.vdevice)
    if len(indices) > len(dims):
        raise fail(
            f"R.index_tensor: too many index tensors for {sinfo_text(data)}", "rank-mismatch"
        )
    known = [s for s in index_shapes if s is not None]
    batch: tuple[E.PrimExpr, ...] | None = known[0]
    for shape, info in zip(known[1:], indices[1:], strict=True):
        if batch is None:
            break
        batch = broadcast_shapes(call, indices[0], info, batch, shape)
    if batch is None:
        return tensor(None, data.dtype, -1, data.vdevice)
    out = [*batch, *dims[len(indices) :]]
    return tensor(out, data.dtype, len(out), data.vdevice)


def index_tensor(data: Expr, indices: Expr | list[Expr]) -> Call:
    """``data[indices[0], indices[1], ...]`` with NumPy advanced indexing."""
    return make_call("index_tensor", [data, to_tuple(indices)])


@register_op("one_hot")
def _infer_one_hot(call: Call) -> StructInfo:
    indices = tensor_info(call, 0, "indices")
    on_value = arg_info(call, 1)
    dtype = getattr(on_value, "dtype", "void")
    depth = E.IntImm(INDEX, call.attrs["depth"])
    if (dims := indices.shape_values) is None:
        ndim = -1 if indices.is_unknown_ndim else indices.ndim + 1
        return tensor(None, dtype, ndim, indices.vdevice)
    axis = call.attrs["axis"]
    position = len(dims) if axis == -1 else normalize_axis(call, axis, len(dims) + 1)
    out = list(dims)
    out.insert(position, depth)
    return tensor(out, dtype, len(out), indices.vdevice)


def one_hot(
    indices: Expr, on_value: ExprLike, off_value: ExprLike, depth: int, axis: int = -1
) -> Call:
    """A one-hot encoding of ``indices`` of length ``depth`` along a new axis ``axis``."""
    args = [indices, to_expr(on_value), to_expr(off_value)]
    return make_call("one_hot", args, {"depth": depth, "axis": axis})


__all__ = [
    "dynamic_strided_slice",
    "gather_elements",
    "gather_nd",
    "index_put",
    "index_tensor",
    "one_hot",
    "scatter_elements",
    "scatter_nd",
    "slice_scatter",
    "strided_slice",
    "take",
]
