"""Tensor utilities of ``R.nn``: ``pad``, ``pixel_shuffle``, ``dropout``, ``batch_flatten``."""

from __future__ import annotations

from collections.abc import Sequence

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import (
    INDEX,
    fail,
    like,
    product,
    tensor,
    tensor_info,
)
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo, TupleStructInfo
from tvmscript.core.tir import expr as E


@register_op("nn.pad")
def _infer_pad(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "data")
    widths = call.attrs["pad_width"]
    if info.is_unknown_ndim:
        return like(info)
    if len(widths) != 2 * info.ndim:
        raise fail(
            f"R.nn.pad expects {2 * info.ndim} pad widths for {sinfo_text(info)}, got {len(widths)}"
        )
    if (dims := info.shape_values) is None:
        return like(info)
    out = [E.Add(d, E.IntImm(INDEX, widths[2 * i] + widths[2 * i + 1])) for i, d in enumerate(dims)]
    return tensor(out, info.dtype, info.ndim, info.vdevice)


def pad(
    data: Expr, pad_width: Sequence[int], pad_mode: str = "constant", pad_value: float = 0.0
) -> Call:
    """``data`` padded by ``pad_width`` (before and after each axis, flattened)."""
    attrs = {
        "pad_width": tuple(int(w) for w in pad_width),
        "pad_value": float(pad_value),
        "pad_mode": pad_mode,
    }
    return make_call("nn.pad", [data], attrs)


@register_op("nn.pixel_shuffle")
def _infer_pixel_shuffle(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "data")
    r = call.attrs["upscale_factor"]
    if (dims := info.shape_values) is None:
        return like(info)
    if len(dims) < 3:
        raise fail(f"R.nn.pixel_shuffle expects at least 3 dimensions, got {sinfo_text(info)}")
    channel = E.FloorDiv(dims[-3], E.IntImm(INDEX, r * r))
    height = E.Mul(dims[-2], E.IntImm(INDEX, r))
    width = E.Mul(dims[-1], E.IntImm(INDEX, r))
    return tensor([*dims[:-3], channel, height, width], info.dtype, info.ndim, info.vdevice)


def pixel_shuffle(data: Expr, upscale_factor: int) -> Call:
    """Channels rearranged into a ``upscale_factor`` times larger image."""
    return make_call("nn.pixel_shuffle", [data], {"upscale_factor": int(upscale_factor)})


@register_op("nn.dropout")
def _infer_dropout(call: Call) -> StructInfo:
    info = like(tensor_info(call, 0, "data"))
    return TupleStructInfo((info, info))


def dropout(data: Expr, rate: float = 0.5) -> Call:
    """``data`` with elements dropped at ``rate`` (in training): the result and the mask."""
    return make_call("nn.dropout", [data], {"rate": float(rate)})


@register_op("nn.batch_flatten")
def _infer_batch_flatten(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "data")
    if (dims := info.shape_values) is None:
        return tensor(None, info.dtype, 2, info.vdevice)
    return tensor([dims[0], product(dims[1:])], info.dtype, 2, info.vdevice)


def batch_flatten(data: Expr) -> Call:
    """``data`` flattened to ``[batch, rest]``."""
    return make_call("nn.batch_flatten", [data])
