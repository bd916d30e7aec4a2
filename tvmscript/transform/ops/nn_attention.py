"""``R.nn.attention`` (bias, scale, causal masks) and the losses.

The losses are ``cross_entropy_with_logits`` and ``nll_loss``.

Attention runs on ``(batch, seq, heads, dim)`` tensors as TOPI does: heads moved next to the
batch and merged with it, ``Q K^T`` (``T_batch_matmul_NT``), scaled, optionally biased and
masked, a softmax, ``@ V`` (``T_batch_matmul_NN``), and the layout restored.
"""

from __future__ import annotations

from tvmscript.core.relax import expr as rx
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.op import call_intrin
from tvmscript.transform import te, topi
from tvmscript.transform.ops.elementwise import intrin
from tvmscript.transform.ops.manipulation import reshape
from tvmscript.transform.ops.nn_norm import softmax
from tvmscript.transform.ops.reduction import reduce
from tvmscript.transform.registry import OpCall, legalizes


def _transpose_0213(x: te.Tensor) -> te.Tensor:
    shape = [x.shape[0], x.shape[2], x.shape[1], x.shape[3]]
    return te.compute(shape, lambda a, b, c, d: x[a, c, b, d], "T_transpose", names="ax")


def _batch_matmul(a: te.Tensor, b: te.Tensor, transpose_b: bool) -> te.Tensor:
    k = te.reduce_axis(a.shape[2], "k")
    cols = b.shape[1] if transpose_b else b.shape[2]
    name = "T_batch_matmul_NT" if transpose_b else "T_batch_matmul_NN"

    def body(bb: E.PrimExpr, i: E.PrimExpr, j: E.PrimExpr) -> te.Reduce:
        lhs = a[bb, i, k.var]
        rhs = b[bb, j, k.var] if transpose_b else b[bb, k.var, j]
        return te.sum(E.Mul(lhs, rhs), [k])

    attrs = {"layout_free_placeholders": [b.buffer]}
    return te.compute(
        [a.shape[0], a.shape[1], cols], body, name, names=["b", "i", "j"], attrs=attrs
    )


def _tril(x: te.Tensor, k: int) -> te.Tensor:
    from tvmscript.transform.ops.manipulation import _trilu_condition

    zero = arith.make_const(x.dtype, 0)
    return te.compute(
        x.shape, lambda *i: E.Select(_trilu_condition(i[-2], i[-1], k, True), x[i], zero), "trilu"
    )


def _masked_softmax(x: te.Tensor, k: int) -> te.Tensor:
    masked = _tril(x, k)
    peak = reduce(masked, [2], True, te.max)
    sub = topi.broadcast(masked, peak, lambda a, b: E.Sub(a, b), "T_subtract")
    exp = _tril(topi.elemwise(sub, intrin("exp")), k)
    total = reduce(exp, [2], True, te.sum)
    return topi.broadcast(exp, total, lambda a, b: E.Div(a, b), "T_divide")


@legalizes("nn.attention", "nn.attention_bias")
def _legalize_attention(c: OpCall) -> rx.Expr:
    q, k, v = c.tensor(0), c.tensor(1), c.tensor(2)
    bias = c.tensor(3) if len(c.call.args) > 3 else None
    a = c.attrs
    if a.get("window_size") is not None:
        raise c.fail("windowed attention is not supported")
    batch, seq, heads, dim = q.shape
    kv_seq = k.shape[1]
    bn = arith.mul(batch, heads)
    qr = reshape(_transpose_0213(q), [bn, seq, dim])
    kr = reshape(_transpose_0213(k), [bn, kv_seq, dim])
    scores = _batch_matmul(qr, kr, transpose_b=True)
    scale = a.get("scale")
    if scale is None:
        root = call_intrin(q.dtype, "tir.sqrt", arith.cast(q.dtype, dim))
        scores = topi.broadcast(scores, root, lambda p, r: E.Div(p, r), "T_divide")
    else:
        factor = arith.make_const(q.dtype, float(scale))
        scores = topi.broadcast(scores, factor, lambda p, r: E.Mul(p, r), "T_multiply")
    if bias is not None:
        grid = reshape(scores, [batch, heads, seq, kv_seq])
        biased = topi.broadcast(grid, bias, lambda p, r: E.Add(p, r), "T_add")
        scores = reshape(biased, [bn, seq, kv_seq])
    mask = a.get("causal_mask")
    if mask is None:
        probs = softmax(scores, 2)
    else:
        offset = 0
        if mask == "BottomRight":
            if not isinstance(kv_seq, E.IntImm) or not isinstance(seq, E.IntImm):
                raise c.fail("a bottom-right causal mask needs known sequence lengths")
            offset = kv_seq.value - seq.value
        probs = _masked_softmax(scores, offset)
    vr = reshape(_transpose_0213(v), [bn, kv_seq, v.shape[3]])
    out = _batch_matmul(probs, vr, transpose_b=False)
    result = _transpose_0213(reshape(out, [batch, heads, seq, v.shape[3]]))
    return c.emit("attention" if bias is None else "attention_bias", result)


@legalizes("nn.cross_entropy_with_logits")
def _legalize_cross_entropy(c: OpCall) -> rx.Expr:
    x, y = c.tensor(0), c.tensor(1)
    prod = topi.broadcast(x, y, lambda a, b: E.Mul(a, b), "T_multiply")
    total = reduce(prod, list(range(x.ndim)), False, te.sum)
    neg = topi.broadcast(
        total, arith.make_const(x.dtype, -1), lambda a, b: E.Mul(a, b), "T_multiply"
    )
    if x.ndim == 1:
        return c.emit("cross_entropy_with_logits", neg)
    n = arith.cast(x.dtype, x.shape[0])
    out = topi.broadcast(neg, n, lambda a, b: E.Div(a, b), "T_divide")
    return c.emit("cross_entropy_with_logits", out)


@legalizes("nn.nll_loss")
def _legalize_nll_loss(c: OpCall) -> rx.Expr:
    x, t = c.tensor(0), c.tensor(1)
    has_weights = len(c.call.args) > 2
    if x.ndim != 2:
        raise c.fail("nll_loss is supported for (batch, classes) predictions")
    weights = (
        c.tensor(2)
        if has_weights
        else te.compute([x.shape[1]], lambda i: arith.make_const(x.dtype, 1), "T_full", names="ax")
    )
    ignore = E.IntImm(t.dtype, int(c.attrs["ignore_index"]))
    zero = arith.make_const(x.dtype, 0)

    def loss(i: E.PrimExpr) -> E.PrimExpr:
        picked = E.Mul(E.Sub(zero, x[i, t[i]]), weights[t[i]])
        return E.Select(E.NE(t[i], ignore), picked, zero)

    losses = te.compute([x.shape[0]], loss, "nll_loss", names="ax")
    reduction = str(c.attrs["reduction"])
    name = "nll_loss" if has_weights else "nll_loss_without_weight"
    if reduction == "none":
        return c.emit(name, losses)
    total = reduce(losses, [0], False, te.sum)
    if reduction == "sum":
        return c.emit(name, total)
    counted = te.compute(
        [x.shape[0]],
        lambda i: E.Select(E.NE(t[i], ignore), weights[t[i]], zero),
        "nll_loss",
        names="ax",
    )
    denom = reduce(counted, [0], False, te.sum)
    return c.emit(name, topi.broadcast(total, denom, lambda a, b: E.Div(a, b), "T_divide"))
