"""Compile and kernel times of the perf kit's kernels, as ratios to TVM 0.27's and numpy's.

Run: ``python tests/benchmarks/bench_codegen.py [--target native|generic|native512]
[--kernels NAME,...] [--rounds 5]``. Threads: ``TVMSCRIPT_NUM_THREADS`` (default: the CPUs);
the TVM anchor of the same thread count is used. Method (the kit's README): compile = median
of fresh compiles (cache cleared) after a warm-up; kernel = rounds on freshly allocated
buffers (so addresses change), each the median of >= 10 calls and >= 0.4 s, reported as the
median of the round medians; numpy is timed the same way in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

import tvmscript
from tvmscript.runtime.compile import clear_cache, num_threads

KIT = Path(__file__).resolve().parents[2].parent / "shared" / "perf"
Array = np.ndarray[Any, Any]


def numpy_case(workload: str, args: list[Array]) -> Callable[[], object]:
    """The numpy version of a kit kernel on the same arrays (the kit's recipes)."""
    if workload == "matmul":
        a, b, c = args
        return lambda: np.matmul(a, b, out=c)
    if workload == "add":
        a, b, c = args
        return lambda: np.add(a, b, out=c)
    if workload == "softmax":
        a, o = args

        def softmax() -> None:
            np.subtract(a, a.max(axis=1, keepdims=True), out=o)
            np.exp(o, out=o)
            np.divide(o, o.sum(axis=1, keepdims=True), out=o)

        return softmax
    x, w, y = args  # conv2d NCHW, stride 1, pad 1, by im2col + sgemm
    _, c, h, wd = x.shape
    k, _, r, s = w.shape
    wmat = w.reshape(k, -1)

    def conv() -> None:
        xp = np.pad(x[0], ((0, 0), (1, 1), (1, 1)))
        cols = np.lib.stride_tricks.sliding_window_view(xp, (r, s), axis=(1, 2))
        cols = cols.transpose(0, 3, 4, 1, 2).reshape(c * r * s, h * wd)
        np.matmul(wmat, cols, out=y.reshape(k, h * wd))

    return conv


def fresh_args(kernel: dict[str, Any]) -> list[Array]:
    rng = np.random.default_rng(0)
    return [
        rng.standard_normal(a["shape"], dtype=np.float32)
        if a["role"] == "input"
        else np.zeros(a["shape"], np.float32)
        for a in kernel["args"]
    ]


def time_calls(fn: Callable[[], object], budget_s: float) -> float:
    fn()
    times: list[float] = []
    while len(times) < 10 or sum(times) < budget_s:
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
        if sum(times) > 4 * budget_s and len(times) >= 2:
            break
    return statistics.median(times)


def check(kernel: dict[str, Any], args: list[Array]) -> bool:
    ref_args = [a.astype(np.float64) for a in args]
    numpy_case(kernel["workload"], ref_args)()
    out = kernel["outputs"][0]["param_index"]
    got, want = args[out], ref_args[out]
    return bool(np.allclose(got, want, rtol=1e-4, atol=1e-4 * float(np.abs(want).max())))


def measure(name: str, kernel: dict[str, Any], target: str, rounds: int) -> dict[str, Any]:
    text = (KIT / kernel["file"]).read_text()
    compiles = []
    for _ in range(4):
        clear_cache()
        mod = tvmscript.from_source(text)
        start = time.perf_counter()
        ex = tvmscript.compile(mod, target=target)
        compiles.append(time.perf_counter() - start)
    start = time.perf_counter()
    tvmscript.compile(tvmscript.from_source(text), target=target)
    recompile_parse = time.perf_counter() - start
    start = time.perf_counter()
    tvmscript.compile(mod, target=target)
    recompile = time.perf_counter() - start
    fn = ex[kernel["symbol"]]
    slow = kernel["tvm"]["targets"]["native"]["kernel_ms"]["1"] > 1000
    ours, theirs, kept = [], [], []
    ok = True
    for r in range(1 if slow else rounds):
        args = fresh_args(kernel)
        kept.append(args)  # keep: the next round's buffers land elsewhere
        fn(*args)
        if r == 0:
            ok = check(kernel, args)
        ours.append(time_calls(lambda a=args: fn(*a), 0.4 if not slow else 0.0))
        np_args = fresh_args(kernel)
        kept.append(np_args)
        theirs.append(time_calls(numpy_case(kernel["workload"], np_args), 0.4 if not slow else 0.0))
    return {
        "compile_ms": statistics.median(compiles[1:]) * 1e3,
        "recompile_ms": recompile * 1e3,
        "reparse_compile_ms": recompile_parse * 1e3,
        "ms": statistics.median(ours) * 1e3,
        "numpy_ms": statistics.median(theirs) * 1e3,
        "ok": ok,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", default="native", choices=("native", "generic", "native512"))
    parser.add_argument("--kernels", default="", help="comma-separated names (default: all)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    if not (KIT / "anchors.json").exists():
        print(f"no perf kit at {KIT}: skipped")
        return 0
    anchors = json.loads((KIT / "anchors.json").read_text())
    target = anchors["targets"][args.target]["project_target"]
    threads = num_threads()
    key = "2" if threads >= 2 else "1"
    names = [n for n in anchors["kernels"] if not args.kernels or n in args.kernels.split(",")]
    print(
        f"target {target!r}, {threads} thread(s) (TVM anchor: {key} thread(s)), "
        f"TVMSCRIPT_NUM_THREADS={os.environ.get('TVMSCRIPT_NUM_THREADS', '')!r}"
    )
    head = (
        f"{'kernel':28} {'compile':>8} {'/TVM':>5} {'again':>6} {'ms':>9} {'TVM ms':>9} "
        f"{'TVM/us':>6} {'numpy':>8} {'us/np':>6} {'TVM/np':>6} ok"
    )
    print(head)
    print("-" * len(head))
    results = {}
    for name in names:
        k = anchors["kernels"][name]
        tvm = k["tvm"]["targets"][args.target]
        res = measure(name, k, target, args.rounds)
        results[name] = res
        tvm_ms = tvm["kernel_ms"][key]
        tvm_np = tvm_ms / k["numpy"]["ms"][key]
        print(
            f"{name:28} {res['compile_ms']:8.1f} {res['compile_ms'] / tvm['compile_ms']:5.2f} "
            f"{res['recompile_ms']:6.3f} {res['ms']:9.3f} {tvm_ms:9.3f} "
            f"{tvm_ms / res['ms']:6.2f} {res['numpy_ms']:8.3f} {res['ms'] / res['numpy_ms']:6.2f} "
            f"{tvm_np:6.2f} {'yes' if res['ok'] else 'NO'}",
            flush=True,
        )
    print(
        "compile: ours, ms; /TVM: ours over TVM's compile; again: second compile of the same "
        "module, ms; TVM/us > 1: faster than TVM; us/np: ours over numpy (same run); TVM/np: "
        "the anchor's TVM over numpy"
    )
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
