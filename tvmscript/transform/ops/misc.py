"""Small operators: size, shape_to_tensor, ewise_fma, hamming_window, gradient markers.

The gradient markers (``R.grad.start_checkpoint``, ``end_checkpoint``, ``no_grad``) are the
identity, as in TVM.
"""

from __future__ import annotations

import math

from tvmscript.core.relax import expr as rx
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.transform import te, topi
from tvmscript.transform.ops.elementwise import intrin
from tvmscript.transform.registry import OpCall, legalizes


@legalizes("grad.start_checkpoint", "grad.end_checkpoint", "grad.no_grad")
def _legalize_identity(c: OpCall) -> rx.Expr:
    return c.arg(0)


@legalizes("shape_to_tensor")
def _legalize_shape_to_tensor(c: OpCall) -> rx.Expr:
    values = c.shape_arg(0)
    zero = E.IntImm("int64", 0)

    def body(i: E.PrimExpr) -> E.PrimExpr:
        value: E.PrimExpr = zero
        for k in reversed(range(len(values))):
            value = topi.if_then_else(
                E.EQ(i, E.IntImm("int64", k)), arith.cast("int64", values[k]), value
            )
        return value

    out = te.compute([E.IntImm("int64", len(values))], body, "shape_to_tensor", names=["i"])
    return c.emit("shape_to_tensor", out, scalars=values)


@legalizes("size")
def _legalize_size(c: OpCall) -> rx.Expr:
    dims = c.shape_of(c.info(0))
    total: E.PrimExpr = E.IntImm("int64", 1)
    for d in dims:
        total = arith.mul(total, d)
    return c.emit("size", te.compute((), lambda: total, "T_size"), scalars=[total])


@legalizes("ewise_fma")
def _legalize_ewise_fma(c: OpCall) -> rx.Expr:
    a, b, d = c.tensor(0), c.tensor(1), c.tensor(2)
    out = te.compute(a.shape, lambda *i: E.Add(E.Mul(a[i], b[i]), d[i]), "T_ewise_fma", names="ax")
    return c.emit("ewise_fma", out)


@legalizes("hamming_window")
def _legalize_hamming_window(c: OpCall) -> rx.Expr:
    dtype = c.out_tensor_info().dtype
    size, periodic, alpha, beta = (c.prim(k) for k in range(4))
    denom = arith.cast(
        dtype,
        E.Sub(
            arith.cast("int64", size),
            E.Select(
                E.NE(arith.cast("int64", periodic), E.IntImm("int64", 0)),
                E.IntImm("int64", 0),
                E.IntImm("int64", 1),
            ),
        ),
    )
    two_pi = arith.make_const(dtype, 2 * math.pi)
    a, b = arith.cast(dtype, alpha), arith.cast(dtype, beta)

    def body(i: E.PrimExpr) -> E.PrimExpr:
        angle = E.Div(E.Mul(two_pi, arith.cast(dtype, i)), E.Max(denom, arith.make_const(dtype, 1)))
        return E.Sub(a, E.Mul(b, intrin("cos")(angle)))

    out = te.compute(c.out_shape(), body, "T_hamming_window", names="ax")
    return c.emit("hamming_window", out, scalars=[size, periodic])


@legalizes("grad.take_backward")
def _legalize_take_backward(c: OpCall) -> rx.Expr:
    grad, x, idx = c.tensor(0), c.tensor(1), c.tensor(2)
    axis_attr = c.attrs["axis"]
    if axis_attr is None:
        raise c.fail("take_backward without an axis is not supported")
    axis = int(axis_attr) % x.ndim
    red = [te.reduce_axis(d, f"r{k}") for k, d in enumerate(idx.shape)]

    def body(*i: E.PrimExpr) -> te.Reduce:
        j = [r.var for r in red]
        hit = E.EQ(arith.cast("int64", idx[j]), i[axis])
        value = grad[[*i[:axis], *j, *i[axis + 1 :]]]
        return te.sum(E.Select(hit, value, arith.make_const(grad.dtype, 0)), red)

    return c.emit("take_backward", te.compute(x.shape, body, "T_take_backward", names="ax"))


@legalizes("grad.nll_loss_backward")
def _legalize_nll_loss_backward(c: OpCall) -> rx.Expr:
    grad, pred, target = c.tensor(0), c.tensor(1), c.tensor(2)
    if pred.ndim != 2:
        raise c.fail("nll_loss_backward is supported for (batch, classes) predictions")
    has_weights = len(c.call.args) > 3
    weights = c.tensor(3) if has_weights else None
    ignore = E.IntImm(target.dtype, int(c.attrs["ignore_index"]))
    reduction = str(c.attrs["reduction"])
    zero = arith.make_const(pred.dtype, 0)

    def weight(cls: E.PrimExpr) -> E.PrimExpr:
        return weights[cls] if weights is not None else arith.make_const(pred.dtype, 1)

    total = None
    if reduction == "mean":
        n = te.reduce_axis(pred.shape[0], "n")
        total = te.compute(
            (),
            lambda: te.sum(E.Select(E.NE(target[n.var], ignore), weight(target[n.var]), zero), [n]),
            "T_total_weight",
        )

    def body(b: E.PrimExpr, cls: E.PrimExpr) -> E.PrimExpr:
        t = target[b]
        upstream = grad[b] if reduction == "none" else grad[()]
        value: E.PrimExpr = E.Mul(E.Sub(zero, weight(cls)), upstream)
        if total is not None:
            value = E.Div(value, total[()])
        hit = E.And(E.EQ(arith.cast("int64", t), cls), E.NE(t, ignore))
        return E.Select(hit, value, zero)

    return c.emit(
        "nll_loss_backward", te.compute(pred.shape, body, "T_nll_loss_backward", names="ax")
    )
