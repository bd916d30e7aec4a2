"""The runtime: assertions, parallel loops, heap buffers, the compile cache, packed calls."""

from __future__ import annotations

import os
import time

import numpy as np
import pytest

import tvmscript
from tvmscript.runtime import register_func

pytestmark = pytest.mark.codegen

ASSERT = """
from tvmscript import tir as T

@T.prim_func
def clamp(A: T.Buffer((64,), "float32"), B: T.Buffer((32,), "float32"), offset: T.int32):
    assert 0 <= offset and offset <= 32, "offset out of range"
    for i in range(32):
        B[i] = A[T.min(i + offset, 63)]
"""


def test_assertion_failure_raises_with_its_message() -> None:
    fn = tvmscript.compile(tvmscript.from_source(ASSERT))["clamp"]
    a, b = np.arange(64, dtype=np.float32), np.zeros(32, np.float32)
    fn(a, b, 4)
    np.testing.assert_array_equal(b, a[4:36])
    with pytest.raises(RuntimeError, match="offset out of range"):
        fn(a, b, 40)


HEAP = """
from tvmscript import tir as T

@T.prim_func
def twice(A: T.Buffer((1024, 1024), "float32"), B: T.Buffer((1024, 1024), "float32"), k: T.int32):
    tmp = T.alloc_buffer((1024, 1024))
    for i, j in T.grid(1024, 1024):
        tmp[i, j] = A[i, j] * T.float32(2)
    assert k > 0, "k must be positive"
    for i, j in T.grid(1024, 1024):
        B[i, j] = tmp[i, j] + T.Cast("float32", k)
"""


def test_heap_buffer_is_freed_on_the_failure_path() -> None:
    fn = tvmscript.compile(tvmscript.from_source(HEAP))["twice"]
    a = np.ones((1024, 1024), np.float32)
    b = np.zeros_like(a)
    fn(a, b, 1)
    np.testing.assert_array_equal(b, 3.0)
    with open("/proc/self/statm") as f:
        before = int(f.read().split()[1])
    for _ in range(200):  # 4 MiB each: a leak would add 800 MiB
        with pytest.raises(RuntimeError, match="k must be positive"):
            fn(a, b, 0)
    with open("/proc/self/statm") as f:
        after = int(f.read().split()[1])
    assert (after - before) * os.sysconf("SC_PAGE_SIZE") < 64 << 20


PARALLEL = """
from tvmscript import tir as T

@T.prim_func
def rows(A: T.Buffer((4096, 256), "float32"), S: T.Buffer((4096,), "float32")):
    T.func_attr({"tirx.noalias": True})
    for i in T.parallel(4096):
        acc = T.alloc_buffer((1,), "float32")
        acc[0] = T.float32(0)
        for j in range(256):
            acc[0] = acc[0] + A[i, j]
        S[i] = acc[0]
"""


def test_parallel_loop_gives_the_serial_result() -> None:
    fn = tvmscript.compile(tvmscript.from_source(PARALLEL))["rows"]
    a = np.random.default_rng(1).standard_normal((4096, 256), dtype=np.float32)
    s = np.zeros(4096, np.float32)
    for _ in range(20):
        fn(a, s)
        np.testing.assert_allclose(s, a.sum(axis=1), rtol=1e-4, atol=1e-4)


def test_second_compile_of_the_same_kernel_is_cached() -> None:
    text = PARALLEL.replace("rows", "rows_cached")
    first = tvmscript.compile(tvmscript.from_source(text))
    again = tvmscript.from_source(text)
    start = time.perf_counter()
    second = tvmscript.compile(again)
    elapsed = time.perf_counter() - start
    assert second is first
    assert elapsed < 0.05


PACKED = """
from tvmscript import tir as T

@T.prim_func
def call(A: T.Buffer((4,), "float32")):
    T.evaluate(T.call_packed("test.fill", A, T.float32(2.5)))
"""


def test_call_packed_reaches_a_registered_python_function() -> None:
    @register_func("test.fill", override=True)
    def fill(arr: np.ndarray, value: float) -> None:
        arr[...] = value

    fn = tvmscript.compile(tvmscript.from_source(PACKED))["call"]
    a = np.zeros(4, np.float32)
    fn(a)
    np.testing.assert_array_equal(a, 2.5)


def test_exception_in_a_packed_function_reaches_the_caller() -> None:
    @register_func("test.fill", override=True)
    def fill(arr: np.ndarray, value: float) -> None:
        raise KeyError("from python")

    fn = tvmscript.compile(tvmscript.from_source(PACKED.replace("call(", "call2(")))["call2"]
    with pytest.raises(KeyError, match="from python"):
        fn(np.zeros(4, np.float32))


def test_parallel_kernel_runs_in_a_forked_child() -> None:
    fn = tvmscript.compile(tvmscript.from_source(PARALLEL.replace("rows", "rows_fork")))[
        "rows_fork"
    ]
    a = np.ones((4096, 256), np.float32)
    s = np.zeros(4096, np.float32)
    fn(a, s)
    pid = os.fork()
    if pid == 0:  # the child: no pool workers were copied
        s[:] = 0
        fn(a, s)
        os._exit(0 if float(s[0]) == 256.0 else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
