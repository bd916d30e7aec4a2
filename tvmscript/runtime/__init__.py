"""The runtime: `compile` to an `Executable`, argument checking, the parallel thread pool."""

from __future__ import annotations

from tvmscript.runtime.compile import compile, num_threads
from tvmscript.runtime.executable import Executable, Kernel
from tvmscript.runtime.packed import register_func

__all__ = ["Executable", "Kernel", "compile", "num_threads", "register_func"]
