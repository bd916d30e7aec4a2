"""Parse throughput over the public corpus, as a ratio to TVM 0.27's (target: >= 15x).

The TIR programs and the Relax ones (``relax`` and ``relax_legalized``) are measured apart,
each against TVM's recorded figure for the same programs (``ref_timings.json``: its total
lines over its total parse time). Run: ``python tests/benchmarks/bench_parse.py``. Also times
one 10-line kernel (target < 1 ms).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conftest import CORPUS_DIR, corpus_rows

import tvmscript

TARGET_RATIO = 15.0
SMALL_KERNEL = """\
from tvmscript import tir as T
@T.prim_func(s_tir=True)
def add(A: T.Buffer((128,), "float32"), B: T.Buffer((128,), "float32"),
        C: T.Buffer((128,), "float32")):
    for i in range(128):
        with T.sblock("C"):
            vi = T.axis.spatial(128, i)
            C[vi] = A[vi] + B[vi]
"""


def tvm_lines_per_s(ids: set[str] | None = None) -> float:
    """TVM 0.27's parse throughput on this machine class: all programs, or those of ``ids``."""
    timings = json.loads((CORPUS_DIR / "ref_timings.json").read_text())
    if ids is None:
        return float(timings["summary"]["all"]["parse_lines_per_s"])
    rows = [r for r in timings["programs"] if r["id"] in ids]
    return sum(r["lines"] for r in rows) / sum(r["parse_s"] for r in rows)


def measure(kind: str, reps: int = 5) -> tuple[set[str], int, float]:
    """The programs, lines parsed and the best time over ``reps`` passes of a corpus part."""
    rows = corpus_rows(kind)
    programs = [(p.text, p.meta_extra_vars()) for p in rows]
    lines = sum(text.count("\n") for text, _ in programs)
    best = float("inf")
    for _ in range(reps):
        start = time.perf_counter()
        for text, extra in programs:
            tvmscript.from_source(text, extra_vars=extra)
        best = min(best, time.perf_counter() - start)
    return {p.id for p in rows}, lines, best


def small_kernel_ms(reps: int = 200) -> float:
    """Median time to parse one 10-line kernel, in milliseconds."""
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        tvmscript.from_source(SMALL_KERNEL)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def main() -> int:
    for kind, label in (("tir", "TIR"), ("relax", "Relax")):
        ids, lines, seconds = measure(kind)
        ours = lines / seconds
        tvm = tvm_lines_per_s(ids)
        ratio = ours / tvm
        verdict = "met" if ratio >= TARGET_RATIO else "MISSED"
        print(f"parse: {lines} lines ({label} corpus, {len(ids)} programs) in {seconds:.3f} s")
        print(
            f"  ours {ours:,.0f} lines/s, TVM 0.27 {tvm:,.0f} lines/s on the same programs: "
            f"{ratio:.1f}x (target {TARGET_RATIO:.0f}x: {verdict})"
        )
    kernel = small_kernel_ms()
    print(f"one 10-line kernel: {kernel:.3f} ms (target < 1 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
