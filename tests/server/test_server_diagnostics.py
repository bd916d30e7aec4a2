from __future__ import annotations

import socket
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from .lsp_helpers import open_document, source

pytestmark = pytest.mark.lsp

UNDEFINED = source("""
    from tvm.script import tirx as T

    @T.prim_func
    def f(a: T.Buffer((4,), "float32")):
        for i in range(4):
            C[i] = a[i]
""")


async def test_diagnostics_undefined_name_has_its_range(
    client: LanguageClient, tmp_path: Path
) -> None:
    published = await open_document(client, tmp_path / "k.py", UNDEFINED)
    [d] = published.diagnostics
    assert published.version == 1
    assert (d.code, d.source, d.severity) == (
        "undefined-name",
        "tvmscript",
        types.DiagnosticSeverity.Error,
    )
    assert d.range == types.Range(
        start=types.Position(line=5, character=8), end=types.Position(line=5, character=9)
    )
    assert d.message == "undefined name 'C'"


async def test_diagnostics_disappear_after_a_fix(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "k.py"
    await open_document(client, path, UNDEFINED)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(
                        start=types.Position(line=5, character=8),
                        end=types.Position(line=5, character=9),
                    ),
                    text="a",
                )
            ],
        )
    )
    published = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert (published.version, list(published.diagnostics)) == (2, [])


async def test_diagnostics_opening_never_runs_the_file(
    client: LanguageClient, tmp_path: Path
) -> None:
    victim = tmp_path / "written"
    text = source(f"""
        import os
        from tvm.script import tirx as T

        handle = open({str(victim)!r}, "w")
        os.system("touch {victim}")
        open({str(victim)!r}, "w").write("ran")

        @T.prim_func
        def f(a: T.Buffer((4,), "float32")):
            a[0] = T.float32(1)
    """)
    published = await open_document(client, tmp_path / "evil.py", text)
    assert list(published.diagnostics) == []
    assert not victim.exists()


async def test_diagnostics_build_warning_is_pushed_with_its_version(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = source("""
        from tvm.script import tirx as T

        @T.prim_func
        def f(A: T.Buffer((8,), "float32")):
            T.func_attr({"target": T.target("llvm")})
            for i in T.thread_binding(8, thread="threadIdx.x"):
                A[i] = T.float32(1)
    """)
    published = await open_document(client, tmp_path / "k.py", text)
    [d] = published.diagnostics
    assert (published.version, d.code, d.severity) == (
        1,
        "build-thread-binding",
        types.DiagnosticSeverity.Warning,
    )
    assert d.range.start == types.Position(line=5, character=41)


async def test_diagnostics_no_build_warning_where_there_is_an_error(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = source("""
        from tvm.script import tirx as T

        @T.prim_func
        def f(A: T.Buffer((8,), "float32")):
            T.func_attr({"target": T.target("llvm")})
            for i in T.thread_binding(8, thread="threadIdx.x"):
                A[i] = Q
    """)
    published = await open_document(client, tmp_path / "k.py", text)
    assert [d.code for d in published.diagnostics] == ["undefined-name"]


async def test_diagnostics_opening_never_writes_nor_connects(
    client: LanguageClient, tmp_path: Path
) -> None:
    markers = [tmp_path / f"marker{k}" for k in range(6)]
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.setblocking(False)
        port = listener.getsockname()[1]
        text = source(f"""
            import socket
            from tvm.script import tirx as T

            open({str(markers[0])!r}, "w").write("ran")
            __import__("os").system("touch {markers[1]}")
            socket.create_connection(("127.0.0.1", {port}))
            N = len(open({str(markers[2])!r}, "w").write("ran") * "x")

            @T.prim_func
            def f(a: T.Buffer((4,), "float32")):
                open({str(markers[3])!r}, "w").write("ran")
                __import__("os").system("touch {markers[4]}")
                socket.create_connection(("127.0.0.1", {port}))
                for i in range(len(open({str(markers[5])!r}, "w").write("x") * "x")):
                    a[i] = T.float32(1)
        """)
        published = await open_document(client, tmp_path / "evil.py", text)
        assert published.diagnostics  # the body's Python calls are refused, not run
        with pytest.raises(BlockingIOError):
            listener.accept()
    assert [m for m in markers if m.exists()] == []
