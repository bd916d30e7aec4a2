"""Struct info to `Pattern`: what the VM checks a value against, and where it binds dims.

A symbolic dimension is defined where it first appears bare in a defining position (a
parameter's shape, a ``R.match_cast`` target): that position becomes ``("bind", reg)``; every
other position is checked, ``("eq", sexpr)``, once all the definitions of the same check are
done (so ``x: R.Tensor(("n * m",))`` after ``s: R.Shape([n, m])`` works, as in TVM).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tvmscript.core.relax.expr import ShapeExpr
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.struct_info import (
    FuncStructInfo,
    ObjectStructInfo,
    PrimStructInfo,
    ShapeStructInfo,
    StructInfo,
    TensorStructInfo,
    TupleStructInfo,
)
from tvmscript.core.tir import expr as E
from tvmscript.runtime.vm.exprs import SExpr, Unbound, lower_expr
from tvmscript.runtime.vm.program import (
    AnyPat,
    Dim,
    FuncPat,
    Pattern,
    PrimPat,
    ShapePat,
    TensorPat,
    TuplePat,
)

NewReg = Callable[[E.Var], int]
"""Makes the register of a newly defined symbolic variable."""


def _defining_dims(info: StructInfo) -> list[E.PrimExpr]:
    match info:
        case TensorStructInfo(shape=ShapeExpr(values=values)):
            return list(values)
        case ShapeStructInfo(values=values) if values is not None:
            return list(values)
        case PrimStructInfo(value=value) if value is not None:
            return [value]
        case TupleStructInfo(fields=fields):
            return [d for f in fields for d in _defining_dims(f)]
    return []


class PatternBuilder:
    """Builds the patterns of one check, defining the symbolic variables it binds."""

    def __init__(self, dims: dict[E.Var, SExpr], new_reg: NewReg) -> None:
        self.dims = dims
        self.new_reg = new_reg
        self.pending: set[E.Var] = set()

    def build(self, infos: Sequence[StructInfo]) -> tuple[Pattern, ...]:
        """Patterns for values of ``infos`` checked together (their variables defined)."""
        for info in infos:
            for dim in _defining_dims(info):
                if isinstance(dim, E.Var) and dim not in self.dims:
                    self.dims[dim] = ("r", self.new_reg(dim))
                    self.pending.add(dim)
        return tuple(self.pattern(info) for info in infos)

    def dim(self, e: E.PrimExpr) -> Dim:
        if isinstance(e, E.Var) and e in self.pending:
            self.pending.discard(e)
            ref = self.dims[e]
            assert isinstance(ref, tuple)
            return ("bind", ref[1])
        try:
            return ("eq", lower_expr(e, self.lookup))
        except (Unbound, ValueError):
            return ("any",)

    def lookup(self, var: E.Var) -> SExpr:
        if (ref := self.dims.get(var)) is None:
            raise Unbound(var)
        return ref

    def pattern(self, info: StructInfo) -> Pattern:
        text = sinfo_text(info)
        match info:
            case TensorStructInfo():
                dtype = None if info.is_unknown_dtype else info.dtype
                values = info.shape_values
                dims = None if values is None else tuple(self.dim(d) for d in values)
                return TensorPat(dtype, info.ndim, dims, text)
            case ShapeStructInfo(values=values, ndim=ndim):
                dims = None if values is None else tuple(self.dim(d) for d in values)
                return ShapePat(ndim, dims, text)
            case PrimStructInfo(dtype=dtype, value=value):
                known = None if dtype == "void" else dtype
                return PrimPat(known, None if value is None else self.dim(value), text)
            case TupleStructInfo(fields=fields):
                return TuplePat(tuple(self.pattern(f) for f in fields), text)
            case FuncStructInfo():
                return FuncPat(text)
            case ObjectStructInfo():
                return AnyPat()
        return AnyPat()


def checks_nothing(p: Pattern) -> bool:
    """Whether every value matches ``p``."""
    return isinstance(p, AnyPat)
