"""Pure navigation logic: rename checks, stub locations, outline, folding, token encoding."""

from __future__ import annotations

import pytest
from conftest import corpus_rows

from tvmscript.analysis import index_source
from tvmscript.core.ir.span import Span
from tvmscript_server.document_analyses import Analyses
from tvmscript_server.folding import Fold, folding_ranges
from tvmscript_server.navigation import (
    RenameRefused,
    check_new_name,
    document_outline,
    rename_target,
    stub_location,
)
from tvmscript_server.semantic_tokens import encode
from tvmscript_server.server import TVMScriptServer

from .lsp_helpers import source

KERNEL = source("""
    from tvm.script import tirx as T

    @T.prim_func
    def f(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32")):
        for i in T.serial(8):
            with T.sblock("copy"):
                vi = T.axis.spatial(8, i)
                B[vi] = A[vi]
        for j in T.vectorized(8):
            B[j] = B[j] + T.float32(1)
""")


def test_rename_checks() -> None:
    index = index_source(KERNEL)
    i = rename_target(index, 4, 8)
    assert i.name == "i"
    check_new_name(KERNEL, index, i, "k")
    check_new_name(KERNEL, index, i, "j")  # `j` lives in a sibling loop: no clash
    with pytest.raises(RenameRefused, match="already defined"):
        check_new_name(KERNEL, index, i, "A")
    with pytest.raises(RenameRefused, match="already defined"):
        check_new_name(KERNEL, index, i, "vi")  # bound inside i's loop
    with pytest.raises(RenameRefused, match="not a valid"):
        check_new_name(KERNEL, index, i, "for")
    with pytest.raises(RenameRefused, match="block name"):
        rename_target(index, 5, 24)
    with pytest.raises(RenameRefused, match="no TVMScript name"):
        rename_target(index, 0, 0)


def test_index_is_cached_per_document() -> None:
    analyses = Analyses()
    first = analyses.analyse("file:///k.py", KERNEL).symbols
    assert analyses.analyse("file:///k.py", KERNEL).symbols is first
    edited = KERNEL.replace("T.float32(1)", "T.float32(2)")
    found = analyses.analyse("file:///k.py", edited).symbols.symbols
    assert found == index_source(edited, "/k.py").symbols  # named as diagnostics name it


def test_index_is_the_analysis_diagnostics_made() -> None:
    server = TVMScriptServer()
    assert server.diagnostics.analyses is server.analyses  # one analysis for every feature


def test_stub_location_of_t_names() -> None:
    found = stub_location(KERNEL, 4, 17)  # T.serial
    assert found is not None
    line = found.path.read_text().split("\n")[found.line]
    assert line.startswith("def serial(")
    axis = stub_location(KERNEL, 6, 27)  # T.axis.spatial
    assert axis is not None
    assert axis.path.name == "axis.pyi"
    assert stub_location(KERNEL, 4, 8) is None  # `i` is not a T name


def test_document_outline() -> None:
    (function,) = document_outline(KERNEL, index_source(KERNEL))
    assert (function.name, function.kind, function.range[0], function.range[2]) == (
        "f",
        "function",
        2,
        9,
    )
    assert [(b.name, b.kind) for b in function.children] == [("copy", "block")]


@pytest.mark.parametrize("program", corpus_rows("tir")[:60], ids=lambda p: p.id)
def test_outline_and_folds_on_corpus(program: object) -> None:
    text: str = program.text  # type: ignore[attr-defined]
    items = document_outline(text, index_source(text))
    assert items
    blocks = text.count("T.sblock(")
    assert _count(items, "block") == blocks - text.count('T.sblock("root")') + _roots(text)
    folds = folding_ranges(text)
    header = next(i for i, line in enumerate(text.split("\n")) if not line.startswith("#"))
    assert header < 2 or Fold(0, header - 1, "comment") in folds
    assert all(f.end > f.start for f in folds)


def _roots(text: str) -> int:
    return text.count('    with T.sblock("root")')


def _count(items: object, kind: str) -> int:
    total = 0
    for item in items:  # type: ignore[attr-defined]
        total += (item.kind == kind) + _count(item.children, kind)
    return total


def test_folding_survives_syntax_errors() -> None:
    text = "# a\n# b\ndef f(:\n    x = 1\n    y = 2\nz = 3\n"
    assert folding_ranges(text) == [Fold(0, 1, "comment"), Fold(2, 4)]


def test_semantic_token_encoding() -> None:
    index = index_source(KERNEL)

    def locate(span: Span) -> tuple[int, int, int]:
        return span.line - 1, span.column - 1, span.end_column - span.column

    data = encode(index, locate)
    assert len(data) % 5 == 0
    tokens, line, start = [], 0, 0
    for k in range(0, len(data), 5):
        line += data[k]
        start = start + data[k + 1] if data[k] == 0 else data[k + 1]
        tokens.append((line, start, data[k + 2]))
    assert tokens == sorted(tokens)
    lines = KERNEL.split("\n")
    words = [lines[ln][s : s + n] for ln, s, n in tokens]
    assert words[:3] == ["f", "A", "B"]
    assert "copy" in words
    only = encode(index, locate, range(7, 8))
    assert only[0] == 7
    assert len(only) == 4 * 5  # B, vi, A, vi
