"""Decorators parse real Python definitions (inspect.getsource), as TVM's do."""

from __future__ import annotations

from tvmscript import ir as I
from tvmscript import tir as T
from tvmscript.core.ir.module import IRModule
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.stmt import For

N = 16


@T.prim_func
def add_one(A: T.Buffer((N,), "float32"), B: T.Buffer((N,), "float32")) -> None:
    for i in range(N):
        B[i] = A[i] + T.float32(1)


@I.ir_module
class Module:
    @T.prim_func
    def scale(A: T.Buffer((8,), "float32")) -> None:
        for i in T.serial(8):
            A[i] = A[i] * T.float32(2)


def test_prim_func_decorator_returns_a_prim_func_using_module_constants() -> None:
    assert isinstance(add_one, PrimFunc)
    loop = add_one.body
    assert isinstance(loop, For)
    assert loop.extent.value == N  # type: ignore[attr-defined]


def test_ir_module_decorator_collects_its_methods() -> None:
    assert isinstance(Module, IRModule)
    assert [gv.name_hint for gv in Module.functions] == ["scale"]
