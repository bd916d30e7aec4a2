"""``tvmscript lint``: the tools' messages minus the false ones, only where TVMScript was parsed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tvmscript.cli.main import main

pytest.importorskip("pylint")

KERNEL = """\
from tvm.script import ir as I
from tvm.script import tirx as T


@I.ir_module
class Module:
    @T.prim_func(s_tir=True)
    def f(A: T.Buffer((4, 1), "float32")):
        for i, u in T.grid(4, 1):
            with T.sblock("b"):
                vi = T.axis.spatial(4, i)
                vu = T.axis.spatial(1, u)
                A[vi, 0] = T.float32(0)


def python(xs: list[int]) -> int:
    total = 0
    for x, unused in enumerate(xs):
        total += x
    return total
"""


def test_lint_drops_only_false_messages_on_parsed_tvmscript(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "k.py").write_text(KERNEL)
    status = main(["lint", "--pylint", "--explain", str(tmp_path / "k.py")])
    out = capsys.readouterr().out
    kept, _, explained = out.partition("tvmscript lint: dropped")
    assert "Unused variable 'unused'" in kept  # plain Python: kept
    assert "'vu'" not in kept  # a TVMScript block axis: dropped
    assert "Unused variable 'vu'" in explained
    assert "block axis or loop variable" in explained
    assert status == 4  # pylint's own status: a warning remains


def test_lint_keeps_messages_of_tvmscript_our_parser_rejects(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "k.py").write_text(KERNEL.replace("T.float32(0)", "T.float32(0) + nowhere"))
    main(["lint", "--pylint", str(tmp_path / "k.py")])
    out = capsys.readouterr().out
    assert "Unused variable 'vu'" in out
    assert "Undefined variable 'nowhere'" in out


def test_lint_mypy_is_clean_on_tvmscript(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("mypy")
    (tmp_path / "k.py").write_text(KERNEL)
    assert main(["lint", "--mypy", str(tmp_path / "k.py")]) == 0
    assert "Success: no issues found in 1 source file" in capsys.readouterr().out
