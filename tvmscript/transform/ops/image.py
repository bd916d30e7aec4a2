"""``R.image.resize2d``: nearest, linear and cubic interpolation (NCHW and NHWC).

Source coordinates follow the coordinate transformation mode (``half_pixel``:
``(i + 0.5) * scale - 0.5``, ``align_corners``, ``asymmetric``); neighbours are clamped to the
image, as TOPI's ``resize2d`` computes them.
"""

from __future__ import annotations

from collections.abc import Callable

from tvmscript.core.relax import expr as rx
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.transform import te
from tvmscript.transform.ops.elementwise import intrin
from tvmscript.transform.registry import OpCall, legalizes

_F32 = "float32"


def _f(v: float) -> E.PrimExpr:
    return arith.make_const(_F32, v)


def _i64(v: int) -> E.IntImm:
    return E.IntImm("int64", v)


def _f32_ratio(a: int, b: int) -> float:
    """``a / b`` rounded to float32 (TVM computes the scale in float32)."""
    import numpy as np

    return float(np.float32(a) / np.float32(b))


def _source(v: E.PrimExpr, n_in: int, n_out: int, mode: str) -> E.PrimExpr:
    fv = arith.cast(_F32, v)
    if mode == "align_corners":
        scale = _f32_ratio(n_in - 1, n_out - 1) if n_out > 1 else 0.0
        return E.Mul(_f(scale), fv)
    if mode == "asymmetric":
        return E.Mul(_f(_f32_ratio(n_in, n_out)), fv)
    if mode == "half_pixel":
        return E.Sub(E.Mul(E.Add(fv, _f(0.5)), _f(_f32_ratio(n_in, n_out))), _f(0.5))
    if mode == "pytorch_half_pixel":
        if n_out == 1:
            return _f(0.0)
        return E.Sub(E.Mul(E.Add(fv, _f(0.5)), _f(_f32_ratio(n_in, n_out))), _f(0.5))
    raise ValueError(f"coordinate transformation mode {mode!r} is not supported")


def _clamp(i: E.PrimExpr, n: int) -> E.PrimExpr:
    return E.Max(E.Min(i, _i64(n - 1)), _i64(0))


def _nearest_index(src: E.PrimExpr, rounding: str, mode: str) -> E.PrimExpr:
    if rounding == "round" or (rounding == "" and mode == "align_corners"):
        return arith.cast("int64", intrin("round")(src))
    if rounding == "ceil":
        return arith.cast("int64", intrin("ceil")(src))
    if rounding in ("round_prefer_floor",):
        return arith.cast("int64", intrin("ceil")(E.Sub(src, _f(0.5))))
    if rounding in ("round_prefer_ceil",):
        return arith.cast("int64", intrin("floor")(E.Add(src, _f(0.5))))
    if rounding == "" and mode in ("half_pixel", "pytorch_half_pixel"):
        return arith.cast("int64", intrin("floor")(E.Add(src, _f(1e-05))))
    return arith.cast("int64", intrin("floor")(src))


def _cubic_weights(t: E.PrimExpr, alpha: float) -> list[E.PrimExpr]:
    """The four cubic-convolution weights for fraction ``t`` (Keys, ``alpha``)."""
    a = _f(alpha)
    t2 = E.Mul(t, t)
    t3 = E.Mul(t2, t)
    w0 = E.Mul(a, E.Add(E.Sub(t3, E.Mul(_f(2.0), t2)), t))
    w1 = E.Add(E.Sub(E.Mul(_f(alpha + 2), t3), E.Mul(_f(alpha + 3), t2)), _f(1.0))
    s = E.Sub(_f(1.0), t)
    s2 = E.Mul(s, s)
    s3 = E.Mul(s2, s)
    w2 = E.Add(E.Sub(E.Mul(_f(alpha + 2), s3), E.Mul(_f(alpha + 3), s2)), _f(1.0))
    w3 = E.Mul(a, E.Add(E.Sub(s3, E.Mul(_f(2.0), s2)), s))
    return [w0, w1, w2, w3]


@legalizes("image.resize2d")
def _legalize_resize2d(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    a = c.attrs
    layout = str(a["layout"])
    if layout not in ("NCHW", "NHWC"):
        raise c.fail(f"layout {layout!r} is not supported")
    hd, wd = (2, 3) if layout == "NCHW" else (1, 2)
    out_shape = c.out_shape()
    sizes = [x.shape[hd], x.shape[wd], out_shape[hd], out_shape[wd]]
    if not all(isinstance(s, E.IntImm) for s in sizes):
        raise c.fail("resizing needs known spatial sizes")
    h_in, w_in, h_out, w_out = (s.value for s in sizes if isinstance(s, E.IntImm))
    method = str(a["method"])
    mode = str(a["coordinate_transformation_mode"])
    rounding = str(a["rounding_method"])
    out_dtype = c.out_tensor_info().dtype

    def at(i: tuple[E.PrimExpr, ...], y: E.PrimExpr, xx: E.PrimExpr) -> E.PrimExpr:
        index = list(i)
        index[hd], index[wd] = y, xx
        return x[index]

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        try:
            sy = _source(i[hd], h_in, h_out, mode)
            sx = _source(i[wd], w_in, w_out, mode)
        except ValueError as err:
            raise c.fail(str(err)) from None
        if method == "nearest_neighbor":
            if (
                mode == "asymmetric"
                and rounding == "floor"
                and h_out % h_in == 0
                and w_out % w_in == 0
            ):
                ny: E.PrimExpr = E.Div(i[hd], _i64(h_out // h_in))
                nx: E.PrimExpr = E.Div(i[wd], _i64(w_out // w_in))
            else:
                ny, nx = _nearest_index(sy, rounding, mode), _nearest_index(sx, rounding, mode)
            return arith.cast(out_dtype, at(i, _clamp(ny, h_in), _clamp(nx, w_in)))
        if method == "linear":
            return arith.cast(out_dtype, _bilinear(at, i, sy, sx, h_in, w_in))
        if method == "cubic":
            return arith.cast(
                out_dtype, _bicubic(at, i, sy, sx, h_in, w_in, float(a["cubic_alpha"]))
            )
        raise c.fail(f"method {method!r} is not supported")

    return c.emit("resize2d", te.compute(out_shape, body, "resize"))


Reader = Callable[[tuple[E.PrimExpr, ...], E.PrimExpr, E.PrimExpr], E.PrimExpr]


def _bilinear(
    at: Reader, i: tuple[E.PrimExpr, ...], sy: E.PrimExpr, sx: E.PrimExpr, h: int, w: int
) -> E.PrimExpr:
    floor = intrin("floor")
    y0, x0 = arith.cast("int64", floor(sy)), arith.cast("int64", floor(sx))
    ylerp = E.Sub(sy, arith.cast(_F32, arith.cast("int32", floor(sy))))
    xlerp = E.Sub(sx, arith.cast(_F32, arith.cast("int32", floor(sx))))
    one = _f(1.0)
    ys = (_clamp(y0, h), _clamp(arith.add(y0, 1), h))
    xs = (_clamp(x0, w), _clamp(arith.add(x0, 1), w))

    def row(y: E.PrimExpr) -> E.PrimExpr:
        return E.Add(E.Mul(at(i, y, xs[0]), E.Sub(one, xlerp)), E.Mul(at(i, y, xs[1]), xlerp))

    return E.Add(E.Mul(row(ys[0]), E.Sub(one, ylerp)), E.Mul(row(ys[1]), ylerp))


def _bicubic(
    at: Reader,
    i: tuple[E.PrimExpr, ...],
    sy: E.PrimExpr,
    sx: E.PrimExpr,
    h: int,
    w: int,
    alpha: float,
) -> E.PrimExpr:
    floor = intrin("floor")
    y0, x0 = arith.cast("int64", floor(sy)), arith.cast("int64", floor(sx))
    wy = _cubic_weights(E.Sub(sy, floor(sy)), alpha)
    wx = _cubic_weights(E.Sub(sx, floor(sx)), alpha)
    total: E.PrimExpr | None = None
    for dy in range(4):
        yy = _clamp(arith.add(y0, dy - 1), h)
        row: E.PrimExpr | None = None
        for dx in range(4):
            term = E.Mul(at(i, yy, _clamp(arith.add(x0, dx - 1), w)), wx[dx])
            row = term if row is None else E.Add(row, term)
        assert row is not None
        weighted = E.Mul(row, wy[dy])
        total = weighted if total is None else E.Add(total, weighted)
    assert total is not None
    return total
