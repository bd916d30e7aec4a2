"""The reference corpus (``TVMSCRIPT_CORPUS``, default ../shared/corpus) reads as documented."""

from __future__ import annotations

import json

import pytest
from conftest import CORPUS_DIR, corpus_rows, script

EXPECTED_PUBLIC_PROGRAMS = 347


@pytest.mark.requires_corpus
def test_corpus_index_has_every_public_program() -> None:
    rows = corpus_rows("all")
    assert len(rows) == EXPECTED_PUBLIC_PROGRAMS
    assert len({p.id for p in rows}) == EXPECTED_PUBLIC_PROGRAMS
    assert all(p.path.is_file() and p.text for p in rows)


@pytest.mark.requires_corpus
def test_corpus_rows_tir_filter_matches_the_files() -> None:
    lines = (CORPUS_DIR / "index.jsonl").read_text().splitlines()
    files = [CORPUS_DIR / json.loads(line)["file"] for line in lines if line.strip()]
    tir_count = sum("@R.function" not in path.read_text() for path in files)
    tir, relax = corpus_rows("tir"), corpus_rows("relax")
    assert len(tir) == tir_count
    assert tir_count > 200
    assert len(tir) + len(relax) == len(files)


@pytest.mark.requires_corpus
def test_corpus_program_expected_text_prefers_tvms_reprint() -> None:
    reprinted = [p for p in corpus_rows("all") if not p.row["tvm_print_fixpoint"]]
    assert reprinted
    for program in reprinted:
        printed = CORPUS_DIR / "expected" / f"{program.id}.printed.py"
        assert program.expected_text == printed.read_text()


@pytest.mark.requires_corpus
def test_corpus_program_meta_extra_vars_lists_constants_in_key_order() -> None:
    with_meta = [p for p in corpus_rows("all") if p.meta_extra_vars() is not None]
    assert with_meta
    for program in with_meta:
        extra = program.meta_extra_vars()
        assert extra is not None
        assert list(extra) == ["metadata"]
        assert len(extra["metadata"]["ir.GenericConst"]) >= 1


def test_script_keeps_line_numbers() -> None:
    text = script("""
        @T.prim_func
        def f(a: T.handle):
            C[0] = T.float32(1)
    """)
    lines = text.splitlines()
    assert lines[0] == ""
    assert lines[1] == "@T.prim_func"  # line 2
    assert lines[3] == "    C[0] = T.float32(1)"  # line 4, column 5
