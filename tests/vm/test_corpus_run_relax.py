"""Corpus-wide: every runnable Relax program reproduces TVM 0.27's outputs on the VM.

The ``relax`` programs run through our own legalization, the ``relax_legalized`` ones as TVM
legalized them; both within the index's tolerances. The programs the index marks not
runnable (shape, tuple and scalar parameters, a packed function, ...) run on inputs of ours
against TVM's outputs for them (``data/corpus_extra``, recorded by
``data/record_corpus_extra.py``). Each program also goes through ``export_library`` and
``tvmscript.load``, and the loaded executable must give the same outputs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

import numpy as np
import pytest

import tvmscript
from tests.conftest import CORPUS_DIR, CorpusProgram, corpus_rows

from .conftest import DATA

pytestmark = [pytest.mark.codegen, pytest.mark.slow]

EXTRA: Final = DATA / "corpus_extra"


def _runnable() -> list[CorpusProgram]:
    return [
        p
        for p in corpus_rows("relax")
        if p.row.get("runnable") and p.row["run"]["convention"] == "relax_vm"
    ]


def _extra() -> list[CorpusProgram]:
    return [p for p in corpus_rows("relax") if (EXTRA / f"{p.id}.npz").exists()]


def _compare(
    got: list[Any], wants: list[np.ndarray], tolerances: list[tuple[float, float]]
) -> None:
    assert len(got) == len(wants)
    for g, want, (rtol, atol) in zip(got, wants, tolerances, strict=True):
        g = np.asarray(g)
        assert g.shape == want.shape
        if want.dtype == np.bool_ or np.issubdtype(want.dtype, np.integer):
            np.testing.assert_array_equal(g, want)
            continue
        loose = 1e-3 if want.dtype == np.float16 else 0.0
        np.testing.assert_allclose(
            g.astype(np.float64),
            want.astype(np.float64),
            rtol=max(rtol, loose),
            atol=max(atol, loose),
            equal_nan=True,
        )


def _flatten(value: Any) -> list[Any]:
    if isinstance(value, tuple) and not isinstance(value, tvmscript.runtime.vm.ShapeTuple):
        return [x for item in value for x in _flatten(item)]
    return [np.asarray(value)]


def _run_case(
    program: CorpusProgram,
) -> tuple[list[Any], list[np.ndarray], list[tuple[float, float]], Any]:
    run = program.row["run"]
    with np.load(CORPUS_DIR / program.row["expected"]) as z:
        args = [np.array(z[f"arg_{i}"]) for i in range(len(run["args"]))]
        wants = [np.array(z[f"out_{i}"]) for i in range(len(run["outputs"]))]
    tolerances = [(o["rtol"], o["atol"]) for o in run["outputs"]]
    mod = tvmscript.from_source(program.text, extra_vars=program.meta_extra_vars())
    return args, wants, tolerances, mod


@pytest.mark.parametrize("program", _runnable(), ids=lambda p: f"{p.id}_{p.name}")
def test_corpus_relax_program_matches_tvm_outputs(program: CorpusProgram) -> None:
    args, wants, tolerances, mod = _run_case(program)
    result = tvmscript.compile(mod, target="llvm")[program.row["run"]["entry"]](*args)
    _compare(_flatten(result), wants, tolerances)


@pytest.mark.parametrize("program", _runnable(), ids=lambda p: f"{p.id}_{p.name}")
def test_corpus_relax_program_exported_and_loaded(program: CorpusProgram, tmp_path: Path) -> None:
    args, wants, tolerances, mod = _run_case(program)
    library = tvmscript.compile(mod, target="llvm").export_library(tmp_path / "model.so")
    result = tvmscript.load(library)[program.row["run"]["entry"]](*args)
    _compare(_flatten(result), wants, tolerances)


@tvmscript.register_func("my_extern_relu", override=True)
def _extern_relu(x: np.ndarray, out: np.ndarray) -> None:  # the packed function of 0393
    out[...] = np.maximum(x, 0)


def _extra_args(z: Any, kinds: list[str]) -> list[Any]:
    args: list[Any] = []
    for i, kind in enumerate(kinds):
        if kind == "tuple":
            n = sum(k.startswith(f"arg_{i}_") for k in z.files)
            args.append(tuple(np.array(z[f"arg_{i}_{j}"]) for j in range(n)))
        elif kind == "shape":
            args.append(tuple(int(v) for v in z[f"arg_{i}"]))
        elif kind == "scalar":
            args.append(z[f"arg_{i}"].item())
        else:
            args.append(np.array(z[f"arg_{i}"]))
    return args


@pytest.mark.parametrize("program", _extra(), ids=lambda p: f"{p.id}_{p.name}")
def test_corpus_relax_program_without_index_inputs_matches_tvm(program: CorpusProgram) -> None:
    kinds = json.loads((EXTRA / "kinds.json").read_text())[program.id]
    with np.load(EXTRA / f"{program.id}.npz") as z:
        args = _extra_args(z, kinds)
        wants = [np.array(z[f"out_{i}"]) for i in range(sum(k.startswith("out_") for k in z.files))]
    mod = tvmscript.from_source(program.text, extra_vars=program.meta_extra_vars())
    result = tvmscript.compile(mod, target="llvm")["main"](*args)
    _compare(_flatten(result), wants, [(1e-5, 1e-5)] * len(wants))
