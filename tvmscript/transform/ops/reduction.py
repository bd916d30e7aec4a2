"""Reductions: sum, prod, max, min, mean, variance, std, argmax, argmin, collapse_sum.

A reduction of tensor ``x`` is the compute ``x_red`` over the kept axes (``ax0, ...``) and one
reduction axis per reduced dimension (``k<dim>``); ``mean`` divides it by the element count
(``T_divide``); ``variance`` is TOPI's mean / subtract / square / sum / divide chain.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tvmscript.core.relax import expr as rx
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.transform import te, topi
from tvmscript.transform.canonical import canonical
from tvmscript.transform.ops.elementwise import intrin
from tvmscript.transform.registry import OpCall, legalizes

Reducer = Callable[[E.PrimExpr, Sequence[te.Axis]], te.Reduce]


def normalize_axes(axes: object, ndim: int) -> list[int]:
    """``axes`` (an int, a sequence or None for all) as sorted non-negative dims."""
    if axes is None:
        return list(range(ndim))
    items = [axes] if isinstance(axes, int) else list(axes)  # type: ignore[call-overload]
    return sorted({a + ndim if a < 0 else a for a in items})


def reduce(
    x: te.Tensor, axes: Sequence[int], keepdims: bool, reducer: Reducer, name: str | None = None
) -> te.Tensor:
    """``reducer`` of ``x`` over ``axes`` (TOPI's ``comm_reduce``)."""
    reduce_axes = {d: te.reduce_axis(x.shape[d], f"k{d}") for d in axes}
    one = E.IntImm("int64", 1)
    shape = [
        one if d in reduce_axes else x.shape[d]
        for d in range(x.ndim)
        if keepdims or d not in reduce_axes
    ]

    def body(*out: E.PrimExpr) -> te.Reduce:
        return reducer(
            x[_source_index(x.ndim, reduce_axes, out, keepdims)], list(reduce_axes.values())
        )

    return te.compute(shape, body, name or f"{x.name}_red", names="ax")


def _source_index(
    ndim: int, reduce_axes: dict[int, te.Axis], out: Sequence[E.PrimExpr], keepdims: bool
) -> list[E.PrimExpr]:
    index: list[E.PrimExpr] = []
    kept = iter(out)
    for d in range(ndim):
        if d in reduce_axes:
            index.append(reduce_axes[d].var)
            if keepdims:
                next(kept)
        else:
            index.append(out[d] if keepdims else next(kept))
    return index


def _count(x: te.Tensor, axes: Sequence[int]) -> E.PrimExpr:
    count: E.PrimExpr = E.IntImm("int64", 1)
    for d in axes:
        count = arith.mul(count, x.shape[d])
    return count


def mean(x: te.Tensor, axes: Sequence[int], keepdims: bool) -> te.Tensor:
    """The sum over ``axes`` divided by the number of elements summed."""
    total = reduce(x, axes, keepdims, te.sum)
    count = arith.cast(x.dtype, _count(x, axes))
    return topi.broadcast(total, count, lambda a, b: E.Div(a, b), "T_divide")


def variance(x: te.Tensor, axes: Sequence[int], keepdims: bool) -> te.Tensor:
    """The mean squared deviation from the mean over ``axes``."""
    centre = mean(x, axes, True)
    diff = topi.broadcast(x, centre, lambda a, b: E.Sub(a, b), "T_subtract")
    square = topi.broadcast(diff, diff, lambda a, b: E.Mul(a, b), "T_multiply")
    total = reduce(square, axes, keepdims, te.sum)
    count = arith.cast(x.dtype, _count(x, axes))
    return topi.broadcast(total, count, lambda a, b: E.Div(a, b), "T_divide")


_SIMPLE = {"sum": te.sum, "prod": te.prod, "max": te.max, "min": te.min}


@legalizes("sum", "prod", "max", "min", "mean", "variance", "std")
def _legalize_reduce(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    axes = normalize_axes(c.attrs["axis"], x.ndim)
    keepdims = bool(c.attrs["keepdims"])
    if c.name in _SIMPLE:
        return c.emit(c.name, reduce(x, axes, keepdims, _SIMPLE[c.name]))
    if c.name == "mean":
        return c.emit("mean", mean(x, axes, keepdims))
    var = variance(x, axes, keepdims)
    if c.name == "variance":
        return c.emit("variance", var)
    return c.emit("std", topi.elemwise(var, intrin("sqrt")))


def _arg_reducer(largest: bool) -> Callable[[E.PrimExpr, E.PrimExpr, Sequence[te.Axis]], te.Reduce]:
    better = E.GT if largest else E.LT

    def combine(acc: tuple[E.PrimExpr, ...], src: tuple[E.PrimExpr, ...]) -> tuple[E.PrimExpr, ...]:
        (acc_i, acc_v), (src_i, src_v) = acc, src
        keep = E.Or(better(acc_v, src_v), E.And(E.EQ(acc_v, src_v), E.LT(acc_i, src_i)))
        return (E.Select(keep, acc_i, src_i), E.Select(better(acc_v, src_v), acc_v, src_v))

    def make(index: E.PrimExpr, value: E.PrimExpr, axes: Sequence[te.Axis]) -> te.Reduce:
        identity = te.min_value(value.dtype) if largest else te.max_value(value.dtype)
        return te.Reduce(combine, (index, value), (E.IntImm("int64", -1), identity), tuple(axes))

    return make


@legalizes("argmax", "argmin")
def _legalize_arg(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    axis = c.attrs["axis"]
    axes = normalize_axes(axis, x.ndim)
    keepdims = bool(c.attrs["keepdims"])
    reduce_axes = {d: te.reduce_axis(x.shape[d], f"k{d}") for d in axes}
    one = E.IntImm("int64", 1)
    shape = [
        one if d in reduce_axes else x.shape[d]
        for d in range(x.ndim)
        if keepdims or d not in reduce_axes
    ]
    make = _arg_reducer(c.name == "argmax")

    def body(*out: E.PrimExpr) -> te.Reduce:
        flat = _flat_index([reduce_axes[d].var for d in axes], [x.shape[d] for d in axes])
        value = x[_source_index(x.ndim, reduce_axes, out, keepdims)]
        return make(flat, value, list(reduce_axes.values()))

    index, _ = te.compute_multi(shape, body, f"{x.name}_red_temp", names="ax")
    result = te.compute(shape, lambda *i: index[i], f"{x.name}_red", names="ax")
    return c.emit(c.name, result)


def _flat_index(vars_: Sequence[E.PrimExpr], dims: Sequence[E.PrimExpr]) -> E.PrimExpr:
    flat = vars_[0]
    for v, d in zip(vars_[1:], dims[1:], strict=True):
        flat = E.Add(E.Mul(flat, d), v)
    return canonical(flat)


@legalizes("collapse_sum_to", "collapse_sum_like")
def _legalize_collapse_sum(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    target = c.out_shape()
    lead = x.ndim - len(target)
    axes = list(range(lead))
    axes += [
        lead + i
        for i, d in enumerate(target)
        if topi.is_one(d) and not topi.is_one(x.shape[lead + i])
    ]
    reduce_axes = {d: te.reduce_axis(x.shape[d], f"k{d}") for d in axes}

    def body(*out: E.PrimExpr) -> te.Reduce:
        index = [reduce_axes[d].var if d in reduce_axes else out[d - lead] for d in range(x.ndim)]
        return te.sum(x[index], list(reduce_axes.values()))

    return c.emit("collapse_sum", te.compute(target, body, f"{x.name}_red", names="ax"))
