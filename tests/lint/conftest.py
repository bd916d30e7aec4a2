"""Helpers of the lint tests: corpus TIR programs with their imports, the planted mistakes."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
STUBS = REPO / "stubs"
CORPUS = Path(os.environ.get("TVMSCRIPT_CORPUS", REPO.parent / "shared" / "corpus"))
_HEADER = re.compile(r"^# (from (?:tvm\.script|typing) import .*)$", re.MULTILINE)

if str(STUBS) not in sys.path:  # the plugins, as the tvmscript-stubs distribution installs them
    sys.path.insert(0, str(STUBS))


def uncommented(text: str) -> str:
    """TVM's printed header comments (``# from tvm.script import tirx as T``) as imports."""
    return _HEADER.sub(r"\1", text)


def tir_programs() -> list[Path]:
    """The corpus programs without Relax."""
    index = CORPUS / "public" / "index.jsonl"
    if not index.is_file():
        pytest.skip(f"reference corpus not found at {CORPUS} (set TVMSCRIPT_CORPUS)")
    rows = [json.loads(line) for line in index.read_text().splitlines() if line.strip()]
    paths = [CORPUS / "public" / row["file"] for row in rows]
    return [p for p in paths if "R." not in p.read_text(encoding="utf-8")]


@pytest.fixture(scope="session")
def tir_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory of the corpus TIR programs (imports uncommented) and the examples."""
    out = tmp_path_factory.mktemp("tir")
    for path in tir_programs():
        (out / f"k{path.name}").write_text(uncommented(path.read_text(encoding="utf-8")))
    for example in sorted((REPO / "examples").glob("*.py")):
        shutil.copy(example, out / f"example_{example.name}")
    return out


MISTAKES = """\
from tvm.script import ir as I
from tvm.script import tirx as T


@I.ir_module
class Module:
    @T.prim_func(s_tir=True)
    def f(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32")):
        C = T.mach_buffer(A.data, (8,), "float32")
        for i in T.serial(8):
            with T.sblock("b"):
                vi = T.axis.spatial(8, i)
                B[vi] = T.exp(A[vi], A[vi])
                D = T.alloc_buffer((8,), "float32", scop="local")
                E = T.match_buffer(A[vi] + B[vi], (1,))
                B[vi] = undefined_thing + C[0] + D[0] + E[0]
                T.exp(A[vi])[0] = T.float32(1)
"""
"""One planted mistake a line: misspelt name (9), arity (13), keyword (14), a PrimExpr passed
where a Buffer is wanted (15) and stored into as one (17), an undefined variable (16)."""
MISTAKE_LINES = {9: "misspelt", 13: "arity", 14: "keyword", 15: "primexpr", 16: "undefined"}
PYLINT_MISTAKES = {
    9: "no-member", 13: "too-many-function-args", 14: "unexpected-keyword-arg",
    16: "undefined-variable", 17: "unsupported-assignment-operation",
}  # fmt: skip
"""What pylint reports of them (it checks no argument types: line 15 is mypy's alone)."""


def mistakes(spelling: str) -> str:
    """`MISTAKES` with TVM's imports or ours."""
    if spelling == "tvm":
        return MISTAKES
    return MISTAKES.replace(
        "from tvm.script import ir as I", "from tvmscript import ir as I"
    ).replace("from tvm.script import tirx as T", "from tvmscript import tir as T")
