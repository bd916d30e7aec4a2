"""Each case's legalized module prints as TVM 0.27's LegalizeOps output (recorded).

Where our PrimFunc is deliberately not TVM's (TVM calls a packed sort, uses an opaque scatter
loop, or computes something other than the operator), the case is listed in
`DIFFERENT_BY_DESIGN`; `PRINTER_DIFFERENCES` are modules that are the same IR but whose text
differs in what our printer writes (not this package's concern).
"""

from __future__ import annotations

from typing import Final

import pytest

from tvmscript.transform import legalize

from .conftest import build_module, tvm_recorded
from .legalize_cases import CASES, Case

SORT_SCAN_OPS: Final = frozenset(["cumsum", "cumprod", "sort", "argsort", "topk"])
DIFFERENT_BY_DESIGN: Final = {
    "median_axis1": "TVM calls the packed tvm.contrib.sort.argsort; ours ranks in computes",
    "scatter_elements": "TVM writes an opaque parallel loop; ours is a compute per element",
    "scatter_nd": "TVM writes an opaque loop; ours is a compute per element",
    "bucketize": "TVM writes a binary search loop; ours counts the smaller boundaries",
    "hamming_window": "TVM chains arange, cos and strided_slice computes; ours is one compute",
    "pad_edge": "TVM 0.27 pads with zeros in edge mode; ours repeats the edge (NumPy's 'edge')",
    "pixel_shuffle": "TVM 0.27 has no legalization (its TOPI lacks pixel_shuffle)",
    "adaptive_avg_pool2d_uneven": "TVM loops over data-dependent windows; ours masks the widest",
    "resize2d_cubic": "the cubic weights are written differently (same numbers)",
    "layer_norm_no_affine": "TVM 0.27 applies gamma and beta even when center/scale are off",
    "size": "TVM emits shape_of, shape_to_tensor and prod; ours is one PrimFunc",
    "size_symbolic": "TVM emits shape_of, shape_to_tensor and prod; ours is one PrimFunc",
    "ewise_fma": "TVM 0.27 leaves R.ewise_fma as it is; ours is a PrimFunc",
    "slice_scatter": "TVM builds a chain of 19 computes; ours is one",
    "index_tensor": "TVM binds the tuple's items first and names the compute advanced_index",
    "index_tensor_two": "TVM binds the tuple's items first and names the compute advanced_index",
    "index_put": "TVM writes an opaque loop; ours is a compute per element",
    "index_put_accumulate": "TVM writes an opaque loop; ours is a compute per element",
    "scatter_elements_add": "TVM writes an opaque parallel loop; ours is a compute per element",
    "pixel_shuffle_4": "TVM 0.27 has no legalization (its TOPI lacks pixel_shuffle)",
    "take_backward": "TVM writes an opaque loop; ours is a compute per element",
    "nll_loss_backward": "TVM 0.27 ignores ignore_index here; ours honours it",
    "pad_reflect": "TVM bounds a select index by its branches; ours reads the whole dimension",
}
PRINTER_DIFFERENCES: Final = {
    "concat_symbolic": 'TVM quotes compound buffer dims ("n + m"); our printer does not',
    "reshape_symbolic_merge": 'TVM quotes compound buffer dims ("n * m"); our printer does not',
    "strided_slice_symbolic_axis": "TVM quotes compound buffer dims; our printer does not",
    "repeat_symbolic": "our R.repeat inference gives n * 3 where TVM's gives 3 * n",
}


def _mark(case: Case) -> object:
    reason = DIFFERENT_BY_DESIGN.get(case.name) or PRINTER_DIFFERENCES.get(case.name)
    if reason is None:
        return case
    return pytest.param(case, marks=pytest.mark.xfail(reason=reason, strict=False))


@pytest.mark.parametrize("case", [_mark(c) for c in CASES], ids=lambda c: c.name)
def test_legalized_prints_as_tvm(case: Case) -> None:
    expected = tvm_recorded()[case.name]
    mod = legalize(build_module(case), sort_scan=case.op not in SORT_SCAN_OPS)
    assert mod.script() == expected["legalized"]
