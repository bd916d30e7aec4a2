"""The pylint plugin: no E/W/F message on TVMScript but true ones, and mistakes still found."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.lint.conftest import PYLINT_MISTAKES, mistakes

pytest.importorskip("pylint")


def _pylint(*targets: Path, enable: str = "E,W,F") -> list[tuple[str, int, str, str]]:
    from pylint.lint import Run
    from pylint.reporters import CollectingReporter

    reporter = CollectingReporter()
    args = ["--load-plugins=tvmscript_stubs.pylint", "--score=n", "--disable=all"]
    Run([*args, f"--enable={enable}", *map(str, targets)], reporter=reporter, exit=False)
    return [(Path(m.path).name, m.line, m.symbol, m.msg) for m in reporter.messages]


@pytest.mark.slow
def test_pylint_with_the_plugin_reports_no_false_error_or_warning_on_the_corpus(
    tir_dir: Path,
) -> None:
    found = _pylint(tir_dir)
    print("pylint E/W/F with the plugin:", Counter(symbol for _, _, symbol, _ in found))
    # True ones only: the hand-written programs import tvm and never use it.
    unused_tvm = [f for f in found if f[2] == "unused-import" and f[3] == "Unused import tvm"]
    assert sorted(found) == sorted(unused_tvm)


@pytest.mark.parametrize("spelling", ["tvm", "tvmscript"])
def test_pylint_reports_planted_mistakes(spelling: str, tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text(mistakes(spelling))
    found = {(line, symbol) for _, line, symbol, _ in _pylint(tmp_path / "bad.py", enable="E")}
    assert set(PYLINT_MISTAKES.items()) <= found, found


def test_pylint_ir_module_functions_take_no_self(tmp_path: Path) -> None:
    (tmp_path / "k.py").write_text(
        "from tvm.script import ir as I\nfrom tvm.script import tirx as T\n\n\n"
        "@I.ir_module\nclass Module:\n    @T.prim_func\n"
        '    def f(A: T.Buffer(("n",), "float32"), B: T.Buffer((n,), "float32")):\n'
        "        n = T.int32()\n        B[0] = A.view(4)[0]\n"
    )
    assert _pylint(tmp_path / "k.py") == []


def test_pylint_loop_variables_of_tvmscript_declare_loops(tmp_path: Path) -> None:
    """An unread loop variable of a prim_func is its loop; in plain Python it stays unused."""
    (tmp_path / "k.py").write_text(
        "from tvm.script import tirx as T\n\n\n"
        '@T.prim_func\ndef f(A: T.Buffer((4, 1), "float32")):\n'
        "    for i, u in T.grid(4, 1):\n        A[i, 0] = T.float32(0)\n\n\n"
        "def g(xs: list[int]) -> int:\n    total = 0\n"
        "    for x, unused in enumerate(xs):\n        total += x\n    return total\n"
    )
    found = _pylint(tmp_path / "k.py")
    assert [(line, symbol) for _, line, symbol, _ in found] == [(12, "unused-variable")], found
    assert "'unused'" in found[0][3]
