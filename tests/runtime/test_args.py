"""Argument checking: every wrong argument is a ValueError naming the parameter."""

from __future__ import annotations

import numpy as np
import pytest

import tvmscript

pytestmark = pytest.mark.codegen

ADD = """
from tvmscript import tir as T

@T.prim_func
def add(a: T.handle, b: T.handle, c: T.handle, scale: T.float32):
    T.func_attr({"tirx.noalias": True})
    n = T.int32()
    A = T.match_buffer(a, (n, 4), "float32")
    B = T.match_buffer(b, (n, 4), "float32")
    C = T.match_buffer(c, (n, 4), "float32")
    for i, j in T.grid(n, 4):
        C[i, j] = (A[i, j] + B[i, j]) * scale
"""


@pytest.fixture(scope="module")
def add() -> tvmscript.runtime.Kernel:
    return tvmscript.compile(tvmscript.from_source(ADD))["add"]


def arrays(n: int = 3) -> list[np.ndarray]:
    rng = np.random.default_rng(0)
    return [rng.standard_normal((n, 4), dtype=np.float32) for _ in range(2)] + [
        np.zeros((n, 4), np.float32)
    ]


def test_kernel_computes_in_place(add) -> None:
    a, b, c = arrays()
    add(a, b, c, 2.0)
    np.testing.assert_allclose(c, (a + b) * 2, rtol=1e-6)


def test_wrong_argument_count_names_the_parameters(add) -> None:
    with pytest.raises(ValueError, match=r"'add' takes 4 arguments \(a, b, c, scale\), got 3"):
        add(*arrays())


def test_non_array_is_refused(add) -> None:
    a, b, c = arrays()
    with pytest.raises(
        ValueError, match=r"argument 'b' of 'add' must be a numpy\.ndarray, got list"
    ):
        add(a, b.tolist(), c, 1.0)


def test_wrong_dtype_is_refused(add) -> None:
    a, b, c = arrays()
    with pytest.raises(
        ValueError, match="argument 'a' of 'add' must have dtype float32, got float64"
    ):
        add(a.astype(np.float64), b, c, 1.0)


def test_wrong_rank_is_refused(add) -> None:
    a, b, c = arrays()
    with pytest.raises(ValueError, match="argument 'c' of 'add' must have 2 dimensions, got 1"):
        add(a, b, c.reshape(-1), 1.0)


def test_constant_dimension_is_checked(add) -> None:
    _, b, c = arrays()
    with pytest.raises(ValueError, match="dimension 1 of 'a' must be 4, got 5"):
        add(np.zeros((3, 5), np.float32), b, c, 1.0)


def test_symbolic_dimension_is_bound_consistently(add) -> None:
    a, _, c = arrays(3)
    b = np.zeros((5, 4), np.float32)
    with pytest.raises(
        ValueError, match=r"argument 'b' of 'add': dimension 0 of 'b' is 5, but 'n' is 3"
    ):
        add(a, b, c, 1.0)


def test_non_contiguous_array_is_refused(add) -> None:
    a, b, c = arrays(6)
    with pytest.raises(ValueError, match="argument 'a' of 'add' must be C-contiguous"):
        add(a[::2], b[:3], c[:3], 1.0)


def test_misaligned_array_is_refused(add) -> None:
    a, b, c = arrays()
    raw = np.zeros(a.nbytes + 1, np.uint8)[1:].view(np.float32).reshape(a.shape)
    assert not raw.flags.aligned
    with pytest.raises(ValueError, match="argument 'a' of 'add' is not aligned"):
        add(raw, b, c, 1.0)


def test_read_only_output_is_refused(add) -> None:
    a, b, c = arrays()
    c.flags.writeable = False
    with pytest.raises(
        ValueError,
        match="argument 'c' of 'add' is written by the kernel, but the array is read-only",
    ):
        add(a, b, c, 1.0)


def test_read_only_input_is_accepted(add) -> None:
    a, b, c = arrays()
    a.flags.writeable = False
    add(a, b, c, 1.0)
    np.testing.assert_allclose(c, a + b, rtol=1e-6)


def test_overlapping_output_is_refused_under_noalias(add) -> None:
    a, b, _ = arrays()
    with pytest.raises(ValueError, match="arguments 'a' and 'c' of 'add' overlap in memory"):
        add(a, b, a, 1.0)


def test_scalar_type_is_checked(add) -> None:
    with pytest.raises(
        ValueError, match=r"argument 'scale' of 'add' must be a number \(float32\), got str"
    ):
        add(*arrays(), "2")


def test_numpy_scalar_is_accepted(add) -> None:
    a, b, c = arrays()
    add(a, b, c, np.float32(3.0))
    np.testing.assert_allclose(c, (a + b) * 3, rtol=1e-6)


def test_empty_arrays_run(add) -> None:
    add(*arrays(0), 1.0)


INT_SCALAR = """
from tvmscript import tir as T

@T.prim_func
def shift(A: T.Buffer((8,), "int8"), k: T.int8):
    for i in range(8):
        A[i] = A[i] + k
"""


def test_integer_scalar_range_is_checked() -> None:
    fn = tvmscript.compile(tvmscript.from_source(INT_SCALAR))["shift"]
    with pytest.raises(ValueError, match="argument 'k' of 'shift' = 300 is out of range for int8"):
        fn(np.zeros(8, np.int8), 300)
    with pytest.raises(
        ValueError, match=r"argument 'k' of 'shift' must be an int \(int8\), got float"
    ):
        fn(np.zeros(8, np.int8), 1.5)


STRIDED = """
from tvmscript import tir as T

@T.prim_func
def s(a: T.handle, b: T.handle):
    s0 = T.int32()
    A = T.match_buffer(a, (4, 4), "float32", strides=(s0, 1))
    B = T.match_buffer(b, (4, 4), "float32")
    for i, j in T.grid(4, 4):
        B[i, j] = A[i, j] * T.float32(2)
"""


def test_symbolic_strides_are_bound_from_the_array() -> None:
    fn = tvmscript.compile(tvmscript.from_source(STRIDED))["s"]
    big = np.arange(64, dtype=np.float32).reshape(4, 16)
    b = np.zeros((4, 4), np.float32)
    fn(big[:, 2:6], b)
    np.testing.assert_array_equal(b, 2 * big[:, 2:6])
    with pytest.raises(ValueError, match="stride 1 of 'a' must be 1, got 2"):
        fn(big[:, ::2][:, :4], b)
