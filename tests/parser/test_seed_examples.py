"""The hand-written TIR examples of the TVMScript architecture seed parse cleanly."""

from __future__ import annotations

import pytest
from conftest import script

import tvmscript
from tvmscript.core.ir.module import IRModule
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.expr import Var
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.stmt import For, ForKind

HEADER = "from tvm.script import ir as I\nfrom tvm.script import tirx as T\n"

SEED_EXAMPLES = {
    "module_with_add_kernel": """
        @I.ir_module
        class MyModule:
            @T.prim_func
            def add_kernel(A: T.Buffer((128,), "float32"),
                           B: T.Buffer((128,), "float32"),
                           C: T.Buffer((128,), "float32")):
                for i in range(128):
                    with T.sblock("compute"):
                        vi = T.axis.spatial(128, i)
                        C[vi] = A[vi] + B[vi]
    """,
    "handles_and_match_buffer": """
        @T.prim_func
        def func_name(a: T.handle, b: T.handle):
            A = T.match_buffer(a, (m, n), "float32")
            B = T.match_buffer(b, (m,), "float32")
            for i in range(m):
                B[i] = A[i, 0]
    """,
    "block_and_axes": """
        @T.prim_func(s_tir=True)
        def f(A: T.Buffer((128, 128), "float32"), B: T.Buffer((128,), "float32")):
            for i, j in T.grid(128, 128):
                with T.sblock("block_name"):
                    vi = T.axis.spatial(128, i)
                    vj = T.axis.reduce(128, j)
                    T.reads(A[vi, vj])
                    T.writes(B[vi])
                    with T.init():
                        B[vi] = T.float32(0)
                    B[vi] = B[vi] + A[vi, vj]
    """,
    "axis_remap": """
        @T.prim_func(s_tir=True)
        def f(A: T.Buffer((128, 128), "float32"), B: T.Buffer((128,), "float32")):
            for i, j in T.grid(128, 128):
                with T.sblock("block_name"):
                    vi, vj = T.axis.remap("SR", [i, j])
                    with T.init():
                        B[vi] = T.float32(0)
                    B[vi] = B[vi] + A[vi, vj]
    """,
    "loop_types": """
        @T.prim_func
        def f(A: T.Buffer((128,), "float32")):
            for i in T.serial(0, 128):
                A[i] = T.float32(0)
            for i in T.parallel(0, 128):
                A[i] = T.float32(1)
            for i in T.vectorized(0, 128):
                A[i] = T.float32(2)
            for i in T.unroll(0, 128):
                A[i] = T.float32(3)
            for i in T.thread_binding(0, 128, thread="threadIdx.x"):
                A[i] = T.float32(4)
    """,
    "buffer_operations": """
        @T.prim_func
        def f(A: T.Buffer((128, 128), "float32"), B: T.Buffer((128,), "float32")):
            C = T.alloc_buffer((128, 128), "float32")
            for i, j in T.grid(128, 128):
                val = A[i, j]
                C[i, j] = val
                B[i] = val + 1.0
    """,
    "common_intrinsics": """
        @T.prim_func
        def f(x: T.Buffer((4,), "float32"), y: T.Buffer((4,), "float16")):
            x[0] = T.exp(x[0]) + T.log(x[1]) + T.sqrt(x[2]) + T.tanh(x[3])
            y[0] = T.cast(x[0], "float16")
            x[1] = T.if_then_else(x[0] > T.float32(0), x[0], T.float32(0))
            x[2] = T.min(x[1], x[2]) + T.max(x[1], x[2])
            T.call_extern("int32", "func_name", x[0])
            T.call_packed("func_name", x[1])
            T.tvm_storage_sync("shared")
    """,
}


@pytest.mark.parametrize("name", sorted(SEED_EXAMPLES))
def test_seed_example_parses_clean(name: str) -> None:
    text = HEADER + script(SEED_EXAMPLES[name])
    # The seed predates TVM 0.27's s_tir=True: only that warning, never an error.
    codes = {d.code for d in tvmscript.check_source(text)}
    assert codes <= {"missing-s-tir"}
    assert isinstance(tvmscript.from_source(text), PrimFunc | IRModule)


def test_missing_match_buffer_sizes_become_int32_variables() -> None:
    func = tvmscript.from_source(HEADER + script(SEED_EXAMPLES["handles_and_match_buffer"]))
    assert isinstance(func, PrimFunc)
    a = func.buffer_map[func.params[0]]
    b = func.buffer_map[func.params[1]]
    assert isinstance(a, Buffer)
    assert isinstance(b, Buffer)
    m, n = a.shape
    assert isinstance(m, Var)
    assert isinstance(n, Var)
    assert (m.name, m.dtype, n.name) == ("m", "int32", "n")
    assert b.shape[0] is m


def test_loop_kinds_follow_the_loop_constructors() -> None:
    func = tvmscript.from_source(HEADER + script(SEED_EXAMPLES["loop_types"]))
    kinds = [s.kind for s in func.body.seq if isinstance(s, For)]  # type: ignore[union-attr]
    assert kinds == [
        ForKind.SERIAL,
        ForKind.PARALLEL,
        ForKind.VECTORIZED,
        ForKind.UNROLLED,
        ForKind.THREAD_BINDING,
    ]


def test_t_block_is_read_as_t_sblock() -> None:
    text = HEADER + script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            for i in range(4):
                with T.block("b"):
                    vi = T.axis.S(4, i)
                    A[vi] = T.float32(0)
    """)
    found = {(d.code, d.severity) for d in tvmscript.check_source(text)}
    assert found == {("missing-s-tir", "warning"), ("tvm027-spelling", "hint")}
    loop = tvmscript.from_source(text).body
    assert isinstance(loop, For)
    assert type(loop.body).__name__ == "SBlockRealize"
