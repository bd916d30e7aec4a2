"""Every spelling of the TVMScript decorators that resolves through the file's imports.

TVM's own tests write ``@tvm.script.ir_module``, ``@tvm.script.ir.ir_module``,
``@script.ir_module`` after ``from tvm import script``, a bare ``@ir_module`` after
``from tvm.script import ir_module``, ``@tvm.script.tirx.prim_func``, ...: each is checked like
``@I.ir_module``/``@T.prim_func``. A decorator that looks like TVMScript but resolves to no
module tvmscript knows gets an information diagnostic, never silence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import pytest

import tvmscript
from tvmscript import check_source
from tvmscript.core.ir.module import IRModule
from tvmscript.core.relax.expr import Function
from tvmscript.core.tir.function import PrimFunc

MODULE: Final = """{imports}

@{deco}
class Module:
    @{prim_func}
    def main(A: {buf}((8,), "float32")):
        A[0] = {t}.float32(1)
"""
FUNCTION: Final = """{imports}

@{deco}
def main(A: {buf}((8,), "float32")):
    A[0] = {t}.float32(1)
"""
T_IMPORT: Final = "from tvm.script import tirx as T"
TVM_T: Final = {"buf": "T.Buffer", "t": "T"}


def _spelt(namespace: str) -> dict[str, str]:
    """The names of a body written with ``namespace`` (``tvm.script.tirx``) instead of T."""
    return {"buf": f"{namespace}.Buffer", "t": namespace}


MODULE_SPELLINGS: Final = [
    (f"import tvm\n{T_IMPORT}", "tvm.script.ir_module", "T.prim_func", TVM_T),
    (f"import tvm\n{T_IMPORT}", "tvm.script.ir.ir_module", "T.prim_func", TVM_T),
    (f"import tvm.script\n{T_IMPORT}", "tvm.script.ir_module", "T.prim_func", TVM_T),
    (f"from tvm import script\n{T_IMPORT}", "script.ir_module", "T.prim_func", TVM_T),
    (f"from tvm.script import ir_module\n{T_IMPORT}", "ir_module", "T.prim_func", TVM_T),
    (f"import tvm.script as ts\n{T_IMPORT}", "ts.ir_module", "T.prim_func", TVM_T),
    (f"from tvm.script import ir as I\n{T_IMPORT}", "I.ir_module", "T.prim_func", TVM_T),
    (
        "import tvm",
        "tvm.script.ir_module",
        "tvm.script.tirx.prim_func",
        _spelt("tvm.script.tirx"),
    ),
    (
        "from tvmscript import ir as I\nfrom tvmscript import tir as T",
        "I.ir_module",
        "T.prim_func",
        TVM_T,
    ),
]
FUNCTION_SPELLINGS: Final = [
    (T_IMPORT, "T.prim_func", TVM_T),
    (T_IMPORT, "T.prim_func(s_tir=True)", TVM_T),
    ("import tvm", "tvm.script.tirx.prim_func", _spelt("tvm.script.tirx")),
    ("import tvm", "tvm.script.tir.prim_func", _spelt("tvm.script.tir")),
    (f"from tvm.script.tirx import prim_func\n{T_IMPORT}", "prim_func", TVM_T),
    ("from tvm.script import tir as T", "T.prim_func", TVM_T),
    ("from tvmscript import tir as T", "T.prim_func", TVM_T),
    ("from tvmscript import tirx as T", "T.prim_func", TVM_T),
    ("import tvmscript.tir as T", "T.prim_func", TVM_T),
    ("import tvmscript", "tvmscript.tir.prim_func", _spelt("tvmscript.tir")),
]


def _errors(text: str) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in check_source(text, "k.py") if d.severity == "error"]


def _ids(spellings: Sequence[tuple[Any, ...]]) -> list[str]:
    return [f"{s[0].splitlines()[0]} @{s[1]}" for s in spellings]


@pytest.mark.parametrize(("imports", "deco", "prim_func", "names"), MODULE_SPELLINGS,
                         ids=_ids(MODULE_SPELLINGS))  # fmt: skip
def test_module_spelling_is_checked(
    imports: str, deco: str, prim_func: str, names: dict[str, str]
) -> None:
    text = MODULE.format(imports=imports, deco=deco, prim_func=prim_func, **names)
    assert _errors(text) == []
    assert isinstance(tvmscript.from_source(text), IRModule)
    line = len(text.splitlines())  # the body's last line: a mistake there is found
    broken = text.replace(".float32(1)", ".flot32(1)")
    assert _errors(broken) == [("unknown-attribute", line)]


@pytest.mark.parametrize(("imports", "deco", "names"), FUNCTION_SPELLINGS,
                         ids=_ids(FUNCTION_SPELLINGS))  # fmt: skip
def test_function_spelling_is_checked(imports: str, deco: str, names: dict[str, str]) -> None:
    text = FUNCTION.format(imports=imports, deco=deco, **names)
    assert _errors(text) == []
    assert isinstance(tvmscript.from_source(text), PrimFunc)
    broken = text.replace(".float32(1)", ".flot32(1)")
    assert _errors(broken) == [("unknown-attribute", len(text.splitlines()))]


@pytest.mark.parametrize(
    ("imports", "deco"),
    [
        ("import tvm", "tvm.script.relax.function"),
        ("from tvm.script import relax as R", "R.function"),
        ("from tvm import relax\nfrom tvm.script import relax as R", "R.function"),
    ],
)
def test_relax_function_spellings_are_checked(imports: str, deco: str) -> None:
    text = f"{imports}\n\n@{deco}\ndef f(x: {deco.rsplit('.', 1)[0]}.Tensor((2,), 'float32')):\n"
    text += "    return x\n"
    assert _errors(text) == []
    assert isinstance(tvmscript.from_source(text), Function)
    assert _errors(text.replace("return x", "return y")) == [
        ("undefined-name", 5 + imports.count("\n"))
    ]


@pytest.mark.parametrize(
    "imports",
    [
        "from mylib import tirx as T",
        "import mylib.script as T",
        "from tvm.contrib import tirx as T",
    ],
)
def test_a_decorator_resolving_to_nothing_known_is_reported_as_not_checked(imports: str) -> None:
    text = FUNCTION.format(imports=imports, deco="T.prim_func", **TVM_T)
    found = check_source(text, "k.py")
    assert [(d.code, d.severity, d.line) for d in found] == [
        ("unresolved-decorator", "information", imports.count("\n") + 3)
    ]
    assert "not checked" in found[0].message
