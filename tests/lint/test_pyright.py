"""pyright (no plugins): what it reports on TVMScript with the stubs and the documented config."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.lint.conftest import STUBS, mistakes

PYRIGHT = shutil.which("pyright")
pytestmark = pytest.mark.skipif(PYRIGHT is None, reason="pyright is not installed")


def _pyright(root: Path, *targets: Path) -> list[dict[str, object]]:
    assert PYRIGHT is not None
    path = root / "stubpath"
    for package, module in (("tvmscript-stubs", "tvmscript"), ("tvm-stubs", "tvm")):
        if not (path / module).exists():
            shutil.copytree(STUBS / package, path / module)
    config = {"stubPath": str(path), "reportInvalidTypeForm": "none"}
    (root / "pyrightconfig.json").write_text(json.dumps(config))
    done = subprocess.run(
        [PYRIGHT, "--outputjson", "--project", str(root / "pyrightconfig.json"),
         *map(str, targets)],
        capture_output=True, text=True, check=False, timeout=900,
    )  # fmt: skip
    return list(json.loads(done.stdout)["generalDiagnostics"])


@pytest.mark.slow
def test_pyright_figure_on_the_corpus(tir_dir: Path, tmp_path: Path) -> None:
    found = _pyright(tmp_path, tir_dir)
    rules = Counter(str(d.get("rule", d["severity"])) for d in found)
    files = len({d["file"] for d in found})
    print(f"pyright with the stubs on {len(list(tir_dir.iterdir()))} files: {len(found)} in "
          f"{files} files: {dict(rules.most_common())}")  # fmt: skip
    assert "reportInvalidTypeForm" not in rules


def test_pyright_reports_planted_mistakes(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text(mistakes("tvmscript"))
    lines = {int(d["range"]["start"]["line"]) + 1 for d in _pyright(tmp_path, tmp_path / "bad.py")}  # type: ignore[index]
    assert {9, 13, 14, 16} <= lines
