"""``tvmscript.showIR``'s text: the document's analysed IR, printed as a fresh parse prints it."""

from __future__ import annotations

import pytest
from conftest import CorpusProgram, corpus_rows

from tvmscript.analysis import Analysis, analyse_source
from tvmscript_server.show_ir import ShowIRError, show_ir

from .lsp_helpers import source


@pytest.mark.parametrize("program", corpus_rows("all")[::6], ids=lambda p: p.id)
def test_show_ir_of_the_analysis_is_a_fresh_parse(program: CorpusProgram) -> None:
    analysis = analyse_source(program.text, "/k.py")
    assert _shown(program.text, analysis) == _shown(program.text, None)


def _shown(text: str, analysis: Analysis | None) -> str:
    """The text shown, or the message shown instead."""
    try:
        return show_ir(text, None, analysis)
    except ShowIRError as exc:
        return str(exc)


def test_show_ir_of_a_definition_with_errors_names_its_first_error() -> None:
    text = source("""
        from tvm.script import tirx as T

        @T.prim_func
        def f(a: T.Buffer((4,), "float32")):
            C[0] = T.float32(1)
    """)
    with pytest.raises(ShowIRError, match=r"'f' has errors \(line 5: undefined name 'C'\)"):
        show_ir(text, "f", analyse_source(text))


def test_show_ir_prints_the_ir_of_the_analysis_it_is_given() -> None:
    text = source("""
        from tvm.script import tirx as T

        @T.prim_func
        def f(a: T.Buffer((4,), "float32")):
            a[0] = T.float32(1)
    """)
    other = analyse_source(text.replace("T.float32(1)", "T.float32(2)"))
    assert "T.float32(2.0)" in show_ir(text, "f", other)  # not parsed again
