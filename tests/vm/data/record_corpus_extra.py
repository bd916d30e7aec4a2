"""Record TVM 0.27's outputs for the corpus' Relax programs the index marks not runnable.

Run with the throw-away TVM venv, from the repository root:

    /work/tvm-venv/bin/python tests/vm/data/record_corpus_extra.py

The index gives no inputs for these (shape, tuple and scalar parameters, a packed function,
symbolic dims bound by ``R.match_cast``): the inputs below are ours. For each program TVM
builds and runs, ``corpus_extra/ID.npz`` gets the inputs (``arg_i``; tuples as ``arg_i_j``,
scalars as 0-d arrays; ``kinds.json`` says which argument is a ``tensor``, ``tuple``, ``shape``
or ``scalar``) and TVM's outputs flattened (``out_i``; shapes as int64 arrays). Local
functions are lambda-lifted first, as TVM's VM needs. Programs TVM cannot run are reported.
The script needs TVM, so pytest never imports it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import tvm
import tvm_ffi
from tvm import relax

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO.parent / "shared" / "corpus" / "public"
HERE = Path(__file__).resolve().parent / "corpus_extra"
rng = np.random.default_rng(7)


def f32(*shape: int) -> np.ndarray:
    return rng.standard_normal(shape).astype("float32")


# id -> arguments (arrays, tuples of arrays, shapes as ("shape", dims), scalars as ("scalar", v))
INPUTS: dict[str, list[Any]] = {
    "0367": [f32(3, 5)],
    "0393": [f32(8)],
    "0398": [f32(6), ("shape", (2, 3))],
    "0400": [(f32(2, 2), f32(2, 2))],
    "0402": [f32(7, 4)],
    "0404": [f32(6), ("scalar", -0.5), ("scalar", 0.5)],
    "0405": [f32(4)],
    "0456": [f32(8), ("scalar", True)],
    "0459": [f32(6), ("shape", (3, 2))],
    "0463": [f32(7, 4)],
}


@tvm_ffi.register_global_func("my_extern_relu")
def _relu(x: Any, out: Any) -> None:
    out.copyfrom(np.maximum(x.numpy(), 0))


def _tag(a: Any) -> str | None:
    return a[0] if isinstance(a, tuple) and a and isinstance(a[0], str) else None


def _to_tvm(a: Any) -> Any:
    if _tag(a) == "shape":
        return tvm.runtime.ShapeTuple(list(a[1]))
    if _tag(a) == "scalar":
        return a[1]
    if isinstance(a, tuple):
        return tuple(_to_tvm(x) for x in a)
    return tvm.runtime.tensor(a)


def _flatten(v: Any) -> list[np.ndarray]:
    if isinstance(v, tvm.runtime.ShapeTuple):
        return [np.array(list(v), dtype="int64")]
    if isinstance(v, tvm.ir.Array | tuple | list):
        return [x for item in v for x in _flatten(item)]
    return [v.numpy()]


def _store(args: list[Any]) -> tuple[dict[str, np.ndarray], list[str]]:
    arrays: dict[str, np.ndarray] = {}
    kinds = []
    for i, a in enumerate(args):
        if (tag := _tag(a)) is not None:
            kinds.append(tag)
            arrays[f"arg_{i}"] = np.array(a[1])
        elif isinstance(a, tuple):
            kinds.append("tuple")
            for j, x in enumerate(a):
                arrays[f"arg_{i}_{j}"] = x
        else:
            kinds.append("tensor")
            arrays[f"arg_{i}"] = a
    return arrays, kinds


def main() -> None:
    HERE.mkdir(exist_ok=True)
    index = [json.loads(line) for line in (CORPUS / "index.jsonl").read_text().splitlines()]
    kinds_of: dict[str, list[str]] = {}
    for row in index:
        if row["id"] not in INPUTS:
            continue
        text = (CORPUS / row["file"]).read_text()
        args = INPUTS[row["id"]]
        try:
            mod = tvm.script.from_source(text)
            mod = relax.transform.LambdaLift()(mod)  # TVM's VM runs no local function as is
            ex = relax.build(mod, target="llvm")
            vm = relax.VirtualMachine(ex, tvm.cpu())
            out = _flatten(vm["main"](*[_to_tvm(a) for a in args]))
        except Exception as exc:
            print(f"{row['id']} {row['name']}: TVM cannot run it: {str(exc).splitlines()[0][:100]}")
            continue
        arrays, kinds = _store(args)
        arrays |= {f"out_{k}": o for k, o in enumerate(out)}
        np.savez(HERE / f"{row['id']}.npz", **arrays)
        kinds_of[row["id"]] = kinds
        print(f"{row['id']} {row['name']}: {len(out)} outputs")
    (HERE / "kinds.json").write_text(json.dumps(kinds_of, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
