"""Statement simplification (TVM's StmtSimplify + RemoveNoOp, in small).

Expressions are simplified under the bounds of the loops around them; ``if``s whose condition
the bounds decide are resolved; loops of one iteration become their body with the loop
variable replaced; empty loops and empty sequences go.
"""

from __future__ import annotations

from tvmscript.core.tir import expr as E
from tvmscript.core.tir import stmt as S
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.transform.functor import StmtMutator, substitute
from tvmscript.core.tir.transform.simplify import Analyzer, is_int_scalar


def simplify_func(func: PrimFunc) -> PrimFunc:
    """``func`` with its statements and expressions simplified."""
    body = StmtSimplifier().stmt(func.body)
    return PrimFunc(
        func.params, body, func.buffer_map, func.ret_type, func.attrs, func.private, span=func.span
    )


_NOOP = S.Evaluate(E.IntImm("int32", 0))


class StmtSimplifier(StmtMutator):
    """Simplifies under loop bounds; one-iteration loops are inlined."""

    def __init__(self, analyzer: Analyzer | None = None) -> None:
        super().__init__()
        self.an = analyzer or Analyzer()

    def expr(self, e: E.PrimExpr) -> E.PrimExpr:
        return self.an.simplify(e)

    def visit_for(self, s: S.For) -> S.Stmt:
        lo, ext = self.expr(s.min), self.expr(s.extent)
        if isinstance(ext, E.IntImm) and ext.value <= 0:
            return _NOOP
        if isinstance(ext, E.IntImm) and ext.value == 1 and s.kind != S.ForKind.THREAD_BINDING:
            return self.stmt(substitute(s.body, {s.loop_var: lo}))
        self.an.bind_range(s.loop_var, lo, ext)
        body = self.stmt(s.body)
        self.an.unbind(s.loop_var)
        if _is_noop(body):
            return _NOOP
        if lo is s.min and ext is s.extent and body is s.body:
            return s
        return S.For(s.loop_var, lo, ext, s.kind, body, s.thread_binding, s.annotations, s.step)

    def visit_bind(self, s: S.Bind) -> S.Stmt:
        value = self.expr(s.value)
        if is_int_scalar(value.dtype):
            lo, hi = self.an.int_bounds(value)
            if hi - lo < 1 << 40:
                self.an.bind(s.var, lo, hi)
        return s if value is s.value else S.Bind(s.var, value)

    def visit_if(self, s: S.IfThenElse) -> S.Stmt:
        c = self.expr(s.condition)
        if isinstance(c, E.IntImm):
            if c.value:
                return self.stmt(s.then_case)
            return _NOOP if s.else_case is None else self.stmt(s.else_case)
        then = self.stmt(s.then_case)
        other = None if s.else_case is None else self.stmt(s.else_case)
        if other is not None and _is_noop(other):
            other = None
        if _is_noop(then) and other is None:
            return _NOOP
        if c is s.condition and then is s.then_case and other is s.else_case:
            return s
        return S.IfThenElse(c, then, other)

    def visit_seq(self, s: S.SeqStmt) -> S.Stmt:
        items: list[S.Stmt] = []
        for x in s.seq:
            new = self.stmt(x)
            if isinstance(new, S.SeqStmt):
                items.extend(new.seq)
            elif not _is_noop(new):
                items.append(new)
        if not items:
            return _NOOP
        if len(items) == len(s.seq) and all(a is b for a, b in zip(items, s.seq, strict=True)):
            return s
        return S.seq(items)


def _is_noop(s: S.Stmt) -> bool:
    return isinstance(s, S.Evaluate) and isinstance(s.value, E.IntImm)
