"""``R.builtin``: VM-level allocation and the parameter-lifting marker."""

from __future__ import annotations

from tvmscript.core.relax.expr import Call, DataTypeImm, Expr
from tvmscript.core.relax.op._common import (
    ExprLike,
    ShapeLike,
    shape_values,
    tensor,
    to_expr,
    to_shape,
)
from tvmscript.core.relax.op.misc import stop_lift_params
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import ObjectStructInfo, StructInfo


def dtype_arg(call: Call, index: int) -> str:
    """The dtype named by a `DataTypeImm` argument (``"void"`` otherwise)."""
    value = call.args[index]
    return value.value if isinstance(value, DataTypeImm) else "void"


def dtype_imm(dtype: str | Expr) -> Expr:
    """A dtype argument as a `DataTypeImm`."""
    if isinstance(dtype, Expr):
        return dtype
    return DataTypeImm(str(dtype), struct_info=ObjectStructInfo())


@register_op("builtin.alloc_tensor")
def _infer_alloc_tensor(call: Call) -> StructInfo:
    dims, ndim = shape_values(call, 0)
    return tensor(call.args[0] if dims is None else dims, dtype_arg(call, 1), ndim)


def alloc_tensor(
    shape: ShapeLike,
    dtype: str | Expr,
    runtime_device_index: ExprLike,
    storage_scope: str = "global",
) -> Call:
    """A new tensor of ``shape`` and ``dtype`` on the given device."""
    args = [
        to_shape(shape),
        dtype_imm(dtype),
        to_expr(runtime_device_index),
        to_expr(storage_scope),
    ]
    return make_call("builtin.alloc_tensor", args)


__all__ = ["alloc_tensor", "stop_lift_params"]
