"""Values and effects: literals, ``R.print``/``R.assert_op``, devices, ``R.ewise_fma``, ``R.clip``.

Also ``R.const``/``R.shape``/``R.str``/``R.dtype``/``R.tuple`` and ``R.stop_lift_params``.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from tvmscript.core.ir.global_info import VDevice
from tvmscript.core.relax.expr import (
    Call,
    Constant,
    DataTypeImm,
    Expr,
    PrimValue,
    ShapeExpr,
    StringImm,
    Tuple,
)
from tvmscript.core.relax.op import _common as C
from tvmscript.core.relax.op._common import ExprLike, fail, like, tensor_info
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import (
    ObjectStructInfo,
    PrimStructInfo,
    StructInfo,
    TensorStructInfo,
    TupleStructInfo,
)
from tvmscript.core.tir import expr as E

# ---------------------------------------------------------------------------------------------
# Literals


def const(value: object, dtype: builtins.str | None = None) -> Constant:
    """A constant tensor (Python floats default to float32, ints to int32)."""
    return C.constant(value, dtype)


def shape(value: Sequence[C.Dim]) -> ShapeExpr:
    """A shape value ``R.shape([n, 4])``."""
    return C.shape_expr(list(value))


def prim_value(value: E.PrimExpr | int | float) -> PrimValue:
    """A TIR scalar as a Relax value (ints are int64, floats float64)."""
    return C.prim_value(value)


def str(value: builtins.str) -> StringImm:
    """A string value."""
    return StringImm(value, struct_info=ObjectStructInfo())


def dtype(value: builtins.str) -> DataTypeImm:
    """A data type value (``R.dtype("float32")``)."""
    return DataTypeImm(builtins.str(value), struct_info=ObjectStructInfo())


def tuple(*fields: Expr) -> Tuple:
    """A tuple of values (``R.tuple()`` is the empty tuple)."""
    return C.tuple_expr(list(fields))


@register_op("null_value")
def _infer_null_value(call: Call) -> StructInfo:
    return ObjectStructInfo()


def null_value() -> Call:
    """The null object."""
    return make_call("null_value", [])


# ---------------------------------------------------------------------------------------------
# Effects


def _infer_void(call: Call) -> StructInfo:
    return TupleStructInfo(())


register_op("print", pure=False)(_infer_void)


def _format_string(format: builtins.str | StringImm) -> StringImm:
    return format if isinstance(format, StringImm) else str(format)


def print(*values: Expr, format: builtins.str | StringImm = "") -> Call:
    """Print ``values`` with a Python format string at run time (impure)."""
    return make_call("print", [_format_string(format), *(C.to_expr(v) for v in values)])


@register_op("assert_op", pure=False)
def _infer_assert(call: Call) -> StructInfo:
    info = C.arg_info(call, 0)
    dtype_ = getattr(info, "dtype", "void")
    scalar = isinstance(info, PrimStructInfo) or (
        isinstance(info, TensorStructInfo) and info.ndim in (-1, 0)
    )
    if not scalar or dtype_ not in ("bool", "void"):
        raise fail(f"R.assert_op expects a boolean scalar condition, got {sinfo_text(info)}")
    return TupleStructInfo(())


def assert_op(
    condition: ExprLike,
    format_args: Expr | list[Expr] | None = None,
    format: builtins.str | StringImm = "",
) -> Call:
    """Fail at run time with the formatted message unless ``condition`` holds (impure)."""
    if format_args is None:
        rest: list[Expr] = []
    elif isinstance(format_args, Expr):
        rest = [format_args]
    else:
        rest = list(format_args)
    return make_call("assert_op", [C.to_expr(condition), _format_string(format), *rest])


# ---------------------------------------------------------------------------------------------
# Devices


@dataclass(frozen=True, slots=True)
class Device:
    """A run-time device: its type code and index (``R.cuda(0)``)."""

    device_type: int
    index: int = 0

    def __repr__(self) -> builtins.str:
        return f"{_DEVICE_NAMES.get(self.device_type, 'ext_dev')}:{self.index}"


DEVICE_TYPES: Final = {
    "cpu": 1,
    "cuda": 2,
    "opencl": 4,
    "vulkan": 7,
    "metal": 8,
    "vpi": 9,
    "rocm": 10,
    "ext_dev": 12,
    "hexagon": 14,
    "webgpu": 15,
}
_DEVICE_NAMES: Final = {code: name for name, code in DEVICE_TYPES.items()}


def device(device_type: int | builtins.str, index: int | None = None) -> Device:
    """A device from its type (code or name, ``"cuda:1"``) and index."""
    if isinstance(device_type, builtins.str):
        name, _, idx = device_type.partition(":")
        if name not in DEVICE_TYPES:
            raise ValueError(f"unknown device type {name!r}")
        return Device(DEVICE_TYPES[name], int(idx) if idx else (index or 0))
    return Device(int(device_type), index or 0)


def cpu(dev_id: int = 0) -> Device:
    """The CPU device ``dev_id``."""
    return Device(DEVICE_TYPES["cpu"], dev_id)


def cuda(dev_id: int = 0) -> Device:
    """The CUDA GPU ``dev_id``."""
    return Device(DEVICE_TYPES["cuda"], dev_id)


def opencl(dev_id: int = 0) -> Device:
    """The OpenCL device ``dev_id``."""
    return Device(DEVICE_TYPES["opencl"], dev_id)


def vulkan(dev_id: int = 0) -> Device:
    """The Vulkan device ``dev_id``."""
    return Device(DEVICE_TYPES["vulkan"], dev_id)


def metal(dev_id: int = 0) -> Device:
    """The Metal device ``dev_id``."""
    return Device(DEVICE_TYPES["metal"], dev_id)


def vpi(dev_id: int = 0) -> Device:
    """The VPI simulator device ``dev_id``."""
    return Device(DEVICE_TYPES["vpi"], dev_id)


def rocm(dev_id: int = 0) -> Device:
    """The ROCm GPU ``dev_id``."""
    return Device(DEVICE_TYPES["rocm"], dev_id)


def ext_dev(dev_id: int = 0) -> Device:
    """The external accelerator ``dev_id``."""
    return Device(DEVICE_TYPES["ext_dev"], dev_id)


def hexagon(dev_id: int = 0) -> Device:
    """The Hexagon DSP ``dev_id``."""
    return Device(DEVICE_TYPES["hexagon"], dev_id)


def webgpu(dev_id: int = 0) -> Device:
    """The WebGPU device ``dev_id``."""
    return Device(DEVICE_TYPES["webgpu"], dev_id)


@register_op("to_vdevice")
def _infer_to_vdevice(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    return TensorStructInfo(info.shape, info.dtype, info.ndim, call.attrs["dst_vdevice"])


def to_vdevice(data: Expr, dst_vdevice: VDevice) -> Call:
    """``data`` copied to the virtual device ``dst_vdevice``."""
    return make_call("to_vdevice", [data], {"dst_vdevice": dst_vdevice})


@register_op("hint_on_device")
def _infer_hint_on_device(call: Call) -> StructInfo:
    return C.arg_info(call, 0)


def hint_on_device(data: Expr, dst_vdevice: Device, memory_scope: builtins.str = "global") -> Call:
    """``data``, with a hint that it should live on ``dst_vdevice``."""
    attrs = {
        "device_type": dst_vdevice.device_type,
        "index": dst_vdevice.index,
        "memory_scope": memory_scope,
    }
    return make_call("hint_on_device", [data], attrs)


# ---------------------------------------------------------------------------------------------
# Element-wise helpers


@register_op("ewise_fma")
def _infer_ewise_fma(call: Call) -> StructInfo:
    infos = [tensor_info(call, i, f"operand {i}") for i in range(3)]
    known = [i for i in infos if not i.is_unknown_ndim]
    if any(i.ndim != known[0].ndim for i in known):
        raise fail(
            "R.ewise_fma expects operands of one rank, got "
            + ", ".join(sinfo_text(i) for i in infos),
            "rank-mismatch",
        )
    dtypes = {i.dtype for i in infos if i.dtype != "void"}
    if len(dtypes) > 1:
        raise fail(
            "R.ewise_fma expects operands of one dtype, got "
            + ", ".join(sinfo_text(i) for i in infos),
            "dtype-mismatch",
        )
    first = infos[0]
    shapes = [i.shape_values for i in infos]
    if all(s is not None for s in shapes):
        ref = shapes[0]
        assert ref is not None
        for other in shapes[1:]:
            assert other is not None
            if any(C.differ(a, b) for a, b in zip(ref, other, strict=True)):
                raise fail(
                    "R.ewise_fma expects operands of one shape, got "
                    + ", ".join(sinfo_text(i) for i in infos),
                    "shape-mismatch",
                )
    return like(first)


def ewise_fma(x1: Expr, x2: Expr, x3: Expr) -> Call:
    """``x1 * x2 + x3`` element-wise (operands of one shape)."""
    return make_call("ewise_fma", [x1, x2, x3])


@register_op("clip")
def _infer_clip(call: Call) -> StructInfo:
    return like(tensor_info(call, 0, "input"))


def clip(x: Expr, min: ExprLike, max: ExprLike) -> Call:
    """``x`` with each element clamped into ``[min, max]``."""
    return make_call("clip", [x, C.to_expr(min), C.to_expr(max)])


@register_op("builtin.stop_lift_params")
def _infer_stop_lift_params(call: Call) -> StructInfo:
    return C.arg_info(call, 0)


def stop_lift_params(x: Expr) -> Call:
    """``x``, marking where parameter lifting stops."""
    return make_call("builtin.stop_lift_params", [x])


__all__ = [
    "Device",
    "assert_op",
    "clip",
    "const",
    "cpu",
    "cuda",
    "device",
    "dtype",
    "ewise_fma",
    "ext_dev",
    "hexagon",
    "hint_on_device",
    "metal",
    "null_value",
    "opencl",
    "prim_value",
    "print",
    "rocm",
    "shape",
    "stop_lift_params",
    "str",
    "to_vdevice",
    "tuple",
    "vpi",
    "vulkan",
    "webgpu",
]
