"""``VMExecutable.export_library``: one shared library with the kernels and the VM program.

The library is the kernels' (as ``Executable.export_library`` writes them: the thread pool
and ``tvmscript_last_error`` included) plus two symbols: ``__tvmscript_vm_program``, the
program as zlib-compressed JSON (``vm/program.py``'s `encode`, constants included), and
``__tvmscript_vm_program_size``, its length. ``tvmscript.load`` reads them back.
"""

from __future__ import annotations

import json
import tempfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Final

from tvmscript.codegen.llvm.jit import TargetSpec, emit_object, parse_and_optimize, parse_target
from tvmscript.runtime.vm.program import encode

if TYPE_CHECKING:
    from tvmscript.runtime.vm.executable import VMExecutable

PROGRAM_SYMBOL: Final = "__tvmscript_vm_program"
SIZE_SYMBOL: Final = "__tvmscript_vm_program_size"
_PLAIN: Final = frozenset(range(0x20, 0x7F)) - {ord('"'), ord("\\")}


def _ir_bytes(data: bytes) -> str:
    return "".join(chr(b) if b in _PLAIN else f"\\{b:02X}" for b in data)


def program_ir(blob: bytes) -> str:
    """LLVM IR defining the program symbols for ``blob``."""
    return (
        f'@{PROGRAM_SYMBOL} = constant [{len(blob)} x i8] c"{_ir_bytes(blob)}", align 16\n'
        f"@{SIZE_SYMBOL} = constant i64 {len(blob)}, align 8\n"
    )


def program_blob(ex: VMExecutable) -> bytes:
    """The program of ``ex`` as stored in a library."""
    text = json.dumps(encode(ex.program), separators=(",", ":"))
    return zlib.compress(text.encode(), 6)


def library_text(ex: VMExecutable) -> tuple[str, TargetSpec]:
    """The LLVM IR of ``ex``'s library and the target it is for."""
    from tvmscript.runtime.export import library_ir

    kernels = ex.kernel_executable
    blob_ir = program_ir(program_blob(ex))
    if kernels is not None:
        return library_ir(kernels.generated) + "\n" + blob_ir, kernels.generated.spec
    spec = parse_target(ex.target)
    head = f'target triple = "{spec.triple}"\ntarget datalayout = "{spec.datalayout}"\n'
    return head + blob_ir, spec


def export_vm_library(ex: VMExecutable, path: Path) -> Path:
    """Write the library of ``ex`` to ``path`` (and the kernels' C header beside it)."""
    from tvmscript.runtime.export import header, link_shared

    text, spec = library_text(ex)
    mod = parse_and_optimize(text, spec)
    with tempfile.TemporaryDirectory() as tmp:
        obj = Path(tmp) / "library.o"
        obj.write_bytes(emit_object(mod, spec))
        link_shared(obj, path)
    if ex.kernel_executable is not None:
        path.with_suffix(".h").write_text(header(ex.kernel_executable.generated.kernels, path.stem))
    return path
