"""`VMExecutable`: a compiled Relax module, its functions callable from Python.

``ex["main"](*arrays)`` runs a Relax function (numpy arrays in, numpy arrays or tuples out);
``ex["prim_func"]`` is one of its kernels (destination passing) when they were compiled in
this process. ``export_library`` writes one shared library with every kernel and the
program; ``tvmscript.load`` reads it back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tvmscript.runtime.vm.machine import Machine, VMFunction
from tvmscript.runtime.vm.program import Program

if TYPE_CHECKING:
    from tvmscript.runtime.executable import Executable, Kernel


class VMExecutable:
    """The Relax functions and kernels of one compiled module."""

    def __init__(
        self,
        program: Program,
        machine: Machine,
        kernels: Executable | None,
        *,
        path: Path | None = None,
        keep: Any = None,
    ) -> None:
        self.program = program
        self.machine = machine
        self.kernel_executable = kernels
        self.target = program.target
        self.path = path
        self._keep = keep  # a loaded library, alive as long as its functions are

    def __getitem__(self, name: str) -> VMFunction | Kernel:
        code = self.program.functions.get(name)
        if code is not None and code.public:
            return self.machine.functions[name]
        if self.kernel_executable is not None and name in self.kernel_executable:
            return self.kernel_executable[name]
        known = ", ".join(repr(n) for n in self.names) or "none"
        raise KeyError(f"no function named {name!r} in this executable (it has {known})")

    def __contains__(self, name: object) -> bool:
        code = self.program.functions.get(str(name))
        if code is not None and code.public:
            return True
        return self.kernel_executable is not None and name in self.kernel_executable

    @property
    def names(self) -> list[str]:
        """The Relax functions' names (the kernels' follow with `kernel_names`)."""
        return [n for n, code in self.program.functions.items() if code.public]

    @property
    def kernel_names(self) -> list[str]:
        """The compiled PrimFuncs' names."""
        return list(self.program.kernels)

    def llvm_ir(self, optimized: bool = True) -> str:
        """The kernels' LLVM IR (empty when the module has no PrimFunc)."""
        if self.kernel_executable is None:
            return ""
        return self.kernel_executable.llvm_ir(optimized)

    def asm(self) -> str:
        """The kernels' assembly (empty when the module has no PrimFunc)."""
        if self.kernel_executable is None:
            return ""
        return self.kernel_executable.asm()

    def export_library(self, path: str | Path) -> Path:
        """Write a shared library with the kernels and the program (``tvmscript.load`` it)."""
        from tvmscript.runtime.vm.export import export_vm_library

        return export_vm_library(self, Path(path))

    def __repr__(self) -> str:
        where = f" from {str(self.path)!r}" if self.path is not None else ""
        return f"<tvmscript VMExecutable [{', '.join(self.names)}] target={self.target!r}{where}>"
