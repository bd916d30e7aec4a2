"""``@R.function`` and ``@I.ir_module`` on real Python definitions (inspect.getsource)."""

from __future__ import annotations

from typing import Any

from tvmscript import ir as I
from tvmscript import relax as R
from tvmscript import tir as T
from tvmscript.core.ir.module import IRModule
from tvmscript.core.relax.expr import Function
from tvmscript.core.relax.struct_info import TensorStructInfo

N = 4


@R.function
def double(x: R.Tensor((N,), "float32")) -> R.Tensor((N,), "float32"):
    y = R.add(x, x)
    return y


@I.ir_module
class Module:
    @T.prim_func
    def copy(A: T.Buffer((N,), "float32"), B: T.Buffer((N,), "float32")) -> None:
        for i in range(N):
            B[i] = A[i]

    @R.function
    def main(x: R.Tensor((N,), "float32")) -> R.Tensor((N,), "float32"):
        cls = Module
        with R.dataflow():
            y = R.call_tir(cls.copy, (x,), out_ty=R.Tensor((N,), "float32"))
            R.output(y)
        return y


def test_function_decorator_returns_a_relax_function() -> None:
    func: Any = double
    assert isinstance(func, Function)
    ret = func.ret_struct_info
    assert isinstance(ret, TensorStructInfo)
    assert ret.ndim == 1


def test_module_decorator_builds_prim_funcs_and_relax_functions() -> None:
    mod: Any = Module
    assert isinstance(mod, IRModule)
    assert [gv.name_hint for gv in mod.functions] == ["copy", "main"]
    assert isinstance(mod["main"], Function)
