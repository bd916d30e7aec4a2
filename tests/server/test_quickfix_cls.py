"""The quick fix of ``missing-cls-binding``: ``cls = Module`` opens the Relax function."""

from __future__ import annotations

import pytest

from tvmscript import check_source
from tvmscript_server.quickfix import apply_edits, cls_binding_fix

MODULE = """from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Mod:
    @T.prim_func(private=True)
    def add(A: T.Buffer((4,), "float32"), B: T.Buffer((4,), "float32")):
        for i in range(4):
            B[i] = A[i] + T.float32(1)

    @R.function
    def main(x: R.Tensor((4,), "float32")) -> R.Tensor((4,), "float32"):
{docstring}        y = R.call_tir(cls.add, (x,), out_sinfo=R.Tensor((4,), "float32"))
        return y
"""


@pytest.mark.parametrize("docstring", ["", '        """The model."""\n'])
def test_the_fix_binds_cls_after_any_docstring(docstring: str) -> None:
    text = MODULE.format(docstring=docstring)
    [d] = [d for d in check_source(text) if d.code == "missing-cls-binding"]
    fix = cls_binding_fix(text, d.message, d.line - 1)
    assert fix is not None
    assert fix.title == "Insert 'cls = Mod'"
    fixed = apply_edits(text, fix.edits)
    assert fixed == text.replace(
        docstring + "        y = ", docstring + "        cls = Mod\n        y = "
    )
    assert check_source(fixed) == []


def test_no_fix_without_the_diagnostic_message() -> None:
    text = MODULE.format(docstring="")
    assert cls_binding_fix(text, "undefined name 'cls'", 13) is None
