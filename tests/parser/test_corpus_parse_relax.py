"""Every Relax program of the reference corpus parses with no diagnostic."""

from __future__ import annotations

import pytest
from conftest import CorpusProgram, corpus_rows

import tvmscript
from tvmscript.core.ir.module import IRModule
from tvmscript.core.relax.expr import Function

RELAX_PROGRAMS = corpus_rows("relax")


@pytest.mark.parametrize("program", RELAX_PROGRAMS, ids=lambda p: f"{p.id}_{p.name}")
def test_relax_corpus_program_checks_clean(program: CorpusProgram) -> None:
    diagnostics = tvmscript.check_source(program.text, program.path.name)
    assert [d for d in diagnostics if d.severity == "error"] == []


@pytest.mark.parametrize("program", RELAX_PROGRAMS, ids=lambda p: f"{p.id}_{p.name}")
def test_relax_corpus_program_parses_to_its_functions(program: CorpusProgram) -> None:
    obj = tvmscript.from_source(program.text, extra_vars=program.meta_extra_vars())
    if program.row["form"] == "ir_module":
        assert isinstance(obj, IRModule)
        assert sorted(gv.name_hint for gv in obj.functions) == sorted(program.row["functions"])
        assert any(isinstance(f, Function) for f in obj.functions.values())
    else:
        assert isinstance(obj, Function)
