"""Build-time warnings: what parses but TVM's llvm build rejects (rules checked with TVM 0.27)."""

from __future__ import annotations

import pytest
from conftest import CorpusProgram, corpus_rows, script

import tvmscript
from tvmscript.analysis import build_diagnostics, build_issues

GPU_REASON = "GPU thread bindings"


def warnings_of(text: str) -> list[tuple[str, int, int, int]]:
    """``(code, line, column, end_column)`` of each build warning of ``text``."""
    found = build_diagnostics(tvmscript.from_source(text), text, "k.py")
    assert all(d.severity == "warning" and d.file == "k.py" for d in found)
    return [(d.code, d.line, d.column, d.end_column) for d in found]


def test_symbolic_variable_bound_by_nothing() -> None:
    text = script("""
        from tvm.script import tirx as T
        @T.prim_func
        def f(A: T.Buffer((8,), "float32")):
            n = T.int32()
            for i in range(n):
                A[0] = A[0] + T.float32(1)
    """)
    assert warnings_of(text) == [("build-unbound-var", 6, 20, 21)]
    [issue] = build_issues(tvmscript.from_source(text))
    assert issue.message.startswith("variable 'n' is used but bound by no parameter")


def test_an_expression_dimension_does_not_bind_its_variable() -> None:
    text = script("""
        from tvm.script import tirx as T
        @T.prim_func
        def f(a: T.handle):
            n = T.int32()
            A = T.match_buffer(a, (n * 2,), "float32")
            for i in range(n):
                A[i] = T.float32(1)
    """)
    assert [w[0] for w in warnings_of(text)] == ["build-unbound-var"]


@pytest.mark.parametrize(
    "binding",
    [
        "A = T.match_buffer(a, (n,), 'float32')",
        "A = T.match_buffer(a, (8,), 'float32', strides=(n,))",
        "A = T.match_buffer(a, (8,), 'float32', elem_offset=n)",
    ],
)
def test_bare_variables_of_a_matched_buffer_are_bound(binding: str) -> None:
    text = script(f"""
        from tvm.script import tirx as T
        @T.prim_func
        def f(a: T.handle):
            n = T.int32()
            {binding}
            for i in range(8):
                A[i] = T.float32(n)
    """)
    assert warnings_of(text) == []


def test_allocation_with_an_unbound_extent_and_declaration_over_an_unbound_pointer() -> None:
    text = script("""
        from tvm.script import tirx as T
        @T.prim_func
        def f(A: T.Buffer((8,), "float32")):
            n = T.int32()
            p = T.handle("float32")
            S = T.alloc_buffer((n,), "float32")
            B = T.decl_buffer((8,), "float32", data=p)
            for i in range(8):
                S[i] = A[i] + B[i]
    """)
    assert [w[0] for w in warnings_of(text)] == ["build-unbound-var"] * 2


@pytest.mark.parametrize("tag", ["threadIdx.x", "blockIdx.y"])
def test_gpu_thread_binding_on_the_cpu_target(tag: str) -> None:
    text = script(f"""
        from tvm.script import tirx as T
        @T.prim_func
        def f(A: T.Buffer((8,), "float32")):
            for i in T.thread_binding(8, thread="{tag}"):
                A[i] = T.float32(1)
    """)
    col = text.splitlines()[4].index(tag) + 1
    assert warnings_of(text) == [("build-thread-binding", 5, col, col + len(tag))]


def test_what_builds_gets_no_warning() -> None:
    text = script("""
        from tvm.script import tirx as T
        @T.prim_func
        def f(a: T.handle, B: T.Buffer((8,), "float32"), n: T.int32):
            S = T.alloc_buffer((8,), "float32", scope="shared")
            for i in T.thread_binding(8, thread="vthread"):
                S[i] = T.float32(n)
            for i in range(8):
                B[i] = S[i]
    """)
    assert warnings_of(text) == []


TIR = [p for p in corpus_rows("tir") if "@T.prim_func" in p.text]


@pytest.mark.slow
@pytest.mark.parametrize("program", TIR, ids=[p.id for p in TIR])
def test_corpus_programs_built_by_tvm_get_no_build_warning(program: CorpusProgram) -> None:
    ir = tvmscript.from_source(program.text, extra_vars=program.meta_extra_vars())
    codes = {d.code for d in build_diagnostics(ir, program.text)}
    reason = program.row.get("not_runnable_reason") or ""
    if program.row["runnable"]:
        assert codes == set()  # TVM built and ran it on llvm
    elif reason.startswith(GPU_REASON):
        assert codes == {"build-thread-binding"}
    else:
        assert "build-unbound-var" not in codes
