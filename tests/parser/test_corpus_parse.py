"""Every TIR program of the reference corpus parses with no diagnostic."""

from __future__ import annotations

import pytest
from conftest import CorpusProgram, corpus_rows

import tvmscript
from tvmscript.core.ir.module import IRModule
from tvmscript.core.tir.function import PrimFunc

TIR_PROGRAMS = corpus_rows("tir")


@pytest.mark.parametrize("program", TIR_PROGRAMS, ids=lambda p: f"{p.id}_{p.name}")
def test_corpus_program_checks_clean(program: CorpusProgram) -> None:
    diagnostics = tvmscript.check_source(program.text, program.path.name)
    assert diagnostics == []


@pytest.mark.parametrize("program", TIR_PROGRAMS, ids=lambda p: f"{p.id}_{p.name}")
def test_corpus_program_parses_to_its_functions(program: CorpusProgram) -> None:
    obj = tvmscript.from_source(program.text, extra_vars=program.meta_extra_vars())
    if program.row["form"] == "ir_module":
        assert isinstance(obj, IRModule)
        assert sorted(gv.name_hint for gv in obj.functions) == sorted(program.row["functions"])
    else:
        assert isinstance(obj, PrimFunc)
