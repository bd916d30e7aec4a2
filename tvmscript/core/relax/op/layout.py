"""``R.layout_transform``: a tensor re-laid out by an index map (``lambda i, j: (j, i)``)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from tvmscript.core.ir.node import SEQ_DEF, Node
from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import INDEX, fail, tensor, tensor_info
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo
from tvmscript.core.tir import expr as E


@dataclass(frozen=True, slots=True, eq=False)
class IndexMap(Node):
    """``T.index_map(lambda i, j: (j, i))``: new indices as expressions of the old ones."""

    initial_indices: tuple[E.Var, ...] = field(metadata=SEQ_DEF)
    final_indices: tuple[E.PrimExpr, ...]

    @staticmethod
    def from_func(func: Callable[..., Sequence[E.PrimExpr] | E.PrimExpr]) -> IndexMap:
        """The index map of a Python function of the old indices."""
        names = list(inspect.signature(func).parameters)
        variables = tuple(E.Var(name, INDEX) for name in names)
        result = func(*variables)
        finals = (result,) if isinstance(result, E.PrimExpr) else tuple(result)
        return IndexMap(variables, tuple(_as_index(v) for v in finals))


def _as_index(value: object) -> E.PrimExpr:
    return value if isinstance(value, E.PrimExpr) else E.IntImm(INDEX, int(value))  # type: ignore[call-overload]


Bounds = tuple[int, int]


def _bounds(e: E.PrimExpr, ranges: dict[E.Var, Bounds]) -> Bounds | None:
    """The least and greatest value of ``e`` when each variable spans its range."""
    match e:
        case E.IntImm(value=value):
            return value, value
        case E.Var() if e in ranges:
            return ranges[e]
        case E.Add(a=a, b=b) | E.Sub(a=a, b=b) | E.Mul(a=a, b=b):
            ba, bb = _bounds(a, ranges), _bounds(b, ranges)
            if ba is None or bb is None:
                return None
            if isinstance(e, E.Add):
                return ba[0] + bb[0], ba[1] + bb[1]
            if isinstance(e, E.Sub):
                return ba[0] - bb[1], ba[1] - bb[0]
            products = [x * y for x in ba for y in bb]
            return min(products), max(products)
        case E.FloorDiv(a=a, b=E.IntImm(value=d)) if d > 0:
            ba = _bounds(a, ranges)
            return None if ba is None else (ba[0] // d, ba[1] // d)
        case E.FloorMod(b=E.IntImm(value=d)) if d > 0:
            return 0, d - 1
    return None


@register_op("layout_transform")
def _infer_layout_transform(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    index_map: IndexMap = call.attrs["index_map"]
    if not info.is_unknown_ndim and info.ndim != len(index_map.initial_indices):
        raise fail(
            f"R.layout_transform: the index map takes {len(index_map.initial_indices)} indices, "
            f"got {sinfo_text(info)}",
            "rank-mismatch",
        )
    ndim = len(index_map.final_indices)
    dims = info.shape_values
    if dims is None or not all(isinstance(d, E.IntImm) for d in dims):
        return tensor(None, info.dtype, ndim, info.vdevice)
    ranges = {
        v: (0, d.value - 1)
        for v, d in zip(index_map.initial_indices, dims, strict=True)
        if isinstance(d, E.IntImm)
    }
    out: list[E.PrimExpr] = []
    for final in index_map.final_indices:
        if (b := _bounds(final, ranges)) is None:
            return tensor(None, info.dtype, ndim, info.vdevice)
        out.append(E.IntImm(INDEX, b[1] + 1))
    return tensor(out, info.dtype, ndim, info.vdevice)


def layout_transform(
    x: Expr,
    index_map: Callable[..., Sequence[E.PrimExpr] | E.PrimExpr] | IndexMap,
    pad_value: int | float | None = None,
) -> Call:
    """``x`` re-laid out: element ``x[i...]`` moves to ``index_map(i...)``."""
    mapping = index_map if isinstance(index_map, IndexMap) else IndexMap.from_func(index_map)
    attrs = {"index_map": mapping, "pad_value": pad_value}
    return make_call("layout_transform", [x], attrs)


__all__ = ["IndexMap", "layout_transform"]
