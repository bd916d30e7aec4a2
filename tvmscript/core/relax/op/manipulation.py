"""Shape manipulation: reshape, permute, expand/squeeze, flatten, broadcast, tile and repeat.

Concatenation, stacking and splitting live in `join`; layout transforms in `layout`.
"""

from __future__ import annotations

from collections.abc import Sequence

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import (
    INDEX,
    Dim,
    ShapeLike,
    differ,
    dim,
    fail,
    int_tuple,
    is_one,
    like,
    normalize_axes,
    normalize_axis,
    product,
    shape_expr,
    shape_values,
    tensor,
    tensor_info,
    to_shape,
)
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo, TensorStructInfo
from tvmscript.core.tir import expr as E

# ---------------------------------------------------------------------------------------------
# reshape


def _resolve_minus_one(x: Expr, dims: Sequence[Dim]) -> list[Dim]:
    """A new shape with its ``-1`` replaced by the inferred length (TVM does it on the call)."""
    holes = [i for i, d in enumerate(dims) if isinstance(d, int) and d == -1]
    if not holes:
        return list(dims)
    if len(holes) > 1:
        raise fail(f"R.reshape accepts at most one -1 in the new shape, got {tuple(dims)}")
    info = x.struct_info
    known = info.shape_values if isinstance(info, TensorStructInfo) else None
    if known is None:
        raise fail(
            f"R.reshape needs the input's shape to infer a -1 dimension, got {sinfo_text(info)}"
        )
    rest = [dim(d) for i, d in enumerate(dims) if i != holes[0]]
    inferred = E.FloorDiv(product(known), product(rest))
    out = list(dims)
    out[holes[0]] = product([inferred])
    return out


@register_op("reshape")
def _infer_reshape(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    new_dims, ndim = shape_values(call, 1)
    if new_dims is None:
        return tensor(call.args[1], info.dtype, ndim, info.vdevice)
    if (old := info.shape_values) is not None and differ(product(old), product(new_dims)):
        raise fail(
            f"R.reshape cannot turn {sinfo_text(info)} into shape "
            f"{sinfo_text(call.args[1].struct_info)}: the element counts differ",
            "shape-mismatch",
        )
    return tensor(new_dims, info.dtype, len(new_dims), info.vdevice)


def reshape(x: Expr, shape: ShapeLike) -> Call:
    """``x`` with a new shape of the same number of elements (one ``-1`` is inferred)."""
    if not isinstance(shape, Expr):
        dims = [shape] if isinstance(shape, int | E.PrimExpr) else list(shape)
        shape = shape_expr(_resolve_minus_one(x, dims))
    return make_call("reshape", [x, to_shape(shape)])


# ---------------------------------------------------------------------------------------------
# permute_dims, expand_dims, squeeze, flatten


@register_op("permute_dims")
def _infer_permute_dims(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    axes = call.attrs["axes"]
    if info.is_unknown_ndim:
        if axes is not None:
            raise fail("R.permute_dims with axes needs the input's rank, got " + sinfo_text(info))
        return like(info)
    ndim = info.ndim
    if axes is None:
        order = list(range(ndim - 1, -1, -1))
    else:
        if len(axes) != ndim:
            raise fail(
                f"R.permute_dims expects {ndim} axes for {sinfo_text(info)}, got {len(axes)}",
                "rank-mismatch",
            )
        order = normalize_axes(call, axes, ndim)
    if (dims := info.shape_values) is None:
        return tensor(None, info.dtype, ndim, info.vdevice)
    return tensor([dims[i] for i in order], info.dtype, ndim, info.vdevice)


def permute_dims(x: Expr, axes: list[int] | None = None) -> Call:
    """``x`` with its axes reordered (reversed when ``axes`` is None)."""
    attrs = {"axes": None if axes is None else int_tuple(axes)}
    return make_call("permute_dims", [x], attrs)


@register_op("expand_dims")
def _infer_expand_dims(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    if info.is_unknown_ndim:
        return like(info)
    axes = call.attrs["axis"]
    out_ndim = info.ndim + len(axes)
    inserted = normalize_axes(call, axes, out_ndim)
    if (dims := info.shape_values) is None:
        return tensor(None, info.dtype, out_ndim, info.vdevice)
    rest = iter(dims)
    out = [E.IntImm(INDEX, 1) if i in inserted else next(rest) for i in range(out_ndim)]
    return tensor(out, info.dtype, out_ndim, info.vdevice)


def expand_dims(x: Expr, axis: int | list[int]) -> Call:
    """``x`` with new axes of length 1 at ``axis`` (positions in the result)."""
    return make_call("expand_dims", [x], {"axis": int_tuple(axis)})


@register_op("squeeze")
def _infer_squeeze(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    axes = call.attrs["axis"]
    if info.is_unknown_ndim:
        return like(info)
    dims = info.shape_values
    if axes is None:
        if dims is None or any(not isinstance(d, E.IntImm) for d in dims):
            return tensor(None, info.dtype, vdevice=info.vdevice)
        kept = [d for d in dims if not is_one(d)]
        return tensor(kept, info.dtype, len(kept), info.vdevice)
    removed = normalize_axes(call, axes, info.ndim)
    if dims is None:
        return tensor(None, info.dtype, info.ndim - len(removed), info.vdevice)
    keep = [
        d
        for i, d in enumerate(dims)
        if i not in removed or (isinstance(d, E.IntImm) and d.value != 1)
    ]
    return tensor(keep, info.dtype, len(keep), info.vdevice)


def squeeze(x: Expr, axis: int | list[int] | None = None) -> Call:
    """``x`` without its axes of length 1 (only those in ``axis`` when given)."""
    attrs = {"axis": None if axis is None else int_tuple(axis)}
    return make_call("squeeze", [x], attrs)


@register_op("flatten")
def _infer_flatten(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    if (dims := info.shape_values) is not None:
        return tensor([product(dims)], info.dtype, 1, info.vdevice)
    return tensor(None, info.dtype, 1, info.vdevice)


def flatten(x: Expr) -> Call:
    """``x`` as a one-dimensional tensor."""
    return make_call("flatten", [x])


# ---------------------------------------------------------------------------------------------
# broadcast_to, tile, repeat, flip


@register_op("broadcast_to")
def _infer_broadcast_to(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    target, ndim = shape_values(call, 1)
    if target is None:
        return tensor(call.args[1], info.dtype, ndim, info.vdevice)
    if not info.is_unknown_ndim and info.ndim > len(target):
        raise fail(
            f"R.broadcast_to cannot broadcast {sinfo_text(info)} to fewer dimensions "
            f"{sinfo_text(call.args[1].struct_info)}",
            "rank-mismatch",
        )
    if (dims := info.shape_values) is not None:
        for i in range(1, len(dims) + 1):
            if not is_one(dims[-i]) and differ(dims[-i], target[-i]):
                raise fail(
                    f"R.broadcast_to cannot broadcast {sinfo_text(info)} to shape "
                    f"{sinfo_text(call.args[1].struct_info)}",
                    "shape-mismatch",
                )
    return tensor(target, info.dtype, len(target), info.vdevice)


def broadcast_to(x: Expr, shape: ShapeLike) -> Call:
    """``x`` broadcast to ``shape``."""
    return make_call("broadcast_to", [x, to_shape(shape)])


@register_op("tile")
def _infer_tile(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    repeats: tuple[int, ...] = call.attrs["repeats"]
    if info.is_unknown_ndim:
        return like(info)
    out_ndim = max(info.ndim, len(repeats))
    if (dims := info.shape_values) is None:
        return tensor(None, info.dtype, out_ndim, info.vdevice)
    padded_dims = [E.IntImm(INDEX, 1)] * (out_ndim - len(dims)) + list(dims)
    padded_reps = [1] * (out_ndim - len(repeats)) + list(repeats)
    out = [E.Mul(d, E.IntImm(INDEX, r)) for d, r in zip(padded_dims, padded_reps, strict=True)]
    return tensor(out, info.dtype, out_ndim, info.vdevice)


def tile(data: Expr, repeats: int | tuple[int, ...] | list[int]) -> Call:
    """``data`` repeated ``repeats[i]`` times along each axis."""
    return make_call("tile", [data], {"repeats": int_tuple(repeats)})


@register_op("repeat")
def _infer_repeat(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    repeats = E.IntImm(INDEX, call.attrs["repeats"])
    axis = call.attrs["axis"]
    if axis is None:
        if (dims := info.shape_values) is not None:
            return tensor([E.Mul(product(dims), repeats)], info.dtype, 1, info.vdevice)
        return tensor(None, info.dtype, 1, info.vdevice)
    if info.is_unknown_ndim:
        return like(info)
    axis = normalize_axis(call, axis, info.ndim)
    if (dims := info.shape_values) is None:
        return like(info)
    out = [E.Mul(d, repeats) if i == axis else d for i, d in enumerate(dims)]
    return tensor(out, info.dtype, info.ndim, info.vdevice)


def repeat(data: Expr, repeats: int, axis: int | None = None) -> Call:
    """Each element repeated ``repeats`` times along ``axis`` (of the flattened tensor)."""
    return make_call("repeat", [data], {"repeats": int(repeats), "axis": axis})


@register_op("flip")
def _infer_flip(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    if not info.is_unknown_ndim:
        normalize_axis(call, call.attrs["axis"], info.ndim)
    return like(info)


def flip(data: Expr, axis: int) -> Call:
    """``data`` reversed along ``axis``."""
    return make_call("flip", [data], {"axis": int(axis)})


# ---------------------------------------------------------------------------------------------
# collapse_sum_like, collapse_sum_to


@register_op("collapse_sum_like")
def _infer_collapse_sum_like(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "data")
    target = tensor_info(call, 1, "collapse target")
    return TensorStructInfo(target.shape, info.dtype, target.ndim, info.vdevice)


def collapse_sum_like(data: Expr, collapse_target: Expr) -> Call:
    """``data`` summed down to the shape of ``collapse_target`` (undoing a broadcast)."""
    return make_call("collapse_sum_like", [data, collapse_target])


@register_op("collapse_sum_to")
def _infer_collapse_sum_to(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "data")
    target, ndim = shape_values(call, 1)
    if target is None:
        return tensor(call.args[1], info.dtype, ndim, info.vdevice)
    return tensor(target, info.dtype, len(target), info.vdevice)


def collapse_sum_to(data: Expr, shape: ShapeLike) -> Call:
    """``data`` summed down to ``shape`` (undoing a broadcast)."""
    return make_call("collapse_sum_to", [data, to_shape(shape)])


__all__ = [
    "broadcast_to",
    "collapse_sum_like",
    "collapse_sum_to",
    "expand_dims",
    "flatten",
    "flip",
    "permute_dims",
    "repeat",
    "reshape",
    "squeeze",
    "tile",
]
