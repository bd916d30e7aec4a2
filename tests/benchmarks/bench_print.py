"""Print throughput over the TIR corpus, as a ratio to TVM 0.27's C++ printer (target: >= 1x).

Run: ``python tests/benchmarks/bench_print.py``. Lines are counted as TVM's figure counts them
(the program files' lines); parsing is done once, outside the timing.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conftest import CORPUS_DIR, corpus_rows

import tvmscript

TARGET_RATIO = 1.0


def tvm_lines_per_s() -> float:
    """TVM 0.27's print throughput on this machine class (all programs)."""
    timings = json.loads((CORPUS_DIR / "ref_timings.json").read_text())
    return float(timings["summary"]["all"]["print_lines_per_s"])


def measure(reps: int = 7) -> tuple[int, float]:
    """Lines printed and the best time over ``reps`` passes of the TIR corpus."""
    programs = [p for p in corpus_rows("tir")]
    objs = [tvmscript.from_source(p.text, extra_vars=p.meta_extra_vars()) for p in programs]
    lines = sum(p.text.count("\n") for p in programs)
    best = float("inf")
    for _ in range(reps):
        start = time.perf_counter()
        for obj in objs:
            obj.script()
        best = min(best, time.perf_counter() - start)
    return lines, best


def main() -> int:
    lines, seconds = measure()
    ours = lines / seconds
    tvm = tvm_lines_per_s()
    ratio = ours / tvm
    print(f"print: {lines} lines (TIR corpus) in {seconds:.3f} s = {ours:,.0f} lines/s")
    print(f"TVM 0.27: {tvm:,.0f} lines/s; ratio {ratio:.2f}x (target {TARGET_RATIO:.0f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
