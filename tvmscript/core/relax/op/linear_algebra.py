"""Linear algebra: ``R.matmul`` (batched; NumPy rules for 1-D operands), outer, linear, einsum."""

from __future__ import annotations

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import (
    broadcast_shapes,
    common_vdevice,
    differ,
    fail,
    opt_dtype,
    tensor,
    tensor_info,
    to_tuple,
    tuple_of_tensors,
)
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.manipulation import permute_dims
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo
from tvmscript.core.tir import expr as E


def _matmul_ndim(a: int, b: int) -> int:
    if a == 1 and b == 1:
        return 0
    if a == 1:
        return b - 1
    if b == 1:
        return a - 1
    return max(a, b)


@register_op("matmul")
def _infer_matmul(call: Call) -> StructInfo:
    a, b = tensor_info(call, 0, "left operand"), tensor_info(call, 1, "right operand")
    out_dtype = call.attrs["out_dtype"]
    if out_dtype is None:
        if a.dtype != "void" and b.dtype != "void" and a.dtype != b.dtype:
            raise fail(
                f"R.matmul expects operands of the same dtype, got {sinfo_text(a)} and "
                f"{sinfo_text(b)}",
                "dtype-mismatch",
            )
        out_dtype = "void" if "void" in (a.dtype, b.dtype) else a.dtype
    vdevice = common_vdevice(a, b)
    if a.is_unknown_ndim or b.is_unknown_ndim:
        return tensor(None, out_dtype, -1, vdevice)
    if a.ndim == 0 or b.ndim == 0:
        raise fail("R.matmul does not accept scalar operands", "rank-mismatch")
    ndim = _matmul_ndim(a.ndim, b.ndim)
    sa, sb = a.shape_values, b.shape_values
    if sa is None or sb is None:
        return tensor(None, out_dtype, ndim, vdevice)
    lhs = (E.IntImm("int64", 1), *sa) if len(sa) == 1 else sa
    rhs = (*sb, E.IntImm("int64", 1)) if len(sb) == 1 else sb
    if differ(lhs[-1], rhs[-2]):
        raise fail(
            f"R.matmul: the reduction lengths of {sinfo_text(a)} and {sinfo_text(b)} differ",
            "shape-mismatch",
        )
    batch = broadcast_shapes(call, a, b, lhs[:-2], rhs[:-2])
    if batch is None:
        return tensor(None, out_dtype, ndim, vdevice)
    out = list(batch)
    if len(sa) > 1:
        out.append(lhs[-2])
    if len(sb) > 1:
        out.append(rhs[-1])
    return tensor(out, out_dtype, ndim, vdevice)


def matmul(x1: Expr, x2: Expr, out_dtype: str | None = None) -> Call:
    """The matrix product of ``x1`` and ``x2``, batched over leading axes."""
    return make_call("matmul", [x1, x2], {"out_dtype": opt_dtype(out_dtype)})


@register_op("outer")
def _infer_outer(call: Call) -> StructInfo:
    a, b = tensor_info(call, 0, "left operand"), tensor_info(call, 1, "right operand")
    if a.ndim != 1 or b.ndim != 1:
        raise fail(
            f"R.outer expects two one-dimensional tensors, got {sinfo_text(a)} and {sinfo_text(b)}",
            "rank-mismatch",
        )
    sa, sb = a.shape_values, b.shape_values
    if sa is None or sb is None:
        return tensor(None, a.dtype, 2, common_vdevice(a, b))
    return tensor([sa[0], sb[0]], a.dtype, 2, common_vdevice(a, b))


def outer(x1: Expr, x2: Expr) -> Call:
    """The outer product of two vectors."""
    return make_call("outer", [x1, x2])


def linear(
    data: Expr, weight: Expr, bias: Expr | None = None, out_dtype: str | None = None
) -> Call:
    """``data @ weight.T + bias`` (built from `permute_dims`, `matmul` and `add`)."""
    from tvmscript.core.relax.op.binary import add

    out = matmul(data, permute_dims(weight), out_dtype)
    return out if bias is None else add(out, bias)


def _parse_einsum(subscripts: str, count: int) -> tuple[list[str], str | None]:
    inputs, arrow, output = subscripts.replace(" ", "").partition("->")
    terms = inputs.split(",")
    if len(terms) != count:
        raise fail(f"R.einsum: {subscripts!r} names {len(terms)} operands, got {count}")
    return terms, (output if arrow else None)


@register_op("einsum")
def _infer_einsum(call: Call) -> StructInfo:
    infos = tuple_of_tensors(call, 0)
    terms, output = _parse_einsum(call.attrs["subscripts"], len(infos))
    dtype = infos[0].dtype if infos else "void"
    if any(i.shape_values is None for i in infos):
        return tensor(None, dtype, -1, infos[0].vdevice if infos else None)
    sizes: dict[str, E.PrimExpr] = {}
    counts: dict[str, int] = {}
    ellipsis: tuple[E.PrimExpr, ...] = ()
    for term, info in zip(terms, infos, strict=True):
        dims = info.shape_values
        assert dims is not None
        letters = term.replace("...", ".")
        if "." in letters:
            head, tail = letters.split(".")
            n_ell = len(dims) - len(head) - len(tail)
            ellipsis = dims[len(head) : len(head) + n_ell]
            dims = (*dims[: len(head)], *dims[len(head) + n_ell :])
            letters = head + tail
        if len(letters) != len(dims):
            raise fail(f"R.einsum: {term!r} does not match {sinfo_text(info)}", "rank-mismatch")
        for letter, d in zip(letters, dims, strict=True):
            counts[letter] = counts.get(letter, 0) + 1
            if letter in sizes and differ(sizes[letter], d):
                raise fail(
                    f"R.einsum: dimension {letter!r} has lengths {sizes[letter]} and {d}",
                    "shape-mismatch",
                )
            sizes.setdefault(letter, d)
    if output is None:
        output = ("..." if ellipsis else "") + "".join(
            sorted(c for c, n in counts.items() if n == 1)
        )
    out = list(ellipsis) if "..." in output else []
    out += [sizes[c] for c in output.replace("...", "")]
    return tensor(out, dtype, len(out), infos[0].vdevice)


def einsum(operands: Expr | list[Expr], subscripts: str) -> Call:
    """The Einstein summation of ``operands`` as ``subscripts`` says (``"ij,jk->ik"``)."""
    return make_call("einsum", [to_tuple(operands)], {"subscripts": subscripts})


__all__ = ["einsum", "linear", "matmul", "outer"]
