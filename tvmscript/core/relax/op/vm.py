"""``R.vm``: the virtual machine's allocation and call instructions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import (
    ExprLike,
    ShapeLike,
    shape_values,
    tensor,
    to_expr,
    to_shape,
    to_tuple,
    with_info,
)
from tvmscript.core.relax.op.builtin import dtype_arg, dtype_imm
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import ObjectStructInfo, StructInfo, TupleStructInfo
from tvmscript.core.tir import expr as E

_ZERO: Final = E.IntImm("int64", 0)


@register_op("vm.alloc_storage")
def _infer_alloc_storage(call: Call) -> StructInfo:
    return ObjectStructInfo()


def alloc_storage(
    shape: ShapeLike,
    runtime_device_index: ExprLike,
    dtype: str | Expr,
    storage_scope: str = "global",
) -> Call:
    """A VM storage block of ``shape`` (in elements of ``dtype``) on a device."""
    args = [
        to_shape(shape),
        dtype_imm(dtype),
        to_expr(runtime_device_index),
        to_expr(storage_scope),
    ]
    return make_call("vm.alloc_storage", args)


@register_op("vm.alloc_tensor")
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
    """A tensor of ``shape`` and ``dtype`` placed in a VM storage block at ``offset``."""
    args = [
        storage,
        to_expr(offset),
        to_shape(shape),
        dtype_imm(dtype),
        to_expr(runtime_device_ind),
    ]
    return make_call("vm.alloc_tensor", args)


@register_op("vm.call_tir_dyn", pure=False, partial=True)
def _infer_call_tir_dyn(call: Call) -> StructInfo:
    return TupleStructInfo(())


def call_tir_dyn(func: Expr, args: Expr | Sequence[Expr]) -> Call:
    """A call of a PrimFunc whose last argument is the shape of its symbolic variables."""
    return make_call("vm.call_tir_dyn", [with_info(func), to_tuple(args)])


@register_op("vm.kill_object", pure=False)
def _infer_kill_object(call: Call) -> StructInfo:
    return TupleStructInfo(())


def kill_object(obj: Expr) -> Call:
    """Release ``obj``."""
    return make_call("vm.kill_object", [obj])


__all__ = ["alloc_storage", "alloc_tensor", "call_tir_dyn", "kill_object"]
