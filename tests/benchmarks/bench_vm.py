"""The Relax VM: its per-operator overhead, and an MLP against numpy in the same run.

Run: ``python tests/benchmarks/bench_vm.py [--target native] [--mlp-calls 3]``. Threads: 2
(``TVMSCRIPT_NUM_THREADS`` and numpy's BLAS, unless already set). Measures:

- overhead: a chain of 10 elementwise Relax operators on (4,) float32 tensors, so the kernels
  cost next to nothing; µs per operator = the median over rounds of (time per call / 10), each
  round the mean of >= 2000 calls and >= 0.3 s. Goal: <= 50 µs per operator.
- MLP: 1024 -> 4096 -> 1024 (matmul + bias + relu, matmul + bias), batch 64, float32, through
  ``tvmscript.compile(module)["main"]``, against the same computation in numpy; each the median
  of its calls after a warm-up. Goal: <= 1.0x numpy.

Both results are checked against numpy. A missed goal is printed, not an error.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any, Final

import numpy as np

import tvmscript
from tvmscript.runtime.compile import num_threads
from tvmscript.runtime.vm import VMExecutable
from tvmscript.runtime.vm.machine import VMFunction

Array = np.ndarray[Any, Any]

THREADS: Final = ("TVMSCRIPT_NUM_THREADS", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")
OVERHEAD_GOAL_US: Final = 50.0
MLP_GOAL_RATIO: Final = 1.0
HEADER: Final = "from tvmscript import ir as I, relax as R, tir as T\n"

CHAIN: Final = (
    HEADER
    + """
@I.ir_module
class Chain:
    @R.function
    def main(
        x: R.Tensor((4,), "float32"), y: R.Tensor((4,), "float32")
    ) -> R.Tensor((4,), "float32"):
        a0 = R.add(x, y)
        a1 = R.multiply(a0, y)
        a2 = R.subtract(a1, x)
        a3 = R.nn.relu(a2)
        a4 = R.add(a3, x)
        a5 = R.multiply(a4, a4)
        a6 = R.subtract(a5, y)
        a7 = R.maximum(a6, x)
        a8 = R.minimum(a7, a5)
        a9 = R.add(a8, a0)
        return a9
"""
)
CHAIN_OPS: Final = 10

MLP: Final = (
    HEADER
    + """
@I.ir_module
class MLP:
    @R.function
    def main(
        x: R.Tensor((64, 1024), "float32"),
        w1: R.Tensor((1024, 4096), "float32"),
        b1: R.Tensor((4096,), "float32"),
        w2: R.Tensor((4096, 1024), "float32"),
        b2: R.Tensor((1024,), "float32"),
    ) -> R.Tensor((64, 1024), "float32"):
        with R.dataflow():
            h = R.nn.relu(R.add(R.matmul(x, w1), b1))
            y = R.add(R.matmul(h, w2), b2)
            R.output(y)
        return y
"""
)


def relax_main(text: str, target: str) -> VMFunction:
    """``tvmscript.compile(module)["main"]`` of a Relax module's text."""
    ex = tvmscript.compile(tvmscript.from_source(text), target=target)
    assert isinstance(ex, VMExecutable)
    fn = ex["main"]
    assert isinstance(fn, VMFunction)
    return fn


def chain_numpy(x: Array, y: Array) -> Array:
    a0 = x + y
    a1 = a0 * y
    a2 = a1 - x
    a3 = np.maximum(a2, 0)
    a4 = a3 + x
    a5 = a4 * a4
    a6 = a5 - y
    a7 = np.maximum(a6, x)
    a8 = np.minimum(a7, a5)
    result: Array = a8 + a0
    return result


def mlp_numpy(x: Array, w1: Array, b1: Array, w2: Array, b2: Array) -> Array:
    result: Array = np.maximum(x @ w1 + b1, 0) @ w2 + b2
    return result


def per_call(fn: Callable[[], object], min_calls: int, budget_s: float) -> float:
    """Mean seconds per call of a batch of >= ``min_calls`` calls and >= ``budget_s``."""
    calls, start = 0, time.perf_counter()
    while calls < min_calls or time.perf_counter() - start < budget_s:
        for _ in range(100):
            fn()
        calls += 100
    return (time.perf_counter() - start) / calls


def median_call(fn: Callable[[], object], calls: int) -> float:
    """The median seconds of ``calls`` calls, after one warm-up call."""
    fn()
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def goal(met: bool) -> str:
    return "goal met" if met else "goal MISSED"


def bench_overhead(target: str, rounds: int) -> bool:
    start = time.perf_counter()
    fn = relax_main(CHAIN, target)
    compile_s = time.perf_counter() - start
    rng = np.random.default_rng(0)
    x, y = (rng.standard_normal(4, dtype=np.float32) for _ in range(2))
    ok = bool(np.allclose(fn(x, y), chain_numpy(x, y), rtol=1e-5, atol=1e-6))
    ours = statistics.median(per_call(lambda: fn(x, y), 2000, 0.3) for _ in range(rounds))
    theirs = statistics.median(per_call(lambda: chain_numpy(x, y), 2000, 0.3) for _ in range(3))
    us_per_op = ours / CHAIN_OPS * 1e6
    met = us_per_op <= OVERHEAD_GOAL_US
    print(
        f"overhead: {CHAIN_OPS} elementwise ops on (4,) float32: {ours * 1e6:.1f} us per call, "
        f"{us_per_op:.2f} us per op (goal <= {OVERHEAD_GOAL_US:.0f}: {goal(met)}); numpy "
        f"{theirs / CHAIN_OPS * 1e6:.2f} us per op; parse + compile {compile_s * 1e3:.0f} ms; "
        f"matches numpy: {'yes' if ok else 'NO'}",
        flush=True,
    )
    return ok


def bench_mlp(target: str, calls: int) -> bool:
    start = time.perf_counter()
    fn = relax_main(MLP, target)
    compile_s = time.perf_counter() - start
    rng = np.random.default_rng(0)
    x = rng.standard_normal((64, 1024), dtype=np.float32)
    w1 = rng.standard_normal((1024, 4096), dtype=np.float32) / 32
    b1 = rng.standard_normal(4096, dtype=np.float32)
    w2 = rng.standard_normal((4096, 1024), dtype=np.float32) / 64
    b2 = rng.standard_normal(1024, dtype=np.float32)
    args = (x, w1, b1, w2, b2)
    # Ours is timed first, then numpy, then the reference is computed: OpenBLAS's threads
    # keep spinning for a while after a call and would slow whatever runs next.
    ours = median_call(lambda: fn(*args), calls)
    got = fn(*args)
    time.sleep(1.0)
    theirs = median_call(lambda: mlp_numpy(*args), max(10, calls))
    want = mlp_numpy(*(a.astype(np.float64) for a in args))
    ok = bool(np.allclose(got, want, rtol=1e-4, atol=1e-4 * float(np.abs(want).max())))
    ratio = ours / theirs
    print(
        f"MLP 1024->4096->1024, batch 64, float32: {ours * 1e3:.1f} ms, numpy "
        f"{theirs * 1e3:.1f} ms, ratio {ratio:.2f}x numpy (goal <= {MLP_GOAL_RATIO:.1f}x: "
        f"{goal(ratio <= MLP_GOAL_RATIO)}); parse + compile {compile_s * 1e3:.0f} ms; "
        f"matches numpy: {'yes' if ok else 'NO'}",
        flush=True,
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--target",
        default="native",
        help="as tvmscript.compile's (default: native)",
    )
    parser.add_argument("--rounds", type=int, default=5, help="overhead rounds")
    parser.add_argument("--mlp-calls", type=int, default=3, help="timed MLP calls")
    args = parser.parse_args()
    if missing := [name for name in THREADS if name not in os.environ]:
        # numpy's BLAS read its thread count when it was imported: start again with it set.
        env = {**os.environ, **dict.fromkeys(missing, "2")}
        os.execve(sys.executable, [sys.executable, __file__, *sys.argv[1:]], env)
    print(
        f"target {args.target!r}, {num_threads()} thread(s), "
        f"TVMSCRIPT_NUM_THREADS={os.environ.get('TVMSCRIPT_NUM_THREADS', '')!r}, "
        f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', '')!r}"
    )
    ok = bench_overhead(args.target, args.rounds)
    ok = bench_mlp(args.target, args.mlp_calls) and ok
    if not ok:
        print("results differ from numpy", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
