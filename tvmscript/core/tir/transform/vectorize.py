"""``T.vectorized`` loops as vector expressions (TVM's VectorizeLoop).

The loop variable becomes ``T.Ramp(min, 1, lanes)`` and the body is rewritten lane-wise:
scalars next to vectors are broadcast, loads at vector indices are vector loads, elementwise
intrinsics take vector operands, an ``if`` on a vector condition over stores becomes
predicated stores. A body that cannot be written so (a store of a varying value to one
address, an allocation, an opaque call, ...) runs as a serial loop, as TVM falls back.
"""

from __future__ import annotations

from typing import Final

from tvmscript.core.ir.dtype import DataType
from tvmscript.core.ir.op import Op
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.core.tir import stmt as S
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.transform.functor import StmtMutator
from tvmscript.core.tir.transform.simplify_stmt import StmtSimplifier

MAX_LANES: Final = 512

_ELEMENTWISE_NAMES: Final = (
    "exp",
    "exp2",
    "exp10",
    "log",
    "log2",
    "log10",
    "log1p",
    "sqrt",
    "rsqrt",
    "sigmoid",
    "tanh",
    "tan",
    "sin",
    "cos",
    "sinh",
    "cosh",
    "asin",
    "acos",
    "atan",
    "asinh",
    "acosh",
    "atanh",
    "erf",
    "atan2",
    "nextafter",
    "hypot",
    "copysign",
    "ldexp",
    "fabs",
    "floor",
    "ceil",
    "trunc",
    "round",
    "nearbyint",
    "isnan",
    "isfinite",
    "isinf",
    "popcount",
    "clz",
    "fma",
    "fmod",
    "pow",
    "bitwise_and",
    "bitwise_or",
    "bitwise_xor",
    "bitwise_not",
    "shift_left",
    "shift_right",
    "if_then_else",
    "reinterpret",
    "likely",
    "q_multiply_shift",
)
ELEMENTWISE: Final = frozenset(f"tir.{n}" for n in _ELEMENTWISE_NAMES)


def vectorize_loops(func: PrimFunc) -> PrimFunc:
    """``func`` with each ``T.vectorized`` loop of constant extent turned into vector code."""
    body = _LoopVectorizer().stmt(func.body)
    if body is func.body:
        return func
    return PrimFunc(
        func.params, body, func.buffer_map, func.ret_type, func.attrs, func.private, span=func.span
    )


class _CannotVectorize(Exception):
    pass


class _LoopVectorizer(StmtMutator):
    def visit_for(self, s: S.For) -> S.Stmt:
        new = super().visit_for(s)
        assert isinstance(new, S.For)
        if new.kind != S.ForKind.VECTORIZED:
            return new
        serial = S.For(new.loop_var, new.min, new.extent, S.ForKind.SERIAL, new.body)
        ext = new.extent
        if not isinstance(ext, E.IntImm) or not 1 < ext.value <= MAX_LANES:
            return serial
        ramp = E.Ramp(new.min, arith.make_const(new.min.dtype, 1), ext.value)
        try:
            body = _Vectorizer(new.loop_var, ramp).stmt(new.body)
        except _CannotVectorize:
            return serial
        return StmtSimplifier().stmt(body)


class _Vectorizer(StmtMutator):
    def __init__(self, var: E.Var, ramp: E.Ramp) -> None:
        super().__init__()
        self.vmap: dict[E.Var, E.PrimExpr] = {var: ramp}
        self.lanes = ramp.lanes

    # -- expressions ------------------------------------------------------------------------

    def widen(self, e: E.PrimExpr) -> E.PrimExpr:
        lanes = DataType.of(e.dtype).lanes
        if lanes == self.lanes:
            return e
        if lanes != 1:
            raise _CannotVectorize
        return E.Broadcast(e, self.lanes)

    def visit_var(self, e: E.Var) -> E.PrimExpr:
        return self.vmap.get(e, e)

    def visit_binary(self, e: E.BinaryOp) -> E.PrimExpr:
        a, b = self.expr(e.a), self.expr(e.b)
        if a is e.a and b is e.b:
            return e
        a, b = self.widen(a), self.widen(b)
        return type(e)(a, b, a.dtype)

    def visit_compare(self, e: E.CmpOp) -> E.PrimExpr:
        a, b = self.expr(e.a), self.expr(e.b)
        if a is e.a and b is e.b:
            return e
        return type(e)(self.widen(a), self.widen(b))

    def visit_not(self, e: E.Not) -> E.PrimExpr:
        a = self.expr(e.a)
        return e if a is e.a else E.Not(a)

    def visit_select(self, e: E.Select) -> E.PrimExpr:
        c, t, f = self.expr(e.condition), self.expr(e.true_value), self.expr(e.false_value)
        if c is e.condition and t is e.true_value and f is e.false_value:
            return e
        return E.Select(self.widen(c), self.widen(t), self.widen(f))

    def visit_cast(self, e: E.Cast) -> E.PrimExpr:
        v = self.expr(e.value)
        if v is e.value:
            return e
        return E.Cast(DataType.of(e.dtype).with_lanes(self.lanes), self.widen(v))

    def visit_buffer_load(self, e: E.BufferLoad) -> E.PrimExpr:
        indices = tuple(self.expr(i) for i in e.indices)
        pred = None if e.predicate is None else self.expr(e.predicate)
        if all(a is b for a, b in zip(indices, e.indices, strict=True)) and pred is e.predicate:
            return e
        if DataType.of(e.dtype).lanes != 1:
            raise _CannotVectorize
        indices = (*indices[:-1], self.widen(indices[-1]))
        if any(DataType.of(i.dtype).lanes != 1 for i in indices[:-1]):
            raise _CannotVectorize
        return E.BufferLoad(e.buffer, indices, None if pred is None else self.widen(pred))

    def visit_call(self, e: E.Call) -> E.PrimExpr:
        args = tuple(self.arg(a) for a in e.args)
        if all(a is b for a, b in zip(args, e.args, strict=True)):
            return e
        if not (isinstance(e.op, Op) and e.op.name in ELEMENTWISE):
            raise _CannotVectorize
        if DataType.of(e.dtype).lanes != 1:
            raise _CannotVectorize
        wide = tuple(self.widen(a) if isinstance(a, E.PrimExpr) else a for a in args)
        return E.Call(DataType.of(e.dtype).with_lanes(self.lanes), e.op, wide)

    def visit_let(self, e: E.Let) -> E.PrimExpr:
        value = self.expr(e.value)
        if DataType.of(value.dtype).lanes != 1 and value is not e.value:
            var = E.Var(e.var.name, value.dtype)
            self.vmap[e.var] = var
            return E.Let(var, value, self.expr(e.body))
        body = self.expr(e.body)
        if value is e.value and body is e.body:
            return e
        return E.Let(e.var, value, body)

    def visit_ramp(self, e: E.Ramp) -> E.PrimExpr:
        new = super().visit_ramp(e)
        if new is not e:
            raise _CannotVectorize
        return e

    def visit_broadcast(self, e: E.Broadcast) -> E.PrimExpr:
        new = super().visit_broadcast(e)
        if new is not e:
            raise _CannotVectorize
        return e

    def visit_shuffle(self, e: E.Shuffle) -> E.PrimExpr:
        new = super().visit_shuffle(e)
        if new is not e:
            raise _CannotVectorize
        return e

    # -- statements -------------------------------------------------------------------------

    def visit_buffer_store(self, s: S.BufferStore) -> S.Stmt:
        value = self.expr(s.value)
        indices = tuple(self.expr(i) for i in s.indices)
        pred = None if s.predicate is None else self.expr(s.predicate)
        same = all(a is b for a, b in zip(indices, s.indices, strict=True))
        if same and value is s.value and pred is s.predicate:
            return s
        if any(DataType.of(i.dtype).lanes != 1 for i in indices[:-1]):
            raise _CannotVectorize
        if DataType.of(indices[-1].dtype).lanes == 1:
            raise _CannotVectorize  # every lane would store to one address
        return S.BufferStore(
            s.buffer, self.widen(value), indices, None if pred is None else self.widen(pred)
        )

    def visit_bind(self, s: S.Bind) -> S.Stmt:
        value = self.expr(s.value)
        if value is s.value:
            return s
        if DataType.of(value.dtype).lanes == 1:
            return S.Bind(s.var, value)
        var = E.Var(s.var.name, value.dtype)
        self.vmap[s.var] = var
        return S.Bind(var, value)

    def visit_if(self, s: S.IfThenElse) -> S.Stmt:
        c = self.expr(s.condition)
        if DataType.of(c.dtype).lanes == 1:
            return super().visit_if(s)
        then = _predicate(self.stmt(s.then_case), c)
        if s.else_case is None:
            return then
        other = _predicate(self.stmt(s.else_case), E.Not(c))
        return S.SeqStmt((then, other))

    def visit_for(self, s: S.For) -> S.Stmt:
        if self.expr(s.min) is not s.min or self.expr(s.extent) is not s.extent:
            raise _CannotVectorize
        body = self.stmt(s.body)
        if body is s.body:
            return s
        return S.For(s.loop_var, s.min, s.extent, s.kind, body, s.thread_binding, s.annotations)

    def visit_evaluate(self, s: S.Evaluate) -> S.Stmt:
        if self.expr(s.value) is not s.value:
            raise _CannotVectorize
        return s

    def visit_assert(self, s: S.AssertStmt) -> S.Stmt:
        if self.expr(s.condition) is not s.condition:
            raise _CannotVectorize
        return s

    def visit_while(self, s: S.While) -> S.Stmt:
        raise _CannotVectorize

    def visit_alloc_buffer(self, s: S.AllocBuffer) -> S.Stmt:
        raise _CannotVectorize


def _predicate(s: S.Stmt, cond: E.PrimExpr) -> S.Stmt:
    """Stores of ``s`` done only in the lanes where ``cond`` holds."""
    if isinstance(s, S.SeqStmt):
        return S.SeqStmt(tuple(_predicate(x, cond) for x in s.seq))
    if isinstance(s, S.BufferStore) and DataType.of(s.value.dtype).lanes > 1:
        pred = cond if s.predicate is None else E.And(s.predicate, cond)
        return S.BufferStore(s.buffer, s.value, s.indices, pred)
    raise _CannotVectorize
