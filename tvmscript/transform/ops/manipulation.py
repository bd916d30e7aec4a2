"""Shape and layout operators (reshape, permute_dims, concat, split, slicing, ...).

Also squeeze, expand_dims, flatten, broadcast_to, tile, repeat, flip, where, tril/triu, stack
and meshgrid.

Reshapes read the input at the row-major unravelling of the output's flat index, written in
TVM's canonical form (``x[(v_ax0 * 2 + v_ax1 // 4) % 6, v_ax1 % 4]``).
"""

from __future__ import annotations

from collections.abc import Sequence

from tvmscript.core.relax import expr as rx
from tvmscript.core.relax.struct_info import TensorStructInfo, TupleStructInfo
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.op import call_intrin
from tvmscript.transform import te, topi
from tvmscript.transform.canonical import canonical
from tvmscript.transform.registry import OpCall, legalizes


def _i64(v: int) -> E.IntImm:
    return E.IntImm("int64", v)


def _axis(axis: int, ndim: int) -> int:
    return axis + ndim if axis < 0 else axis


def unravel(flat: E.PrimExpr, shape: Sequence[E.PrimExpr]) -> list[E.PrimExpr]:
    """The indices of row-major position ``flat`` in ``shape`` (canonical form)."""
    out: list[E.PrimExpr] = []
    cur = flat
    for d in reversed(shape):
        out.append(canonical(E.FloorMod(cur, d)))
        cur = E.FloorDiv(cur, d)
    return list(reversed(out))


def ravel(index: Sequence[E.PrimExpr], shape: Sequence[E.PrimExpr]) -> E.PrimExpr:
    """The row-major position of ``index`` in ``shape`` (not simplified)."""
    if not index:
        return _i64(0)
    flat = index[0]
    for i, d in zip(index[1:], shape[1:], strict=True):
        flat = E.Add(E.Mul(flat, d), i)
    return flat


def reshape(x: te.Tensor, shape: Sequence[E.PrimExpr], name: str = "T_reshape") -> te.Tensor:
    """``x`` with the same elements in ``shape``."""
    return te.compute(shape, lambda *i: x[unravel(ravel(i, shape), x.shape)], name, names="ax")


@legalizes("reshape")
def _legalize_reshape(c: OpCall) -> rx.Expr:
    return c.emit("reshape", reshape(c.tensor(0), c.out_shape()))


@legalizes("flatten")
def _legalize_flatten(c: OpCall) -> rx.Expr:
    return c.emit("reshape", reshape(c.tensor(0), c.out_shape()))


@legalizes("permute_dims")
def _legalize_permute_dims(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    axes = c.attrs["axes"]
    perm = list(reversed(range(x.ndim))) if axes is None else [_axis(a, x.ndim) for a in axes]
    inverse = [perm.index(d) for d in range(x.ndim)]
    shape = [x.shape[p] for p in perm]
    out = te.compute(
        shape, lambda *i: x[[i[inverse[d]] for d in range(x.ndim)]], "T_transpose", names="ax"
    )
    return c.emit("transpose", out)


def _if_then_else(cond: E.PrimExpr, a: E.PrimExpr, b: E.PrimExpr) -> E.PrimExpr:
    return call_intrin(a.dtype, "tir.if_then_else", cond, a, b)


@legalizes("concat")
def _legalize_concat(c: OpCall) -> rx.Expr:
    parts = c.tensors_of_tuple(0)
    axis = _axis(int(c.attrs["axis"]), parts[0].ndim)
    offsets: list[E.PrimExpr] = [_i64(0)]
    for p in parts[:-1]:
        offsets.append(arith.add(offsets[-1], p.shape[axis]))

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        def at(k: int) -> E.PrimExpr:
            index = list(i)
            index[axis] = canonical(E.Sub(i[axis], offsets[k]))
            return parts[k][index]

        value = at(0)
        for k in range(1, len(parts)):
            value = _if_then_else(_at_least(i[axis], offsets[k]), at(k), value)
        return value

    return c.emit("concatenate", te.compute(c.out_shape(), body, "T_concat", names="ax"))


def _at_least(v: E.PrimExpr, offset: E.PrimExpr) -> E.PrimExpr:
    """``offset <= v``; a symbolic offset reads ``0 <= v - offset`` (TVM's form)."""
    if isinstance(offset, E.IntImm):
        return E.LE(offset, v)
    return E.LE(_i64(0), E.Sub(v, offset))


@legalizes("split")
def _legalize_split(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    axis = _axis(int(c.attrs["axis"]), x.ndim)
    spec = c.attrs["indices_or_sections"]
    info = c.out_info()
    fields = info.fields if isinstance(info, TupleStructInfo) else (info,)
    shapes = [c.shape_of(f) for f in fields if isinstance(f, TensorStructInfo)]
    name = "T_split_sections" if isinstance(spec, int) else "T_split"
    outs: list[te.Tensor] = []
    begin: E.PrimExpr = _i64(0)
    for shape in shapes:
        start = begin
        outs.append(
            te.compute(shape, lambda *i, s=start: x[_shifted(i, axis, s)], name, names="ax")
        )
        begin = arith.add(begin, shape[axis])
    return c.emit("split", outs)


def _shifted(i: Sequence[E.PrimExpr], axis: int, start: E.PrimExpr) -> list[E.PrimExpr]:
    index = list(i)
    index[axis] = canonical(arith.add(i[axis], start))
    return index


def _ints(c: OpCall, index: int) -> list[int]:
    arg = c.arg(index)
    if not isinstance(arg, rx.Tuple):
        raise c.fail(f"argument {index} is not a tuple of constants")
    out = []
    for f in arg.fields:
        v = f.value if isinstance(f, rx.PrimValue) else None
        if not isinstance(v, E.IntImm):
            raise c.fail("strided_slice needs constant axes, bounds and strides")
        out.append(v.value)
    return out


@legalizes("strided_slice")
def _legalize_strided_slice(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    axes = [_axis(a, x.ndim) for a in _ints(c, 1)]
    begins = _ints(c, 2)
    strides = _ints(c, 4) if len(c.call.args) > 4 else [1] * len(axes)
    starts: dict[int, tuple[E.PrimExpr, int]] = {}
    for a, b, s in zip(axes, begins, strides, strict=True):
        starts[a] = (_slice_begin(b, s, x.shape[a]), s)

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        index = list(i)
        for a, (b, s) in starts.items():
            index[a] = canonical(E.Add(b, E.Mul(i[a], _i64(s))))
        return x[index]

    dynamic = any(not isinstance(d, E.IntImm) for d in x.shape)
    name = "T_dynamic_strided_slice_with_axes" if dynamic else "T_strided_slice_with_axes"
    out = te.compute(c.out_shape(), body, name, names="ax")
    return c.emit("strided_slice", out)


def _slice_begin(begin: int, stride: int, dim: E.PrimExpr) -> E.PrimExpr:
    if not isinstance(dim, E.IntImm):
        if begin < 0:
            return E.Max(canonical(E.Add(dim, _i64(begin))), _i64(0))
        return E.Min(_i64(begin), dim) if begin else _i64(0)
    n = dim.value
    b = begin + n if begin < 0 else begin
    b = max(0, min(b, n)) if stride > 0 else max(-1, min(b, n - 1))
    return _i64(b)


@legalizes("squeeze")
def _legalize_squeeze(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    axis = c.attrs["axis"]
    if axis is None:
        dropped = {d for d in range(x.ndim) if topi.is_one(x.shape[d])}
    else:
        dropped = {_axis(a, x.ndim) for a in axis}

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        kept = iter(i)
        return x[[_i64(0) if d in dropped else next(kept) for d in range(x.ndim)]]

    return c.emit("squeeze", te.compute(c.out_shape(), body, "T_squeeze", names="ax"))


@legalizes("expand_dims")
def _legalize_expand_dims(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    out_shape = c.out_shape()
    inserted = {_axis(a, len(out_shape)) for a in c.attrs["axis"]}

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        return x[[v for d, v in enumerate(i) if d not in inserted]]

    return c.emit("expand_dims", te.compute(out_shape, body, "expand_dims", names="i"))


@legalizes("broadcast_to")
def _legalize_broadcast_to(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    shape = c.out_shape()
    out = te.compute(
        shape, lambda *i: topi.broadcast_load(x, shape, i), "T_broadcast_to", names="ax"
    )
    return c.emit("broadcast_to", out)


@legalizes("tile")
def _legalize_tile(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    shape = c.out_shape()
    offset = len(shape) - x.ndim

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        return x[[E.FloorMod(i[offset + d], x.shape[d]) for d in range(x.ndim)]]

    return c.emit("tile", te.compute(shape, body, "T_tile", names="ax"))


@legalizes("repeat")
def _legalize_repeat(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    repeats = _i64(int(c.attrs["repeats"]))
    axis = c.attrs["axis"]
    if axis is None:
        total: E.PrimExpr = _i64(1)
        for d in x.shape:
            total = arith.mul(total, d)
        x = reshape(x, [total])
        axis = 0
    axis = _axis(int(axis), x.ndim)

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        index = list(i)
        index[axis] = E.FloorDiv(i[axis], repeats)
        return x[index]

    return c.emit("repeat", te.compute(c.out_shape(), body, "T_repeat", names="ax"))


@legalizes("flip")
def _legalize_flip(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    axis = _axis(int(c.attrs["axis"]), x.ndim)

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        index = list(i)
        index[axis] = canonical(E.Sub(E.Sub(x.shape[axis], _i64(1)), i[axis]))
        return x[index]

    return c.emit("flip", te.compute(x.shape, body, "T_reverse_sequence", names="ax"))


def _truth(cond: E.PrimExpr) -> E.PrimExpr:
    """A condition tensor's element as TVM's ``where`` tests it (``0 < int64(c)``)."""
    if cond.dtype == "bool" or cond.dtype.startswith(("int", "uint")):
        return (
            E.LT(_i64(0), arith.cast("int64", cond))
            if cond.dtype == "bool"
            else E.NE(cond, arith.make_const(cond.dtype, 0))
        )
    return E.NE(cond, arith.make_const(cond.dtype, 0))


@legalizes("where")
def _legalize_where(c: OpCall) -> rx.Expr:
    cond, a, b = c.operand(0), c.operand(1), c.operand(2)
    shape = c.out_shape()

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        load = [topi.broadcast_load(t, shape, i) for t in (cond, a, b)]
        return E.Select(_truth(load[0]), load[1], load[2])

    return c.emit("where", te.compute(shape, body, "T_where", names="ax"))


def _plus(e: E.PrimExpr, k: int) -> E.PrimExpr:
    return E.Add(e, _i64(k))


def _trilu_condition(row: E.PrimExpr, col: E.PrimExpr, k: int, lower: bool) -> E.PrimExpr:
    """``col <= row + k`` (lower) or ``row + k <= col``, as TVM's simplifier writes them."""
    if lower:
        if k >= 0:
            return E.LE(col, _plus(row, k) if k else row)
        return E.LT(col, row) if k == -1 else E.LE(_plus(col, -k), row)
    if k == 1:
        return E.LT(row, col)
    if k >= 0:
        return E.LE(_plus(row, k) if k else row, col)
    return E.LE(row, _plus(col, -k))


@legalizes("tril", "triu")
def _legalize_trilu(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    k_expr = c.prim(1)
    if not isinstance(k_expr, E.IntImm):
        raise c.fail("the diagonal offset must be a constant")
    k = k_expr.value
    zero = arith.make_const(x.dtype, 0)

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        cond = _trilu_condition(i[-2], i[-1], k, c.name == "tril")
        return E.Select(cond, x[i], zero)

    return c.emit(c.name, te.compute(x.shape, body, "trilu", names="i"))


@legalizes("stack")
def _legalize_stack(c: OpCall) -> rx.Expr:
    parts = c.tensors_of_tuple(0)
    shape = c.out_shape()
    axis = _axis(int(c.attrs["axis"]), len(shape))

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        index = [v for d, v in enumerate(i) if d != axis]
        value = parts[0][index]
        for k in range(1, len(parts)):
            value = _if_then_else(E.EQ(i[axis], _i64(k)), parts[k][index], value)
        return value

    return c.emit("stack", te.compute(shape, body, "T_stack", names="ax"))


@legalizes("meshgrid")
def _legalize_meshgrid(c: OpCall) -> rx.Expr:
    parts = c.tensors_of_tuple(0)
    xy = c.attrs.get("indexing") == "xy" and len(parts) >= 2
    sizes = [p.shape[0] for p in parts]
    if xy:
        sizes[0], sizes[1] = sizes[1], sizes[0]
    outs = []
    for k, p in enumerate(parts):
        d = (1 - k if k < 2 else k) if xy else k
        outs.append(te.compute(sizes, lambda *i, p=p, d=d: p[i[d]], "T_meshgrid", names="ax"))
    return c.emit("meshgrid", outs)
