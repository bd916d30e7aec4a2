"""Pooling: ``R.nn.max_pool1d/2d/3d``, ``avg_pool1d/2d/3d``, ``adaptive_avg_pool1d/2d/3d``.

A pool pads its input when it must (``pad_temp``, with the dtype's least value for a max
pool), reduces over the window (``rv0, rv1``) into ``pool_max``/``pool_sum``, and an average
divides by the number of elements the window covers, written as TVM's simplifier leaves it.
"""

from __future__ import annotations

from collections.abc import Sequence

from tvmscript.core.relax import expr as rx
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.transform import te, topi
from tvmscript.transform.canonical import canonical
from tvmscript.transform.registry import OpCall, legalizes


def _i64(v: int) -> E.IntImm:
    return E.IntImm("int64", v)


def _ints(values: object) -> list[int]:
    return [int(v) for v in values]  # type: ignore[attr-defined]


def spatial_dims(layout: str) -> list[int]:
    """The positions of the spatial dims (``D``, ``H``, ``W``) in a data layout."""
    return [i for i, ch in enumerate(layout) if ch in "DHW"]


def _scaled(v: E.PrimExpr, s: int) -> E.PrimExpr:
    return v if s == 1 else E.Mul(v, _i64(s))


def _count(
    v: E.PrimExpr, dim: E.PrimExpr, k: int, s: int, d: int, pb: int, pa: int, cip: bool
) -> E.PrimExpr:
    """How many elements of one dim the window at output index ``v`` covers."""
    e = (k - 1) * d
    n = dim.value if isinstance(dim, E.IntImm) else None
    vs = _scaled(v, s)
    if n is None:  # a symbolic extent: the plain formula
        start = canonical(E.Sub(vs, _i64(pb)))
        end = E.Min(arith.add(start, e), arith.sub(arith.add(dim, pa if cip else 0), 1))
        first = start if cip else E.Max(start, _i64(0))
        return E.Add(E.Sub(end, first), _i64(1))
    if cip:
        return E.Add(E.Min(_i64(e - pb), E.Sub(_i64(n + pa - 1), vs)), _i64(pb + 1))
    if s == 1:
        head = E.Add(E.Min(_i64(e - pb), E.Sub(_i64(n - 1), v)), _i64(pb + 1))
        return E.Sub(head, E.Max(E.Sub(_i64(pb), v), _i64(0)))
    if pb == 0:
        lead = E.Add(E.Mul(E.Min(v, _i64(0)), _i64(s)), E.Min(arith.add(vs, e), _i64(n - 1)))
        return E.Sub(E.Add(lead, _i64(1)), vs)
    head = E.Add(E.Min(arith.add(vs, e - pb), _i64(n - 1)), _i64(pb + 1))
    return E.Sub(E.Sub(head, E.Max(E.Sub(_i64(pb), vs), _i64(0))), vs)


def pool(
    x: te.Tensor,
    kind: str,
    shape: Sequence[E.PrimExpr],
    layout: str,
    size: Sequence[int],
    strides: Sequence[int],
    padding: Sequence[int],
    dilation: Sequence[int],
    count_include_pad: bool,
) -> te.Tensor:
    """A max or average pool of ``x`` into ``shape`` (``padding``: befores, then afters)."""
    dims = spatial_dims(layout)
    nd = len(dims)
    before, after = [0] * x.ndim, [0] * x.ndim
    for k, d in enumerate(dims):
        before[d], after[d] = padding[k], padding[nd + k]
    fill = te.min_value(x.dtype) if kind == "max" else arith.make_const(x.dtype, 0)
    padded = x
    if any(before) or any(after):
        padded = topi.pad(x, before, after, fill, "pad_temp", "ax", both_sides=False)
    rv = [te.reduce_axis(size[k], f"rv{k}") for k in range(nd)]

    def window(*out: E.PrimExpr) -> te.Reduce:
        index = list(out)
        for k, d in enumerate(dims):
            index[d] = canonical(
                E.Add(E.Mul(out[d], _i64(strides[k])), E.Mul(rv[k].var, _i64(dilation[k])))
            )
        value = padded[index]
        return te.max(value, rv) if kind == "max" else te.sum(value, rv)

    if kind == "max":
        attrs = {"schedule_rule": "meta_schedule.pool_max"}
        return te.compute(shape, window, "pool_max", names="ax", attrs=attrs)
    total = te.compute(shape, window, "pool_sum", names="ax")

    def average(*out: E.PrimExpr) -> E.PrimExpr:
        counts = [
            _count(
                out[d],
                x.shape[d],
                size[k],
                strides[k],
                dilation[k],
                padding[k],
                padding[nd + k],
                count_include_pad,
            )
            for k, d in enumerate(dims)
        ]
        count = counts[0]
        for extra in counts[1:]:
            count = E.Mul(count, extra)
        if not count_include_pad:
            count = E.Max(count, _i64(1))
        return E.Div(total[out], arith.cast(x.dtype, count))

    attrs = {"schedule_rule": "meta_schedule.pool_avg"}
    return te.compute(shape, average, "pool_avg", names="ax", attrs=attrs)


def _ceil_padding(
    x: te.Tensor,
    layout: str,
    size: Sequence[int],
    strides: Sequence[int],
    padding: list[int],
    dilation: Sequence[int],
    out_shape: Sequence[E.PrimExpr],
) -> list[int]:
    """``padding`` with the extra ``after`` elements a ceil-mode pool reads."""
    dims = spatial_dims(layout)
    nd = len(dims)
    padded = list(padding)
    for k, d in enumerate(dims):
        n, out = x.shape[d], out_shape[d]
        if not isinstance(n, E.IntImm) or not isinstance(out, E.IntImm):
            continue
        need = (out.value - 1) * strides[k] + (size[k] - 1) * dilation[k] + 1
        have = n.value + padding[k] + padding[nd + k]
        padded[nd + k] += max(0, need - have)
    return padded


@legalizes(
    "nn.max_pool1d",
    "nn.max_pool2d",
    "nn.max_pool3d",
    "nn.avg_pool1d",
    "nn.avg_pool2d",
    "nn.avg_pool3d",
)
def _legalize_pool(c: OpCall) -> rx.Expr:
    a = c.attrs
    kind = "max" if c.name.startswith("nn.max") else "avg"
    layout = str(a["layout"])
    if str(a.get("out_layout") or layout) != layout:
        raise c.fail("a pool changing the layout is not supported")
    x = c.tensor(0)
    size, strides, dilation = _ints(a["pool_size"]), _ints(a["strides"]), _ints(a["dilation"])
    padding = _ints(a["padding"])
    out_shape = c.out_shape()
    if a.get("ceil_mode"):
        padding = _ceil_padding(x, layout, size, strides, padding, dilation, out_shape)
    out = pool(
        x, kind, out_shape, layout, size, strides, padding, dilation, bool(a["count_include_pad"])
    )
    return c.emit(c.name.removeprefix("nn."), out)


@legalizes("nn.adaptive_avg_pool1d", "nn.adaptive_avg_pool2d", "nn.adaptive_avg_pool3d")
def _legalize_adaptive(c: OpCall) -> rx.Expr:
    a = c.attrs
    layout = str(a["layout"])
    if str(a.get("out_layout") or layout) != layout:
        raise c.fail("a pool changing the layout is not supported")
    x = c.tensor(0)
    out_shape = c.out_shape()
    dims = spatial_dims(layout)
    sizes: list[tuple[int, int]] = []
    for d in dims:
        n, out = x.shape[d], out_shape[d]
        if not isinstance(n, E.IntImm) or not isinstance(out, E.IntImm):
            raise c.fail("adaptive pooling needs known spatial sizes")
        sizes.append((n.value, out.value))
    if all(n % out == 0 for n, out in sizes):
        return c.emit(c.name.removeprefix("nn."), _uniform_adaptive(x, dims, sizes, out_shape))
    return c.emit(c.name.removeprefix("nn."), _general_adaptive(x, dims, sizes, out_shape))


def _uniform_adaptive(
    x: te.Tensor,
    dims: Sequence[int],
    sizes: Sequence[tuple[int, int]],
    out_shape: Sequence[E.PrimExpr],
) -> te.Tensor:
    kernels = [n // out for n, out in sizes]
    rv = [te.reduce_axis(k, f"rv{i}") for i, k in enumerate(kernels)]

    def window(*out: E.PrimExpr) -> te.Reduce:
        index = list(out)
        for i, d in enumerate(dims):
            index[d] = canonical(E.Add(E.Mul(out[d], _i64(kernels[i])), rv[i].var))
        return te.sum(x[index], rv)

    total = te.compute(out_shape, window, "adaptive_pool_sum", names="ax")
    area = 1
    for k in kernels:
        area *= k
    divisor = arith.make_const(x.dtype, area)
    attrs = {"schedule_rule": "meta_schedule.adaptive_pool_avg"}
    return te.compute(
        out_shape, lambda *i: E.Div(total[i], divisor), "adaptive_pool_avg", names="ax", attrs=attrs
    )


def _general_adaptive(
    x: te.Tensor,
    dims: Sequence[int],
    sizes: Sequence[tuple[int, int]],
    out_shape: Sequence[E.PrimExpr],
) -> te.Tensor:
    """Windows ``[floor(i*n/o), ceil((i+1)*n/o))`` of varying sizes.

    The widest window is reduced over, masked to each window's own extent.
    """
    widest = [-(-n // out) + 1 for n, out in sizes]
    rv = [te.reduce_axis(w, f"rv{i}") for i, w in enumerate(widest)]

    def bounds(v: E.PrimExpr, n: int, out: int) -> tuple[E.PrimExpr, E.PrimExpr]:
        start = E.FloorDiv(E.Mul(v, _i64(n)), _i64(out))
        end = E.FloorDiv(E.Add(E.Mul(v, _i64(n)), _i64(n + out - 1)), _i64(out))
        return start, end

    def window(*out: E.PrimExpr) -> te.Reduce:
        index = list(out)
        inside: list[E.PrimExpr] = []
        for i, d in enumerate(dims):
            start, end = bounds(out[d], *sizes[i])
            pos = E.Add(start, rv[i].var)
            inside.append(E.LT(pos, end))
            index[d] = E.Min(pos, _i64(sizes[i][0] - 1))
        value = topi.if_then_else(topi.all_of(inside), x[index], arith.make_const(x.dtype, 0))
        return te.sum(value, rv)

    total = te.compute(out_shape, window, "adaptive_pool_sum", names="ax")

    def average(*out: E.PrimExpr) -> E.PrimExpr:
        count: E.PrimExpr | None = None
        for i, d in enumerate(dims):
            start, end = bounds(out[d], *sizes[i])
            extent = E.Sub(end, start)
            count = extent if count is None else E.Mul(count, extent)
        assert count is not None
        return E.Div(total[out], arith.cast(x.dtype, count))

    attrs = {"schedule_rule": "meta_schedule.adaptive_pool_avg"}
    return te.compute(out_shape, average, "adaptive_pool_avg", names="ax", attrs=attrs)
