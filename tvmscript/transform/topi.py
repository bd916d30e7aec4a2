"""Shared compute builders: element-wise maps and NumPy broadcasting (TVM's TOPI shapes).

An operand is a tensor or a scalar expression (a 0-d constant is inlined as its value, as
TVM's ``call_te`` does). Binary computes are named ``T_<op>`` over axes ``ax0, ax1, ...``;
unary maps are ``compute`` over ``i0, i1, ...``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeAlias

from tvmscript.core.tir import expr as E
from tvmscript.transform import te

Operand: TypeAlias = te.Tensor | E.PrimExpr


def is_one(d: E.PrimExpr) -> bool:
    """Whether ``d`` is the constant 1."""
    return isinstance(d, E.IntImm) and d.value == 1


def same_dim(a: E.PrimExpr, b: E.PrimExpr) -> bool:
    """Whether two dimensions are the same variable or equal constants."""
    if a is b:
        return True
    return isinstance(a, E.IntImm) and isinstance(b, E.IntImm) and a.value == b.value


def broadcast_shape(a: Sequence[E.PrimExpr], b: Sequence[E.PrimExpr]) -> tuple[E.PrimExpr, ...]:
    """NumPy's broadcast of two shapes (a known 1 yields to the other side)."""
    out: list[E.PrimExpr] = []
    for i in range(max(len(a), len(b))):
        da = a[len(a) - 1 - i] if i < len(a) else None
        db = b[len(b) - 1 - i] if i < len(b) else None
        if da is None or (db is not None and is_one(da)):
            assert db is not None
            out.append(db)
        else:
            out.append(da)
    return tuple(reversed(out))


def shape_of(x: Operand) -> tuple[E.PrimExpr, ...]:
    """The shape of an operand (a scalar's is ``()``)."""
    return x.shape if isinstance(x, te.Tensor) else ()


def broadcast_load(
    x: Operand, out_shape: Sequence[E.PrimExpr], idx: Sequence[E.PrimExpr]
) -> E.PrimExpr:
    """``x`` at output index ``idx``: a dimension of 1 broadcast to more reads index 0."""
    if not isinstance(x, te.Tensor):
        return x
    offset = len(out_shape) - x.ndim
    indices: list[E.PrimExpr] = []
    for d, dim in enumerate(x.shape):
        out_dim = out_shape[offset + d]
        if is_one(dim) and not is_one(out_dim):
            indices.append(E.IntImm(dim.dtype, 0))
        else:
            indices.append(idx[offset + d])
    return x[indices]


def broadcast(
    a: Operand,
    b: Operand,
    f: Callable[[E.PrimExpr, E.PrimExpr], E.PrimExpr],
    name: str,
) -> te.Tensor:
    """``f(a, b)`` element-wise over the broadcast shape, as compute ``name``."""
    shape = broadcast_shape(shape_of(a), shape_of(b))
    return te.compute(
        shape,
        lambda *idx: f(broadcast_load(a, shape, idx), broadcast_load(b, shape, idx)),
        name,
        names="ax",
    )


def elemwise(
    x: te.Tensor,
    f: Callable[[E.PrimExpr], E.PrimExpr],
    name: str = "compute",
    names: str = "i",
) -> te.Tensor:
    """``f(x)`` element-wise."""
    return te.compute(x.shape, lambda *idx: f(x[idx]), name, names=names)


def if_then_else(cond: E.PrimExpr, a: E.PrimExpr, b: E.PrimExpr) -> E.PrimExpr:
    """``T.if_then_else(cond, a, b)``."""
    from tvmscript.core.tir.op import call_intrin

    return call_intrin(a.dtype, "tir.if_then_else", cond, a, b)


def all_of(conds: Sequence[E.PrimExpr]) -> E.PrimExpr:
    """``c0 and c1 and ...`` (left-associated)."""
    out = conds[0]
    for c in conds[1:]:
        out = E.And(out, c)
    return out


def pad(
    x: te.Tensor,
    before: Sequence[int],
    after: Sequence[int],
    value: E.PrimExpr,
    name: str = "PadInput",
    names: str = "i",
    both_sides: bool = True,
) -> te.Tensor:
    """``x`` padded with ``value``: ``before[d]``/``after[d]`` elements on each side of dim ``d``.

    ``both_sides``: a padded dimension is tested on both sides (TOPI's ``nn.pad``), else only on
    the sides that are padded (the pools' padding).
    """
    from tvmscript.core.tir import arith

    shape = [arith.add(d, b + a) for d, b, a in zip(x.shape, before, after, strict=True)]

    def body(*i: E.PrimExpr) -> E.PrimExpr:
        conds: list[E.PrimExpr] = []
        index: list[E.PrimExpr] = []
        for d, v in enumerate(i):
            b, a = before[d], after[d]
            lo = E.IntImm(v.dtype, b)
            if (b or a) and (both_sides or b):
                conds.append(E.LE(lo, v))
            if (b or a) and (both_sides or a):
                conds.append(E.LT(v, arith.add(lo, x.shape[d])))
            index.append(arith.sub(v, lo))
        if not conds:
            return x[index]
        return if_then_else(all_of(conds), x[index], value)

    return te.compute(shape, body, name, names=names)
