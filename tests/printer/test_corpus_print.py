"""Corpus-wide: every TIR program parses and prints back to TVM 0.27's exact text."""

from __future__ import annotations

import pytest
from conftest import CorpusProgram, corpus_rows

import tvmscript


@pytest.mark.parametrize("program", corpus_rows("tir"), ids=lambda p: f"{p.id}_{p.name}")
def test_corpus_print_matches_tvm(program: CorpusProgram) -> None:
    extra = program.meta_extra_vars()
    obj = tvmscript.from_source(program.text, extra_vars=extra)
    assert obj.script().rstrip("\n") == program.expected_text.rstrip("\n")
