"""Run each case through TVM 0.27 (observation only) and record outcome, struct info, text."""

import ast
import json
import operator
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import numpy as np
import tvm
from cases import CASES
from tvm import relax
from tvm import tirx as tir
from tvm.script import relax as R

OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.FloorDiv: tir.floordiv,
}


def sym_eval(text, env):
    def ev(n):
        if isinstance(n, ast.Expression):
            return ev(n.body)
        if isinstance(n, ast.Constant):
            return n.value
        if isinstance(n, ast.Name):
            if n.id not in env:
                env[n.id] = tir.Var(n.id, "int64")
            return env[n.id]
        if isinstance(n, ast.BinOp):
            return OPS[type(n.op)](ev(n.left), ev(n.right))
        raise ValueError(text)

    return ev(ast.parse(text, mode="eval"))


def build(a, env, params):  # noqa: C901  (one case per argument kind)
    if isinstance(a, dict):
        if "tensor" in a:
            dt = a["dtype"] or None
            if a["tensor"] is None:
                si = relax.TensorType(None, dt, ndim=a.get("ndim", -1))
            else:
                si = relax.TensorType(
                    [sym_eval(d, env) if isinstance(d, str) else d for d in a["tensor"]], dt
                )
            v = relax.Var(f"x{len(params)}", si)
            params.append(v)
            return v
        if "tuple" in a:
            return relax.Tuple([build(x, env, params) for x in a["tuple"]])
        if "shape" in a:
            return relax.ShapeExpr(
                [sym_eval(d, env) if isinstance(d, str) else d for d in a["shape"]]
            )
        if "shapevar" in a:
            v = relax.Var(f"x{len(params)}", relax.ShapeType(ndim=a["shapevar"]))
            params.append(v)
            return v
        if "primvar" in a:
            v = relax.Var(f"x{len(params)}", tvm.ir.PrimType(a["primvar"]))
            params.append(v)
            return v
        if "primval" in a:
            return R.prim_value(tvm.tirx.const(a["primval"], a["dtype"]))
        if "const" in a:
            return relax.const(np.array(a["const"], a["dtype"]))
        if "sym" in a:
            return sym_eval(a["sym"], env)
        if "index_map" in a:
            return lambda i, j: (j, i)
        if "vdevice" in a:
            return relax.VDevice(tvm.target.Target(a["vdevice"]), 0, "global")
        if "device" in a:
            return tvm.cpu(0)
        raise ValueError(a)
    if isinstance(a, list):
        return [build(x, env, params) for x in a]
    return a


def sinfo_text(s):
    return str(s) if s is not None else None


out = []
for i, c in enumerate(CASES):
    env = {}
    params = []
    rec = {"id": i, **c}
    try:
        args = [build(a, env, params) for a in c["args"]]
        kwargs = {k: build(v, env, params) for k, v in c["kwargs"].items()}
        fn = R
        for part in c["op"].split("."):
            fn = getattr(fn, part)
        call = fn(*args, **kwargs)
        bb = relax.BlockBuilder()
        with bb.function("main", params, pure=False):
            r = bb.emit(call, name_hint="out")
            bb.emit_func_output(r)
        mod = bb.get()
        text = mod.script()
        line = [ln.strip() for ln in text.splitlines() if ln.strip().startswith("out")]
        rec["outcome"] = "ok"
        rec["sinfo"] = line[0].split(": ", 1)[1].split(" = R.", 1)[0] if line else None
        rec["text"] = line[0] if line else text
    except Exception as e:
        rec["outcome"] = "error"
        msg = str(e).strip().splitlines()
        rec["error"] = (type(e).__name__ + ": " + (msg[-1] if msg else ""))[:400]
    out.append(rec)
(Path(__file__).resolve().parent / "recorded.json").write_text(
    json.dumps(out, indent=1, sort_keys=True) + "\n"
)
print(sum(r["outcome"] == "ok" for r in out), len(out))
