"""Hoist a reduction's initialisation out of its loop (the first-iteration peel LLVM would do).

Lowered ``T.init()`` blocks read ``for k in range(n): if k == 0: init; update``. Running
``init`` (with ``k = 0``) before the loop is the same order of effects when the ``if`` opens
the body and the loop runs at least once (guarded when ``n`` is not known to be positive);
the loop left is a plain reduction that LLVM can keep in registers and vectorize. With several
reduction axes (``if rc == 0 and ry == 0: ...``) each loop peels its own term.
"""

from __future__ import annotations

from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.core.tir import stmt as S
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.transform.functor import StmtMutator, substitute


def peel_init(func: PrimFunc) -> PrimFunc:
    """``func`` with reduction initialisations hoisted out of their loops."""
    body = _Peel().stmt(func.body)
    if body is func.body:
        return func
    return PrimFunc(
        func.params, body, func.buffer_map, func.ret_type, func.attrs, func.private, span=func.span
    )


def _terms(c: E.PrimExpr) -> list[E.PrimExpr]:
    if isinstance(c, E.And):
        return _terms(c.a) + _terms(c.b)
    return [c]


def _is_first(term: E.PrimExpr, loop: S.For) -> bool:
    if not isinstance(term, E.EQ):
        return False
    a, b = term.a, term.b
    if b is loop.loop_var:
        a, b = b, a
    if a is not loop.loop_var:
        return False
    lo = loop.min
    return isinstance(b, E.IntImm) and isinstance(lo, E.IntImm) and b.value == lo.value


class _Peel(StmtMutator):
    def visit_for(self, s: S.For) -> S.Stmt:
        new = super().visit_for(s)
        assert isinstance(new, S.For)
        if new.kind not in (S.ForKind.SERIAL, S.ForKind.UNROLLED, S.ForKind.VECTORIZED):
            return new
        items = list(new.body.seq) if isinstance(new.body, S.SeqStmt) else [new.body]
        first = items[0]
        if len(items) < 2 or not isinstance(first, S.IfThenElse) or first.else_case is not None:
            return new
        terms = _terms(first.condition)
        mine = [t for t in terms if _is_first(t, new)]
        if not mine:
            return new
        rest = [t for t in terms if t not in mine]
        if not (isinstance(new.extent, E.IntImm) and new.extent.value >= 1):
            rest.append(arith.greater(new.extent, arith.make_const(new.extent.dtype, 0)))
        init = substitute(first.then_case, {new.loop_var: new.min})
        hoisted: S.Stmt = init
        if rest:
            cond = rest[0]
            for t in rest[1:]:
                cond = E.And(cond, t)
            hoisted = S.IfThenElse(cond, init)
        loop = S.For(
            new.loop_var,
            new.min,
            new.extent,
            new.kind,
            S.seq(items[1:]),
            new.thread_binding,
            new.annotations,
            new.step,
        )
        return S.SeqStmt((hoisted, loop))
