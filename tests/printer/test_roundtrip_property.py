"""Property: random TIR built directly (no folding) prints to text that parses back to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tvmscript
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.buffer import make_buffer
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.op import call_intrin
from tvmscript.core.tir.stmt import Bind, BufferStore, For, ForKind, IfThenElse, SeqStmt, Stmt

INTS: Final = ("int32", "int64")
Draw = Callable[[st.SearchStrategy[Any]], Any]


class Env:
    """The function's parameters and buffers, and the variables in scope while drawing."""

    def __init__(self) -> None:
        self.n = E.Var("n", "int32")
        self.m = E.Var("m", "int64")
        self.f = E.Var("f", "float32")
        self.a_handle = E.Var("A", "handle")
        self.b_handle = E.Var("B", "handle")
        self.a = make_buffer("A", (E.IntImm("int32", 16),), "float32", data=None)
        self.b = make_buffer("B", (E.IntImm("int32", 16),), "int32", data=None)
        self.scope: dict[str, list[E.Var]] = {
            "int32": [self.n],
            "int64": [self.m],
            "float32": [self.f],
        }


def _const(draw: Draw, dtype: str) -> E.PrimExpr:
    if dtype == "float32":
        return E.FloatImm(dtype, draw(st.sampled_from([0.0, 0.5, 1.0, 2.0, -3.25, 1e-5])))
    if dtype == "bool":
        return E.IntImm(dtype, draw(st.integers(0, 1)))
    return E.IntImm(dtype, draw(st.integers(-4, 40)))


def _leaf(draw: Draw, env: Env, dtype: str) -> E.PrimExpr:
    choices = ["const"]
    if dtype in env.scope:
        choices.append("var")
    if dtype in ("float32", "int32"):
        choices.append("load")
    kind = draw(st.sampled_from(choices))
    if kind == "var":
        return draw(st.sampled_from(env.scope[dtype]))  # type: ignore[no-any-return]
    if kind == "load":
        buffer = env.a if dtype == "float32" else env.b
        return E.BufferLoad(buffer, (_expr(draw, env, "int32", 1),))
    return _const(draw, dtype)


_INT_OPS: Final = (E.Add, E.Sub, E.Mul, E.FloorDiv, E.FloorMod, E.Min, E.Max)
_FLOAT_OPS: Final = (E.Add, E.Sub, E.Mul, E.Div, E.Min, E.Max)
_CMP_OPS: Final = (E.LT, E.LE, E.EQ, E.NE, E.GT, E.GE)


def _expr(draw: Draw, env: Env, dtype: str, depth: int) -> E.PrimExpr:
    if depth <= 0 or draw(st.integers(0, 3)) == 0:
        return _leaf(draw, env, dtype)
    sub = depth - 1
    form = draw(st.sampled_from(["binary", "select", "cast", "call"]))
    if form == "select":
        cond = _expr(draw, env, "bool", sub)
        a, b = _expr(draw, env, dtype, sub), _expr(draw, env, dtype, sub)
        return E.Select(cond, a, b, dtype)
    if form == "cast" and dtype != "bool":
        other = draw(st.sampled_from([t for t in ("int32", "int64", "float32") if t != dtype]))
        return E.Cast(dtype, _expr(draw, env, other, sub))
    if form == "call" and dtype == "float32":
        # Not `tir.fabs`: `T.fabs` folds a constant argument (TVM's too), as text means.
        name = draw(st.sampled_from(["tir.exp", "tir.sqrt", "tir.log"]))
        return call_intrin(dtype, name, _expr(draw, env, dtype, sub))
    return _binary(draw, env, dtype, sub)


def _binary(draw: Draw, env: Env, dtype: str, sub: int) -> E.PrimExpr:
    if dtype == "bool":
        kind = draw(st.sampled_from(["cmp", "and", "or", "not"]))
        if kind == "not":
            return E.Not(_expr(draw, env, "bool", sub))
        if kind in ("and", "or"):
            node = E.And if kind == "and" else E.Or
            return node(_expr(draw, env, "bool", sub), _expr(draw, env, "bool", sub))
        operand = draw(st.sampled_from(["int32", "int64", "float32"]))
        cmp = draw(st.sampled_from(_CMP_OPS))
        return cmp(_expr(draw, env, operand, sub), _expr(draw, env, operand, sub))  # type: ignore[no-any-return]
    op = draw(st.sampled_from(_FLOAT_OPS if dtype == "float32" else _INT_OPS))
    a = _expr(draw, env, dtype, sub)
    b = _expr(draw, env, dtype, sub)
    divides = op in (E.FloorDiv, E.FloorMod, E.Div)
    if divides and isinstance(b, E.IntImm | E.FloatImm) and b.value == 0:  # no `x // 0`
        b = E.FloatImm(dtype, 2.0) if dtype == "float32" else E.IntImm(dtype, 3)
    return op(a, b)  # type: ignore[no-any-return]


def _stmt(draw: Draw, env: Env, depth: int) -> Stmt:
    form = draw(st.sampled_from(["store", "store", "for", "if", "seq", "bind"]))
    if depth <= 0 or form == "store":
        if draw(st.booleans()):
            return BufferStore(env.a, _expr(draw, env, "float32", 3), (_index(draw, env),))
        return BufferStore(env.b, _expr(draw, env, "int32", 3), (_index(draw, env),))
    if form == "for":
        return _for(draw, env, depth)
    if form == "if":
        cond = _expr(draw, env, "bool", 2)
        then = _stmt(draw, env, depth - 1)
        other = _stmt(draw, env, depth - 1) if draw(st.booleans()) else None
        return IfThenElse(cond, then, other)
    if form == "bind":
        dtype = draw(st.sampled_from(["int32", "float32"]))
        var = E.Var(f"x{len(env.scope[dtype])}", dtype)
        bind = Bind(var, _expr(draw, env, dtype, 2))
        env.scope[dtype].append(var)
        rest = _stmt(draw, env, depth - 1)
        env.scope[dtype].pop()
        return _seq(bind, rest)
    first = _stmt(draw, env, depth - 1)
    return _seq(first, _stmt(draw, env, depth - 1))


def _seq(*stmts: Stmt) -> SeqStmt:
    """A flat sequence (a builder never nests one in another)."""
    flat: list[Stmt] = []
    for s in stmts:
        flat.extend(s.seq if isinstance(s, SeqStmt) else (s,))
    return SeqStmt(tuple(flat))


def _index(draw: Draw, env: Env) -> E.PrimExpr:
    return _expr(draw, env, "int32", 2)


def _for(draw: Draw, env: Env, depth: int) -> For:
    kind = draw(st.sampled_from([ForKind.SERIAL, ForKind.PARALLEL, ForKind.VECTORIZED,
                                 ForKind.UNROLLED]))  # fmt: skip
    var = E.Var(f"i{len(env.scope['int32'])}", "int32")
    start = E.IntImm("int32", draw(st.sampled_from([0, 0, 2])))
    extents = [E.IntImm("int32", 4), E.IntImm("int32", 16)]
    if start.value == 0:  # `range(2, 2 + n)` reads back as extent `2 + n - 2` (as in TVM)
        extents.append(env.n)
    extent = draw(st.sampled_from(extents))
    env.scope["int32"].append(var)
    body = _stmt(draw, env, depth - 1)
    env.scope["int32"].pop()
    return For(var, start, extent, kind, body)


@st.composite
def prim_funcs(draw: Draw) -> PrimFunc:
    """A PrimFunc ``main(A, B, n, m, f)`` with a random body."""
    env = Env()
    body = _stmt(draw, env, 3)
    params = (env.a_handle, env.b_handle, env.n, env.m, env.f)
    buffers = {env.a_handle: env.a, env.b_handle: env.b}
    return PrimFunc(params, body, buffers, attrs={"global_symbol": "main"})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prim_funcs())
def test_printed_random_tir_parses_back_to_the_same_ir(func: PrimFunc) -> None:
    text = func.script()
    again = tvmscript.from_source(text)
    tvmscript.ir.assert_structural_equal(again, func)
