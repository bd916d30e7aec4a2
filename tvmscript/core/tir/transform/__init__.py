"""Lowering of TIR for the CPU: passes from TVMScript as written to flat loops over memory.

Each pass maps a `PrimFunc` to a `PrimFunc` that still prints as TVMScript, so every stage can
be shown and tested (`lower` with ``trace``). The order is TVM's default pipeline, reduced to
what a CPU build needs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.transform.cpu_check import check_cpu
from tvmscript.core.tir.transform.flatten import flatten_buffers
from tvmscript.core.tir.transform.lower_sblocks import lower_sblocks
from tvmscript.core.tir.transform.peel_init import peel_init
from tvmscript.core.tir.transform.simplify_stmt import simplify_func
from tvmscript.core.tir.transform.unroll import unroll_loops
from tvmscript.core.tir.transform.vectorize import vectorize_loops

Pass = Callable[[PrimFunc], PrimFunc]

PASSES: Final[tuple[tuple[str, Pass], ...]] = (
    ("check_cpu", check_cpu),
    ("lower_sblocks", lower_sblocks),
    ("flatten_buffers", flatten_buffers),
    ("simplify", simplify_func),
    ("peel_init", peel_init),
    ("vectorize_loops", vectorize_loops),
    ("unroll_loops", unroll_loops),
    ("simplify_again", simplify_func),
)


def lower(func: PrimFunc, *, trace: Callable[[str, PrimFunc], None] | None = None) -> PrimFunc:
    """``func`` lowered for code generation; ``trace(name, result)`` is called after each pass."""
    unrolled = True
    for name, run in PASSES:
        if name == "simplify_again" and not unrolled:
            continue  # only unrolling leaves constants to fold
        before = func
        func = run(func)
        if name == "unroll_loops":
            unrolled = func is not before
        if trace is not None:
            trace(name, func)
    return func


__all__ = ["PASSES", "lower"]
