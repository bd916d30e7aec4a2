"""Helpers for the corpus run tests: where the corpus is, and running one program."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np

import tvmscript

REPO: Final = Path(__file__).resolve().parents[2]


def corpus_root() -> Path:
    """``$TVMSCRIPT_CORPUS`` (default ``../shared/corpus``), its ``public`` part."""
    base = Path(os.environ.get("TVMSCRIPT_CORPUS", REPO.parent / "shared" / "corpus"))
    return base / "public" if (base / "public").is_dir() else base


@dataclass(frozen=True)
class RunCase:
    """One runnable TIR program of the corpus."""

    id: str
    name: str
    text: str
    row: dict[str, Any]
    expected: Path


def run_cases() -> list[RunCase]:
    """The corpus' runnable TIR programs (none when the corpus is absent)."""
    root = corpus_root()
    index = root / "index.jsonl"
    if not index.exists():
        return []
    cases = []
    for line in index.read_text().splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = (root / row["file"]).read_text()
        if "@R.function" in text or not row.get("runnable"):
            continue
        cases.append(RunCase(row["id"], row["name"], text, row, root / row["expected"]))
    return cases


def check_run(case: RunCase) -> None:
    """Compile and run ``case``; assert its outputs match TVM's within the index's tolerances."""
    run = case.row["run"]
    ex = tvmscript.compile(tvmscript.from_source(case.text), target="llvm")
    with np.load(case.expected) as z:
        args = [np.array(z[f"arg_{i}"]) for i in range(len(run["args"]))]
        wants = [np.array(z[f"out_{i}"]) for i in range(len(run["outputs"]))]
    ex[run["entry"]](*args)
    for out, want in zip(run["outputs"], wants, strict=True):
        got = args[out["param_index"]]
        assert got.shape == want.shape
        if want.dtype == np.bool_ or np.issubdtype(want.dtype, np.integer):
            np.testing.assert_array_equal(got, want)
            continue
        loose = 1e-3 if want.dtype == np.float16 else 0.0
        np.testing.assert_allclose(
            got.astype(np.float64),
            want.astype(np.float64),
            rtol=max(out["rtol"], loose),
            atol=max(out["atol"], loose),
            equal_nan=True,
        )
