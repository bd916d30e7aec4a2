"""Every operator of TVM 0.27's ``R`` and ``R.nn`` has a constructor with TVM's signature.

TVM's recorded signatures (``tests/data/tvm027_api.json``) give each parameter's name, kind
and default; our constructors in ``tvmscript.core.relax.op`` must match them. The names of
``R`` that are not operators (struct-info annotations, builder frames, the parser's helpers)
belong to the ``R`` namespace itself and are left out here.
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from types import ModuleType
from typing import Any, Final

import pytest

import tvmscript.core.relax.op as ops

API: Final = Path(__file__).resolve().parents[1] / "data" / "tvm027_api.json"

# Names of `R` that are not operator constructors: annotations, frames, builder helpers, and
# the sub-namespaces (checked through their own entries).
NOT_OPERATORS: Final = frozenset(
    [
        "Any",
        "Callable",
        "Else",
        "ExternFunc",
        "If",
        "Object",
        "Prim",
        "SeqExpr",
        "Shape",
        "ShapeExpr",
        "Tensor",
        "Then",
        "Tuple",
        "TupleGetItem",
        "arg",
        "builder",
        "dataflow",
        "emit",
        "emit_match_cast",
        "emit_te",
        "emit_var_binding",
        "emit_with_ty",
        "emit_with_type",
        "func_attr",
        "func_name",
        "func_ret_ty",
        "func_ret_type",
        "func_ret_value",
        "function",
        "macro",
        "match_cast",
        "output",
        "parser",
        "rewriter",
        "builtin",
        "ccl",
        "dist",
        "grad",
        "image",
        "memory",
        "nn",
        "vision",
        "vm",
    ]
)
SUB_NAMESPACES: Final = {
    "R": ops,
    "R.nn": ops.nn,
    "R.image": ops.image,
    "R.builtin": ops.builtin,
    "R.memory": ops.memory,
    "R.vm": ops.vm,
    "R.vision": ops.vision,
    "R.ccl": ops.ccl,
    "R.grad": ops.grad,
    "R.dist": ops.dist,
}
# Defaults TVM spells as its own objects; ours are the equivalent values.
DEFAULT_SPELLINGS: Final = {"T.int64(0)": "IntImm('int64', 0)"}


def _api() -> dict[str, Any]:
    return json.loads(API.read_text())["namespaces"]  # type: ignore[no-any-return]


def _operator_names() -> list[tuple[str, str]]:
    out = []
    for namespace, module in SUB_NAMESPACES.items():
        for name, entry in sorted(_api()[namespace]["names"].items()):
            if entry["kind"] != "function" or name in NOT_OPERATORS or not module:
                continue
            if namespace == "R.dist" and name == "DTensor":
                continue  # a struct-info annotation, not an operator
            out.append((namespace, name))
    return out


CASES: Final = _operator_names()


def _module(namespace: str) -> ModuleType:
    return SUB_NAMESPACES[namespace]


@pytest.mark.parametrize(("namespace", "name"), CASES, ids=[f"{n}.{m}" for n, m in CASES])
def test_operator_has_tvm_signature(namespace: str, name: str) -> None:
    func = getattr(_module(namespace), name, None)
    assert func is not None, f"{namespace}.{name} is missing"
    expected = _api()[namespace]["names"][name]["params"]
    params = list(inspect.signature(func).parameters.values())
    assert [p.name for p in params] == [p["name"] for p in expected]
    assert [p.kind.name for p in params] == [p["kind"] for p in expected]
    for ours, theirs in zip(params, expected, strict=True):
        if "default" not in theirs:
            assert ours.default is inspect.Parameter.empty, ours.name
            continue
        want = DEFAULT_SPELLINGS.get(theirs["default"], theirs["default"])
        assert repr(ours.default) == want, ours.name


def test_every_listed_r_and_nn_name_is_covered() -> None:
    listed = set(_api()["R"]["names"]) | {f"nn.{n}" for n in _api()["R.nn"]["names"]}
    covered = {n for ns, n in CASES if ns == "R"} | {f"nn.{n}" for ns, n in CASES if ns == "R.nn"}
    rest = {n for n in listed if n not in NOT_OPERATORS and n != "nn.nn"}
    assert rest <= covered | {"nn.nn"}


def test_r_exports_only_operators_and_namespaces() -> None:
    for name in ops.__all__:
        assert callable(getattr(ops, name)) or isinstance(getattr(ops, name), ModuleType), name
