"""``R.image``: resizing and sampling of images."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import (
    INDEX,
    ShapeLike,
    fail,
    opt_dtype,
    shape_values,
    tensor,
    tensor_info,
    to_shape,
)
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.nn._layout import check_layout, from_canonical, to_canonical
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo
from tvmscript.core.tir import expr as E


def _resize_infer(call: Call, spatial: str) -> StructInfo:
    data = tensor_info(call, 0, "data")
    canonical = "NC" + spatial
    layout = call.attrs["layout"]
    check_layout(layout, canonical, "data")
    size, _ = shape_values(call, 1)
    dtype = call.attrs["out_dtype"] or data.dtype
    if size is not None and len(size) != len(spatial):
        raise fail(f"{len(spatial)} output sizes expected, got {len(size)}")
    if (dims := data.shape_values) is None or size is None:
        return tensor(None, dtype, len(canonical), data.vdevice)
    d = to_canonical(dims, layout, canonical)
    return tensor(
        from_canonical([d[0], d[1], *size], canonical, layout), dtype, len(canonical), data.vdevice
    )


register_op("image.resize2d")(lambda call: _resize_infer(call, "HW"))
register_op("image.resize3d")(lambda call: _resize_infer(call, "DHW"))


def _size(size: ShapeLike, n: int) -> Expr:
    if isinstance(size, int | E.PrimExpr):
        return to_shape([size] * n)
    return to_shape(size)


def _roi(value: float | E.PrimExpr) -> float:
    """One bound of a region of interest: a number, or a constant as TVM prints it."""
    if isinstance(value, E.FloatImm | E.IntImm):
        return float(value.value)
    if isinstance(value, E.PrimExpr):
        raise fail(f"roi expects constants, got {value}")
    return float(value)


def _resize_attrs(
    n: int, roi: Sequence[float | E.PrimExpr] | None, layout: str, out_dtype: Any, **rest: Any
) -> dict[str, Any]:
    values = (0.0,) * (2 * n) if roi is None else tuple(roi)
    attrs: dict[str, Any] = {"roi": tuple(E.FloatImm("float32", _roi(v)) for v in values)}
    attrs["layout"] = layout
    attrs |= rest
    attrs["out_dtype"] = opt_dtype(out_dtype)
    return attrs


def resize2d(
    data: Expr,
    size: ShapeLike,
    roi: Sequence[float | E.PrimExpr] | None = None,
    layout: str = "NCHW",
    method: str = "linear",
    coordinate_transformation_mode: str = "half_pixel",
    rounding_method: str = "round",
    cubic_alpha: float = -0.75,
    cubic_exclude: int = 0,
    extrapolation_value: float = 0.0,
    out_dtype: str | None = None,
) -> Call:
    """An image resized to ``size`` (height, width)."""
    attrs = _resize_attrs(
        2, roi, layout, out_dtype, method=method,
        coordinate_transformation_mode=coordinate_transformation_mode,
        rounding_method=rounding_method, cubic_alpha=float(cubic_alpha),
        cubic_exclude=int(cubic_exclude), extrapolation_value=float(extrapolation_value),
    )  # fmt: skip
    return make_call("image.resize2d", [data, _size(size, 2)], attrs)


def resize3d(
    data: Expr,
    size: ShapeLike,
    roi: Sequence[float | E.PrimExpr] | None = None,
    layout: str = "NCDHW",
    method: str = "linear",
    coordinate_transformation_mode: str = "half_pixel",
    rounding_method: str = "",
    cubic_alpha: float = -0.75,
    cubic_exclude: int = 0,
    extrapolation_value: float = 0.0,
    out_dtype: str | None = None,
) -> Call:
    """A volume resized to ``size`` (depth, height, width)."""
    attrs = _resize_attrs(
        3, roi, layout, out_dtype, method=method,
        coordinate_transformation_mode=coordinate_transformation_mode,
        rounding_method=rounding_method, cubic_alpha=float(cubic_alpha),
        cubic_exclude=int(cubic_exclude), extrapolation_value=float(extrapolation_value),
    )  # fmt: skip
    return make_call("image.resize3d", [data, _size(size, 3)], attrs)


@register_op("image.affine_grid")
def _infer_affine_grid(call: Call) -> StructInfo:
    data = tensor_info(call, 0, "data")
    size, _ = shape_values(call, 1)
    dims = data.shape_values
    if dims is None or size is None:
        return tensor(None, data.dtype, 4, data.vdevice)
    if len(dims) != 3:
        raise fail(f"R.image.affine_grid expects a [batch, 2, 3] tensor, got {sinfo_text(data)}")
    return tensor([dims[0], E.IntImm(INDEX, 2), *size], data.dtype, 4, data.vdevice)


def affine_grid(data: Expr, size: ShapeLike, align_corners: bool = True) -> Call:
    """The sampling grid of the affine transforms ``data`` for an output of ``size``."""
    attrs = {"align_corners": align_corners}
    return make_call("image.affine_grid", [data, _size(size, 2)], attrs)


@register_op("image.grid_sample")
def _infer_grid_sample(call: Call) -> StructInfo:
    data, grid = tensor_info(call, 0, "data"), tensor_info(call, 1, "grid")
    dims, gdims = data.shape_values, grid.shape_values
    if dims is None or gdims is None:
        return tensor(None, data.dtype, data.ndim, data.vdevice)
    return tensor([dims[0], dims[1], *gdims[2:]], data.dtype, len(dims), data.vdevice)


def grid_sample(
    data: Expr,
    grid: Expr,
    method: str = "bilinear",
    layout: str = "NCHW",
    padding_mode: str = "zeros",
    align_corners: bool = False,
) -> Call:
    """``data`` sampled at the positions of ``grid``."""
    attrs = {
        "method": method,
        "layout": layout,
        "padding_mode": padding_mode,
        "align_corners": align_corners,
    }
    return make_call("image.grid_sample", [data, grid], attrs)


__all__ = ["affine_grid", "grid_sample", "resize2d", "resize3d"]
