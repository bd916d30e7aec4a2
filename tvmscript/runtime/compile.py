"""``tvmscript.compile``: IR to an `Executable`, through a compile cache.

The cache is keyed by the module's structural hash and the target, and confirmed by
structural equality, so compiling the same kernel again (even re-parsed) costs a hash. The
object itself is remembered too: compiling the very same object again is a dictionary lookup.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Final

from tvmscript.codegen.llvm import generate
from tvmscript.codegen.llvm.jit import parse_target, pool_init, pool_reset
from tvmscript.core.ir.node import Node
from tvmscript.core.ir.structural import structural_equal, structural_hash
from tvmscript.runtime.executable import Executable
from tvmscript.runtime.packed import install as install_packed

if TYPE_CHECKING:
    from tvmscript.runtime.vm import VMExecutable

CACHE_SIZE: Final = 64
_LOCK: Final = threading.Lock()
_BY_ID: OrderedDict[tuple[int, str], tuple[Node, Executable]] = OrderedDict()
_BY_HASH: OrderedDict[tuple[int, str], list[tuple[Node, Executable]]] = OrderedDict()
_POOL: list[int] = []


def _after_fork() -> None:
    pool_reset()
    _POOL.clear()


os.register_at_fork(after_in_child=_after_fork)


def num_threads() -> int:
    """Threads of the parallel pool: ``TVMSCRIPT_NUM_THREADS``, else the CPUs available."""
    if _POOL:
        return _POOL[0]
    env = os.environ.get("TVMSCRIPT_NUM_THREADS", "")
    wanted = int(env) if env.strip().isdigit() and int(env) > 0 else len(os.sched_getaffinity(0))
    _POOL.append(pool_init(wanted))
    return _POOL[0]


def compile(mod_or_func: Node, target: object = "llvm") -> Executable | VMExecutable:
    """Compile a PrimFunc or an IRModule's PrimFuncs for a CPU ``target``.

    ``target``: ``"llvm"`` (generic x86-64), ``"llvm -mcpu=NAME -mattr=+f,-g"``, ``"native"``
    (this machine's CPU), or a dict such as ``{"kind": "llvm", "mcpu": "rocketlake"}``.
    A module with Relax functions (or a Relax function) goes to the Relax VM.
    """
    from tvmscript.runtime import vm

    if vm.has_relax(mod_or_func):
        return vm.compile_relax(mod_or_func, target)
    spec_key = parse_target(target).text if not isinstance(target, str) else target
    id_key = (id(mod_or_func), spec_key)
    with _LOCK:
        hit = _BY_ID.get(id_key)
        if hit is not None and hit[0] is mod_or_func:
            _BY_ID.move_to_end(id_key)
            return hit[1]
    hash_key = (structural_hash(mod_or_func), spec_key)
    with _LOCK:
        for obj, ex in _BY_HASH.get(hash_key, []):
            if structural_equal(obj, mod_or_func):
                _remember(id_key, mod_or_func, ex)
                return ex
    num_threads()
    install_packed()
    ex = Executable.build(generate(mod_or_func, target))
    with _LOCK:
        _BY_HASH.setdefault(hash_key, []).append((mod_or_func, ex))
        while len(_BY_HASH) > CACHE_SIZE:
            _BY_HASH.popitem(last=False)
        _remember(id_key, mod_or_func, ex)
    return ex


def _remember(key: tuple[int, str], obj: Node, ex: Executable) -> None:
    _BY_ID[key] = (obj, ex)
    while len(_BY_ID) > CACHE_SIZE:
        _BY_ID.popitem(last=False)


def clear_cache() -> None:
    """Forget every compiled module (they stay alive while referenced)."""
    with _LOCK:
        _BY_ID.clear()
        _BY_HASH.clear()
