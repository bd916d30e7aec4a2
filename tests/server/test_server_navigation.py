"""Navigation end to end (real stdio).

Hover on locals, definition, references, rename, document symbols, folding, semantic tokens.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

from tvmscript_server.semantic_tokens import TOKEN_MODIFIERS, TOKEN_TYPES

from .lsp_helpers import open_document, source

pytestmark = pytest.mark.lsp

KERNEL = source("""
    from tvm.script import tirx as T

    @T.prim_func
    def mm(A: T.Buffer((128, 128), "float32"), B: T.Buffer((128, 128), "float32"),
           C: T.Buffer((128, 128), "float32")):
        # the update
        # of C
        for i, j, k in T.grid(128, 128, 128):
            with T.sblock("update"):
                vi, vj, vk = T.axis.remap("SSR", [i, j, k])
                with T.init():
                    C[vi, vj] = T.float32(0)
                C[vi, vj] = C[vi, vj] + A[vi, vk] * B[vj, vk]
        for t in T.parallel(0, 64):
            S = T.alloc_buffer((64,), "float32", scope="shared")
            S[t] = T.float32(1)  # "S" in a string and S in a comment stay
""")
# 0-based lines of KERNEL
L_DEF, L_FOR, L_BLOCK, L_AXES, L_INIT_STORE, L_UPDATE, L_PAR, L_ALLOC, L_STORE = (
    3,
    7,
    8,
    9,
    11,
    12,
    13,
    14,
    15,
)

# A corpus program (TVM's print), copied so these run without the corpus.
PRINTED = (Path(__file__).parent / "data" / "0001_exp_f32_8x32.py").read_text()


def _doc(path: Path) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=path.as_uri())


def _pos(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


def _col(text: str, line: int, needle: str, nth: int = 0) -> int:
    row = text.split("\n")[line]
    at = -1
    for _ in range(nth + 1):
        at = row.index(needle, at + 1)
    return at


async def _hover(client: LanguageClient, path: Path, line: int, character: int) -> str:
    result = await client.text_document_hover_async(
        types.HoverParams(text_document=_doc(path), position=_pos(line, character))
    )
    assert result is not None
    assert isinstance(result.contents, types.MarkupContent)
    return result.contents.value


async def test_hover_on_locals(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "k.py"
    await open_document(client, path, KERNEL)
    a_use = _col(KERNEL, L_UPDATE, "A[")
    assert await _hover(client, path, L_UPDATE, a_use) == (
        '```python\nA: T.Buffer((128, 128), "float32")\n# scope: global (parameter)\n```'
    )
    vk_use = _col(KERNEL, L_UPDATE, "vk")
    assert await _hover(client, path, L_UPDATE, vk_use) == (
        "```python\nvk = T.axis.reduce(128, k)\n```"
    )
    j_bind = _col(KERNEL, L_FOR, "j,")
    assert await _hover(client, path, L_FOR, j_bind) == (
        "```python\nfor j in T.serial(0, 128)  # T.grid(128, 128, 128)\n```"
    )
    t_use = _col(KERNEL, L_STORE, "t]")
    assert await _hover(client, path, L_STORE, t_use) == (
        "```python\nfor t in T.parallel(0, 64)\n```"
    )
    s_bind = _col(KERNEL, L_ALLOC, "S")
    text = await _hover(client, path, L_ALLOC, s_bind)
    assert "# scope: shared (T.alloc_buffer)" in text
    # existing hovers keep working: T.* names and the definition's name
    grid = _col(KERNEL, L_FOR, "grid")
    assert (await _hover(client, path, L_FOR, grid)).startswith("```python\nT.grid(")
    assert "@T.prim_func" in await _hover(client, path, L_DEF, 5)


async def test_definition_of_locals(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "k.py"
    await open_document(client, path, KERNEL)
    vi_use = _col(KERNEL, L_UPDATE, "vi")
    result = await client.text_document_definition_async(
        types.DefinitionParams(text_document=_doc(path), position=_pos(L_UPDATE, vi_use))
    )
    assert isinstance(result, types.Location)
    vi_bind = _col(KERNEL, L_AXES, "vi")
    assert result.range == types.Range(start=_pos(L_AXES, vi_bind), end=_pos(L_AXES, vi_bind + 2))
    i_use = _col(KERNEL, L_AXES, "[i") + 1
    result = await client.text_document_definition_async(
        types.DefinitionParams(text_document=_doc(path), position=_pos(L_AXES, i_use))
    )
    assert isinstance(result, types.Location)
    assert result.range.start == _pos(L_FOR, _col(KERNEL, L_FOR, "i"))


async def test_definition_of_module_function(client: LanguageClient, tmp_path: Path) -> None:
    text = source("""
        from tvm.script import ir as I
        from tvm.script import tirx as T

        @I.ir_module
        class Module:
            @T.prim_func(private=True)
            def add(A: T.Buffer((4,), "int32")):
                A[0] = 1

            @T.prim_func
            def main(A: T.Buffer((4,), "int32")):
                cls.add(A.data)
    """)
    path = tmp_path / "m.py"
    await open_document(client, path, text)
    result = await client.text_document_definition_async(
        types.DefinitionParams(text_document=_doc(path), position=_pos(11, 13))
    )
    assert isinstance(result, types.Location)
    assert result.range == types.Range(start=_pos(6, 8), end=_pos(6, 11))


async def test_references(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "k.py"
    await open_document(client, path, KERNEL)
    c_param = _col(KERNEL, L_DEF + 1, "C")
    result = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=_doc(path),
            position=_pos(L_DEF + 1, c_param),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert result is not None
    lines = sorted((r.range.start.line, r.range.start.character) for r in result)
    assert lines == [
        (L_DEF + 1, c_param),
        (L_INIT_STORE, _col(KERNEL, L_INIT_STORE, "C")),
        (L_UPDATE, _col(KERNEL, L_UPDATE, "C")),
        (L_UPDATE, _col(KERNEL, L_UPDATE, "C", 1)),
    ]
    result = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=_doc(path),
            position=_pos(L_DEF + 1, c_param),
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert result is not None
    assert len(result) == 3


async def test_rename_local(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "k.py"
    await open_document(client, path, KERNEL)
    s_bind = _col(KERNEL, L_ALLOC, "S")
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=_doc(path), position=_pos(L_ALLOC, s_bind))
    )
    assert isinstance(prepared, types.PrepareRenamePlaceholder)
    assert prepared.placeholder == "S"
    edit = await client.text_document_rename_async(
        types.RenameParams(
            text_document=_doc(path), position=_pos(L_STORE, 8), new_name="shared_buf"
        )
    )
    assert edit is not None
    assert edit.changes is not None
    edits = edit.changes[path.as_uri()]
    assert sorted((e.range.start.line, e.range.start.character) for e in edits) == [
        (L_ALLOC, s_bind),
        (L_STORE, 8),
    ]
    assert all(e.new_text == "shared_buf" for e in edits)


async def test_rename_refused(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "k.py"
    await open_document(client, path, KERNEL)
    vi = _col(KERNEL, L_AXES, "vi")
    for new_name, reason in (("vj", "already defined"), ("2x", "not a valid"), ("T", "hide")):
        with pytest.raises(JsonRpcException, match=reason):
            await client.text_document_rename_async(
                types.RenameParams(
                    text_document=_doc(path), position=_pos(L_AXES, vi), new_name=new_name
                )
            )
    block = _col(KERNEL, L_BLOCK, "update")
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=_doc(path), position=_pos(L_BLOCK, block))
    )
    assert prepared is None


async def test_document_symbols(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "printed.py"
    await open_document(client, path, PRINTED)
    result = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=_doc(path))
    )
    assert result is not None
    (module,) = result
    assert isinstance(module, types.DocumentSymbol)
    assert (module.name, module.kind) == ("Module", types.SymbolKind.Module)
    assert module.children is not None
    (function,) = module.children
    assert (function.name, function.kind) == ("exp_f32_8x32", types.SymbolKind.Function)
    assert function.children is not None
    assert [(b.name, b.kind) for b in function.children] == [("compute", types.SymbolKind.Struct)]
    assert function.range.start.line == 6  # the decorator
    assert function.range.end.line == 15


async def test_folding(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "k.py"
    await open_document(client, path, KERNEL)
    result = await client.text_document_folding_range_async(
        types.FoldingRangeParams(text_document=_doc(path))
    )
    assert result is not None
    folds = {(f.start_line, f.end_line, f.kind) for f in result}
    region, comment = types.FoldingRangeKind.Region, types.FoldingRangeKind.Comment
    assert (L_DEF - 1, L_STORE, region) in folds  # the definition, decorator included
    assert (L_DEF, L_DEF + 1, region) in folds  # the multi-line signature
    assert (L_DEF + 2, L_DEF + 3, comment) in folds
    assert (L_FOR, L_UPDATE, region) in folds
    assert (L_BLOCK, L_UPDATE, region) in folds
    assert (L_PAR, L_STORE, region) in folds


async def test_semantic_tokens(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "printed.py"
    await open_document(client, path, PRINTED)
    result = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=_doc(path))
    )
    assert result is not None
    tokens = _decode(result.data)
    lines = PRINTED.split("\n")
    found = {
        (lines[line][start : start + length], TOKEN_TYPES[kind], _mods(mods, TOKEN_MODIFIERS))
        for line, start, length, kind, mods in tokens
    }
    assert ("A", "parameter", ("declaration", "buffer")) in found
    assert ("A", "parameter", ("buffer",)) in found
    assert ("i0", "variable", ("declaration", "readonly", "loopVariable")) in found
    assert ("v_i0", "variable", ("declaration", "readonly", "blockAxis")) in found
    assert ("v_i0", "variable", ("readonly", "blockAxis")) in found
    assert ("compute", "string", ("declaration", "blockName")) in found
    assert ("exp_f32_8x32", "function", ("declaration",)) in found
    ranged = await client.text_document_semantic_tokens_range_async(
        types.SemanticTokensRangeParams(
            text_document=_doc(path),
            range=types.Range(start=_pos(12, 0), end=_pos(12, 80)),
        )
    )
    assert ranged is not None
    assert {t[0] for t in _decode(ranged.data)} == {12}


async def test_services_on_printed_file(client: LanguageClient, tmp_path: Path) -> None:
    """A file printed by TVM (comment-only imports) gets the same navigation."""
    path = tmp_path / "printed.py"
    await open_document(client, path, PRINTED)
    line = 15  # compute[v_i0, v_i1] = T.exp(A[v_i0, v_i1])
    column = _col(PRINTED, line, "A[")
    assert "A: T.Buffer((8, 32)" in await _hover(client, path, line, column)
    result = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=_doc(path),
            position=_pos(line, _col(PRINTED, line, "v_i1")),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert result is not None
    assert len(result) == 5  # bound once, used in reads, writes and twice in the store


def _decode(data: list[int]) -> list[tuple[int, int, int, int, int]]:
    out: list[tuple[int, int, int, int, int]] = []
    line = start = 0
    for k in range(0, len(data), 5):
        d_line, d_start, length, kind, mods = data[k : k + 5]
        line += d_line
        start = start + d_start if d_line == 0 else d_start
        out.append((line, start, length, kind, mods))
    return out


def _mods(bits: int, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for i, name in enumerate(names) if bits & (1 << i))


async def test_definition_of_t_name_goes_to_stub(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "k.py"
    await open_document(client, path, KERNEL)
    result = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=_doc(path), position=_pos(L_FOR, _col(KERNEL, L_FOR, "grid"))
        )
    )
    assert isinstance(result, types.Location)
    assert result.uri.endswith("/stubs/tvmscript-stubs/tir/__init__.pyi")
    stub = Path(result.uri.removeprefix("file://")).read_text().split("\n")
    assert stub[result.range.start.line].startswith("def grid(")
