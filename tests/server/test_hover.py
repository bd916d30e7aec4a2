from __future__ import annotations

import pytest
from conftest import corpus_rows

from tvmscript.analysis import analyse_source
from tvmscript_server.hover import dotted_name_at, hover_at

from .lsp_helpers import source


def test_hover_dotted_name_stops_at_the_word() -> None:
    line = '    v = T.axis.remap("SS", [i, j])'
    assert dotted_name_at(line, 15) == ["T", "axis", "remap"]
    assert dotted_name_at(line, 11) == ["T", "axis"]


def test_hover_follows_the_files_import_alias() -> None:
    text = source("""
        from tvm.script import tirx as tx

        @tx.prim_func
        def f(a: tx.Buffer((4,), "float32")):
            for i in tx.serial(4):
                a[i] = tx.float32(1)
    """)
    hover = hover_at(text, 4, 17)
    assert hover is not None
    assert hover.startswith("```python\ntx.serial(start: Bound")


def test_hover_on_a_function_with_errors_is_empty() -> None:
    text = source("""
        @T.prim_func
        def f(a: T.Buffer((4,), "float32")):
            C[0] = T.float32(1)
    """)
    assert hover_at(text, 1, 4) is None


@pytest.mark.requires_corpus
def test_hover_on_a_name_prints_the_analysed_ir_as_a_fresh_parse_does() -> None:
    rows = [p for p in corpus_rows("tir") if p.text.count("def ") <= 3][:40]
    printed = 0
    for k, program in enumerate(rows):
        text = program.text
        analysis = analyse_source(text, f"/hover{k}.py")
        names = [
            (i, line.index("def ") + 5)
            for i, line in enumerate(text.split("\n"))
            if line.lstrip().startswith("def ")
        ]
        for line, column in names:
            found = hover_at(text, line, column, analysis)
            assert found == hover_at(text, line, column), program.id
            printed += found is not None
    assert printed >= 40
