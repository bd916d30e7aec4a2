"""Large ``R.matmul`` legalizes to a tiled, parallel, vectorized nest computing NumPy's numbers.

The tiled form (`tvmscript.transform.tiling`) is taken above a size; small matmuls keep TVM's
naive text. Shapes that are no multiple of the tile (rows, columns, reduction) run through the
remainder loops; some cases shrink the tile and the size thresholds to reach them cheaply.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import tvmscript
from tvmscript.core.ir.structural import assert_structural_equal
from tvmscript.core.tir import stmt as S
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.transform.functor import walk
from tvmscript.runtime.vm import VMExecutable
from tvmscript.transform import legalize, tiling

pytestmark = pytest.mark.codegen

Array = np.ndarray[Any, Any]
Shape = tuple[int | str, ...]


def _source(a: Shape, b: Shape, dtype: str = "float32") -> str:
    return f"""from tvmscript import ir as I, relax as R, tir as T

@I.ir_module
class Module:
    @R.function
    def main(a: R.Tensor({a!r}, "{dtype}"), b: R.Tensor({b!r}, "{dtype}")):
        y = R.matmul(a, b)
        return y
"""


def _primfunc(a: Shape, b: Shape) -> PrimFunc:
    """The legalized matmul's PrimFunc."""
    mod = legalize(tvmscript.from_source(_source(a, b)))
    (func,) = [f for f in mod.functions.values() if isinstance(f, PrimFunc)]
    return func


def _primfunc_loops(a: Shape, b: Shape) -> set[S.ForKind]:
    """The loop kinds of the legalized matmul's PrimFunc."""
    func = _primfunc(a, b)
    kinds: set[S.ForKind] = set()
    walk(func.body, lambda n: kinds.add(n.kind) if isinstance(n, S.For) else None)
    return kinds


def _run(a: Shape, b: Shape, values: tuple[Array, Array], dtype: str = "float32") -> Array:
    ex = tvmscript.compile(tvmscript.from_source(_source(a, b, dtype)))
    assert isinstance(ex, VMExecutable)
    return np.asarray(ex["main"](*values))


def _check(
    a: Shape, b: Shape, concrete: tuple[tuple[int, ...], ...], dtype: str = "float32"
) -> None:
    rng = np.random.default_rng(0)
    x, w = (rng.standard_normal(s).astype(dtype) for s in concrete)
    got = _run(a, b, (x, w), dtype)
    want = np.matmul(x.astype(np.float64), w.astype(np.float64))
    assert got.shape == want.shape
    assert got.dtype == np.dtype(dtype)
    tol = 1e-4 if dtype == "float32" else 1e-10
    np.testing.assert_allclose(got, want, rtol=tol, atol=tol * np.sqrt(x.shape[-1]))


@pytest.fixture
def small_tiles(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tile every matmul, with a 4x4 tile and a reduction step of 4."""
    monkeypatch.setattr(tiling, "MIN_WORK", 0)
    monkeypatch.setattr(tiling, "MIN_TILE_WORK", 0)
    monkeypatch.setattr(tiling, "TILE", tiling.Tile(rows=4, cols=4, depth=4))


def test_large_matmul_is_tiled_and_small_stays_naive() -> None:
    assert _primfunc_loops((64, 1024), (1024, 4096)) >= {S.ForKind.PARALLEL, S.ForKind.VECTORIZED}
    assert _primfunc_loops(("n", 256), (256, 96)) >= {S.ForKind.PARALLEL}
    assert _primfunc_loops((4, 8), (8, 5)) == {S.ForKind.SERIAL}
    assert _primfunc_loops(("n", 8), (8, "m")) == {S.ForKind.SERIAL}


@pytest.mark.parametrize(
    ("a", "b"), [((70, 130), (130, 100)), (("b", "n", 64), (64, 128))], ids=str
)
def test_tiled_primfunc_prints_and_reparses(a: Shape, b: Shape) -> None:
    func = _primfunc(a, b)
    parsed = tvmscript.from_source(func.script())
    assert isinstance(parsed, PrimFunc)
    assert_structural_equal(parsed, func, map_free_vars=True)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((64, 256), (256, 512)),  # whole tiles
        ((70, 130), (130, 100)),  # a row, column and reduction remainder
        ((64, 1024), (1024, 320)),
        ((2, 3, 40, 64), (64, 96)),  # batched, b broadcast
        ((2, 1, 33, 64), (3, 64, 80)),  # batch dims broadcast against each other
    ],
    ids=str,
)
def test_tiled_matmul_matches_numpy(a: tuple[int, ...], b: tuple[int, ...]) -> None:
    _check(a, b, (a, b))


def test_tiled_matmul_float64() -> None:
    _check((65, 100), (100, 90), ((65, 100), (100, 90)), "float64")


@pytest.mark.usefixtures("small_tiles")
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((7, 13), (13, 5)),
        ((4, 4), (4, 4)),
        ((1, 3), (3, 9)),
        ((9, 8), (8, 12)),
        ((2, 5, 7), (7, 6)),
    ],
    ids=str,
)
def test_small_tiles_with_remainders_match_numpy(a: tuple[int, ...], b: tuple[int, ...]) -> None:
    assert S.ForKind.PARALLEL in _primfunc_loops(a, b)
    _check(a, b, (a, b))


@pytest.mark.parametrize("n", [1, 63, 64, 130])
def test_tiled_matmul_symbolic_rows(n: int) -> None:
    _check(("n", 256), (256, 96), ((n, 256), (256, 96)))


@pytest.mark.parametrize(("batch", "n"), [(1, 5), (3, 70)])
def test_tiled_matmul_symbolic_batch_and_rows(batch: int, n: int) -> None:
    _check(("b", "n", 64), (64, 128), ((batch, n, 64), (64, 128)))


@pytest.mark.usefixtures("small_tiles")
def test_small_tiles_symbolic_rows() -> None:
    assert S.ForKind.PARALLEL in _primfunc_loops(("n", 13), (13, 5))
    for n in (1, 4, 7):
        _check(("n", 13), (13, 5), ((n, 13), (13, 5)))
