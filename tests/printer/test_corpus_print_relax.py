"""Corpus-wide: every Relax program parses and prints back to TVM 0.27's exact text."""

from __future__ import annotations

import pytest
from conftest import CorpusProgram, corpus_rows
from relax_corpus import parse_relax_program


@pytest.mark.parametrize("program", corpus_rows("relax"), ids=lambda p: f"{p.id}_{p.name}")
def test_corpus_relax_print_matches_tvm(program: CorpusProgram) -> None:
    obj = parse_relax_program(program.text, program)
    assert obj.script().rstrip("\n") == program.expected_text.rstrip("\n")
