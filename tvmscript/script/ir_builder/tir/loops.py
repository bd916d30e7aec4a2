"""Loops: ``T.serial`` (``range``), ``T.parallel``, ``T.vectorized``, ``T.unroll``, ``T.grid``.

Also ``T.thread_binding``; entering a loop frame gives its variable(s).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tvmscript.core.tir import arith
from tvmscript.core.tir.expr import IntImm, IterType, IterVar, PrimExpr, Range, Var
from tvmscript.core.tir.stmt import ForKind
from tvmscript.script.ir_builder.tir.frames import ForFrame, LoopMaker, current_span, loop_maker

Bound = PrimExpr | int


def _bounds(start: Bound, stop: Bound | None) -> tuple[PrimExpr, PrimExpr]:
    """``(min, extent)`` of ``range(start, stop)``; Python ints take the other bound's dtype."""
    if stop is None:
        start, stop = (IntImm(start.dtype, 0) if isinstance(start, PrimExpr) else 0), start
    for value in (start, stop):
        if isinstance(value, bool) or not isinstance(value, PrimExpr | int):
            raise TypeError(f"expected an integer loop bound, got {value!r}")
    lo, hi = arith.match_types(*arith._operands(start, stop))
    return lo, arith.sub(hi, lo)


def _loop(
    kind: ForKind,
    start: Bound,
    stop: Bound | None,
    annotations: Mapping[str, Any] | None,
    step: Bound | None,
    thread: IterVar | None = None,
) -> ForFrame:
    lo, extent = _bounds(start, stop)
    var = Var("", lo.dtype, span=current_span())
    step_expr = None if step is None else arith.cast(lo.dtype, step)
    maker = loop_maker(
        var, lo, extent, kind, thread=thread, annotations=dict(annotations or {}), step=step_expr
    )
    return ForFrame([var], [Range(lo, extent)], [maker])


def serial(
    start: Bound,
    stop: Bound | None = None,
    *,
    annotations: Mapping[str, Any] | None = None,
    step: Bound | None = None,
) -> ForFrame:
    """A serial loop (what ``range`` means in TVMScript)."""
    return _loop(ForKind.SERIAL, start, stop, annotations, step)


def parallel(
    start: Bound,
    stop: Bound | None = None,
    *,
    annotations: Mapping[str, Any] | None = None,
    step: Bound | None = None,
) -> ForFrame:
    """A loop whose iterations run in parallel threads."""
    return _loop(ForKind.PARALLEL, start, stop, annotations, step)


def vectorized(
    start: Bound,
    stop: Bound | None = None,
    *,
    annotations: Mapping[str, Any] | None = None,
    step: Bound | None = None,
) -> ForFrame:
    """A loop turned into vector instructions."""
    return _loop(ForKind.VECTORIZED, start, stop, annotations, step)


def unroll(
    start: Bound,
    stop: Bound | None = None,
    *,
    annotations: Mapping[str, Any] | None = None,
    step: Bound | None = None,
) -> ForFrame:
    """A loop to be unrolled."""
    return _loop(ForKind.UNROLLED, start, stop, annotations, step)


def thread_binding(
    start: Bound,
    stop: Bound | str | None = None,
    thread: str | None = None,
    *,
    annotations: Mapping[str, Any] | None = None,
) -> ForFrame:
    """A loop bound to a GPU thread axis (``T.thread_binding(128, thread="threadIdx.x")``)."""
    if thread is None:
        if not isinstance(stop, str):
            raise ValueError("T.thread_binding needs a thread tag such as 'threadIdx.x'")
        thread, stop = stop, None
    if isinstance(stop, str):
        raise TypeError(f"expected an integer loop bound, got {stop!r}")
    lo, _ = _bounds(start, stop)
    iv = IterVar(None, Var("iter", lo.dtype), IterType.THREAD_INDEX, thread)
    return _loop(ForKind.THREAD_BINDING, start, stop, annotations, None, iv)


def grid(*extents: Bound | tuple[Bound, Bound]) -> ForFrame:
    """Perfectly nested serial loops; entering gives one variable per extent."""
    loop_vars: list[Var] = []
    doms: list[Range] = []
    makers: list[LoopMaker] = []
    for extent in extents:
        if isinstance(extent, tuple):  # (start, extent), as TVM reads it
            lo, ext = arith.match_types(*arith._operands(extent[0], extent[1]))
        else:
            lo, ext = _bounds(extent, None)
        var = Var("", lo.dtype, span=current_span())
        loop_vars.append(var)
        doms.append(Range(lo, ext))
        makers.append(loop_maker(var, lo, ext, ForKind.SERIAL))
    if not loop_vars:
        raise ValueError("T.grid needs at least one extent")
    return ForFrame(loop_vars, doms, makers)
