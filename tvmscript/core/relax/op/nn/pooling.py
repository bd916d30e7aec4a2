"""Pooling: ``R.nn.{max,avg}_pool{1,2,3}d`` and ``R.nn.adaptive_avg_pool{1,2,3}d``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import INDEX, fail, int_list, op_name, tensor, tensor_info
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
IntOrSeq = int | Sequence[int]


def _i(value: int) -> E.PrimExpr:
    return E.IntImm(INDEX, value)


def _checked(call: Call, n: int) -> tuple[TensorStructInfo, str]:
    data = tensor_info(call, 0, "data")
    canonical = "NC" + _SPATIAL[n]
    check_layout(call.attrs["layout"], canonical, "data")
    check_layout(call.attrs["out_layout"], canonical, "output")
    if not data.is_unknown_ndim and data.ndim != n + 2:
        raise fail(
            f"{op_name(call)} expects a {n + 2}-D tensor, got {sinfo_text(data)}", "rank-mismatch"
        )
    return data, canonical


def pool_infer(call: Call, n: int) -> StructInfo:
    """The struct info of an ``n``-D pooling call (shared with the pooling gradients)."""
    data, canonical = _checked(call, n)
    attrs = call.attrs
    if (dims := data.shape_values) is None:
        return tensor(None, data.dtype, n + 2, data.vdevice)
    d = to_canonical(dims, attrs["layout"], canonical)
    out = [d[0], d[1]]
    for i in range(n):
        pad = attrs["padding"][i] + attrs["padding"][i + n]
        stride, dil, k = attrs["strides"][i], attrs["dilation"][i], attrs["pool_size"][i]
        span = pad - dil * (k - 1) - 1 + (stride - 1 if attrs["ceil_mode"] else 0)
        out.append(E.Add(E.FloorDiv(E.Add(d[2 + i], _i(span)), _i(stride)), _i(1)))
    return tensor(
        from_canonical(out, canonical, attrs["out_layout"]), data.dtype, n + 2, data.vdevice
    )


def _pool_attrs(
    n: int,
    pool_size: Any,
    strides: Any,
    padding_: Any,
    dilation: Any,
    ceil_mode: bool,
    count_include_pad: bool,
    layout: str,
    out_layout: str | None,
) -> dict[str, Any]:
    return {
        "pool_size": spatial(pool_size, n),
        "strides": spatial(strides, n),
        "dilation": spatial(dilation, n),
        "padding": padding(padding_, n),
        "ceil_mode": ceil_mode,
        "count_include_pad": count_include_pad,
        "layout": layout,
        "out_layout": out_layout or layout,
    }


for _n in (1, 2, 3):
    for _kind in ("max", "avg"):
        register_op(f"nn.{_kind}_pool{_n}d")(lambda call, n=_n: pool_infer(call, n))


def max_pool1d(
    data: Expr,
    pool_size: IntOrSeq = (1,),
    strides: IntOrSeq = (1,),
    padding: IntOrSeq = (0, 0),
    dilation: IntOrSeq = (1,),
    ceil_mode: bool = False,
    count_include_pad: bool = False,
    layout: str = "NCW",
    out_layout: str | None = None,
) -> Call:
    """1-D max pooling."""
    attrs = _pool_attrs(
        1, pool_size, strides, padding, dilation, ceil_mode, count_include_pad, layout, out_layout
    )
    return make_call("nn.max_pool1d", [data], attrs)


def max_pool2d(
    data: Expr,
    pool_size: IntOrSeq = (1, 1),
    strides: IntOrSeq = (1, 1),
    padding: IntOrSeq = (0, 0),
    dilation: IntOrSeq = (1, 1),
    ceil_mode: bool = False,
    count_include_pad: bool = False,
    layout: str = "NCHW",
    out_layout: str | None = None,
) -> Call:
    """2-D max pooling."""
    attrs = _pool_attrs(
        2, pool_size, strides, padding, dilation, ceil_mode, count_include_pad, layout, out_layout
    )
    return make_call("nn.max_pool2d", [data], attrs)


def max_pool3d(
    data: Expr,
    pool_size: IntOrSeq = (1, 1, 1),
    strides: IntOrSeq = (1, 1, 1),
    padding: IntOrSeq = (0, 0, 0),
    dilation: IntOrSeq = (1, 1, 1),
    ceil_mode: bool = False,
    count_include_pad: bool = False,
    layout: str = "NCDHW",
    out_layout: str | None = None,
) -> Call:
    """3-D max pooling."""
    attrs = _pool_attrs(
        3, pool_size, strides, padding, dilation, ceil_mode, count_include_pad, layout, out_layout
    )
    return make_call("nn.max_pool3d", [data], attrs)


def avg_pool1d(
    data: Expr,
    pool_size: IntOrSeq = (1,),
    strides: IntOrSeq = (1,),
    padding: IntOrSeq = (0, 0),
    dilation: IntOrSeq = (1,),
    ceil_mode: bool = False,
    count_include_pad: bool = True,
    layout: str = "NCW",
    out_layout: str | None = None,
) -> Call:
    """1-D average pooling."""
    attrs = _pool_attrs(
        1, pool_size, strides, padding, dilation, ceil_mode, count_include_pad, layout, out_layout
    )
    return make_call("nn.avg_pool1d", [data], attrs)


def avg_pool2d(
    data: Expr,
    pool_size: IntOrSeq = (1, 1),
    strides: IntOrSeq = (1, 1),
    padding: IntOrSeq = (0, 0),
    dilation: IntOrSeq = (1, 1),
    ceil_mode: bool = False,
    count_include_pad: bool = False,
    layout: str = "NCHW",
    out_layout: str | None = None,
) -> Call:
    """2-D average pooling."""
    attrs = _pool_attrs(
        2, pool_size, strides, padding, dilation, ceil_mode, count_include_pad, layout, out_layout
    )
    return make_call("nn.avg_pool2d", [data], attrs)


def avg_pool3d(
    data: Expr,
    pool_size: IntOrSeq = (1, 1, 1),
    strides: IntOrSeq = (1, 1, 1),
    padding: IntOrSeq = (0, 0, 0),
    dilation: IntOrSeq = (1, 1, 1),
    ceil_mode: bool = False,
    count_include_pad: bool = True,
    layout: str = "NCDHW",
    out_layout: str | None = None,
) -> Call:
    """3-D average pooling."""
    attrs = _pool_attrs(
        3, pool_size, strides, padding, dilation, ceil_mode, count_include_pad, layout, out_layout
    )
    return make_call("nn.avg_pool3d", [data], attrs)


def _adaptive_infer(call: Call, n: int) -> StructInfo:
    data, canonical = _checked(call, n)
    if (dims := data.shape_values) is None:
        return tensor(None, data.dtype, n + 2, data.vdevice)
    d = to_canonical(dims, call.attrs["layout"], canonical)
    size = call.attrs["output_size"]
    out = d[:2] + (d[2:] if size is None else [_i(s) for s in size])
    return tensor(
        from_canonical(out, canonical, call.attrs["out_layout"]), data.dtype, n + 2, data.vdevice
    )


for _n in (1, 2, 3):
    register_op(f"nn.adaptive_avg_pool{_n}d")(lambda call, n=_n: _adaptive_infer(call, n))


def _adaptive_attrs(
    n: int, output_size: Any, layout: str, out_layout: str | None
) -> dict[str, Any]:
    size = None if output_size is None else spatial(int_list(output_size, n), n)
    return {"output_size": size, "layout": layout, "out_layout": out_layout or layout}


def adaptive_avg_pool1d(
    data: Expr,
    output_size: IntOrSeq | None = None,
    layout: str = "NCW",
    out_layout: str | None = None,
) -> Call:
    """1-D average pooling to a given output size."""
    attrs = _adaptive_attrs(1, output_size, layout, out_layout)
    return make_call("nn.adaptive_avg_pool1d", [data], attrs)


def adaptive_avg_pool2d(
    data: Expr,
    output_size: IntOrSeq | None = None,
    layout: str = "NCHW",
    out_layout: str | None = None,
) -> Call:
    """2-D average pooling to a given output size."""
    attrs = _adaptive_attrs(2, output_size, layout, out_layout)
    return make_call("nn.adaptive_avg_pool2d", [data], attrs)


def adaptive_avg_pool3d(
    data: Expr,
    output_size: IntOrSeq | None = None,
    layout: str = "NCDHW",
    out_layout: str | None = None,
) -> Call:
    """3-D average pooling to a given output size."""
    attrs = _adaptive_attrs(3, output_size, layout, out_layout)
    return make_call("nn.adaptive_avg_pool3d", [data], attrs)
