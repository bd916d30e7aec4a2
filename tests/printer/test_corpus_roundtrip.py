"""Corpus-wide roundtrip: parse → print → parse gives a structurally equal IR."""

from __future__ import annotations

import pytest
from conftest import CorpusProgram, corpus_rows

import tvmscript


@pytest.mark.parametrize("program", corpus_rows("tir"), ids=lambda p: f"{p.id}_{p.name}")
def test_corpus_roundtrip_is_structurally_equal(program: CorpusProgram) -> None:
    extra = program.meta_extra_vars()
    obj = tvmscript.from_source(program.text, extra_vars=extra)
    again = tvmscript.from_source(obj.script(), extra_vars=extra)
    tvmscript.ir.assert_structural_equal(obj, again)
