"""Normalisations: batch, layer, group, instance and RMS norm."""

from __future__ import annotations

from collections.abc import Sequence

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import (
    differ,
    fail,
    int_tuple,
    like,
    normalize_axes,
    normalize_axis,
    op_name,
    tensor_info,
)
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo, TensorStructInfo, TupleStructInfo
from tvmscript.core.tir import expr as E


def _check_param(
    call: Call, data: TensorStructInfo, param: TensorStructInfo, axes: Sequence[int]
) -> None:
    """``param`` must have the data's lengths along ``axes`` (its dtype too)."""
    mismatch = f"{op_name(call)}: {sinfo_text(param)} does not fit {sinfo_text(data)}"
    if not param.is_unknown_ndim and param.ndim != len(axes):
        raise fail(mismatch, "shape-mismatch")
    if data.dtype != "void" and param.dtype != "void" and data.dtype != param.dtype:
        raise fail(mismatch, "dtype-mismatch")
    dims, pdims = data.shape_values, param.shape_values
    if dims is None or pdims is None:
        return
    if any(differ(dims[a], p) for a, p in zip(axes, pdims, strict=True)):
        raise fail(mismatch, "shape-mismatch")


@register_op("nn.batch_norm")
def _infer_batch_norm(call: Call) -> StructInfo:
    data = tensor_info(call, 0, "data")
    params = [tensor_info(call, i) for i in range(1, 5)]
    if data.is_unknown_ndim:
        return TupleStructInfo((like(data), *(like(p) for p in params[2:])))
    axis = normalize_axis(call, call.attrs["axis"], data.ndim)
    for param in params:
        _check_param(call, data, param, [axis])
    return TupleStructInfo((like(data), like(params[2]), like(params[3])))


def batch_norm(
    data: Expr,
    gamma: Expr,
    beta: Expr,
    moving_mean: Expr,
    moving_var: Expr,
    axis: int,
    epsilon: float = 1e-05,
    center: bool = True,
    scale: bool = True,
    momentum: float = 0.1,
    training: bool = True,
) -> Call:
    """Batch normalisation over ``axis``: the result and the updated running mean/variance."""
    attrs = {
        "axis": axis,
        "epsilon": float(epsilon),
        "center": center,
        "scale": scale,
        "momentum": float(momentum),
        "training": training,
    }
    return make_call("nn.batch_norm", [data, gamma, beta, moving_mean, moving_var], attrs)


@register_op("nn.layer_norm")
def _infer_layer_norm(call: Call) -> StructInfo:
    data = tensor_info(call, 0, "data")
    if not data.is_unknown_ndim:
        axes = normalize_axes(call, call.attrs["axes"], data.ndim)
        for i in (1, 2):
            _check_param(call, data, tensor_info(call, i), axes)
    return like(data)


def layer_norm(
    data: Expr,
    gamma: Expr,
    beta: Expr,
    axes: int | list[int],
    epsilon: float = 1e-05,
    center: bool = True,
    scale: bool = True,
) -> Call:
    """Layer normalisation over ``axes``."""
    attrs = {"axes": int_tuple(axes), "epsilon": float(epsilon), "center": center, "scale": scale}
    return make_call("nn.layer_norm", [data, gamma, beta], attrs)


@register_op("nn.group_norm")
def _infer_group_norm(call: Call) -> StructInfo:
    data = tensor_info(call, 0, "data")
    if data.is_unknown_ndim:
        return like(data)
    channel = normalize_axis(call, call.attrs["channel_axis"], data.ndim)
    normalize_axes(call, call.attrs["axes"], data.ndim)
    groups = call.attrs["num_groups"]
    dims = data.shape_values
    length = None if dims is None else dims[channel]
    if isinstance(length, E.IntImm) and length.value % groups:
        raise fail(
            f"{op_name(call)}: {groups} groups do not divide the channels of {sinfo_text(data)}",
            "shape-mismatch",
        )
    for i in (1, 2):
        _check_param(call, data, tensor_info(call, i), [channel])
    return like(data)


def group_norm(
    data: Expr,
    gamma: Expr,
    beta: Expr,
    num_groups: int,
    channel_axis: int,
    axes: int | list[int],
    epsilon: float = 1e-05,
    center: bool = True,
    scale: bool = True,
) -> Call:
    """Group normalisation: channels split into ``num_groups`` groups."""
    attrs = {
        "num_groups": num_groups,
        "channel_axis": channel_axis,
        "axes": int_tuple(axes),
        "epsilon": float(epsilon),
        "center": center,
        "scale": scale,
    }
    return make_call("nn.group_norm", [data, gamma, beta], attrs)


@register_op("nn.instance_norm")
def _infer_instance_norm(call: Call) -> StructInfo:
    data = tensor_info(call, 0, "data")
    if data.is_unknown_ndim:
        return like(data)
    channel = normalize_axis(call, call.attrs["channel_axis"], data.ndim)
    normalize_axes(call, call.attrs["axes"], data.ndim)
    for i in (1, 2):
        _check_param(call, data, tensor_info(call, i), [channel])
    return like(data)


def instance_norm(
    data: Expr,
    gamma: Expr,
    beta: Expr,
    channel_axis: int,
    axes: list[int],
    epsilon: float = 1e-05,
    center: bool = True,
    scale: bool = True,
) -> Call:
    """Instance normalisation over ``axes`` for each channel."""
    attrs = {
        "channel_axis": channel_axis,
        "axes": int_tuple(axes),
        "epsilon": float(epsilon),
        "center": center,
        "scale": scale,
    }
    return make_call("nn.instance_norm", [data, gamma, beta], attrs)


@register_op("nn.rms_norm")
def _infer_rms_norm(call: Call) -> StructInfo:
    data = tensor_info(call, 0, "data")
    if not data.is_unknown_ndim:
        axes = normalize_axes(call, call.attrs["axes"], data.ndim)
        _check_param(call, data, tensor_info(call, 1, "weight"), axes)
    return like(data)


def rms_norm(data: Expr, weight: Expr, axes: int | list[int] = -1, epsilon: float = 1e-05) -> Call:
    """Root-mean-square normalisation over ``axes``, scaled by ``weight``."""
    attrs = {"axes": int_tuple(axes), "epsilon": float(epsilon)}
    return make_call("nn.rms_norm", [data, weight], attrs)
