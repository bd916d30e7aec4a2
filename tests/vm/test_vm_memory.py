"""Memory: intermediates live in slots reused across calls, results are fresh, nothing leaks."""

from __future__ import annotations

import gc
import os
import threading
import tracemalloc

import numpy as np
import pytest

from .conftest import compile_relax, rand

pytestmark = pytest.mark.codegen

CHAIN = """
@I.ir_module
class Chain:
    @R.function
    def main(
        x: R.Tensor((16, 16), "float32"),
        w: R.Tensor((16, 16), "float32"),
    ) -> R.Tensor((16, 16), "float32"):
        with R.dataflow():
            a = R.matmul(x, w)
            b = R.nn.relu(a)
            c = R.add(b, x)
            d = R.matmul(c, w)
            e = R.exp(R.negative(d))
            f = R.add(e, b)
            R.output(f)
        return f
"""

DYNAMIC = """
@I.ir_module
class Dynamic:
    @R.function
    def main(
        x: R.Tensor(("n", 8), "float32"),
    ) -> R.Tuple(R.Tensor(("n", 8), "float32"), R.Shape(["n", 8])):
        with R.dataflow():
            a = R.add(x, x)
            b = R.multiply(a, x)
            c = R.nn.softmax(b, axis=-1)
            R.output(c)
        s = R.shape_of(c)
        return (c, s)
"""


def _reference(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    b = np.maximum(x @ w, 0)
    return np.exp(-((b + x) @ w)) + b


def test_vm_memory_intermediates_share_slots() -> None:
    code = compile_relax(CHAIN).program.functions["main"]
    # Six intermediates (R.negative is one more), at most three alive at once.
    assert 1 <= len(code.slots) <= 3
    assert all(slot.nbytes == 16 * 16 * 4 for slot in code.slots)


def test_vm_memory_results_are_fresh_arrays() -> None:
    fn = compile_relax(CHAIN)["main"]
    x, y, w = rand(16, 16), rand(16, 16, seed=1), rand(16, 16, seed=2) * 0.2
    first = fn(x, w)
    kept = first.copy()
    second = fn(y, w)
    assert not np.shares_memory(first, second)
    np.testing.assert_array_equal(first, kept)
    np.testing.assert_allclose(second, _reference(y, w), rtol=1e-5, atol=1e-6)


def test_vm_memory_concurrent_calls_do_not_share_slots() -> None:
    fn = compile_relax(CHAIN)["main"]
    w = rand(16, 16, seed=2) * 0.2
    inputs = [rand(16, 16, seed=s) for s in range(4)]
    failures: list[int] = []

    def work(i: int) -> None:
        for _ in range(200):
            if not np.allclose(fn(inputs[i], w), _reference(inputs[i], w), rtol=1e-5, atol=1e-6):
                failures.append(i)
                return

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def _rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs Linux /proc")
def test_vm_memory_nothing_leaks_over_ten_thousand_calls() -> None:
    chain = compile_relax(CHAIN)["main"]
    dynamic = compile_relax(DYNAMIC)["main"]
    w = rand(16, 16, seed=2) * 0.2
    x = rand(16, 16)
    small, large = rand(3, 8), rand(40, 8)

    def calls(n: int) -> None:
        for i in range(n):
            chain(x, w)
            dynamic(small if i % 2 else large)

    calls(500)
    gc.collect()
    tracemalloc.start()
    try:
        calls(1000)
        gc.collect()
        before, rss_before = tracemalloc.get_traced_memory()[0], _rss_bytes()
        instances = len(chain._free)
        calls(10_000)
        gc.collect()
        after, rss_after = tracemalloc.get_traced_memory()[0], _rss_bytes()
    finally:
        tracemalloc.stop()
    assert after - before < 64 * 1024, f"traced memory grew by {after - before} bytes"
    assert rss_after - rss_before < 16 * 1024 * 1024, f"RSS grew by {rss_after - rss_before} bytes"
    assert len(chain._free) == instances  # the same instances, reused call after call
