"""Joining and splitting tensors: ``R.concat``, ``R.stack``, ``R.split``, ``R.meshgrid``."""

from __future__ import annotations

from collections.abc import Sequence

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import (
    INDEX,
    differ,
    fail,
    int_tuple,
    normalize_axis,
    op_name,
    tensor,
    tensor_info,
    to_tuple,
    tuple_of_tensors,
)
from tvmscript.core.relax.op._simplify import simplify
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo, TensorStructInfo, TupleStructInfo
from tvmscript.core.tir import expr as E


def _common_dtype(call: Call, infos: Sequence[TensorStructInfo]) -> str:
    known = [i for i in infos if i.dtype != "void"]
    for info in known[1:]:
        if info.dtype != known[0].dtype:
            raise fail(
                f"{op_name(call)} expects tensors of one dtype, got {sinfo_text(known[0])} "
                f"and {sinfo_text(info)}",
                "dtype-mismatch",
            )
    return known[0].dtype if len(known) == len(infos) and known else "void"


def _common_ndim(call: Call, infos: Sequence[TensorStructInfo]) -> int:
    known = [i for i in infos if not i.is_unknown_ndim]
    for info in known[1:]:
        if info.ndim != known[0].ndim:
            raise fail(
                f"{op_name(call)} expects tensors of one rank, got {sinfo_text(known[0])} "
                f"and {sinfo_text(info)}",
                "rank-mismatch",
            )
    return known[0].ndim if known else -1


@register_op("concat")
def _infer_concat(call: Call) -> StructInfo:
    infos = tuple_of_tensors(call, 0)
    if not infos:
        raise fail("R.concat expects at least one tensor")
    dtype = _common_dtype(call, infos)
    ndim = _common_ndim(call, infos)
    vdevice = infos[0].vdevice
    axis = call.attrs["axis"]
    if axis is None:
        if ndim not in (-1, 1):
            raise fail("R.concat with axis=None expects one-dimensional tensors", "rank-mismatch")
        axis = 0
    if ndim == -1:
        return tensor(None, dtype, -1, vdevice)
    axis = normalize_axis(call, axis, ndim)
    shapes = [i.shape_values for i in infos]
    if any(s is None for s in shapes):
        return tensor(None, dtype, ndim, vdevice)
    known = [s for s in shapes if s is not None]
    out = list(known[0])
    for shape, info in zip(known[1:], infos[1:], strict=True):
        for i in range(ndim):
            if i == axis:
                out[i] = E.Add(out[i], shape[i])
            elif differ(out[i], shape[i]):
                raise fail(
                    f"R.concat: incompatible shapes {sinfo_text(infos[0])} and "
                    f"{sinfo_text(info)} off the concatenation axis {axis}",
                    "shape-mismatch",
                )
    return tensor(out, dtype, ndim, vdevice)


def concat(tensors: Expr | list[Expr], axis: int | None = 0) -> Call:
    """The tensors joined along ``axis``."""
    return make_call("concat", [to_tuple(tensors)], {"axis": axis})


@register_op("stack")
def _infer_stack(call: Call) -> StructInfo:
    infos = tuple_of_tensors(call, 0)
    if not infos:
        raise fail("R.stack expects at least one tensor")
    dtype = _common_dtype(call, infos)
    ndim = _common_ndim(call, infos)
    vdevice = infos[0].vdevice
    if ndim == -1:
        return tensor(None, dtype, -1, vdevice)
    axis = normalize_axis(call, call.attrs["axis"] or 0, ndim + 1)
    shapes = [i.shape_values for i in infos]
    if any(s is None for s in shapes):
        return tensor(None, dtype, ndim + 1, vdevice)
    known = [s for s in shapes if s is not None]
    for shape, info in zip(known[1:], infos[1:], strict=True):
        if any(differ(a, b) for a, b in zip(known[0], shape, strict=True)):
            raise fail(
                f"R.stack expects tensors of one shape, got {sinfo_text(infos[0])} and "
                f"{sinfo_text(info)}",
                "shape-mismatch",
            )
    out = list(known[0])
    out.insert(axis, E.IntImm(INDEX, len(infos)))
    return tensor(out, dtype, ndim + 1, vdevice)


def stack(tensors: Expr | list[Expr], axis: int = 0) -> Call:
    """The tensors stacked along a new axis ``axis``."""
    return make_call("stack", [to_tuple(tensors)], {"axis": axis})


def _split_lengths(length: E.PrimExpr, spec: int | tuple[int, ...]) -> list[E.PrimExpr]:
    if isinstance(spec, int):
        size = simplify(E.FloorDiv(E.Add(length, E.IntImm(INDEX, spec - 1)), E.IntImm(INDEX, spec)))
        last = E.Sub(length, E.Mul(size, E.IntImm(INDEX, spec - 1)))
        return [size] * (spec - 1) + [last]
    out: list[E.PrimExpr] = []
    previous: E.PrimExpr | None = None
    for index in spec:
        end = _min(E.IntImm(INDEX, index), length)
        out.append(end if previous is None else _max(E.Sub(end, previous), E.IntImm(INDEX, 0)))
        previous = end
    rest = length if previous is None else E.Sub(length, E.IntImm(INDEX, spec[-1]))
    out.append(rest if previous is None else _max(rest, E.IntImm(INDEX, 0)))
    return out


def _min(a: E.PrimExpr, b: E.PrimExpr) -> E.PrimExpr:
    if isinstance(a, E.IntImm) and isinstance(b, E.IntImm):
        return E.IntImm(INDEX, min(a.value, b.value))
    return E.Min(a, b)


def _max(a: E.PrimExpr, b: E.PrimExpr) -> E.PrimExpr:
    a = simplify(a)
    if isinstance(a, E.IntImm) and isinstance(b, E.IntImm):
        return E.IntImm(INDEX, max(a.value, b.value))
    return E.Max(a, b)


@register_op("split")
def _infer_split(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    spec = call.attrs["indices_or_sections"]
    count = spec if isinstance(spec, int) else len(spec) + 1
    if info.is_unknown_ndim:
        parts = [tensor(None, info.dtype, -1, info.vdevice)] * count
        return parts[0] if count == 1 else TupleStructInfo(tuple(parts))
    axis = normalize_axis(call, call.attrs["axis"], info.ndim)
    if (dims := info.shape_values) is None:
        parts = [tensor(None, info.dtype, info.ndim, info.vdevice)] * count
        return parts[0] if count == 1 else TupleStructInfo(tuple(parts))
    out = []
    for length in _split_lengths(dims[axis], spec):
        shape = list(dims)
        shape[axis] = length
        out.append(tensor(shape, info.dtype, info.ndim, info.vdevice))
    return out[0] if count == 1 else TupleStructInfo(tuple(out))


def split(x: Expr, indices_or_sections: int | list[int], axis: int = 0) -> Call:
    """``x`` cut along ``axis`` into equal sections, or at the given indices."""
    spec: int | tuple[int, ...] = (
        int(indices_or_sections)
        if isinstance(indices_or_sections, int | E.IntImm)
        else int_tuple(indices_or_sections)
    )
    return make_call("split", [x], {"indices_or_sections": spec, "axis": axis})


@register_op("meshgrid")
def _infer_meshgrid(call: Call) -> StructInfo:
    infos = tuple_of_tensors(call, 0)
    dtype = _common_dtype(call, infos)
    lengths: list[E.PrimExpr] = []
    for info in infos:
        dims = info.shape_values
        if dims is None or len(dims) != 1:
            if info.ndim not in (-1, 1):
                raise fail("R.meshgrid expects one-dimensional tensors, got " + sinfo_text(info))
            ndim = len(infos)
            part = tensor(None, dtype, ndim, infos[0].vdevice)
            return TupleStructInfo((part,) * len(infos))
        lengths.append(dims[0])
    part = tensor(lengths, dtype, len(lengths), infos[0].vdevice)
    return TupleStructInfo((part,) * len(infos))


def meshgrid(tensors: Expr | list[Expr], indexing: str | None = "ij") -> Call:
    """Coordinate grids from one-dimensional tensors (``"ij"`` or ``"xy"`` indexing)."""
    return make_call("meshgrid", [to_tuple(tensors)], {"indexing": indexing})


__all__ = ["concat", "meshgrid", "split", "stack"]
