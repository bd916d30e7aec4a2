"""Print throughput over the TIR corpus, as a ratio to TVM 0.27's C++ printer (target: >= 1.5x).

Run: ``python tests/benchmarks/bench_print.py [--tvm-python /path/to/tvm-venv/bin/python]``.
With ``--tvm-python`` (a throw-away environment with ``apache-tvm``, never a dependency), TVM's
printer is timed in the same run, on the same programs, the same way (each program parsed
once outside the timing, then the best of ``--reps`` passes printing all of them); without it
the ratio is to TVM's recorded figure (``ref_timings.json`` of the corpus), measured on this
machine class. Lines are counted as TVM's figure counts them (the program files' lines).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conftest import CORPUS_DIR, corpus_rows

import tvmscript

TARGET_RATIO = 1.5

# Run by TVM's Python: the same measurement of TVM's printer, answered as JSON on stdout.
_TVM_SCRIPT = """
import json, sys, time
import numpy as np
import tvm

def extra_vars(path):
    meta = path.removesuffix(".py") + ".meta.npz"
    try:
        archive = np.load(meta)
    except OSError:
        return None
    keys = sorted(archive.files, key=lambda key: int(key.rsplit("_", 1)[-1]))
    consts = [tvm.runtime.tensor(np.array(archive[key])) for key in keys]
    return {"metadata": {"ir.GenericConst": consts}}

paths, reps = json.loads(sys.stdin.read())
objs = []
for path in paths:
    extra = extra_vars(path)
    # TVM's from_source reads no import statement (hand-written programs have them).
    text = "".join(
        "\\n" if line.startswith(("import ", "from ")) else line for line in open(path)
    )
    parsed = tvm.script.from_source(text, extra_vars=extra) if extra else None
    objs.append(parsed if parsed is not None else tvm.script.from_source(text))
best = float("inf")
for _ in range(reps):
    start = time.perf_counter()
    for obj in objs:
        obj.script()
    best = min(best, time.perf_counter() - start)
print(json.dumps({"seconds": best, "programs": len(objs), "version": tvm.__version__}))
"""


def tvm_recorded_lines_per_s() -> float:
    """TVM 0.27's print throughput on this machine class (all programs), as recorded."""
    timings = json.loads((CORPUS_DIR / "ref_timings.json").read_text())
    return float(timings["summary"]["all"]["print_lines_per_s"])


def measure(reps: int) -> tuple[int, float, list[str]]:
    """Lines printed, the best time over ``reps`` passes of the TIR corpus, and its files."""
    programs = corpus_rows("tir")
    if not programs:
        raise SystemExit("bench_print needs the reference corpus (set TVMSCRIPT_CORPUS)")
    objs = [tvmscript.from_source(p.text, extra_vars=p.meta_extra_vars()) for p in programs]
    lines = sum(p.text.count("\n") for p in programs)
    best = float("inf")
    for _ in range(reps):
        start = time.perf_counter()
        for obj in objs:
            obj.script()
        best = min(best, time.perf_counter() - start)
    return lines, best, [str(p.path) for p in programs]


def measure_tvm(python: str, paths: list[str], reps: int) -> tuple[float, str]:
    """TVM's best time printing ``paths`` (parsed by TVM), and its version."""
    done = subprocess.run(
        [python, "-c", _TVM_SCRIPT],
        input=json.dumps([paths, reps]),
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    if done.returncode != 0:
        raise SystemExit(f"TVM's run failed:\n{(done.stderr or done.stdout)[-3000:]}")
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    return float(answer["seconds"]), str(answer["version"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tvm-python", help="a Python with apache-tvm: time TVM in this run")
    parser.add_argument("--reps", type=int, default=7)
    args = parser.parse_args()
    lines, seconds, paths = measure(args.reps)
    ours = lines / seconds
    print(f"print: {lines} lines (TIR corpus) in {seconds:.3f} s = {ours:,.0f} lines/s")
    if args.tvm_python:
        tvm_seconds, version = measure_tvm(args.tvm_python, paths, args.reps)
        tvm = lines / tvm_seconds
        source = f"TVM {version}, measured now"
    else:
        tvm = tvm_recorded_lines_per_s()
        source = "TVM 0.27, recorded (ref_timings.json)"
    ratio = ours / tvm
    verdict = "PASS" if ratio >= TARGET_RATIO else "FAIL"
    print(f"{source}: {tvm:,.0f} lines/s; ratio {ratio:.2f}x (target {TARGET_RATIO:g}x) {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
