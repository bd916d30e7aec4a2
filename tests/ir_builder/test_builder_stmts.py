from __future__ import annotations

from typing import Any

import pytest

from tvmscript.core.tir import expr as E
from tvmscript.core.tir import stmt as S
from tvmscript.script.ir_builder import IRBuilder
from tvmscript.script.ir_builder import tir as T
from tvmscript.script.ir_builder.base import BuilderError


def _body(build: Any) -> S.Stmt:
    with IRBuilder() as b, T.prim_func():
        build()
    body: S.Stmt = b.get().body
    return body


def test_grid_nests_loops_and_returns_vars() -> None:
    seen: list[Any] = []

    def build() -> None:
        with T.grid(2, (1, 3), T.int64(4)) as loop_vars:
            seen.extend(loop_vars)
            T.evaluate(0)

    outer = _body(build)
    assert isinstance(outer, S.For)
    middle = outer.body
    assert isinstance(middle, S.For)
    inner = middle.body
    assert isinstance(inner, S.For)
    assert [outer.loop_var, middle.loop_var, inner.loop_var] == seen
    assert (int(middle.min), int(middle.extent)) == (1, 3)  # type: ignore[call-overload]
    assert inner.loop_var.dtype == "int64"


def test_serial_with_start_stop_step() -> None:
    def build() -> None:
        with T.serial(2, 10, step=2, annotations={"a": 1}):
            T.evaluate(0)

    loop = _body(build)
    assert isinstance(loop, S.For)
    assert (int(loop.min), int(loop.extent)) == (2, 8)  # type: ignore[call-overload]
    assert isinstance(loop.step, E.IntImm)
    assert loop.annotations == {"a": 1}


def test_loop_kinds() -> None:
    for make, kind in (
        (T.parallel, S.ForKind.PARALLEL),
        (T.vectorized, S.ForKind.VECTORIZED),
        (T.unroll, S.ForKind.UNROLLED),
    ):

        def build(make: Any = make) -> None:
            with make(4):
                T.evaluate(0)

        loop = _body(build)
        assert isinstance(loop, S.For)
        assert loop.kind is kind


def test_thread_binding_loop_has_iter_var() -> None:
    def build() -> None:
        with T.thread_binding(32, thread="threadIdx.x"):
            T.evaluate(0)

    loop = _body(build)
    assert isinstance(loop, S.For)
    assert loop.kind is S.ForKind.THREAD_BINDING
    assert loop.thread_binding is not None
    assert loop.thread_binding.thread_tag == "threadIdx.x"


def test_if_then_else_frames() -> None:
    def build() -> None:
        n = T.int32()
        with T.If(n < 2):
            with T.Then():
                T.evaluate(1)
            with T.Else():
                T.evaluate(2)

    stmt = _body(build)
    assert isinstance(stmt, S.IfThenElse)
    assert isinstance(stmt.else_case, S.Evaluate)


def test_statement_in_if_without_branch_is_an_error() -> None:
    cond = T.bool(True)
    with pytest.raises(BuilderError, match="Then"), IRBuilder(), T.prim_func(), T.If(cond):
        T.evaluate(0)


def test_bind_assert_alloc_are_flat() -> None:
    def build() -> None:
        v = T.Bind(T.int32(3))
        T.Assert(v < 4, "too big")
        buf = T.alloc_buffer((4,), "int8", scope="shared", annotations={"x": 1})
        T.decl_buffer((2, 2), "int8", data=buf.data)
        T.buffer_store(buf, v, [0])

    seq = _body(build)
    assert isinstance(seq, S.SeqStmt)
    kinds = [type(s).__name__ for s in seq.seq]
    assert kinds == ["Bind", "AssertStmt", "AllocBuffer", "DeclBuffer", "BufferStore"]
    bind, check, alloc = seq.seq[0], seq.seq[1], seq.seq[2]
    assert isinstance(bind, S.Bind)
    assert bind.var.dtype == "int32"
    assert isinstance(check, S.AssertStmt)
    assert check.message_parts == ("too big",)
    assert isinstance(alloc, S.AllocBuffer)
    assert alloc.buffer.scope == "shared"
    assert alloc.annotations["x"].dtype == "int32"


def test_vector_store_slice_becomes_ramp() -> None:
    def build() -> None:
        buf = T.alloc_buffer((16,))
        T.buffer_store(buf, T.float32x4(1), [slice(0, 4)])

    seq = _body(build)
    assert isinstance(seq, S.SeqStmt)
    store = seq.seq[1]
    assert isinstance(store, S.BufferStore)
    [index] = store.indices
    assert isinstance(index, E.Ramp)
    assert index.lanes == 4
    assert isinstance(store.value, E.Broadcast)


def test_launch_thread_is_thread_extent_attr() -> None:
    got: list[Any] = []

    def build() -> None:
        with T.launch_thread("threadIdx.x", 64) as tx:
            got.append(tx)
            T.evaluate(tx)

    stmt = _body(build)
    assert isinstance(stmt, S.AttrStmt)
    assert stmt.attr_key == "thread_extent"
    assert isinstance(stmt.node, E.IterVar)
    assert stmt.node.var is got[0]
    assert stmt.node.thread_tag == "threadIdx.x"


def test_env_thread_then_launch() -> None:
    def build() -> None:
        bx = T.env_thread("blockIdx.x")
        with T.launch_thread(bx, 4):
            T.evaluate(bx)

    stmt = _body(build)
    assert isinstance(stmt, S.AttrStmt)
    assert stmt.node.thread_tag == "blockIdx.x"


def test_attr_and_while_and_break() -> None:
    def build() -> None:
        reducer = T.comm_reducer(lambda x, y: x + y, [T.float32(0)])
        with T.attr(reducer, "reduce_scope", 0), T.While(T.bool(True)):
            T.Break()

    stmt = _body(build)
    assert isinstance(stmt, S.AttrStmt)
    assert isinstance(stmt.node, E.CommReducer)
    assert isinstance(stmt.body, S.While)
    assert isinstance(stmt.body.body, S.Break)


def test_buffer_view_declares_buffer_over_same_data() -> None:
    def build() -> None:
        a = T.alloc_buffer((4, 8))
        v = T.view(a, 32)  # the script method `a.view(32)`
        T.buffer_store(v, 1.0, [3])

    seq = _body(build)
    assert isinstance(seq, S.SeqStmt)
    alloc, decl = seq.seq[0], seq.seq[1]
    assert isinstance(alloc, S.AllocBuffer)
    assert isinstance(decl, S.DeclBuffer)
    assert decl.buffer.data is alloc.buffer.data
    assert [int(d) for d in decl.buffer.shape] == [32]  # type: ignore[call-overload]


@pytest.mark.parametrize(("value", "kept"), [(0, False), (1, True)])
def test_only_a_constant_zero_evaluate_is_dropped_among_statements(value: int, kept: bool) -> None:
    # As TVM 0.27's SeqStmt flattening: `T.evaluate(0)` is a no-op, `T.evaluate(1)` is not.
    import tvmscript

    func = tvmscript.from_source(f"""
from tvmscript import tir as T
@T.prim_func
def f(A: T.Buffer((4,), "float32")):
    T.evaluate({value})
    A[0] = T.float32(0)
""")
    assert (f"T.evaluate({value})" in func.script()) == kept
