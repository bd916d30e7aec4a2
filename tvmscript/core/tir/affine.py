"""Affine forms ``sum(coeff * atom) + const`` of integer expressions.

Enough simplification for what TVMScript needs without a general simplifier: the extent of
``A[v:v + 8]`` is ``8`` and of an axis domain ``(v, v + 1)`` is ``1``, as TVM computes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from tvmscript.core.ir.node import Node, node_fields
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E


def same_expr(a: object, b: object) -> bool:
    """Structural equality of two expressions (variables and buffers by identity)."""
    if a is b:
        return True
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(same_expr(x, y) for x, y in zip(a, b, strict=True))
    if type(a) is not type(b):
        return False
    if isinstance(a, E.Op) and isinstance(b, E.Op):
        return a.name == b.name
    if isinstance(a, E.Var) or (isinstance(a, Node) and not isinstance(a, E.PrimExpr)):
        return False
    if not isinstance(a, E.PrimExpr):
        return a == b
    for name, kind in node_fields(type(a)):
        if kind != "ignore" and not same_expr(getattr(a, name), getattr(b, name)):
            return False
    return True


@dataclass(frozen=True, slots=True)
class Affine:
    """``sum(coeff * atom) + const``; atoms are kept in first-seen order."""

    terms: tuple[tuple[E.PrimExpr, int], ...]
    const: int
    dtype: str

    @staticmethod
    def constant(value: int, dtype: str) -> Affine:
        return Affine((), value, dtype)

    def is_const(self) -> bool:
        return not self.terms

    def scale(self, k: int) -> Affine:
        if k == 0:
            return Affine.constant(0, self.dtype)
        return Affine(tuple((a, c * k) for a, c in self.terms), self.const * k, self.dtype)

    def plus(self, other: Affine) -> Affine:
        terms = list(self.terms)
        for atom, coeff in other.terms:
            for i, (mine, c) in enumerate(terms):
                if same_expr(mine, atom):
                    terms[i] = (mine, c + coeff)
                    break
            else:
                terms.append((atom, coeff))
        kept = tuple((a, c) for a, c in terms if c != 0)
        return Affine(kept, self.const + other.const, self.dtype)

    def minus(self, other: Affine) -> Affine:
        return self.plus(other.scale(-1))

    def to_expr(self) -> E.PrimExpr:
        """The affine form as an expression (``v * 2 + 3``)."""
        result: E.PrimExpr | None = None
        for atom, coeff in self.terms:
            term = atom if coeff == 1 else arith.mul(atom, arith.make_const(self.dtype, coeff))
            result = term if result is None else arith.add(result, term)
        if result is None:
            return arith.make_const(self.dtype, self.const)
        if self.const > 0:
            return arith.add(result, arith.make_const(self.dtype, self.const))
        if self.const < 0:
            return arith.sub(result, arith.make_const(self.dtype, -self.const))
        return result


def to_affine(e: E.PrimExpr) -> Affine:
    """The affine form of ``e`` (non-affine parts become atoms)."""
    if isinstance(e, E.IntImm):
        return Affine.constant(e.value, e.dtype)
    if isinstance(e, E.Add):
        return to_affine(e.a).plus(to_affine(e.b))
    if isinstance(e, E.Sub):
        return to_affine(e.a).minus(to_affine(e.b))
    if isinstance(e, E.Mul):
        a, b = to_affine(e.a), to_affine(e.b)
        if b.is_const():
            return a.scale(b.const)
        if a.is_const():
            return b.scale(a.const)
    return Affine(((e, 1),), 0, e.dtype)


def extent(start: E.PrimExpr, stop: E.PrimExpr) -> E.PrimExpr:
    """``stop - start``, simplified when both are affine (``(v + 8) - v`` is ``8``)."""
    if isinstance(start, E.IntImm) and start.value == 0:
        return stop
    try:
        return to_affine(stop).minus(to_affine(start)).to_expr()
    except (TypeError, ValueError):
        return arith.sub(stop, start)
