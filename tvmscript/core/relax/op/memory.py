"""``R.memory``: explicit storage allocation, tensors in storage and views."""

from __future__ import annotations

from typing import Final

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import (
    ExprLike,
    ShapeLike,
    arg_info,
    like,
    shape_values,
    tensor,
    tensor_info,
    to_expr,
    to_shape,
    tuple_expr,
)
from tvmscript.core.relax.op.builtin import dtype_arg, dtype_imm
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import (
    ObjectStructInfo,
    ShapeStructInfo,
    StructInfo,
    TupleStructInfo,
)
from tvmscript.core.tir import expr as E

_ZERO: Final = E.IntImm("int64", 0)


@register_op("memory.alloc_storage")
def _infer_alloc_storage(call: Call) -> StructInfo:
    return ObjectStructInfo()


def alloc_storage(
    size: ShapeLike, virtual_device_index: ExprLike, storage_scope: str, dtype: str | Expr
) -> Call:
    """A storage block of ``size`` bytes on a virtual device."""
    args = [to_shape(size), to_expr(virtual_device_index), to_expr(storage_scope), dtype_imm(dtype)]
    return make_call("memory.alloc_storage", args)


@register_op("memory.alloc_tensor")
def _infer_alloc_tensor(call: Call) -> StructInfo:
    dims, ndim = shape_values(call, 2)
    return tensor(call.args[2] if dims is None else dims, dtype_arg(call, 3), ndim)


def alloc_tensor(
    storage: Expr,
    offset: ExprLike,
    shape: ShapeLike,
    dtype: str | Expr,
    runtime_device_ind: ExprLike = _ZERO,
) -> Call:
    """A tensor of ``shape`` and ``dtype`` placed in ``storage`` at ``offset``."""
    args = [
        storage,
        to_expr(offset),
        to_shape(shape),
        dtype_imm(dtype),
        to_expr(runtime_device_ind),
    ]
    return make_call("memory.alloc_tensor", args)


def _infer_kill(call: Call) -> StructInfo:
    return TupleStructInfo(())


register_op("memory.kill_storage", pure=False)(_infer_kill)
register_op("memory.kill_tensor", pure=False)(_infer_kill)


def kill_storage(storage: Expr) -> Call:
    """Free a storage block."""
    return make_call("memory.kill_storage", [storage])


def kill_tensor(tensor: Expr) -> Call:
    """Free a tensor."""
    return make_call("memory.kill_tensor", [tensor])


@register_op("memory.ensure_zero_offset")
def _infer_ensure_zero_offset(call: Call) -> StructInfo:
    return like(tensor_info(call, 0, "input"))


def ensure_zero_offset(data: Expr) -> Call:
    """``data``, copied if needed so that its element offset is zero."""
    return make_call("memory.ensure_zero_offset", [data])


@register_op("memory.view")
def _infer_view(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    shape_info = arg_info(call, 1)
    dtype = dtype_arg(call, 2)
    dtype = info.dtype if dtype == "void" else dtype
    if isinstance(shape_info, ShapeStructInfo):
        dims, ndim = shape_values(call, 1)
        return tensor(call.args[1] if dims is None else dims, dtype, ndim, info.vdevice)
    return like(info, dtype)


def view(
    data: Expr,
    shape: ShapeLike | None = None,
    dtype: str | Expr | None = None,
    relative_byte_offset: ExprLike | None = None,
) -> Call:
    """A view of ``data``'s memory with another shape, dtype or byte offset."""
    args = [
        data,
        tuple_expr([]) if shape is None else to_shape(shape),
        tuple_expr([]) if dtype is None else dtype_imm(dtype),
        tuple_expr([]) if relative_byte_offset is None else to_expr(relative_byte_offset),
    ]
    return make_call("memory.view", args)


__all__ = [
    "alloc_storage",
    "alloc_tensor",
    "ensure_zero_offset",
    "kill_storage",
    "kill_tensor",
    "view",
]
