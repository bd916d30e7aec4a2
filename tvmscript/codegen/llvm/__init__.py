"""TIR to native code through LLVM (llvmlite): lowering, IR generation, JIT and objects.

`generate` lowers every PrimFunc of a module (`tvmscript.core.tir.transform.lower`) and writes
one LLVM module; `lowered_tir_text` and `llvm_ir_text` are the pure functions behind the
editor's "show lowered TIR" and "show LLVM IR" commands.
"""

from __future__ import annotations

from dataclasses import dataclass

from tvmscript.codegen.llvm.errors import CodegenError
from tvmscript.codegen.llvm.ir_text import UnsupportedType
from tvmscript.codegen.llvm.jit import TargetSpec, parse_target
from tvmscript.codegen.llvm.module import KernelSignature, build_module, signature_of
from tvmscript.core.ir.module import IRModule
from tvmscript.core.ir.node import Node
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.transform import lower
from tvmscript.core.tir.transform.cpu_check import LoweringError


@dataclass(frozen=True)
class Generated:
    """The LLVM IR of a module's PrimFuncs and the ABI of each."""

    spec: TargetSpec
    kernels: tuple[KernelSignature, ...]
    ir: str


def prim_funcs(obj: Node) -> list[tuple[str, PrimFunc]]:
    """The PrimFuncs of ``obj`` (an IRModule or one PrimFunc) with their names."""
    if isinstance(obj, PrimFunc):
        name = str(obj.attrs.get("global_symbol", "main"))
        return [(name, obj)]
    if isinstance(obj, IRModule):
        return [(gv.name_hint, f) for gv, f in obj.functions.items() if isinstance(f, PrimFunc)]
    raise CodegenError(f"expected an IRModule or a PrimFunc to compile, got {type(obj).__name__!r}")


def lower_func(func: PrimFunc) -> PrimFunc:
    """``func`` lowered for the CPU; IR the CPU cannot run raises a located `CodegenError`."""
    try:
        return lower(func)
    except LoweringError as exc:
        raise CodegenError(exc.message, exc.span) from None


def generate(obj: Node, target: object = "llvm") -> Generated:
    """Lower ``obj``'s PrimFuncs and write their LLVM module for ``target``."""
    spec = parse_target(target)
    funcs = prim_funcs(obj)
    if not funcs:
        raise CodegenError("the module has no PrimFunc to compile")
    lowered = [(name, lower_func(f)) for name, f in funcs]
    kernels = tuple(signature_of(name, f) for name, f in lowered)
    try:
        text = build_module(
            zip(kernels, (f for _, f in lowered), strict=True), spec.triple, spec.datalayout
        )
    except UnsupportedType as exc:
        raise CodegenError(str(exc)) from None
    return Generated(spec, kernels, text)


def _pick(obj: Node, func_name: str | None) -> list[tuple[str, PrimFunc]]:
    funcs = prim_funcs(obj)
    if func_name is None:
        return funcs
    chosen = [(n, f) for n, f in funcs if n == func_name]
    if not chosen:
        names = ", ".join(repr(n) for n, _ in funcs) or "none"
        raise CodegenError(f"no PrimFunc named '{func_name}' (the module has: {names})")
    return chosen


def lowered_tir_text(obj: Node, func_name: str | None = None) -> str:
    """The lowered TIR of one function of ``obj`` (all when ``func_name`` is None), as text."""
    funcs = _pick(obj, func_name)
    if len(funcs) == 1:
        return lower_func(funcs[0][1]).script()
    lowered = {n: lower_func(f) for n, f in funcs}
    return "\n\n".join(f.script() for f in lowered.values())


def llvm_ir_text(obj: Node, func_name: str | None = None, target: object = "llvm") -> str:
    """The LLVM IR generated for ``obj`` (only ``func_name``'s kernel when given), unoptimised."""
    chosen = _pick(obj, func_name)
    if func_name is not None:
        obj = chosen[0][1].with_attr(
            "global_symbol", chosen[0][1].attrs.get("global_symbol", func_name)
        )
    return generate(obj, target).ir


__all__ = [
    "CodegenError",
    "Generated",
    "KernelSignature",
    "generate",
    "llvm_ir_text",
    "lower_func",
    "lowered_tir_text",
    "prim_funcs",
]
