"""`Executable`: the compiled kernels of one module, callable from Python.

``ex["name"](*args)`` checks the arguments (`ArgChecker`) and calls the native entry through
ctypes, which releases the GIL for the call. A non-zero result raises the kernel's error: an
assertion (``T.assert``) becomes the exception its kind names, with its message.
"""

from __future__ import annotations

import builtins
import ctypes
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tvmscript.codegen.llvm import Generated
from tvmscript.codegen.llvm.jit import JitModule, emit_assembly, jit, parse_and_optimize
from tvmscript.codegen.llvm.module import KernelSignature
from tvmscript.codegen.llvm.packed import PACKED_FAILED
from tvmscript.runtime.args import ArgChecker, ctypes_signature
from tvmscript.runtime.packed import take_failure

_ERRORS: dict[str, type[Exception]] = {
    name: cls
    for name, cls in vars(builtins).items()
    if isinstance(cls, type) and issubclass(cls, Exception)
}


class Kernel:
    """One compiled PrimFunc: call it with numpy arrays and scalars in parameter order."""

    def __init__(self, sig: KernelSignature, address: int, owner: Executable) -> None:
        self.signature = sig
        self.name = sig.name
        self._checker = ArgChecker(sig)
        proto = ctypes.CFUNCTYPE(ctypes.c_int32, *ctypes_signature(sig))
        self._fn = proto(address)
        self._owner = owner  # keeps the native code alive

    def __call__(self, *args: object) -> None:
        native = self._checker.convert(args)
        rc = self._fn(*native)
        if rc != 0:
            if rc == PACKED_FAILED and (exc := take_failure()) is not None:
                raise exc
            raise self._owner.error()

    def __repr__(self) -> str:
        params = ", ".join(p.name for p in self.signature.params)
        return f"<tvmscript kernel {self.name}({params})>"


class Executable:
    """Native code of a module's PrimFuncs (one LLVM module), with its IR and assembly."""

    def __init__(self, generated: Generated, *, optimized: Any, native: JitModule) -> None:
        self.generated = generated
        self.target = generated.spec.text
        self._optimized = optimized
        self._native = native
        self._kernels: dict[str, Kernel] = {}
        for sig in generated.kernels:
            kernel = Kernel(sig, native.address(sig.symbol), self)
            self._kernels.setdefault(sig.name, kernel)
            self._kernels.setdefault(sig.symbol, kernel)
        proto = ctypes.CFUNCTYPE(ctypes.c_void_p)
        self._last_error = proto(native.address("tvmscript_last_error"))

    @staticmethod
    def build(generated: Generated) -> Executable:
        """JIT-compile ``generated`` into this process."""
        optimized = parse_and_optimize(generated.ir, generated.spec)
        native = jit(optimized, generated.spec)
        return Executable(generated, optimized=optimized, native=native)

    def __getitem__(self, name: str) -> Kernel:
        if (kernel := self._kernels.get(name)) is None:
            known = ", ".join(repr(n) for n in self.names) or "none"
            raise KeyError(f"no function named {name!r} in this executable (it has {known})")
        return kernel

    def __contains__(self, name: object) -> bool:
        return name in self._kernels

    @property
    def names(self) -> list[str]:
        """The kernels' function names."""
        return [sig.name for sig in self.generated.kernels]

    def error(self) -> Exception:
        """The exception for the last failed call."""
        ptr = self._last_error()
        text = ctypes.string_at(ptr).decode(errors="replace") if ptr else "kernel failed"
        kind, sep, message = text.partition(": ")
        cls = _ERRORS.get(kind) if sep else None
        if cls is None:
            return RuntimeError(text)
        return cls(message)

    def llvm_ir(self, optimized: bool = True) -> str:
        """The module's LLVM IR (after the optimisation pipeline unless ``optimized=False``)."""
        return str(self._optimized) if optimized else self.generated.ir

    def asm(self) -> str:
        """The module's assembly."""
        return emit_assembly(self._optimized, self.generated.spec)

    def export_library(self, path: str | Path) -> Path:
        """Write a shared library (and ``NAME.h`` beside it) with the kernels' C ABI."""
        from tvmscript.runtime.export import export_library

        return export_library(self, Path(path))

    def kernels(self) -> Sequence[KernelSignature]:
        return self.generated.kernels

    def __repr__(self) -> str:
        return f"<tvmscript Executable [{', '.join(self.names)}] target={self.target!r}>"
