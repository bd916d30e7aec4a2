"""Build-time warnings: what parses but TVM's llvm build rejects (rules checked with TVM 0.27)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CorpusProgram, corpus_rows, script

import tvmscript
from tvmscript.analysis import build_diagnostics, build_issues
from tvmscript.analysis.build_check import project_target

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
            T.func_attr({{"target": T.target("llvm")}})
            for i in T.thread_binding(8, thread="{tag}"):
                A[i] = T.float32(1)
    """)
    col = text.splitlines()[5].index(tag) + 1
    assert warnings_of(text) == [("build-thread-binding", 6, col, col + len(tag))]


GPU_KERNEL = """
    from tvm.script import tirx as T
    @T.prim_func
    def f(A: T.Buffer((4096,), "float32")):
        for b in T.thread_binding(4, thread="blockIdx.x"):
            for t in T.thread_binding({threads}, thread="threadIdx.x"):
                A[b * 1024 + t] = T.float32(1)
"""


def test_a_gpu_kernel_naming_no_target_gets_no_cpu_build_warning() -> None:
    assert warnings_of(script(GPU_KERNEL.format(threads=256))) == []


def test_the_project_target_decides_for_functions_naming_none(tmp_path: Path) -> None:
    text = script(GPU_KERNEL.format(threads=256))
    kernel = tmp_path / "pkg" / "sub" / "k.py"
    kernel.parent.mkdir(parents=True)
    kernel.write_text(text)
    (tmp_path / "pkg" / "pyproject.toml").write_text('[tool.tvmscript]\ntarget = "llvm"\n')
    ir = tvmscript.from_source(text)
    assert [d.code for d in build_diagnostics(ir, text, str(kernel))] == ["build-thread-binding"]
    assert project_target(str(kernel)) is not None
    # The nearest pyproject.toml with a [tool.tvmscript] table wins; one without is skipped.
    (tmp_path / "pkg" / "sub" / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / "pkg" / "sub" / "pyproject.toml").write_text(
        '[tool.tvmscript]\ntarget = { kind = "metal" }\n'
    )
    found = project_target(str(kernel))
    assert found is not None
    assert found.kind == "metal"
    assert build_diagnostics(ir, text, str(kernel)) == []
    assert project_target("<string>") is None


def test_a_kernel_over_the_thread_limit_gets_a_warning_naming_the_limit() -> None:
    text = script(GPU_KERNEL.format(threads=2048))
    [issue] = build_issues(tvmscript.from_source(text))
    assert issue.code == "gpu-thread-limit"
    assert "2048 threads per block" in issue.message
    assert "cuda target's limit of 1024 (max_num_threads)" in issue.message
    assert "cuda assumed" in issue.message
    col = text.splitlines()[5].index("threadIdx.x") + 1
    assert warnings_of(text) == [("gpu-thread-limit", 6, col, col + len("threadIdx.x"))]


def test_the_thread_limit_is_the_targets() -> None:
    text = script(GPU_KERNEL.format(threads=512))
    ir = tvmscript.from_source(text)
    assert build_issues(ir) == []
    [issue] = build_issues(ir, {"kind": "metal"})
    assert "metal target's limit of 256" in issue.message
    assert build_issues(ir, T_target({"kind": "cuda", "max_num_threads": 2048})) == []


def T_target(config: dict[str, object]) -> object:
    from tvmscript import tir as T

    return T.target(config)


def test_thread_dimensions_multiply_and_have_their_own_limits() -> None:
    text = script("""
        from tvm.script import tirx as T
        @T.prim_func
        def f(A: T.Buffer((4096,), "float32")):
            T.func_attr({"target": T.target("cuda")})
            for z in T.thread_binding(128, thread="threadIdx.z"):
                for x in T.thread_binding(16, thread="threadIdx.x"):
                    A[z * 16 + x] = T.float32(1)
    """)
    issues = build_issues(tvmscript.from_source(text))
    assert sorted(i.code for i in issues) == ["gpu-thread-limit", "gpu-thread-limit"]
    messages = " | ".join(i.message for i in issues)
    assert "'threadIdx.z' has extent 128, over the cuda target's limit of 64" in messages
    assert "2048 threads per block" in messages
    assert "assumed" not in messages  # the function names its target


def test_shared_memory_over_the_budget() -> None:
    text = script("""
        from tvm.script import tirx as T
        @T.prim_func
        def f(A: T.Buffer((16384,), "float32")):
            S = T.alloc_buffer((16384,), "float32", scope="shared")
            for t in T.thread_binding(128, thread="threadIdx.x"):
                S[t] = A[t]
                A[t] = S[t + 1]
    """)
    [issue] = build_issues(tvmscript.from_source(text))
    assert (issue.code, issue.name) == ("gpu-shared-memory", "S")
    assert "65536 bytes of shared memory per block" in issue.message
    assert "49152 (max_shared_memory_per_block)" in issue.message


def test_a_thread_launched_with_two_extents_in_one_kernel() -> None:
    text = script("""
        from tvm.script import tirx as T
        @T.prim_func
        def f(A: T.Buffer((128,), "float32")):
            tx = T.launch_thread("threadIdx.x", 32)
            A[tx] = T.float32(0)
            tx2 = T.launch_thread("threadIdx.x", 64)
            A[tx2 + 64] = T.float32(1)
    """)
    assert [w[:2] for w in warnings_of(text)] == [("gpu-thread-extent-conflict", 7)]


def test_a_scope_id_outside_the_device_entry() -> None:
    text = script("""
        from tvm.script import tirx as T
        @T.prim_func
        def f(A: T.Buffer((32,), "int32")):
            bx = T.cta_id([1])
            tx = T.thread_id([32])
            A[tx] = bx
    """)
    assert [w[:3] for w in warnings_of(text)] == [("gpu-thread-outside-kernel", 5, 5)]
    inside = text.replace("    bx = T.cta_id", "    T.device_entry()\n    bx = T.cta_id")
    assert warnings_of(inside) == []


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
        assert codes == set()  # a GPU kernel: no CPU-build warning, within the CUDA limits
    else:
        assert "build-unbound-var" not in codes
