"""Helpers of the legalization tests: cases built as Relax IR, TVM's recorded results."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, Final

import numpy as np

from tvmscript.core.ir.module import GlobalVar, IRModule
from tvmscript.core.relax import expr as rx
from tvmscript.core.relax import op as R
from tvmscript.core.relax.op import _common
from tvmscript.core.relax.struct_info import TensorStructInfo
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E

from .legalize_cases import Case

DATA: Final = Path(__file__).resolve().parent / "data"


@cache
def tvm_recorded() -> dict[str, Any]:
    """TVM 0.27's legalized modules, by case name (``data/tvm_legalized.json``)."""
    data: dict[str, Any] = json.loads((DATA / "tvm_legalized.json").read_text())
    return data


def op_constructor(name: str) -> Callable[..., rx.Call]:
    """The constructor of ``R.<name>`` (``"nn.conv2d"`` → ``op.nn.conv2d``)."""
    target: Any = R
    for part in name.split("."):
        target = getattr(target, part)
    return target  # type: ignore[no-any-return]


class _Params:
    def __init__(self, case: Case) -> None:
        self.dims: dict[str, E.Var] = {}
        self.vars: dict[str, rx.Var] = {}
        for name, shape, dtype in case.params:
            dims = tuple(self.dim(d) for d in shape)
            info = TensorStructInfo(rx.ShapeExpr(dims), dtype)
            self.vars[name] = rx.Var(name, struct_info=info)

    def dim(self, d: int | str) -> E.PrimExpr:
        if isinstance(d, int):
            return E.IntImm("int64", d)
        if d.isidentifier():
            if d not in self.dims:
                self.dims[d] = E.Var(d, "int64")
            return self.dims[d]
        value: E.PrimExpr = eval(d, {}, dict(self.dims))  # our own case text, e.g. "n * m"
        return value

    def arg(self, a: Any) -> Any:
        if isinstance(a, tuple) and a and a[0] in ("shape", "prim", "const", "tuple"):
            return self.tagged(a)
        if isinstance(a, str):
            if a[:1] in "'\"":
                return a[1:-1]
            return self.vars[a]
        if isinstance(a, list):
            return [self.arg(x) for x in a]
        if isinstance(a, tuple):
            return tuple(self.arg(x) for x in a)
        return a

    def tagged(self, a: tuple[Any, ...]) -> Any:
        tag = a[0]
        if tag == "shape":
            return _common.shape_expr([self.dim(d) if isinstance(d, str) else d for d in a[1]])
        if tag == "prim":
            value = self.dim(a[1]) if isinstance(a[1], str) else arith.make_const(a[2], a[1])
            return _common.prim_value(value)
        if tag == "const":
            return _common.constant(np.array(a[1], dtype=a[2]), a[2])
        return _common.tuple_expr([self.arg(x) for x in a[1]])


def build_module(case: Case) -> IRModule:
    """The case as a module: ``main`` binding the one call in a dataflow block."""
    params = _Params(case)
    args = [params.arg(a) for a in case.args]
    kwargs = {k: params.arg(v) for k, v in case.kwargs.items()}
    call = op_constructor(case.op)(*args, **kwargs)
    assert call.struct_info is not None
    gv = rx.Var("gv", struct_info=call.struct_info)
    block = rx.DataflowBlock((rx.VarBinding(gv, call),))
    body = rx.SeqExpr((block,), gv)
    attrs = {"global_symbol": "main"}
    func = rx.Function(tuple(params.vars.values()), body, call.struct_info, attrs=attrs)
    return IRModule({GlobalVar("main"): func})
