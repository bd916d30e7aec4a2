"""Indexing operators: take, gather, scatter, one_hot, index_tensor, index_put, slice_scatter.

A scatter is computed per output element: the updates landing on it are reduced (the last
one wins for ``update``), so the PrimFunc stays a set of computes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tvmscript.core.relax import expr as rx
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.transform import te, topi
from tvmscript.transform.registry import OpCall, legalizes


def _axis(axis: int, ndim: int) -> int:
    return axis + ndim if axis < 0 else axis


def _clip(index: E.PrimExpr, dim: E.PrimExpr) -> E.PrimExpr:
    upper = arith.sub(dim, E.IntImm(dim.dtype, 1))
    return E.Min(E.Max(E.IntImm(dim.dtype, 0), arith.cast(dim.dtype, index)), upper)


def _wrap(index: E.PrimExpr, dim: E.PrimExpr) -> E.PrimExpr:
    i = arith.cast(dim.dtype, index)
    return E.Mod(E.Add(E.Mod(i, dim), dim), dim)


@legalizes("take")
def _legalize_take(c: OpCall) -> rx.Expr:
    x, idx = c.tensor(0), c.tensor(1)
    axis_attr = c.attrs["axis"]
    axis = 0 if axis_attr is None else _axis(int(axis_attr), x.ndim)
    mode = str(c.attrs.get("mode", "fast"))

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        picked = idx[i[axis : axis + idx.ndim]]
        if mode == "clip":
            picked = _clip(picked, x.shape[axis])
        elif mode == "wrap":
            picked = _wrap(picked, x.shape[axis])
        if axis_attr is None:  # a flat index into x
            from tvmscript.transform.ops.manipulation import unravel

            return x[unravel(picked, x.shape)]
        index = [*i[:axis], picked, *i[axis + idx.ndim :]]
        return x[index]

    return c.emit("take", te.compute(c.out_shape(), body, "T_take", names="ax"))


@legalizes("gather_elements")
def _legalize_gather_elements(c: OpCall) -> rx.Expr:
    x, idx = c.tensor(0), c.tensor(1)
    axis = _axis(int(c.attrs["axis"]), x.ndim)

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        index = list(i)
        index[axis] = idx[i]
        return x[index]

    return c.emit("gather", te.compute(idx.shape, body, "T_gather", names="ax"))


@legalizes("gather_nd")
def _legalize_gather_nd(c: OpCall) -> rx.Expr:
    x, idx = c.tensor(0), c.tensor(1)
    batch = int(c.attrs.get("batch_dims", 0))
    depth = idx.shape[-1]
    if not isinstance(depth, E.IntImm):
        raise c.fail("the index depth must be known")
    m = depth.value

    # TVM's gather_nd reads the indices transposed, the index depth first.
    perm = [idx.ndim - 1, *range(idx.ndim - 1)]
    moved = te.compute(
        [idx.shape[p] for p in perm],
        lambda *i: idx[[i[perm.index(d)] for d in range(idx.ndim)]],
        "T_transpose",
        names="ax",
    )

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        lead = i[: idx.ndim - 1]
        picked = [moved[[E.IntImm("int64", k), *lead]] for k in range(m)]
        return x[[*i[:batch], *picked, *i[idx.ndim - 1 :]]]

    return c.emit("te_gather_nd", te.compute(c.out_shape(), body, "T_gather_nd", names="ax"))


@legalizes("one_hot")
def _legalize_one_hot(c: OpCall) -> rx.Expr:
    idx = c.tensor(0)
    shape = c.out_shape()
    axis = _axis(int(c.attrs["axis"]), len(shape))
    dtype = c.out_tensor_info().dtype
    on, off = (arith.cast(dtype, c.prim(k)) for k in (1, 2))

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        index = [v for d, v in enumerate(i) if d != axis]
        hit = E.EQ(arith.cast("int64", idx[index]), i[axis])
        return E.Select(hit, on, off)

    return c.emit("one_hot", te.compute(shape, body, "T_one_hot", names="ax"))


def _scatter_reduce(
    reduction: str,
    found: E.PrimExpr,
    value: E.PrimExpr,
    axes: Sequence[te.Axis],
    position: E.PrimExpr,
) -> te.Reduce:
    """The reduction of the updates that land on one element.

    The last one for ``update``, else their sum/product/min/max; ``found`` says whether an
    update lands here.
    """
    dtype = value.dtype
    if reduction == "update":

        def combine(
            acc: tuple[E.PrimExpr, ...], src: tuple[E.PrimExpr, ...]
        ) -> tuple[E.PrimExpr, ...]:
            newer = E.LT(acc[0], src[0])
            return (E.Max(acc[0], src[0]), E.Select(newer, src[1], acc[1]))

        minus_one = E.IntImm("int64", -1)
        source = (E.Select(found, position, minus_one), value)
        return te.Reduce(combine, source, (minus_one, arith.make_const(dtype, 0)), tuple(axes))
    neutral = {
        "add": arith.make_const(dtype, 0),
        "mul": arith.make_const(dtype, 1),
        "min": te.max_value(dtype),
        "max": te.min_value(dtype),
    }
    if reduction not in neutral:
        raise ValueError(f"scatter reduction {reduction!r} is not supported")
    op = {"add": E.Add, "mul": E.Mul, "min": E.Min, "max": E.Max}[reduction]

    def fold(acc: tuple[E.PrimExpr, ...], src: tuple[E.PrimExpr, ...]) -> tuple[E.PrimExpr, ...]:
        return (op(acc[0], src[0]),)

    picked = E.Select(found, value, neutral[reduction])
    return te.Reduce(fold, (picked,), (neutral[reduction],), tuple(axes))


def _apply_scatter(
    name: str,
    data: te.Tensor,
    reduction: str,
    body: Callable[..., te.Reduce],
) -> te.Tensor:
    """``data`` with the scattered updates ``body`` reduces per element applied."""
    if reduction == "update":
        pos, val = te.compute_multi(data.shape, body, f"{name}_updates", names="ax")
        return te.compute(
            data.shape,
            lambda *i: E.Select(E.LE(E.IntImm("int64", 0), pos[i]), val[i], data[i]),
            name,
            names="ax",
        )
    red = te.compute(data.shape, body, f"{name}_updates", names="ax")
    op = {"add": E.Add, "mul": E.Mul, "min": E.Min, "max": E.Max}[reduction]
    return te.compute(data.shape, lambda *i: op(data[i], red[i]), name, names="ax")


def _normalized(index: E.PrimExpr, dim: E.PrimExpr) -> E.PrimExpr:
    i = arith.cast(dim.dtype, index)
    return E.Select(E.LT(i, E.IntImm(dim.dtype, 0)), E.Add(i, dim), i)


@legalizes("scatter_elements")
def _legalize_scatter_elements(c: OpCall) -> rx.Expr:
    data, idx, upd = c.tensor(0), c.tensor(1), c.tensor(2)
    axis = _axis(int(c.attrs["axis"]), data.ndim)
    reduction = str(c.attrs.get("reduction", "update"))
    r = te.reduce_axis(upd.shape[axis], "r")

    def body(*i: E.PrimExpr) -> te.Reduce:
        u = list(i)
        u[axis] = r.var
        guard = [E.LT(i[d], upd.shape[d]) for d in range(data.ndim) if d != axis]
        inside = _all(guard)
        target = topi.if_then_else(
            inside, _normalized(idx[u], data.shape[axis]), E.IntImm("int64", -1)
        )
        found = E.EQ(target, i[axis])
        value = topi.if_then_else(inside, upd[u], arith.make_const(upd.dtype, 0))
        return _scatter_reduce(reduction, found, value, [r], r.var)

    try:
        out = _apply_scatter("T_scatter_elements", data, reduction, body)
    except ValueError as err:
        raise c.fail(str(err)) from None
    return c.emit("scatter_elements", out)


def _all(conds: Sequence[E.PrimExpr]) -> E.PrimExpr:
    return topi.all_of(conds) if conds else E.IntImm("bool", 1)


@legalizes("scatter_nd")
def _legalize_scatter_nd(c: OpCall) -> rx.Expr:
    data, idx, upd = c.tensor(0), c.tensor(1), c.tensor(2)
    reduction = str(c.attrs.get("reduction", "update"))
    depth = idx.shape[-1]
    if not isinstance(depth, E.IntImm):
        raise c.fail("the index depth must be known")
    m = depth.value
    lead = idx.shape[:-1]
    rs = [te.reduce_axis(d, f"r{k}") for k, d in enumerate(lead)]

    def body(*i: E.PrimExpr) -> te.Reduce:
        u = [r.var for r in rs]
        hits = [
            E.EQ(_normalized(idx[[*u, E.IntImm("int64", k)]], data.shape[k]), i[k])
            for k in range(m)
        ]
        value = upd[[*u, *i[m:]]]
        position = u[0] if len(u) == 1 else _ravel(u, lead)
        return _scatter_reduce(reduction, _all(hits), value, rs, position)

    try:
        out = _apply_scatter("T_scatter_nd", data, reduction, body)
    except ValueError as err:
        raise c.fail(str(err)) from None
    return c.emit("scatter_nd", out)


def _ravel(index: Sequence[E.PrimExpr], shape: Sequence[E.PrimExpr]) -> E.PrimExpr:
    flat = index[0]
    for i, d in zip(index[1:], shape[1:], strict=True):
        flat = E.Add(E.Mul(flat, d), i)
    return flat


@legalizes("index_tensor")
def _legalize_index_tensor(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    indices = c.tensors_of_tuple(1)
    shape = c.out_shape()
    batch = shape[: len(shape) - (x.ndim - len(indices))]

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        lead, rest = i[: len(batch)], i[len(batch) :]
        picked = [
            _normalized(topi.broadcast_load(t, batch, lead), x.shape[k])
            for k, t in enumerate(indices)
        ]
        return x[[*picked, *rest]]

    return c.emit("index_tensor", te.compute(shape, body, "T_index_tensor", names="ax"))


@legalizes("index_put")
def _legalize_index_put(c: OpCall) -> rx.Expr:
    data = c.tensor(0)
    indices = c.tensors_of_tuple(1)
    values = c.operand(2)
    reduction = "add" if bool(c.attrs.get("accumulate", False)) else "update"
    batch = indices[0].shape
    for t in indices[1:]:
        batch = topi.broadcast_shape(batch, t.shape)
    rs = [te.reduce_axis(d, f"r{k}") for k, d in enumerate(batch)]
    rank = len(indices)

    def body(*i: E.PrimExpr) -> te.Reduce:
        u = [r.var for r in rs]
        hits = [
            E.EQ(_normalized(topi.broadcast_load(t, batch, u), data.shape[k]), i[k])
            for k, t in enumerate(indices)
        ]
        full = [*batch, *data.shape[rank:]]
        value = topi.broadcast_load(values, full, [*u, *i[rank:]])
        position = u[0] if len(u) == 1 else _ravel(u, batch)
        return _scatter_reduce(reduction, _all(hits), arith.cast(data.dtype, value), rs, position)

    return c.emit("index_put", _apply_scatter("T_index_put", data, reduction, body))


@legalizes("slice_scatter")
def _legalize_slice_scatter(c: OpCall) -> rx.Expr:
    data, src = c.tensor(0), c.tensor(1)
    axis = _axis(int(c.attrs["axis"]), data.ndim)
    start, end, step = (arith.cast("int64", c.prim(k)) for k in (2, 3, 4))

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        v = i[axis]
        offset = E.Sub(v, start)
        inside = _all(
            [E.LE(start, v), E.LT(v, end), E.EQ(E.FloorMod(offset, step), E.IntImm("int64", 0))]
        )
        index = list(i)
        index[axis] = E.FloorDiv(offset, step)
        return topi.if_then_else(inside, src[index], data[i])

    return c.emit("slice_scatter", te.compute(data.shape, body, "T_slice_scatter", names="ax"))
