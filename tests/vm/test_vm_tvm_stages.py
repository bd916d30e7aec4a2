"""TVM's own printed modules at each stage of its VM build run here, with TVM's outputs.

``data/stages`` (recorded by ``data/record_tvm_stages.py`` with TVM 0.27, which reads each text
back): the source module,
then LegalizeOps, CallTIRRewrite (``R.builtin.alloc_tensor``, PrimFuncs called in
destination-passing form), StaticPlanBlockMemory (``R.memory.*``), LowerRuntimeBuiltin
(``R.vm.alloc_storage``, ``R.vm.kill_object``) and VMShapeLower (``vm.builtin.match_shape``,
``make_shape`` and a shape heap filled by a PrimFunc).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

import numpy as np
import pytest

import tvmscript

from .conftest import DATA

pytestmark = pytest.mark.codegen

STAGES: Final = (
    "source",
    "legalized",
    "call_tir_rewrite",
    "planned",
    "builtin_lowered",
    "shape_lowered",
)
# Texts TVM 0.27 itself cannot read back, with the reason.
TVM_BROKEN: Final = {
    ("if_else", "planned"): "TVM's memory plan uses a then-branch storage in the else branch",
    (
        "if_else",
        "builtin_lowered",
    ): "TVM's memory plan uses a then-branch storage in the else branch",
    ("if_else", "shape_lowered"): "TVM's memory plan uses a then-branch storage in the else branch",
}


def _cases() -> list[Any]:
    cases = []
    for npz in sorted((DATA / "stages").glob("*.npz")):
        for stage in STAGES:
            reason = TVM_BROKEN.get((npz.stem, stage))
            marks = [pytest.mark.skip(reason=reason)] if reason else []
            cases.append(pytest.param(npz, stage, id=f"{npz.stem}.{stage}", marks=marks))
    return cases


@pytest.mark.parametrize(("npz", "stage"), _cases())
def test_tvm_printed_stage_runs_with_tvm_outputs(npz: Path, stage: str) -> None:
    text = (npz.parent / f"{npz.stem}.{stage}.txt").read_text()
    with np.load(npz) as z:
        args = [np.array(z[f"arg_{i}"]) for i in range(sum(k.startswith("arg_") for k in z.files))]
        wants = [np.array(z[f"out_{i}"]) for i in range(sum(k.startswith("out_") for k in z.files))]
    result = tvmscript.compile(tvmscript.from_source(text))["main"](*args)
    got = list(result) if isinstance(result, tuple) else [result]
    assert len(got) == len(wants)
    for g, w in zip(got, wants, strict=True):
        np.testing.assert_allclose(g, w, rtol=1e-5, atol=1e-6)
