"""The device intrinsics of TVM 0.27's TIRx (CUDA, PTX, NVSHMEM, Metal, WebGPU, NKI, ...).

Data, not code: each operator's name, its TVMScript spelling (``cuda.warp_reduce`` prints as
``T.cuda.warp_reduce``) and its call effect. `tvmscript.core.tir.op` registers them; the
builder's namespaces (`tvmscript.script.ir_builder.tir.cuda`, ...) build calls of them.
"""

from __future__ import annotations

from typing import Final

from tvmscript.core.tir.op import CallEffectKind as K
from tvmscript.core.tir.op import register_op

_SAME_NAME: Final[dict[str, int]] = {  # TVMScript spelling = the name without "tirx."
    "tirx.atomic_add": K.OPAQUE,
    "tirx.break_loop": K.CONTROL_JUMP,
    "tirx.buffer_data": K.PURE,
    "tirx.buffer_offset": K.PURE,
    "tirx.call_ffi_kernel": K.OPAQUE,
    "tirx.call_spirv_pure_glsl450": K.PURE,
    "tirx.continue_loop": K.CONTROL_JUMP,
    "tirx.cooperative_tensor_fill": K.OPAQUE,
    "tirx.cooperative_tensor_load": K.OPAQUE,
    "tirx.cooperative_tensor_multiply_accumulate": K.OPAQUE,
    "tirx.cooperative_tensor_store": K.OPAQUE,
    "tirx.cuda.__activemask": K.PURE,
    "tirx.cuda.__shfl_down_sync": K.OPAQUE,
    "tirx.cuda.__shfl_sync": K.OPAQUE,
    "tirx.cuda.__shfl_up_sync": K.OPAQUE,
    "tirx.cuda.__shfl_xor_sync": K.OPAQUE,
    "tirx.cuda.any_sync": K.PURE,
    "tirx.cuda.atomic_add": K.OPAQUE,
    "tirx.cuda.atomic_cas": K.OPAQUE,
    "tirx.cuda.ballot_sync": K.OPAQUE,
    "tirx.cuda.bfloat1622float2": K.OPAQUE,
    "tirx.cuda.bfloat162float": K.OPAQUE,
    "tirx.cuda.clock64": K.OPAQUE,
    "tirx.cuda.cluster_sync": K.OPAQUE,
    "tirx.cuda.cta_reduce": K.OPAQUE,
    "tirx.cuda.cta_sync": K.OPAQUE,
    "tirx.cuda.cvta_generic_to_shared": K.OPAQUE,
    "tirx.cuda.elect_sync": K.OPAQUE,
    "tirx.cuda.fadd2_rn": K.OPAQUE,
    "tirx.cuda.fdividef": K.PURE,
    "tirx.cuda.ffs_u32": K.OPAQUE,
    "tirx.cuda.float22bfloat162_rn": K.OPAQUE,
    "tirx.cuda.float22bfloat162_rn_from_float2": K.OPAQUE,
    "tirx.cuda.float22half2": K.OPAQUE,
    "tirx.cuda.float2_x": K.OPAQUE,
    "tirx.cuda.float2_y": K.OPAQUE,
    "tirx.cuda.float8tohalf8": K.OPAQUE,
    "tirx.cuda.float_as_uint": K.OPAQUE,
    "tirx.cuda.fmul2_rn": K.OPAQUE,
    "tirx.cuda.fp8x4_e4m3_from_float4": K.OPAQUE,
    "tirx.cuda.func_call": K.OPAQUE,
    "tirx.cuda.get_tmem_addr": K.OPAQUE,
    "tirx.cuda.grid_sync": K.OPAQUE,
    "tirx.cuda.half2float": K.OPAQUE,
    "tirx.cuda.half8tofloat8": K.OPAQUE,
    "tirx.cuda.hmax2": K.OPAQUE,
    "tirx.cuda.hmin2": K.OPAQUE,
    "tirx.cuda.ldg": K.OPAQUE,
    "tirx.cuda.make_float2": K.OPAQUE,
    "tirx.cuda.mbarrier_wait": K.OPAQUE,
    "tirx.cuda.mbarrier_wait_acquire_cluster": K.OPAQUE,
    "tirx.cuda.mov_sreg": K.PURE,
    "tirx.cuda.nano_sleep": K.OPAQUE,
    "tirx.cuda.printf": K.OPAQUE,
    "tirx.cuda.reduce_add_sync_u32": K.OPAQUE,
    "tirx.cuda.reduce_min_sync_u32": K.OPAQUE,
    "tirx.cuda.runtime_instr_desc": K.OPAQUE,
    "tirx.cuda.sm100_2sm_leader_smem_addr": K.OPAQUE,
    "tirx.cuda.smem_addr_from_uint64": K.OPAQUE,
    "tirx.cuda.syncthreads_and": K.OPAQUE,
    "tirx.cuda.syncthreads_or": K.OPAQUE,
    "tirx.cuda.thread_fence": K.OPAQUE,
    "tirx.cuda.thread_rank": K.PURE,
    "tirx.cuda.trap_when_assert_failed": K.OPAQUE,
    "tirx.cuda.uint_as_float": K.OPAQUE,
    "tirx.cuda.wait_until": K.OPAQUE,
    "tirx.cuda.warp_reduce": K.OPAQUE,
    "tirx.cuda.warp_sync": K.OPAQUE,
    "tirx.cuda.warpgroup_sync": K.OPAQUE,
    "tirx.dma_copy": K.OPAQUE,
    "tirx.dma_end_group": K.OPAQUE,
    "tirx.dma_start_group": K.OPAQUE,
    "tirx.dma_wait": K.OPAQUE,
    "tirx.filter": K.PURE,
    "tirx.metal.simd_shuffle": K.OPAQUE,
    "tirx.metal.simd_shuffle_down": K.OPAQUE,
    "tirx.metal.simd_shuffle_up": K.OPAQUE,
    "tirx.nd_mem_alloc_with_scope": K.OPAQUE,
    "tirx.nki.activation": K.OPAQUE,
    "tirx.nki.activation_reduce": K.OPAQUE,
    "tirx.nki.affine_select": K.OPAQUE,
    "tirx.nki.identity": K.OPAQUE,
    "tirx.nki.load": K.OPAQUE,
    "tirx.nki.matmul": K.OPAQUE,
    "tirx.nki.memset": K.OPAQUE,
    "tirx.nki.reciprocal": K.OPAQUE,
    "tirx.nki.scalar_tensor_scalar": K.OPAQUE,
    "tirx.nki.scalar_tensor_tensor": K.OPAQUE,
    "tirx.nki.store": K.OPAQUE,
    "tirx.nki.tensor_copy": K.OPAQUE,
    "tirx.nki.tensorreduce": K.OPAQUE,
    "tirx.nki.tensorscalar": K.OPAQUE,
    "tirx.nki.tensorscalar_reduce": K.OPAQUE,
    "tirx.nki.tensortensor": K.OPAQUE,
    "tirx.nvshmem.barrier_all": K.OPAQUE,
    "tirx.nvshmem.fence": K.OPAQUE,
    "tirx.nvshmem.getmem_nbi": K.OPAQUE,
    "tirx.nvshmem.my_pe": K.OPAQUE,
    "tirx.nvshmem.n_pes": K.OPAQUE,
    "tirx.nvshmem.putmem_nbi": K.OPAQUE,
    "tirx.nvshmem.putmem_signal_nbi": K.OPAQUE,
    "tirx.nvshmem.quiet": K.OPAQUE,
    "tirx.nvshmem.signal_op": K.OPAQUE,
    "tirx.nvshmem.wait_until": K.OPAQUE,
    "tirx.prefetch": K.OPAQUE,
    "tirx.print_buffer": K.OPAQUE,
    "tirx.ptr_byte_offset": K.PURE,
    "tirx.ptx_legacy.ldmatrix": K.OPAQUE,
    "tirx.ptx_legacy.mma": K.OPAQUE,
    "tirx.s_tir.cp_async_raw": K.OPAQUE,
    "tirx.s_tir.ldg32": K.PURE,
    "tirx.selector": K.OPAQUE,
    "tirx.tensormap_encode_tiled": K.OPAQUE,
    "tirx.texture2d_load": K.OPAQUE,
    "tirx.texture2d_store": K.OPAQUE,
    "tirx.tvm_call_trace_packed": K.OPAQUE,
    "tirx.tvm_call_trace_packed_lowered": K.OPAQUE,
    "tirx.tvm_context_id": K.READ_STATE,
    "tirx.tvm_static_handle": K.SPECIAL_CALL_ARG,
    "tirx.webgpu.subgroup_shuffle": K.OPAQUE,
    "tirx.webgpu.subgroup_shuffle_down": K.OPAQUE,
    "tirx.webgpu.subgroup_shuffle_up": K.OPAQUE,
}
_RENAMED: Final[dict[str, tuple[str, int]]] = {
    "tirx.cuda.iket_mark": ("cuda.iket.mark", K.OPAQUE),
    "tirx.cuda.iket_official_event": ("cuda.iket.official_event", K.OPAQUE),
    "tirx.cuda.iket_range_end": ("cuda.iket.range_end", K.OPAQUE),
    "tirx.cuda.iket_range_pop": ("cuda.iket.range_pop", K.OPAQUE),
    "tirx.cuda.iket_range_push": ("cuda.iket.range_push", K.OPAQUE),
    "tirx.cuda.iket_range_start": ("cuda.iket.range_start", K.OPAQUE),
    "tirx.cuda.iket_sentinel_token": ("cuda.iket.sentinel_token", K.OPAQUE),
    "tirx.cuda.tcgen05_encode_instr_descriptor": ("cuda.tcgen05.encode_instr_descriptor", K.OPAQUE),
    "tirx.cuda.tcgen05_encode_instr_descriptor_block_scaled": (
        "cuda.tcgen05.encode_instr_descriptor_block_scaled",
        K.OPAQUE,
    ),
    "tirx.cuda.tcgen05_encode_matrix_descriptor": (
        "cuda.tcgen05.encode_matrix_descriptor",
        K.OPAQUE,
    ),
    "tirx.cuda.wgmma_encode_matrix_descriptor": ("cuda.wgmma.encode_matrix_descriptor", K.OPAQUE),
    "tirx.cuda.wgmma_noop_barrier": ("cuda.wgmma.noop_barrier", K.OPAQUE),
    "tirx.make_filled_simdgroup_matrix": ("metal.make_filled_simdgroup_matrix", K.OPAQUE),
    "tirx.mma_fill": ("cuda.mma_fill", K.OPAQUE),
    "tirx.mma_fill_legacy": ("cuda.mma_fill_legacy", K.OPAQUE),
    "tirx.mma_store": ("cuda.mma_store", K.OPAQUE),
    "tirx.mma_store_legacy": ("cuda.mma_store_legacy", K.OPAQUE),
    "tirx.nvshmem.getmem_nbi_block": ("nvshmem.getmem_nbi.block", K.OPAQUE),
    "tirx.nvshmem.getmem_nbi_warp": ("nvshmem.getmem_nbi.warp", K.OPAQUE),
    "tirx.nvshmem.putmem_nbi_block": ("nvshmem.putmem_nbi.block", K.OPAQUE),
    "tirx.nvshmem.putmem_nbi_warp": ("nvshmem.putmem_nbi.warp", K.OPAQUE),
    "tirx.nvshmem.putmem_signal_nbi_block": ("nvshmem.putmem_signal_nbi.block", K.OPAQUE),
    "tirx.nvshmem.putmem_signal_nbi_warp": ("nvshmem.putmem_signal_nbi.warp", K.OPAQUE),
    "tirx.simdgroup_load": ("metal.simdgroup_load", K.OPAQUE),
    "tirx.simdgroup_multiply_accumulate": ("metal.simdgroup_multiply_accumulate", K.OPAQUE),
    "tirx.simdgroup_store": ("metal.simdgroup_store", K.OPAQUE),
    "tirx.timer_end_cuda": ("cuda.timer_end", K.OPAQUE),
    "tirx.timer_finalize_cuda": ("cuda.timer_finalize", K.OPAQUE),
    "tirx.timer_init_cuda": ("cuda.timer_init", K.OPAQUE),
    "tirx.timer_start_cuda": ("cuda.timer_start", K.OPAQUE),
}


PTX_FAMILIES: Final = (
    "abs", "activemask", "add", "and", "applypriority", "atom", "bar", "barrier", "bfe", "bfi",
    "bfind", "bmsk", "brev", "clmad", "clusterlaunchcontrol", "clz", "cnot", "copysign", "cos",
    "cp", "createpolicy", "cvt", "cvt_pack", "cvta", "discard", "div", "dp2a", "dp4a",
    "elect_sync", "ex2", "fabric", "fence", "fma", "fns", "getctarank", "griddepcontrol",
    "isspacep", "ld", "ldmatrix", "ldu", "lg2", "lop3", "mad", "mad24", "mapa", "match", "max",
    "mbarrier", "min", "mma", "mov", "movmatrix", "mul", "mul24", "multimem_cp",
    "multimem_ld_reduce", "multimem_red", "multimem_red_async", "multimem_st",
    "multimem_st_async", "neg", "not", "or", "popc", "prefetch", "prefetchu", "prmt", "rcp",
    "red", "red_async", "redux_sync", "rem", "rsqrt", "sad", "selp", "set", "setmaxnreg",
    "setp", "shf", "shfl_sync", "shl", "shr", "sin", "slct", "spcompress", "spdecompress",
    "sqrt", "st", "st_async", "st_bulk", "stmatrix", "sub", "szext", "tanh", "tcgen05",
    "tensormap_cp_fenceproxy", "tensormap_replace", "testp", "vote_sync", "wgmma", "xor",
)  # fmt: skip
"""The PTX instruction families of ``T.ptx`` (the first token of an attribute chain)."""


def ptx_op_name(family: str) -> str:
    """The operator of a ``T.ptx.<family>`` call."""
    return f"tirx.ptx.{family}"


def ptx_script_name(family: str) -> str:
    """How a ``T.ptx`` family is spelled: Python keywords get a trailing ``_`` (``and_``)."""
    return f"ptx.{family}_" if family in ("and", "or", "not") else f"ptx.{family}"


_DTYPE_FIRST: Final = frozenset({"tirx.mma_fill", "tirx.mma_store", "tirx.s_tir.cp_async_raw"})
"""Calls that print their result dtype as the first argument (``T.cuda.mma_store("float16",
...)``)."""

for _name, _effect in _SAME_NAME.items():
    register_op(_name, _name.removeprefix("tirx."), _effect, _name in _DTYPE_FIRST)
for _name, (_script, _effect) in _RENAMED.items():
    register_op(_name, _script, _effect, _name in _DTYPE_FIRST)
for _family in PTX_FAMILIES:
    register_op(ptx_op_name(_family), ptx_script_name(_family), K.OPAQUE)
register_op("tirx.ptx.addr", "ptx.addr", K.PURE)
del _name, _effect, _script, _family
