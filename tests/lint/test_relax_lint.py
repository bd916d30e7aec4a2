"""``tvmscript lint`` on Relax: the corpus programs check clean, planted mistakes are found."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.lint.conftest import CORPUS, uncommented
from tvmscript.cli.main import main

pytest.importorskip("mypy")
pytest.importorskip("pylint")

_IMPORT = re.compile(r"^from tvm\.script import (\w+) as (\w+)\n", re.MULTILINE)
SPELLINGS = ("tvmscript", "tvm-tirx", "tvm-tir")
"""``from tvmscript import relax as R, ir as I, tir as T``; TVM 0.27's ``tirx``; older ``tir``."""


def relax_programs() -> list[Path]:
    """The corpus Relax programs (plain and legalized) that need no metadata section."""
    index = CORPUS / "public" / "index.jsonl"
    if not index.is_file():
        pytest.skip(f"reference corpus not found at {CORPUS} (set TVMSCRIPT_CORPUS)")
    rows = [json.loads(line) for line in index.read_text().splitlines() if line.strip()]
    paths = [
        CORPUS / "public" / r["file"] for r in rows if r["kind"] in ("relax", "relax_legalized")
    ]
    return [p for p in paths if "metadata" not in p.read_text(encoding="utf-8")]


def spelt(text: str, spelling: str) -> str:
    """A program printed by TVM 0.27, its header imports uncommented, in ``spelling``."""
    text = uncommented(text)
    if spelling == "tvm-tir":
        return text.replace("from tvm.script import tirx as T", "from tvm.script import tir as T")
    if spelling == "tvm-tirx":
        return text
    imported = {
        alias: "tir" if module == "tirx" else module for module, alias in _IMPORT.findall(text)
    }
    names = ", ".join(f"{imported[a]} as {a}" for a in ("R", "I", "T") if a in imported)
    return f"from tvmscript import {names}\n" + _IMPORT.sub("", text)


def _lint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[int, str]:
    monkeypatch.chdir(tmp_path)  # mypy's cache goes there, not into the checkout
    status = main(["lint", *args])
    return status, capsys.readouterr().out


@pytest.mark.slow
@pytest.mark.parametrize("spelling", SPELLINGS)
def test_lint_reports_nothing_on_the_corpus_relax_programs(
    spelling: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    programs = tmp_path / "relax"
    programs.mkdir()
    for path in relax_programs():
        text = spelt(path.read_text(encoding="utf-8"), spelling)
        (programs / f"k{path.name}").write_text(text, encoding="utf-8")
    count = len(list(programs.iterdir()))
    assert count >= 80
    status, out = _lint(tmp_path, capsys, monkeypatch, "--mypy", "--pylint", str(programs))
    assert out.strip() == f"Success: no issues found in {count} source files", out
    assert status == 0


MISTAKES = """\
from tvm.script import ir as I
from tvm.script import relax as R


@I.ir_module
class Module:
    @R.function
    def main(
        x: R.Tensor((4,), "float32"), y: R.Tensor((4,), "float32")
    ) -> R.Tensor((4,), "float32"):
        with R.dataflow():
            a: R.Tensor((4,), "float32") = R.ad(x, y)
            b: R.Tensor((4,), "float32") = R.exp(x, y)
            c: R.Tensor((), "float32") = R.sum(a, axs=0)
            d: R.Tensor((4,), "float32") = R.add(b, undefined_thing)
            R.output(c, d)
        return d
"""
"""One planted mistake a line: a misspelt name (12), arity (13), keyword (14), undefined (15)."""
MYPY_MISTAKES = {12: "attr-defined", 13: "call-arg", 14: "call-arg", 15: "name-defined"}
PYLINT_MISTAKES = {
    12: "no-member", 13: "too-many-function-args", 14: "unexpected-keyword-arg",
    15: "undefined-variable",
}  # fmt: skip


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_lint_still_reports_mistakes_in_relax(
    spelling: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(spelt(MISTAKES, spelling), encoding="utf-8")
    shift = spelt(MISTAKES, spelling).count("\n") - MISTAKES.count("\n")  # one import line less
    status, out = _lint(tmp_path, capsys, monkeypatch, "--mypy", "--pylint", str(bad))
    mypy = {
        (int(m[1]) - shift, m[2])
        for m in re.finditer(r"bad\.py:(\d+): error: .*\[([a-z-]+)\]", out)
    }
    pylint = {
        (int(m[1]) - shift, m[2]) for m in re.finditer(r"bad\.py:(\d+):\d+: \w+: .*\((\S+)\)", out)
    }
    assert set(MYPY_MISTAKES.items()) <= mypy, out
    assert set(PYLINT_MISTAKES.items()) <= pylint, out
    assert "ad" in out
    assert '"axs"' in out or "'axs'" in out
    assert status != 0


def test_lint_checks_argument_types_in_relax(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mistake-free program checks clean; a Relax value passed for a dtype is reported."""
    good = MISTAKES.replace("R.ad(", "R.add(").replace("R.exp(x, y)", "R.exp(x)")
    good = good.replace("axs=0", "axis=0").replace("undefined_thing", "a")
    (tmp_path / "good.py").write_text(good, encoding="utf-8")
    status, out = _lint(
        tmp_path, capsys, monkeypatch, "--mypy", "--pylint", str(tmp_path / "good.py")
    )
    assert status == 0, out
    bad = good.replace("R.exp(x)", "R.astype(x, x)")
    (tmp_path / "bad.py").write_text(bad, encoding="utf-8")
    status, out = _lint(tmp_path, capsys, monkeypatch, "--mypy", str(tmp_path / "bad.py"))
    assert re.search(r'bad\.py:13: error: Argument 2 to "astype" has incompatible type', out), out
    assert status == 1
