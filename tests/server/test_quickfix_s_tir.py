"""The quick fix of ``missing-s-tir``: the decorator declares ``s_tir=True``, once verified."""

from __future__ import annotations

import pytest

from tvmscript import check_source
from tvmscript_server.quickfix import apply_edits, s_tir_fix

KERNEL = """from tvm.script import tirx as T
{deco}
def f(A: T.Buffer((4,), "float32")):
    with T.sblock("b"):
        A[0] = T.float32(0)
"""


def _fix(text: str) -> str | None:
    [d] = [d for d in check_source(text) if d.code == "missing-s-tir"]
    fix = s_tir_fix(text, d.line - 1, d.column - 1, d.end_line - 1, d.end_column - 1)
    return None if fix is None else apply_edits(text, fix.edits)


@pytest.mark.parametrize(
    ("deco", "fixed"),
    [
        ("@T.prim_func", "@T.prim_func(s_tir=True)"),
        ("@T.prim_func()", "@T.prim_func(s_tir=True)"),
        ("@T.prim_func(private=True)", "@T.prim_func(private=True, s_tir=True)"),
        ("@T.prim_func(private=True)  # kept", "@T.prim_func(private=True, s_tir=True)  # kept"),
    ],
)
def test_the_fix_declares_s_tir_and_the_warning_is_gone(deco: str, fixed: str) -> None:
    text = KERNEL.format(deco=deco)
    after = _fix(text)
    assert after == text.replace(deco, fixed)
    assert check_source(after) == []


def test_no_fix_where_it_would_not_remove_the_warning() -> None:
    text = KERNEL.format(deco="@T.prim_func")
    # A range that is not the decorator's is no decorator to rewrite.
    assert s_tir_fix(text, 3, 4, 3, 22) is None
