"""Canonical forms of integer index expressions, as TVM's canonical simplifier writes them.

An index is a sum of *split* terms plus a constant; a split term is
``index % upper // lower * scale`` over an atom (a variable, or an expression the forms do
not see into). Floor division and modulo by a constant distribute over the terms whose
scale they divide, and fold into a term's ``lower``/``upper`` factors (``a // 4 // 3 % 2`` is
``a % 24 // 12``); what is left becomes a new atom (``(a * 8 + b) // 32``). Variables are
unbounded, so nothing is dropped for lying in range.

Written back, terms come by decreasing scale, then decreasing ``lower`` and ``upper``
factors (first seen first among equals): positive terms, a positive constant, then the
negative terms subtracted, then a negative constant (``a + 3 - b * 2``); a lone term keeps
its signed scale (``a * -1``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from tvmscript.core.tir import expr as E
from tvmscript.core.tir.affine import same_expr


@dataclass(frozen=True, slots=True)
class Split:
    """``index % upper // lower * scale`` (``upper`` None: no modulo)."""

    index: E.PrimExpr
    lower: int = 1
    upper: int | None = None
    scale: int = 1

    def same_shape(self, other: Split) -> bool:
        return (
            self.lower == other.lower
            and self.upper == other.upper
            and same_expr(self.index, other.index)
        )


@dataclass(frozen=True, slots=True)
class Sum:
    """``sum(terms) + base``."""

    terms: tuple[Split, ...]
    base: int
    dtype: str

    def is_zero(self) -> bool:
        return not self.terms and self.base == 0

    def single(self) -> Split | None:
        """The one term of a sum that is just that term."""
        return self.terms[0] if len(self.terms) == 1 and self.base == 0 else None


def _const(dtype: str, value: int) -> E.IntImm:
    return E.IntImm(dtype, value)


def _add_terms(a: Sum, terms: tuple[Split, ...], base: int) -> Sum:
    out = list(a.terms)
    for t in terms:
        for i, mine in enumerate(out):
            if mine.same_shape(t):
                out[i] = replace(mine, scale=mine.scale + t.scale)
                break
        else:
            out.append(t)
    return Sum(tuple(t for t in out if t.scale != 0), a.base + base, a.dtype)


def add(a: Sum, b: Sum) -> Sum:
    """``a + b``."""
    return _add_terms(a, b.terms, b.base)


def scale(a: Sum, k: int) -> Sum:
    """``a * k``."""
    if k == 0:
        return Sum((), 0, a.dtype)
    return Sum(tuple(replace(t, scale=t.scale * k) for t in a.terms), a.base * k, a.dtype)


def _of_split(s: Split, dtype: str) -> Sum:
    return Sum((s,), 0, dtype)


def _to_split(s: Sum) -> Split:
    """``s`` as one term: itself when it is one, else a new atom."""
    if (one := s.single()) is not None:
        return one
    return Split(to_expr(s))


def _split_div(s: Split, c: int, dtype: str) -> Sum:
    if s.scale % c == 0:
        return _of_split(replace(s, scale=s.scale // c), dtype)
    if c % s.scale == 0:
        lower = s.lower * (c // s.scale)
        if s.upper is not None:
            if lower >= s.upper and s.upper % s.lower == 0:
                return Sum((), 0, dtype)  # (x % 12 // 4) // 3 is 0
            if s.upper % lower != 0:
                return _of_split(Split(split_expr(s, dtype), c), dtype)
        return _of_split(replace(s, lower=lower, scale=1), dtype)
    return _of_split(Split(split_expr(s, dtype), c), dtype)


def _split_mod(s: Split, c: int, dtype: str) -> Sum:
    if s.scale % c == 0:
        return Sum((), 0, dtype)
    if c % s.scale == 0:
        upper = s.lower * (c // s.scale)
        if upper == s.lower:
            return Sum((), 0, dtype)
        if s.upper is not None:
            if upper % s.upper == 0 or upper >= s.upper:
                return _of_split(s, dtype)  # the term already lies in [0, upper)
            if s.upper % upper != 0:
                return _of_split(Split(split_expr(s, dtype), upper=c), dtype)
        return _of_split(replace(s, upper=upper), dtype)
    return _of_split(Split(split_expr(s, dtype), upper=c), dtype)


def _separate(a: Sum, c: int) -> tuple[Sum, Sum]:
    """``(divisible, rest)``: the terms (and the part of the base) ``c`` divides."""
    div = tuple(t for t in a.terms if t.scale % c == 0)
    rest = tuple(t for t in a.terms if t.scale % c != 0)
    return Sum(div, a.base - a.base % c, a.dtype), Sum(rest, a.base % c, a.dtype)


def floordiv(a: Sum, c: int) -> Sum:
    """``a // c`` for a positive constant ``c``."""
    if c == 1:
        return a
    if (one := a.single()) is not None:
        return _split_div(one, c, a.dtype)
    div, rest = _separate(a, c)
    quotient = Sum(tuple(replace(t, scale=t.scale // c) for t in div.terms), div.base // c, a.dtype)
    if rest.is_zero():
        return quotient
    if not rest.terms:
        return Sum(quotient.terms, quotient.base + rest.base // c, a.dtype)
    return add(quotient, _split_div(_to_split(rest), c, a.dtype))


def floormod(a: Sum, c: int) -> Sum:
    """``a % c`` for a positive constant ``c``."""
    if c == 1:
        return Sum((), 0, a.dtype)
    if (one := a.single()) is not None:
        return _split_mod(one, c, a.dtype)
    _, rest = _separate(a, c)
    if not rest.terms:
        return Sum((), rest.base % c, a.dtype)
    return _split_mod(_to_split(rest), c, a.dtype)


def _positive_const(e: E.PrimExpr) -> int | None:
    return e.value if isinstance(e, E.IntImm) and e.value > 0 else None


def of_expr(e: E.PrimExpr) -> Sum:
    """The canonical form of integer expression ``e``."""
    match e:
        case E.IntImm(value=v):
            return Sum((), v, e.dtype)
        case E.Add(a=a, b=b):
            return add(of_expr(a), of_expr(b))
        case E.Sub(a=a, b=b):
            return add(of_expr(a), scale(of_expr(b), -1))
        case E.Mul(a=a, b=E.IntImm(value=k)) | E.Mul(a=E.IntImm(value=k), b=a):
            return scale(of_expr(a), k)
        case E.Mul(a=a, b=b):
            return _of_split(Split(E.Mul(canonical(a), canonical(b))), e.dtype)
        case E.FloorDiv(a=a, b=b) if (c := _positive_const(b)) is not None:
            return floordiv(of_expr(a), c)
        case E.FloorMod(a=a, b=b) if (c := _positive_const(b)) is not None:
            return floormod(of_expr(a), c)
        case E.FloorDiv(a=a, b=b):
            return _of_split(Split(E.FloorDiv(canonical(a), canonical(b))), e.dtype)
        case E.FloorMod(a=a, b=b):
            return _of_split(Split(E.FloorMod(canonical(a), canonical(b))), e.dtype)
        case _:
            return _of_split(Split(e), e.dtype)


def split_expr(s: Split, dtype: str, magnitude: bool = False) -> E.PrimExpr:
    """A term as an expression (``magnitude``: of its scale's absolute value)."""
    e = s.index
    if s.upper is not None:
        e = E.FloorMod(e, _const(dtype, s.upper))
    if s.lower != 1:
        e = E.FloorDiv(e, _const(dtype, s.lower))
    k = abs(s.scale) if magnitude else s.scale
    if k != 1:
        e = E.Mul(e, _const(dtype, k))
    return e


def _order(t: Split) -> tuple[int, int, int]:
    upper = t.upper if t.upper is not None else 1 << 62
    return (-t.scale, -t.lower, -upper)


def to_expr(s: Sum) -> E.PrimExpr:
    """``s`` written as TVM's canonical simplifier writes it."""
    if not s.terms:
        return _const(s.dtype, s.base)
    if (one := s.single()) is not None:
        return split_expr(one, s.dtype)
    terms = sorted(s.terms, key=_order)
    res: E.PrimExpr | None = None
    for t in terms:
        if t.scale > 0:
            term = split_expr(t, s.dtype)
            res = term if res is None else E.Add(res, term)
    if s.base > 0:
        res = _const(s.dtype, s.base) if res is None else E.Add(res, _const(s.dtype, s.base))
    for t in terms:
        if t.scale < 0:
            res = E.Sub(_const(s.dtype, 0) if res is None else res, split_expr(t, s.dtype, True))
    if s.base < 0:
        res = E.Sub(_const(s.dtype, 0) if res is None else res, _const(s.dtype, -s.base))
    assert res is not None
    return res


def canonical(e: E.PrimExpr) -> E.PrimExpr:
    """``e`` in canonical form (integer expressions; others are returned as they are)."""
    if not e.dtype.startswith(("int", "uint")):
        return e
    return to_expr(of_expr(e))
