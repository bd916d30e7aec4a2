"""``T.unroll`` loops written out (TVM's UnrollLoop for explicitly unrolled loops)."""

from __future__ import annotations

from typing import Final

from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.core.tir import stmt as S
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.transform.functor import StmtMutator, substitute

MAX_UNROLL: Final = 256


def unroll_loops(func: PrimFunc) -> PrimFunc:
    """``func`` with each ``T.unroll`` loop of constant extent replaced by its copies."""
    body = _Unroll().stmt(func.body)
    if body is func.body:
        return func
    return PrimFunc(
        func.params, body, func.buffer_map, func.ret_type, func.attrs, func.private, span=func.span
    )


class _Unroll(StmtMutator):
    def visit_for(self, s: S.For) -> S.Stmt:
        new = super().visit_for(s)
        assert isinstance(new, S.For)
        if new.kind != S.ForKind.UNROLLED:
            return new
        ext = new.extent
        if not isinstance(ext, E.IntImm) or ext.value > MAX_UNROLL:
            return S.For(new.loop_var, new.min, new.extent, S.ForKind.SERIAL, new.body)
        copies = [
            substitute(new.body, {new.loop_var: arith.add(new.min, i)}) for i in range(ext.value)
        ]
        if not copies:
            return S.Evaluate(E.IntImm("int32", 0))
        return S.seq(copies)
