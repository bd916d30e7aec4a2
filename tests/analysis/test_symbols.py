"""The symbol index: bindings, uses, kinds and details agree with what the parser understood."""

from __future__ import annotations

import ast
import random

import pytest
from conftest import corpus_rows, script

from tvmscript.analysis import KINDS, IncrementalAnalyser, SymbolIndex, index_source
from tvmscript.core.ir.span import Span

TIR_PROGRAMS = corpus_rows("tir")

KERNEL = script(
    """
    from tvm.script import tirx as T

    @T.prim_func
    def mm(a: T.handle, B: T.Buffer((128, 128), "float32"), C: T.Buffer(("n", 128), "float32")):
        A = T.match_buffer(a, (128, 128), "float32")
        x: T.int32 = 3
        for i, j, k in T.grid(128, 128, 128):
            with T.sblock("update"):
                vi, vj, vk = T.axis.remap("SSR", [i, j, k])
                with T.init():
                    C[vi, vj] = T.float32(0)
                C[vi, vj] = C[vi, vj] + A[vi, vk] * B[vj, vk]
        for t in T.parallel(0, 64):
            S = T.alloc_buffer((64,), "float32", scope="shared")
            S[t] = T.float32(x)
            x = x + 1
    """
)


def _text(lines: list[str], span: Span) -> str:
    assert span.line == span.end_line
    return lines[span.line - 1][span.column - 1 : span.end_column - 1]


def _check_spans(text: str, index: SymbolIndex) -> None:
    lines = text.split("\n")
    for symbol in index.symbols:
        assert symbol.kind in KINDS
        for span in symbol.occurrences():
            assert _text(lines, span) == symbol.name, (symbol, span)


def _one(index: SymbolIndex, name: str) -> object:
    found = index.named(name)
    assert len(found) == 1, found
    return found[0]


def test_kinds_details_and_references() -> None:
    index = index_source(KERNEL)
    _check_spans(KERNEL, index)
    by_name = {s.name: s for s in index.symbols}
    assert by_name["mm"].kind == "function"
    assert by_name["a"].kind == "param"
    assert by_name["a"].detail == "a: T.handle"
    assert by_name["B"].kind == "buffer"
    assert by_name["B"].parameter
    assert by_name["B"].detail == 'B: T.Buffer((128, 128), "float32")\n# scope: global (parameter)'
    assert by_name["A"].detail.startswith('A: T.Buffer((128, 128), "float32")')
    assert "T.match_buffer" in by_name["A"].detail
    assert by_name["S"].detail == 'S: T.Buffer((64,), "float32")\n# scope: shared (T.alloc_buffer)'
    assert by_name["n"].kind == "scalar"
    assert by_name["n"].span.line == 5
    assert by_name["x"].detail == "x: T.int32"
    assert len(by_name["x"].references) == 3  # read twice, reassigned once
    assert by_name["i"].kind == "loop_var"
    assert by_name["i"].detail == "for i in T.serial(0, 128)  # T.grid(128, 128, 128)"
    assert by_name["t"].detail == "for t in T.parallel(0, 64)"
    assert by_name["vk"].kind == "block_axis"
    assert by_name["vk"].detail == "vk = T.axis.reduce(128, k)"
    assert by_name["update"].kind == "block"
    assert "vi = T.axis.spatial(128, i)" in by_name["update"].detail
    # vi: bound on line 10, used in init and in the update
    assert [r.line for r in by_name["vi"].references] == [12, 13, 13, 13]


def test_at_and_visible_at() -> None:
    index = index_source(KERNEL)
    symbol = index.at(13, 27)  # `vi` in `C[vi, vj] + ...`
    assert symbol is not None
    assert symbol.name == "vi"
    assert index.at(13, 1) is None
    inside = {s.name for s in index.visible_at(13, 13)}
    assert {"A", "B", "C", "a", "i", "j", "k", "vi", "vj", "vk", "x"} <= inside
    assert "t" not in inside
    assert "S" not in inside
    assert "update" not in inside
    before = {s.name for s in index.visible_at(6, 5)}
    assert "x" not in before
    assert "i" not in before
    assert "A" not in before


def test_shadowing_resolves_to_the_inner_binding() -> None:
    text = script(
        """
        from tvmscript import tir as T

        @T.prim_func
        def f(A: T.Buffer((4,), "int32")):
            for i in range(4):
                A[i] = 0
            for i in range(2):
                A[i] = 1
        """
    )
    index = index_source(text)
    loops = index.named("i")
    assert [s.span.line for s in loops] == [6, 8]
    assert [r.line for r in loops[0].references] == [7]
    assert [r.line for r in loops[1].references] == [9]


def test_module_functions_and_cls_references() -> None:
    text = script(
        """
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
                Module.add(A.data)
        """
    )
    index = index_source(text)
    _check_spans(text, index)
    add = [s for s in index.named("add") if s.kind == "function"]
    assert len(add) == 1
    assert [(r.line, r.column) for r in add[0].references] == [(13, 13), (14, 16)]
    assert index.at(13, 14) is add[0]


def test_errors_keep_what_was_bound() -> None:
    text = script(
        """
        from tvmscript import tir as T

        @T.prim_func
        def f(A: T.Buffer((4,), "int32")):
            for i in range(4):
                B = T.alloc_buffer((4,), "int32")
                A[i] = undefined_name + 1
                B[i] = A[i]
            y = nope(3)
            A[0] = y
        """
    )
    index = index_source(text)
    _check_spans(text, index)
    names = {s.name: s for s in index.symbols}
    assert {"f", "A", "i", "B", "y"} <= set(names)
    assert [r.line for r in names["B"].references] == [9]
    assert [r.line for r in names["y"].references] == [11]


def test_syntax_error_elsewhere_still_indexes() -> None:
    text = script(
        """
        from tvmscript import tir as T

        def broken(:
            pass

        @T.prim_func
        def f(A: T.Buffer((4,), "int32")):
            for i in range(4):
                A[i] = 0
        """
    )
    index = index_source(text)
    assert {s.name for s in index.symbols} >= {"f", "A", "i"}


def test_never_raises_on_garbage() -> None:
    for text in ("", "@T.prim_func\n", "\x00", "class X:\n  @T.prim_func\n  def f(: pass"):
        assert isinstance(index_source(text), SymbolIndex)


@pytest.mark.parametrize("program", TIR_PROGRAMS, ids=lambda p: p.id)
def test_corpus_program_indexes(program: object) -> None:
    """Every T.Buffer parameter and T.axis binding appears, with the right kind and spans."""
    text: str = program.text  # type: ignore[attr-defined]
    index = index_source(text)
    _check_spans(text, index)
    found = {(s.span.line, s.name): s for s in index.symbols}
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.decorator_list:
            for arg in node.args.args:
                ann = ast.unparse(arg.annotation) if arg.annotation else ""
                if ann.startswith("T.Buffer"):
                    symbol = found[(arg.lineno, arg.arg)]
                    assert symbol.kind == "buffer"
                    assert symbol.parameter
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            func = ast.unparse(node.value.func)
            if func.startswith("T.axis."):
                for target in ast.walk(node.targets[0]):
                    if isinstance(target, ast.Name):
                        assert found[(target.lineno, target.id)].kind == "block_axis"


@pytest.mark.requires_corpus
def test_cache_matches_full_index_through_edits() -> None:
    rng = random.Random(7)
    programs = [p for p in TIR_PROGRAMS if p.kind in ("tir_te", "tir_scheduled")]
    body = []
    for k, program in enumerate(rng.sample(programs, 12)):
        lines = [line for line in program.text.splitlines() if not line.startswith("# from ")]
        body.append("\n".join(lines).replace("class Module:", f"class Module{k}:"))
    text = "from tvm.script import ir as I\nfrom tvm.script import tirx as T\n\n" + "\n\n".join(
        body
    )
    checker = IncrementalAnalyser()
    first = checker.analyse(text)
    assert first.symbols.symbols == index_source(text).symbols
    assert first.parsed == 12
    lines = text.split("\n")
    for _ in range(6):
        i = rng.randrange(3, len(lines))
        if not lines[i].startswith("    ") or lines[i].strip().startswith(("@", "def")):
            continue
        lines.insert(i, lines[i][: len(lines[i]) - len(lines[i].lstrip())] + "# note")
        edited = "\n".join(lines)
        analysis = checker.analyse(edited)
        assert analysis.symbols.symbols == index_source(edited).symbols
        assert analysis.parsed == 1
