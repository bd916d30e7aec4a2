"""Integer intervals over affine bounds, for block region inference.

This is the small part of TVM's ``arith::IntSet`` that region inference needs: relax an index
over loop domains, unite, cover a dimension. A bound is kept as an affine form
``sum(coeff * atom) + const`` so that ``(v + 8) - v + 1`` becomes ``9`` without a general
simplifier; anything non-affine is an opaque atom.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tvmscript.core.ir.node import node_fields
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.affine import Affine, to_affine


@dataclass(frozen=True, slots=True)
class IntSet:
    """The closed interval ``[lo, hi]``; ``None`` bounds mean unknown (the whole dimension)."""

    lo: Affine | None
    hi: Affine | None

    @staticmethod
    def point(e: E.PrimExpr) -> IntSet:
        a = to_affine(e)
        return IntSet(a, a)

    def is_point(self) -> bool:
        if self.lo is None or self.hi is None:
            return False
        diff = self.hi.minus(self.lo)
        return diff.is_const() and diff.const == 0


EVERYTHING = IntSet(None, None)
DomMap = Mapping[E.Var, IntSet]


def _uses(e: E.PrimExpr, dom: DomMap) -> bool:
    if isinstance(e, E.Var):
        return e in dom
    for name, _ in node_fields(type(e)):
        value = getattr(e, name)
        if isinstance(value, E.PrimExpr) and _uses(value, dom):
            return True
        if isinstance(value, tuple) and any(
            isinstance(v, E.PrimExpr) and _uses(v, dom) for v in value
        ):
            return True
    return False


def eval_set(e: E.PrimExpr, dom: DomMap) -> IntSet:
    """The values ``e`` takes when each variable of ``dom`` ranges over its set."""
    if isinstance(e, E.Var):
        return dom.get(e) or IntSet.point(e)
    if not dom or not _uses(e, dom):
        return IntSet.point(e)
    if isinstance(e, E.Add | E.Sub):
        a, b = eval_set(e.a, dom), eval_set(e.b, dom)
        if None in (a.lo, a.hi, b.lo, b.hi):
            return EVERYTHING
        if isinstance(e, E.Add):
            return IntSet(a.lo.plus(b.lo), a.hi.plus(b.hi))  # type: ignore[union-attr, arg-type]
        return IntSet(a.lo.minus(b.hi), a.hi.minus(b.lo))  # type: ignore[union-attr, arg-type]
    if isinstance(e, E.Mul):
        return _eval_mul(e, dom)
    if isinstance(e, E.FloorDiv | E.FloorMod) and isinstance(e.b, E.IntImm) and e.b.value > 0:
        return _eval_floor(e, eval_set(e.a, dom), e.b.value)
    if isinstance(e, E.Min | E.Max):
        return _eval_minmax(e, eval_set(e.a, dom), eval_set(e.b, dom))
    return EVERYTHING


def _eval_mul(e: E.Mul, dom: DomMap) -> IntSet:
    const, other = (e.b, e.a) if isinstance(e.b, E.IntImm) else (e.a, e.b)
    if not isinstance(const, E.IntImm):
        return EVERYTHING
    s = eval_set(other, dom)
    if s.lo is None or s.hi is None:
        return EVERYTHING
    k = const.value
    lo, hi = s.lo.scale(k), s.hi.scale(k)
    return IntSet(lo, hi) if k >= 0 else IntSet(hi, lo)


def _eval_floor(e: E.FloorDiv | E.FloorMod, s: IntSet, k: int) -> IntSet:
    if s.lo is None or s.hi is None:
        return EVERYTHING
    if isinstance(e, E.FloorMod):
        if s.lo.is_const() and s.hi.is_const() and s.lo.const // k == s.hi.const // k:
            return IntSet(
                Affine.constant(s.lo.const % k, e.dtype), Affine.constant(s.hi.const % k, e.dtype)
            )
        return IntSet(Affine.constant(0, e.dtype), Affine.constant(k - 1, e.dtype))
    lo = to_affine(arith.floordiv(s.lo.to_expr(), k))
    hi = to_affine(arith.floordiv(s.hi.to_expr(), k))
    return IntSet(lo, hi)


def _eval_minmax(e: E.Min | E.Max, a: IntSet, b: IntSet) -> IntSet:
    if None in (a.lo, a.hi, b.lo, b.hi):
        return EVERYTHING
    pick = _lower if isinstance(e, E.Min) else _upper
    lo = pick(a.lo, b.lo)  # type: ignore[arg-type]
    hi = pick(a.hi, b.hi)  # type: ignore[arg-type]
    if lo is None or hi is None:
        return EVERYTHING
    return IntSet(lo, hi)


def _lower(a: Affine, b: Affine) -> Affine | None:
    diff = a.minus(b)
    if not diff.is_const():
        return None
    return a if diff.const <= 0 else b


def _upper(a: Affine, b: Affine) -> Affine | None:
    diff = a.minus(b)
    if not diff.is_const():
        return None
    return a if diff.const >= 0 else b


def union(a: IntSet, b: IntSet) -> IntSet:
    """The smallest interval holding both (unknown when the bounds do not compare)."""
    if None in (a.lo, a.hi, b.lo, b.hi):
        return EVERYTHING
    lo = _lower(a.lo, b.lo)  # type: ignore[arg-type]
    hi = _upper(a.hi, b.hi)  # type: ignore[arg-type]
    if lo is None or hi is None:
        return EVERYTHING
    return IntSet(lo, hi)


def from_range(min_value: E.PrimExpr, extent: E.PrimExpr, dom: DomMap) -> IntSet:
    """The set of ``[min, min + extent)`` with ``dom`` relaxed."""
    lo = eval_set(min_value, dom)
    last = arith.sub(arith.add(min_value, extent), 1)
    hi = eval_set(last, dom)
    return IntSet(lo.lo, hi.hi)


def cover_range(s: IntSet, dim: E.PrimExpr) -> E.Range:
    """The range covering ``s``; a point is an extent of 1, unknown is the whole ``dim``."""
    if s.lo is None or s.hi is None:
        return E.Range(arith.make_const(dim.dtype, 0), dim)
    lo = s.lo.to_expr()
    extent = s.hi.minus(s.lo).plus(Affine.constant(1, s.lo.dtype))
    return E.Range(lo, extent.to_expr())
