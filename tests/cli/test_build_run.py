"""``tvmscript build`` and ``tvmscript run``; a C program calls the built library."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from tvmscript.cli.main import main

pytestmark = pytest.mark.codegen

KERNEL = """
from tvmscript import tir as T

@T.prim_func
def saxpy(a: T.handle, b: T.handle, alpha: T.float32):
    T.func_attr({"tirx.noalias": True})
    n = T.int32()
    X = T.match_buffer(a, (n,), "float32")
    Y = T.match_buffer(b, (n,), "float32")
    for i in T.parallel(n):
        Y[i] = Y[i] + alpha * X[i]
    assert n > 0, "n must be positive"
"""

C_MAIN = r"""
#include <stdio.h>
#include "saxpy.h"

int main(void) {
    float x[1000], y[1000];
    for (int i = 0; i < 1000; ++i) { x[i] = (float)i; y[i] = 1.0f; }
    if (saxpy(x, y, 2.0f, 1000) != 0) { printf("error: %s\n", tvmscript_last_error()); return 1; }
    for (int i = 0; i < 1000; ++i) {
        if (y[i] != 1.0f + 2.0f * (float)i) { printf("wrong at %d: %f\n", i, y[i]); return 1; }
    }
    if (saxpy(x, y, 2.0f, 0) == 0) { printf("no error for n = 0\n"); return 1; }
    printf("ok %s\n", tvmscript_last_error());
    return 0;
}
"""


@pytest.fixture
def kernel_file(tmp_path: Path) -> Path:
    path = tmp_path / "saxpy.py"
    path.write_text(textwrap.dedent(KERNEL))
    return path


@pytest.mark.parametrize(("emit", "marker"), [("ll", "define"), ("asm", ".text")])
def test_build_writes_ir_and_assembly(kernel_file: Path, emit: str, marker: str) -> None:
    out = kernel_file.with_suffix(f".{emit}")
    assert main(["build", str(kernel_file), "--emit", emit, "-o", str(out)]) == 0
    assert marker in out.read_text()


def test_build_writes_an_object(kernel_file: Path) -> None:
    assert main(["build", str(kernel_file), "--emit", "obj"]) == 0
    assert kernel_file.with_suffix(".o").read_bytes()[:4] == b"\x7fELF"


def test_c_program_calls_the_built_library(kernel_file: Path, tmp_path: Path) -> None:
    cc = shutil.which("cc")
    if cc is None:
        pytest.skip("no C compiler ('cc') on this machine")
    lib = tmp_path / "saxpy.so"
    assert main(["build", str(kernel_file), "-o", str(lib), "--target", "native"]) == 0
    assert (
        "int32_t saxpy(const float* a, float* b, float alpha, int64_t n);"
        in (tmp_path / "saxpy.h").read_text()
    )
    (tmp_path / "main.c").write_text(C_MAIN)
    exe = tmp_path / "main"
    subprocess.run(
        [cc, "-o", str(exe), str(tmp_path / "main.c"), str(lib), f"-Wl,-rpath,{tmp_path}"],
        check=True,
        cwd=tmp_path,
    )
    result = subprocess.run([str(exe)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "ok RuntimeError: n must be positive"


def test_run_prints_the_median_time(kernel_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["run", str(kernel_file), "--func", "saxpy", "--shape", "n=4096", "--repeat", "3"])
    assert code == 0
    out = capsys.readouterr().out
    assert out.startswith("saxpy: median ")
    assert "GFLOP/s" in out


def test_run_without_a_symbolic_dimension_is_a_usage_error(
    kernel_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", str(kernel_file), "--func", "saxpy"]) == 2
    assert "needs --shape for 'n'" in capsys.readouterr().err


def test_gpu_kernel_build_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gpu.py"
    path.write_text(
        textwrap.dedent(
            """
            from tvmscript import tir as T

            @T.prim_func
            def g(A: T.Buffer((64,), "float32")):
                for i in T.thread_binding(64, thread="threadIdx.x"):
                    A[i] = T.float32(1)
            """
        )
    )
    assert main(["build", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:6:" in err
    assert "GPU thread 'threadIdx.x'" in err
    assert "Traceback" not in err
