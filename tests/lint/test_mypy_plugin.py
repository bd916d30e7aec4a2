"""The mypy plugin: TVMScript type-checks with no false error, and mistakes are still found."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.lint.conftest import MISTAKE_LINES, STUBS, mistakes

mypy_api = pytest.importorskip("mypy.api")


def _mypy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *targets: Path) -> list[str]:
    path = tmp_path / "stubpath"
    for package, module in (("tvmscript-stubs", "tvmscript"), ("tvm-stubs", "tvm")):
        if not (path / module).exists():
            shutil.copytree(STUBS / package, path / module)
    monkeypatch.setenv("MYPYPATH", str(path))
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\nplugins = tvmscript_stubs.mypy\n")
    out, err, _ = mypy_api.run(
        ["--strict", "--no-incremental", "--config-file", str(config), "--cache-dir",
         str(tmp_path / "cache"), *map(str, targets)]
    )  # fmt: skip
    assert "Traceback" not in err, err
    return [line for line in out.splitlines() if ": error:" in line]


@pytest.mark.slow
def test_mypy_strict_with_the_plugin_passes_the_corpus_tir_and_examples(
    tir_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors = _mypy(tmp_path, monkeypatch, tir_dir)
    print(f"mypy --strict with the plugin on {len(list(tir_dir.iterdir()))} files: {len(errors)}")
    assert errors == []


@pytest.mark.parametrize("spelling", ["tvm", "tvmscript"])
def test_mypy_reports_planted_mistakes(
    spelling: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bad.py").write_text(mistakes(spelling))
    errors = _mypy(tmp_path, monkeypatch, tmp_path / "bad.py")
    lines = {int(m.group(1)) for e in errors if (m := re.search(r"bad\.py:(\d+):", e))}
    assert set(MISTAKE_LINES) <= lines, errors
    assert any('"scop"' in e for e in errors)
    assert any("mach_buffer" in e for e in errors)


def test_mypy_call_annotation_is_checked_as_a_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "k.py").write_text(
        "from tvmscript import tir as T\n\n\n@T.prim_func\n"
        'def f(A: T.Buffer((8,), "float32", scop="global")):\n    A[0] = T.float32(1)\n'
    )
    [error] = _mypy(tmp_path, monkeypatch, tmp_path / "k.py")
    assert error.startswith(f'{tmp_path / "k.py"}:5: error: Unexpected keyword argument "scop"')


def test_mypy_remap_unpacks_by_the_arity_of_its_kinds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "k.py").write_text(
        "from tvmscript import tir as T\n\n\n@T.prim_func\n"
        'def f(A: T.Buffer((8, 8, 8, 8, 8, 8, 8), "float32")):\n'
        "    for a, b, c, d, e, f, g in T.grid(8, 8, 8, 8, 8, 8, 8):\n"
        '        with T.sblock("x"):\n'
        '            va, vb, vc, vd, ve, vf, vg = T.axis.remap("SSSSSSR", [a, b, c, d, e, f, g])\n'
        "            A[va, vb, vc, vd, ve, vf, vg] = T.float32(0)\n"
        '            x, y = T.axis.remap("SSR", [a, b, c])\n'
    )
    [error] = _mypy(tmp_path, monkeypatch, tmp_path / "k.py")
    assert ":10: error: Too many values to unpack (2 expected, 3 provided)" in error
