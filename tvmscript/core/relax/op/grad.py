"""``R.grad``: gradient operators and checkpoint markers."""

from __future__ import annotations

from collections.abc import Sequence

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import arg_info, like, tensor_info
from tvmscript.core.relax.op.nn._layout import padding as _padding
from tvmscript.core.relax.op.nn._layout import spatial
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo


def _infer_identity(call: Call) -> StructInfo:
    return arg_info(call, 0)


for _name in ("grad.no_grad", "grad.start_checkpoint", "grad.end_checkpoint"):
    register_op(_name)(_infer_identity)


def no_grad(input: Expr) -> Call:
    """``input``, with no gradient flowing through it."""
    return make_call("grad.no_grad", [input])


def start_checkpoint(input: Expr) -> Call:
    """``input``, marking the start of a gradient checkpoint."""
    return make_call("grad.start_checkpoint", [input])


def end_checkpoint(input: Expr) -> Call:
    """``input``, marking the end of a gradient checkpoint."""
    return make_call("grad.end_checkpoint", [input])


register_op("grad.take_backward")(lambda call: like(tensor_info(call, 1, "x")))
register_op("grad.nll_loss_backward")(lambda call: like(tensor_info(call, 1, "predictions")))
register_op("grad.max_pool2d_backward")(lambda call: like(tensor_info(call, 1, "data")))
register_op("grad.avg_pool2d_backward")(lambda call: like(tensor_info(call, 1, "data")))


def take_backward(output_grad: Expr, x: Expr, indices: Expr, axis: int | None = None) -> Call:
    """The gradient of `R.take` with respect to ``x``."""
    return make_call("grad.take_backward", [output_grad, x, indices], {"axis": axis, "mode": ""})


def nll_loss_backward(
    output_grad: Expr,
    predictions: Expr,
    targets: Expr,
    weights: Expr | None = None,
    reduction: str = "mean",
    ignore_index: int = -100,
) -> Call:
    """The gradient of `R.nn.nll_loss` with respect to its predictions."""
    args = [output_grad, predictions, targets] + ([] if weights is None else [weights])
    attrs = {"reduction": reduction, "ignore_index": ignore_index}
    return make_call("grad.nll_loss_backward", args, attrs)


def _pool_attrs(
    pool_size: int | Sequence[int],
    strides: int | Sequence[int],
    padding: int | Sequence[int],
    dilation: int | Sequence[int],
    ceil_mode: bool,
    count_include_pad: bool,
    layout: str,
    out_layout: str | None,
) -> dict[str, object]:
    return {
        "pool_size": spatial(pool_size, 2),
        "strides": spatial(strides, 2),
        "dilation": spatial(dilation, 2),
        "padding": _padding(padding, 2),
        "ceil_mode": ceil_mode,
        "count_include_pad": count_include_pad,
        "layout": layout,
        "out_layout": out_layout or layout,
    }


def max_pool2d_backward(
    output_grad: Expr,
    data: Expr,
    pool_size: int | Sequence[int] = (1, 1),
    strides: int | Sequence[int] = (1, 1),
    padding: int | Sequence[int] = (0, 0, 0, 0),
    dilation: int | Sequence[int] = (1, 1),
    ceil_mode: bool = False,
    count_include_pad: bool = False,
    layout: str = "NCHW",
    out_layout: str | None = None,
) -> Call:
    """The gradient of `R.nn.max_pool2d` with respect to its data."""
    attrs = _pool_attrs(
        pool_size, strides, padding, dilation, ceil_mode, count_include_pad, layout, out_layout
    )
    return make_call("grad.max_pool2d_backward", [output_grad, data], attrs)


def avg_pool2d_backward(
    output_grad: Expr,
    data: Expr,
    pool_size: int | Sequence[int] = (1, 1),
    strides: int | Sequence[int] = (1, 1),
    padding: int | Sequence[int] = (0, 0, 0, 0),
    dilation: int | Sequence[int] = (1, 1),
    ceil_mode: bool = False,
    count_include_pad: bool = False,
    layout: str = "NCHW",
    out_layout: str | None = None,
) -> Call:
    """The gradient of `R.nn.avg_pool2d` with respect to its data."""
    attrs = _pool_attrs(
        pool_size, strides, padding, dilation, ceil_mode, count_include_pad, layout, out_layout
    )
    return make_call("grad.avg_pool2d_backward", [output_grad, data], attrs)


__all__ = [
    "avg_pool2d_backward",
    "end_checkpoint",
    "max_pool2d_backward",
    "nll_loss_backward",
    "no_grad",
    "start_checkpoint",
    "take_backward",
]
