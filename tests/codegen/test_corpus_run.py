"""Corpus-wide: every runnable TIR program reproduces TVM 0.27's outputs on the CPU."""

from __future__ import annotations

import pytest
from corpus_runs import RunCase, check_run, corpus_root, run_cases

CASES = run_cases()

pytestmark = [
    pytest.mark.codegen,
    pytest.mark.slow,
    pytest.mark.skipif(not CASES, reason=f"no corpus at {corpus_root()} (set TVMSCRIPT_CORPUS)"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.id}_{c.name}")
def test_corpus_program_matches_tvm_outputs(case: RunCase) -> None:
    check_run(case)
