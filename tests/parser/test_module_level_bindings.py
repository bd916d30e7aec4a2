"""Module-level code is never run: constants are evaluated, other bindings are unknown values.

A name bound by code we do not run (a loop, an ``except`` branch, ``N += 1``) is never an
undefined name in a kernel; its uses are said to be unchecked instead.
"""

from __future__ import annotations

import pytest
from conftest import script

import tvmscript
from tvmscript import check_source

KERNEL = """
@T.prim_func
def f(A: T.Buffer(({dims}), "float32")):
    A[0, 0] = T.float32(0)
"""


@pytest.mark.parametrize(
    ("header", "dims", "shape"),
    [
        ("B, S = 4, 8", "B, S", (4, 8)),
        ("[B, S] = (4, 8)", "B, S", (4, 8)),
        ("M = N = 16", "M, N", (16, 16)),
        ("K: int = 2\nN = 3", "K, N * K", (2, 6)),
    ],
)
def test_constants_bound_at_module_level_are_evaluated(
    header: str, dims: str, shape: tuple[int, ...]
) -> None:
    text = "from tvmscript import tir as T\n" + header + script(KERNEL.format(dims=dims))
    assert check_source(text) == []
    buffer = tvmscript.from_source(text).buffer_map.values()
    assert [tuple(int(d.value) for d in b.shape) for b in buffer] == [shape]


@pytest.mark.parametrize(
    "header",
    [
        "for B in range(3):\n    S = B",
        "B = 4\nS = 8\nS += 1",
        "try:\n    B, S = load()\nexcept OSError:\n    B = S = 1",
        "B, S = make()",
        "with open('x') as B:\n    S = 2",
    ],
)
def test_names_bound_by_code_not_run_are_unknown_not_undefined(header: str) -> None:
    text = "from tvmscript import tir as T\n" + header + script(KERNEL.format(dims="B, S"))
    found = check_source(text)
    assert all(d.severity == "information" for d in found), found
    assert {d.code for d in found} <= {"unevaluated-global"}


def test_a_name_changed_by_code_not_run_is_unknown() -> None:
    text = "from tvmscript import tir as T\nB = 4\nS = 8\nS += 1" + script(
        KERNEL.format(dims="B, S")
    )
    [found] = check_source(text)
    assert (found.code, found.message.split("'")[1]) == ("unevaluated-global", "S")


def test_imports_in_a_try_block_are_read() -> None:
    text = script("""
        try:
            from tvm.script import tirx as T
        except ImportError:
            from tvmscript import tir as T

        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            A[0] = x
    """)
    assert [(d.code, d.line) for d in check_source(text)] == [("undefined-name", 9)]
