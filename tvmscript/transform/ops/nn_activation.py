"""Activations and friends of ``R.nn``: gelu, silu, selu, pad, dropout, ...

``gelu``, ``gelu_tanh``, ``silu``, ``selu``, ``leakyrelu``, ``prelu``, ``softplus``, ``pad``,
``dropout`` (inference: the identity and a mask of ones), ``pixel_shuffle``, ``batch_flatten``.
"""

from __future__ import annotations

import math

from tvmscript.core.relax import expr as rx
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.transform import te, topi
from tvmscript.transform.ops.elementwise import intrin
from tvmscript.transform.ops.manipulation import reshape
from tvmscript.transform.registry import OpCall, legalizes


def _k(dtype: str, value: float) -> E.PrimExpr:
    return arith.make_const(dtype, value)


def _mul(a: E.PrimExpr, b: E.PrimExpr) -> E.PrimExpr:
    return E.Mul(a, b)


def _add(a: E.PrimExpr, b: E.PrimExpr) -> E.PrimExpr:
    return E.Add(a, b)


@legalizes("nn.gelu")
def _legalize_gelu(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    t = x.dtype
    scaled = topi.broadcast(x, _k(t, math.sqrt(0.5)), _mul, "T_multiply")
    erf = topi.elemwise(scaled, intrin("erf"))
    half = topi.broadcast(erf, _k(t, 0.5), _mul, "T_multiply")
    shifted = topi.broadcast(_k(t, 0.5), half, _add, "T_add")
    return c.emit("gelu", topi.broadcast(x, shifted, _mul, "T_multiply"))


@legalizes("nn.gelu_tanh")
def _legalize_gelu_tanh(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    t = x.dtype
    half = topi.broadcast(_k(t, 0.5), x, _mul, "T_multiply")
    outer = topi.broadcast(_k(t, math.sqrt(2 / math.pi)), x, _mul, "T_multiply")
    cube = topi.broadcast(
        topi.broadcast(_k(t, 0.044715), x, _mul, "T_multiply"), x, _mul, "T_multiply"
    )
    inner = topi.broadcast(
        outer, topi.broadcast(_k(t, 1.0), cube, _add, "T_add"), _mul, "T_multiply"
    )
    tanh = topi.elemwise(inner, intrin("tanh"))
    return c.emit(
        "gelu_tanh",
        topi.broadcast(half, topi.broadcast(_k(t, 1.0), tanh, _add, "T_add"), _mul, "T_multiply"),
    )


@legalizes("nn.silu")
def _legalize_silu(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    return c.emit(
        "silu", topi.broadcast(x, topi.elemwise(x, intrin("sigmoid")), _mul, "T_multiply")
    )


@legalizes("nn.selu")
def _legalize_selu(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    t = x.dtype
    alpha, scale = 1.6732632423543772, 1.0507009873554805
    positive = topi.broadcast(x, _k(t, 0), lambda a, b: E.Max(a, b), "T_maximum")
    em1 = topi.broadcast(
        topi.elemwise(x, intrin("exp")), _k(t, 1), lambda a, b: E.Sub(a, b), "T_subtract"
    )
    negative = topi.broadcast(
        _k(t, 0),
        topi.broadcast(_k(t, alpha), em1, _mul, "T_multiply"),
        lambda a, b: E.Min(a, b),
        "T_minimum",
    )
    total = topi.broadcast(positive, negative, _add, "T_add")
    return c.emit("selu", topi.broadcast(_k(t, scale), total, _mul, "T_multiply"))


@legalizes("nn.leakyrelu")
def _legalize_leakyrelu(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    alpha = _k(x.dtype, float(c.attrs["alpha"]))
    zero = _k(x.dtype, 0)
    return c.emit(
        "leaky_relu", topi.elemwise(x, lambda v: E.Select(E.LT(zero, v), v, E.Mul(v, alpha)))
    )


@legalizes("nn.prelu")
def _legalize_prelu(c: OpCall) -> rx.Expr:
    x, alpha = c.tensor(0), c.tensor(1)
    axis = int(c.attrs["axis"]) % x.ndim
    zero = _k(x.dtype, 0)

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        v = x[i]
        return E.Select(E.LT(zero, v), v, E.Mul(v, alpha[i[axis]]))

    return c.emit("prelu", te.compute(x.shape, body))


@legalizes("nn.softplus")
def _legalize_softplus(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    t = x.dtype
    beta, threshold = float(c.attrs["beta"]), float(c.attrs["threshold"])

    def body(v: E.PrimExpr) -> E.PrimExpr:
        if beta == 1.0:
            soft = intrin("log")(E.Add(_k(t, 1.0), intrin("exp")(v)))
            return E.Select(E.LT(_k(t, threshold), v), v, soft)
        bv = E.Mul(_k(t, beta), v)
        soft = E.Mul(_k(t, 1 / beta), intrin("log")(E.Add(_k(t, 1.0), intrin("exp")(bv))))
        return E.Select(E.LT(_k(t, threshold), bv), v, soft)

    return c.emit("softplus", topi.elemwise(x, body))


def _reflect_index(v: E.PrimExpr, before: int, n: int) -> E.PrimExpr:
    """The source index of padded position ``v`` in reflect mode (TVM's form)."""
    start = E.IntImm("int64", before)
    dist = E.Select(E.LE(start, v), arith.sub(v, start), E.Sub(start, v))
    last = E.IntImm("int64", n - 1)
    folded = E.Select(E.LE(dist, last), E.Sub(last, dist), E.Sub(dist, last))
    return E.Sub(last, folded)


@legalizes("nn.pad")
def _legalize_pad(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    widths = [int(w) for w in c.attrs["pad_width"]]
    before, after = widths[0::2], widths[1::2]
    mode = str(c.attrs.get("pad_mode", "constant"))
    if mode == "constant":
        value = _k(x.dtype, float(c.attrs.get("pad_value", 0.0)))
        return c.emit("pad", topi.pad(x, before, after, value))
    dims = [d.value if isinstance(d, E.IntImm) else None for d in x.shape]
    if any(d is None for d in dims):
        raise c.fail(f"{mode} padding needs a known shape")
    shape = c.out_shape()
    if mode == "reflect":

        def reflect(*i: E.PrimExpr) -> E.PrimExpr:
            return x[[_reflect_index(v, before[d], dims[d] or 0) for d, v in enumerate(i)]]

        return c.emit("reflect_pad", te.compute(shape, reflect, "ReflectPadInput"))
    if mode == "edge":

        def edge(*i: E.PrimExpr) -> E.PrimExpr:
            index = []
            for d, v in enumerate(i):
                last = E.IntImm("int64", (dims[d] or 1) - 1)
                index.append(E.Max(E.Min(arith.sub(v, before[d]), last), E.IntImm("int64", 0)))
            return x[index]

        return c.emit("edge_pad", te.compute(shape, edge, "EdgePadInput"))
    raise c.fail(f"pad mode {mode!r} is not supported")


@legalizes("nn.dropout")
def _legalize_dropout(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    mask = te.compute(x.shape, lambda *i: _k(x.dtype, 1.0), "T_full_like", names="ax")
    return c.emit("dropout", [topi.elemwise(x, lambda v: v), mask])


@legalizes("nn.pixel_shuffle")
def _legalize_pixel_shuffle(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    r = E.IntImm("int64", int(c.attrs["upscale_factor"]))

    def body(n: E.PrimExpr, ch: E.PrimExpr, h: E.PrimExpr, w: E.PrimExpr) -> E.PrimExpr:
        src_c = E.Add(E.Mul(E.Mul(ch, r), r), E.Add(E.Mul(E.FloorMod(h, r), r), E.FloorMod(w, r)))
        return x[[n, src_c, E.FloorDiv(h, r), E.FloorDiv(w, r)]]

    return c.emit("pixel_shuffle", te.compute(c.out_shape(), body, "PixelShuffle", names="ax"))


@legalizes("nn.batch_flatten")
def _legalize_batch_flatten(c: OpCall) -> rx.Expr:
    return c.emit("reshape", reshape(c.tensor(0), c.out_shape()))
