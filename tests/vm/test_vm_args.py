"""Arguments are checked against the parameters' struct info before anything runs."""

from __future__ import annotations

import re

import numpy as np
import pytest

from .conftest import compile_relax, rand

pytestmark = pytest.mark.codegen

ADD = """
@I.ir_module
class Add:
    @R.function
    def main(
        x: R.Tensor((4, 4), "float32"),
        y: R.Tensor((4, 4), "float32"),
    ) -> R.Tensor((4, 4), "float32"):
        z = R.add(x, y)
        return z
"""

SYMBOLIC = """
@I.ir_module
class Symbolic:
    @R.function
    def main(
        x: R.Tensor(("n", 4), "float32"),
        y: R.Tensor(("n", 4), "float32"),
    ) -> R.Tensor(("n", 4), "float32"):
        z = R.add(x, y)
        return z
"""


def test_vm_args_count_is_checked() -> None:
    fn = compile_relax(ADD)["main"]
    with pytest.raises(ValueError, match=re.escape("'main' takes 2 arguments (x, y), got 1")):
        fn(rand(4, 4))


def test_vm_args_rank_is_checked() -> None:
    fn = compile_relax(ADD)["main"]
    message = "argument 'y' of 'main' must have 2 dimensions"
    with pytest.raises(ValueError, match=re.escape(message)) as info:
        fn(rand(4, 4), rand(16))
    assert "got 1 (shape (16,))" in str(info.value)


def test_vm_args_dtype_is_checked() -> None:
    fn = compile_relax(ADD)["main"]
    with pytest.raises(ValueError, match="argument 'x' of 'main' must have dtype float32") as info:
        fn(rand(4, 4, dtype="float64"), rand(4, 4))
    assert str(info.value).endswith("got float64")


def test_vm_args_static_shape_names_both_shapes() -> None:
    fn = compile_relax(ADD)["main"]
    with pytest.raises(ValueError, match="argument 'y' of 'main'") as info:
        fn(rand(4, 4), rand(4, 5))
    message = str(info.value)
    assert message.startswith("argument 'y' of 'main' must have shape (4, 4)")
    assert message.endswith("got (4, 5)")


def test_vm_args_symbolic_dim_conflict_names_both_arguments() -> None:
    fn = compile_relax(SYMBOLIC)["main"]
    with pytest.raises(ValueError, match="argument 'y' of 'main'") as info:
        fn(rand(3, 4), rand(5, 4))
    message = str(info.value)
    assert message.startswith("argument 'y' of 'main' has shape (5, 4), but dimension 0 must be")
    assert "n = 3, got 5" in message
    assert "from dimension 0 of argument 'x' of 'main', shape (3, 4)" in message


def test_vm_args_symbolic_dims_bind_per_call() -> None:
    fn = compile_relax(SYMBOLIC)["main"]
    for n in (3, 5, 3):
        x, y = rand(n, 4), rand(n, 4, seed=1)
        np.testing.assert_allclose(fn(x, y), x + y)


def test_vm_args_must_be_arrays() -> None:
    fn = compile_relax(ADD)["main"]
    with pytest.raises(
        ValueError, match=r"argument 'x' of 'main' must be a numpy.ndarray .* got list"
    ):
        fn([[1.0] * 4] * 4, rand(4, 4))


def test_vm_args_non_contiguous_arrays_are_copied_not_refused() -> None:
    fn = compile_relax(ADD)["main"]
    x = rand(4, 8)[:, ::2]
    y = rand(4, 4, seed=1).T
    np.testing.assert_allclose(fn(x, y), x + y)


def test_vm_args_inputs_are_not_modified() -> None:
    fn = compile_relax(ADD)["main"]
    x, y = rand(4, 4), rand(4, 4, seed=1)
    before = (x.copy(), y.copy())
    fn(x, y)
    np.testing.assert_array_equal(x, before[0])
    np.testing.assert_array_equal(y, before[1])


MATCH = """
@I.ir_module
class Match:
    @R.function
    def main(x: R.Tensor(dtype="float32", ndim=2)) -> R.Tensor(dtype="float32", ndim=2):
        n = T.int64()
        y = R.match_cast(x, R.Tensor((n, 3), "float32"))
        z = R.add(y, y)
        return z
"""


def test_vm_match_cast_binds_and_checks() -> None:
    fn = compile_relax(MATCH)["main"]
    x = rand(5, 3)
    np.testing.assert_allclose(fn(x), 2 * x)
    with pytest.raises(
        ValueError, match=r"R.match_cast of 'y' in 'main' must have shape \(\?, 3\)"
    ):
        fn(rand(5, 4))


def test_vm_args_scalars_and_shapes() -> None:
    ex = compile_relax(
        """
        @I.ir_module
        class Scalars:
            @R.function
            def main(
                x: R.Tensor(("n",), "float32"),
                s: R.Shape(["n"]),
                k: R.Prim("int64"),
            ) -> R.Shape(["n"]):
                return s
        """
    )
    fn = ex["main"]
    assert fn(rand(3), (3,), 7) == (3,)
    with pytest.raises(ValueError, match="argument 's' of 'main' has value"):
        fn(rand(3), (4,), 7)
    with pytest.raises(ValueError, match="argument 'k' of 'main' must be a int64 scalar"):
        fn(rand(3), (3,), 1.5)
