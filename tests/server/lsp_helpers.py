"""Helpers of the server tests: inline sources and opening documents."""

from __future__ import annotations

import textwrap
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient


def source(text: str) -> str:
    """Dedented text, first newline dropped (so line numbers read as written)."""
    return textwrap.dedent(text).removeprefix("\n")


async def open_document(
    client: LanguageClient, path: Path, text: str
) -> types.PublishDiagnosticsParams:
    """Open ``path`` with ``text`` (never written to disk) and await its diagnostics."""
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=path.as_uri(), language_id="python", version=1, text=text
            )
        )
    )
    params: types.PublishDiagnosticsParams = await client.wait_for_notification(
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
    )
    return params
