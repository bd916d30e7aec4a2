"""Rewriters over TIR: an expression/statement mutator and a read-only visitor.

Nodes are immutable, so a mutator returns the node itself when nothing below it changed
(callers test ``new is old``). Dispatch is one dictionary lookup on the exact class; a
subclass overrides ``visit_<node>`` methods.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.core.tir import stmt as S
from tvmscript.core.tir.buffer import Buffer

_BINARY: Final = (
    E.Add,
    E.Sub,
    E.Mul,
    E.Div,
    E.Mod,
    E.FloorDiv,
    E.FloorMod,
    E.Min,
    E.Max,
)
_COMPARE: Final = (E.EQ, E.NE, E.LT, E.LE, E.GT, E.GE, E.And, E.Or)
_LEAVES: Final = (E.Var, E.SizeVar, E.IntImm, E.FloatImm, E.StringImm)


def _expr_methods() -> dict[type, str]:
    table: dict[type, str] = {cls: "visit_leaf" for cls in _LEAVES}
    table.update({cls: "visit_binary" for cls in _BINARY})
    table.update({cls: "visit_compare" for cls in _COMPARE})
    table.update(
        {
            E.Var: "visit_var",
            E.SizeVar: "visit_var",
            E.Cast: "visit_cast",
            E.Not: "visit_not",
            E.Select: "visit_select",
            E.BufferLoad: "visit_buffer_load",
            E.Ramp: "visit_ramp",
            E.Broadcast: "visit_broadcast",
            E.Shuffle: "visit_shuffle",
            E.Let: "visit_let",
            E.Call: "visit_call",
        }
    )
    return table


_STMT_METHODS: Final[dict[type, str]] = {
    S.BufferStore: "visit_buffer_store",
    S.Evaluate: "visit_evaluate",
    S.Bind: "visit_bind",
    S.AttrStmt: "visit_attr",
    S.AssertStmt: "visit_assert",
    S.For: "visit_for",
    S.While: "visit_while",
    S.Break: "visit_jump",
    S.Continue: "visit_jump",
    S.IfThenElse: "visit_if",
    S.SeqStmt: "visit_seq",
    S.AllocBuffer: "visit_alloc_buffer",
    S.DeclBuffer: "visit_decl_buffer",
    S.SBlock: "visit_sblock",
    S.SBlockRealize: "visit_sblock_realize",
}
_EXPR_METHODS: Final = _expr_methods()


class ExprMutator:
    """Rebuilds expressions bottom-up; override ``visit_*`` to rewrite some nodes."""

    def __init__(self) -> None:
        self._expr_fns: dict[type, Callable[[Any], E.PrimExpr]] = {
            cls: getattr(self, name) for cls, name in _EXPR_METHODS.items()
        }

    def expr(self, e: E.PrimExpr) -> E.PrimExpr:
        """The rewritten ``e``."""
        fn = self._expr_fns.get(type(e))
        if fn is None:
            raise TypeError(f"cannot rewrite a {type(e).__name__} expression")
        return fn(e)

    def arg(self, a: object) -> object:
        """A call argument: expressions are rewritten, anything else is kept."""
        return self.expr(a) if isinstance(a, E.PrimExpr) else a

    def visit_leaf(self, e: E.PrimExpr) -> E.PrimExpr:
        return e

    def visit_var(self, e: E.Var) -> E.PrimExpr:
        return e

    def visit_binary(self, e: E.BinaryOp) -> E.PrimExpr:
        a, b = self.expr(e.a), self.expr(e.b)
        if a is e.a and b is e.b:
            return e
        return type(e)(a, b, a.dtype)

    def visit_compare(self, e: E.CmpOp) -> E.PrimExpr:
        a, b = self.expr(e.a), self.expr(e.b)
        if a is e.a and b is e.b:
            return e
        return type(e)(a, b)

    def visit_cast(self, e: E.Cast) -> E.PrimExpr:
        v = self.expr(e.value)
        return e if v is e.value else E.Cast(e.dtype, v)

    def visit_not(self, e: E.Not) -> E.PrimExpr:
        a = self.expr(e.a)
        return e if a is e.a else E.Not(a)

    def visit_select(self, e: E.Select) -> E.PrimExpr:
        c, t, f = self.expr(e.condition), self.expr(e.true_value), self.expr(e.false_value)
        if c is e.condition and t is e.true_value and f is e.false_value:
            return e
        return E.Select(c, t, f)

    def visit_buffer_load(self, e: E.BufferLoad) -> E.PrimExpr:
        indices = tuple(self.expr(i) for i in e.indices)
        pred = None if e.predicate is None else self.expr(e.predicate)
        if all(a is b for a, b in zip(indices, e.indices, strict=True)) and pred is e.predicate:
            return e
        return E.BufferLoad(e.buffer, indices, pred)

    def visit_ramp(self, e: E.Ramp) -> E.PrimExpr:
        stride: object = e.stride
        base0: object = e.base
        if not isinstance(stride, E.PrimExpr) or not isinstance(base0, E.PrimExpr):
            # the parser keeps `T.Ramp(i, 1, 8)`'s literals as Python ints
            base1 = arith.as_expr(base0)
            e = E.Ramp(base1, arith.script_literal(stride, base1), e.lanes)
        base, step = self.expr(e.base), self.expr(e.stride)
        if base is e.base and step is e.stride:
            return e
        return E.Ramp(base, step, e.lanes)

    def visit_broadcast(self, e: E.Broadcast) -> E.PrimExpr:
        v = self.expr(e.value)
        return e if v is e.value else E.Broadcast(v, e.lanes)

    def visit_shuffle(self, e: E.Shuffle) -> E.PrimExpr:
        vectors = tuple(self.expr(v) for v in e.vectors)
        if all(a is b for a, b in zip(vectors, e.vectors, strict=True)):
            return e
        return E.Shuffle(vectors, e.indices, e.dtype)

    def visit_let(self, e: E.Let) -> E.PrimExpr:
        value, body = self.expr(e.value), self.expr(e.body)
        if value is e.value and body is e.body:
            return e
        return E.Let(e.var, value, body)

    def visit_call(self, e: E.Call) -> E.PrimExpr:
        args = tuple(self.arg(a) for a in e.args)
        if all(a is b for a, b in zip(args, e.args, strict=True)):
            return e
        return E.Call(e.dtype, e.op, args)


class StmtMutator(ExprMutator):
    """Rebuilds statements (and the expressions in them) bottom-up."""

    def __init__(self) -> None:
        super().__init__()
        self._stmt_fns: dict[type, Callable[[Any], S.Stmt]] = {
            cls: getattr(self, name) for cls, name in _STMT_METHODS.items()
        }

    def stmt(self, s: S.Stmt) -> S.Stmt:
        """The rewritten ``s``."""
        fn = self._stmt_fns.get(type(s))
        if fn is None:
            raise TypeError(f"cannot rewrite a {type(s).__name__} statement")
        return fn(s)

    def visit_buffer_store(self, s: S.BufferStore) -> S.Stmt:
        value = self.expr(s.value)
        indices = tuple(self.expr(i) for i in s.indices)
        pred = None if s.predicate is None else self.expr(s.predicate)
        same = all(a is b for a, b in zip(indices, s.indices, strict=True))
        if same and value is s.value and pred is s.predicate:
            return s
        return S.BufferStore(s.buffer, value, indices, pred)

    def visit_evaluate(self, s: S.Evaluate) -> S.Stmt:
        v = self.expr(s.value)
        return s if v is s.value else S.Evaluate(v)

    def visit_bind(self, s: S.Bind) -> S.Stmt:
        v = self.expr(s.value)
        return s if v is s.value else S.Bind(s.var, v)

    def visit_attr(self, s: S.AttrStmt) -> S.Stmt:
        value = self.expr(s.value)
        body = self.stmt(s.body)
        if value is s.value and body is s.body:
            return s
        return S.AttrStmt(s.node, s.attr_key, value, body)

    def visit_assert(self, s: S.AssertStmt) -> S.Stmt:
        c = self.expr(s.condition)
        return s if c is s.condition else S.AssertStmt(c, s.error_kind, s.message_parts)

    def visit_for(self, s: S.For) -> S.Stmt:
        lo, ext = self.expr(s.min), self.expr(s.extent)
        body = self.stmt(s.body)
        if lo is s.min and ext is s.extent and body is s.body:
            return s
        return S.For(s.loop_var, lo, ext, s.kind, body, s.thread_binding, s.annotations, s.step)

    def visit_while(self, s: S.While) -> S.Stmt:
        c, body = self.expr(s.condition), self.stmt(s.body)
        if c is s.condition and body is s.body:
            return s
        return S.While(c, body)

    def visit_jump(self, s: S.Stmt) -> S.Stmt:
        return s

    def visit_if(self, s: S.IfThenElse) -> S.Stmt:
        c = self.expr(s.condition)
        then = self.stmt(s.then_case)
        other = None if s.else_case is None else self.stmt(s.else_case)
        if c is s.condition and then is s.then_case and other is s.else_case:
            return s
        return S.IfThenElse(c, then, other)

    def visit_seq(self, s: S.SeqStmt) -> S.Stmt:
        items = tuple(self.stmt(x) for x in s.seq)
        if all(a is b for a, b in zip(items, s.seq, strict=True)):
            return s
        return S.SeqStmt(items)

    def visit_alloc_buffer(self, s: S.AllocBuffer) -> S.Stmt:
        return s

    def visit_decl_buffer(self, s: S.DeclBuffer) -> S.Stmt:
        return s

    def visit_sblock(self, s: S.SBlock) -> S.Stmt:
        body = self.stmt(s.body)
        init = None if s.init is None else self.stmt(s.init)
        if body is s.body and init is s.init:
            return s
        return S.SBlock(
            s.iter_vars,
            s.reads,
            s.writes,
            s.name_hint,
            body,
            init,
            s.alloc_buffers,
            s.match_buffers,
            s.annotations,
        )

    def visit_sblock_realize(self, s: S.SBlockRealize) -> S.Stmt:
        values = tuple(self.expr(v) for v in s.iter_values)
        pred = self.expr(s.predicate)
        block = self.stmt(s.block)
        same = all(a is b for a, b in zip(values, s.iter_values, strict=True))
        if same and pred is s.predicate and block is s.block:
            return s
        assert isinstance(block, S.SBlock)
        return S.SBlockRealize(values, pred, block)


def walk(node: object, fn: Callable[[object], None]) -> None:
    """Call ``fn`` on ``node`` and every expression, statement and buffer below it, pre-order."""
    stack: list[object] = [node]
    while stack:
        n = stack.pop()
        fn(n)
        stack.extend(reversed(children(n)))


def children(n: object) -> list[object]:
    """The direct IR children of ``n`` (expressions, statements, buffers) in field order."""
    if isinstance(n, _LEAVES):
        return []
    if isinstance(n, E.BinaryOp | E.CmpOp):
        return [n.a, n.b]
    fn = _CHILDREN.get(type(n))
    return [] if fn is None else fn(n)


def _opt(*items: object) -> list[object]:
    return [i for i in items if i is not None]


_CHILDREN: Final[Mapping[type, Callable[[Any], list[object]]]] = {
    E.Cast: lambda e: [e.value],
    E.Not: lambda e: [e.a],
    E.Select: lambda e: [e.condition, e.true_value, e.false_value],
    E.BufferLoad: lambda e: [e.buffer, *e.indices, *_opt(e.predicate)],
    E.Ramp: lambda e: [e.base, e.stride],
    E.Broadcast: lambda e: [e.value],
    E.Shuffle: lambda e: [*e.vectors],
    E.Let: lambda e: [e.var, e.value, e.body],
    E.Call: lambda e: [a for a in e.args if isinstance(a, E.PrimExpr | Buffer)],
    S.BufferStore: lambda s: [s.buffer, s.value, *s.indices, *_opt(s.predicate)],
    S.Evaluate: lambda s: [s.value],
    S.Bind: lambda s: [s.var, s.value],
    S.AttrStmt: lambda s: [s.value, s.body],
    S.AssertStmt: lambda s: [s.condition],
    S.For: lambda s: [s.loop_var, s.min, s.extent, s.body],
    S.While: lambda s: [s.condition, s.body],
    S.IfThenElse: lambda s: _opt(s.condition, s.then_case, s.else_case),
    S.SeqStmt: lambda s: [*s.seq],
    S.AllocBuffer: lambda s: [s.buffer],
    S.DeclBuffer: lambda s: [s.buffer],
    S.SBlock: lambda s: _opt(s.init, s.body),
    S.SBlockRealize: lambda s: [*s.iter_values, s.predicate, s.block],
}


class Substituter(StmtMutator):
    """Replaces variables by expressions (``vmap``); buffers through ``bmap``."""

    def __init__(
        self, vmap: Mapping[E.Var, E.PrimExpr], bmap: Mapping[Buffer, Buffer] | None = None
    ) -> None:
        super().__init__()
        self.vmap = vmap
        self.bmap = bmap or {}

    def visit_var(self, e: E.Var) -> E.PrimExpr:
        return self.vmap.get(e, e)

    def visit_buffer_load(self, e: E.BufferLoad) -> E.PrimExpr:
        new = super().visit_buffer_load(e)
        assert isinstance(new, E.BufferLoad)
        if (buf := self.bmap.get(new.buffer)) is None:
            return new
        return E.BufferLoad(buf, new.indices, new.predicate)

    def visit_buffer_store(self, s: S.BufferStore) -> S.Stmt:
        new = super().visit_buffer_store(s)
        assert isinstance(new, S.BufferStore)
        if (buf := self.bmap.get(new.buffer)) is None:
            return new
        return S.BufferStore(buf, new.value, new.indices, new.predicate)


def substitute_expr(e: E.PrimExpr, vmap: Mapping[E.Var, E.PrimExpr]) -> E.PrimExpr:
    """``e`` with each variable of ``vmap`` replaced."""
    if not vmap:
        return e
    return Substituter(vmap).expr(e)


def substitute(s: S.Stmt, vmap: Mapping[E.Var, E.PrimExpr]) -> S.Stmt:
    """``s`` with each variable of ``vmap`` replaced."""
    if not vmap:
        return s
    return Substituter(vmap).stmt(s)


def uses_var(node: object, var: E.Var) -> bool:
    """Whether ``var`` occurs in ``node``."""
    found = False

    def check(n: object) -> None:
        nonlocal found
        if n is var:
            found = True

    walk(node, check)
    return found
