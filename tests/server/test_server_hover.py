from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from .lsp_helpers import open_document, source

pytestmark = pytest.mark.lsp

KERNEL = source("""
    from tvm.script import tirx as T

    @T.prim_func
    def scale(a: T.Buffer((8,), "float32")):
        for i in T.grid(8):
            a[i] = a[i] * T.float32(2)
""")


async def _hover(client: LanguageClient, path: Path, line: int, character: int) -> str:
    result = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            position=types.Position(line=line, character=character),
        )
    )
    assert result is not None
    assert isinstance(result.contents, types.MarkupContent)
    return result.contents.value


async def test_hover_function_name_shows_printed_ir(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "k.py"
    await open_document(client, path, KERNEL)
    text = await _hover(client, path, 3, 6)
    assert text == (
        "```python\n"
        "# from tvm.script import tirx as T\n"
        "# from tvm.tirx.layout import Axis\n"
        "\n"
        "@T.prim_func\n"
        'def scale(a: T.Buffer((8,), "float32")):\n'
        "    for i in range(8):\n"
        "        a[i] = a[i] * T.float32(2.0)\n"
        "```"
    )


async def test_hover_t_grid_shows_signature_and_docstring(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "k.py"
    await open_document(client, path, KERNEL)
    text = await _hover(client, path, 4, 17)  # on `grid` of `T.grid`
    assert text.startswith(
        "```python\nT.grid(*extents: Bound | tuple[Bound, Bound], dtype: str | None = None)"
        " -> ForFrame\n```\n\n"
    )
    assert "nested serial loops" in text


async def test_hover_elsewhere_is_empty(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "k.py"
    await open_document(client, path, KERNEL)
    result = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            position=types.Position(line=5, character=9),
        )
    )
    assert result is None
