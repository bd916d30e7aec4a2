"""``T.metal``, ``T.webgpu``, ``T.nki``, ``T.ptx_legacy`` and ``T.s_tir``: backend intrinsics.

Table rows as in `tvmscript.script.ir_builder.tir.cuda`; a one-element buffer passed as a
shuffled value reads as its element, as in TVM.
"""

from __future__ import annotations

from typing import Any, Final

from tvmscript.script.ir_builder.tir.intrinsics import (
    IntrinsicSpec,
    dtype_of,
    namespace,
    scalar_of,
)

Spec = IntrinsicSpec
Args = dict[str, Any]


def _shuffle(lane: str) -> Any:
    def build(a: Args) -> tuple[str, list[Any]]:
        var = scalar_of(a["var"])
        return dtype_of(var), [var, a[lane]]

    return build


_M = "tirx.metal."
_METAL: Final = [
    Spec(
        "make_filled_simdgroup_matrix",
        "d, index, value, col=8, row=8",
        "tirx.make_filled_simdgroup_matrix",
        "void",
        "Fill simdgroup matrix ``index`` of ``d`` with ``value``.",
    ),
    Spec(
        "simd_shuffle",
        "var, lane",
        _M + "simd_shuffle",
        "",
        "``var`` from SIMD lane ``lane``.",
        _shuffle("lane"),
    ),
    Spec(
        "simd_shuffle_down",
        "var, delta",
        _M + "simd_shuffle_down",
        "",
        "``var`` from the lane ``delta`` above.",
        _shuffle("delta"),
    ),
    Spec(
        "simd_shuffle_up",
        "var, delta",
        _M + "simd_shuffle_up",
        "",
        "``var`` from the lane ``delta`` below.",
        _shuffle("delta"),
    ),
    Spec(
        "simdgroup_load",
        "d, index, ptr, stride, col=8, row=8, transpose_matrix=False",
        "tirx.simdgroup_load",
        "void",
        "Load simdgroup matrix ``index`` of ``d`` from ``ptr``.",
    ),
    Spec(
        "simdgroup_multiply_accumulate",
        "d, index_d, a, index_a, b, index_b, c, index_c",
        "tirx.simdgroup_multiply_accumulate",
        "void",
        "``d = a @ b + c`` on simdgroup matrices.",
    ),
    Spec(
        "simdgroup_store",
        "d, index, ptr, stride, col=8, row=8, transpose_matrix=False",
        "tirx.simdgroup_store",
        "void",
        "Store simdgroup matrix ``index`` of ``d`` to ``ptr``.",
    ),
]

_W = "tirx.webgpu."
_WEBGPU: Final = [
    Spec(
        "subgroup_shuffle",
        "var, lane",
        _W + "subgroup_shuffle",
        "",
        "``var`` from subgroup lane ``lane``.",
        _shuffle("lane"),
    ),
    Spec(
        "subgroup_shuffle_down",
        "var, delta",
        _W + "subgroup_shuffle_down",
        "",
        "``var`` from the lane ``delta`` above.",
        _shuffle("delta"),
    ),
    Spec(
        "subgroup_shuffle_up",
        "var, delta",
        _W + "subgroup_shuffle_up",
        "",
        "``var`` from the lane ``delta`` below.",
        _shuffle("delta"),
    ),
]

_K = "tirx.nki."
_NKI: Final = [
    Spec(
        "activation",
        "result, data, opcode, bias=0.0, scale=1.0",
        _K + "activation",
        "void",
        "``result = opcode(data * scale + bias)``.",
    ),
    Spec(
        "activation_reduce",
        "reduce_res, act_res, data, opcode, reduce_opcode, bias=0.0, scale=1.0",
        _K + "activation_reduce",
        "void",
        "An activation and a reduction of its result.",
    ),
    Spec(
        "affine_select",
        "result, pred, true_value, false_value",
        _K + "affine_select",
        "void",
        "Select by an affine predicate.",
    ),
    Spec("identity", "result, size", _K + "identity", "void", "An identity matrix of ``size``."),
    Spec(
        "load",
        "res, data",
        _K + "load",
        "void",
        "Load ``data`` from HBM into the SBUF tile ``res``.",
    ),
    Spec(
        "matmul",
        "res, lhs, rhs, accum=True",
        _K + "matmul",
        "void",
        "``res (+)= lhs @ rhs`` on the tensor engine.",
    ),
    Spec("memset", "result, value", _K + "memset", "void", "Fill ``result`` with ``value``."),
    Spec("reciprocal", "result, data", _K + "reciprocal", "void", "``result = 1 / data``."),
    Spec(
        "scalar_tensor_scalar",
        "result, data, operand0, operand1, opcode0, opcode1, reverse0=False, reverse1=False",
        _K + "scalar_tensor_scalar",
        "void",
        "Two scalar operations applied to a tensor.",
    ),
    Spec(
        "scalar_tensor_tensor",
        "result, data, operand0, operand1, opcode0, opcode1, reverse0=False, reverse1=False",
        _K + "scalar_tensor_tensor",
        "void",
        "A scalar then a tensor operation.",
    ),
    Spec(
        "store", "res, data", _K + "store", "void", "Store the SBUF tile ``data`` to HBM ``res``."
    ),
    Spec("tensor_copy", "res, data", _K + "tensor_copy", "void", "Copy a tile."),
    Spec(
        "tensorreduce",
        "result, data, opcode, negate, *axes",
        _K + "tensorreduce",
        "void",
        "Reduce ``data`` over ``axes``.",
    ),
    Spec(
        "tensorscalar",
        "result, operand0, operand1, opcode, reverse=False",
        _K + "tensorscalar",
        "void",
        "A tensor-scalar operation.",
    ),
    Spec(
        "tensorscalar_reduce",
        "reduce_res, tensorscalar_res, operand0, operand1, opcode, reduce_opcode, reverse=False",
        _K + "tensorscalar_reduce",
        "void",
        "A tensor-scalar operation and a reduction of its result.",
    ),
    Spec(
        "tensortensor",
        "result, operand0, operand1, opcode",
        _K + "tensortensor",
        "void",
        'An element-wise tensor-tensor operation (``opcode``: ``"add"``, ...).',
    ),
]


def _legacy_ldmatrix(a: Args) -> tuple[str, list[Any]]:
    args = list(a["all_args"])
    if len(args) == 8:
        dtype = args.pop(0)
    elif len(args) == 7:
        dtype = "int8"
    else:
        raise ValueError(f"T.ptx_legacy.ldmatrix takes 7 arguments, got {len(args)}")
    return dtype, args


def _legacy_mma(a: Args) -> tuple[str, list[Any]]:
    args = list(a["all_args"])
    if len(args) in (14, 15):
        args.pop(0)
    operator = a["operator"]
    if len(args) == 14:
        operator = args.pop()
    if len(args) != 13:
        raise ValueError(f"T.ptx_legacy.mma takes 13 arguments (and an operator), got {len(args)}")
    return "void", [*args, *(() if operator is None else (operator,))]


_PTX_LEGACY: Final = [
    Spec(
        "ldmatrix",
        "*all_args",
        "tirx.ptx_legacy.ldmatrix",
        "",
        "``ldmatrix`` in TVM's older argument order: trans, num, dtype, local_ptr, "
        "local_offset, smem_ptr, smem_offset.",
        _legacy_ldmatrix,
        True,
    ),
    Spec(
        "mma",
        "*all_args, operator=None",
        "tirx.ptx_legacy.mma",
        "",
        "``mma.sync`` in TVM's older argument order.",
        _legacy_mma,
        True,
    ),
]


def _ldg32(a: Args) -> tuple[str, list[Any]]:
    return dtype_of(a["reg"]), [a["reg"], a["guard"], scalar_of(a["addr"]), a["local_addr"]]


def _cp_async_raw(a: Args) -> tuple[str, list[Any]]:
    args = list(a["args"])
    if len(args) != 6 or not isinstance(args[0], str) or "dtype" in a["kwds"]:
        raise TypeError(
            "T.s_tir.cp_async_raw takes the printed form (elem_dtype, dst, dst_offset, src, "
            "src_offset, cp_size); write new copies with T.ptx.cp"
        )
    return args[0], args[1:]


_S_TIR: Final = [
    Spec(
        "cp_async_raw",
        "*args, **kwds",
        "tirx.s_tir.cp_async_raw",
        "",
        "The raw ``cp.async`` node an s_tir pass builds (printed form only).",
        _cp_async_raw,
    ),
    Spec(
        "ldg32",
        "reg, guard, addr, local_addr",
        "tirx.s_tir.ldg32",
        "",
        "The guarded 32-bit global load an s_tir pass builds.",
        _ldg32,
    ),
]

metal = namespace("T.metal", "Metal intrinsics (simdgroup matrices, SIMD shuffles).", _METAL)
webgpu = namespace("T.webgpu", "WebGPU subgroup shuffles.", _WEBGPU)
nki = namespace("T.nki", "AWS Trainium NKI instructions.", _NKI)
ptx_legacy = namespace("T.ptx_legacy", "PTX instructions in TVM's older spellings.", _PTX_LEGACY)
s_tir = namespace("T.s_tir", "Nodes the s_tir passes build (printed so IR round-trips).", _S_TIR)

__all__ = ["metal", "nki", "ptx_legacy", "s_tir", "webgpu"]
