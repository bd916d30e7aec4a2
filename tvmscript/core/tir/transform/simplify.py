"""Index simplification: affine canonical forms, floordiv/floormod rules and constant bounds.

The rules are TVM's canonical simplifier's, on a smaller scale: an integer expression is a sum
``coeff * atom + const``; ``floordiv(c * q + r, c)`` is ``q + floordiv(r, c)``, which folds
to ``q`` when the bounds of ``r`` lie in ``[0, c)``; ``x // c * c + x % c`` is ``x``;
comparisons and ``min``/``max`` whose outcome the bounds decide fold to constants. Bounds come
from the loops around an expression (`Analyzer.bind`). Vector indices in the Ramp/Broadcast
algebra simplify the same way (``Broadcast(a) + Ramp(b, s)`` is ``Ramp(a + b, s)``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from tvmscript.core.ir.dtype import DataType
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E

Bounds = tuple[int, int]
_INT_RANGE: Final[dict[str, Bounds]] = {}


def dtype_bounds(dtype: str) -> Bounds:
    """The value range of integer ``dtype`` (bool is ``[0, 1]``)."""
    if (known := _INT_RANGE.get(dtype)) is not None:
        return known
    t = DataType.of(dtype)
    if t.is_bool:
        bounds = (0, 1)
    elif t.is_uint:
        bounds = (0, (1 << t.bits) - 1)
    else:
        bounds = (-(1 << (t.bits - 1)), (1 << (t.bits - 1)) - 1)
    _INT_RANGE[dtype] = bounds
    return bounds


def is_int_scalar(dtype: str) -> bool:
    """Whether ``dtype`` is a scalar signed or unsigned integer."""
    t = DataType.of(dtype)
    return t.lanes == 1 and t.is_integer


_KEYS: dict[tuple[object, ...], int] = {}  # structural key -> small int (interned)
_NODE_KEYS: dict[int, tuple[object, int]] = {}  # id(node) -> (node, key): node kept alive
_MAX_MEMO: Final = 200_000


def expr_key(e: object) -> object:
    """A hashable structural key: equal keys mean equal expressions (variables by identity).

    Keys are interned small ints (a composite's key is built from its children's), so hashing
    one is cheap however deep the expression is.
    """
    if isinstance(e, E.Var):
        return e
    if (memo := _NODE_KEYS.get(id(e))) is not None and memo[0] is e:
        return memo[1]
    raw = _raw_key(e)
    key = _KEYS.setdefault(raw, len(_KEYS))
    if len(_NODE_KEYS) > _MAX_MEMO:
        _NODE_KEYS.clear()
    _NODE_KEYS[id(e)] = (e, key)
    return key


def _raw_key(e: object) -> tuple[object, ...]:
    if isinstance(e, E.IntImm):
        raw: tuple[object, ...] = ("i", e.dtype, e.value)
    elif isinstance(e, E.FloatImm):
        raw = ("f", e.dtype, e.value)
    elif isinstance(e, E.BinaryOp | E.CmpOp):
        raw = (type(e), e.dtype, expr_key(e.a), expr_key(e.b))
    elif isinstance(e, E.BufferLoad):
        raw = ("load", id(e.buffer), tuple(expr_key(i) for i in e.indices), e.dtype)
    elif isinstance(e, E.Cast):
        raw = ("cast", e.dtype, expr_key(e.value))
    elif isinstance(e, E.Call):
        op = getattr(e.op, "name", id(e.op))
        raw = ("call", op, e.dtype, tuple(expr_key(a) for a in e.args))
    elif isinstance(e, E.StringImm):
        raw = ("s", e.value)
    elif isinstance(e, E.Ramp):
        raw = ("ramp", expr_key(e.base), expr_key(e.stride), e.lanes)
    elif isinstance(e, E.Broadcast):
        raw = ("bcast", expr_key(e.value), e.lanes)
    else:
        raw = ("obj", id(e))
    return raw


@dataclass(slots=True)
class Linear:
    """``sum(coeff * atom) + const`` over an integer dtype; atoms keyed by `expr_key`."""

    terms: dict[object, tuple[E.PrimExpr, int]]
    const: int
    dtype: str

    @staticmethod
    def of_const(value: int, dtype: str) -> Linear:
        return Linear({}, value, dtype)

    @staticmethod
    def of_atom(atom: E.PrimExpr) -> Linear:
        return Linear({expr_key(atom): (atom, 1)}, 0, atom.dtype)

    def add(self, other: Linear, scale: int = 1) -> Linear:
        terms = dict(self.terms)
        for key, (atom, coeff) in other.terms.items():
            old = terms.get(key)
            total = (old[1] if old is not None else 0) + coeff * scale
            if total == 0:
                terms.pop(key, None)
            else:
                terms[key] = (atom, total)
        return Linear(terms, self.const + other.const * scale, self.dtype)

    def scale(self, k: int) -> Linear:
        if k == 0:
            return Linear.of_const(0, self.dtype)
        terms = {key: (a, c * k) for key, (a, c) in self.terms.items()}
        return Linear(terms, self.const * k, self.dtype)

    def split(self, d: int) -> tuple[Linear, Linear]:
        """``(q, r)`` with ``self == d * q + r``: terms whose coefficient ``d`` divides go to q."""
        q: dict[object, tuple[E.PrimExpr, int]] = {}
        r: dict[object, tuple[E.PrimExpr, int]] = {}
        for key, (atom, coeff) in self.terms.items():
            if coeff % d == 0:
                q[key] = (atom, coeff // d)
            else:
                r[key] = (atom, coeff)
        return Linear(q, 0, self.dtype), Linear(r, self.const, self.dtype)

    def to_expr(self) -> E.PrimExpr:
        result: E.PrimExpr | None = None
        for atom, coeff in self.terms.values():
            if result is None:
                result = (
                    atom if coeff == 1 else arith.mul(atom, arith.make_const(self.dtype, coeff))
                )
            elif coeff == 1:
                result = E.Add(result, atom)
            elif coeff == -1:
                result = E.Sub(result, atom)
            elif coeff < 0:
                result = E.Sub(result, E.Mul(atom, arith.make_const(self.dtype, -coeff)))
            else:
                result = E.Add(result, E.Mul(atom, arith.make_const(self.dtype, coeff)))
        if result is None:
            return arith.make_const(self.dtype, self.const)
        if self.const > 0:
            return E.Add(result, arith.make_const(self.dtype, self.const))
        if self.const < 0:
            return E.Sub(result, arith.make_const(self.dtype, -self.const))
        return result


class Analyzer:
    """Simplifies expressions under known variable bounds (inclusive, constant)."""

    def __init__(self) -> None:
        self.bounds: dict[E.Var, Bounds] = {}

    def bind(self, var: E.Var, lo: int, hi: int) -> None:
        """Record that ``lo <= var <= hi``."""
        self.bounds[var] = (lo, hi)

    def bind_range(self, var: E.Var, min_: E.PrimExpr, extent: E.PrimExpr) -> None:
        """Record ``var``'s bounds from a loop's ``min`` and ``extent`` when they are bounded."""
        lo = self.int_bounds(min_)
        ext = self.int_bounds(extent)
        if ext[1] < 1:
            return
        self.bounds[var] = (lo[0], lo[1] + ext[1] - 1)

    def unbind(self, var: E.Var) -> None:
        self.bounds.pop(var, None)

    # -- bounds -----------------------------------------------------------------------------

    def int_bounds(self, e: E.PrimExpr) -> Bounds:
        """Constant bounds of a scalar integer expression (the dtype's range when unknown)."""
        if isinstance(e, E.IntImm):
            return (e.value, e.value)
        if isinstance(e, E.Var):
            if (b := self.bounds.get(e)) is not None:
                return b
            full = dtype_bounds(e.dtype) if is_int_scalar(e.dtype) else (-(1 << 63), 1 << 63)
            return (0, full[1]) if isinstance(e, E.SizeVar) else full
        if not is_int_scalar(e.dtype):
            return dtype_bounds(e.dtype) if DataType.of(e.dtype).is_bool else (-(1 << 63), 1 << 63)
        return self._composite_bounds(e)

    def _composite_bounds(self, e: E.PrimExpr) -> Bounds:  # noqa: C901 (one case per node)
        full = dtype_bounds(e.dtype)
        if isinstance(e, E.Add):
            (a0, a1), (b0, b1) = self.int_bounds(e.a), self.int_bounds(e.b)
            return _clip((a0 + b0, a1 + b1), full)
        if isinstance(e, E.Sub):
            (a0, a1), (b0, b1) = self.int_bounds(e.a), self.int_bounds(e.b)
            return _clip((a0 - b1, a1 - b0), full)
        if isinstance(e, E.Mul):
            (a0, a1), (b0, b1) = self.int_bounds(e.a), self.int_bounds(e.b)
            prods = (a0 * b0, a0 * b1, a1 * b0, a1 * b1)
            return _clip((min(prods), max(prods)), full)
        if isinstance(e, E.FloorDiv | E.Div) and isinstance(e.b, E.IntImm) and e.b.value > 0:
            a0, a1 = self.int_bounds(e.a)
            d = e.b.value
            if isinstance(e, E.Div) and a0 < 0:
                return _clip((-(-a0 // d), a1 // d if a1 >= 0 else -(-a1 // d)), full)
            return (a0 // d, a1 // d)
        if isinstance(e, E.FloorMod) and isinstance(e.b, E.IntImm) and e.b.value > 0:
            a0, a1 = self.int_bounds(e.a)
            d = e.b.value
            if a0 >= 0 and a1 < d:
                return (a0, a1)
            if a0 // d == a1 // d:
                return (a0 % d, a1 % d)
            return (0, d - 1)
        if isinstance(e, E.Mod) and isinstance(e.b, E.IntImm) and e.b.value > 0:
            a0, a1 = self.int_bounds(e.a)
            d = e.b.value
            if a0 >= 0 and a1 < d:
                return (a0, a1)
            return (0 if a0 >= 0 else -(d - 1), d - 1 if a1 > 0 else 0)
        if isinstance(e, E.Min):
            (a0, a1), (b0, b1) = self.int_bounds(e.a), self.int_bounds(e.b)
            return (min(a0, b0), min(a1, b1))
        if isinstance(e, E.Max):
            (a0, a1), (b0, b1) = self.int_bounds(e.a), self.int_bounds(e.b)
            return (max(a0, b0), max(a1, b1))
        if isinstance(e, E.Cast) and is_int_scalar(e.value.dtype):
            return _clip(self.int_bounds(e.value), full)
        if isinstance(e, E.Select):
            (a0, a1), (b0, b1) = self.int_bounds(e.true_value), self.int_bounds(e.false_value)
            return (min(a0, b0), max(a1, b1))
        if isinstance(e, E.Let):
            return self.int_bounds(e.body)
        return full

    def linear_bounds(self, lin: Linear) -> Bounds:
        lo = hi = lin.const
        for atom, coeff in lin.terms.values():
            a0, a1 = self.int_bounds(atom)
            if coeff > 0:
                lo, hi = lo + coeff * a0, hi + coeff * a1
            else:
                lo, hi = lo + coeff * a1, hi + coeff * a0
        return (lo, hi)

    # -- proving ----------------------------------------------------------------------------

    def can_prove(self, cond: E.PrimExpr) -> bool:
        """Whether ``cond`` (a scalar boolean) is true under the known bounds."""
        s = self.simplify(cond)
        return isinstance(s, E.IntImm) and s.value != 0

    # -- simplification ---------------------------------------------------------------------

    def simplify(self, e: E.PrimExpr) -> E.PrimExpr:
        """``e`` simplified."""
        return _Simplifier(self).run(e)

    def linear(self, e: E.PrimExpr) -> Linear:
        """The linear form of integer expression ``e`` (non-affine parts as atoms)."""
        return _Simplifier(self).linear(e)


def _clip(b: Bounds, full: Bounds) -> Bounds:
    lo, hi = b
    if lo < full[0] or hi > full[1]:
        return full  # may wrap around: nothing is known
    return b


class _Simplifier:
    """One simplification run (memoised on node identity)."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.an = analyzer
        self.memo: dict[int, E.PrimExpr] = {}
        self.keep: list[E.PrimExpr] = []  # keeps memo keys alive

    def run(self, e: E.PrimExpr) -> E.PrimExpr:
        if isinstance(e, E.IntImm | E.FloatImm | E.StringImm):
            return e
        if (done := self.memo.get(id(e))) is not None:
            return done
        out = self._simplify(e)
        self.memo[id(e)] = out
        self.keep.append(e)
        return out

    def _simplify(self, e: E.PrimExpr) -> E.PrimExpr:  # noqa: C901 (one case per node)
        if isinstance(e, E.Var):
            b = self.an.bounds.get(e)
            if b is not None and b[0] == b[1]:
                return arith.make_const(e.dtype, b[0])
            return e
        if is_int_scalar(e.dtype) and isinstance(e, E.Add | E.Sub | E.Mul):
            return self.canonical(self.linear(e))
        if isinstance(e, E.FloorDiv | E.FloorMod | E.Div | E.Mod):
            return self.division(e)
        if isinstance(e, E.Min | E.Max):
            return self.min_max(e)
        if isinstance(e, E.CmpOp) and not isinstance(e, E.And | E.Or):
            return self.compare(e)
        if isinstance(e, E.And):
            return arith.logical_and(self.run(e.a), self.run(e.b))
        if isinstance(e, E.Or):
            return arith.logical_or(self.run(e.a), self.run(e.b))
        if isinstance(e, E.Not):
            a = self.run(e.a)
            if isinstance(a, E.IntImm):
                return E.IntImm(e.dtype, int(not a.value))
            return e if a is e.a else E.Not(a)
        if isinstance(e, E.Add | E.Sub | E.Mul):
            return self.vector_or_float(e)
        if isinstance(e, E.Select):
            c = self.run(e.condition)
            if isinstance(c, E.IntImm):
                return self.run(e.true_value if c.value else e.false_value)
            t, f = self.run(e.true_value), self.run(e.false_value)
            return E.Select(c, t, f, e.dtype)
        if isinstance(e, E.Cast):
            v = self.run(e.value)
            if isinstance(v, E.IntImm | E.FloatImm) and DataType.of(e.dtype).lanes == 1:
                return arith.cast(e.dtype, v)
            return e if v is e.value else E.Cast(e.dtype, v)
        if isinstance(e, E.Ramp):
            base, stride = self.run(e.base), self.run(e.stride)
            return e if base is e.base and stride is e.stride else E.Ramp(base, stride, e.lanes)
        if isinstance(e, E.Broadcast):
            v = self.run(e.value)
            return e if v is e.value else E.Broadcast(v, e.lanes)
        if isinstance(e, E.BufferLoad):
            idx = tuple(self.run(i) for i in e.indices)
            if all(a is b for a, b in zip(idx, e.indices, strict=True)):
                return e
            return E.BufferLoad(e.buffer, idx, e.predicate)
        if isinstance(e, E.Call):
            args = tuple(self.run(a) if isinstance(a, E.PrimExpr) else a for a in e.args)
            if all(a is b for a, b in zip(args, e.args, strict=True)):
                return e
            return E.Call(e.dtype, e.op, args)
        if isinstance(e, E.Let):
            return E.Let(e.var, self.run(e.value), self.run(e.body))
        return e

    # -- integer canonical form -------------------------------------------------------------

    def linear(self, e: E.PrimExpr) -> Linear:
        """``e`` as a linear form, its non-affine parts simplified into atoms."""
        if isinstance(e, E.IntImm):
            return Linear.of_const(e.value, e.dtype)
        if isinstance(e, E.Add):
            return self.linear(e.a).add(self.linear(e.b))
        if isinstance(e, E.Sub):
            return self.linear(e.a).add(self.linear(e.b), -1)
        if isinstance(e, E.Mul):
            a, b = self.linear(e.a), self.linear(e.b)
            if not b.terms:
                return a.scale(b.const)
            if not a.terms:
                return b.scale(a.const)
            return Linear.of_atom(E.Mul(self.canonical(a), self.canonical(b)))
        s = self.run(e)
        if isinstance(s, E.IntImm):
            return Linear.of_const(s.value, s.dtype)
        if isinstance(s, E.Add | E.Sub | E.Mul) and is_int_scalar(s.dtype):
            return self.linear(s)
        return Linear.of_atom(s)

    def canonical(self, lin: Linear) -> E.PrimExpr:
        lin = self._merge_div_mod(lin)
        lo, hi = self.an.linear_bounds(lin)
        if lo == hi:
            return arith.make_const(lin.dtype, lo)
        return lin.to_expr()

    def _merge_div_mod(self, lin: Linear) -> Linear:
        """``x // d * (c * d) + x % d * c`` is ``x * c``."""
        mods = [
            (key, atom, coeff)
            for key, (atom, coeff) in lin.terms.items()
            if isinstance(atom, E.FloorMod) and isinstance(atom.b, E.IntImm)
        ]
        for key, atom, coeff in mods:
            assert isinstance(atom, E.FloorMod)
            assert isinstance(atom.b, E.IntImm)
            raw = (E.FloorDiv, atom.dtype, expr_key(atom.a), expr_key(atom.b))
            div_key = _KEYS.get(raw)
            found = lin.terms.get(div_key) if div_key is not None else None
            if found is None or found[1] != coeff * atom.b.value or key not in lin.terms:
                continue
            terms = dict(lin.terms)
            del terms[key], terms[div_key]
            lin = Linear(terms, lin.const, lin.dtype).add(self.linear(atom.a), coeff)
        return lin

    def division(self, e: E.BinaryOp) -> E.PrimExpr:
        a, b = self.run(e.a), self.run(e.b)
        if not (is_int_scalar(e.dtype) and isinstance(b, E.IntImm) and b.value > 0):
            if DataType.of(e.dtype).lanes > 1:
                return self.vector_division(e, a, b)
            return _rebuild(e, a, b)
        d = b.value
        truncating = isinstance(e, E.Div | E.Mod)
        if truncating and self.an.int_bounds(a)[0] < 0:
            return _rebuild(e, a, b)
        is_div = isinstance(e, E.FloorDiv | E.Div)
        if d == 1:
            return a if is_div else arith.make_const(e.dtype, 0)
        lin = self.linear(a)
        if is_div:
            return self.floordiv(lin, d)
        return self.floormod(lin, d)

    def floordiv(self, lin: Linear, d: int) -> E.PrimExpr:
        q, r = lin.split(d)
        lo, hi = self.an.linear_bounds(r)
        if lo // d == hi // d:
            return self.canonical(q.add(Linear.of_const(lo // d, lin.dtype)))
        inner = r.to_expr()
        if (
            len(r.terms) == 1
            and r.const == 0
            and isinstance(atom := next(iter(r.terms.values()))[0], E.FloorDiv)
            and next(iter(r.terms.values()))[1] == 1
            and isinstance(atom.b, E.IntImm)
            and atom.b.value > 0
        ):  # (x // a) // b is x // (a * b)
            inner_div: E.PrimExpr = E.FloorDiv(
                atom.a, arith.make_const(lin.dtype, atom.b.value * d)
            )
        else:
            inner_div = E.FloorDiv(inner, arith.make_const(lin.dtype, d))
        if not q.terms:
            return inner_div
        return self.canonical(q.add(Linear.of_atom(inner_div)))

    def floormod(self, lin: Linear, d: int) -> E.PrimExpr:
        terms = {
            key: (atom, coeff % d) for key, (atom, coeff) in lin.terms.items() if coeff % d != 0
        }
        r = Linear(terms, lin.const % d, lin.dtype)
        lo, hi = self.an.linear_bounds(r)
        if lo // d == hi // d:
            return self.canonical(r.add(Linear.of_const(-(lo // d) * d, lin.dtype)))
        if len(r.terms) == 1 and r.const == 0:
            atom, coeff = next(iter(r.terms.values()))
            if (
                coeff == 1
                and isinstance(atom, E.FloorMod)
                and isinstance(atom.b, E.IntImm)
                and atom.b.value % d == 0
            ):  # (x % (k * d)) % d is x % d
                return E.FloorMod(atom.a, arith.make_const(lin.dtype, d))
        return E.FloorMod(r.to_expr(), arith.make_const(lin.dtype, d))

    def min_max(self, e: E.Min | E.Max) -> E.PrimExpr:
        a, b = self.run(e.a), self.run(e.b)
        if is_int_scalar(e.dtype):
            diff = self.an.linear_bounds(self.linear(a).add(self.linear(b), -1))
            if diff[1] <= 0:
                return a if isinstance(e, E.Min) else b
            if diff[0] >= 0:
                return b if isinstance(e, E.Min) else a
        if isinstance(e, E.Min):
            return arith.min_(a, b) if a is not e.a or b is not e.b else e
        return arith.max_(a, b) if a is not e.a or b is not e.b else e

    def compare(self, e: E.CmpOp) -> E.PrimExpr:
        a, b = self.run(e.a), self.run(e.b)
        if is_int_scalar(a.dtype) and is_int_scalar(b.dtype) and a.dtype == b.dtype:
            lo, hi = self.an.linear_bounds(self.linear(a).add(self.linear(b), -1))
            decided = _decide(type(e), lo, hi)
            if decided is not None:
                return E.IntImm("bool", int(decided))
        if isinstance(a, E.IntImm | E.FloatImm) and isinstance(b, E.IntImm | E.FloatImm):
            return _fold_cmp(e, a, b)
        if a is e.a and b is e.b:
            return e
        return type(e)(a, b, e.dtype)

    # -- vectors and floats -----------------------------------------------------------------

    def vector_or_float(self, e: E.BinaryOp) -> E.PrimExpr:
        a, b = self.run(e.a), self.run(e.b)
        if DataType.of(e.dtype).lanes > 1 and is_int_scalar(DataType.of(e.dtype).element()):
            ra, rb = _as_ramp(a), _as_ramp(b)
            if ra is not None and rb is not None:
                return self._ramp_arith(e, ra, rb)
        if isinstance(e, E.Add):
            return arith.add(a, b) if a is not e.a or b is not e.b else _fold(e, a, b)
        if isinstance(e, E.Sub):
            return arith.sub(a, b) if a is not e.a or b is not e.b else _fold(e, a, b)
        return arith.mul(a, b) if a is not e.a or b is not e.b else _fold(e, a, b)

    def _ramp_arith(
        self,
        e: E.BinaryOp,
        ra: tuple[E.PrimExpr, E.PrimExpr, int],
        rb: tuple[E.PrimExpr, E.PrimExpr, int],
    ) -> E.PrimExpr:
        (ba, sa, n), (bb, sb, _) = ra, rb
        if isinstance(e, E.Add):
            base, stride = arith.add(ba, bb), arith.add(sa, sb)
        elif isinstance(e, E.Sub):
            base, stride = arith.sub(ba, bb), arith.sub(sa, sb)
        elif _is_zero(sb):
            base, stride = arith.mul(ba, bb), arith.mul(sa, bb)
        elif _is_zero(sa):
            base, stride = arith.mul(ba, bb), arith.mul(ba, sb)
        else:
            return E.Mul(_make_ramp(ba, sa, n), _make_ramp(bb, sb, n))
        return _make_ramp(self.run(base), self.run(stride), n)

    def vector_division(self, e: E.BinaryOp, a: E.PrimExpr, b: E.PrimExpr) -> E.PrimExpr:
        ra, rb = _as_ramp(a), _as_ramp(b)
        if (
            ra is None
            or rb is None
            or not _is_zero(rb[1])
            or not isinstance(rb[0], E.IntImm)
            or rb[0].value <= 0
            or not isinstance(ra[1], E.IntImm)
            or ra[1].value < 0
            or not is_int_scalar(ra[0].dtype)
            or isinstance(e, E.Div | E.Mod)
        ):
            return _rebuild(e, a, b)
        base, stride, n = ra
        d = rb[0].value
        assert isinstance(stride, E.IntImm)
        span = stride.value * (n - 1)
        lin = self.linear(base)
        q, r = lin.split(d)
        lo, hi = self.an.linear_bounds(r)
        if isinstance(e, E.FloorDiv):
            if lo // d == (hi + span) // d:
                return E.Broadcast(self.canonical(q.add(Linear.of_const(lo // d, lin.dtype))), n)
            if span == 0:
                return E.Broadcast(self.floordiv(lin, d), n)
            return _rebuild(e, a, b)
        if lo // d == (hi + span) // d:
            shift = -(lo // d) * d
            return _make_ramp(self.canonical(r.add(Linear.of_const(shift, lin.dtype))), stride, n)
        if span == 0:
            return E.Broadcast(self.floormod(lin, d), n)
        return _rebuild(e, a, b)


def _decide(op: type, lo: int, hi: int) -> bool | None:
    """The outcome of ``x op 0`` for ``x`` in ``[lo, hi]``, when the bounds decide it."""
    if op is E.LT:
        return True if hi < 0 else False if lo >= 0 else None
    if op is E.LE:
        return True if hi <= 0 else False if lo > 0 else None
    if op is E.GT:
        return True if lo > 0 else False if hi <= 0 else None
    if op is E.GE:
        return True if lo >= 0 else False if hi < 0 else None
    if op is E.EQ:
        return True if lo == hi == 0 else False if lo > 0 or hi < 0 else None
    if op is E.NE:
        return False if lo == hi == 0 else True if lo > 0 or hi < 0 else None
    return None


def _fold_cmp(e: E.CmpOp, a: E.PrimExpr, b: E.PrimExpr) -> E.PrimExpr:
    fold = {
        E.EQ: arith.equal,
        E.NE: arith.not_equal,
        E.LT: arith.less,
        E.LE: arith.less_equal,
        E.GT: arith.greater,
        E.GE: arith.greater_equal,
    }[type(e)]
    return fold(a, b)


def _fold(e: E.BinaryOp, a: E.PrimExpr, b: E.PrimExpr) -> E.PrimExpr:
    if isinstance(a, E.IntImm | E.FloatImm) and isinstance(b, E.IntImm | E.FloatImm):
        return {E.Add: arith.add, E.Sub: arith.sub, E.Mul: arith.mul}[type(e)](a, b)
    return e


def _rebuild(e: E.BinaryOp, a: E.PrimExpr, b: E.PrimExpr) -> E.PrimExpr:
    if isinstance(a, E.IntImm | E.FloatImm) and isinstance(b, E.IntImm | E.FloatImm):
        try:
            fold = {
                E.FloorDiv: arith.floordiv,
                E.FloorMod: arith.floormod,
                E.Div: arith.div,
                E.Mod: arith.truncmod,
            }[type(e)]
            return fold(a, b)
        except (ZeroDivisionError, TypeError):
            return e
    if a is e.a and b is e.b:
        return e
    return type(e)(a, b, e.dtype)


def _is_zero(e: E.PrimExpr) -> bool:
    return isinstance(e, E.IntImm) and e.value == 0


def _as_ramp(e: E.PrimExpr) -> tuple[E.PrimExpr, E.PrimExpr, int] | None:
    if isinstance(e, E.Ramp):
        return (e.base, e.stride, e.lanes)
    if isinstance(e, E.Broadcast) and DataType.of(e.value.dtype).lanes == 1:
        return (e.value, arith.make_const(e.value.dtype, 0), e.lanes)
    return None


def _make_ramp(base: E.PrimExpr, stride: E.PrimExpr, lanes: int) -> E.PrimExpr:
    if _is_zero(stride):
        return E.Broadcast(base, lanes)
    return E.Ramp(base, stride, lanes)


def simplify(e: E.PrimExpr, analyzer: Analyzer | None = None) -> E.PrimExpr:
    """``e`` simplified (without bounds unless an ``analyzer`` carries them)."""
    return (analyzer or Analyzer()).simplify(e)
