"""Intrinsics TVM 0.27 added to ``T``: memory ops, kernel calls, loop control, ``T.Return``.

Masked and cooperative-tensor loads and stores, kernel calls, ``T.break_loop()``,
``T.static_assert``, ``T.filter``, ...

Each builds the call TVM builds (same operator, argument order and result dtype) so it prints
back as TVM prints it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

from tvmscript.core.ir.op import get_op
from tvmscript.core.tir import arith
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.expr import Call, IntImm, PointerType, PrimExpr, StringImm, Var
from tvmscript.core.tir.op import call_intrin
from tvmscript.core.tir.stmt import Evaluate
from tvmscript.script.ir_builder.tir.frames import add_stmt, current_span


def masked_load(dtype: str, buffer: Buffer, *indices_and_mask: Any) -> PrimExpr:
    """A vector load of ``buffer`` at the indices where the last argument (the mask) is true."""
    return call_intrin(dtype, "tir.masked_load", buffer, *indices_and_mask)


def masked_store(buffer: Buffer, value: PrimExpr, *indices_and_mask: Any) -> PrimExpr:
    """A vector store of ``value`` into ``buffer`` at the lanes the mask (last) enables."""
    return call_intrin("void", "tir.masked_store", buffer, value, *indices_and_mask)


def cooperative_tensor_fill(d: Any, index: Any, value: Any, rows: int, cols: int) -> PrimExpr:
    """Fill Metal cooperative tensor ``index`` of ``d`` (``rows`` x ``cols``) with ``value``."""
    return call_intrin("void", "tirx.cooperative_tensor_fill", d, index, value, rows, cols)


def cooperative_tensor_load(
    d: Any, index: Any, ptr: Any, stride: Any, rows: int, cols: int,
    transpose_matrix: bool = False, mma_M: int = 0, mma_N: int = 0, mma_K: int = 0,
    operand_role: int = 0,
) -> PrimExpr:  # fmt: skip
    """Load cooperative tensor ``index`` of ``d`` from ``ptr`` (row ``stride``)."""
    return call_intrin(
        "void", "tirx.cooperative_tensor_load", d, index, ptr, stride, rows, cols,
        transpose_matrix, mma_M, mma_N, mma_K, operand_role,
    )  # fmt: skip


def cooperative_tensor_store(
    d: Any, index: Any, ptr: Any, stride: Any, rows: int, cols: int,
    transpose_matrix: bool = False, mma_M: int = 0, mma_N: int = 0, mma_K: int = 0,
    operand_role: int = 0,
) -> PrimExpr:  # fmt: skip
    """Store cooperative tensor ``index`` of ``d`` to ``ptr`` (row ``stride``)."""
    return call_intrin(
        "void", "tirx.cooperative_tensor_store", d, index, ptr, stride, rows, cols,
        transpose_matrix, mma_M, mma_N, mma_K, operand_role,
    )  # fmt: skip


def cooperative_tensor_multiply_accumulate(
    d: Any, index_d: Any, a: Any, index_a: Any, b: Any, index_b: Any, c: Any, index_c: Any,
    M: int, N: int, K: int, transpose_a: bool = False, transpose_b: bool = False,
) -> PrimExpr:  # fmt: skip
    """``d = a @ b + c`` on Metal cooperative tensors (``M`` x ``N`` x ``K``)."""
    return call_intrin(
        "void", "tirx.cooperative_tensor_multiply_accumulate", d, index_d, a, index_a, b,
        index_b, c, index_c, M, N, K, transpose_a, transpose_b,
    )  # fmt: skip


def ptr_byte_offset(data: Var, byte_offset: Any, dtype: Any) -> PrimExpr:
    """The pointer ``data`` advanced by ``byte_offset`` bytes, pointing to ``dtype``."""
    elem = dtype if isinstance(dtype, str) else getattr(dtype, "dtype", str(dtype))
    ann = getattr(data, "type_annotation", None)
    scope = ann.storage_scope if isinstance(ann, PointerType) else "global"
    del scope  # the result is a plain handle; its type carries no scope here
    annotation = call_intrin(elem, "tir.type_annotation")
    return call_intrin("handle", "tirx.ptr_byte_offset", data, byte_offset, annotation)


def print_buffer(
    buffer_var: Var, dtype: Any, is_string: bool, is_scalar: bool, dim_num: int, *shape: Any
) -> PrimExpr:
    """Print the contents of a buffer at run time (a debugging aid)."""
    if len(shape) == 1 and isinstance(shape[0], list | tuple):
        shape = tuple(shape[0])
    elem = dtype if isinstance(dtype, str) else getattr(dtype, "dtype", str(dtype))
    return call_intrin(
        "void", "tirx.print_buffer", buffer_var, elem, is_string, is_scalar,
        IntImm("uint32", int(dim_num)), *shape,
    )  # fmt: skip


def q_multiply_shift_per_axis(
    x: Any, y: Any, ls: Any, rs: Any, q: Any, is_lshift_required: bool,
    is_rshift_required: bool,
) -> PrimExpr:  # fmt: skip
    """Fixed-point multiply with per-axis left and right shifts."""
    return call_intrin(
        arith.as_expr(x).dtype, "tir.q_multiply_shift_per_axis", x, y, ls, rs, q,
        is_lshift_required, is_rshift_required,
    )  # fmt: skip


_TYPE_SUFFIX: Final = re.compile(r"^(v\d+|nxv\d+)?(i|f|bf|p)\d+$")


def llvm_intrinsic_name(name: str) -> str:
    """``"llvm.sqrt.f32"`` -> ``"llvm.sqrt"``: LLVM's overloaded-type suffixes dropped."""
    parts = name.split(".")
    while len(parts) > 2 and _TYPE_SUFFIX.match(parts[-1]):
        parts.pop()
    return ".".join(parts)


def llvm_lookup_intrinsic_id(name: str) -> StringImm:
    """The LLVM intrinsic ``name`` as `call_llvm_intrin` takes it (by its base name)."""
    return StringImm(llvm_intrinsic_name(name))


def tensormap_encode_tiled(
    *args: Any,
    descriptor_dtype: str,
    rank: int,
    interleave: int = 0,
    swizzle: int = 0,
    l2_promotion: int = 0,
    oob_fill: int = 0,
    force_cu_dtype: int = -1,
) -> PrimExpr:
    """Encode a tiled TMA tensor map (descriptor, data pointer, then 4 * rank shape values)."""
    if not 1 <= rank <= 5 or len(args) != 4 * rank + 1:
        raise ValueError("T.tensormap_encode_tiled takes rank 1..5 and 4 * rank + 1 operands")
    attrs = {
        "descriptor_dtype": descriptor_dtype, "rank": rank, "interleave": interleave,
        "swizzle": swizzle, "l2_promotion": l2_promotion, "oob_fill": oob_fill,
        "force_cu_dtype": force_cu_dtype,
    }  # fmt: skip
    return _call_with_attrs("int32", "tirx.tensormap_encode_tiled", args, attrs)


def call_ffi_kernel(*args: Any, launch_params: Sequence[str], ret_ty: str = "int32") -> PrimExpr:
    """Call a compiled kernel: its symbol, operands, then the launch values."""
    return _call_with_attrs(
        ret_ty, "tirx.call_ffi_kernel", args, {"launch_params": list(launch_params)}
    )


def _call_with_attrs(dtype: str, op: str, args: Sequence[Any], attrs: Mapping[str, Any]) -> Call:
    values = call_intrin(dtype, op, *args).args
    return Call(dtype, get_op(op), values, dict(attrs), span=current_span())


def call_kernel(kernel: Any, launch_args: Any, *args: Any, **kwargs: Any) -> PrimExpr:
    """Call an external kernel (source text or a compiled module) with launch arguments."""
    del kwargs
    name = kernel if isinstance(kernel, str) else getattr(kernel, "__name__", "kernel")
    dims = launch_args if isinstance(launch_args, list | tuple) else [launch_args]
    flat: list[Any] = []
    for d in dims:
        flat.extend(d if isinstance(d, list | tuple) else [d])
    return call_intrin("int32", "tir.tvm_call_packed", name, *args, *flat)


def TensorMap() -> Var:
    """A fresh 128-byte TMA tensor-map descriptor variable."""
    return Var("tensormap", "handle", span=current_span())


def break_loop() -> None:
    """Leave the innermost loop (what Python's ``break`` means in a prim_func)."""
    add_stmt(Evaluate(call_intrin("void", "tirx.break_loop"), span=current_span()))


def continue_loop() -> None:
    """Go on with the next iteration of the innermost loop (Python's ``continue``)."""
    add_stmt(Evaluate(call_intrin("void", "tirx.continue_loop"), span=current_span()))


def Return(value: PrimExpr | int | float | bool) -> None:
    """Return ``value`` from the prim_func (what ``return value`` means)."""
    expr = arith.as_expr(value)
    add_stmt(Evaluate(call_intrin(expr.dtype, "tir.ret", expr), span=current_span()))


def static_assert(x: Any, message: str = "") -> None:
    """Check ``x`` while parsing (a constant condition); a false one is an error there."""
    if isinstance(x, PrimExpr) and not isinstance(x, IntImm):
        raise ValueError("T.static_assert needs a condition known while parsing")
    if not bool(getattr(x, "value", x)):
        raise ValueError(message or "static assertion failed")


def filter(var: Var, pred: Any) -> PrimExpr:
    """``var`` restricted to the values where ``pred`` holds (an iteration filter)."""
    return call_intrin(var.dtype, "tirx.filter", var, pred)


def selector(var: Var, pred: Any) -> PrimExpr:
    """``var`` selected where ``pred`` holds (an iteration selector)."""
    return call_intrin(var.dtype, "tirx.selector", var, pred)


__all__ = [
    "Return",
    "TensorMap",
    "break_loop",
    "call_ffi_kernel",
    "call_kernel",
    "continue_loop",
    "cooperative_tensor_fill",
    "cooperative_tensor_load",
    "cooperative_tensor_multiply_accumulate",
    "cooperative_tensor_store",
    "filter",
    "llvm_lookup_intrinsic_id",
    "masked_load",
    "masked_store",
    "print_buffer",
    "ptr_byte_offset",
    "q_multiply_shift_per_axis",
    "selector",
    "static_assert",
    "tensormap_encode_tiled",
]
