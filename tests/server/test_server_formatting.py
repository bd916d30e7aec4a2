"""Formatting (layout only) and "Rewrite as TVM prints it", over real stdio."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from tvmscript.script.formatter import Replacement, apply

from .conftest import SERVER
from .lsp_helpers import open_document, source

pytestmark = pytest.mark.lsp

DATA = Path(__file__).parent / "data"


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


USER = source("""
    from tvm.script import tirx as T

    N = 8


    @T.prim_func
    def add(a: T.Buffer((N, 32), "float32"), b: T.Buffer((N, 32), "float32"),  # first input
            c: T.Buffer((N, 32), "float32")):
        \"\"\"Add two matrices.\"\"\"
        for i, j in T.grid(N, 32):
            c[i, j] = a[i, j] + b[i, j]  # the sum
""")


async def test_formatting_changes_layout_only(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "k.py"
    await open_document(client, path, USER)
    formatted = _applied(USER, await _format(client, path))
    assert formatted == USER.replace(
        'def add(a: T.Buffer((N, 32), "float32"), b: T.Buffer((N, 32), "float32"),  # first input\n'
        '        c: T.Buffer((N, 32), "float32")):\n',
        "def add(\n"
        '    a: T.Buffer((N, 32), "float32"),\n'
        '    b: T.Buffer((N, 32), "float32"),  # first input\n'
        '    c: T.Buffer((N, 32), "float32"),\n'
        "):\n",
    )


async def test_formatting_uses_the_projects_line_length(
    client: LanguageClient, tmp_path: Path
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 120\n")
    path = tmp_path / "k.py"
    text = USER.replace("  # first input\n        c:", " c:")
    await open_document(client, path, text)
    assert await _format(client, path) == []  # 108 columns fit in 120


TWO = source("""
    from tvm.script import tirx as T

    @T.prim_func
    def f(a: T.Buffer((4,), "float32")):
        a[0] = T.float32( 1 )  # kept

    x = 1  # module code


    @T.prim_func
    def g(a: T.Buffer((4,), "float32")):
        a[0] = T.float32( 2 )
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
    assert (edit.range.start.line, edit.range.end.line) == (7, 12)
    formatted = _applied(TWO, list(edits))
    assert formatted == TWO.replace("T.float32( 2 )", "T.float32(2)")


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
    formatted = _applied(TWO, list(edits))
    assert formatted == TWO.replace("T.float32( 1 )", "T.float32(1)").replace(
        "\n\n@T.prim_func\ndef f", "\n\n\n@T.prim_func\ndef f"
    ).replace("# kept\n\nx = 1", "# kept\n\n\nx = 1")


async def test_formatting_refusal_is_logged_with_the_reason(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = source("""
        from tvm.script import tirx as T


        @T.prim_func
        def f(a: T.Buffer((4,), "float32")):
            a[0] = = T.float32(1)
    """)
    path = tmp_path / "k.py"
    await open_document(client, path, text)
    edits = await _format(client, path)
    assert edits == []
    # The log notification was sent before the response.
    message = client.log_messages[-1]
    assert message.type == types.MessageType.Warning
    assert message.message == (
        "tvmscript: not formatting 'f' (line 4): it is not valid Python: invalid syntax (line 6)"
    )


async def _rewrite_actions(client: LanguageClient, path: Path, line: int) -> list[types.CodeAction]:
    found = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            range=types.Range(types.Position(line, 4), types.Position(line, 4)),
            context=types.CodeActionContext(
                diagnostics=[], only=[types.CodeActionKind.RefactorRewrite]
            ),
        )
    )
    assert found is not None
    return [a for a in found if isinstance(a, types.CodeAction)]


async def test_rewrite_as_tvm_prints_it_gives_tvms_text(
    client: LanguageClient, tmp_path: Path
) -> None:
    # A hand-written program: TVM prints the regions its blocks leave implicit.
    text = (DATA / "0483_bare_prim_func.py").read_text()
    expected = (DATA / "0483_bare_prim_func.printed.py").read_text()
    path = tmp_path / "k.py"
    await open_document(client, path, text)
    [action] = await _rewrite_actions(client, path, 7)
    assert action.title == "Rewrite as TVM prints it ('transpose')"
    assert action.kind == types.CodeActionKind.RefactorRewrite
    assert action.edit is not None  # this client resolves nothing: the edit comes at once
    assert action.edit.changes is not None
    formatted = _applied(text, list(action.edit.changes[path.as_uri()]))
    definition = formatted[formatted.index("\n@T.prim_func") :]
    assert definition == expected[expected.index("\n@T.prim_func") :]
    assert formatted[: formatted.index("\n@T.prim_func")] == text[: text.index("\n@T.prim_func")]


async def test_rewrite_is_disabled_with_the_reason_when_the_definition_has_errors(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = USER.replace("c[i, j] = a[i, j]", "c[i, j] = q[i, j]")
    path = tmp_path / "k.py"
    await open_document(client, path, text)
    [action] = await _rewrite_actions(client, path, 9)
    assert action.edit is None
    assert action.disabled is not None
    assert action.disabled.reason == (
        "'add' cannot be rewritten: it has errors: undefined name 'q' (line 11, column 19)"
    )
    assert await _rewrite_actions(client, path, 1) == []  # not in a definition


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def resolving_client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    """A client that fills in code actions' edits with ``codeAction/resolve`` (as VS Code)."""
    capabilities = types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            code_action=types.CodeActionClientCapabilities(
                resolve_support=types.ClientCodeActionResolveOptions(properties=["edit"])
            )
        )
    )
    await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities))
    yield
    await lsp_client.shutdown_session()


async def test_rewrite_is_made_on_resolve_for_a_client_that_resolves(
    resolving_client: LanguageClient, tmp_path: Path
) -> None:
    client = resolving_client
    text = (DATA / "0483_bare_prim_func.py").read_text()
    path = tmp_path / "k.py"
    await open_document(client, path, text)
    [action] = await _rewrite_actions(client, path, 7)
    assert action.edit is None  # nothing computed until chosen
    resolved = await client.code_action_resolve_async(action)
    assert resolved.edit is not None
    assert resolved.edit.changes is not None
    formatted = _applied(text, list(resolved.edit.changes[path.as_uri()]))
    assert "T.reads(A[vj, vi])" in formatted
