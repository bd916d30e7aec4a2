"""The Relax virtual machine: Relax modules compiled to closures over native kernels.

`compile_relax` legalizes the module (Relax operators to PrimFuncs, `tvmscript.transform`),
compiles every PrimFunc through the TIR code generator, and lowers each Relax function once
into a flat instruction list (``vm/program.py``) that the machine (``vm/machine.py``) turns
into closures: arguments are checked against the parameters' struct info, symbolic dims are
bound by a precomputed plan, ``R.call_tir`` outputs are allocated from ``out_ty`` (in memory
reused across calls when they do not escape), and no IR is walked per call.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Final

from tvmscript.core.ir.module import GlobalVar, IRModule
from tvmscript.core.ir.node import Node
from tvmscript.core.ir.structural import structural_equal, structural_hash
from tvmscript.core.relax import expr as rx
from tvmscript.core.tir.function import PrimFunc
from tvmscript.runtime.vm import builtins as _builtins  # noqa: F401  (registers them)
from tvmscript.runtime.vm.errors import VMCompileError
from tvmscript.runtime.vm.executable import VMExecutable
from tvmscript.runtime.vm.machine import Machine, NativeKernel, VMFunction
from tvmscript.runtime.vm.values import Closure, ShapeTuple

CACHE_SIZE: Final = 32
_LOCK: Final = threading.Lock()
_CACHE: OrderedDict[tuple[int, str], tuple[Node, VMExecutable]] = OrderedDict()
_BY_HASH: OrderedDict[tuple[int, str], list[tuple[Node, VMExecutable]]] = OrderedDict()


def has_relax(obj: object) -> bool:
    """Whether ``obj`` is a Relax function or a module with one (so it needs the VM)."""
    if isinstance(obj, rx.Function):
        return True
    return isinstance(obj, IRModule) and any(
        isinstance(f, rx.Function) for f in obj.functions.values()
    )


def as_module(obj: Node) -> IRModule:
    """``obj`` as a module (a lone Relax function is its ``main``, or its global symbol)."""
    if isinstance(obj, IRModule):
        return obj
    if isinstance(obj, rx.Function):
        name = str(obj.attrs.get("global_symbol", "main"))
        return IRModule({GlobalVar(name): obj})
    raise VMCompileError(f"expected an IRModule or a Relax function, got {type(obj).__name__}")


def compile_relax(obj: Node, target: object = "llvm") -> VMExecutable:
    """Compile a Relax module (or function) and its PrimFuncs for a CPU ``target``.

    Compiling the same object (or a structurally equal one) again returns the same
    executable.
    """
    from tvmscript.codegen.llvm.jit import parse_target

    spec = parse_target(target).text
    key = (id(obj), spec)
    with _LOCK:
        if (hit := _CACHE.get(key)) is not None and hit[0] is obj:
            return hit[1]
    hash_key = (structural_hash(obj), spec)
    with _LOCK:
        for known, ex in _BY_HASH.get(hash_key, []):
            if structural_equal(known, obj):
                _remember(key, obj, ex)
                return ex
    ex = _build(obj, target, spec)
    with _LOCK:
        _BY_HASH.setdefault(hash_key, []).append((obj, ex))
        while len(_BY_HASH) > CACHE_SIZE:
            _BY_HASH.popitem(last=False)
        _remember(key, obj, ex)
    return ex


def _remember(key: tuple[int, str], obj: Node, ex: VMExecutable) -> None:
    _CACHE[key] = (obj, ex)
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)


def legalized(obj: Node) -> IRModule:
    """``obj`` as a module whose Relax operator calls are lowered to PrimFuncs."""
    from tvmscript.transform import LegalizeError, legalize

    mod = as_module(obj)
    try:
        return legalize(mod)
    except LegalizeError as exc:
        raise VMCompileError(str(exc), exc.span) from None


def _build(obj: Node, target: object, spec: str) -> VMExecutable:
    from tvmscript.runtime.compile import compile as compile_kernels
    from tvmscript.runtime.executable import Executable
    from tvmscript.runtime.vm.lower import compile_program

    mod = legalized(obj)
    prims = {gv: f for gv, f in mod.functions.items() if isinstance(f, PrimFunc)}
    kernels: Executable | None = None
    if prims:
        built = compile_kernels(IRModule(prims), target)
        assert isinstance(built, Executable)
        kernels = built
    sigs = {sig.name: sig for sig in kernels.generated.kernels} if kernels is not None else {}
    program = compile_program(mod, sigs, spec)
    return VMExecutable(program, Machine(program, _jit_natives(kernels)), kernels)


def _jit_natives(kernels: object) -> dict[str, NativeKernel]:
    from tvmscript.codegen.llvm.packed import PACKED_FAILED
    from tvmscript.runtime.executable import Executable
    from tvmscript.runtime.packed import take_failure

    if not isinstance(kernels, Executable):
        return {}
    ex = kernels

    def error(rc: int) -> BaseException:
        if rc == PACKED_FAILED and (exc := take_failure()) is not None:
            return exc
        return ex.error()

    out = {}
    for sig in ex.generated.kernels:
        kernel = ex[sig.name]
        fn = kernel._fn  # the ctypes entry; the VM has already checked the arguments
        out[sig.name] = NativeKernel(sig.name, fn, tuple(sig.llvm_arg_types()), error)
    return out


def clear_cache() -> None:
    """Forget every compiled Relax module."""
    with _LOCK:
        _CACHE.clear()
        _BY_HASH.clear()


__all__ = [
    "Closure",
    "ShapeTuple",
    "VMCompileError",
    "VMExecutable",
    "VMFunction",
    "clear_cache",
    "compile_relax",
    "has_relax",
    "legalized",
]
