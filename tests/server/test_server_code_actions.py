"""Quick fixes (``textDocument/codeAction``) and ``tvmscript.showIR``, over real stdio."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from .lsp_helpers import open_document, source

pytestmark = pytest.mark.lsp

TEXT = source("""
    from tvm.script import tirx as T
    from tvm.script import ir as I

    @I.ir_module
    class Mod:
        @T.prim_func
        def f(a: T.handle):
            A = T.match_buffer(a, (4,), "float32")
            A[0] = T.flaot32(1)

        @T.prim_func
        def g(B: T.Buffer((4,), "float32")):
            B[0] = T.float32(2)
""")


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))[::-1]:
        start = offsets[e.range.start.line] + e.range.start.character
        end = offsets[e.range.end.line] + e.range.end.character
        text = text[:start] + e.new_text + text[end:]
    return text


async def _actions(
    client: LanguageClient, path: Path, line: int, diagnostics: list[types.Diagnostic]
) -> list[types.CodeAction]:
    found = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            range=types.Range(types.Position(line, 4), types.Position(line, 4)),
            context=types.CodeActionContext(diagnostics=diagnostics),
        )
    )
    assert found is not None
    return [
        a
        for a in found
        if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.QuickFix
    ]


async def test_did_you_mean_quick_fix(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "k.py"
    published = await open_document(client, path, TEXT)
    [diagnostic] = published.diagnostics
    assert "did you mean 'float32'?" in diagnostic.message
    [action] = await _actions(client, path, diagnostic.range.start.line, [diagnostic])
    assert action.title == "Replace 'flaot32' with 'float32'"
    assert action.kind == types.CodeActionKind.QuickFix
    assert list(action.diagnostics or []) == [diagnostic]
    assert action.edit is not None
    assert action.edit.changes is not None
    fixed = _apply(TEXT, list(action.edit.changes[path.as_uri()]))
    assert fixed == TEXT.replace("flaot32", "float32")


async def test_match_buffer_quick_fix(client: LanguageClient, tmp_path: Path) -> None:
    text = TEXT.replace("flaot32", "float32")
    path = tmp_path / "k.py"
    await open_document(client, path, text)
    for line in (6, 7):  # the parameter's line, the match_buffer line
        [action] = await _actions(client, path, line, [])
        assert action.title == "Make 'a' a 'A: T.Buffer' parameter (drop the match_buffer)"
        assert action.edit is not None
        assert action.edit.changes is not None
        fixed = _apply(text, list(action.edit.changes[path.as_uri()]))
        assert fixed == text.replace(
            '    def f(a: T.handle):\n        A = T.match_buffer(a, (4,), "float32")\n',
            '    def f(A: T.Buffer((4,), "float32")):\n',
        )
    assert await _actions(client, path, 11, []) == []  # g has nothing to fix


async def _show_ir(client: LanguageClient, *arguments: str) -> object:
    return await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="tvmscript.showIR", arguments=list(arguments))
    )


async def test_show_ir_prints_the_module_or_one_function(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = TEXT.replace("flaot32", "float32")
    path = tmp_path / "k.py"
    await open_document(client, path, text)
    whole = await _show_ir(client, path.as_uri())
    assert isinstance(whole, str)
    assert whole.startswith("# from tvm.script import ir as I\n")
    assert "class Module:" in whole
    assert 'def f(A: T.Buffer((4,), "float32")):' in whole
    one = await _show_ir(client, path.as_uri(), "g")
    assert isinstance(one, str)
    assert 'def g(B: T.Buffer((4,), "float32")):\n    B[0] = T.float32(2.0)' in one
    assert "def f" not in one


async def test_show_ir_errors_are_shown_not_raised(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "k.py"
    await open_document(client, path, TEXT)  # has an error
    assert await _show_ir(client, path.as_uri()) is None
    message = client.messages[-1]
    assert message.type == types.MessageType.Error
    assert message.message == (
        "tvmscript.showIR: 'Mod' has errors "
        "(line 9: 'T' has no attribute 'flaot32'; did you mean 'float32'?)"
    )
    assert await _show_ir(client, path.as_uri(), "nope") is None
    assert client.messages[-1].message == (
        "tvmscript.showIR: no TVMScript definition or function named 'nope'"
    )


async def test_missing_s_tir_quick_fix(client: LanguageClient, tmp_path: Path) -> None:
    text = source("""
        from tvm.script import tirx as T

        @T.prim_func(private=True)
        def f(A: T.Buffer((4,), "float32")):
            with T.sblock("b"):
                A[0] = T.float32(0)
    """)
    path = tmp_path / "k.py"
    published = await open_document(client, path, text)
    [diagnostic] = [d for d in published.diagnostics if d.code == "missing-s-tir"]
    [action] = await _actions(client, path, diagnostic.range.start.line, [diagnostic])
    assert action.title == "Declare the prim_func with s_tir=True (TVM 0.27)"
    assert action.edit is not None
    assert action.edit.changes is not None
    fixed = _apply(text, list(action.edit.changes[path.as_uri()]))
    assert "@T.prim_func(private=True, s_tir=True)\n" in fixed
