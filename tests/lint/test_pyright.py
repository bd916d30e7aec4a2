"""pyright (no plugins): its figure on TVMScript with the stubs, and `tvmscript lint --pyright`.

pyright comes from npm (`make test` installs it into the CI cache when npm is there).
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from tests.lint.conftest import MISTAKE_LINES, mistakes
from tests.lint.test_relax_lint import MISTAKES as RELAX_MISTAKES
from tests.lint.test_relax_lint import relax_programs, spelt
from tvmscript.cli.main import main
from tvmscript.lint.tools import run_pyright

pytestmark = pytest.mark.skipif(
    shutil.which("pyright") is None,
    reason="pyright is not installed (npm i pyright, or `make test` with npm on PATH)",
)
CLEAN = "0 errors, 0 warnings, 0 informations"


def _lint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[int, str]:
    monkeypatch.chdir(tmp_path)
    status = main(["lint", "--pyright", *args])
    return status, capsys.readouterr().out


def _relax_dir(root: Path) -> Path:
    out = root / "relax"
    out.mkdir()
    for path in relax_programs():
        text = spelt(path.read_text(encoding="utf-8"), "tvm-tirx")
        (out / f"k{path.name}").write_text(text, encoding="utf-8")
    return out


@pytest.mark.slow
def test_pyright_figure_and_lint_on_the_corpus(
    tir_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Plain pyright's messages with the stubs, printed; `tvmscript lint` keeps none of them."""
    relax_dir = _relax_dir(tmp_path)
    for folder in (tir_dir, relax_dir):
        report = run_pyright([str(folder)])
        assert not report.crashed, report.crashed
        rules = Counter(m.code or m.severity for m in report.messages)
        files = len(list(folder.iterdir()))
        with capsys.disabled():
            print(f"\npyright with the stubs on {files} {folder.name} files: "
                  f"{len(report.messages)} messages {dict(rules.most_common())}")  # fmt: skip
        assert report.checked == files
        status, out = _lint(tmp_path, capsys, monkeypatch, str(folder))
        assert out.strip().endswith(CLEAN), out
        assert status == 0


@pytest.mark.parametrize("spelling", ["tvm", "tvmscript"])
def test_lint_pyright_keeps_planted_mistakes(
    spelling: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "bad.py").write_text(mistakes(spelling))
    status, out = _lint(tmp_path, capsys, monkeypatch, str(tmp_path / "bad.py"))
    lines = {int(m[1]) for m in re.finditer(r"bad\.py:(\d+):\d+ - error: ", out)}
    # pyright reads a call-form annotation as Unknown: the PrimExpr passed as a Buffer (15) is
    # mypy's alone; the store into a PrimExpr (17) pyright sees too.
    assert set(MISTAKE_LINES) - {15} | {17} <= lines, out
    assert status == 1


def test_lint_pyright_keeps_planted_relax_mistakes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bad.py").write_text(RELAX_MISTAKES)
    status, out = _lint(tmp_path, capsys, monkeypatch, str(tmp_path / "bad.py"))
    lines = {int(m[1]) for m in re.finditer(r"bad\.py:(\d+):\d+ - error: ", out)}
    assert {12, 13, 14, 15} <= lines, out
    assert status == 1
