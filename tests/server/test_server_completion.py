"""Completion and signature help end to end (pytest-lsp over stdio)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from .conftest import SERVER
from .lsp_helpers import open_document, source

pytestmark = pytest.mark.lsp

KERNEL = source("""
    from tvm.script import ir as I
    from tvm.script import tirx as T

    @I.ir_module
    class Module:
        @T.prim_func
        def main(a: T.handle, B: T.Buffer((8, 8), "float32")):
            A = T.match_buffer(a, (8, 8), "float32")
            for i, j in T.grid(8, 8):
                with T.sblock("b"):
                    vi = T.axis.spatial(8, i)
                    vj = T.axis.reduce(8, j)
                    B[vi, vj] = A[vi, vj]

        @T.prim_func
        def other(x: T.handle):
            T.evaluate(0)
""")
SNIPPETS = types.ClientCapabilities(
    text_document=types.TextDocumentClientCapabilities(
        completion=types.CompletionClientCapabilities(
            completion_item=types.ClientCompletionItemOptions(snippet_support=True)
        )
    )
)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def snippet_client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    await lsp_client.initialize_session(types.InitializeParams(capabilities=SNIPPETS))
    yield
    await lsp_client.shutdown_session()


def _edited(line: int, text: str) -> str:
    lines = KERNEL.split("\n")
    lines.insert(line, text)
    return "\n".join(lines)


async def _complete(
    client: LanguageClient, tmp_path: Path, text: str, line: int, character: int
) -> list[types.CompletionItem]:
    path = tmp_path / "k.py"
    await open_document(client, path, text)
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            position=types.Position(line=line, character=character),
        )
    )
    if result is None:
        return []
    return result.items if isinstance(result, types.CompletionList) else result


def _ranked(items: list[types.CompletionItem]) -> list[str]:
    return [i.label for i in sorted(items, key=lambda i: i.sort_text or i.label)]


async def test_after_t_dot_namespace_members(client: LanguageClient, tmp_path: Path) -> None:
    text = _edited(13, "            T.")
    items = await _complete(client, tmp_path, text, 13, 14)
    labels = {i.label for i in items}
    assert {"sblock", "grid", "axis", "Buffer", "exp", "float32", "prim_func"} <= labels
    grid = next(i for i in items if i.label == "grid")
    assert grid.kind == types.CompletionItemKind.Function
    assert grid.detail == (
        "grid(*extents: Bound | tuple[Bound, Bound], dtype: str | None=None)"
        " -> ForFrame[tuple[Var, ...]]"
    )
    assert grid.insert_text_format != types.InsertTextFormat.Snippet  # client has no snippets
    resolved = await client.completion_item_resolve_async(grid)
    assert isinstance(resolved.documentation, types.MarkupContent)
    assert "nested serial loops" in resolved.documentation.value


async def test_block_body_ranks_block_statements_first(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = _edited(12, "                T.")
    ranked = _ranked(await _complete(client, tmp_path, text, 12, 18))
    assert set(ranked[:6]) == {"axis", "reads", "writes", "init", "where", "sblock_attr"}


async def test_after_t_axis_dot(client: LanguageClient, tmp_path: Path) -> None:
    text = _edited(12, "                T.axis.")
    ranked = _ranked(await _complete(client, tmp_path, text, 12, 23))
    assert set(ranked) >= {"spatial", "reduce", "scan", "opaque", "remap", "S", "R"}


async def test_after_i_dot(client: LanguageClient, tmp_path: Path) -> None:
    text = _edited(0, "I.")
    labels = {i.label for i in await _complete(client, tmp_path, text, 0, 2)}
    assert {"ir_module", "IRModule", "GlobalVar"} <= labels


async def test_local_names(client: LanguageClient, tmp_path: Path) -> None:
    text = _edited(12, "                v")
    labels = {i.label for i in await _complete(client, tmp_path, text, 12, 17)}
    assert {"a", "B", "A", "i", "j", "vi", "T", "I"} <= labels
    assert "x" not in labels  # a parameter of another function


async def test_cls_dot_lists_module_functions(client: LanguageClient, tmp_path: Path) -> None:
    text = _edited(16, "        cls.")
    labels = {i.label for i in await _complete(client, tmp_path, text, 16, 12)}
    assert labels == {"main", "other"}


async def test_nothing_in_comments_and_strings(client: LanguageClient, tmp_path: Path) -> None:
    text = _edited(12, '                x = "T.')
    assert not await _complete(client, tmp_path, text, 12, 23)
    text = _edited(12, "                # T.")
    assert not await _complete(client, tmp_path, text, 12, 20)


async def test_snippets_when_the_client_supports_them(
    snippet_client: LanguageClient, tmp_path: Path
) -> None:
    text = _edited(13, "            T.")
    items = await _complete(snippet_client, tmp_path, text, 13, 14)
    grid = next(i for i in items if i.label == "grid")
    assert grid.insert_text_format == types.InsertTextFormat.Snippet
    assert grid.insert_text == "grid(${1:extents})"
    spatial_text = _edited(12, "                T.axis.")
    items = await _complete(snippet_client, tmp_path, spatial_text, 12, 23)
    spatial = next(i for i in items if i.label == "spatial")
    assert spatial.insert_text == "spatial(${1:dom}, ${2:binding})"


async def _signature(
    client: LanguageClient, tmp_path: Path, text: str, line: int, character: int
) -> types.SignatureHelp | None:
    path = tmp_path / "k.py"
    await open_document(client, path, text)
    return await client.text_document_signature_help_async(
        types.SignatureHelpParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            position=types.Position(line=line, character=character),
        )
    )


async def test_signature_help_active_parameter(client: LanguageClient, tmp_path: Path) -> None:
    line = '            T.alloc_buffer((8,), "float32", '
    help_ = await _signature(client, tmp_path, _edited(13, line), 13, len(line))
    assert help_ is not None
    assert help_.signatures[0].label.startswith("alloc_buffer(shape: ShapeLike, dtype: str")
    assert help_.active_parameter == 2
    assert help_.signatures[0].parameters is not None
    assert help_.signatures[0].parameters[2].label == "data: Var | None=None"
    keyword = line + "scope="
    help_ = await _signature(client, tmp_path, _edited(13, keyword), 13, len(keyword))
    assert help_ is not None
    assert help_.active_parameter == 6  # scope, by keyword


async def test_signature_help_outside_a_call(client: LanguageClient, tmp_path: Path) -> None:
    assert await _signature(client, tmp_path, KERNEL, 8, 8) is None
