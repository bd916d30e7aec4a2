"""Scans, sorting and searching: cumsum, cumprod, sort, argsort, topk, bucketize, median.

TVM's LegalizeOps leaves the first five to a later pass; here they are plain computes.

Sorting ranks each element by how many come before it (stably), then gathers by rank: a
quadratic but branch-free formulation that stays within computes.
"""

from __future__ import annotations

from collections.abc import Sequence

from tvmscript.core.relax import expr as rx
from tvmscript.core.relax.struct_info import TensorStructInfo, TupleStructInfo
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.transform import te, topi
from tvmscript.transform.canonical import canonical
from tvmscript.transform.ops.manipulation import reshape
from tvmscript.transform.registry import OpCall, legalizes


def _axis(axis: object, ndim: int) -> int:
    a = -1 if axis is None else int(axis)  # type: ignore[call-overload]
    return a + ndim if a < 0 else a


def _flat(x: te.Tensor) -> te.Tensor:
    total: E.PrimExpr = E.IntImm("int64", 1)
    for d in x.shape:
        total = arith.mul(total, d)
    return reshape(x, [total])


def _replace(i: Sequence[E.PrimExpr], axis: int, v: E.PrimExpr) -> list[E.PrimExpr]:
    out = list(i)
    out[axis] = v
    return out


@legalizes("cumsum", "cumprod")
def _legalize_scan(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    if c.attrs["axis"] is None:
        x = _flat(x)
    axis = _axis(c.attrs["axis"] if c.attrs["axis"] is not None else 0, x.ndim)
    dtype = c.out_tensor_info().dtype
    exclusive = bool(c.attrs.get("exclusive", False))
    total = c.name == "cumsum"
    k = te.reduce_axis(x.shape[axis], "k")
    neutral = arith.make_const(dtype, 0 if total else 1)

    def body(*i: E.PrimExpr) -> te.Reduce:
        take = E.LT(k.var, i[axis]) if exclusive else E.LE(k.var, i[axis])
        value = E.Select(take, arith.cast(dtype, x[_replace(i, axis, k.var)]), neutral)
        return te.sum(value, [k]) if total else te.prod(value, [k])

    return c.emit(c.name, te.compute(x.shape, body, f"T_{c.name}", names="ax", dtype=dtype))


def _ranks(x: te.Tensor, axis: int, descending: bool) -> te.Tensor:
    """The stable sort position of every element along ``axis`` (int64)."""
    j = te.reduce_axis(x.shape[axis], "j")

    def body(*i: E.PrimExpr) -> te.Reduce:
        other, mine = x[_replace(i, axis, j.var)], x[i]
        first = E.GT(other, mine) if descending else E.LT(other, mine)
        before = E.Or(first, E.And(E.EQ(other, mine), E.LT(j.var, i[axis])))
        one, zero = E.IntImm("int64", 1), E.IntImm("int64", 0)
        return te.sum(E.Select(before, one, zero), [j])

    return te.compute(x.shape, body, "T_rank", names="ax")


def _gather_sorted(
    x: te.Tensor, ranks: te.Tensor, axis: int, count: E.PrimExpr, want_index: bool, dtype: str
) -> te.Tensor:
    """Position ``p`` along ``axis`` of the sorted tensor: the value (or index) ranked ``p``."""
    j = te.reduce_axis(x.shape[axis], "j")
    shape = _replace(x.shape, axis, count)

    def body(*i: E.PrimExpr) -> te.Reduce:
        hit = E.EQ(ranks[_replace(i, axis, j.var)], i[axis])
        value = arith.cast(dtype, j.var) if want_index else x[_replace(i, axis, j.var)]
        return te.sum(E.Select(hit, value, arith.make_const(dtype, 0)), [j])

    name = "T_sort_indices" if want_index else "T_sort"
    return te.compute(shape, body, name, names="ax", dtype=dtype)


@legalizes("sort", "argsort")
def _legalize_sort(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    axis = _axis(c.attrs["axis"], x.ndim)
    ranks = _ranks(x, axis, bool(c.attrs["descending"]))
    if c.name == "sort":
        return c.emit("sort", _gather_sorted(x, ranks, axis, x.shape[axis], False, x.dtype))
    dtype = c.out_tensor_info().dtype
    return c.emit("argsort", _gather_sorted(x, ranks, axis, x.shape[axis], True, dtype))


@legalizes("topk")
def _legalize_topk(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    a = c.attrs
    axis = _axis(a["axis"], x.ndim)
    k = E.IntImm("int64", int(a["k"]))
    if int(a["k"]) < 1:
        k = x.shape[axis]  # type: ignore[assignment]
    ranks = _ranks(x, axis, bool(a["largest"]))
    index_dtype = str(a["dtype"])
    values = _gather_sorted(x, ranks, axis, k, False, x.dtype)
    indices = _gather_sorted(x, ranks, axis, k, True, index_dtype)
    kind = str(a["ret_type"])
    outs = {"both": [values, indices], "values": [values], "indices": [indices]}[kind]
    return c.emit("topk", outs)


@legalizes("bucketize")
def _legalize_bucketize(c: OpCall) -> rx.Expr:
    x, bounds = c.tensor(0), c.tensor(1)
    right = bool(c.attrs["right"])
    dtype = c.out_tensor_info().dtype
    j = te.reduce_axis(bounds.shape[0], "j")

    def body(*i: E.PrimExpr) -> te.Reduce:
        below = E.LE(bounds[j.var], x[i]) if right else E.LT(bounds[j.var], x[i])
        one, zero = arith.make_const(dtype, 1), arith.make_const(dtype, 0)
        return te.sum(E.Select(below, one, zero), [j])

    return c.emit("bucketize", te.compute(x.shape, body, "T_bucketize", names="ax", dtype=dtype))


@legalizes("median")
def _legalize_median(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    axis_attr = c.attrs["axis"]
    if axis_attr is None:
        x = _flat(x)
        axis = 0
    else:
        axes = [axis_attr] if isinstance(axis_attr, int) else list(axis_attr)
        if len(axes) != 1:
            raise c.fail("median over several axes is not supported")
        axis = _axis(axes[0], x.ndim)
    n = x.shape[axis]
    ranks = _ranks(x, axis, False)
    middle = E.FloorDiv(arith.sub(n, 1), E.IntImm("int64", 2))
    keep = bool(c.attrs["keepdims"]) and axis_attr is not None
    shape = [
        d if k != axis else E.IntImm("int64", 1) for k, d in enumerate(x.shape) if keep or k != axis
    ]

    def pick(want_index: bool, dtype: str):  # type: ignore[no-untyped-def]
        j = te.reduce_axis(n, "j")

        def body(*out: E.PrimExpr) -> te.Reduce:
            i = list(out) if keep else [*out[:axis], E.IntImm("int64", 0), *out[axis:]]
            at = _replace(i, axis, j.var)
            hit = E.EQ(ranks[at], middle)
            value = arith.cast(dtype, j.var) if want_index else x[at]
            return te.sum(E.Select(hit, value, arith.make_const(dtype, 0)), [j])

        return body

    info = c.out_info()
    values = te.compute(shape, pick(False, x.dtype), "T_median", names="ax", dtype=x.dtype)
    if not isinstance(info, TupleStructInfo):
        return c.emit("median", values)
    idx_info = info.fields[1]
    idx_dtype = idx_info.dtype if isinstance(idx_info, TensorStructInfo) else "int64"
    indices = te.compute(
        shape, pick(True, idx_dtype), "T_median_index", names="ax", dtype=idx_dtype
    )
    return c.emit("median", [values, indices])


@legalizes("reverse_sequence")
def _legalize_reverse_sequence(c: OpCall) -> rx.Expr:
    x, lengths = c.tensor(0), c.tensor(1)
    seq = _axis(c.attrs["seq_axis"], x.ndim)
    batch = _axis(c.attrs["batch_axis"], x.ndim)

    extent = x.shape[seq]
    one = E.IntImm("int64", 1)

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        n = arith.cast("int64", lengths[i[batch]])
        t = i[seq]
        # A length past the axis reverses all of it (TVM's form of the index).
        inside = topi.if_then_else(
            E.LT(extent, n), canonical(E.Sub(E.Sub(extent, one), t)), E.Sub(E.Sub(n, t), one)
        )
        kept = E.Or(E.LE(n, one), E.LE(n, t))
        return x[_replace(i, seq, topi.if_then_else(kept, t, inside))]

    return c.emit("reverse_sequence", te.compute(x.shape, body, "T_reverse_sequence", names="ax"))
