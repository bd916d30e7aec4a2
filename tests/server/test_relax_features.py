"""The language server on Relax and on mixed Relax + TIR modules.

Hover (struct info of every binding, printed functions at ``def`` and at ``cls.f``), inlay
hints (struct info of unannotated bindings, as TVM prints the annotation), completion and
signature help of ``R.`` and ``R.nn.``, definition / references / rename across ``cls.f``,
outline, semantic tokens, formatting and ``tvmscript.showIR``: first the pure features, then
end to end over stdio, then corpus-wide properties.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from conftest import CorpusProgram, corpus_rows
from lsprotocol import types
from pytest_lsp import LanguageClient

from tvmscript.analysis import Analysis, analyse_source
from tvmscript.script.formatter import format_source
from tvmscript_server.completion import complete
from tvmscript_server.folding import folding_ranges
from tvmscript_server.hover import hover_at
from tvmscript_server.inlay_hints import inlay_hints
from tvmscript_server.navigation import document_outline, rename_target, symbol_at
from tvmscript_server.semantic_tokens import TOKEN_MODIFIERS, TOKEN_TYPES, encode
from tvmscript_server.show_ir import show_ir
from tvmscript_server.signature_help import signature_at
from tvmscript_server.stub_index import StubIndex

from .lsp_helpers import open_document, source

MIXED = source("""
    from tvm.script import ir as I
    from tvm.script import relax as R
    from tvm.script import tirx as T


    @I.ir_module
    class Module:
        @T.prim_func(private=True, s_tir=True)
        def add(
            a: T.Buffer((4, 4), "float32"),
            b: T.Buffer((4, 4), "float32"),
            c: T.Buffer((4, 4), "float32"),
        ):
            for i, j in T.grid(4, 4):
                with T.sblock("c"):
                    vi, vj = T.axis.remap("SS", [i, j])
                    c[vi, vj] = a[vi, vj] + b[vi, vj]

        @R.function
        def main(
            x: R.Tensor((4, 4), dtype="float32"), y: R.Tensor((4, 4), "float32")
        ) -> R.Tensor((4, 4), dtype="float32"):
            cls = Module
            with R.dataflow():
                lv = R.call_tir(cls.add, (x, y), out_ty=R.Tensor((4, 4), dtype="float32"))
                lv1 = R.add(lv, x)
                s = R.sum(lv1, axis=[1])
                gv = R.nn.relu(lv1)
                R.output(gv, s)
            return gv

        @R.function
        def pick(c: R.Tensor((), dtype="bool"), x: R.Tensor(("n", 4), dtype="float32")):
            if c:
                y = R.add(x, x)
            else:
                y = R.multiply(x, x)
            t = (y, x)
            return t
""")
LINES = MIXED.split("\n")
# 0-based lines of MIXED
L_ADD, L_ADD_STORE, L_MAIN, L_MAIN_PARAMS, L_CALL_TIR, L_LV1, L_SUM, L_GV = (
    8,
    16,
    19,
    20,
    24,
    25,
    26,
    27,
)
L_OUTPUT, L_RETURN, L_PICK, L_THEN, L_ELSE, L_TUPLE = 28, 29, 32, 34, 36, 37
TENSOR_44 = 'R.Tensor((4, 4), dtype="float32")'
TENSOR_N4 = 'R.Tensor((n, 4), dtype="float32")'
CONV2D = (
    "conv2d(data: Expr, weight: Expr, strides: IntOrSeq=..., padding: IntOrSeq=..., "
    "dilation: IntOrSeq=..., groups: int=1, data_layout: str='NCHW', "
    "kernel_layout: str='OIHW', out_layout: str | None=None, "
    "out_dtype: str | None=None) -> Call_"
)


def _col(line: int, needle: str) -> int:
    return LINES[line].index(needle)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    found = analyse_source(MIXED, "/relax.py")
    assert found.all_diagnostics() == []
    return found


@pytest.fixture(scope="module")
def stubs() -> StubIndex:
    return StubIndex()


def _code(text: str) -> str:
    return f"```python\n{text}\n```"


# --- hover -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "needle", "shown"),
    [
        (L_LV1, "lv1", f"lv1: {TENSOR_44}"),  # an unannotated binding
        (L_GV, "lv1", f"lv1: {TENSOR_44}"),  # a use of it
        (L_SUM, "s =", 's: R.Tensor((4,), dtype="float32")'),
        (L_CALL_TIR, "lv", f"lv: {TENSOR_44}"),  # what out_ty says
        (L_RETURN, "gv", f"gv: {TENSOR_44}"),  # a dataflow output, after the block
        (L_MAIN_PARAMS, "y:", f"y: {TENSOR_44}"),  # a parameter, as TVM prints it
        (L_PICK, "x:", f"x: {TENSOR_N4}"),  # a symbolic shape
        (L_ELSE, "y", f"y: {TENSOR_N4}"),  # the variable of the `if`
        (L_TUPLE, "t", f"t: R.Tuple({TENSOR_N4}, {TENSOR_N4})"),
    ],
)
def test_hover_on_a_relax_name_shows_its_struct_info(
    analysis: Analysis, line: int, needle: str, shown: str
) -> None:
    assert hover_at(MIXED, line, _col(line, needle), analysis) == _code(shown)


def test_hover_on_a_relax_function_name_prints_the_function(analysis: Analysis) -> None:
    printed = analysis.results["Module"]["main"].script()
    assert 'def main(x: R.Tensor((4, 4), dtype="float32")' in printed
    hover = hover_at(MIXED, L_MAIN, _col(L_MAIN, "main"), analysis)
    assert hover == _code(printed.rstrip())


def test_hover_on_cls_f_prints_the_prim_func_it_names(analysis: Analysis) -> None:
    printed = analysis.results["Module"]["add"].script().rstrip()
    assert printed.endswith("c[vi, vj] = a[vi, vj] + b[vi, vj]")
    at_use = hover_at(MIXED, L_CALL_TIR, _col(L_CALL_TIR, "add"), analysis)
    assert at_use == _code(printed)
    assert hover_at(MIXED, L_ADD, _col(L_ADD, "add"), analysis) == at_use


def test_hover_on_an_r_name_shows_the_stub_signature() -> None:
    hover = hover_at(MIXED, L_GV, _col(L_GV, "relu"))
    assert hover is not None
    assert hover.startswith("```python\nR.nn.relu(data: Expr)")


# --- inlay hints -----------------------------------------------------------------------------


def test_inlay_hints_give_the_struct_info_tvm_prints_for_unannotated_bindings(
    analysis: Analysis,
) -> None:
    hints = [(h.line - 1, h.column - 1, h.label) for h in inlay_hints(analysis.symbols, LINES)]
    relax = [h for h in hints if h[0] > L_ADD_STORE]
    assert relax == [
        (L_LV1, _col(L_LV1, " ="), f": {TENSOR_44}"),
        (L_SUM, _col(L_SUM, " ="), ': R.Tensor((4,), dtype="float32")'),
        (L_GV, _col(L_GV, " ="), f": {TENSOR_44}"),
        (L_THEN, _col(L_THEN, " ="), f": {TENSOR_N4}"),  # the `if` variable, in both branches
        (L_ELSE, _col(L_ELSE, " ="), f": {TENSOR_N4}"),
        (L_TUPLE, _col(L_TUPLE, " ="), f": R.Tuple({TENSOR_N4}, {TENSOR_N4})"),
    ]  # none after `lv = R.call_tir(...)`: its out_ty says it, and TVM prints none


def test_an_annotated_relax_binding_gets_no_hint() -> None:
    text = MIXED.replace("lv1 = R.add", f"lv1: {TENSOR_44} = R.add")
    hinted = [h.line - 1 for h in inlay_hints(analyse_source(text).symbols, text.split("\n"))]
    assert L_LV1 not in hinted
    assert L_GV in hinted


# --- completion and signature help -----------------------------------------------------------


def _typed(line: int, typed: str) -> tuple[str, int, int]:
    """MIXED with a line ``typed`` inserted before ``line``; the cursor at its end."""
    indent = LINES[line][: len(LINES[line]) - len(LINES[line].lstrip())]
    text = "\n".join([*LINES[:line], indent + typed, *LINES[line:]])
    return text, line, len(indent + typed)


def test_completion_after_r_lists_the_relax_stub_members(stubs: StubIndex) -> None:
    items = {item.label: item for item in complete(*_typed(L_GV, "z = R."), stubs)}
    assert {"add", "call_tir", "dataflow", "Tensor", "nn", "match_cast"} <= set(items)
    assert items["nn"].kind == "module"
    assert items["add"].detail == "add(x1: Expr, x2: Expr) -> Call_"


def test_completion_after_r_nn_lists_the_operators_with_their_signatures(
    stubs: StubIndex,
) -> None:
    items = {item.label: item for item in complete(*_typed(L_GV, "z = R.nn."), stubs)}
    assert {"conv2d", "relu", "softmax", "layer_norm"} <= set(items)
    assert items["conv2d"].detail == CONV2D


def test_completion_in_a_relax_annotation_puts_struct_info_first(stubs: StubIndex) -> None:
    items = complete(*_typed(L_GV, "z: R."), stubs)
    first = sorted(items, key=lambda item: item.sort)[:6]
    assert {item.label for item in first} == {
        "Tensor",
        "Tuple",
        "Shape",
        "Prim",
        "Object",
        "Callable",
    }


def test_completion_of_names_in_a_relax_function(analysis: Analysis, stubs: StubIndex) -> None:
    text, line, column = _typed(L_GV, "z = l")
    items = {item.label: item for item in complete(text, line, column, stubs)}
    assert items["lv1"].detail == f"lv1: {TENSOR_44}"
    assert items["x"].detail == f"x: {TENSOR_44}"
    assert "gv" not in items  # bound below the cursor


def test_signature_help_of_r_nn_conv2d(stubs: StubIndex) -> None:
    found = signature_at(*_typed(L_GV, "z = R.nn.conv2d(x, lv1, padding="), stubs)
    assert found is not None
    assert [p.name for p in found.member.params] == [
        "data",
        "weight",
        "strides",
        "padding",
        "dilation",
        "groups",
        "data_layout",
        "kernel_layout",
        "out_layout",
        "out_dtype",
    ]
    assert found.active == 3


# --- navigation ------------------------------------------------------------------------------


def test_definition_of_cls_f_is_the_prim_func(analysis: Analysis) -> None:
    symbol = symbol_at(analysis.symbols, L_CALL_TIR, _col(L_CALL_TIR, "add"))
    assert symbol is not None
    assert (symbol.kind, symbol.span.line - 1, symbol.span.column - 1) == (
        "function",
        L_ADD,
        _col(L_ADD, "add"),
    )
    assert [(r.line - 1, r.column - 1) for r in symbol.references] == [
        (L_CALL_TIR, _col(L_CALL_TIR, "add"))
    ]


def test_references_of_a_dataflow_output_reach_past_the_block(analysis: Analysis) -> None:
    symbol = symbol_at(analysis.symbols, L_GV, _col(L_GV, "gv"))
    assert symbol is not None
    assert [(s.line - 1, s.column - 1) for s in symbol.occurrences()] == [
        (L_GV, _col(L_GV, "gv")),
        (L_OUTPUT, _col(L_OUTPUT, "gv")),
        (L_RETURN, _col(L_RETURN, "gv")),
    ]


def test_renaming_the_if_variable_renames_both_branches_and_its_uses(analysis: Analysis) -> None:
    symbol = rename_target(analysis.symbols, L_TUPLE, _col(L_TUPLE, "(y") + 1)
    assert [(s.line - 1, s.column - 1) for s in symbol.occurrences()] == [
        (L_THEN, _col(L_THEN, "y")),
        (L_ELSE, _col(L_ELSE, "y")),
        (L_TUPLE, _col(L_TUPLE, "(y") + 1),
    ]


def test_outline_of_a_mixed_module(analysis: Analysis) -> None:
    [module] = document_outline(MIXED, analysis.symbols)
    assert (module.name, module.kind) == ("Module", "module")
    assert [(f.name, f.detail) for f in module.children] == [
        ("add", "@T.prim_func(private=True, s_tir=True)"),
        ("main", "@R.function"),
        ("pick", "@R.function"),
    ]
    assert [b.name for b in module.children[0].children] == ["c"]


def test_semantic_tokens_of_a_relax_function(analysis: Analysis) -> None:
    data = encode(analysis.symbols, lambda s: (s.line - 1, s.column - 1, s.end_column - s.column))
    found = set()
    line = start = 0
    for k in range(0, len(data), 5):
        d_line, d_start, length, kind, bits = data[k : k + 5]
        line += d_line
        start = start + d_start if d_line == 0 else d_start
        mods = tuple(m for i, m in enumerate(TOKEN_MODIFIERS) if bits & (1 << i))
        found.add((line, LINES[line][start : start + length], TOKEN_TYPES[kind], mods))
    assert (L_LV1, "lv1", "variable", ("declaration",)) in found
    assert (L_GV, "lv1", "variable", ()) in found
    assert (L_CALL_TIR, "add", "function", ()) in found
    assert (L_MAIN, "main", "function", ("declaration",)) in found
    assert (L_CALL_TIR, "x", "parameter", ()) in found


def test_folding_of_relax_functions_blocks_and_branches() -> None:
    folds = {(f.start, f.end) for f in folding_ranges(MIXED)}
    assert {
        (L_MAIN - 1, L_RETURN),  # the function, with its decorator
        (L_CALL_TIR - 1, L_OUTPUT),  # the dataflow block
        (L_PICK - 1, L_TUPLE + 1),
        (L_THEN - 1, L_ELSE),  # if / else
        (L_ELSE - 1, L_ELSE),
    } <= folds


def test_show_ir_of_a_relax_function(analysis: Analysis) -> None:
    shown = show_ir(MIXED, "pick", analysis)
    assert shown == analysis.results["Module"]["pick"].script()
    assert '    if c:\n        y_then: R.Tensor((n, 4), dtype="float32") = R.add(x, x)' in shown


def test_formatting_a_relax_function_changes_layout_only() -> None:
    text = source("""
        from tvm.script import relax as R

        @R.function
        def f(x: R.Tensor((4,), "float32"),   y: R.Tensor((4,), "float32")):
            with R.dataflow():
                lv = R.add(x,y)
                gv = R.multiply(lv,  lv)
                R.output(gv)
            return gv
    """)
    replacements, skipped = format_source(text, None)
    assert skipped == []
    lines = text.splitlines(keepends=True)
    for r in reversed(replacements):
        lines[r.start : r.end] = [r.text]
    assert "".join(lines) == source("""
        from tvm.script import relax as R


        @R.function
        def f(x: R.Tensor((4,), "float32"), y: R.Tensor((4,), "float32")):
            with R.dataflow():
                lv = R.add(x, y)
                gv = R.multiply(lv, lv)
                R.output(gv)
            return gv
    """)


# --- end to end ------------------------------------------------------------------------------


def _doc(path: Path) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=path.as_uri())


def _pos(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


@pytest.mark.lsp
async def test_lsp_hover_and_inlay_hints_on_relax(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "relax.py"
    published = await open_document(client, path, MIXED)
    assert list(published.diagnostics) == []
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=_doc(path), position=_pos(L_LV1, _col(L_LV1, "lv1")))
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value == _code(f"lv1: {TENSOR_44}")
    hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(
            text_document=_doc(path), range=types.Range(start=_pos(L_MAIN, 0), end=_pos(L_GV, 80))
        )
    )
    assert hints is not None
    assert [(h.position.line, h.position.character, h.label) for h in hints] == [
        (L_LV1, _col(L_LV1, " ="), f": {TENSOR_44}"),
        (L_SUM, _col(L_SUM, " ="), ': R.Tensor((4,), dtype="float32")'),
        (L_GV, _col(L_GV, " ="), f": {TENSOR_44}"),
    ]


@pytest.mark.lsp
async def test_lsp_completion_and_signature_help_of_r_nn(
    client: LanguageClient, tmp_path: Path
) -> None:
    text, line, column = _typed(L_GV, "z = R.nn.conv2d(x, ")
    path = tmp_path / "relax.py"
    await open_document(client, path, text)
    where = _pos(line, column - len("conv2d(x, "))
    items = await client.text_document_completion_async(
        types.CompletionParams(text_document=_doc(path), position=where)
    )
    assert items is not None
    listed = items.items if isinstance(items, types.CompletionList) else items
    assert {"conv2d", "relu", "softmax"} <= {item.label for item in listed}
    help_ = await client.text_document_signature_help_async(
        types.SignatureHelpParams(text_document=_doc(path), position=_pos(line, column))
    )
    assert help_ is not None
    [signature] = help_.signatures
    assert signature.label == CONV2D
    assert signature.active_parameter == 1


@pytest.mark.lsp
async def test_lsp_definition_references_and_rename_across_cls_f(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "relax.py"
    await open_document(client, path, MIXED)
    use = _pos(L_CALL_TIR, _col(L_CALL_TIR, "add") + 1)
    found = await client.text_document_definition_async(
        types.DefinitionParams(text_document=_doc(path), position=use)
    )
    assert isinstance(found, types.Location)
    assert (found.range.start.line, found.range.start.character) == (L_ADD, _col(L_ADD, "add"))
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=_doc(path),
            position=_pos(L_ADD, _col(L_ADD, "add")),
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert refs is not None
    assert [(r.range.start.line, r.range.start.character) for r in refs] == [
        (L_CALL_TIR, _col(L_CALL_TIR, "add"))
    ]
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=_doc(path), position=use, new_name="add_tir")
    )
    assert edit is not None
    assert edit.changes is not None
    changed = sorted(
        (e.range.start.line, e.range.start.character) for e in edit.changes[path.as_uri()]
    )
    assert changed == [(L_ADD, _col(L_ADD, "add")), (L_CALL_TIR, _col(L_CALL_TIR, "add"))]


@pytest.mark.lsp
async def test_lsp_formatting_and_show_ir_of_a_relax_function(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "relax.py"
    squashed = MIXED.replace("R.add(lv, x)", "R.add(lv,x)")
    await open_document(client, path, squashed)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=_doc(path),
            options=types.FormattingOptions(tab_size=4, insert_spaces=True),
        )
    )
    assert edits is not None
    assert [e.new_text for e in edits if "R.add(lv" in e.new_text] != []
    assert all("R.add(lv,x)" not in e.new_text for e in edits)
    shown = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="tvmscript.showIR", arguments=[path.as_uri(), "main"])
    )
    assert shown == analyse_source(squashed).results["Module"]["main"].script()


# --- corpus-wide -----------------------------------------------------------------------------


_COMPOUND_DIM = re.compile(r'"(\w[\w ]*[-+*/%][\w +\-*/%]*)"')


def _tvm_printed_relax() -> list[CorpusProgram]:
    """Relax programs as TVM printed them (no omitted constants: those do not parse alone)."""
    return [
        p
        for p in corpus_rows("relax")
        if p.kind in ("relax", "relax_legalized") and "metadata" not in p.text
    ]


def _strip_annotations(text: str) -> tuple[str, dict[tuple[int, int], str], set[int]]:
    """``text`` without the annotations of Relax bindings; each one by its hint's place.

    A place is the 1-based (line, column) right after the bound name, where the hint goes;
    the set holds the 1-based lines of the Relax functions.
    """
    tree = ast.parse(text)
    lines = text.split("\n")
    removed: dict[tuple[int, int], str] = {}
    relax_lines: set[int] = set()
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef):
            continue
        if not any("R.function" in ast.unparse(d) for d in func.decorator_list):
            continue
        relax_lines.update(range(func.lineno, (func.end_lineno or func.lineno) + 1))
        for node in func.body:  # (a closure's bindings are its own function's)
            for inner in ast.walk(node):
                if not isinstance(inner, ast.AnnAssign) or inner.value is None:
                    continue
                assert isinstance(inner.target, ast.Name)
                target, row = inner.target, inner.lineno - 1
                place = (inner.lineno, target.end_col_offset + 1)
                if place in removed:
                    continue
                removed[place] = f": {ast.get_source_segment(text, inner.annotation)}"
                line = lines[row]
                lines[row] = line[: target.end_col_offset] + " = " + line[inner.value.col_offset :]
    return "\n".join(lines), removed, relax_lines


@pytest.mark.requires_corpus
def test_corpus_relax_hints_are_the_annotations_tvm_printed() -> None:
    """Every unannotated-binding hint equals TVM's annotation, and only those are hinted."""
    programs = _tvm_printed_relax()
    assert len(programs) >= 60
    for program in programs:
        stripped, expected, relax_lines = _strip_annotations(program.text)
        analysis = analyse_source(stripped, "/corpus.py")
        assert [d for d in analysis.diagnostics if d.severity == "error"] == [], program.id
        hints = inlay_hints(analysis.symbols, stripped.split("\n"))
        got = {(h.line, h.column): h.label for h in hints if h.line in relax_lines}
        assert got == expected, program.id


@pytest.mark.requires_corpus
def test_corpus_relax_hover_answers_every_name_with_its_printed_struct_info() -> None:
    """Hover answers every occurrence; a parameter's is the annotation TVM printed for it."""
    checked = 0
    for program in _tvm_printed_relax():
        text = program.text
        analysis = analyse_source(text, "/corpus.py")
        lines = text.split("\n")
        for span, symbol, binding in analysis.symbols.occurrences():
            hover = hover_at(text, span.line - 1, span.column - 1, analysis)
            assert hover is not None, (program.id, symbol.name, span.line)
            if symbol.kind == "relax_var":
                assert hover.startswith(f"```python\n{symbol.name}: "), program.id
            if binding and symbol.kind == "param" and symbol.detail.startswith(f"{symbol.name}: "):
                # (a signature spells a compound dimension as a string: ("n * m",))
                written = _COMPOUND_DIM.sub(r"\1", lines[span.line - 1][span.column - 1 :])
                assert written.startswith(symbol.detail), (program.id, symbol.name)
                checked += 1
    assert checked >= 30
