from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tvmscript_server.formatting import Replacement, apply

from .lsp_helpers import open_document, source

pytestmark = pytest.mark.lsp

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "public"


async def _format(client: LanguageClient, path: Path) -> list[types.TextEdit]:
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            options=types.FormattingOptions(tab_size=4, insert_spaces=True),
        )
    )
    assert edits is not None
    return list(edits)


def _applied(text: str, edits: list[types.TextEdit]) -> str:
    # Whole-line edits: the server replaces lines [start, end) of each definition.
    assert all(e.range.start.character == 0 == e.range.end.character for e in edits)
    return apply(
        text, [Replacement(e.range.start.line, e.range.end.line, e.new_text) for e in edits]
    )


async def test_formatting_corpus_file_gives_tvm_text(
    client: LanguageClient, tmp_path: Path
) -> None:
    # A hand-written program: TVM prints the regions its blocks leave implicit.
    text = (CORPUS / "programs" / "0483_bare_prim_func.py").read_text()
    expected = (CORPUS / "expected" / "0483.printed.py").read_text()
    path = tmp_path / "k.py"
    await open_document(client, path, text)
    formatted = _applied(text, await _format(client, path))
    definition = formatted[formatted.index("\n@T.prim_func") :]
    assert definition == expected[expected.index("\n@T.prim_func") :]
    assert formatted[: formatted.index("\n@T.prim_func")] == text[: text.index("\n@T.prim_func")]


async def test_formatting_keeps_a_definition_with_a_comment(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = source("""
        from tvm.script import tirx as T

        @T.prim_func
        def f(a: T.Buffer((4,), "float32")):
            a[0] = T.float32(1)  # the first element
    """)
    path = tmp_path / "k.py"
    await open_document(client, path, text)
    edits = await _format(client, path)
    assert edits == []
    # The log notification was sent before the response.
    assert "comment '# the first element'" in client.log_messages[-1].message
