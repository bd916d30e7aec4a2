from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from tvmscript.cli.main import main

from .lsp_helpers import open_document

TVMSCRIPT = str(Path(sys.executable).with_name("tvmscript"))


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[TVMSCRIPT, "lsp"]))
async def cli_client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=types.ClientCapabilities())
    )
    yield
    await lsp_client.shutdown_session()


@pytest.mark.lsp
async def test_cli_lsp_serves_on_stdio(cli_client: LanguageClient, tmp_path: Path) -> None:
    published = await open_document(cli_client, tmp_path / "k.py", "x = T.grid\n")
    assert list(published.diagnostics) == []
    hover = await cli_client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=(tmp_path / "k.py").as_uri()),
            position=types.Position(line=0, character=7),
        )
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value.startswith("```python\nT.grid(")


def test_cli_lsp_rejects_a_bad_tcp_address(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lsp", "--tcp", "nowhere"]) == 2
    assert "expected --tcp HOST:PORT, got 'nowhere'" in capsys.readouterr().err
