"""``tvmscript.load(path)``: the executable of a library ``tvmscript build`` wrote.

A Relax module's library holds its kernels and the VM program (``vm/export.py``); loading it
needs no compiler: the library is opened with ctypes, the program decoded and its kernels
bound to the library's symbols. What comes back is a `VMExecutable`, as
``tvmscript.compile`` returns.
"""

from __future__ import annotations

import builtins
import ctypes
import json
import zlib
from pathlib import Path
from typing import Any, Final

from tvmscript.runtime.vm import VMExecutable
from tvmscript.runtime.vm.export import PROGRAM_SYMBOL, SIZE_SYMBOL
from tvmscript.runtime.vm.machine import Machine, NativeKernel
from tvmscript.runtime.vm.program import KernelABI, decode

_CTYPES: Final[dict[str, Any]] = {
    "ptr": ctypes.c_void_p,
    "i8": ctypes.c_int8,
    "i16": ctypes.c_int16,
    "i32": ctypes.c_int32,
    "i64": ctypes.c_int64,
    "float": ctypes.c_float,
    "double": ctypes.c_double,
}


class LoadError(Exception):
    """A file that is not a library with a tvmscript program."""


def load(path: str | Path) -> VMExecutable:
    """The executable stored in the shared library ``path``.

    The library is ``tvmscript build``'s of a Relax module, or ``VMExecutable.export_library``'s.
    """
    where = Path(path)
    if not where.is_file():
        raise LoadError(f"cannot load '{where}': no such file")
    try:
        lib = ctypes.CDLL(str(where.resolve()))
    except OSError as exc:
        raise LoadError(f"cannot load '{where}': {exc}") from None
    try:
        size = ctypes.c_int64.in_dll(lib, SIZE_SYMBOL).value
        start = ctypes.addressof(ctypes.c_char.in_dll(lib, PROGRAM_SYMBOL))
    except ValueError:
        raise LoadError(
            f"'{where}' has no tvmscript program: only libraries of Relax modules "
            "(tvmscript build of a module with @R.function) can be loaded"
        ) from None
    try:
        program = decode(json.loads(zlib.decompress(ctypes.string_at(start, size))))
    except (ValueError, zlib.error) as exc:
        raise LoadError(f"'{where}': the program cannot be read: {exc}") from None
    natives = {abi.name: _native(lib, abi) for abi in program.kernels.values()}
    return VMExecutable(program, Machine(program, natives), None, path=where, keep=lib)


def _native(lib: ctypes.CDLL, abi: KernelABI) -> NativeKernel:
    fn = getattr(lib, abi.symbol)
    fn.argtypes = [_CTYPES[t] for t in abi.argtypes]
    fn.restype = ctypes.c_int32
    last_error = lib.tvmscript_last_error
    last_error.restype = ctypes.c_void_p
    last_error.argtypes = []

    def error(rc: int) -> BaseException:
        ptr = last_error()
        text = ctypes.string_at(ptr).decode(errors="replace") if ptr else "kernel failed"
        kind, sep, message = text.partition(": ")
        cls = getattr(builtins, kind, None) if sep else None
        if isinstance(cls, type) and issubclass(cls, Exception):
            return cls(message)
        return RuntimeError(text)

    return NativeKernel(abi.name, fn, abi.argtypes, error)
