"""Meta-programming: module constants, extra variables, T.meta_var and T.macro."""

from __future__ import annotations

from conftest import script

import tvmscript
from tvmscript.core.tir.expr import BufferLoad, FloatImm, IntImm, Mul
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.stmt import BufferStore, For, SeqStmt

HEADER = "from tvmscript import tir as T\n"


def parse(text: str, **extra: object) -> PrimFunc:
    func = tvmscript.from_source(HEADER + script(text), extra_vars=extra or None)
    assert isinstance(func, PrimFunc)
    return func


def test_module_constants_and_arithmetic_on_them_are_evaluated() -> None:
    func = parse("""
        N = 4
        dims = (N, 2 * N)

        @T.prim_func
        def f(A: T.Buffer(dims, "float32")):
            for i in range(N):
                A[i, 0] = T.float32(0)
    """)
    buffer = func.buffer_map[func.params[0]]
    assert [int(e) for e in buffer.shape] == [4, 8]  # type: ignore[call-overload]


def test_extra_vars_are_visible_to_the_script() -> None:
    func = parse(
        """
        @T.prim_func
        def f(A: T.Buffer((n,), "float32")):
            A[0] = T.float32(scale)
    """,
        n=16,
        scale=0.5,
    )
    store = func.body
    assert isinstance(store, BufferStore)
    assert isinstance(store.value, FloatImm)
    assert store.value.value == 0.5


def test_meta_var_is_used_as_a_python_value() -> None:
    func = parse("""
        @T.prim_func
        def f(A: T.Buffer((8,), "int32")):
            k = T.meta_var(3)
            A[k] = k
    """)
    store = func.body
    assert isinstance(store, BufferStore)
    assert isinstance(store.indices[0], IntImm)
    assert store.indices[0].value == 3


def test_hygienic_macro_expands_with_its_arguments() -> None:
    func = parse("""
        N = 4

        @T.macro
        def fill(buf, value):
            for i in range(N):
                buf[i] = value

        @T.prim_func
        def f(A: T.Buffer((4,), "float32"), B: T.Buffer((4,), "float32")):
            fill(A, T.float32(1))
            fill(B, T.float32(2))
    """)
    assert isinstance(func.body, SeqStmt)
    loops = func.body.seq
    assert [type(s) for s in loops] == [For, For]
    values = [s.body.value.value for s in loops]  # type: ignore[attr-defined]
    assert values == [1.0, 2.0]


def test_non_hygienic_macro_sees_the_call_site() -> None:
    func = parse("""
        @T.macro(hygienic=False)
        def bump(i):
            A[i] = A[i] + T.float32(1)

        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            for j in range(4):
                bump(j)
    """)
    loop = func.body
    assert isinstance(loop, For)
    assert isinstance(loop.body, BufferStore)
    assert loop.body.indices[0] is loop.loop_var


def test_macro_return_value_is_the_call_value() -> None:
    func = parse("""
        @T.macro
        def twice(x):
            return x * 2

        @T.prim_func
        def f(A: T.Buffer((4,), "int32")):
            A[0] = twice(A[1])
    """)
    assert isinstance(func.body, BufferStore)
    value = func.body.value
    assert isinstance(value, Mul)
    assert isinstance(value.a, BufferLoad)
    assert isinstance(value.b, IntImm)
    assert value.b.value == 2


def test_tirx_is_the_same_module_as_tir() -> None:
    import tvmscript.tir
    import tvmscript.tirx

    assert tvmscript.tirx is tvmscript.tir
