"""``matmul`` (batched, broadcasting, 1-d operands), ``outer`` and ``einsum``."""

from __future__ import annotations

from collections.abc import Sequence

from tvmscript.core.relax import expr as rx
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.transform import te, tiling, topi
from tvmscript.transform.registry import OpCall, legalizes


def _batch_index(
    x: te.Tensor, batch: Sequence[E.PrimExpr], out: Sequence[E.PrimExpr], n: int
) -> list[E.PrimExpr]:
    """Indices of ``x``'s leading ``n`` (batch) dims for output batch indices ``out``."""
    offset = len(batch) - n
    index: list[E.PrimExpr] = []
    for d in range(n):
        if topi.is_one(x.shape[d]) and not topi.is_one(batch[offset + d]):
            index.append(E.IntImm(x.shape[d].dtype, 0))
        else:
            index.append(out[offset + d])
    return index


def matmul(a: te.Tensor, b: te.Tensor, out_dtype: str, name: str = "matmul") -> te.Tensor:
    """NumPy's ``matmul``: batch dims broadcast, a 1-d operand gains and loses a dim."""
    a_batch = a.shape[:-2] if a.ndim > 1 else ()
    b_batch = b.shape[:-2] if b.ndim > 1 else ()
    batch = topi.broadcast_shape(a_batch, b_batch)
    rows = (a.shape[-2],) if a.ndim > 1 else ()
    cols = (b.shape[-1],) if b.ndim > 1 else ()
    k = te.reduce_axis(a.shape[-1], "k")

    def body(*out: E.PrimExpr) -> te.Reduce:
        nb = len(batch)
        a_index = _batch_index(a, batch, out[:nb], len(a_batch))
        a_index += [out[nb]] if rows else []
        b_index = _batch_index(b, batch, out[:nb], len(b_batch))
        b_index += [k.var] if b.ndim > 1 else []
        b_index += [out[-1]] if cols else [k.var]
        lhs = arith.cast(out_dtype, a[[*a_index, k.var]])
        rhs = arith.cast(out_dtype, b[b_index])
        return te.sum(E.Mul(lhs, rhs), [k])

    return te.compute((*batch, *rows, *cols), body, name, names="i")


@legalizes("matmul")
def _legalize_matmul(c: OpCall) -> rx.Expr:
    a, b = c.tensor(0), c.tensor(1)
    out = matmul(a, b, c.out_tensor_info().dtype)
    if a.ndim > 1 and b.ndim > 1 and out.op is not None and tiling.tiled_contraction(out.op):
        out.op.lowering = tiling.lower_tiled  # large: a tiled nest (the same numbers, faster)
    return c.emit("matmul", out)


@legalizes("outer")
def _legalize_outer(c: OpCall) -> rx.Expr:
    a, b = c.tensor(0), c.tensor(1)
    out = te.compute(
        (a.shape[0], b.shape[0]), lambda i, j: E.Mul(a[i], b[j]), "outer", names=["i", "j"]
    )
    return c.emit("outer", out)


def _parse_einsum(subscripts: str, n: int) -> tuple[list[str], str]:
    spec = subscripts.replace(" ", "")
    inputs, _, output = spec.partition("->")
    terms = inputs.split(",")
    if "." in spec or len(terms) != n:
        raise ValueError(f"unsupported einsum subscripts {subscripts!r}")
    if not _:
        letters = sorted({ch for t in terms for ch in t})
        output = "".join(ch for ch in letters if sum(t.count(ch) for t in terms) == 1)
    return terms, output


@legalizes("einsum")
def _legalize_einsum(c: OpCall) -> rx.Expr:
    operands = c.tensors_of_tuple(0)
    try:
        terms, output = _parse_einsum(str(c.attrs["subscripts"]), len(operands))
    except ValueError as err:
        raise c.fail(str(err)) from None
    extent: dict[str, E.PrimExpr] = {}
    for t, term in zip(operands, terms, strict=True):
        for ch, d in zip(term, t.shape, strict=True):
            extent.setdefault(ch, d)
    reduced = [ch for ch in extent if ch not in output]
    raxes = {ch: te.reduce_axis(extent[ch], ch) for ch in reduced}

    def body(*out: E.PrimExpr) -> E.PrimExpr | te.Reduce:
        var = {ch: out[i] for i, ch in enumerate(output)} | {ch: a.var for ch, a in raxes.items()}
        value: E.PrimExpr | None = None
        for t, term in zip(operands, terms, strict=True):
            load = t[[var[ch] for ch in term]]
            value = load if value is None else E.Mul(value, load)
        assert value is not None
        return te.sum(value, list(raxes.values())) if raxes else value

    shape = [extent[ch] for ch in output]
    return c.emit("einsum", te.compute(shape, body, "T_einsum", names="ax"))
