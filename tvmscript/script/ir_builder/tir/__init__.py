"""The TIR builder: TVM 0.27's ``tvm.script.ir_builder.tirx`` API, in small modules.

Names, parameters, defaults and semantics follow TVM, because the parser calls this builder
the way TVM's parser calls TVM's. Left out on purpose (they need a GPU runtime or parts of TVM
this project does not have):

- PTX / tensor-core-generation namespaces and helpers: ``ptx``, ``ptx_legacy``, ``cuda``,
  ``nvshmem``, ``nki``, ``metal``, ``webgpu``, ``alloc_tcgen05_ldst_frag``, ``alloc_cast_frag``,
  ``wg_reg_tile``, ``tmem``, ``TMEMPool``, ``SMEMPool``, ``TensorMap``,
  ``tensormap_encode_tiled``, ``call_ffi_kernel``, ``call_kernel``, ``cooperative_tensor_*``;
- TIRx execution scopes and layouts: ``cluster``, ``cta``, ``warpgroup``, ``warp``, ``thread``,
  ``wg``, ``device_entry``, ``scope_id``, ``cluster_id``, ``cta_id*``, ``warp_id*``,
  ``warpgroup_id``, ``lane_id``, ``thread_id*``, ``ExecScope``, ``ScopeIdDef``, ``Layout``,
  ``TileLayout``, ``ComposeLayout``, ``Iter``, ``S``/``R`` layout specs, ``tile``, ``hint``;
- JIT and meta-programming entry points tied to TVM's runtime: ``jit``, ``inline``,
  ``meta_class``, ``constexpr``, ``Optional``, ``register_script_namespace``,
  ``block_name_suffix_context``, ``index_map`` (needs TVM's IndexMap), ``print_buffer``,
  ``llvm_lookup_intrinsic_id`` (needs LLVM's intrinsic table; ``call_llvm_intrin`` keeps the
  intrinsic by name instead), scalar helpers over TVMScript layouts (``alloc_scalar``,
  ``decl_scalar``, ``shared_scalar``, ``local_scalar``, ``scalar_wrapper``),
  ``filter``/``selector``, ``continue_loop``/``break_loop`` (use ``Break``/``Continue``).
"""

import inspect
from typing import Final

from tvmscript.script.ir_builder.tir import axis, tile
from tvmscript.script.ir_builder.tir.backends import metal, nki, ptx_legacy, s_tir, webgpu
from tvmscript.script.ir_builder.tir.block import (
    block_name_suffix_context,
    init,
    reads,
    sblock,
    sblock_attr,
    where,
    writes,
)
from tvmscript.script.ir_builder.tir.buffers import (
    Buffer,
    alloc_buffer,
    alloc_local,
    alloc_shared,
    buffer,
    buffer_decl,
    buffer_store,
    decl_buffer,
    make_buffer,
    match_buffer,
    sblock_alloc_buffer,
    smem,
    tmem,
)
from tvmscript.script.ir_builder.tir.buffers import (
    view as view,
)
from tvmscript.script.ir_builder.tir.calls import *  # noqa: F403  (TVM 0.27's new intrinsics)
from tvmscript.script.ir_builder.tir.calls import __all__ as _CALLS
from tvmscript.script.ir_builder.tir.control import (
    Assert,
    Bind,
    Break,
    Continue,
    Else,
    If,
    Then,
    While,
    attr,
    bind,
    env_thread,
    evaluate,
    hint,
    iter_var,
    launch_thread,
)
from tvmscript.script.ir_builder.tir.cuda import cuda, nvshmem
from tvmscript.script.ir_builder.tir.device import *  # noqa: F403  (scope ids)
from tvmscript.script.ir_builder.tir.device import __all__ as _DEVICE
from tvmscript.script.ir_builder.tir.dtypes import (
    DTYPE_ALIASES,
    DTYPE_CONSTRUCTORS,
    DtypeConstructor,
    LetAnnotation,
    LocalVectorAnnotation,
    Ptr,
    bfloat16,
    bool_,
    boolean,
    buffer_var,
    float16,
    float32,
    float64,
    handle,
    int8,
    int16,
    int32,
    int64,
    let,
    ptr,
    uint8,
    uint16,
    uint32,
    uint64,
    var,
    void,
)
from tvmscript.script.ir_builder.tir.frames import (
    AssertFrame,
    AttrFrame,
    BlockInitFrame,
    ElseFrame,
    ForFrame,
    IfFrame,
    LaunchThreadFrame,
    PrimFuncFrame,
    SBlockFrame,
    ThenFrame,
    TIRFrame,
    WhileFrame,
    add_stmt,
)
from tvmscript.script.ir_builder.tir.func import arg, func_attr, func_name, func_ret
from tvmscript.script.ir_builder.tir.func import (
    prim_func as prim_func,
)  # not star-exported: T.prim_func is the decorator
from tvmscript.script.ir_builder.tir.intrin import *  # noqa: F403  (the intrinsic functions)
from tvmscript.script.ir_builder.tir.intrin import OPS
from tvmscript.script.ir_builder.tir.intrin import __all__ as _INTRINSICS
from tvmscript.script.ir_builder.tir.intrinsics import drops_dtype, dtype_first
from tvmscript.script.ir_builder.tir.layout import (
    Axis,
    ComposeLayout,
    Iter,
    Layout,
    R,
    S,
    TileLayout,
)
from tvmscript.script.ir_builder.tir.loops import (
    grid,
    parallel,
    serial,
    thread_binding,
    unroll,
    vectorized,
)
from tvmscript.script.ir_builder.tir.meta import (
    Optional,
    Tuple,
    constexpr,
    index_map,
    meta_class,
    register_script_namespace,
)
from tvmscript.script.ir_builder.tir.misc import Range, Target, comm_reducer, meta_var, target
from tvmscript.script.ir_builder.tir.operator_nodes import (
    BitwiseAnd,
    BitwiseNot,
    BitwiseOr,
    BitwiseXor,
    LShift,
    Reduce,
    RShift,
)
from tvmscript.script.ir_builder.tir.pools import SMEMPool, TMEMPool
from tvmscript.script.ir_builder.tir.ptx import ptx
from tvmscript.script.ir_builder.tir.scalars import (
    alloc_cast_frag,
    alloc_scalar,
    alloc_tcgen05_ldst_frag,
    decl_scalar,
    local_scalar,
    scalar_wrapper,
    shared_scalar,
    wg_reg_tile,
)
from tvmscript.script.ir_builder.tir.tile import cluster, cta, thread, warp, warpgroup, wg

add_to_parent = add_stmt

__all__ = [
    "AssertFrame", "AttrFrame", "BlockInitFrame", "ElseFrame", "ForFrame", "IfFrame",
    "LaunchThreadFrame", "PrimFuncFrame", "SBlockFrame", "TIRFrame", "ThenFrame", "WhileFrame",
    "add_stmt", "add_to_parent",
    "arg", "func_name", "func_attr", "func_ret",
    "sblock", "init", "where", "reads", "writes", "sblock_attr", "axis",
    "block_name_suffix_context",
    "Buffer", "buffer", "buffer_decl", "make_buffer", "match_buffer", "alloc_buffer",
    "alloc_shared", "alloc_local", "smem", "tmem", "sblock_alloc_buffer", "decl_buffer",
    "buffer_store", "Axis", "ComposeLayout", "Iter", "Layout", "R", "S", "TileLayout",
    "serial", "parallel", "vectorized", "unroll", "thread_binding", "grid",
    "If", "Then", "Else", "While", "Assert", "Bind", "bind", "evaluate", "attr",
    "launch_thread", "env_thread", "iter_var", "Break", "Continue",
    "DtypeConstructor", "DTYPE_CONSTRUCTORS", "DTYPE_ALIASES", "LetAnnotation",
    "LocalVectorAnnotation", "let", "handle", "ptr", "Ptr", "buffer_var", "void", "var",
    "boolean", "bool_", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
    "uint64", "float16", "float32", "float64", "bfloat16",
    "OPS", "Range", "Target", "comm_reducer", "meta_var", "target",
    "cuda", "nvshmem", "metal", "webgpu", "nki", "ptx_legacy", "s_tir", "ptx", "tile",
    "cluster", "cta", "thread", "warp", "warpgroup", "wg", "alloc_scalar", "decl_scalar",
    "local_scalar", "scalar_wrapper", "shared_scalar", "wg_reg_tile", "Optional", "Tuple",
    "constexpr", "index_map", "meta_class", "register_script_namespace", "BitwiseAnd",
    "BitwiseNot", "BitwiseOr", "BitwiseXor", "LShift", "Reduce", "RShift", "SMEMPool",
    "TMEMPool", "alloc_cast_frag", "alloc_tcgen05_ldst_frag",
    *_INTRINSICS, *_DEVICE, *_CALLS, "hint",
]  # fmt: skip

# TVM's intrinsics take a `dtype=` keyword: most ignore it, these take it as the first argument.
_DTYPE_FIRST: Final = frozenset(
    {
        "reinterpret", "call_extern", "call_intrin", "call_llvm_intrin", "call_llvm_pure_intrin",
        "call_pure_extern", "vectorlow", "vectorhigh", "vectorcombine", "get_active_lane_mask",
        "masked_load", "dp4a",
    }
)  # fmt: skip
for _name in (*_INTRINSICS, *_CALLS):
    _fn = globals()[_name]
    if _name in _DTYPE_FIRST:
        globals()[_name] = dtype_first(_fn)
    elif "dtype" not in inspect.signature(_fn).parameters:
        globals()[_name] = drops_dtype(_fn)
del _name, _fn

# Registration of every dtype constructor by name (T.float32x4, T.i32, T.bool, ...).
globals().update(DTYPE_CONSTRUCTORS)
globals().update({alias: DTYPE_CONSTRUCTORS[name] for alias, name in DTYPE_ALIASES.items()})
globals()["bool"] = boolean
