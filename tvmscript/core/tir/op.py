"""Intrinsic operators: one interned `Op` per name, and calls to them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from tvmscript.core.ir.op import Op, get_op
from tvmscript.core.tir import arith
from tvmscript.core.tir.expr import Call


class CallEffectKind:
    """How a call interacts with state (TVM's CallEffectKind), as data for analyses."""

    EXPR_ANNOTATION: Final = 0
    PURE: Final = 1
    READ_STATE: Final = 2
    UPDATE_STATE: Final = 3
    OPAQUE: Final = 4
    SPECIAL_CALL_ARG: Final = 5
    CONTROL_JUMP: Final = 6


DTYPE_NOT_PRINTED: Final = 0
DTYPE_PRINTED_FIRST: Final = 1
DTYPE_PRINTED_LAST: Final = 2


@dataclass(frozen=True, slots=True)
class OpInfo:
    """What is known about an intrinsic: its TVMScript spelling, effect, dtype argument."""

    name: str
    script_name: str
    effect: int = CallEffectKind.PURE
    dtype_print: int = DTYPE_NOT_PRINTED
    """Where a call's result dtype is written among its arguments (``T.reinterpret("int32",
    x)``: first), as TVM's ``TScriptDtypePrintLocation``."""


OP_INFO: dict[str, OpInfo] = {}


def register_op(
    name: str,
    script_name: str | None = None,
    effect: int = CallEffectKind.PURE,
    dtype_print: int = DTYPE_NOT_PRINTED,
) -> Op:
    """Declare intrinsic ``name`` spelled ``T.script_name`` in TVMScript."""
    spelled = script_name if script_name is not None else name.rsplit(".", 1)[-1]
    OP_INFO[name] = OpInfo(name, spelled, effect, dtype_print)
    return get_op(name)


def op_info(op: Op) -> OpInfo:
    """What is registered for ``op`` (a default spelling when unregistered)."""
    if (info := OP_INFO.get(op.name)) is not None:
        return info
    return OpInfo(op.name, op.name.rsplit(".", 1)[-1], CallEffectKind.OPAQUE)


# The intrinsics of TVM 0.27 this project knows, by effect. The IR owns them: the printer
# and the analyses read their spellings without the builder.
_PURE_OPS: Final = (
    "exp",
    "exp2",
    "exp10",
    "log",
    "log2",
    "log10",
    "log1p",
    "sqrt",
    "rsqrt",
    "sigmoid",
    "tanh",
    "tan",
    "sin",
    "cos",
    "sinh",
    "cosh",
    "asin",
    "acos",
    "atan",
    "asinh",
    "acosh",
    "atanh",
    "erf",
    "atan2",
    "nextafter",
    "hypot",
    "copysign",
    "ldexp",
    "fabs",
    "floor",
    "ceil",
    "trunc",
    "round",
    "nearbyint",
    "isnan",
    "isfinite",
    "isinf",
    "popcount",
    "clz",
    "fma",
    "fmod",
    "pow",
    "bitwise_and",
    "bitwise_or",
    "bitwise_xor",
    "bitwise_not",
    "shift_left",
    "shift_right",
    "if_then_else",
    "reinterpret",
    "q_multiply_shift",
    "q_multiply_shift_per_axis",
    "vectorlow",
    "vectorhigh",
    "vectorcombine",
    "dp4a",
    "isnullptr",
    "address_of",
    "call_pure_extern",
    "call_llvm_pure_intrin",
    "undef",
    "get_active_lane_mask",
    "vscale",
    "ignore_loop_partition",
    "handle_add_byte_offset",
    "tvm_thread_invariant",
    "type_annotation",
    "lookup_param",
)
_OPAQUE_OPS: Final = (
    "call_extern",
    "call_llvm_intrin",
    "tvm_stack_alloca",
    "tvm_stack_make_shape",
    "tvm_stack_make_array",
    "tvm_storage_sync",
    "tvm_warp_shuffle",
    "tvm_warp_shuffle_up",
    "tvm_warp_shuffle_down",
    "tvm_warp_shuffle_xor",
    "tvm_warp_activemask",
    "tvm_thread_allreduce",
    "tvm_load_matrix_sync",
    "tvm_mma_sync",
    "tvm_bmma_sync",
    "tvm_fill_fragment",
    "tvm_store_matrix_sync",
    "tvm_global_barrier_kinit",
    "tvm_kernel_replace_point",
    "tvm_throw_last_error",
    "start_profile_intrinsic",
    "end_profile_intrinsic",
    "TVMBackendAllocWorkspace",
    "TVMBackendFreeWorkspace",
    "anylist_getitem",
    "anylist_resetitem",
    "anylist_setitem_call_packed",
    "anylist_setitem_call_cpacked",
    "masked_load",
    "masked_store",
    "thread_return",
)

# TVM name -> (TVMScript spelling, call effect). Data, not code: the printer and analyses read it.
OPS: Final[dict[str, tuple[str, int]]] = {
    **{f"tir.{n}": (n, CallEffectKind.PURE) for n in _PURE_OPS},
    **{f"tir.{n}": (n, CallEffectKind.OPAQUE) for n in _OPAQUE_OPS},
    "tir.tvm_call_packed": ("call_packed", CallEffectKind.OPAQUE),
    "tir.tvm_call_cpacked": ("call_cpacked", CallEffectKind.OPAQUE),
    "tir.tvm_call_packed_lowered": ("call_packed_lowered", CallEffectKind.OPAQUE),
    "tir.tvm_call_cpacked_lowered": ("call_cpacked_lowered", CallEffectKind.OPAQUE),
    "tir.tvm_struct_get": ("tvm_struct_get", CallEffectKind.READ_STATE),
    "tir.tvm_struct_set": ("tvm_struct_set", CallEffectKind.UPDATE_STATE),
    "tir.tvm_access_ptr": ("tvm_access_ptr", CallEffectKind.SPECIAL_CALL_ARG),
    "tir.tvm_tuple": ("tvm_tuple", CallEffectKind.EXPR_ANNOTATION),
    "tir.likely": ("likely", CallEffectKind.EXPR_ANNOTATION),
    "tir.assume": ("assume", CallEffectKind.PURE),
    "tir.ret": ("ret", CallEffectKind.CONTROL_JUMP),
}

_DTYPE_FIRST: Final = frozenset(
    {
        "call_extern", "call_pure_extern", "call_llvm_intrin", "call_llvm_pure_intrin",
        "reinterpret", "get_active_lane_mask", "masked_load", "vectorlow",
        "vectorhigh", "vectorcombine", "type_annotation", "ptx_ldg32",
    }
)  # fmt: skip
_DTYPE_LAST: Final = frozenset({"tvm_struct_get"})

for _name, (_script, _effect) in OPS.items():
    _base = _name.removeprefix("tir.")
    _where = DTYPE_PRINTED_FIRST if _base in _DTYPE_FIRST else DTYPE_NOT_PRINTED
    register_op(_name, _script, _effect, DTYPE_PRINTED_LAST if _base in _DTYPE_LAST else _where)
del _name, _script, _effect, _base, _where


def call_intrin(dtype: str, name: str, *args: object) -> Call:
    """``Call(dtype, Op(name), args)``; Python scalars become constants, strings `StringImm`."""
    return Call(dtype, get_op(name), tuple(_arg(a) for a in args))


def _arg(value: object) -> object:
    from tvmscript.core.tir.expr import StringImm

    if isinstance(value, str):
        return StringImm(value)
    if isinstance(value, (bool, int, float)):
        return arith.as_expr(value)
    return value


def is_op(e: object, name: str) -> bool:
    """Whether ``e`` is a call of intrinsic ``name``."""
    return isinstance(e, Call) and isinstance(e.op, Op) and e.op.name == name


# The device intrinsics register themselves (CUDA, PTX, NVSHMEM, Metal, NKI, ...).
from tvmscript.core.tir import device_ops as _device_ops  # noqa: E402

del _device_ops
