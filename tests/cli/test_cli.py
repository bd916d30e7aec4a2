"""The `tvmscript` command: check and print, exit codes and the JSON shape of DESIGN.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tvmscript.cli.main import main

GOOD = """\
from tvmscript import tir as T

@T.prim_func
def f(A: T.Buffer((4,), "float32")):
    for i in range(4):
        A[i] = T.float32(0)
"""
BAD = GOOD.replace("A[i] = T.float32(0)", "A[i] = B[i]")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_check_clean_file_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(write(tmp_path, "good.py", GOOD))]) == 0
    assert "0 diagnostics" in capsys.readouterr().err


def test_check_reports_errors_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "bad.py", BAD)
    assert main(["check", str(path), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    [entry] = report["files"]
    assert entry["path"] == str(path)
    [d] = entry["diagnostics"]
    assert d == {
        "severity": "error",
        "message": "undefined name 'B'",
        "code": "undefined-name",
        "file": str(path),
        "line": 6,
        "column": 16,
        "end_line": 6,
        "end_column": 17,
    }


UNBOUND = """\
from tvm.script import tirx as T

@T.prim_func
def f(A: T.Buffer((16,), "float32")):
    n = T.int32()
    for i in range(n):
        A[i] = T.float32(0)
"""


def test_check_reports_build_warnings_and_exits_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "unbound.py", UNBOUND)
    assert main(["check", str(path), "--format", "json"]) == 0  # warnings are not errors
    [d] = json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]
    assert (d["severity"], d["code"], d["line"], d["column"]) == (
        "warning",
        "build-unbound-var",
        6,
        20,
    )


def test_check_text_output_quotes_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(write(tmp_path, "bad.py", BAD))]) == 1
    err = capsys.readouterr().err
    assert "error[undefined-name]: undefined name 'B'" in err
    assert "A[i] = B[i]" in err
    assert "Traceback" not in err


def test_check_searches_directories(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "good.py", GOOD)
    write(tmp_path, "bad.py", BAD)
    assert main(["check", str(tmp_path), "--format", "json"]) == 1
    paths = [f["path"] for f in json.loads(capsys.readouterr().out)["files"]]
    assert [Path(p).name for p in paths] == ["bad.py", "good.py"]


def test_check_missing_path_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path / "nope.py")]) == 2
    assert "no such file or directory" in capsys.readouterr().err


def test_unknown_subcommand_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_print_writes_canonical_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["print", str(write(tmp_path, "good.py", GOOD))]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# from tvm.script import tirx as T\n")
    assert 'def f(A: T.Buffer((4,), "float32")):' in out
    assert "A[i] = T.float32(0.0)" in out


def test_print_one_function_of_a_module(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "from tvmscript import tir as T, ir as I\n@I.ir_module\nclass M:\n" + "".join(
        "    " + line + "\n" for line in GOOD.splitlines()[2:]
    )
    assert main(["print", str(write(tmp_path, "m.py", text)), "--func", "f"]) == 0
    assert "def f(" in capsys.readouterr().out
    assert main(["print", str(write(tmp_path, "m.py", text)), "--func", "g"]) == 2


TWO = """\
from tvm.script import tir as T
from tvm.script import ir as I

N = 8


@T.prim_func
def add(a: T.Buffer((N,), "float32"), b: T.Buffer((N,), "float32")):
    for i in range(N):
        b[i] = a[i] + T.float32(1)


@T.prim_func
def zero(c: T.Buffer((N * 2,), "float32")):
    for i in range(N * 2):
        c[i] = 0.0


@I.ir_module
class Mod:
    @T.prim_func
    def inner(a: T.Buffer((4,), "float32")):
        a[0] = T.float32(2)
"""


def test_print_func_picks_one_top_level_definition_of_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "two.py", TWO)
    assert main(["print", str(path), "--func", "zero"]) == 0
    out = capsys.readouterr().out
    assert 'def zero(c: T.Buffer((16,), "float32")):' in out
    assert "def add" not in out
    assert main(["print", str(path), "--func", "inner"]) == 0  # a function of the module
    out = capsys.readouterr().out
    assert "def inner(" in out
    assert "class " not in out


def test_print_of_a_file_with_several_definitions_names_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["print", str(write(tmp_path, "two.py", TWO))]) == 1
    assert "found 3 TVMScript definitions (add, zero, Mod)" in capsys.readouterr().err


def test_print_func_reports_errors_at_their_place_in_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "two.py", TWO.replace("c[i] = 0.0", "c[i] = d[i]"))
    assert main(["print", str(path), "--func", "zero"]) == 1
    assert f"{path}:16:16" in capsys.readouterr().err
    assert main(["print", str(path), "--func", "add"]) == 0  # the other one is fine


def test_print_func_of_an_unknown_or_ambiguous_name_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "two.py", TWO)
    assert main(["print", str(path), "--func", "nope"]) == 2
    assert f"no function named 'nope' in '{path}'" in capsys.readouterr().err
    twice = TWO + TWO[TWO.index("@I.ir_module") :].replace("class Mod:", "class Other:")
    assert main(["print", str(write(tmp_path, "twice.py", twice)), "--func", "inner"]) == 2
    assert "'inner' is a function of several modules (Mod, Other)" in capsys.readouterr().err


def test_print_of_a_bad_file_reports_and_exits_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["print", str(write(tmp_path, "bad.py", BAD))]) == 1
    assert "undefined name 'B'" in capsys.readouterr().err
