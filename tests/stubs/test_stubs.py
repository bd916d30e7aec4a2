"""The generated stubs: fresh in the repository, valid Python, faithful to the builder."""

from __future__ import annotations

import ast
import inspect
import shutil
from pathlib import Path

import pytest

import tvmscript.tir as T
from tvmscript.cli.main import main
from tvmscript.stubgen import PACKAGE, TVM_PACKAGE, render_stubs, write_stubs

REPO_STUBS = Path(__file__).resolve().parents[2] / "stubs"


@pytest.fixture(scope="module")
def stubs() -> dict[str, str]:
    return render_stubs()


def test_committed_stubs_are_fresh(stubs: dict[str, str]) -> None:
    committed = {
        p.relative_to(REPO_STUBS).as_posix(): p.read_text(encoding="utf-8")
        for package in (PACKAGE, TVM_PACKAGE)
        for p in sorted((REPO_STUBS / package).rglob("*"))
        if p.is_file()
    }
    stale = sorted(k for k in stubs.keys() | committed.keys() if stubs.get(k) != committed.get(k))
    assert not stale, (
        f"stubs out of date ({stale}): run `tvmscript stubs -o stubs` at the repo root"
    )


def test_generation_is_deterministic(stubs: dict[str, str]) -> None:
    assert render_stubs() == stubs


def test_every_stub_parses(stubs: dict[str, str]) -> None:
    for path, text in stubs.items():
        if path.endswith(".pyi"):
            ast.parse(text, filename=path)


def _defined(text: str) -> dict[str, ast.stmt]:
    tree = ast.parse(text)
    return {
        node.name: node
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef)
    }


def test_tir_stub_has_every_builder_function_with_its_parameters(stubs: dict[str, str]) -> None:
    defined = _defined(stubs[f"{PACKAGE}/tir/__init__.pyi"])
    functions = [n for n in dir(T) if not n.startswith("_") and inspect.isfunction(getattr(T, n))]
    assert len(functions) > 150
    for name in functions:
        node = defined[name]
        if isinstance(node, ast.FunctionDef):
            stub_params = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
            stub_params += [a.arg for a in node.args.kwonlyargs]
            stub_params += [a.arg for a in (node.args.vararg, node.args.kwarg) if a is not None]
            live = list(inspect.signature(getattr(T, name)).parameters)
            assert sorted(stub_params) == sorted(live), name
            assert ast.get_docstring(node) == inspect.getdoc(getattr(T, name)), name


def test_dtypes_are_classes_usable_as_annotations(stubs: dict[str, str]) -> None:
    defined = _defined(stubs[f"{PACKAGE}/tir/__init__.pyi"])
    for name in ("int32", "float32", "float32x4", "bool", "i32", "handle", "bfloat16"):
        node = defined[name]
        assert isinstance(node, ast.ClassDef), name
        assert ast.unparse(node.bases[0]) in ("_ir.PrimExpr", "_ir.Var")


def test_axis_sub_namespace(stubs: dict[str, str]) -> None:
    defined = _defined(stubs[f"{PACKAGE}/tir/axis.pyi"])
    assert {"spatial", "reduce", "scan", "opaque", "remap", "S", "R"} <= defined.keys()
    assert "from tvmscript.tir import axis as axis" in stubs[f"{PACKAGE}/tir/__init__.pyi"]


@pytest.mark.parametrize("name", ["tir", "tirx", "ir", "relax"])
def test_tvm_spellings_reexport(stubs: dict[str, str], name: str) -> None:
    text = stubs[f"{TVM_PACKAGE}/script/{name}.pyi"]
    target = "tvmscript.tir" if name in ("tir", "tirx") else f"tvmscript.{name}"
    assert f"from {target} import *" in text


def test_support_types_are_all_defined(stubs: dict[str, str]) -> None:
    support = _defined(stubs[f"{PACKAGE}/_ir.pyi"]).keys() | {
        node.target.id
        for node in ast.parse(stubs[f"{PACKAGE}/_ir.pyi"]).body
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
    }
    for path, text in stubs.items():
        if path.endswith(".pyi"):
            for node in ast.walk(ast.parse(text)):
                if isinstance(node, ast.Attribute) and ast.unparse(node.value) == "_ir":
                    assert node.attr in support, (path, node.attr)


def test_cli_writes_stubs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    (out / PACKAGE).mkdir(parents=True)
    (out / PACKAGE / "stale.pyi").write_text("x: int\n")
    assert main(["stubs", "-o", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    assert (out / PACKAGE / "tir" / "__init__.pyi").is_file()
    assert (out / TVM_PACKAGE / "script" / "tirx.pyi").is_file()
    assert not (out / PACKAGE / "stale.pyi").exists()
    assert write_stubs(out) == write_stubs(out)


def test_cli_reports_unwritable_directory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert main(["stubs", "-o", str(blocker)]) == 2


IDIOMATIC = """
from tvm.script import tir as T
from tvmscript import tir as T2


@T.prim_func
def f(a: T.handle, n: T.int32) -> None:
    A = T.match_buffer(a, (128,), "float32")
    B = T.alloc_buffer((128,), "float32", scope="shared")
    for i, j in T.grid(4, 4):
        with T.sblock("x"):
            vi = T.axis.spatial(4, i)
            vj = T.axis.reduce(4, j)
            T.reads(A[vi])
            T.writes(B[vi])
            with T.init():
                B[vi] = T.float32(0)
            B[vi] = B[vi] + T.exp(A[vi]) * T.float32(1) + vj
    for k in T.serial(0, 128):
        x: T.float32 = T2.float32(2) + A[k]
        A[k] = T.max(x, T.Cast("float32", n))
"""


@pytest.mark.slow
def test_idiomatic_tvmscript_type_checks_with_the_stubs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mypy_api = pytest.importorskip("mypy.api")
    # As installed: the stub-only packages under their module names on the search path.
    for package, module in ((PACKAGE, "tvmscript"), (TVM_PACKAGE, "tvm")):
        shutil.copytree(REPO_STUBS / package, tmp_path / "path" / module)
    monkeypatch.setenv("MYPYPATH", str(tmp_path / "path"))
    # `x: T.float32 = ...` declares a dtype, not a Python type: the stubs' mypy plugin says so.
    monkeypatch.syspath_prepend(str(REPO_STUBS))
    (tmp_path / "mypy.ini").write_text("[mypy]\nplugins = tvmscript_stubs.mypy\n")
    (tmp_path / "kernel.py").write_text(IDIOMATIC)
    out, err, status = mypy_api.run(
        ["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"),
         "--config-file", str(tmp_path / "mypy.ini"), str(tmp_path / "kernel.py")]
    )  # fmt: skip
    assert status == 0, out + err
