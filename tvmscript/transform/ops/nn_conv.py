"""Convolutions: ``R.nn.conv1d/2d/3d`` and their transposes ``conv1d/2d/3d_transpose``.

Grouped and depthwise convolutions, in NC.. and N..C layouts.

A convolution pads its input (``pad_temp``) and reduces over the input channels and the kernel
window (``rc, ry, rx``), as TOPI's ``conv2d_nchw``; a transposed one dilates and pads the input,
flips the kernel (``kernel_transform``) and convolves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from tvmscript.core.relax import expr as rx
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.transform import te, topi
from tvmscript.transform.canonical import canonical
from tvmscript.transform.registry import OpCall, legalizes

_SPATIAL: Final = ("yy", "xx", "zz")
_REDUCE: Final = ("ry", "rx", "rz")
_DATA_LAYOUTS: Final = {1: ("NCW", "NWC"), 2: ("NCHW", "NHWC"), 3: ("NCDHW", "NDHWC")}
_KERNEL_LAYOUTS: Final = {1: ("OIW", "OWI"), 2: ("OIHW", "OHWI"), 3: ("OIDHW", "ODHWI")}


def _i64(v: int) -> E.IntImm:
    return E.IntImm("int64", v)


def _ints(values: object) -> list[int]:
    return [int(v) for v in values]  # type: ignore[attr-defined]


def _cast(dtype: str, e: E.PrimExpr) -> E.PrimExpr:
    return arith.cast(dtype, e)


def conv(
    x: te.Tensor,
    w: te.Tensor,
    strides: Sequence[int],
    padding: Sequence[int],
    dilation: Sequence[int],
    groups: int,
    channels_last: bool,
    out_dtype: str,
    shape: Sequence[E.PrimExpr],
) -> te.Tensor:
    """An N-d convolution of ``x`` (NC... or N...C) with ``w`` (OI... or O...I)."""
    nd = len(strides)
    spatial = list(range(1, nd + 1)) if channels_last else list(range(2, nd + 2))
    before, after = [0] * x.ndim, [0] * x.ndim
    for k, d in enumerate(spatial):
        before[d], after[d] = padding[k], padding[nd + k]
    padded = topi.pad(x, before, after, arith.make_const(x.dtype, 0), "pad_temp")
    out_c = w.shape[0]
    w_in = w.shape[-1] if channels_last else w.shape[1]
    ksize = w.shape[1:-1] if channels_last else w.shape[2:]
    rc = te.reduce_axis(w_in, "rc")
    rw = [te.reduce_axis(ksize[k], _REDUCE[k]) for k in range(nd)]

    def channel(ff: E.PrimExpr) -> E.PrimExpr:
        if groups == 1:
            return rc.var
        per_out = arith.floordiv(out_c, groups)
        return canonical(E.Add(E.Mul(E.FloorDiv(ff, per_out), w_in), rc.var))

    def body(*out: E.PrimExpr) -> te.Reduce:
        nn = out[0]
        ff = out[-1] if channels_last else out[1]
        sp = out[1:-1] if channels_last else out[2:]
        pos = [
            canonical(E.Add(E.Mul(sp[k], _i64(strides[k])), E.Mul(rw[k].var, _i64(dilation[k]))))
            for k in range(nd)
        ]
        c = channel(ff)
        if channels_last:
            data = padded[[nn, *pos, c]]
            kern = w[[ff, *(r.var for r in rw), rc.var]]
        else:
            data = padded[[nn, c, *pos]]
            kern = w[[ff, rc.var, *(r.var for r in rw)]]
        axes = [*(r for r in rw), rc] if channels_last else [rc, *rw]
        return te.sum(E.Mul(_cast(out_dtype, data), _cast(out_dtype, kern)), axes)

    if channels_last:
        names = ["nn", *_SPATIAL[:nd], "ff"]
        layout = {1: "nwc", 2: "nhwc", 3: "ndhwc"}[nd]
    else:
        names = ["nn", "ff", *_SPATIAL[:nd]]
        layout = {1: "ncw", 2: "nchw", 3: "ncdhw"}[nd]
    prefix = "group_" if groups > 1 else ""
    return te.compute(shape, body, f"{prefix}conv{nd}d_{layout}", names=names, dtype=out_dtype)


@legalizes("nn.conv1d", "nn.conv2d", "nn.conv3d")
def _legalize_conv(c: OpCall) -> rx.Expr:
    nd = int(c.name[-2])
    a = c.attrs
    data_layout, kernel_layout = str(a["data_layout"]), str(a["kernel_layout"])
    out_layout = str(a.get("out_layout") or data_layout)
    channels_last = data_layout == _DATA_LAYOUTS[nd][1]
    kernel_ok = kernel_layout == _KERNEL_LAYOUTS[nd][1 if channels_last else 0]
    if data_layout not in _DATA_LAYOUTS[nd] or not kernel_ok or out_layout != data_layout:
        raise c.fail(f"layouts {data_layout}/{kernel_layout} -> {out_layout} are not supported")
    out = conv(
        c.tensor(0),
        c.tensor(1),
        _ints(a["strides"]),
        _ints(a["padding"]),
        _ints(a["dilation"]),
        int(a["groups"]),
        channels_last,
        c.out_tensor_info().dtype,
        c.out_shape(),
    )
    return c.emit(f"conv{nd}d", out)


def _dilate(x: te.Tensor, strides: Sequence[int]) -> te.Tensor:
    nd = len(strides)
    spatial = range(2, 2 + nd)
    shape = list(x.shape)
    for k, d in enumerate(spatial):
        shape[d] = arith.add(arith.mul(arith.sub(x.shape[d], 1), strides[k]), 1)

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        index = list(i)
        conds: list[E.PrimExpr] = []
        for k, d in enumerate(spatial):
            if strides[k] != 1:
                s = _i64(strides[k])
                conds.append(E.EQ(E.FloorMod(i[d], s), _i64(0)))
                index[d] = E.FloorDiv(i[d], s)
        value = x[index]
        if not conds:
            return value
        return topi.if_then_else(topi.all_of(conds), value, arith.make_const(x.dtype, 0))

    return te.compute(shape, body, "data_dilate", names="i")


_KERNEL_NAMES: Final = {1: ["o", "i", "w"], 2: ["o", "i", "h", "w"], 3: ["o", "i", "d", "h", "w"]}
_WINDOW_NAMES: Final = {1: ["dw"], 2: ["dh", "dw"], 3: ["dd", "dh", "dw"]}
_OUT_NAMES: Final = {1: ["w"], 2: ["h", "w"], 3: ["d", "h", "w"]}


@legalizes("nn.conv1d_transpose", "nn.conv2d_transpose", "nn.conv3d_transpose")
def _legalize_conv_transpose(c: OpCall) -> rx.Expr:
    nd = int(c.name[-12])
    a = c.attrs
    x, w = c.tensor(0), c.tensor(1)
    strides, padding = _ints(a["strides"]), _ints(a["padding"])
    out_pad, dilation = _ints(a["output_padding"]), _ints(a["dilation"])
    layouts_ok = str(a["data_layout"]) == _DATA_LAYOUTS[nd][0] and str(a["kernel_layout"]) in (
        "IOW",
        "IOHW",
        "IODHW",
    )
    if not layouts_ok or int(a["groups"]) != 1 or any(d != 1 for d in dilation):
        raise c.fail("only ungrouped, undilated NC.. / IO.. transposed convolutions are supported")
    ksize = [e.value for e in w.shape[2:] if isinstance(e, E.IntImm)]
    if len(ksize) != nd:
        raise c.fail("the kernel size must be known")
    dilated = _dilate(x, strides)
    before = [0, 0, *(ksize[k] - 1 - padding[k] for k in range(nd))]
    after = [0, 0, *(ksize[k] - 1 - padding[nd + k] + out_pad[k] for k in range(nd))]
    padded = topi.pad(dilated, before, after, arith.make_const(x.dtype, 0), "data_pad")
    kernel_name = "kernel" if nd == 1 else "kernel_transform"
    flipped = te.compute(
        [w.shape[1], w.shape[0], *w.shape[2:]],
        lambda o, i, *sp: w[[i, o, *(E.Sub(_i64(ksize[k] - 1), sp[k]) for k in range(nd))]],
        kernel_name,
        names=_KERNEL_NAMES[nd],
    )
    out_dtype = c.out_tensor_info().dtype
    dc = te.reduce_axis(x.shape[1], "dc")
    dk = [te.reduce_axis(ksize[k], _WINDOW_NAMES[nd][k]) for k in range(nd)]

    def body(b: E.PrimExpr, ch: E.PrimExpr, *sp: E.PrimExpr) -> te.Reduce:
        data = padded[[b, dc.var, *(E.Add(sp[k], dk[k].var) for k in range(nd))]]
        kern = flipped[[ch, dc.var, *(r.var for r in dk)]]
        return te.sum(E.Mul(_cast(out_dtype, data), _cast(out_dtype, kern)), [dc, *dk])

    names = ["b", "c", *_OUT_NAMES[nd]]
    out = te.compute(c.out_shape(), body, "compute", names=names, dtype=out_dtype)
    return c.emit(f"conv{nd}d_transpose", out)
