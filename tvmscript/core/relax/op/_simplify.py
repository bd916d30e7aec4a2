"""Canonical simplification of integer shape expressions, as TVM prints inferred shapes.

Struct-info inference builds dimensions such as ``(h + 2 - 3) // 1 + 1`` or ``n * 4 // 2``;
TVM simplifies them (``h``, ``n * 2``). Here an expression becomes a sum of monomials over
opaque atoms (variables, irreducible ``//``, ``%``, ``min``, ``max``), terms keep the order they
were first seen, and the sum is rebuilt as TVM's canonical simplifier writes it: positive terms,
then the negative ones subtracted, then the constant; a monomial as ``atom * atom * coeff``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from tvmscript.core.tir import expr as E

Key = tuple[object, ...]
_INDEX_DTYPE: Final = "int64"


@dataclass(slots=True)
class _Poly:
    """``sum(coeff * prod(atoms)) + const``; monomials in first-seen order."""

    terms: dict[Key, int] = field(default_factory=dict)
    atoms: dict[Key, tuple[E.PrimExpr, ...]] = field(default_factory=dict)
    const: int = 0
    dtype: str = _INDEX_DTYPE

    def add_term(self, key: Key, atoms: tuple[E.PrimExpr, ...], coeff: int) -> None:
        if not key:
            self.const += coeff
            return
        self.terms[key] = self.terms.get(key, 0) + coeff
        self.atoms.setdefault(key, atoms)

    def cleaned(self) -> _Poly:
        out = _Poly(dtype=self.dtype, const=self.const)
        for key, coeff in self.terms.items():
            if coeff != 0:
                out.terms[key] = coeff
                out.atoms[key] = self.atoms[key]
        return out

    @property
    def is_const(self) -> bool:
        return not any(self.terms.values())


def _key(e: E.PrimExpr) -> Key:
    """A hashable structural key (variables by identity)."""
    if isinstance(e, E.Var):
        return ("var", id(e))
    if isinstance(e, E.IntImm | E.FloatImm):
        return ("imm", e.dtype, e.value)
    if isinstance(e, E.BinaryOp):
        return (type(e).__name__, _key(e.a), _key(e.b))
    if isinstance(e, E.Cast):
        return ("cast", e.dtype, _key(e.value))
    return ("node", id(e))


def _atom(e: E.PrimExpr) -> _Poly:
    p = _Poly(dtype=e.dtype)
    p.add_term((_key(e),), (e,), 1)
    return p


def _scaled(p: _Poly, c: int) -> _Poly:
    out = _Poly(dtype=p.dtype, const=p.const * c)
    for key, coeff in p.terms.items():
        out.add_term(key, p.atoms[key], coeff * c)
    return out


def _sum(a: _Poly, b: _Poly) -> _Poly:
    out = _Poly(dtype=a.dtype, const=a.const + b.const)
    for p in (a, b):
        for key, coeff in p.terms.items():
            out.add_term(key, p.atoms[key], coeff)
    return out


def _product(a: _Poly, b: _Poly) -> _Poly:
    if a.is_const:
        return _scaled(b, a.const)
    if b.is_const:
        return _scaled(a, b.const)
    out = _Poly(dtype=a.dtype)
    left = [((), (), a.const), *((k, a.atoms[k], c) for k, c in a.terms.items())]
    right = [((), (), b.const), *((k, b.atoms[k], c) for k, c in b.terms.items())]
    for ka, aa, ca in left:
        for kb, ab, cb in right:
            key = tuple(sorted((*ka, *kb), key=repr))
            out.add_term(key, (*aa, *ab), ca * cb)
    return out


def _to_poly(e: E.PrimExpr) -> _Poly:
    """The polynomial of an integer expression (non-linear parts become atoms)."""
    match e:
        case E.IntImm(value=value):
            return _Poly(dtype=e.dtype, const=value)
        case E.Add(a=a, b=b):
            return _sum(_to_poly(a), _to_poly(b))
        case E.Sub(a=a, b=b):
            return _sum(_to_poly(a), _scaled(_to_poly(b), -1))
        case E.Mul(a=a, b=b):
            return _product(_to_poly(a), _to_poly(b))
        case E.FloorDiv(a=a, b=b):
            return _floordiv(_to_poly(a).cleaned(), _to_poly(b).cleaned())
        case E.FloorMod(a=a, b=b):
            return _floormod(_to_poly(a).cleaned(), _to_poly(b).cleaned())
        case E.Min(a=a, b=b) | E.Max(a=a, b=b):
            return _min_max(e, _to_poly(a).cleaned(), _to_poly(b).cleaned())
    return _atom(e)


def _split_divisible(p: _Poly, d: int) -> tuple[_Poly, _Poly]:
    """``p`` as ``d * quotient + rest`` with ``0 <= rest.const < d``."""
    quotient = _Poly(dtype=p.dtype, const=p.const // d)
    rest = _Poly(dtype=p.dtype, const=p.const % d)
    for key, coeff in p.terms.items():
        if coeff % d == 0:
            quotient.add_term(key, p.atoms[key], coeff // d)
        else:
            rest.add_term(key, p.atoms[key], coeff)
    return quotient, rest


def _monomial_quotient(p: _Poly, divisor: _Poly) -> _Poly | None:
    """``p / divisor`` when ``divisor`` is one monomial dividing every term exactly."""
    if len(divisor.terms) != 1 or divisor.const != 0 or p.const != 0:
        return None
    [(dkey, dcoeff)] = divisor.terms.items()
    out = _Poly(dtype=p.dtype)
    for key, coeff in p.terms.items():
        remaining = list(key)
        for atom_key in dkey:
            if atom_key not in remaining:
                return None
            remaining.remove(atom_key)
        if coeff % dcoeff != 0:
            return None
        atoms = list(p.atoms[key])
        for atom_key in dkey:
            atoms = _drop_atom(atoms, atom_key)
        out.add_term(tuple(remaining), tuple(atoms), coeff // dcoeff)
    return out


def _drop_atom(atoms: list[E.PrimExpr], atom_key: object) -> list[E.PrimExpr]:
    for i, atom in enumerate(atoms):
        if _key(atom) == atom_key:
            return atoms[:i] + atoms[i + 1 :]
    return atoms


def _floordiv(a: _Poly, b: _Poly) -> _Poly:
    if b.is_const and b.const > 0:
        d = b.const
        quotient, rest = _split_divisible(a, d)
        if rest.is_const:
            return quotient  # rest.const < d, so it floors to 0
        rebuilt = E.FloorDiv(_from_poly(rest), E.IntImm(a.dtype, d))
        return _sum(quotient, _atom(rebuilt))
    if (exact := _monomial_quotient(a, b)) is not None:
        return exact
    return _atom(E.FloorDiv(_from_poly(a), _from_poly(b)))


def _floormod(a: _Poly, b: _Poly) -> _Poly:
    if b.is_const and b.const > 0:
        _, rest = _split_divisible(a, b.const)
        if rest.is_const:
            return rest
        return _atom(E.FloorMod(_from_poly(rest), E.IntImm(a.dtype, b.const)))
    return _atom(E.FloorMod(_from_poly(a), _from_poly(b)))


def _min_max(e: E.Min | E.Max, a: _Poly, b: _Poly) -> _Poly:
    pick: Callable[[int, int], int] = min if isinstance(e, E.Min) else max
    diff = _sum(a, _scaled(b, -1)).cleaned()
    if diff.is_const:  # a - b is known: the result is one side
        return a if pick(diff.const, 0) == diff.const else b
    return _atom(type(e)(_from_poly(a), _from_poly(b)))


def _monomial(atoms: tuple[E.PrimExpr, ...], coeff: int, dtype: str) -> E.PrimExpr:
    out: E.PrimExpr = atoms[0]
    for atom in atoms[1:]:
        out = E.Mul(out, atom)
    if coeff != 1:
        out = E.Mul(out, E.IntImm(dtype, coeff))
    return out


def _from_poly(p: _Poly) -> E.PrimExpr:
    p = p.cleaned()
    positive = [(p.atoms[k], c) for k, c in p.terms.items() if c > 0]
    negative = [(p.atoms[k], -c) for k, c in p.terms.items() if c < 0]
    out: E.PrimExpr | None = None
    for atoms, coeff in positive:
        term = _monomial(atoms, coeff, p.dtype)
        out = term if out is None else E.Add(out, term)
    for atoms, coeff in negative:
        term = _monomial(atoms, coeff, p.dtype)
        out = E.Mul(term, E.IntImm(p.dtype, -1)) if out is None else E.Sub(out, term)
    if out is None:
        return E.IntImm(p.dtype, p.const)
    if p.const > 0:
        return E.Add(out, E.IntImm(p.dtype, p.const))
    if p.const < 0:
        return E.Sub(out, E.IntImm(p.dtype, -p.const))
    return out


def simplify(e: E.PrimExpr) -> E.PrimExpr:
    """``e`` in canonical form when it is an integer expression (other dtypes unchanged)."""
    if not e.dtype.startswith(("int", "uint")):
        return e
    if isinstance(e, E.IntImm | E.Var):
        return e
    return _from_poly(_to_poly(e))


def const_value(e: E.PrimExpr) -> int | None:
    """The value of an integer expression when it simplifies to a constant."""
    if isinstance(e, E.IntImm):
        return e.value
    simplified = simplify(e)
    return simplified.value if isinstance(simplified, E.IntImm) else None


def difference(a: E.PrimExpr, b: E.PrimExpr) -> int | None:
    """``a - b`` when it is a known constant (None when it depends on variables)."""
    if a is b:
        return 0
    if isinstance(a, E.IntImm) and isinstance(b, E.IntImm):
        return a.value - b.value
    if not (a.dtype.startswith(("int", "uint")) and b.dtype.startswith(("int", "uint"))):
        return None
    diff = _sum(_to_poly(a), _scaled(_to_poly(b), -1)).cleaned()
    return diff.const if diff.is_const else None


def prove_equal(a: E.PrimExpr, b: E.PrimExpr) -> bool:
    """Whether ``a == b`` is provable."""
    return difference(a, b) == 0


def prove_not_equal(a: E.PrimExpr, b: E.PrimExpr) -> bool:
    """Whether ``a != b`` is provable (their difference is a known non-zero constant)."""
    diff = difference(a, b)
    return diff is not None and diff != 0
