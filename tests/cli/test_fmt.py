"""``tvmscript fmt PATH... [--check] [--diff] [--canonical]``: layout, or TVM's form if asked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tvmscript.cli.main import main

MESSY = """\
import numpy as np
from tvmscript import tir as T

N = 4
# a module comment
@T.prim_func
def f(A: T.Buffer((N,), "float32")):
    for i in range( N ):  # loop
        A[i] = 0.0   # zero
x = np.zeros(3)   # module code stays as written
"""
FORMATTED = """\
import numpy as np
from tvmscript import tir as T

N = 4


# a module comment
@T.prim_func
def f(A: T.Buffer((N,), "float32")):
    for i in range(N):  # loop
        A[i] = 0.0  # zero


x = np.zeros(3)   # module code stays as written
"""
CANONICAL = """\
import numpy as np
from tvmscript import tir as T

N = 4
# a module comment
@T.prim_func
def f(A: T.Buffer((4,), "float32")):
    # loop
    for i in range(4):
        A[i] = T.float32(0.0)  # zero
x = np.zeros(3)   # module code stays as written
"""
BAD = MESSY.replace("A[i] = 0.0", "A[i] = = 0.0")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode())
    return path


def test_fmt_lays_out_definitions_in_place_keeping_names_and_forms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "k.py", MESSY)
    assert main(["fmt", str(path)]) == 0
    assert path.read_text() == FORMATTED
    assert "reformatted 1 of 1 file" in capsys.readouterr().err
    assert main(["fmt", str(path)]) == 0  # idempotent
    assert path.read_text() == FORMATTED


def test_fmt_canonical_rewrites_as_tvm_prints(tmp_path: Path) -> None:
    path = write(tmp_path / "k.py", MESSY)
    assert main(["fmt", "--canonical", str(path)]) == 0
    assert path.read_text() == CANONICAL


def test_fmt_walks_directories(tmp_path: Path) -> None:
    first = write(tmp_path / "a.py", MESSY)
    second = write(tmp_path / "sub" / "b.py", MESSY)
    other = write(tmp_path / "sub" / "notes.txt", MESSY)
    assert main(["fmt", str(tmp_path)]) == 0
    assert first.read_text() == second.read_text() == FORMATTED
    assert other.read_text() == MESSY


def test_fmt_uses_the_projects_line_length(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.tvmscript]\nline-length = 30\n")
    path = write(tmp_path / "k.py", MESSY)
    assert main(["fmt", str(path)]) == 0
    assert 'def f(\n    A: T.Buffer(\n        (N,), "float32"\n    ),\n):\n' in path.read_text()


def test_fmt_check_reports_files_that_would_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    messy = write(tmp_path / "messy.py", MESSY)
    clean = write(tmp_path / "clean.py", FORMATTED)
    assert main(["fmt", "--check", str(messy), str(clean)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"would reformat {messy}\nwould reformat 1 of 2 files\n"
    assert messy.read_text() == MESSY
    assert main(["fmt", "--check", str(clean)]) == 0


def test_fmt_diff_prints_a_unified_diff_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "k.py", MESSY)
    assert main(["fmt", "--diff", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"--- {path}\n+++ {path} (formatted)\n")
    assert "\n-    for i in range( N ):  # loop\n" in out
    assert "\n+    for i in range(N):  # loop\n" in out
    assert path.read_text() == MESSY


def test_fmt_check_with_diff_prints_the_diff_and_exits_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "k.py", MESSY)
    assert main(["fmt", "--check", "--diff", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith(f"--- {path}\n+++ {path} (formatted)\n")
    assert f"would reformat {path}\n" in captured.err
    assert path.read_text() == MESSY
    clean = write(tmp_path / "clean.py", FORMATTED)
    assert main(["fmt", "--check", "--diff", str(clean)]) == 0
    assert capsys.readouterr().out == ""


def test_fmt_leaves_a_definition_that_is_not_python_alone_and_says_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "bad.py", BAD)
    assert main(["fmt", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"{path}:6: not formatted 'f': it is not valid Python: invalid syntax (line 9)\n"
        "reformatted 0 of 1 file\n"
    )
    assert path.read_text() == BAD


def test_fmt_canonical_leaves_a_definition_with_errors_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = MESSY.replace("A[i] = 0.0", "A[i] = B[i]")
    path = write(tmp_path / "bad.py", text)
    assert main(["fmt", "--canonical", str(path)]) == 1
    assert (
        f"{path}:6: not formatted 'f': it has errors: undefined name 'B' (line 9, column 16)\n"
        in capsys.readouterr().err
    )
    assert path.read_text() == text


def test_fmt_keeps_crlf_line_endings(tmp_path: Path) -> None:
    path = write(tmp_path / "k.py", MESSY.replace("\n", "\r\n"))
    assert main(["fmt", str(path)]) == 0
    assert path.read_bytes() == FORMATTED.replace("\n", "\r\n").encode()


def test_fmt_missing_or_unreadable_paths_exit_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fmt", str(tmp_path / "missing.py")]) == 2
    assert "no such file or directory" in capsys.readouterr().err
    binary = tmp_path / "bin.py"
    binary.write_bytes(b"\xff\xfe\x00")
    assert main(["fmt", str(binary)]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_fmt_as_a_command_never_prints_a_traceback(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.py", "@T.prim_func\ndef f(:\n")
    for flags in ([], ["--canonical"]):
        done = subprocess.run(
            [sys.executable, "-m", "tvmscript.cli.main", "fmt", *flags, str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert "Traceback" not in done.stderr + done.stdout
        assert done.returncode == 1
