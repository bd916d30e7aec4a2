"""Pull diagnostics (``textDocument/diagnostic``) for clients that declare the capability."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from .lsp_helpers import source

pytestmark = pytest.mark.lsp

PULL_CAPABILITIES = types.ClientCapabilities(
    text_document=types.TextDocumentClientCapabilities(
        diagnostic=types.DiagnosticClientCapabilities(related_document_support=False),
        publish_diagnostics=types.PublishDiagnosticsClientCapabilities(version_support=True),
    )
)


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "tvmscript_server"])
)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    """A client that pulls diagnostics (the server's initialize result in ``SERVER``)."""
    SERVER[lsp_client] = await lsp_client.initialize_session(
        types.InitializeParams(capabilities=PULL_CAPABILITIES)
    )
    yield
    await lsp_client.shutdown_session()
    SERVER.pop(lsp_client, None)


SERVER: dict[LanguageClient, types.InitializeResult] = {}


UNDEFINED = source("""
    from tvm.script import tirx as T

    @T.prim_func
    def f(a: T.Buffer((4,), "float32")):
        for i in range(4):
            C[i] = a[i]
""")


def open_text(client: LanguageClient, path: Path, text: str) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="python", version=1, text=text
            )
        )
    )
    return uri


def change(client: LanguageClient, uri: str, version: int, line: int, col: int, text: str) -> None:
    """Replace the character at ``(line, col)`` by ``text``."""
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(
                        start=types.Position(line=line, character=col),
                        end=types.Position(line=line, character=col + 1),
                    ),
                    text=text,
                )
            ],
        )
    )


async def pull(
    client: LanguageClient, uri: str, previous: str | None = None
) -> types.DocumentDiagnosticReport:
    return await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(
            text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=previous
        )
    )


async def test_pull_is_advertised_with_incremental_sync(
    client: LanguageClient,
) -> None:
    capabilities = SERVER[client].capabilities
    assert capabilities.diagnostic_provider == types.DiagnosticOptions(
        inter_file_dependencies=False, workspace_diagnostics=False
    )
    sync = capabilities.text_document_sync
    kind = sync.change if isinstance(sync, types.TextDocumentSyncOptions) else sync
    assert kind == types.TextDocumentSyncKind.Incremental


async def test_pull_reports_errors_then_unchanged_then_the_fix(
    client: LanguageClient, tmp_path: Path
) -> None:
    uri = open_text(client, tmp_path / "k.py", UNDEFINED)
    report = await pull(client, uri)
    assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
    [d] = report.items
    assert (d.code, d.message, d.range.start) == (
        "undefined-name",
        "undefined name 'C'",
        types.Position(line=5, character=8),
    )
    assert report.result_id is not None

    again = await pull(client, uri, report.result_id)
    assert isinstance(again, types.RelatedUnchangedDocumentDiagnosticReport)
    assert again.result_id == report.result_id

    change(client, uri, 2, 5, 8, "a")
    fixed = await pull(client, uri, report.result_id)
    assert isinstance(fixed, types.RelatedFullDocumentDiagnosticReport)
    assert (list(fixed.items), fixed.result_id != report.result_id) == ([], True)
    # Never both: a pulling client gets no published diagnostics.
    assert client.diagnostics == {}


async def test_pull_reports_build_warnings(client: LanguageClient, tmp_path: Path) -> None:
    text = source("""
        from tvm.script import tirx as T

        @T.prim_func
        def f(A: T.Buffer((8,), "float32")):
            n = T.int32()
            for i in range(n):
                A[0] = A[0] + T.float32(1)
    """)
    uri = open_text(client, tmp_path / "k.py", text)
    report = await pull(client, uri)
    assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
    [d] = report.items
    assert (d.code, d.severity) == ("build-unbound-var", types.DiagnosticSeverity.Warning)
    assert d.range == types.Range(
        start=types.Position(line=5, character=19), end=types.Position(line=5, character=20)
    )


async def test_pull_of_a_document_not_open_is_empty(client: LanguageClient, tmp_path: Path) -> None:
    report = await pull(client, (tmp_path / "never.py").as_uri())
    assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
    assert list(report.items) == []
