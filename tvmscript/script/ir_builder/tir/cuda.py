"""``T.cuda`` and ``T.nvshmem``: CUDA device intrinsics and NVSHMEM calls of TVM 0.27.

Each is a table row (`IntrinsicSpec`): TVM's parameters, the operator, the result dtype and
what it does. Calls print back as ``T.cuda.<name>(...)``; a few names are shorthands TVM
expands (``T.cuda.warp_sum(v)`` is ``T.cuda.warp_reduce(v, "sum", 32)``).
"""

from __future__ import annotations

from typing import Any, Final

from tvmscript.core.tir import arith
from tvmscript.core.tir.expr import IntImm
from tvmscript.core.tir.op import call_intrin
from tvmscript.script.ir_builder.tir.intrinsics import (
    IntrinsicSpec,
    dtype_of,
    namespace,
    scalar_of,
)

Spec = IntrinsicSpec
Args = dict[str, Any]


def _reduce(name: str, extra: tuple[str, ...]) -> Any:
    def build(a: Args) -> tuple[str, list[Any]]:
        value = scalar_of(a["value"])
        return dtype_of(value), [value, name, *(a[k] for k in extra)]

    return build


def _shuffle(lane: str) -> Any:
    def build(a: Args) -> tuple[str, list[Any]]:
        var = scalar_of(a["var"])
        return dtype_of(var), [a["mask"], var, a[lane], a["width"]]

    return build


def _optional_last(dtype: str, *names: str) -> Any:
    """Arguments ``names`` in order, the last left out when it is None (``payload``)."""

    def build(a: Args) -> tuple[str, list[Any]]:
        values = [a[n] for n in names]
        if values and values[-1] is None:
            values.pop()
        return dtype, values

    return build


def _func_call(a: Args) -> tuple[str, list[Any]]:
    lazy = tuple(a["lazy_args"])
    if any(isinstance(i, bool) or not isinstance(i, int) for i in lazy):
        raise TypeError("T.cuda.func_call lazy_args must be integer argument indices")
    if any(i < 0 or i >= len(a["args"]) for i in lazy):
        raise ValueError("T.cuda.func_call lazy_args index is out of range")
    return a["return_type"], [a["func_name"], *a["args"], a["source_code"]]


def _ldg(a: Args) -> tuple[str, list[Any]]:
    dst, vec, dtype, addr = a["dst"], a["vec"], a["dtype"], a["addr"]
    if dst is None:
        if vec:
            raise ValueError("a vector T.cuda.ldg needs dst")
        return dtype, [addr, dtype]
    if vec not in ("v2", "v4"):
        raise ValueError(f"a vector T.cuda.ldg takes vec='v2' or 'v4', got {vec!r}")
    if not isinstance(dst, list | tuple) or len(dst) != int(vec[1:]):
        raise ValueError(f"T.cuda.ldg with vec={vec!r} needs {vec[1:]} destinations")
    return "void", [*dst, addr, dtype, vec, int(vec[1:])]


def _atomic_add(a: Args) -> tuple[str, list[Any]]:
    value = arith.as_expr(scalar_of(a["value"]))
    return value.dtype, [a["res_addr"], value]


def _atomic_cas(a: Args) -> tuple[str, list[Any]]:
    old = arith.as_expr(scalar_of(a["old_val"]))
    return old.dtype, [a["ptr"], old, a["new_val"]]


def _mov_sreg(a: Args) -> tuple[str, list[Any]]:
    return f"int{a['bits']}", [a["bits"], a["reg_name"]]


_WAIT_SCOPES: Final = ("cta", "cluster", "gpu", "sys")
_WAIT_SPACES: Final = ("global", "shared", "shared::cta", "shared::cluster")


def _wait_until(a: Args) -> tuple[str, list[Any]]:
    if a["scope"] not in _WAIT_SCOPES:
        raise ValueError(
            f"T.cuda.wait_until scope must be one of {_WAIT_SCOPES}, got {a['scope']!r}"
        )
    dst = scalar_of(a["dst"])
    predicate = a["predicate"]
    condition = arith.as_expr(predicate(dst) if callable(predicate) else predicate)
    backoff = 0 if a["backoff_ns"] is None else a["backoff_ns"]
    return "void", [
        dst, a["ptr"], condition, a["scope"], a["space"], a["ptx_type"] or "", backoff,
    ]  # fmt: skip


def _choice(name: str, choices: tuple[Any, ...], *order: str) -> Any:
    def build(a: Args) -> tuple[str, list[Any]]:
        if a[name] not in choices:
            raise ValueError(f"{name} must be one of {list(choices)}, got {a[name]!r}")
        return "void", [a[k] for k in order]

    return build


_INSTR_DESC: Final = (
    "desc", "d_dtype", "a_dtype", "b_dtype", "M", "N", "K", "trans_a", "trans_b",
    "n_cta_groups", "neg_a", "neg_b", "sat_d", "is_sparse",
)  # fmt: skip
_INSTR_DESC_BS: Final = ("desc", "d_dtype", "a_dtype", "b_dtype", "sfa_dtype", "sfb_dtype",
                         "sfa_tmem_addr", "sfb_tmem_addr", "M", "N", "K", "trans_a", "trans_b",
                         "n_cta_groups", "neg_a", "neg_b", "is_sparse")  # fmt: skip
_KW_DESC: Final = (
    "desc, *, d_dtype, a_dtype, b_dtype, M, N, K, trans_a, trans_b, n_cta_groups=1, "
    "neg_a=False, neg_b=False, sat_d=False, is_sparse=False"
)
_KW_DESC_BS: Final = (
    "desc, *, d_dtype, a_dtype, b_dtype, sfa_dtype, sfb_dtype, sfa_tmem_addr, sfb_tmem_addr, "
    "M, N, K, trans_a, trans_b, n_cta_groups=1, neg_a=False, neg_b=False, is_sparse=False"
)

_TIMER: Final = "profiler_buffer, profiler_tag, profiler_write_offset"
_C = "tirx.cuda."

_CUDA: Final = [
    Spec(
        "any_sync",
        "mask, pred",
        _C + "any_sync",
        "int32",
        "``__any_sync``: whether any lane's ``pred`` holds.",
    ),
    Spec(
        "atomic_add",
        "res_addr, value",
        _C + "atomic_add",
        "",
        "Atomically add ``value`` at ``res_addr``; the old value.",
        _atomic_add,
    ),
    Spec(
        "atomic_cas",
        "ptr, old_val, new_val",
        _C + "atomic_cas",
        "",
        "Atomic compare-and-swap at ``ptr``; the old value.",
        _atomic_cas,
    ),
    Spec(
        "ballot_sync",
        "mask, pred",
        _C + "ballot_sync",
        "uint32",
        "``__ballot_sync``: the lanes whose ``pred`` holds, as a bit mask.",
    ),
    Spec(
        "bfloat1622float2",
        "packed",
        _C + "bfloat1622float2",
        "uint64",
        "Two packed bfloat16 widened to two packed float32.",
    ),
    Spec("bfloat162float", "src", _C + "bfloat162float", "float32", "A bfloat16 value as float32."),
    Spec("clock64", "", _C + "clock64", "uint64", "The SM's 64-bit cycle counter."),
    Spec(
        "cluster_sync",
        "",
        _C + "cluster_sync",
        "void",
        "Barrier across the thread blocks of the cluster.",
    ),
    Spec(
        "cta_max",
        "value, num_warps, scratch",
        _C + "cta_reduce",
        "",
        "Maximum of ``value`` over the CTA (``scratch``: shared staging).",
        _reduce("max", ("num_warps", "scratch")),
    ),
    Spec(
        "cta_min",
        "value, num_warps, scratch",
        _C + "cta_reduce",
        "",
        "Minimum of ``value`` over the CTA.",
        _reduce("min", ("num_warps", "scratch")),
    ),
    Spec(
        "cta_reduce",
        "value, op, num_warps, scratch",
        _C + "cta_reduce",
        "@value",
        'Reduce ``value`` over the CTA with ``op`` (``"sum"``, ``"max"``, ``"min"``).',
    ),
    Spec(
        "cta_sum",
        "value, num_warps, scratch",
        _C + "cta_reduce",
        "",
        "Sum of ``value`` over the CTA.",
        _reduce("sum", ("num_warps", "scratch")),
    ),
    Spec(
        "cta_sync",
        "",
        _C + "cta_sync",
        "void",
        "``__syncthreads()``: barrier across the thread block.",
    ),
    Spec(
        "cvta_generic_to_shared",
        "ptr",
        _C + "cvta_generic_to_shared",
        "uint32",
        "A generic pointer converted to a shared-memory address.",
    ),
    Spec(
        "elect_sync",
        "",
        _C + "elect_sync",
        "uint32",
        "``elect.sync``: true on one elected lane of the warp.",
    ),
    Spec("fadd2_rn", "a, b", _C + "fadd2_rn", "uint64", "Packed float32x2 add, round to nearest."),
    Spec("fdividef", "x, y", _C + "fdividef", "float32", "Fast approximate ``x / y``."),
    Spec(
        "ffs_u32",
        "value",
        _C + "ffs_u32",
        "int32",
        "Position of the least significant set bit (``__ffs``).",
    ),
    Spec(
        "float22bfloat162_rn",
        "v0, v1",
        _C + "float22bfloat162_rn",
        "uint32",
        "Two float32 packed as two bfloat16 (round to nearest).",
    ),
    Spec(
        "float22bfloat162_rn_from_float2",
        "packed",
        _C + "float22bfloat162_rn_from_float2",
        "uint32",
        "Packed float32x2 narrowed to packed bfloat16x2.",
    ),
    Spec(
        "float22half2",
        "dst, src",
        _C + "float22half2",
        "void",
        "Convert a float2 at ``src`` to a half2 at ``dst``.",
    ),
    Spec(
        "float2_x", "packed", _C + "float2_x", "float32", "The first float of a packed float32x2."
    ),
    Spec(
        "float2_y", "packed", _C + "float2_y", "float32", "The second float of a packed float32x2."
    ),
    Spec(
        "float8tohalf8",
        "src_addr, dst_addr",
        _C + "float8tohalf8",
        "void",
        "Convert eight float32 at ``src_addr`` to eight float16 at ``dst_addr``.",
    ),
    Spec("float_as_uint", "x", _C + "float_as_uint", "uint32", "The bits of a float32 as uint32."),
    Spec(
        "fmul2_rn",
        "a, b",
        _C + "fmul2_rn",
        "uint64",
        "Packed float32x2 multiply, round to nearest.",
    ),
    Spec(
        "fp8x4_e4m3_from_float4",
        "x, y, z, w",
        _C + "fp8x4_e4m3_from_float4",
        "uint32",
        "Four float32 packed as four float8 e4m3.",
    ),
    Spec(
        "func_call",
        "func_name, *args, source_code, return_type='void', lazy_args=()",
        _C + "func_call",
        "",
        "Call a CUDA device function given by its ``source_code``.",
        _func_call,
    ),
    Spec(
        "get_tmem_addr",
        "addr, row_offset, col_offset",
        _C + "get_tmem_addr",
        "uint32",
        "A tensor-memory address offset by rows and columns.",
    ),
    Spec(
        "grid_sync",
        "",
        _C + "grid_sync",
        "void",
        "Barrier across the whole grid (cooperative launch).",
    ),
    Spec("half2float", "src", _C + "half2float", "float32", "A float16 value as float32."),
    Spec(
        "half8tofloat8",
        "src_addr, dst_addr",
        _C + "half8tofloat8",
        "void",
        "Convert eight float16 at ``src_addr`` to eight float32 at ``dst_addr``.",
    ),
    Spec("hmax2", "a, b", _C + "hmax2", "uint32", "Lane-wise maximum of two packed half2."),
    Spec("hmin2", "a, b", _C + "hmin2", "uint32", "Lane-wise minimum of two packed half2."),
    Spec(
        "ldg",
        "addr, dtype, *, dst=None, vec=''",
        _C + "ldg",
        "",
        "``__ldg``: a read-only cached load of ``dtype`` at ``addr``.",
        _ldg,
    ),
    Spec(
        "make_float2",
        "x, y",
        _C + "make_float2",
        "uint64",
        "Two float32 packed into a 64-bit float2.",
    ),
    Spec(
        "mbarrier_wait",
        "bar, phase",
        _C + "mbarrier_wait",
        "void",
        "Spin until the mbarrier ``bar`` completes ``phase``.",
    ),
    Spec(
        "mbarrier_wait_acquire_cluster",
        "bar, phase",
        _C + "mbarrier_wait_acquire_cluster",
        "void",
        "`mbarrier_wait` with cluster-scope acquire semantics.",
    ),
    Spec(
        "mma_fill",
        "dtype, local_size, local_ptr, offset",
        "tirx.mma_fill",
        "@dtype",
        "Zero-fill an MMA accumulator fragment.",
    ),
    Spec(
        "mma_fill_legacy",
        "dtype, local_size, local_ptr, offset",
        "tirx.mma_fill_legacy",
        "@dtype",
        "`mma_fill` in the older argument convention.",
    ),
    Spec(
        "mma_store",
        "dtype, m, n, dst_ptr, src_ptr, src_offset, dst_stride",
        "tirx.mma_store",
        "@dtype",
        "Store an ``m`` x ``n`` MMA accumulator fragment to memory.",
    ),
    Spec(
        "mma_store_legacy",
        "dtype, m, n, dst_ptr, src_ptr, src_offset, dst_stride",
        "tirx.mma_store_legacy",
        "@dtype",
        "`mma_store` in the older argument convention.",
    ),
    Spec(
        "mov_sreg",
        "bits, reg_name",
        _C + "mov_sreg",
        "",
        "Read PTX special register ``reg_name`` (``%smid``, ...).",
        _mov_sreg,
    ),
    Spec(
        "nano_sleep",
        "time",
        _C + "nano_sleep",
        "void",
        "Sleep about ``time`` nanoseconds (``__nanosleep``).",
    ),
    Spec("printf", "fmt, *args", _C + "printf", "void", "Device ``printf``."),
    Spec(
        "reduce_add_sync_u32",
        "mask, value",
        _C + "reduce_add_sync_u32",
        "uint32",
        "``__reduce_add_sync``: the warp's sum of ``value``.",
    ),
    Spec(
        "reduce_min_sync_u32",
        "mask, value",
        _C + "reduce_min_sync_u32",
        "uint32",
        "``__reduce_min_sync``: the warp's minimum of ``value``.",
    ),
    Spec(
        "runtime_instr_desc",
        "desc, sf_id",
        _C + "runtime_instr_desc",
        "void",
        "Patch a tcgen05 instruction descriptor's scale-factor id at run time.",
    ),
    Spec(
        "smem_addr_from_uint64",
        "cluster_addr",
        _C + "smem_addr_from_uint64",
        "uint32",
        "The 32-bit shared address of a 64-bit cluster address.",
    ),
    Spec(
        "syncthreads_and",
        "cond",
        _C + "syncthreads_and",
        "int64",
        "``__syncthreads_and``: a barrier; whether ``cond`` holds on every thread.",
    ),
    Spec(
        "syncthreads_or",
        "cond",
        _C + "syncthreads_or",
        "int64",
        "``__syncthreads_or``: a barrier; whether ``cond`` holds on some thread.",
    ),
    Spec(
        "thread_fence",
        "",
        _C + "thread_fence",
        "void",
        "``__threadfence()``: order memory accesses device-wide.",
    ),
    Spec("thread_rank", "", _C + "thread_rank", "int32", "The thread's rank in its block."),
    Spec(
        "timer_end",
        f"event_type, {_TIMER}, profiler_write_stride, leader_cond",
        "tirx.timer_end_cuda",
        "void",
        "Record the end of a profiled event.",
    ),
    Spec(
        "timer_finalize",
        f"{_TIMER}, profiler_write_stride, leader_cond",
        "tirx.timer_finalize_cuda",
        "void",
        "Flush the profiler's records.",
    ),
    Spec(
        "timer_init",
        f"{_TIMER}, num_groups, group_id",
        "tirx.timer_init_cuda",
        "void",
        "Set up the device profiler.",
    ),
    Spec(
        "timer_start",
        f"event_type, {_TIMER}, profiler_write_stride, leader_cond",
        "tirx.timer_start_cuda",
        "void",
        "Record the start of a profiled event.",
    ),
    Spec(
        "trap_when_assert_failed",
        "cond",
        _C + "trap_when_assert_failed",
        "void",
        "Trap the kernel when ``cond`` is false.",
    ),
    Spec(
        "uint_as_float", "bits", _C + "uint_as_float", "float32", "The bits of a uint32 as float32."
    ),
    Spec(
        "wait_until",
        "dst, ptr, predicate, scope='gpu', space='global', ptx_type=None, backoff_ns=None",
        _C + "wait_until",
        "",
        "Spin loading ``ptr`` into ``dst`` until ``predicate`` holds.",
        _wait_until,
    ),
    Spec(
        "warp_max",
        "value, width=32",
        _C + "warp_reduce",
        "",
        "Maximum of ``value`` over ``width`` lanes (butterfly shuffles).",
        _reduce("max", ("width",)),
    ),
    Spec(
        "warp_min",
        "value, width=32",
        _C + "warp_reduce",
        "",
        "Minimum of ``value`` over ``width`` lanes.",
        _reduce("min", ("width",)),
    ),
    Spec(
        "warp_reduce",
        "value, op, width=32",
        _C + "warp_reduce",
        "@value",
        'Reduce ``value`` over ``width`` lanes with ``op`` (``"sum"``, ``"max"``, ``"min"``).',
    ),
    Spec(
        "warp_sum",
        "value, width=32",
        _C + "warp_reduce",
        "",
        "Sum of ``value`` over ``width`` lanes.",
        _reduce("sum", ("width",)),
    ),
    Spec("warp_sync", "", _C + "warp_sync", "void", "``__syncwarp()``."),
    Spec(
        "warpgroup_sync",
        "bar_no",
        _C + "warpgroup_sync",
        "void",
        "Barrier across the four warps of a warpgroup (named barrier ``bar_no``).",
    ),
    Spec(
        "__shfl_sync",
        "mask, var, lane, width",
        _C + "__shfl_sync",
        "",
        "``__shfl_sync``: ``var`` from lane ``lane``.",
        _shuffle("lane"),
    ),
    Spec(
        "__shfl_up_sync",
        "mask, var, delta, width",
        _C + "__shfl_up_sync",
        "",
        "``__shfl_up_sync``: ``var`` from ``delta`` lanes below.",
        _shuffle("delta"),
    ),
    Spec(
        "__shfl_down_sync",
        "mask, var, delta, width",
        _C + "__shfl_down_sync",
        "",
        "``__shfl_down_sync``: ``var`` from ``delta`` lanes above.",
        _shuffle("delta"),
    ),
    Spec(
        "__shfl_xor_sync",
        "mask, var, lane_mask, width",
        _C + "__shfl_xor_sync",
        "",
        "``__shfl_xor_sync``: ``var`` from lane ``lane ^ lane_mask``.",
        _shuffle("lane_mask"),
    ),
    Spec(
        "__activemask",
        "",
        _C + "__activemask",
        "uint32",
        "``__activemask()``: the lanes currently active.",
    ),
]

_IKET: Final = [
    Spec(
        "mark",
        "name, payload=None",
        _C + "iket_mark",
        "",
        "An IKET point annotation.",
        _optional_last("void", "name", "payload"),
    ),
    Spec(
        "official_event",
        "event_id, source_code='', payload=None",
        _C + "iket_official_event",
        "",
        "An IKET official event; its token.",
        _optional_last("uint32", "event_id", "source_code", "payload"),
    ),
    Spec(
        "range_end",
        "token, payload=None",
        _C + "iket_range_end",
        "",
        "End the IKET range of ``token``.",
        _optional_last("void", "token", "payload"),
    ),
    Spec("range_pop", "", _C + "iket_range_pop", "void", "Pop the innermost IKET range."),
    Spec(
        "range_push",
        "name, payload=None",
        _C + "iket_range_push",
        "",
        "Push an IKET range named ``name``.",
        _optional_last("void", "name", "payload"),
    ),
    Spec(
        "range_start",
        "name, payload=None",
        _C + "iket_range_start",
        "",
        "Start an IKET range; its token.",
        _optional_last("uint32", "name", "payload"),
    ),
    Spec("sentinel_token", "name", _C + "iket_sentinel_token", "uint32", "An IKET sentinel token."),
]

_WGMMA: Final = [
    Spec(
        "encode_matrix_descriptor",
        "desc, addr, ldo, sdo, swizzle",
        _C + "wgmma_encode_matrix_descriptor",
        "void",
        "Pack a WGMMA shared-memory matrix descriptor into ``desc``.",
    ),
    Spec(
        "noop_barrier",
        "reg",
        _C + "wgmma_noop_barrier",
        "void",
        "Keep ``reg`` live across a WGMMA (an empty asm barrier).",
    ),
]

_TCGEN05: Final = [
    Spec(
        "encode_instr_descriptor",
        _KW_DESC,
        _C + "tcgen05_encode_instr_descriptor",
        "",
        "Pack a tcgen05.mma instruction descriptor into ``desc``.",
        _choice("n_cta_groups", (1, 2), *_INSTR_DESC),
    ),
    Spec(
        "encode_instr_descriptor_block_scaled",
        _KW_DESC_BS,
        _C + "tcgen05_encode_instr_descriptor_block_scaled",
        "",
        "Pack a block-scaled tcgen05.mma instruction descriptor.",
        _choice("n_cta_groups", (1, 2), *_INSTR_DESC_BS),
    ),
    Spec(
        "encode_matrix_descriptor",
        "desc, addr, ldo, sdo, swizzle",
        _C + "tcgen05_encode_matrix_descriptor",
        "void",
        "Pack a tcgen05 shared-memory matrix descriptor into ``desc``.",
    ),
]


def sm100_2sm_leader_smem_addr(ptr: Any) -> Any:
    """The shared address of ``ptr`` in the leader CTA of an SM100 CTA pair."""
    addr = call_intrin("uint32", _C + "cvta_generic_to_shared", ptr)
    return arith.bitwise_and(addr, IntImm("uint32", 4278190079))


cuda = namespace(
    "T.cuda",
    "CUDA device intrinsics (``T.cuda.cta_sync()``, ``T.cuda.warp_sum(v)``, ...).",
    _CUDA,
    iket=namespace("T.cuda.iket", "NVIDIA IKET annotations.", _IKET),
    wgmma=namespace("T.cuda.wgmma", "WGMMA helpers that are not PTX instructions.", _WGMMA),
    tcgen05=namespace(
        "T.cuda.tcgen05", "tcgen05 descriptor packers (not PTX instructions).", _TCGEN05
    ),
    sm100_2sm_leader_smem_addr=sm100_2sm_leader_smem_addr,
)

_N = "tirx.nvshmem."
_MEM: Final = "dst, src, nelems, pe"
_SIGNAL: Final = "dst, src, nelems, sig_addr, signal, sig_op, pe"
_SIG_OPS: Final = ("set", "add")
_CMPS: Final = ("eq", "ne", "gt", "ge", "lt", "le")


def _memory_family(name: str, params: str, what: str) -> Any:
    """``T.nvshmem.<name>(...)`` with its ``.warp`` and ``.block`` variants."""
    call = Spec("__call__", params, _N + name, "void", what)
    variants = [
        Spec("warp", params, f"{_N}{name}_warp", "void", f"{what} (by the whole warp)."),
        Spec("block", params, f"{_N}{name}_block", "void", f"{what} (by the whole block)."),
    ]
    return _CallableNamespace(f"T.nvshmem.{name}", what, call, variants)


class _CallableNamespace:
    """A namespace that is also a call: ``T.nvshmem.putmem_nbi(...)`` and ``....warp(...)``."""

    _is_namespace = True

    def __init__(self, name: str, doc: str, call: Spec, variants: list[Spec]) -> None:
        from tvmscript.script.ir_builder.tir.intrinsics import make_intrinsic, signature_of

        self.__name__ = name
        self.__doc__ = doc
        self._call = make_intrinsic(call, name)
        self.__signature__ = signature_of("*args, **kwds")
        for spec in variants:
            setattr(self, spec.name, make_intrinsic(spec, name))

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._call(*args, **kwargs)

    def __dir__(self) -> list[str]:
        return ["block", "warp"]


_NVSHMEM: Final = [
    Spec("barrier_all", "", _N + "barrier_all", "void", "Barrier across all PEs."),
    Spec("fence", "", _N + "fence", "void", "Order this PE's puts to each other PE."),
    Spec("my_pe", "", _N + "my_pe", "int32", "This PE's index."),
    Spec("n_pes", "", _N + "n_pes", "int32", "The number of PEs."),
    Spec("quiet", "", _N + "quiet", "void", "Wait until this PE's puts are complete."),
    Spec(
        "signal_op",
        "sig_addr, signal, sig_op, pe",
        _N + "signal_op",
        "",
        'Update a signal word on PE ``pe`` (``sig_op``: ``"set"`` or ``"add"``).',
        _choice("sig_op", _SIG_OPS, "sig_addr", "signal", "sig_op", "pe"),
    ),
    Spec(
        "wait_until",
        "ivar, cmp, cmp_value, type='uint64_t'",
        _N + "wait_until",
        "",
        "Wait until ``ivar cmp cmp_value`` holds.",
        _choice("cmp", _CMPS, "ivar", "cmp", "cmp_value", "type"),
    ),
]

nvshmem = namespace(
    "T.nvshmem",
    "NVSHMEM calls across GPUs (PEs).",
    _NVSHMEM,
    getmem_nbi=_memory_family("getmem_nbi", _MEM, "Non-blocking get of ``nelems`` bytes"),
    putmem_nbi=_memory_family("putmem_nbi", _MEM, "Non-blocking put of ``nelems`` bytes"),
    putmem_signal_nbi=_memory_family(
        "putmem_signal_nbi", _SIGNAL, "Non-blocking put, then a signal update"
    ),
)

__all__ = ["cuda", "nvshmem"]
