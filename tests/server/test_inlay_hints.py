from __future__ import annotations

import ast
import re
from typing import Final

import pytest
from conftest import CorpusProgram, corpus_rows

from tvmscript.analysis import Analysis, analyse_source
from tvmscript_server.inlay_hints import Hint, inlay_hints

from .lsp_helpers import source

TIR: Final = corpus_rows("tir")
_KINDS: Final = {"S": "spatial", "R": "reduce", "O": "opaque"}
_PRINTED_SCALAR: Final = re.compile(r"\b(hint_\d+): (T\.\w+) = ")

KERNEL = source("""
    from tvm.script import tirx as T

    @T.prim_func
    def f(A: T.Buffer((128, 64), "float32"), B: T.Buffer((128,), "float32")):
        for i, k in T.grid(128, 64):
            with T.sblock("B"):
                vi, vk = T.axis.remap("SR", [i, k])
                vj = T.axis.spatial((2, 10), i)
                x = A[vi, vk] * T.float32(2)
                y: T.float32 = x
                a, b = T.int32(1), T.float16(2)
                with T.init():
                    B[vi] = T.float32(0)
                x = x + y
                B[vi] = B[vi] + x + T.float32(a) + T.float32(b)
        n = T.int64()
        m = T.int64(3)
""")


def _hints(
    text: str, start: tuple[int, int] | None = None, end: tuple[int, int] | None = None
) -> list[Hint]:
    analysis = analyse_source(text)
    return inlay_hints(analysis.symbols, text.splitlines(), start, end)


def _shown(text: str, hints: list[Hint]) -> list[str]:
    """The lines of ``text`` that have hints, with the hints written in (stripped)."""
    lines = text.splitlines()
    for h in sorted(hints, key=lambda h: h.position, reverse=True):
        line = lines[h.line - 1]
        lines[h.line - 1] = line[: h.column - 1] + h.label + line[h.column - 1 :]
    return [lines[n - 1].strip() for n in sorted({h.line for h in hints})]


def test_hints_scalars_and_remapped_axes_only_where_nothing_is_written() -> None:
    assert _shown(KERNEL, _hints(KERNEL)) == [
        'vi: spatial(128), vk: reduce(64) = T.axis.remap("SR", [i, k])',
        "x: T.float32 = A[vi, vk] * T.float32(2)",
        "a: T.int32, b: T.float16 = T.int32(1), T.float16(2)",
        "m: T.int64 = T.int64(3)",
    ]


def test_hint_labels_kinds_and_positions() -> None:
    hints = _hints(KERNEL)
    assert [(h.line, h.column, h.label) for h in hints] == [
        (7, 15, ": spatial(128)"),
        (7, 19, ": reduce(64)"),
        (9, 14, ": T.float32"),
        (11, 14, ": T.int32"),
        (11, 17, ": T.float16"),
        (17, 6, ": T.int64"),
    ]
    assert {h.kind for h in hints} == {"type"}
    assert hints[0].tooltip == "vi = T.axis.spatial(128, i)"


def test_hints_only_in_the_requested_range() -> None:
    assert [h.line for h in _hints(KERNEL, (9, 1), (11, 15))] == [9, 11]
    assert _hints(KERNEL, (12, 1), (16, 80)) == []
    # A hint exactly at either end of the range is in it.
    assert [h.column for h in _hints(KERNEL, (7, 15), (7, 19))] == [15, 19]


def test_no_hints_without_tvmscript() -> None:
    text = "import math\n\nx = 1\n\ndef f(a):\n    y = a * 2\n    return y\n"
    assert _hints(text) == []
    assert _hints("") == []


def test_a_definition_with_errors_gives_hints_for_what_parsed() -> None:
    text = source("""
        from tvm.script import tirx as T

        @T.prim_func
        def f(A: T.Buffer((8,), "float32")):
            for i in range(8):
                x = A[i] + T.float32(1)
                A[i] = undefined_name + x
                y = A[i] * T.float32(2)
                A[i] = y

        @T.prim_func
        def g(A: T.Buffer((8,), "int32")):
            for i in range(8):
                z = A[i] + 1
                A[i] = z
    """)
    analysis = analyse_source(text)
    assert [d.code for d in analysis.diagnostics] == ["undefined-name"]
    assert [(h.line, h.label) for h in _hints(text)] == [
        (6, ": T.float32"),
        (8, ": T.float32"),
        (14, ": T.int32"),
    ]


def test_a_mixed_module_hints_its_relax_and_its_tir_bindings() -> None:
    text = source("""
        from tvm.script import ir as I
        from tvm.script import relax as R
        from tvm.script import tirx as T

        @I.ir_module
        class Module:
            @R.function
            def main(x: R.Tensor((4,), "float32")):
                y = R.add(x, x)
                return y

            @T.prim_func
            def f(A: T.Buffer((8,), "float32")):
                for i in range(8):
                    x = A[i] + T.float32(1)
                    A[i] = x
    """)
    assert [(h.line, h.label) for h in _hints(text)] == [
        (9, ': R.Tensor((4,), dtype="float32")'),
        (15, ": T.float32"),
    ]


def test_a_multi_line_remap_is_hinted() -> None:
    text = source("""
        from tvm.script import tirx as T

        @T.prim_func
        def f(A: T.Buffer((4, 6), "float32"), B: T.Buffer((4,), "float32")):
            for i, j in T.grid(4, 6):
                with T.sblock("B"):
                    vi, vj = T.axis.remap(
                        "SR",
                        [i, j],
                    )
                    with T.init():
                        B[vi] = T.float32(0)
                    B[vi] = B[vi] + A[vi, vj]
    """)
    assert [(h.line, h.label) for h in _hints(text)] == [
        (7, ": spatial(4)"),
        (7, ": reduce(6)"),
    ]


# --- corpus-wide -------------------------------------------------------------------------------


def _check_positions(analysis: Analysis, hints: list[Hint]) -> None:
    ends = {(s.span.end_line, s.span.end_column): s for s in analysis.symbols.symbols}
    for hint in hints:
        symbol = ends.get(hint.position)
        assert symbol is not None, hint
        assert symbol.kind in ("scalar", "block_axis"), (hint, symbol)


def _remapped_kinds(text: str) -> dict[tuple[int, int], str]:
    """The end of each name a ``T.axis.remap`` binds (1-based, characters) -> its kind."""
    kinds: dict[tuple[int, int], str] = {}
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.Assign) or not isinstance(node.value, ast.Call):
            continue
        func, target = node.value.func, node.targets[0]
        if not isinstance(func, ast.Attribute) or func.attr != "remap":
            continue
        letters = node.value.args[0]
        assert isinstance(letters, ast.Constant)
        assert isinstance(target, ast.Tuple | ast.Name)
        names = target.elts if isinstance(target, ast.Tuple) else [target]
        for letter, name in zip(str(letters.value), names, strict=True):
            assert isinstance(name, ast.Name)
            kinds[(name.lineno, name.col_offset + len(name.id) + 1)] = _KINDS[letter]
    return kinds


@pytest.mark.slow
@pytest.mark.requires_corpus
def test_corpus_hints_follow_known_names_and_match_the_remap_letters() -> None:
    axes = 0
    for program in TIR:
        analysis = analyse_source(program.text)
        hints = inlay_hints(analysis.symbols, program.text.splitlines())
        _check_positions(analysis, hints)
        # TVM prints every scalar with its type: no scalar hint anywhere.
        assert all(not h.label.startswith(": T.") for h in hints), program.id
        # Every remapped axis, and only those, with the kind its letter says.
        kinds = _remapped_kinds(program.text)
        got = {h.position: h.label.split("(")[0].removeprefix(": ") for h in hints}
        assert got == kinds, program.id
        axes += len(got)
    assert axes > 500


def _hoisted(program: CorpusProgram) -> str:
    """``program`` with each one-line store ``A[i] = e`` made ``hint_k = e; A[i] = hint_k``."""
    text = program.text
    lines = text.split("\n")
    stores = [
        n
        for n in ast.walk(ast.parse(text))
        if isinstance(n, ast.Assign)
        and isinstance(n.targets[0], ast.Subscript)
        and n.lineno == n.end_lineno
        and not lines[n.lineno - 1][: n.col_offset].strip()
    ]
    for k, n in sorted(enumerate(stores), key=lambda e: -e[1].lineno):
        indent = lines[n.lineno - 1][: n.col_offset]
        value = ast.get_source_segment(text, n.value)
        target = ast.get_source_segment(text, n.targets[0])
        lines[n.lineno - 1 : n.lineno] = [
            f"{indent}hint_{k} = {value}",
            f"{indent}{target} = hint_{k}",
        ]
    return "\n".join(lines)


@pytest.mark.slow
@pytest.mark.requires_corpus
def test_corpus_scalar_hints_are_what_the_printer_writes() -> None:
    """Every stored value of the corpus, bound to a name first: hint == printed annotation."""
    checked = 0
    for program in TIR:
        text = _hoisted(program)
        analysis = analyse_source(text)
        assert analysis.diagnostics == (), program.id
        lines = text.splitlines()
        hints = inlay_hints(analysis.symbols, lines)
        _check_positions(analysis, hints)
        printed = "\n".join(ir.script() for ir in analysis.results.values())
        annotations = {name: f": {dtype}" for name, dtype in _PRINTED_SCALAR.findall(printed)}
        scalar_hints = {
            lines[h.line - 1][: h.column - 1].split()[-1].rstrip(","): h.label
            for h in hints
            if h.label.startswith(": T.")
        }
        assert scalar_hints == annotations, program.id
        checked += len(annotations)
    assert checked > 500
