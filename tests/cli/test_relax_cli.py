"""``tvmscript run`` and ``tvmscript build`` of Relax modules, against numpy."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import tvmscript
from tvmscript.cli import relax_cmd
from tvmscript.cli.main import main
from tvmscript.runtime.vm import VMExecutable

pytestmark = pytest.mark.codegen

MLP = """
from tvmscript import ir as I, relax as R, tir as T

@I.ir_module
class MLP:
    @T.prim_func
    def scale(A: T.Buffer((4,), "float32"), B: T.Buffer((4,), "float32")):
        for i in range(4):
            B[i] = A[i] * T.float32(2)

    @R.function
    def main(
        x: R.Tensor(("n", 8), "float32"),
        w: R.Tensor((8, 4), "float32"),
        b: R.Tensor((4,), "float32"),
    ) -> R.Tensor(("n", 4), "float32"):
        with R.dataflow():
            y = R.nn.relu(R.add(R.matmul(x, w), b))
            R.output(y)
        return y

    @R.function
    def pair(a: R.Tensor((4,), "float32")):
        cls = MLP
        d = R.call_tir(cls.scale, (a,), out_sinfo=R.Tensor((4,), "float32"))
        return (d, R.multiply(a, a))

    @R.function
    def scalars(a: R.Tensor((4,), "float32"), s: R.Prim("float32"), k: R.Prim("int64")):
        return (R.add(a, a), s, k)

    @R.function
    def fixed(x: R.Tensor(("n",), "float32")) -> R.Tensor((4,), "float32"):
        y = R.match_cast(x, R.Tensor((4,), "float32"))
        return y
"""


def _mlp(x: Any, w: Any, b: Any) -> Any:
    return np.maximum(x @ w + b, 0)


@pytest.fixture
def model(tmp_path: Path) -> Path:
    path = tmp_path / "mlp.py"
    path.write_text(textwrap.dedent(MLP))
    return path


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


def _inputs(path: Path, func: str, given: dict[str, int | float], seed: int = 0) -> list[Any]:
    """The random inputs ``tvmscript run`` makes for ``func`` (same seed, same values)."""
    found = relax_cmd.relax_function(tvmscript.from_source(path.read_text()), func)
    assert found is not None
    return relax_cmd.make_relax_args(found, given, seed)


@pytest.fixture
def results(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What the runs' Relax functions returned (recorded where ``run`` summarises them)."""
    seen: list[Any] = []
    summary = relax_cmd.summary

    def record(name: str, times: list[float], result: Any) -> str:
        seen.append(result)
        return summary(name, times, result)

    monkeypatch.setattr(relax_cmd, "summary", record)
    return seen


def test_run_relax_main_computes_the_model_on_random_inputs(
    model: Path, results: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["run", str(model), "--func", "main", "--shape", "n=16", "--repeat", "3"])
    assert code == 0
    out = capsys.readouterr().out
    assert out.startswith("main: median ")
    assert out.endswith(" ms over 3 calls -> float32[16, 4]\n")
    x, w, b = _inputs(model, "main", {"n": 16})
    assert x.shape == (16, 8)
    [got] = results
    np.testing.assert_allclose(got, _mlp(x, w, b), rtol=1e-5, atol=1e-5)


def test_run_relax_seed_picks_the_inputs(model: Path, results: list[Any]) -> None:
    assert main(["run", str(model), "--func", "main", "--shape", "n=2", "--seed", "7"]) == 0
    x, w, b = _inputs(model, "main", {"n": 2}, seed=7)
    np.testing.assert_allclose(results[0], _mlp(x, w, b), rtol=1e-5, atol=1e-5)
    assert not np.allclose(x, _inputs(model, "main", {"n": 2}, seed=0)[0])


def test_run_relax_symbolic_dimension_needs_a_shape(
    model: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", str(model), "--func", "main"]) == 2
    assert capsys.readouterr().err == "tvmscript: error: the shape of 'x' needs --shape n=N\n"


def test_run_relax_tuple_result_calls_its_prim_func(
    model: Path, results: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", str(model), "--func", "pair", "--repeat", "1"]) == 0
    assert capsys.readouterr().out.endswith("-> (float32[4], float32[4])\n")
    [a] = _inputs(model, "pair", {})
    [(doubled, squared)] = results
    np.testing.assert_allclose(doubled, a * 2, rtol=1e-6)
    np.testing.assert_allclose(squared, a * a, rtol=1e-6)


def test_run_relax_scalar_parameters_take_shape_values(
    model: Path, results: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["run", str(model), "--func", "scalars", "--shape", "s=2.5", "--shape", "k=7"]
    assert main([*argv, "--repeat", "1"]) == 0
    assert capsys.readouterr().out.endswith("-> (float32[4], 2.5, 7)\n")
    [(doubled, s, k)] = results
    np.testing.assert_allclose(doubled, _inputs(model, "scalars", {})[0] * 2, rtol=1e-6)
    assert (s, k) == (2.5, 7)
    assert isinstance(k, int)


def test_run_relax_runtime_error_is_reported(
    model: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", str(model), "--func", "fixed", "--shape", "n=3"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("tvmscript: error: R.match_cast of 'y' in 'fixed' must have shape (4,)")
    assert err.rstrip().endswith("got (3,)")
    assert "Traceback" not in err


def test_run_prim_func_of_a_relax_module(model: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(model), "--func", "scale", "--repeat", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("scale: median ")
    assert "GFLOP/s" in out


def test_run_relax_unknown_function_names_what_there_is(
    model: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", str(model), "--func", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        f"tvmscript: error: no function named 'nope' in '{model}' "
        "(it has main, pair, scalars, fixed; PrimFuncs: "
    )
    assert "scale" in err
    assert "matmul" in err


def test_run_lone_relax_function_by_its_name(
    tmp_path: Path, results: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        tmp_path,
        "lone.py",
        """
        from tvmscript import relax as R

        @R.function
        def negate(x: R.Tensor((3, 2), "float32")) -> R.Tensor((3, 2), "float32"):
            return R.negative(x)
        """,
    )
    assert main(["run", str(path), "--func", "negate", "--repeat", "1"]) == 0
    np.testing.assert_array_equal(results[0], -_inputs(path, "negate", {})[0])
    assert main(["run", str(path), "--func", "main"]) == 2
    assert "no function named 'main'" in capsys.readouterr().err


def test_build_relax_writes_a_library_that_loads_back(
    model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = tmp_path / "out" / "model.so"
    lib.parent.mkdir()
    assert main(["build", str(model), "-o", str(lib)]) == 0
    assert capsys.readouterr().out == f"wrote {lib}\n"
    assert sorted(p.name for p in lib.parent.iterdir()) == ["model.h", "model.so"]
    ex = tvmscript.load(lib)
    assert isinstance(ex, VMExecutable)
    assert ex.kernel_executable is None  # the library's kernels, not compiled here
    assert ex.names == ["main", "pair", "scalars", "fixed"]
    rng = np.random.default_rng(1)
    x, w, b = (rng.standard_normal(s).astype("float32") for s in ((5, 8), (8, 4), (4,)))
    np.testing.assert_allclose(ex["main"](x, w, b), _mlp(x, w, b), rtol=1e-5, atol=1e-5)
    doubled, squared = ex["pair"](b)
    np.testing.assert_allclose(doubled, b * 2, rtol=1e-6)
    np.testing.assert_allclose(squared, b * b, rtol=1e-6)


def test_build_relax_default_output_is_beside_the_file(model: Path) -> None:
    assert main(["build", str(model), "--target", "native"]) == 0
    ex = tvmscript.load(model.with_suffix(".so"))
    a = np.arange(4, dtype="float32")
    doubled, s, k = ex["scalars"](a, 1.5, 3)
    np.testing.assert_array_equal(doubled, a + a)
    assert (s, k) == (1.5, 3)


def test_build_relax_emit_ll_writes_the_legalized_kernels(model: Path, tmp_path: Path) -> None:
    out = tmp_path / "model.ll"
    assert main(["build", str(model), "--emit", "ll", "-o", str(out)]) == 0
    text = out.read_text()
    for kernel in ("scale", "matmul", "add", "relu", "multiply"):
        assert f"@{kernel}(" in text or f'@"{kernel}"(' in text, kernel


def test_build_relax_without_kernels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(
        tmp_path,
        "ident.py",
        """
        from tvmscript import relax as R

        @R.function
        def ident(x: R.Tensor((4,), "float32")) -> R.Tensor((4,), "float32"):
            return x
        """,
    )
    assert main(["build", str(path), "--emit", "ll"]) == 1
    assert capsys.readouterr().err == (
        f"{path}: error: the module has no PrimFunc, even once legalized: nothing to write "
        "with --emit ll (--emit so writes the VM program)\n"
    )
    assert main(["build", str(path)]) == 0
    a = np.arange(4, dtype="float32")
    np.testing.assert_array_equal(tvmscript.load(path.with_suffix(".so"))["ident"](a), a)


@pytest.mark.parametrize("command", ["build", "run"])
def test_relax_operator_without_a_cpu_meaning_is_located_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    path = _write(
        tmp_path,
        "ccl.py",
        """
        from tvmscript import relax as R

        @R.function
        def main(x: R.Tensor((4,), "float32")) -> R.Tensor((4,), "float32"):
            y = R.ccl.allreduce(x, "sum")
            return y
        """,
    )
    argv = [command, str(path)] + (["--func", "main"] if command == "run" else [])
    assert main(argv) == 1
    assert capsys.readouterr().err == (
        f"{path}:6:5: error: cannot legalize 'R.ccl.allreduce': "
        "a distributed operator has no meaning on a single CPU\n"
    )
