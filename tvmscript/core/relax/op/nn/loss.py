"""Losses: ``R.nn.cross_entropy_with_logits`` and ``R.nn.nll_loss``."""

from __future__ import annotations

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import fail, tensor, tensor_info
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo


@register_op("nn.cross_entropy_with_logits")
def _infer_cross_entropy(call: Call) -> StructInfo:
    predictions = tensor_info(call, 0, "predictions")
    tensor_info(call, 1, "labels")
    return tensor((), predictions.dtype, 0, predictions.vdevice)


def cross_entropy_with_logits(predictions: Expr, labels: Expr) -> Call:
    """The cross entropy of ``predictions`` (logits) against ``labels``."""
    return make_call("nn.cross_entropy_with_logits", [predictions, labels])


@register_op("nn.nll_loss")
def _infer_nll_loss(call: Call) -> StructInfo:
    predictions = tensor_info(call, 0, "predictions")
    targets = tensor_info(call, 1, "targets")
    reduction = call.attrs["reduction"]
    if reduction not in ("mean", "sum", "none"):
        raise fail(f"R.nn.nll_loss: unknown reduction {reduction!r}")
    if targets.dtype != "void" and not targets.dtype.startswith(("int", "uint")):
        raise fail(
            f"R.nn.nll_loss expects integer targets, got {sinfo_text(targets)}", "dtype-mismatch"
        )
    if reduction != "none":
        return tensor((), predictions.dtype, 0, predictions.vdevice)
    return tensor(targets.shape, predictions.dtype, targets.ndim, predictions.vdevice)


def nll_loss(
    predictions: Expr,
    targets: Expr,
    weights: Expr | None = None,
    reduction: str = "mean",
    ignore_index: int = -100,
) -> Call:
    """The negative log-likelihood loss."""
    args = [predictions, targets] + ([] if weights is None else [weights])
    attrs = {"reduction": reduction, "ignore_index": ignore_index}
    return make_call("nn.nll_loss", args, attrs)
