"""``T.sblock`` without ``s_tir=True``: TVM 0.27's well-formed check, and its off switch."""

from __future__ import annotations

import pytest

from tvmscript import check_source

BODY = """
    def f(A: T.Buffer((4,), "float32")):
        with T.sblock("b"):
            A[0] = T.float32(0)
"""


def _codes(text: str) -> list[str]:
    return [d.code for d in check_source("from tvm.script import ir as I, tirx as T\n" + text)]


@pytest.mark.parametrize(
    ("decorator", "codes"),
    [
        ("@T.prim_func", ["missing-s-tir"]),
        ("@T.prim_func(private=True)", ["missing-s-tir"]),
        ("@T.prim_func(s_tir=True)", []),
        ("@T.prim_func(check_well_formed=False)", []),
    ],
)
def test_a_function(decorator: str, codes: list[str]) -> None:
    assert _codes(decorator + BODY.replace("\n    ", "\n")) == codes


@pytest.mark.parametrize(
    ("module", "codes"),
    [("@I.ir_module", ["missing-s-tir"]), ("@I.ir_module(check_well_formed=False)", [])],
)
def test_a_module_function(module: str, codes: list[str]) -> None:
    assert _codes(f"{module}\nclass M:\n    @T.prim_func{BODY}") == codes
