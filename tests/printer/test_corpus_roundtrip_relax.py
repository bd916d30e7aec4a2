"""Corpus-wide Relax roundtrip: parse → print → parse gives a structurally equal IR."""

from __future__ import annotations

import pytest
from conftest import CorpusProgram, corpus_rows
from relax_corpus import parse_relax_program

import tvmscript


@pytest.mark.parametrize("program", corpus_rows("relax"), ids=lambda p: f"{p.id}_{p.name}")
def test_corpus_relax_roundtrip_is_structurally_equal(program: CorpusProgram) -> None:
    obj = parse_relax_program(program.text, program)
    again = parse_relax_program(obj.script(), program)
    tvmscript.ir.assert_structural_equal(obj, again)
