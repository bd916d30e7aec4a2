"""A kernel called 10,000 times with random wrong arguments never crashes the process."""

from __future__ import annotations

import numpy as np
import pytest

import tvmscript

pytestmark = [pytest.mark.codegen, pytest.mark.slow]

KERNEL = """
from tvmscript import tir as T

@T.prim_func
def k(a: T.handle, b: T.handle, s: T.int32):
    T.func_attr({"tirx.noalias": True})
    n = T.int32()
    A = T.match_buffer(a, (n, 8), "float32")
    B = T.match_buffer(b, (n, 8), "float32")
    for i in T.parallel(n):
        for j in T.vectorized(8):
            B[i, j] = A[i, j] * T.Cast("float32", s)
"""

_DTYPES = (np.float32, np.float64, np.int32, np.float16, np.bool_, np.uint8)


def _random_arg(rng: np.random.Generator) -> object:
    kind = rng.integers(0, 9)
    if kind == 0:
        return None
    if kind == 1:
        return int(rng.integers(-(2**40), 2**40))
    if kind == 2:
        return float(rng.standard_normal())
    if kind == 3:
        return "text"
    if kind == 4:
        return [1, 2, 3]
    shape = tuple(int(d) for d in rng.integers(0, 6, size=rng.integers(0, 4)))
    if kind == 5 and shape:
        shape = (shape[0], 8)
    arr = np.zeros(shape, dtype=_DTYPES[rng.integers(0, len(_DTYPES))])
    if kind == 6 and arr.ndim >= 1 and arr.shape[0] > 1:
        arr = arr[::2]
    if kind == 7:
        arr.flags.writeable = False
    return arr


def test_random_wrong_arguments_raise_value_errors_only() -> None:
    fn = tvmscript.compile(tvmscript.from_source(KERNEL))["k"]
    rng = np.random.default_rng(12)
    good = np.ones((4, 8), np.float32)
    ok = errors = 0
    for _ in range(10_000):
        nargs = int(rng.integers(1, 5))
        args = [_random_arg(rng) for _ in range(nargs)]
        if rng.integers(0, 3) == 0 and nargs == 3:
            args[0] = good
        try:
            fn(*args)
            ok += 1
        except ValueError:
            errors += 1
    assert ok + errors == 10_000
    out = np.zeros((4, 8), np.float32)
    fn(good, out, 3)
    np.testing.assert_array_equal(out, 3 * good)
