from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tvmscript.script.formatter import Replacement, apply

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


async def test_formatting_keeps_comments(client: LanguageClient, tmp_path: Path) -> None:
    text = source("""
        from tvm.script import tirx as T

        @T.prim_func
        def f(a: T.Buffer((4,), "float32")):
            # fill
            for i in range(4):  # every element
                a[i] = T.float32(1)  # one
            # done
    """)
    path = tmp_path / "k.py"
    await open_document(client, path, text)
    formatted = _applied(text, await _format(client, path))
    assert formatted == source("""
        from tvm.script import tirx as T

        @T.prim_func
        def f(a: T.Buffer((4,), "float32")):
            # fill
            # every element
            for i in range(4):
                a[i] = T.float32(1.0)  # one
            # done
    """)


TWO = source("""
    from tvm.script import tirx as T

    @T.prim_func
    def f(a: T.Buffer((4,), "float32")):
        a[0] = T.float32(1)  # kept

    x = 1  # module code


    @T.prim_func
    def g(a: T.Buffer((4,), "float32")):
        a[0] = T.float32(2)
""")


async def test_range_formatting_formats_the_definitions_it_touches(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "k.py"
    await open_document(client, path, TWO)
    edits = await client.text_document_range_formatting_async(
        types.DocumentRangeFormattingParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            range=types.Range(types.Position(11, 4), types.Position(11, 9)),  # inside g
            options=types.FormattingOptions(tab_size=4, insert_spaces=True),
        )
    )
    assert edits is not None
    [edit] = edits
    assert (edit.range.start.line, edit.range.end.line) == (9, 12)
    formatted = _applied(TWO, list(edits))
    assert formatted == TWO.replace("T.float32(2)", "T.float32(2.0)")


async def test_ranges_formatting_is_declared_and_formats_each_range(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "k.py"
    await open_document(client, path, TWO)
    edits = await client.text_document_ranges_formatting_async(
        types.DocumentRangesFormattingParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            ranges=[
                types.Range(types.Position(4, 0), types.Position(5, 0)),
                types.Range(types.Position(6, 0), types.Position(7, 0)),  # module code: nothing
            ],
            options=types.FormattingOptions(tab_size=4, insert_spaces=True),
        )
    )
    assert edits is not None
    [edit] = edits
    assert edit.range.start.line == 2
    assert edit.new_text.endswith("    a[0] = T.float32(1.0)  # kept\n")


async def test_formatting_refusal_is_logged_with_the_reason(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = source("""
        from tvm.script import tirx as T

        @T.prim_func
        def f(a: T.Buffer((4,), "float32")):
            a[0] = T.float32(1)  # the first element
            b[0] = a[0]
    """)
    path = tmp_path / "k.py"
    await open_document(client, path, text)
    edits = await _format(client, path)
    assert edits == []
    # The log notification was sent before the response.
    message = client.log_messages[-1]
    assert message.type == types.MessageType.Warning
    assert message.message == (
        "tvmscript: not formatting 'f' (line 3): "
        "it has errors: undefined name 'b' (line 6, column 5)"
    )
