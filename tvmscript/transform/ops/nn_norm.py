"""Softmax and the normalizations (layer, group, instance, RMS and batch norm).

``softmax``, ``log_softmax``, ``layer_norm``, ``group_norm``, ``instance_norm``, ``rms_norm``
and ``batch_norm`` (training and inference).

Half-precision inputs are normalized in float32, as TVM's legalization does.
"""

from __future__ import annotations

from collections.abc import Sequence

from tvmscript.core.relax import expr as rx
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.transform import te, topi
from tvmscript.transform.ops.elementwise import intrin
from tvmscript.transform.ops.manipulation import reshape
from tvmscript.transform.ops.reduction import normalize_axes, reduce
from tvmscript.transform.registry import OpCall, legalizes

_F32 = "float32"


def _drop(index: Sequence[E.PrimExpr], axis: int) -> list[E.PrimExpr]:
    return [v for d, v in enumerate(index) if d != axis]


def _with(index: Sequence[E.PrimExpr], axis: int, value: E.PrimExpr) -> list[E.PrimExpr]:
    out = list(index)
    out.insert(axis, value)
    return out


def _max_over(x: te.Tensor, axis: int, name: str) -> te.Tensor:
    k = te.reduce_axis(x.shape[axis], "k")
    shape = _drop(x.shape, axis)
    return te.compute(shape, lambda *i: te.max(x[_with(i, axis, k.var)], [k]), name)


def softmax(x: te.Tensor, axis: int) -> te.Tensor:
    """TOPI's softmax: max, exp of the difference, its sum, and the quotient."""
    maxelem = _max_over(x, axis, "T_softmax_maxelem")
    exp = te.compute(
        x.shape,
        lambda *i: intrin("exp")(E.Sub(x[i], maxelem[_drop(i, axis)])),
        "T_softmax_exp",
    )
    k = te.reduce_axis(x.shape[axis], "k")
    expsum = te.compute(
        _drop(x.shape, axis), lambda *i: te.sum(exp[_with(i, axis, k.var)], [k]), "T_softmax_expsum"
    )
    return te.compute(
        x.shape,
        lambda *i: E.Div(exp[i], expsum[_drop(i, axis)]),
        "T_softmax_norm",
        attrs={"axis": axis},
    )


def _axis(c: OpCall, ndim: int) -> int:
    axis = int(c.attrs["axis"])
    return axis + ndim if axis < 0 else axis


@legalizes("nn.softmax")
def _legalize_softmax(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    return c.emit("softmax", softmax(x, _axis(c, x.ndim)))


@legalizes("nn.log_softmax")
def _legalize_log_softmax(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    axis = _axis(c, x.ndim)
    maxelem = _max_over(x, axis, "T_softmax_maxelem")
    k = te.reduce_axis(x.shape[axis], "k")
    expsum = te.compute(
        _drop(x.shape, axis),
        lambda *i: te.sum(intrin("exp")(E.Sub(x[_with(i, axis, k.var)], maxelem[i])), [k]),
    )

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        rest = _drop(i, axis)
        return E.Sub(E.Sub(x[i], maxelem[rest]), intrin("log")(expsum[rest]))

    return c.emit("log_softmax", te.compute(x.shape, body, attrs={"axis": axis}))


def _float(e: E.PrimExpr) -> E.PrimExpr:
    return arith.cast(_F32, e) if e.dtype in ("float16", "bfloat16") else e


def _eps(value: object, dtype: str) -> E.PrimExpr:
    return arith.make_const(dtype, float(value))  # type: ignore[arg-type]


def _count(shape: Sequence[E.PrimExpr], axes: Sequence[int]) -> E.PrimExpr:
    count: E.PrimExpr = E.IntImm("int64", 1)
    for d in axes:
        count = arith.mul(count, shape[d])
    return count


@legalizes("nn.layer_norm")
def _legalize_layer_norm(c: OpCall) -> rx.Expr:
    x, gamma, beta = c.tensor(0), c.tensor(1), c.tensor(2)
    axes = normalize_axes(c.attrs["axes"], x.ndim)
    kept = [d for d in range(x.ndim) if d not in axes]
    acc = _F32 if x.dtype in ("float16", "bfloat16") else x.dtype
    n = arith.cast(acc, _count(x.shape, axes))
    eps = _eps(c.attrs["epsilon"], acc)

    def full_index(out: Sequence[E.PrimExpr], red: dict[int, te.Axis]) -> list[E.PrimExpr]:
        it = iter(out)
        return [red[d].var if d in red else next(it) for d in range(x.ndim)]

    def reduced(name: str, term: object) -> te.Tensor:
        red = {d: te.reduce_axis(x.shape[d], f"k{d}") for d in axes}

        def body(*out: E.PrimExpr) -> te.Reduce:
            value = term(full_index(out, red), out)  # type: ignore[operator]
            return te.sum(value, list(red.values()))

        return te.compute([x.shape[d] for d in kept], body, name, names="ax")

    total = reduced(f"{x.name}_sum", lambda idx, out: _float(x[idx]))
    mean = te.compute(total.shape, lambda *i: E.Div(total[i], n), f"{x.name}_mean", names="ax")

    def square(idx: list[E.PrimExpr], out: Sequence[E.PrimExpr]) -> E.PrimExpr:
        diff = E.Sub(_float(x[idx]), mean[out])
        return E.Mul(diff, diff)

    var_sum = reduced(f"{x.name}_var_sum", square)
    center, scale = bool(c.attrs.get("center", True)), bool(c.attrs.get("scale", True))

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        rest = [i[d] for d in kept]
        norm = E.Mul(
            E.Sub(_float(x[i]), mean[rest]),
            intrin("rsqrt")(E.Add(E.Div(var_sum[rest], n), eps)),
        )
        value = arith.cast(x.dtype, norm)
        param = [i[d] for d in axes]
        if scale:
            value = E.Mul(value, gamma[param])
        if center:
            value = E.Add(value, beta[param])
        return value

    return c.emit("layer_norm", te.compute(x.shape, body, "T_layer_norm", names="ax"))


def _moments(x: te.Tensor, axes: Sequence[int], name: str) -> tuple[te.Tensor, te.Tensor]:
    """``(sum x, sum x*x)`` over ``axes`` in one tuple reduction."""
    red = {d: te.reduce_axis(x.shape[d], f"k{d}") for d in axes}
    kept = [d for d in range(x.ndim) if d not in axes]

    def combine(acc: tuple[E.PrimExpr, ...], src: tuple[E.PrimExpr, ...]) -> tuple[E.PrimExpr, ...]:
        return (E.Add(acc[0], src[0]), E.Add(acc[1], src[1]))

    def body(*out: E.PrimExpr) -> te.Reduce:
        it = iter(out)
        value = _float(x[[red[d].var if d in red else next(it) for d in range(x.ndim)]])
        zero = arith.make_const(value.dtype, 0)
        return te.Reduce(combine, (value, E.Mul(value, value)), (zero, zero), tuple(red.values()))

    first, second = te.compute_multi([x.shape[d] for d in kept], body, name, names="ax")
    return first, second


def _normalized(
    v: E.PrimExpr, s0: E.PrimExpr, s1: E.PrimExpr, n: E.PrimExpr, eps: E.PrimExpr
) -> E.PrimExpr:
    mean = E.Div(s0, n)
    var = E.Sub(E.Div(s1, n), E.Mul(E.Div(s0, n), E.Div(s0, n)))
    return E.Mul(E.Sub(v, mean), intrin("rsqrt")(E.Add(var, eps)))


@legalizes("nn.group_norm")
def _legalize_group_norm(c: OpCall) -> rx.Expr:
    x, gamma, beta = c.tensor(0), c.tensor(1), c.tensor(2)
    a = c.attrs
    groups = int(a["num_groups"])
    channel = int(a["channel_axis"]) % x.ndim
    axes = normalize_axes(a["axes"], x.ndim)
    per = arith.floordiv(x.shape[channel], groups)
    grouped_shape = [*x.shape[:channel], E.IntImm("int64", groups), per, *x.shape[channel + 1 :]]
    grouped = reshape(x, grouped_shape)
    red_axes = [channel + 1] + [d + 1 if d > channel else d for d in axes if d != channel]
    s0, s1 = _moments(grouped, sorted(red_axes), f"{x.name}_red_temp")
    g = reshape(gamma, [E.IntImm("int64", groups), per])
    b = reshape(beta, [E.IntImm("int64", groups), per])
    n = arith.cast(s0.dtype, _count(grouped.shape, red_axes))
    eps = _eps(a["epsilon"], s0.dtype)
    kept = [d for d in range(grouped.ndim) if d not in red_axes]

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        rest = [i[d] for d in kept]
        value = _normalized(_float(grouped[i]), s0[rest], s1[rest], n, eps)
        value = arith.cast(x.dtype, value)
        if a.get("scale", True):
            value = E.Mul(value, g[[i[channel], i[channel + 1]]])
        if a.get("center", True):
            value = E.Add(value, b[[i[channel], i[channel + 1]]])
        return value

    normed = te.compute(grouped_shape, body, "T_group_norm", names="ax")
    return c.emit("group_norm", reshape(normed, x.shape))


@legalizes("nn.instance_norm")
def _legalize_instance_norm(c: OpCall) -> rx.Expr:
    x, gamma, beta = c.tensor(0), c.tensor(1), c.tensor(2)
    a = c.attrs
    channel = int(a["channel_axis"]) % x.ndim
    axes = normalize_axes(a["axes"], x.ndim)
    s0, s1 = _moments(x, axes, f"{x.name}_red_temp")
    n = arith.cast(s0.dtype, _count(x.shape, axes))
    eps = _eps(a["epsilon"], s0.dtype)
    kept = [d for d in range(x.ndim) if d not in axes]

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        rest = [i[d] for d in kept]
        value = arith.cast(x.dtype, _normalized(_float(x[i]), s0[rest], s1[rest], n, eps))
        if a.get("scale", True):
            value = E.Mul(value, gamma[i[channel]])
        if a.get("center", True):
            value = E.Add(value, beta[i[channel]])
        return value

    return c.emit("instance_norm", te.compute(x.shape, body, "T_instance_norm", names="ax"))


@legalizes("nn.rms_norm")
def _legalize_rms_norm(c: OpCall) -> rx.Expr:
    x, weight = c.tensor(0), c.tensor(1)
    axes = normalize_axes(c.attrs["axes"], x.ndim)
    acc = _F32 if x.dtype in ("float16", "bfloat16") else x.dtype
    xf = topi.elemwise(x, lambda v: arith.cast(acc, v), "T_cast", "ax")
    square = topi.broadcast(xf, xf, lambda p, q: E.Mul(p, q), "T_multiply")
    total = reduce(square, axes, False, te.sum)
    n = arith.cast(acc, _count(x.shape, axes))
    eps = _eps(c.attrs["epsilon"], acc)
    kept = [d for d in range(x.ndim) if d not in axes]
    rsqrt = te.compute(
        total.shape,
        lambda *i: intrin("rsqrt")(E.Add(E.Div(total[i], n), eps)),
        "rsqrt",
        names="ax",
    )
    wf = topi.elemwise(weight, lambda v: arith.cast(acc, v), "T_cast", "ax")

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        return E.Mul(E.Mul(rsqrt[[i[d] for d in kept]], xf[i]), wf[[i[d] for d in axes]])

    normed = te.compute(x.shape, body, "T_rms_norm", names="ax")
    out = topi.elemwise(normed, lambda v: arith.cast(x.dtype, v), "T_cast", "ax")
    return c.emit("rms_norm", out)


def _as_channel(t: te.Tensor, ndim: int, axis: int) -> te.Tensor:
    """A per-channel vector reshaped to broadcast along ``axis`` (``(1, C, 1, 1)``)."""
    one = E.IntImm("int64", 1)
    return reshape(t, [t.shape[0] if d == axis else one for d in range(ndim)])


@legalizes("nn.batch_norm")
def _legalize_batch_norm(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    gamma, beta, mean_in, var_in = (c.tensor(k) for k in range(1, 5))
    a = c.attrs
    axis = int(a["axis"]) % x.ndim
    eps = _eps(a["epsilon"], x.dtype)
    others = [d for d in range(x.ndim) if d != axis]
    sub = lambda p, q: E.Sub(p, q)  # noqa: E731
    mul = lambda p, q: E.Mul(p, q)  # noqa: E731
    add = lambda p, q: E.Add(p, q)  # noqa: E731
    div = lambda p, q: E.Div(p, q)  # noqa: E731
    if a.get("training", True):
        n = arith.cast(x.dtype, _count(x.shape, others))
        mean = topi.broadcast(reduce(x, others, False, te.sum), n, div, "T_divide")
        mean_c = _as_channel(mean, x.ndim, axis)
        centred = topi.broadcast(x, mean_c, sub, "T_subtract")
        square = topi.broadcast(
            topi.broadcast(x, mean_c, sub, "T_subtract"),
            topi.broadcast(x, mean_c, sub, "T_subtract"),
            mul,
            "T_multiply",
        )
        var = topi.broadcast(reduce(square, others, False, te.sum), n, div, "T_divide")
    else:
        mean, var = mean_in, var_in
        centred = topi.broadcast(x, _as_channel(mean, x.ndim, axis), sub, "T_subtract")
    std = topi.elemwise(
        topi.broadcast(_as_channel(var, x.ndim, axis), eps, add, "T_add"), intrin("sqrt")
    )
    out = topi.broadcast(centred, std, div, "T_divide")
    if a.get("scale", True):
        out = topi.broadcast(out, _as_channel(gamma, x.ndim, axis), mul, "T_multiply")
    if a.get("center", True):
        out = topi.broadcast(out, _as_channel(beta, x.ndim, axis), add, "T_add")
    if a.get("training", True):
        m = float(a.get("momentum", 0.1))
        keep, new = arith.make_const(x.dtype, 1 - m), arith.make_const(x.dtype, m)

        def moving(old: te.Tensor, batch: te.Tensor) -> te.Tensor:
            return topi.broadcast(
                topi.broadcast(keep, old, mul, "T_multiply"),
                topi.broadcast(new, batch, mul, "T_multiply"),
                add,
                "T_add",
            )

        return c.emit("batch_norm", [out, moving(mean_in, mean), moving(var_in, var)])
    one = arith.make_const(x.dtype, 1)
    copies = [
        topi.broadcast(t, one, lambda p, q: arith.mul(p, q), "T_multiply")
        for t in (mean_in, var_in)
    ]
    return c.emit("batch_norm", [out, *copies])
