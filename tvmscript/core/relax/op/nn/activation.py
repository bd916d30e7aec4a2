"""Activations: ``R.nn.relu``/``gelu``/``silu``/..., ``softmax``, ``leakyrelu``, ``prelu``."""

from __future__ import annotations

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import (
    fail,
    like,
    normalize_axis,
    op_name,
    require_float,
    tensor_info,
)
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.misc import clip
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo


def relu(data: Expr) -> Call:
    """``max(data, 0)`` element-wise."""
    return make_call("nn.relu", [data])


def relu6(data: Expr) -> Call:
    """``min(max(data, 0), 6)`` element-wise (built as `R.clip`)."""
    return clip(data, 0, 6)


def gelu(data: Expr) -> Call:
    """The Gaussian error linear unit."""
    return make_call("nn.gelu", [data])


def gelu_tanh(data: Expr) -> Call:
    """The tanh approximation of the Gaussian error linear unit."""
    return make_call("nn.gelu_tanh", [data])


def silu(data: Expr) -> Call:
    """``data * sigmoid(data)``."""
    return make_call("nn.silu", [data])


def selu(data: Expr) -> Call:
    """The scaled exponential linear unit."""
    return make_call("nn.selu", [data])


def _infer_softmax(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "data")
    require_float(call, info)
    if not info.is_unknown_ndim:
        normalize_axis(call, call.attrs["axis"], info.ndim)
    return like(info)


register_op("nn.softmax")(_infer_softmax)
register_op("nn.log_softmax")(_infer_softmax)


def softmax(data: Expr, axis: int = -1) -> Call:
    """The softmax of ``data`` along ``axis``."""
    return make_call("nn.softmax", [data], {"axis": axis})


def log_softmax(data: Expr, axis: int = -1) -> Call:
    """The log of the softmax of ``data`` along ``axis``."""
    return make_call("nn.log_softmax", [data], {"axis": axis})


def _infer_same(call: Call) -> StructInfo:
    return like(tensor_info(call, 0, "data"))


register_op("nn.leakyrelu")(_infer_same)
register_op("nn.softplus")(_infer_same)


def leakyrelu(data: Expr, alpha: float = 0.01) -> Call:
    """``data`` where positive, ``alpha * data`` elsewhere."""
    return make_call("nn.leakyrelu", [data], {"alpha": float(alpha)})


def softplus(data: Expr, beta: float = 1.0, threshold: float = 20.0) -> Call:
    """``log(1 + exp(beta * data)) / beta``, linear above ``threshold``."""
    return make_call("nn.softplus", [data], {"beta": float(beta), "threshold": float(threshold)})


@register_op("nn.prelu")
def _infer_prelu(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "data")
    alpha = tensor_info(call, 1, "alpha")
    if not info.is_unknown_ndim:
        normalize_axis(call, call.attrs["axis"], info.ndim)
    if alpha.ndim not in (-1, 1):
        raise fail(f"{op_name(call)} expects a 1-D alpha, got {sinfo_text(alpha)}", "rank-mismatch")
    return like(info)


def prelu(data: Expr, alpha: Expr, axis: int = 1) -> Call:
    """``data`` where positive, ``alpha[c] * data`` elsewhere (``c`` along ``axis``)."""
    return make_call("nn.prelu", [data, alpha], {"axis": axis})
