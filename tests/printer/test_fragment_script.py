"""``.script()`` on TIR expressions and statements prints them as TVM's ``str``/``script()``.

Goldens taken from the real TVM 0.27 on the same function.
"""

from __future__ import annotations

import textwrap

import pytest

import tvmscript
from tvmscript.core.tir.stmt import For, IfThenElse, SeqStmt

_SOURCE = textwrap.dedent("""\
    from tvmscript import tir as T

    @T.prim_func
    def f(A: T.Buffer((16,), "float32"), n: T.int32):
        for i in range(n):
            if i < 8:
                A[i] = A[i] * T.float32(2) + T.float32(1)
            x: T.let[T.int32] = i * 2
            A[x] = T.exp(A[i])
""")


@pytest.fixture(scope="module")
def loop() -> For:
    func = tvmscript.from_source(_SOURCE)
    assert isinstance(func, tvmscript.tir.PrimFunc)
    assert isinstance(func.body, For)
    return func.body


def _if(loop: For) -> IfThenElse:
    assert isinstance(loop.body, SeqStmt)
    branch = loop.body.seq[0]
    assert isinstance(branch, IfThenElse)
    return branch


def test_expr_script_prints_the_expression_alone(loop: For) -> None:
    store = _if(loop).then_case
    assert store.value.script() == "A[i] * T.float32(2.0) + T.float32(1.0)"  # type: ignore[attr-defined]
    assert _if(loop).condition.script() == "i < 8"


def test_stmt_script_defines_free_names_first(loop: For) -> None:
    assert _if(loop).then_case.script() == textwrap.dedent("""\
        A = T.Buffer((16,))
        i = T.int32()
        A[i] = A[i] * T.float32(2.0) + T.float32(1.0)""")


def test_stmt_script_of_a_sequence(loop: For) -> None:
    assert loop.body.script() == textwrap.dedent("""\
        i = T.int32()
        A = T.Buffer((16,))
        if i < 8:
            A[i] = A[i] * T.float32(2.0) + T.float32(1.0)
        x: T.let[T.int32] = i * 2
        A[x] = T.exp(A[i])""")


def test_stmt_script_defines_free_names_in_the_deepest_common_scope(loop: For) -> None:
    # TVM defines `n` inside the loop: the loop node encloses every use of it.
    assert loop.script() == textwrap.dedent("""\
        for i in range(n):
            n = T.int32()
            A = T.Buffer((16,))
            if i < 8:
                A[i] = A[i] * T.float32(2.0) + T.float32(1.0)
            x: T.let[T.int32] = i * 2
            A[x] = T.exp(A[i])""")
