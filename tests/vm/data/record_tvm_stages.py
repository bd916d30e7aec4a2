"""Record TVM 0.27's printed Relax modules at the stages of its VM build, and their outputs.

Run with the throw-away TVM venv, from the repository root:

    /work/tvm-venv/bin/python tests/vm/data/record_tvm_stages.py

For each source module below (our own TVMScript text), TVM runs its build pipeline and
prints the module after: ``legalized`` (LegalizeOps), ``call_tir_rewrite`` (explicit
``R.builtin.alloc_tensor`` and PrimFunc calls in destination-passing form), ``planned``
(``R.memory.alloc_storage`` / ``alloc_tensor`` of StaticPlanBlockMemory),
``builtin_lowered`` (``R.vm.alloc_storage``, ``R.vm.kill_object``) and ``shape_lowered``
(``vm.builtin.match_shape`` / ``make_shape`` on a shape heap). Each text goes to
``stages/NAME.STAGE.txt`` (``.txt``: kept out of the linters); ``stages/NAME.npz`` holds the
seeded inputs (``arg_i``) and the outputs of TVM's own VM on the source module (``out_i``).
TVM prints ``R.builtin.alloc_tensor(..., ty_args=...)``, which its own parser rejects; the
texts keep TVM's print but drop that ``ty_args`` (the struct info follows from the arguments),
and the script says which texts TVM still cannot parse (those the tests skip). The script
needs TVM, so pytest never imports it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import tvm
from tvm import relax

HERE = Path(__file__).resolve().parent / "stages"

SOURCES = {
    "sym_mlp": (
        """
# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(
        x: R.Tensor(("n", 4), "float32"),
        w: R.Tensor((4, 4), "float32"),
    ) -> R.Tensor(("n", 4), "float32"):
        with R.dataflow():
            a = R.matmul(x, w)
            b = R.nn.relu(a)
            c = R.add(b, x)
            R.output(c)
        return c
""",
        [((5, 4), "float32"), ((4, 4), "float32")],
    ),
    "static_tuple": (
        """
# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((2, 8), "float32"), y: R.Tensor((2, 8), "float32")):
        with R.dataflow():
            a = R.add(x, y)
            b = R.exp(a)
            c = R.multiply(b, y)
            d = R.sum(c, axis=1)
            e = R.nn.softmax(a, axis=-1)
            R.output(d, e)
        return (d, e)
""",
        [((2, 8), "float32"), ((2, 8), "float32")],
    ),
    "if_else": (
        """
# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(
        c: R.Tensor((), "bool"),
        x: R.Tensor((3, 4), "float32"),
    ) -> R.Tensor((3, 4), "float32"):
        if c:
            y = R.add(x, x)
            z = R.exp(y)
        else:
            y = R.multiply(x, x)
            z = R.negative(y)
        return z
""",
        [((), "bool"), ((3, 4), "float32")],
    ),
    "two_dims": (
        """
# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(
        a: R.Tensor(("m", "k"), "float32"),
        b: R.Tensor(("k", "n"), "float32"),
    ) -> R.Tensor(("m", "n"), "float32"):
        with R.dataflow():
            c = R.matmul(a, b)
            d = R.permute_dims(c)
            e = R.permute_dims(d)
            f = R.add(e, c)
            R.output(f)
        return f
""",
        [((3, 5), "float32"), ((5, 2), "float32")],
    ),
}

P = relax.transform
STAGES = [
    ("legalized", [P.LegalizeOps()]),
    ("call_tir_rewrite", [P.ToNonDataflow(), P.RemovePurityChecking(), P.CallTIRRewrite()]),
    ("planned", [P.StaticPlanBlockMemory()]),
    ("builtin_lowered", [P.LowerAllocTensor(), P.KillAfterLastUse(), P.LowerRuntimeBuiltin()]),
    ("shape_lowered", [P.ComputePrimValue(), P.VMShapeLower()]),
]


def _drop_alloc_ty_args(text: str) -> str:
    """``text`` without the ``ty_args`` of ``R.builtin.alloc_tensor`` calls."""
    out, at = [], 0
    while (start := text.find("R.builtin.alloc_tensor(", at)) >= 0:
        cut = text.find(", ty_args=", start)
        depth, end = 0, cut + len(", ty_args=")
        while True:
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            end += 1
            if depth == 0:
                break
        out.append(text[at:cut])
        at = end
    out.append(text[at:])
    return "".join(out)


def _inputs(specs: list[tuple[tuple[int, ...], str]], seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    out = []
    for shape, dtype in specs:
        if dtype == "bool":
            out.append(np.array(True) if shape == () else rng.integers(0, 2, shape).astype(bool))
        else:
            out.append(rng.standard_normal(shape).astype(dtype))
    return out


def _run(mod: tvm.IRModule, args: list[np.ndarray]) -> list[np.ndarray]:
    ex = relax.build(mod, target="llvm")
    vm = relax.VirtualMachine(ex, tvm.cpu())
    res = vm["main"](*[tvm.runtime.tensor(a) for a in args])
    items = list(res) if isinstance(res, tvm.ir.Array | tuple | list) else [res]
    return [i.numpy() for i in items]


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for i, (name, (text, specs)) in enumerate(SOURCES.items()):
        mod = tvm.script.from_source(text)
        args = _inputs(specs, i)
        outs = _run(mod, args)
        arrays = {f"arg_{k}": a for k, a in enumerate(args)}
        arrays |= {f"out_{k}": o for k, o in enumerate(outs)}
        np.savez(HERE / f"{name}.npz", **arrays)
        (HERE / f"{name}.source.txt").write_text(text.lstrip())
        for stage, passes in STAGES:
            mod = tvm.transform.Sequential(passes)(mod)
            text = _drop_alloc_ty_args(mod.script())
            try:
                tvm.script.from_source(text)
            except Exception as exc:
                print(f"  {name}.{stage}: TVM cannot parse its print: {str(exc)[:80]}")
            (HERE / f"{name}.{stage}.txt").write_text(text)
        print(f"{name}: {len(STAGES)} stages")


if __name__ == "__main__":
    main()
