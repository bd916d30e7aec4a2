"""The client's ``initializationOptions``: target, which diagnostics, inlay hints."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from tvmscript import Diagnostic
from tvmscript_server.options import ServerOptions, parse_options

from .lsp_helpers import open_document, source

OPTIONS = {
    "target": "llvm",
    "diagnostics": {"enabled": True, "buildWarnings": True, "ignore": ["undefined-name"]},
    "inlayHints": {"enabled": False},
}
GPU_ON_CPU = source("""
    from tvm.script import tirx as T

    @T.prim_func
    def f(A: T.Buffer((8,), "float32")):
        for i in T.thread_binding(8, thread="threadIdx.x"):
            A[i] = A[i] + Q
        for j in range(8):
            x = A[j] * T.float32(2)
            A[j] = x
""")


def _diagnostic(code: str) -> Diagnostic:
    return Diagnostic("warning", "m", code, "k.py", 1, 1, 1, 2)


def test_no_options_serve_everything() -> None:
    options, problems = parse_options(None)
    assert (options, problems) == (ServerOptions(), [])
    assert options.keeps(_diagnostic("build-thread-binding"))


def test_options_filter_diagnostics() -> None:
    options, problems = parse_options(
        {"diagnostics": {"buildWarnings": False, "ignore": ["missing-s-tir"]}}
    )
    assert problems == []
    kept = [c for c in ("build-thread-binding", "gpu-thread-limit", "missing-s-tir", "x")]
    assert [c for c in kept if options.keeps(_diagnostic(c))] == ["x"]
    off, _ = parse_options({"diagnostics": {"enabled": False}})
    assert not off.keeps(_diagnostic("undefined-name"))


@pytest.mark.parametrize(
    ("raw", "where"),
    [
        ([1], "initializationOptions: expected an object"),
        ({"target": 3}, "initializationOptions.target"),
        ({"diagnostics": {"enabled": "yes"}}, "initializationOptions.diagnostics.enabled"),
        ({"diagnostics": {"ignore": "x"}}, "initializationOptions.diagnostics.ignore"),
        ({"inlayHints": {"enabled": 0}}, "initializationOptions.inlayHints.enabled"),
    ],
)
def test_a_wrong_value_is_ignored_with_a_message_naming_it(raw: object, where: str) -> None:
    options, problems = parse_options(raw)
    assert options == ServerOptions()
    assert len(problems) == 1
    assert problems[0].startswith(where)


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "tvmscript_server"])
)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(), initialization_options=OPTIONS
        )
    )
    yield
    await lsp_client.shutdown_session()


@pytest.mark.lsp
async def test_options_reach_the_server(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "k.py"
    published = await open_document(client, path, GPU_ON_CPU)
    # The editor's target makes the GPU binding a CPU-build problem; the ignored code is gone.
    assert [d.code for d in published.diagnostics] == []  # an error hides build warnings
    fixed = GPU_ON_CPU.replace(" + Q", "")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    latest = client.diagnostics[path.as_uri()]
    assert [d.code for d in latest] == ["build-thread-binding"]
    hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            range=types.Range(types.Position(0, 0), types.Position(12, 0)),
        )
    )
    assert list(hints or []) == []  # (a server without the option hints `x: T.float32`)
