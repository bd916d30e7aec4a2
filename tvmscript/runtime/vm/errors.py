"""The error of compiling a Relax function for the VM: located where the IR came from."""

from __future__ import annotations

from tvmscript.codegen.llvm.errors import CodegenError


class VMCompileError(CodegenError):
    """A Relax construct the VM cannot run (an unknown operator, an impossible call, ...).

    A `CodegenError`, so the CLI reports both alike (with the span when there is one).
    """

    code = "vm-unsupported"
