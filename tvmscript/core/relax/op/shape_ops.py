"""Shapes as values: ``R.shape_of``, ``R.shape_to_tensor``, ``R.tensor_to_shape``, ``R.size``."""

from __future__ import annotations

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import INDEX, arg_info, fail, tensor, tensor_info
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import ShapeStructInfo, StructInfo
from tvmscript.core.tir import expr as E


@register_op("shape_of")
def _infer_shape_of(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    if (dims := info.shape_values) is not None:
        return ShapeStructInfo(dims)
    return ShapeStructInfo(None, info.ndim)


def shape_of(expr: Expr) -> Call:
    """The shape of a tensor, as a shape value."""
    return make_call("shape_of", [expr])


@register_op("shape_to_tensor")
def _infer_shape_to_tensor(call: Call) -> StructInfo:
    info = arg_info(call, 0)
    if not isinstance(info, ShapeStructInfo):
        raise fail(f"R.shape_to_tensor expects a shape, got {sinfo_text(info)}")
    if info.ndim == -1:
        return tensor(None, INDEX, 1)
    return tensor([E.IntImm(INDEX, info.ndim)], INDEX, 1)


def shape_to_tensor(expr: Expr) -> Call:
    """A shape value as a 1-D int64 tensor."""
    return make_call("shape_to_tensor", [expr])


@register_op("tensor_to_shape")
def _infer_tensor_to_shape(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    if info.ndim not in (-1, 1):
        raise fail(
            f"R.tensor_to_shape expects a 1-D tensor, got {sinfo_text(info)}", "rank-mismatch"
        )
    dims = info.shape_values
    if dims is not None and isinstance(dims[0], E.IntImm):
        return ShapeStructInfo(None, dims[0].value)
    return ShapeStructInfo(None, -1)


def tensor_to_shape(expr: Expr) -> Call:
    """A 1-D integer tensor as a shape value."""
    return make_call("tensor_to_shape", [expr])


@register_op("size")
def _infer_size(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    return tensor((), INDEX, 0, info.vdevice)


def size(expr: Expr) -> Call:
    """The number of elements of a tensor, as a 0-d int64 tensor."""
    return make_call("size", [expr])


__all__ = ["shape_of", "shape_to_tensor", "size", "tensor_to_shape"]
