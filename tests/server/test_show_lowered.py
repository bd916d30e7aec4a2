"""``tvmscript.showLoweredTIR`` and ``tvmscript.showLLVM``: the functions, then over real stdio."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from tvmscript.analysis import analyse_source
from tvmscript_server import show_lowered
from tvmscript_server.show_ir import ShowIRError
from tvmscript_server.show_lowered import show_llvm, show_lowered_tir

from .lsp_helpers import open_document, source

SCALE = source("""
    from tvm.script import tirx as T

    @T.prim_func
    def scale(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32")):
        for i in range(8):
            with T.sblock("B"):
                vi = T.axis.spatial(8, i)
                B[vi] = A[vi] * T.float32(2)
""")

TWO = source("""
    from tvm.script import ir as I
    from tvm.script import tirx as T

    @I.ir_module
    class Mod:
        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            for i in range(4):
                A[i] = T.float32(1)

        @T.prim_func
        def g(B: T.Buffer((4,), "int32")):
            for j in range(4):
                B[j] = j
""")

RELAX = source("""
    from tvm.script import ir as I
    from tvm.script import relax as R
    from tvm.script import tirx as T

    @I.ir_module
    class Model:
        @T.prim_func
        def double(A: T.Buffer((4,), "float32"), B: T.Buffer((4,), "float32")):
            for i in range(4):
                B[i] = A[i] * T.float32(2)

        @T.prim_func
        def unused(A: T.Buffer((4,), "float32")):
            for i in range(4):
                A[i] = T.float32(0)

        @R.function
        def main(x: R.Tensor((4,), "float32"), y: R.Tensor((4,), "float32")):
            cls = Model
            z = R.add(x, y)
            w = R.call_tir(cls.double, (z,), out_sinfo=R.Tensor((4,), "float32"))
            return w
""")

GPU = source("""
    from tvm.script import tirx as T

    @T.prim_func
    def fill(A: T.Buffer((64,), "float32")):
        for i in T.thread_binding(64, thread="threadIdx.x"):
            A[i] = T.float32(0)
""")


def test_show_lowered_tir_of_a_prim_func_has_no_blocks_left() -> None:
    text = show_lowered_tir(SCALE, None, analyse_source(SCALE))
    assert text.startswith("# from tvm.script import tirx as T\n")
    assert 'def scale(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32")):' in text
    assert "    for i in range(8):\n        B[i] = A[i] * T.float32(2.0)" in text
    assert "T.sblock" not in text
    assert "T.axis" not in text


def test_show_lowered_tir_without_an_analysis_parses_the_text() -> None:
    assert show_lowered_tir(SCALE) == show_lowered_tir(SCALE, "scale", analyse_source(SCALE))


def test_show_lowered_tir_of_a_module_keeps_the_functions_names() -> None:
    text = show_lowered_tir(TWO, "Mod", analyse_source(TWO))
    assert "class Module:" in text
    assert "    def f(" in text
    assert "    def g(" in text


def test_show_lowered_tir_of_one_function_of_a_module() -> None:
    text = show_lowered_tir(TWO, "g", analyse_source(TWO))
    assert 'def g(B: T.Buffer((4,), "int32")):\n    for j in range(4):\n        B[j] = j' in text
    assert "def f" not in text
    assert "class Module" not in text


def test_show_llvm_of_one_function_of_a_module() -> None:
    text = show_llvm(TWO, "g", analyse_source(TWO))
    assert 'define i32 @"g"(ptr' in text
    assert '@"f"' not in text
    assert "store i32" in text


def test_show_llvm_of_a_prim_func_is_llvm_ir_for_the_host() -> None:
    text = show_llvm(SCALE, None, analyse_source(SCALE))
    assert text.startswith("target triple = ")
    assert 'define i32 @"scale"(ptr' in text
    assert "fmul" in text


def test_show_lowered_tir_of_a_relax_module_shows_its_legalized_prim_funcs() -> None:
    text = show_lowered_tir(RELAX, "Model", analyse_source(RELAX))
    assert "    @T.prim_func(private=True, s_tir=True)\n    def add(" in text  # from R.add
    assert "T_add[ax0] = x[ax0] + y[ax0]" in text
    assert "    def double(" in text
    assert "    def unused(" in text
    assert "T.sblock" not in text
    assert "R.function" not in text


def test_show_lowered_tir_of_a_relax_function_shows_the_prim_funcs_it_calls() -> None:
    text = show_lowered_tir(RELAX, "main", analyse_source(RELAX))
    assert "    def add(" in text
    assert "    def double(" in text
    assert "unused" not in text


def test_show_llvm_of_a_relax_function_compiles_the_prim_funcs_it_calls() -> None:
    text = show_llvm(RELAX, "main", analyse_source(RELAX))
    assert 'define i32 @"add"(' in text
    assert 'define i32 @"double"(' in text
    assert "unused" not in text


def test_show_lowered_tir_of_a_standalone_relax_function() -> None:
    text = source("""
        from tvm.script import relax as R

        @R.function
        def main(x: R.Tensor((4,), "float32")):
            y = R.nn.relu(x)
            return y
    """)
    lowered = show_lowered_tir(text, None, analyse_source(text))
    assert "def relu(" in lowered
    assert "compute[i0] = T.max(x[i0], T.float32(0.0))" in lowered


def test_show_lowered_tir_of_a_definition_with_errors_names_its_first_error() -> None:
    text = SCALE.replace("A[vi] * T.float32(2)", "C[vi]")
    with pytest.raises(ShowIRError) as info:
        show_lowered_tir(text, "scale", analyse_source(text))
    assert str(info.value) == (
        "tvmscript.showLoweredTIR: 'scale' has errors (line 8: undefined name 'C')"
    )


@pytest.mark.parametrize("shown", [show_lowered_tir, show_llvm], ids=lambda f: f.__name__)
def test_show_lowered_gpu_kernels_are_refused_at_their_thread_binding(
    shown: Callable[..., str],
) -> None:
    command = "tvmscript.showLoweredTIR: cannot lower"
    if shown is show_llvm:
        command = "tvmscript.showLLVM: cannot compile"
    with pytest.raises(ShowIRError) as info:
        shown(GPU, None, analyse_source(GPU))
    assert str(info.value) == (
        f"{command} 'fill' (line 5: loop 'i' is bound to GPU thread 'threadIdx.x': "
        "the CPU target has no GPU threads)"
    )


def test_show_lowered_lines_of_a_fresh_parse_are_the_documents() -> None:
    # Two definitions named alike: the analysis keeps no IR for them, each is parsed alone.
    text = "N = 1\n\n\n" + GPU + "\n\n" + GPU
    with pytest.raises(ShowIRError, match=r"'fill' \(line 8: loop 'i' is bound"):
        show_lowered_tir(text, None, analyse_source(text))


def test_show_lowered_operators_without_a_cpu_meaning_are_named() -> None:
    text = source("""
        from tvm.script import relax as R

        @R.function
        def main(x: R.Tensor((4,), "float32")):
            y = R.ccl.allreduce(x, "sum")
            return y
    """)
    with pytest.raises(ShowIRError) as info:
        show_lowered_tir(text, None, analyse_source(text))
    assert str(info.value) == (
        "tvmscript.showLoweredTIR: cannot lower 'main' (line 5: cannot legalize "
        "'R.ccl.allreduce': a distributed operator has no meaning on a single CPU)"
    )


def test_show_llvm_for_a_gpu_target_says_it_is_not_a_cpu_target() -> None:
    with pytest.raises(ShowIRError, match=r"^tvmscript.showLLVM: cannot compile 'scale' "):
        show_llvm(SCALE, None, None, "cuda")
    with pytest.raises(ShowIRError, match=r"target 'cuda' is not a CPU target"):
        show_llvm(SCALE, None, None, "cuda")


def test_show_lowered_relax_function_calling_no_prim_func_says_so() -> None:
    text = source("""
        from tvm.script import relax as R

        @R.function
        def main(x: R.Tensor((4,), "float32")):
            return x
    """)
    with pytest.raises(ShowIRError) as info:
        show_lowered_tir(text, None, analyse_source(text))
    assert str(info.value) == (
        "tvmscript.showLoweredTIR: 'main' has no PrimFunc to lower (after legalization)"
    )


def test_show_lowered_unknown_names_are_said() -> None:
    with pytest.raises(ShowIRError) as info:
        show_llvm(TWO, "nope", analyse_source(TWO))
    assert str(info.value) == "tvmscript.showLLVM: no TVMScript definition or function named 'nope'"
    with pytest.raises(ShowIRError, match="the document has no TVMScript definition"):
        show_lowered_tir("x = 1\n")


def test_show_lowered_internal_errors_are_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(module: object) -> str:
        raise KeyError("oops")

    monkeypatch.delenv("TVMSCRIPT_DEBUG", raising=False)
    monkeypatch.setattr(show_lowered, "_lowered_text", broken)
    with pytest.raises(ShowIRError) as info:
        show_lowered.show_lowered_tir(SCALE)
    assert str(info.value) == (
        "tvmscript.showLoweredTIR: cannot lower 'scale' "
        "(internal error, please report: KeyError: 'oops')"
    )


# ---------------------------------------------------------------------------------------------
# Through the server


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "tvmscript_server"])
)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    """A client (the server's initialize result in ``SERVER``)."""
    SERVER[lsp_client] = await lsp_client.initialize_session(
        types.InitializeParams(capabilities=types.ClientCapabilities())
    )
    yield
    await lsp_client.shutdown_session()
    SERVER.pop(lsp_client, None)


SERVER: dict[LanguageClient, types.InitializeResult] = {}


async def _execute(client: LanguageClient, command: str, *arguments: object) -> object:
    return await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=command, arguments=list(arguments))
    )


@pytest.mark.lsp
async def test_server_declares_and_answers_show_lowered_commands(
    client: LanguageClient, tmp_path: Path
) -> None:
    provider = SERVER[client].capabilities.execute_command_provider
    assert provider is not None
    assert {"tvmscript.showIR", "tvmscript.showLoweredTIR", "tvmscript.showLLVM"} <= set(
        provider.commands
    )
    path = tmp_path / "model.py"
    await open_document(client, path, RELAX)
    lowered = await _execute(client, "tvmscript.showLoweredTIR", path.as_uri(), "main")
    assert isinstance(lowered, str)
    assert "T_add[ax0] = x[ax0] + y[ax0]" in lowered
    assert "unused" not in lowered
    llvm = await _execute(client, "tvmscript.showLLVM", path.as_uri())
    assert isinstance(llvm, str)
    assert 'define i32 @"unused"(' in llvm


@pytest.mark.lsp
async def test_server_show_lowered_errors_are_shown_not_raised(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "gpu.py"
    path.write_text(GPU)  # not opened: read from disk
    assert await _execute(client, "tvmscript.showLoweredTIR", path.as_uri()) is None
    message = client.messages[-1]
    assert message.type == types.MessageType.Error
    assert message.message.startswith(
        "tvmscript.showLoweredTIR: cannot lower 'fill' (line 5: loop 'i' is bound to GPU thread"
    )
    assert await _execute(client, "tvmscript.showLLVM") is None
    assert client.messages[-1].message == (
        "tvmscript.showLLVM: expected arguments [uri] or [uri, function name]"
    )
    # The server is still answering.
    assert isinstance(await _execute(client, "tvmscript.showIR", path.as_uri()), str)


@pytest.mark.lsp
async def test_server_show_llvm_compiles_for_the_projects_target(
    client: LanguageClient, tmp_path: Path
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.tvmscript]\ntarget = "cuda"\n')
    path = tmp_path / "scale.py"
    await open_document(client, path, SCALE)
    assert await _execute(client, "tvmscript.showLLVM", path.as_uri()) is None
    assert client.messages[-1].message.startswith(
        "tvmscript.showLLVM: cannot compile 'scale' (target 'cuda' is not a CPU target"
    )
    lowered = await _execute(client, "tvmscript.showLoweredTIR", path.as_uri())
    assert isinstance(lowered, str)  # lowering for the CPU does not need the target
