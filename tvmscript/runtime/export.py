"""``Executable.export_library``: a shared library with the kernels' C ABI, and its header.

The library holds the kernels, the thread pool (``TVMSCRIPT_NUM_THREADS``, default the online
CPUs) and ``tvmscript_last_error``; it needs only libc, libm and pthreads. It is linked with
the system's C compiler driver (``cc``), or ``ld`` when there is none. The header
(``NAME.h`` beside ``NAME.so``) declares every kernel::

    int32_t mm(const float* A, const float* B, float* C);   /* 0: ok, else see below */
    const char* tvmscript_last_error(void);                 /* "Kind: message" */
    int32_t tvmscript_set_num_threads(int32_t n);           /* before the first call */

Buffers are pointers to their first element (row-major, contiguous); symbolic dimensions
follow the parameters as ``int64_t``, in order of first appearance.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Final

from tvmscript.codegen.llvm import CodegenError, Generated
from tvmscript.codegen.llvm.jit import emit_object, parse_and_optimize
from tvmscript.codegen.llvm.module import KernelSignature, Param
from tvmscript.codegen.llvm.packed import CALLBACK
from tvmscript.codegen.llvm.parallel import LAUNCH_DECL
from tvmscript.codegen.llvm.runtime_ir import RUNTIME_IR
from tvmscript.core.ir.dtype import DataType
from tvmscript.core.tir import expr as E

if TYPE_CHECKING:
    from tvmscript.runtime.executable import Executable

_C_TYPES: Final = {
    "bool": "uint8_t",
    "int8": "int8_t",
    "int16": "int16_t",
    "int32": "int32_t",
    "int64": "int64_t",
    "uint8": "uint8_t",
    "uint16": "uint16_t",
    "uint32": "uint32_t",
    "uint64": "uint64_t",
    "float16": "uint16_t",  # IEEE half bits
    "bfloat16": "uint16_t",  # bfloat16 bits
    "float32": "float",
    "float64": "double",
    "handle": "void*",
}
_SET_THREADS: Final = """
define i32 @tvmscript_set_num_threads(i32 %n) nounwind {
  %r = call i32 @__tvms_pool_init(i32 %n)
  ret i32 %r
}
"""


def library_ir(generated: Generated) -> str:
    """The LLVM IR of the self-contained library: kernels plus the runtime."""
    if f"@{CALLBACK}" in generated.ir:
        raise CodegenError(
            "a kernel calls a packed (Python) function: it can only run inside Python, "
            "not from an exported library"
        )
    lines = [line for line in generated.ir.splitlines() if line.strip() != LAUNCH_DECL]
    return "\n".join(lines) + RUNTIME_IR + _SET_THREADS


def object_code(generated: Generated) -> bytes:
    """The ELF object of the library."""
    mod = parse_and_optimize(library_ir(generated), generated.spec)
    return emit_object(mod, generated.spec)


def export_library(ex: Executable, path: Path) -> Path:
    """Write the shared library ``path`` and its header; returns ``path``."""
    obj = object_code(ex.generated)
    with tempfile.TemporaryDirectory() as tmp:
        obj_path = Path(tmp) / "kernels.o"
        obj_path.write_bytes(obj)
        link_shared(obj_path, path)
    path.with_suffix(".h").write_text(header(ex.generated.kernels, path.stem))
    return path


def link_shared(obj: Path, out: Path) -> None:
    """Link object ``obj`` into shared library ``out``."""
    if (cc := shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")) is not None:
        cmd = [cc, "-shared", "-o", str(out), str(obj), "-lm", "-lpthread"]
    elif (ld := shutil.which("ld")) is not None:
        cmd = [ld, "-shared", "-o", str(out), str(obj), "-lm", "-lpthread", "-lc"]
    else:
        raise CodegenError("no linker found (cc or ld) to make a shared library; use --emit obj")
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise CodegenError(f"linking '{out}' failed: {result.stderr.strip()}")


def c_declaration(sig: KernelSignature) -> str:
    """The C prototype of one kernel."""
    args = [_c_param(p, p.buffer is not None and p.buffer.data in sig.written) for p in sig.params]
    args += [f"int64_t {_ident(d.name)}" for d in sig.dims]
    return f"int32_t {sig.symbol}({', '.join(args) or 'void'});"


def _c_param(p: Param, written: bool) -> str:
    ctype = _C_TYPES.get(DataType.of(p.dtype).element(), "void")
    if p.kind == "buffer":
        const = "" if written else "const "
        return f"{const}{ctype}* {_ident(p.name)}"
    if p.dtype in ("float16", "bfloat16"):
        return f"float {_ident(p.name)}"
    return f"{ctype} {_ident(p.name)}"


def _ident(name: str) -> str:
    clean = "".join(c if c.isalnum() or c == "_" else "_" for c in name)
    return clean if clean and not clean[0].isdigit() else f"_{clean}"


def _dim(d: object) -> str:
    if isinstance(d, E.IntImm):
        return str(d.value)
    if isinstance(d, E.Var):
        return d.name
    return "?"


def header(kernels: tuple[KernelSignature, ...], stem: str) -> str:
    """The C header of a library of ``kernels``."""
    guard = f"TVMSCRIPT_{_ident(stem).upper()}_H"
    lines = [
        f"/* Generated by tvmscript: the C ABI of {stem}.so. Do not edit. */",
        f"#ifndef {guard}",
        f"#define {guard}",
        "",
        "#include <stdint.h>",
        "",
        "#ifdef __cplusplus",
        'extern "C" {',
        "#endif",
        "",
        "/* Every kernel returns 0 on success; otherwise this describes the failure. */",
        "const char* tvmscript_last_error(void);",
        "/* Threads of parallel loops (default TVMSCRIPT_NUM_THREADS or the CPUs); call first. */",
        "int32_t tvmscript_set_num_threads(int32_t n);",
        "",
    ]
    for sig in kernels:
        shapes = "; ".join(
            f"{p.name}: {p.dtype}[{', '.join(_dim(d) for d in p.buffer.shape)}]"
            for p in sig.params
            if p.buffer is not None
        )
        lines.append(f"/* {sig.name}: {shapes} */" if shapes else f"/* {sig.name} */")
        lines.append(c_declaration(sig))
        lines.append("")
    lines += ["#ifdef __cplusplus", "}", "#endif", "", f"#endif  /* {guard} */", ""]
    return "\n".join(lines)
