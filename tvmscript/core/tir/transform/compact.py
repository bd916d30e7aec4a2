"""Shrink intermediate buffers to the region their scope touches (TVM's CompactBufferAllocation).

A buffer allocated inside a loop (for one row of a softmax, one tile of a matmul) only needs
the part of its declared shape that one iteration reads and writes: the region is the bounding
box of the accesses with the loops inside the scope relaxed to their ranges, and accesses are
shifted by the region's start. A dimension is kept whole when its accesses do not share one
symbolic start or their extent is not constant.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.core.tir import stmt as S
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.transform.functor import StmtMutator, children, substitute_expr, walk
from tvmscript.core.tir.transform.simplify import Analyzer, Linear, expr_key

_FAIL = None


@dataclass
class _Dim:
    """One dimension's accesses: a shared symbolic start plus a constant interval."""

    outer: object  # key of the outer (scope-invariant) part
    outer_expr: E.PrimExpr
    lo: int
    hi: int


def compact_buffers(body: S.Stmt, candidates: Collection[Buffer]) -> S.Stmt:
    """``body`` with each allocation of a ``candidates`` buffer shrunk to its accessed region."""
    if not candidates:
        return body
    return _Compactor(set(candidates)).stmt(body)


class _Compactor(StmtMutator):
    def __init__(self, candidates: set[Buffer]) -> None:
        super().__init__()
        self.candidates = candidates

    def visit_seq(self, s: S.SeqStmt) -> S.Stmt:
        items = list(s.seq)
        for i, item in enumerate(items):
            if not (isinstance(item, S.AllocBuffer) and item.buffer in self.candidates):
                continue
            rest = S.SeqStmt(tuple(items[i + 1 :]))
            new = _compact_one(item.buffer, rest)
            if new is None:
                continue
            buf, rewritten = new
            items[i] = S.AllocBuffer(buf, item.annotations)
            assert isinstance(rewritten, S.SeqStmt)
            items[i + 1 :] = rewritten.seq
        return super().visit_seq(S.SeqStmt(tuple(items)))


def _compact_one(buf: Buffer, scope: S.Stmt) -> tuple[Buffer, S.Stmt] | None:
    if any(not isinstance(d, E.IntImm) for d in buf.shape) or buf.strides:
        return None
    dims = _Region(buf).run(scope)
    if dims is None:
        return None
    shape: list[E.PrimExpr] = []
    offsets: list[E.PrimExpr | None] = []
    changed = False
    for extent, dim in zip(buf.shape, dims, strict=True):
        assert isinstance(extent, E.IntImm)
        if dim is None or dim.hi - dim.lo + 1 >= extent.value:
            shape.append(extent)
            offsets.append(None)
            continue
        changed = True
        shape.append(arith.make_const(extent.dtype, dim.hi - dim.lo + 1))
        offsets.append(arith.add(dim.outer_expr, arith.make_const(extent.dtype, dim.lo)))
    if not changed:
        return None
    data = E.Var(buf.data.name, buf.data.dtype, buf.data.type_annotation)
    new = Buffer(data, buf.dtype, tuple(shape), (), None, buf.name, buf.data_alignment)
    return new, _Shift(buf, new, offsets).stmt(scope)


class _Shift(StmtMutator):
    def __init__(self, old: Buffer, new: Buffer, offsets: list[E.PrimExpr | None]) -> None:
        super().__init__()
        self.old, self.new, self.offsets = old, new, offsets

    def shift(self, indices: tuple[E.PrimExpr, ...]) -> tuple[E.PrimExpr, ...]:
        return tuple(
            i if off is None else arith.sub(i, off)
            for i, off in zip(indices, self.offsets, strict=True)
        )

    def visit_buffer_load(self, e: E.BufferLoad) -> E.PrimExpr:
        new = super().visit_buffer_load(e)
        assert isinstance(new, E.BufferLoad)
        if new.buffer is not self.old:
            return new
        return E.BufferLoad(self.new, self.shift(new.indices), new.predicate)

    def visit_buffer_store(self, s: S.BufferStore) -> S.Stmt:
        new = super().visit_buffer_store(s)
        assert isinstance(new, S.BufferStore)
        if new.buffer is not self.old:
            return new
        return S.BufferStore(self.new, new.value, self.shift(new.indices), new.predicate)


class _Region:
    """The accessed region of ``buf`` in a scope, one `_Dim` (or None: whole) per dimension."""

    def __init__(self, buf: Buffer) -> None:
        self.buf = buf
        self.an = Analyzer()
        self.inner: set[E.Var] = set()
        self.lets: dict[E.Var, E.PrimExpr] = {}
        self.dims: list[_Dim | None] | None = None
        self.seen = False
        self.opaque = False

    def run(self, scope: S.Stmt) -> list[_Dim | None] | None:
        self.stmt(scope)
        if self.opaque or not self.seen:
            return None
        return self.dims

    def stmt(self, s: S.Stmt) -> None:
        if isinstance(s, S.For):
            self.exprs([s.min, s.extent])
            self.inner.add(s.loop_var)
            lo, ext = s.min, s.extent
            if isinstance(lo, E.IntImm) and isinstance(ext, E.IntImm) and ext.value > 0:
                self.an.bind(s.loop_var, lo.value, lo.value + ext.value - 1)
            self.stmt(s.body)
            return
        if isinstance(s, S.Bind):
            self.exprs([s.value])
            self.lets[s.var] = substitute_expr(s.value, self.lets)
            return
        if isinstance(s, S.BufferStore):
            self.exprs([s.value, *s.indices])
            if s.buffer is self.buf:
                self.access(s.indices)
            return
        for child in children(s):
            if isinstance(child, S.Stmt):
                self.stmt(child)
            elif isinstance(child, E.PrimExpr):
                self.exprs([child])

    def exprs(self, es: list[E.PrimExpr]) -> None:
        def check(n: object) -> None:
            if isinstance(n, E.BufferLoad) and n.buffer is self.buf:
                self.access(n.indices)
            elif n is self.buf.data:
                self.opaque = True

        for e in es:
            walk(e, check)

    def access(self, indices: tuple[E.PrimExpr, ...]) -> None:
        dims = [self.dim(substitute_expr(i, self.lets)) for i in indices]
        self.seen = True
        if self.dims is None:
            self.dims = dims
            return
        self.dims = [_merge(a, b) for a, b in zip(self.dims, dims, strict=True)]

    def dim(self, index: E.PrimExpr) -> _Dim | None:
        if isinstance(index, E.Broadcast):
            index = index.value
        span = (0, 0)
        if isinstance(index, E.Ramp):
            if not isinstance(index.stride, E.IntImm):
                return _FAIL
            step = index.stride.value * (index.lanes - 1)
            span = (min(0, step), max(0, step))
            index = index.base
        if index.dtype not in ("int32", "int64"):
            return _FAIL
        lin = _linear(index)
        outer = Linear({}, 0, index.dtype)
        lo = hi = lin.const
        for key, (atom, coeff) in lin.terms.items():
            vars_ = _vars(atom)
            if not vars_ & self.inner:
                outer.terms[key] = (atom, coeff)
                continue
            if not vars_ <= self.inner:
                return _FAIL
            a0, a1 = self.an.int_bounds(atom)
            if a1 - a0 > 1 << 31:
                return _FAIL
            if coeff > 0:
                lo, hi = lo + coeff * a0, hi + coeff * a1
            else:
                lo, hi = lo + coeff * a1, hi + coeff * a0
        key = frozenset((k, c) for k, (_, c) in outer.terms.items())
        return _Dim(key, outer.to_expr(), lo + span[0], hi + span[1])


def _merge(a: _Dim | None, b: _Dim | None) -> _Dim | None:
    if a is None or b is None or a.outer != b.outer:
        return None
    return _Dim(a.outer, a.outer_expr, min(a.lo, b.lo), max(a.hi, b.hi))


def _linear(e: E.PrimExpr) -> Linear:
    if isinstance(e, E.IntImm):
        return Linear.of_const(e.value, e.dtype)
    if isinstance(e, E.Add):
        return _linear(e.a).add(_linear(e.b))
    if isinstance(e, E.Sub):
        return _linear(e.a).add(_linear(e.b), -1)
    if isinstance(e, E.Mul):
        a, b = _linear(e.a), _linear(e.b)
        if not b.terms:
            return a.scale(b.const)
        if not a.terms:
            return b.scale(a.const)
    return Linear({expr_key(e): (e, 1)}, 0, e.dtype)


def _vars(e: E.PrimExpr) -> set[E.Var]:
    out: set[E.Var] = set()
    walk(e, lambda n: out.add(n) if isinstance(n, E.Var) else None)
    return out
