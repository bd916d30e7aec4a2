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


_LOOP_DTYPES = ("int32", "uint32")


def _typed(lo: PrimExpr, extent: PrimExpr, dtype: str | None) -> tuple[PrimExpr, PrimExpr]:
    """The bounds in the loop variable's ``dtype`` (``dtype=`` of a loop)."""
    if dtype is None or dtype == lo.dtype:
        return lo, extent
    if dtype not in _LOOP_DTYPES:
        raise ValueError(f"the dtype of a loop variable must be 'int32' or 'uint32', got '{dtype}'")
    return arith.cast(dtype, lo), arith.cast(dtype, extent)


def _loop(
    kind: ForKind,
    start: Bound,
    stop: Bound | None,
    annotations: Mapping[str, Any] | None,
    step: Bound | None,
    thread: IterVar | None = None,
    dtype: str | None = None,
) -> ForFrame:
    lo, extent = _typed(*_bounds(start, stop), dtype)
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
    unroll: bool | int | None = None,
    dtype: str | None = None,
) -> ForFrame:
    """A serial loop (what ``range`` means in TVMScript)."""
    return _loop(ForKind.SERIAL, start, stop, _unroll(annotations, unroll), step, None, dtype)


def parallel(
    start: Bound,
    stop: Bound | None = None,
    *,
    annotations: Mapping[str, Any] | None = None,
    step: Bound | None = None,
    dtype: str | None = None,
) -> ForFrame:
    """A loop whose iterations run in parallel threads."""
    return _loop(ForKind.PARALLEL, start, stop, annotations, step, None, dtype)


def vectorized(
    start: Bound,
    stop: Bound | None = None,
    *,
    annotations: Mapping[str, Any] | None = None,
    step: Bound | None = None,
    dtype: str | None = None,
) -> ForFrame:
    """A loop turned into vector instructions."""
    return _loop(ForKind.VECTORIZED, start, stop, annotations, step, None, dtype)


def unroll(
    start: Bound,
    stop: Bound | None = None,
    *,
    annotations: Mapping[str, Any] | None = None,
    step: Bound | None = None,
    dtype: str | None = None,
) -> ForFrame:
    """A loop to be unrolled."""
    return _loop(ForKind.UNROLLED, start, stop, annotations, step, None, dtype)


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


def _unroll(
    annotations: Mapping[str, Any] | None, unroll: bool | int | None
) -> Mapping[str, Any] | None:
    """``unroll=True`` asks for ``#pragma unroll``; ``False`` forbids it; ``n``, by ``n``."""
    if unroll is None:
        return annotations
    out = dict(annotations or {})
    if isinstance(unroll, bool):
        out["pragma_unroll" if unroll else "disable_unroll"] = True
    elif unroll > 0:
        out["pragma_unroll"] = unroll
    else:
        raise ValueError(f"unroll= takes True, False or a positive count, got {unroll!r}")
    return out


def grid(*extents: Bound | tuple[Bound, Bound], dtype: str | None = None) -> ForFrame:
    """Perfectly nested serial loops; entering gives one variable per extent."""
    loop_vars: list[Var] = []
    doms: list[Range] = []
    makers: list[LoopMaker] = []
    for extent in extents:
        if isinstance(extent, tuple):  # (start, extent), as TVM reads it
            lo, ext = arith.match_types(*arith._operands(extent[0], extent[1]))
        else:
            lo, ext = _bounds(extent, None)
        lo, ext = _typed(lo, ext, dtype)
        var = Var("", lo.dtype, span=current_span())
        loop_vars.append(var)
        doms.append(Range(lo, ext))
        makers.append(loop_maker(var, lo, ext, ForKind.SERIAL))
    if not loop_vars:
        raise ValueError("T.grid needs at least one extent")
    return ForFrame(loop_vars, doms, makers)
