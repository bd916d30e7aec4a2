"""Auxiliary values of TVMScript: ``T.comm_reducer``, ``T.target``, ``T.Range``, ``T.Let``."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

from tvmscript.core.ir.target import Target as Target
from tvmscript.core.tir import arith
from tvmscript.core.tir.expr import CommReducer, PrimExpr, Var
from tvmscript.core.tir.expr import Range as _Range
from tvmscript.script.ir_builder.ir.ir import meta_var as meta_var


def comm_reducer(
    combiner: Callable[..., Any], identity: Sequence[PrimExpr | int | float]
) -> CommReducer:
    """A commutative reducer from ``lambda x, y: x + y`` and its identity element(s)."""
    names = list(inspect.signature(combiner).parameters)
    idents = [arith.as_expr(i) for i in identity]
    if len(names) != 2 * len(idents):
        raise ValueError(
            f"a reducer over {len(idents)} value(s) takes {2 * len(idents)} arguments, "
            f"got {len(names)}"
        )
    args = [Var(name, ident.dtype) for name, ident in zip(names, idents + idents, strict=True)]
    result = combiner(*args)
    results = result if isinstance(result, tuple | list) else (result,)
    half = len(args) // 2
    return CommReducer(
        tuple(args[:half]),
        tuple(args[half:]),
        tuple(arith.as_expr(r) for r in results),
        tuple(idents),
    )


# What TVM 0.27 fills in for each target kind (``T.target("cuda")`` prints them all).
_KIND_DEFAULTS: Final[dict[str, dict[str, Any]]] = {
    "cuda": {"arch": "sm_50", "keys": ["cuda", "gpu"], "max_num_threads": 1024,
             "thread_warp_size": 32},
    "metal": {"keys": ["metal", "gpu"], "max_function_args": 31, "max_num_threads": 256,
              "max_shared_memory_per_block": 32768, "max_threads_per_block": 256,
              "thread_warp_size": 16},
    "rocm": {"keys": ["rocm", "gpu"], "max_num_threads": 256,
             "max_shared_memory_per_block": 65536, "max_threads_per_block": 256,
             "mcpu": "gfx900", "mtriple": "amdgcn-amd-amdhsa-hcc", "thread_warp_size": 64},
    "vulkan": {"keys": ["vulkan", "gpu"], "max_num_threads": 256, "max_threads_per_block": 256,
               "supports_float32": True, "supports_int32": True, "thread_warp_size": 1},
    "opencl": {"image_base_address_alignment": 64, "keys": ["opencl", "gpu"],
               "max_function_args": 128, "max_num_threads": 256,
               "max_shared_memory_per_block": 16384, "max_threads_per_block": 256,
               "texture_depth_limit": 2048, "texture_spatial_limit": 16384,
               "thread_warp_size": 1},
    "webgpu": {"keys": ["webgpu", "gpu"], "max_num_threads": 256,
               "max_shared_memory_per_block": 32768, "supports_subgroups": False,
               "thread_warp_size": 1},
    "llvm": {"keys": ["cpu"], "mtriple": "x86_64-conda-linux-gnu"},
    "c": {"keys": ["cpu"]},
    "hexagon": {"keys": ["hexagon", "cpu"]},
    "trn": {"keys": []},
}  # fmt: skip
_TAG_KINDS: Final = {"nvidia": "cuda", "apple": "metal", "arm": "llvm", "aws": "llvm"}


def target(
    target_config: Mapping[str, Any] | str, host: Mapping[str, Any] | str | Target | None = None
) -> Target:
    """A `Target` from a configuration dict or a target string such as ``"cuda"``.

    The kind's defaults are filled in as TVM 0.27 does (``T.target("cuda")`` is
    ``T.target({"arch": "sm_50", "keys": ["cuda", "gpu"], "kind": "cuda", ...})``); a tag
    such as ``"nvidia/nvidia-a100"`` is read as its kind.
    """
    made = Target.from_config(target_config, host)
    config = dict(made.config)
    kind = str(config.get("kind", ""))
    if "/" in kind:
        config["kind"] = kind = _TAG_KINDS.get(kind.split("/")[0], kind)
    defaults = _KIND_DEFAULTS.get(kind)
    if defaults is None:
        return made
    filled = {**defaults, **config, "tag": config.get("tag", "")}
    return Target(filled, made.host)


def Range(begin: PrimExpr | int, end: PrimExpr | int | None = None) -> _Range:
    """The range ``[begin, end)`` (``[0, begin)`` with one argument)."""
    if end is None:
        begin, end = 0, begin
    lo, hi = arith.match_types(*arith._operands(begin, end))
    return _Range(lo, arith.sub(hi, lo))


def strict_range(begin: PrimExpr | int, end: PrimExpr | int) -> _Range:
    """``T.Range(begin, end)``: the range ``[begin, end)``."""
    return Range(begin, end)


strict_range.__name__ = strict_range.__qualname__ = "Range"


def Let(expr: PrimExpr, where: Mapping[Var, PrimExpr]) -> PrimExpr:
    """The expression ``expr`` with one variable bound: ``T.Let(x + 1, where={x: 2})``."""
    if len(where) != 1:
        raise ValueError("T.Let binds exactly one variable in `where`")
    [(var, value)] = where.items()
    from tvmscript.core.tir.expr import Let as LetExpr

    return LetExpr(var, arith.as_expr(value), arith.as_expr(expr))
