"""LLVM: targets, the optimisation pipeline, in-process JIT (MCJIT) and object files.

Only this package imports llvmlite. LLVM is initialised once, for the native target only
(llvmlite 0.50's ``initialize()`` raises). An MCJIT engine owns the target machine it is
given, so every engine gets a fresh one.
"""

from __future__ import annotations

import contextlib
import ctypes
import threading
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

import llvmlite.binding as llvm

from tvmscript.codegen.llvm.errors import CodegenError
from tvmscript.codegen.llvm.runtime_ir import RUNTIME_IR

_LOCK: Final = threading.Lock()
_LIBS: Final = ("libm.so.6", "libgcc_s.so.1")


@cache
def _init() -> None:
    llvm.initialize_native_target()
    llvm.initialize_native_asmprinter()
    llvm.initialize_native_asmparser()
    for lib in _LIBS:  # soft-float half conversions and libm for the JIT's symbol lookup
        with contextlib.suppress(RuntimeError):
            llvm.load_library_permanently(lib)


@dataclass(frozen=True)
class TargetSpec:
    """A CPU target: LLVM triple, CPU name and feature string."""

    text: str
    triple: str
    cpu: str
    features: str

    def machine(self, *, jit: bool = False) -> Any:
        _init()
        target = llvm.Target.from_triple(self.triple)
        if jit:
            return target.create_target_machine(
                cpu=self.cpu, features=self.features, opt=3, jit=True
            )
        return target.create_target_machine(
            cpu=self.cpu, features=self.features, opt=3, reloc="pic", codemodel="default"
        )

    @property
    def datalayout(self) -> str:
        return str(_layout(self.triple, self.cpu, self.features))


@cache
def _layout(triple: str, cpu: str, features: str) -> str:
    tm = TargetSpec("", triple, cpu, features).machine()
    return str(tm.target_data)


def parse_target(target: object) -> TargetSpec:
    """A `TargetSpec` from a target string, dict or `Target`.

    Strings: ``"llvm"``, ``"llvm -mcpu=NAME -mattr=+a,-b"``, ``"native"``; dicts as TVM's
    (``{"kind": "llvm", "mcpu": ...}``).
    """
    _init()
    config = _config(target)
    kind = str(config.get("kind", ""))
    if kind == "native":
        config = {"kind": "llvm", "mcpu": "native"}
    elif kind not in ("llvm", "c"):
        raise CodegenError(
            f"target '{_describe(target)}' is not a CPU target: only 'llvm' (and 'native') can run "
            "here"
        )
    triple = str(config.get("mtriple", llvm.get_process_triple()))
    cpu = str(config.get("mcpu", ""))
    features = config.get("mattr", "")
    if isinstance(features, list | tuple):
        features = ",".join(str(f) for f in features)
    features = str(features)
    if cpu == "native":
        cpu = llvm.get_host_cpu_name()
        host = llvm.get_host_cpu_features().flatten()
        features = f"{host},{features}" if features else host
    if not cpu:
        cpu = "generic"
    text = _describe(target)
    try:
        llvm.Target.from_triple(triple)
    except RuntimeError as exc:
        raise CodegenError(f"unknown target triple '{triple}': {exc}") from None
    return TargetSpec(text, triple, cpu, features)


def _config(target: object) -> dict[str, Any]:
    if isinstance(target, str):
        kind, *options = target.split()
        config: dict[str, Any] = {"kind": kind}
        for option in options:
            key, _, value = option.lstrip("-").partition("=")
            config[key] = value
        return config
    if isinstance(target, dict):
        return dict(target)
    cfg = getattr(target, "config", None)
    if isinstance(cfg, dict):
        return dict(cfg)
    raise CodegenError(f"expected a target string or dict, got {type(target).__name__!r}")


def _describe(target: object) -> str:
    if isinstance(target, str):
        return target
    config = _config(target)
    parts = [str(config.get("kind", ""))]
    parts += [f"-{k}={v}" for k, v in config.items() if k not in ("kind", "keys", "tag")]
    return " ".join(parts)


# ---------------------------------------------------------------------------------------------
# Compilation


def parse_and_optimize(text: str, spec: TargetSpec, tm: Any | None = None) -> Any:
    """The optimised LLVM module of IR ``text`` (O3, loop and SLP vectorisation)."""
    _init()
    try:
        mod = llvm.parse_assembly(text)
        mod.verify()
    except RuntimeError as exc:
        raise CodegenError(f"internal error: invalid LLVM IR generated: {exc}") from None
    machine = tm if tm is not None else spec.machine()
    pto = llvm.create_pipeline_tuning_options(speed_level=3)
    pto.loop_vectorization = True
    pto.slp_vectorization = True
    # TIR unrolls what the schedule says (T.unroll); LLVM's own unrolling doubled compile time
    # for little: vectorised loops are wide already, and interleaving gives scalar loops ILP.
    pto.loop_unrolling = False
    pto.loop_interleaving = True
    pb = llvm.create_pass_builder(machine, pto)
    pb.getModulePassManager().run(mod, pb)
    return mod


@dataclass
class JitModule:
    """Native code in this process: the engine keeps the code alive."""

    engine: Any
    module: Any

    def address(self, symbol: str) -> int:
        addr = int(self.engine.get_function_address(symbol))
        if addr == 0:
            raise CodegenError(f"internal error: symbol '{symbol}' was not generated")
        return addr


def jit(mod: Any, spec: TargetSpec) -> JitModule:
    """Load optimised module ``mod`` into this process."""
    runtime()
    with _LOCK:
        engine = llvm.create_mcjit_compiler(mod, spec.machine(jit=True))
        engine.finalize_object()
    return JitModule(engine, mod)


def emit_object(mod: Any, spec: TargetSpec) -> bytes:
    """An ELF object file of ``mod``."""
    return bytes(spec.machine().emit_object(mod))


def emit_assembly(mod: Any, spec: TargetSpec) -> str:
    """The assembly of ``mod``."""
    return str(spec.machine().emit_assembly(mod))


# ---------------------------------------------------------------------------------------------
# The process-wide runtime (thread pool)

_RUNTIME: list[JitModule] = []


def runtime() -> JitModule:
    """The thread-pool runtime, compiled once per process; its symbols resolve for kernels."""
    if _RUNTIME:
        return _RUNTIME[0]
    with _LOCK:
        if _RUNTIME:
            return _RUNTIME[0]
        spec = parse_target("llvm")
        text = f'target triple = "{spec.triple}"\n{RUNTIME_IR}'
        mod = parse_and_optimize(text, spec)
        engine = llvm.create_mcjit_compiler(mod, spec.machine(jit=True))
        engine.finalize_object()
        rt = JitModule(engine, mod)
        for sym in ("__tvms_parallel_launch", "__tvms_pool_init", "__tvms_pool_reset"):
            llvm.add_symbol(sym, rt.address(sym))
        _RUNTIME.append(rt)
    return rt


def pool_reset() -> None:
    """Forget the pool's workers (in a child after ``fork``, which copies none of them)."""
    if _RUNTIME:
        ctypes.CFUNCTYPE(None)(_RUNTIME[0].address("__tvms_pool_reset"))()


def pool_init(threads: int) -> int:
    """Start the pool with ``threads`` threads (0: the environment's or the CPU count)."""
    fn = ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.c_int32)(runtime().address("__tvms_pool_init"))
    return int(fn(threads))


def register_symbol(name: str, address: int) -> None:
    """Make ``name`` resolve to ``address`` in every module JIT-compiled from now on."""
    _init()
    llvm.add_symbol(name, address)
