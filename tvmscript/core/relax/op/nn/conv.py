"""Convolutions: ``R.nn.conv{1,2,3}d`` and ``R.nn.conv{1,2,3}d_transpose``, any layout."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import (
    INDEX,
    differ,
    fail,
    op_name,
    opt_dtype,
    tensor,
    tensor_info,
)
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.nn._layout import (
    check_layout,
    from_canonical,
    padding,
    spatial,
    to_canonical,
)
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo, TensorStructInfo
from tvmscript.core.tir import expr as E

_SPATIAL: Final = {1: "W", 2: "HW", 3: "DHW"}


def _i(value: int) -> E.PrimExpr:
    return E.IntImm(INDEX, value)


def _out_dtype(call: Call, data: TensorStructInfo, weight: TensorStructInfo) -> str:
    if (out := call.attrs["out_dtype"]) is not None:
        return str(out)
    if data.dtype != "void" and weight.dtype != "void" and data.dtype != weight.dtype:
        raise fail(
            f"{op_name(call)} expects data and weight of one dtype without out_dtype, got "
            f"{sinfo_text(data)} and {sinfo_text(weight)}",
            "dtype-mismatch",
        )
    return data.dtype


def _conv_infer(call: Call, n: int, transpose: bool) -> StructInfo:
    data, weight = tensor_info(call, 0, "data"), tensor_info(call, 1, "weight")
    attrs = call.attrs
    sp = _SPATIAL[n]
    data_canon, weight_canon = "NC" + sp, ("IO" if transpose else "OI") + sp
    check_layout(attrs["data_layout"], data_canon, "data")
    check_layout(attrs["kernel_layout"], weight_canon, "kernel")
    check_layout(attrs["out_layout"], data_canon, "output")
    dtype = _out_dtype(call, data, weight)
    ddims, wdims = data.shape_values, weight.shape_values
    for info in (data, weight):
        if not info.is_unknown_ndim and info.ndim != n + 2:
            raise fail(
                f"{op_name(call)} expects {n + 2}-D tensors, got {sinfo_text(info)}",
                "rank-mismatch",
            )
    if ddims is None or wdims is None:
        return tensor(None, dtype, n + 2, data.vdevice)
    d = to_canonical(ddims, attrs["data_layout"], data_canon)
    w = to_canonical(wdims, attrs["kernel_layout"], weight_canon)
    groups = attrs["groups"]
    channels = w[0] if transpose else E.Mul(w[1], _i(groups))
    if differ(d[1], channels):
        raise fail(
            f"{op_name(call)}: the data's channels {sinfo_text(data)} do not match the "
            f"weight's input channels {sinfo_text(weight)} (groups={groups})",
            "shape-mismatch",
        )
    out_channels = E.Mul(w[1], _i(groups)) if transpose else w[0]
    out = [d[0], out_channels]
    for i in range(n):
        before, after = attrs["padding"][i], attrs["padding"][i + n]
        stride, dil = attrs["strides"][i], attrs["dilation"][i]
        k = E.Mul(_i(dil), E.Sub(w[2 + i], _i(1)))
        if transpose:
            grown = E.Mul(E.Sub(d[2 + i], _i(1)), _i(stride))
            extra = attrs["output_padding"][i] + 1 - before - after
            out.append(E.Add(E.Add(grown, k), _i(extra)))
        else:
            span = E.Sub(E.Add(d[2 + i], _i(before + after - 1)), k)
            out.append(E.Add(E.FloorDiv(span, _i(stride)), _i(1)))
    return tensor(from_canonical(out, data_canon, attrs["out_layout"]), dtype, n + 2, data.vdevice)


def _conv_attrs(
    n: int,
    strides: Any,
    padding_: Any,
    dilation: Any,
    groups: int,
    data_layout: str,
    kernel_layout: str,
    out_layout: str | None,
    out_dtype: Any,
    output_padding: Any = None,
) -> dict[str, Any]:
    attrs: dict[str, Any] = {"strides": spatial(strides, n), "padding": padding(padding_, n)}
    if output_padding is not None:
        attrs["output_padding"] = spatial(output_padding, n)
    attrs |= {
        "dilation": spatial(dilation, n),
        "groups": int(groups),
        "data_layout": data_layout,
        "kernel_layout": kernel_layout,
        "out_layout": out_layout or data_layout,
        "out_dtype": opt_dtype(out_dtype),
    }
    return attrs


for _n in (1, 2, 3):
    register_op(f"nn.conv{_n}d")(lambda call, n=_n: _conv_infer(call, n, False))
    register_op(f"nn.conv{_n}d_transpose")(lambda call, n=_n: _conv_infer(call, n, True))

IntOrSeq = int | Sequence[int]


def conv1d(
    data: Expr,
    weight: Expr,
    strides: IntOrSeq = 1,
    padding: IntOrSeq = 0,
    dilation: IntOrSeq = 1,
    groups: int = 1,
    data_layout: str = "NCW",
    kernel_layout: str = "OIW",
    out_layout: str | None = None,
    out_dtype: str | None = None,
) -> Call:
    """A 1-D convolution of ``data`` with ``weight``."""
    attrs = _conv_attrs(
        1, strides, padding, dilation, groups, data_layout, kernel_layout, out_layout, out_dtype
    )
    return make_call("nn.conv1d", [data, weight], attrs)


def conv2d(
    data: Expr,
    weight: Expr,
    strides: IntOrSeq = (1, 1),
    padding: IntOrSeq = (0, 0),
    dilation: IntOrSeq = (1, 1),
    groups: int = 1,
    data_layout: str = "NCHW",
    kernel_layout: str = "OIHW",
    out_layout: str | None = None,
    out_dtype: str | None = None,
) -> Call:
    """A 2-D convolution of ``data`` with ``weight``."""
    attrs = _conv_attrs(
        2, strides, padding, dilation, groups, data_layout, kernel_layout, out_layout, out_dtype
    )
    return make_call("nn.conv2d", [data, weight], attrs)


def conv3d(
    data: Expr,
    weight: Expr,
    strides: IntOrSeq = (1, 1, 1),
    padding: IntOrSeq = (0, 0, 0),
    dilation: IntOrSeq = (1, 1, 1),
    groups: int = 1,
    data_layout: str = "NCDHW",
    kernel_layout: str = "OIDHW",
    out_layout: str | None = None,
    out_dtype: str | None = None,
) -> Call:
    """A 3-D convolution of ``data`` with ``weight``."""
    attrs = _conv_attrs(
        3, strides, padding, dilation, groups, data_layout, kernel_layout, out_layout, out_dtype
    )
    return make_call("nn.conv3d", [data, weight], attrs)


def conv1d_transpose(
    data: Expr,
    weight: Expr,
    strides: IntOrSeq = 1,
    padding: IntOrSeq = 0,
    output_padding: IntOrSeq = 0,
    dilation: IntOrSeq = 1,
    groups: int = 1,
    data_layout: str = "NCW",
    kernel_layout: str = "IOW",
    out_layout: str | None = None,
    out_dtype: str | None = None,
) -> Call:
    """A 1-D transposed convolution (the gradient of `conv1d` with respect to its data)."""
    attrs = _conv_attrs(
        1, strides, padding, dilation, groups, data_layout, kernel_layout, out_layout, out_dtype,
        output_padding,
    )  # fmt: skip
    return make_call("nn.conv1d_transpose", [data, weight], attrs)


def conv2d_transpose(
    data: Expr,
    weight: Expr,
    strides: IntOrSeq = (1, 1),
    padding: IntOrSeq = (0, 0),
    output_padding: IntOrSeq = (0, 0),
    dilation: IntOrSeq = (1, 1),
    groups: int = 1,
    data_layout: str = "NCHW",
    kernel_layout: str = "IOHW",
    out_layout: str | None = None,
    out_dtype: str | None = None,
) -> Call:
    """A 2-D transposed convolution (the gradient of `conv2d` with respect to its data)."""
    attrs = _conv_attrs(
        2, strides, padding, dilation, groups, data_layout, kernel_layout, out_layout, out_dtype,
        output_padding,
    )  # fmt: skip
    return make_call("nn.conv2d_transpose", [data, weight], attrs)


def conv3d_transpose(
    data: Expr,
    weight: Expr,
    strides: IntOrSeq = (1, 1, 1),
    padding: IntOrSeq = (0, 0, 0),
    output_padding: IntOrSeq = (0, 0, 0),
    dilation: IntOrSeq = (1, 1, 1),
    groups: int = 1,
    data_layout: str = "NCDHW",
    kernel_layout: str = "IODHW",
    out_layout: str | None = None,
    out_dtype: str | None = None,
) -> Call:
    """A 3-D transposed convolution (the gradient of `conv3d` with respect to its data)."""
    attrs = _conv_attrs(
        3, strides, padding, dilation, groups, data_layout, kernel_layout, out_layout, out_dtype,
        output_padding,
    )  # fmt: skip
    return make_call("nn.conv3d_transpose", [data, weight], attrs)
