"""Control flow, tuples, closures, calls between functions, packed functions, in-place calls."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import tvmscript

from .conftest import Array, compile_relax, rand

pytestmark = pytest.mark.codegen

IF_TENSOR = """
@I.ir_module
class Branches:
    @R.function
    def main(
        c: R.Tensor((), "bool"),
        x: R.Tensor((3, 4), "float32"),
    ) -> R.Tensor((3, 4), "float32"):
        if c:
            y = R.add(x, x)
            z = R.exp(y)
        else:
            y = R.multiply(x, x)
            z = R.negative(y)
        return z

    @R.function
    def prim(c: R.Prim("bool"), x: R.Tensor((3, 4), "float32")) -> R.Tensor((3, 4), "float32"):
        if c:
            z = R.add(x, x)
        else:
            z = R.subtract(x, x)
        return z
"""


@pytest.mark.parametrize("cond", [True, False])
def test_vm_if_on_a_bool_tensor_takes_either_branch(cond: bool) -> None:
    x = rand(3, 4)
    got = compile_relax(IF_TENSOR)["main"](np.array(cond), x)
    np.testing.assert_allclose(got, np.exp(2 * x) if cond else -(x * x), rtol=1e-6)


@pytest.mark.parametrize("cond", [True, False])
def test_vm_if_on_a_prim_value_takes_either_branch(cond: bool) -> None:
    x = rand(3, 4)
    got = compile_relax(IF_TENSOR)["prim"](cond, x)
    np.testing.assert_allclose(got, 2 * x if cond else 0 * x)


TUPLES = """
@I.ir_module
class Tuples:
    @R.function
    def main(
        t: R.Tuple(R.Tensor((2, 2), "float32"), R.Tensor((2, 2), "float32")),
    ) -> R.Tuple(
        R.Tensor((2, 2), "float32"),
        R.Tuple(R.Tensor((2, 2), "float32"), R.Tensor((2, 2), "float32")),
    ):
        a = t[0]
        b = t[1]
        c = R.add(a, b)
        parts = R.split(c, 2, axis=1)
        d = R.concat((parts[1], parts[0]), axis=1)
        return (d, (a, b))
"""


def test_vm_tuples_in_and_nested_tuples_out() -> None:
    a, b = rand(2, 2), rand(2, 2, seed=1)
    d, (a2, b2) = compile_relax(TUPLES)["main"]((a, b))
    np.testing.assert_allclose(d, (a + b)[:, ::-1])
    assert a2 is a
    assert b2 is b


CALLS = """
@I.ir_module
class Calls:
    @R.function(private=True)
    def square_plus(
        x: R.Tensor(("n",), "float32"),
        k: R.Tensor((), "float32"),
    ) -> R.Tensor(("n",), "float32"):
        y = R.add(R.multiply(x, x), k)
        return y

    @R.function
    def main(a: R.Tensor((4,), "float32")) -> R.Tensor((4,), "float32"):
        cls = Calls
        one = R.const(1.0, "float32")
        b = cls.square_plus(a, one)
        c = cls.square_plus(b, one)
        return c

    @R.function
    def countdown(x: R.Tensor((3,), "float32"), k: R.Prim(value="n")) -> R.Tensor((3,), "float32"):
        n = T.int64()
        cls = Calls
        if R.prim_value(n > 0):
            y = R.add(x, R.const(1.0, "float32"))
            z = cls.countdown(y, R.prim_value(n - 1))
        else:
            z = x
        return z
"""


def test_vm_calls_between_relax_functions() -> None:
    a = rand(4)
    b = a * a + 1
    np.testing.assert_allclose(compile_relax(CALLS)["main"](a), b * b + 1, rtol=1e-6)


def test_vm_recursive_relax_function() -> None:
    x = rand(3)
    np.testing.assert_allclose(compile_relax(CALLS)["countdown"](x, 5), x + 5, rtol=1e-6)


def test_vm_private_functions_are_callable_by_name_as_in_tvm() -> None:
    ex = compile_relax(CALLS)
    assert set(ex.names) == {"square_plus", "main", "countdown"}
    a = rand(6)
    np.testing.assert_allclose(ex["square_plus"](a, np.float32(2)), a * a + 2, rtol=1e-6)


LOCAL = """
@I.ir_module
class Local:
    @R.function
    def main(
        x: R.Tensor(("n",), "float32"),
        w: R.Tensor(("n",), "float32"),
    ) -> R.Tensor(("n",), "float32"):
        n = T.int64()

        @R.function
        def scale(y: R.Tensor((n,), "float32")) -> R.Tensor((n,), "float32"):
            z = R.multiply(y, w)
            return z

        a = scale(x)
        b = scale(a)
        return b
"""


def test_vm_local_function_is_a_closure_over_values_and_dims() -> None:
    x, w = rand(5), rand(5, seed=1)
    np.testing.assert_allclose(compile_relax(LOCAL)["main"](x, w), x * w * w, rtol=1e-6)


INPLACE = """
@I.ir_module
class Inplace:
    @T.prim_func
    def add_into(a: T.Buffer((4,), "float32"), b: T.Buffer((4,), "float32")):
        for i in range(4):
            a[i] = a[i] + b[i]

    @R.function
    def main(
        x: R.Tensor((4,), "float32"),
        y: R.Tensor((4,), "float32"),
    ) -> R.Tensor((4,), "float32"):
        cls = Inplace
        t = R.add(x, x)
        u = R.call_tir_inplace(
            cls.add_into, (t, y), inplace_indices=[0], out_sinfo=R.Tensor((4,), "float32")
        )
        return u
"""


def test_vm_call_tir_inplace_writes_its_argument() -> None:
    x, y = rand(4), rand(4, seed=1)
    np.testing.assert_allclose(compile_relax(INPLACE)["main"](x, y), 2 * x + y, rtol=1e-6)


PACKED = """
@I.ir_module
class Packed:
    @R.function
    def dps(x: R.Tensor((8,), "float32")) -> R.Tensor((8,), "float32"):
        with R.dataflow():
            a = R.call_dps_packed("test_vm.relu", (x,), out_sinfo=R.Tensor((8,), "float32"))
            b = R.add(a, x)
            R.output(b)
        return b

    @R.function
    def pure(x: R.Tensor((8,), "float32")) -> R.Tensor((8,), "float32"):
        with R.dataflow():
            a = R.call_pure_packed("test_vm.twice", x, ty_args=R.Tensor((8,), "float32"))
            b = R.add(a, x)
            R.output(b)
        return b

    @R.function(pure=False)
    def impure(x: R.Tensor((8,), "float32")) -> R.Tensor((8,), "float32"):
        _ = R.call_packed("test_vm.record", x, ty_args=R.Tuple())
        y = R.add(x, x)
        return y

    @R.function
    def wrong(x: R.Tensor((8,), "float32")) -> R.Tensor((8,), "float32"):
        a = R.call_pure_packed("test_vm.wrong_shape", x, ty_args=R.Tensor((8,), "float32"))
        return a
"""
RECORDED: list[Array] = []


@tvmscript.register_func("test_vm.relu", override=True)
def _relu(x: Array, out: Array) -> None:
    out[...] = np.maximum(x, 0)


@tvmscript.register_func("test_vm.twice", override=True)
def _twice(x: Array) -> Any:
    return (2 * x).tolist()  # an array-like: converted


@tvmscript.register_func("test_vm.record", override=True)
def _record(x: Array) -> None:
    RECORDED.append(x.copy())


@tvmscript.register_func("test_vm.wrong_shape", override=True)
def _wrong_shape(x: Array) -> Array:
    return x[:4]


def test_vm_call_dps_packed_writes_fresh_outputs() -> None:
    x = rand(8)
    np.testing.assert_allclose(compile_relax(PACKED)["dps"](x), np.maximum(x, 0) + x)


def test_vm_call_pure_packed_result_is_converted() -> None:
    x = rand(8)
    np.testing.assert_allclose(compile_relax(PACKED)["pure"](x), 3 * x, rtol=1e-6)


def test_vm_call_packed_runs_for_its_effect() -> None:
    x = rand(8)
    RECORDED.clear()
    np.testing.assert_allclose(compile_relax(PACKED)["impure"](x), 2 * x)
    np.testing.assert_array_equal(RECORDED[0], x)


def test_vm_packed_result_is_checked_against_its_struct_info() -> None:
    with pytest.raises(
        ValueError, match=r"the result of 'test_vm.wrong_shape' must have shape \(8,\)"
    ):
        compile_relax(PACKED)["wrong"](rand(8))


def test_vm_unregistered_packed_function_is_named() -> None:
    ex = compile_relax(
        """
        @I.ir_module
        class Missing:
            @R.function
            def main(x: R.Tensor((2,), "float32")) -> R.Tensor((2,), "float32"):
                a = R.call_pure_packed("test_vm.nowhere", x, ty_args=R.Tensor((2,), "float32"))
                return a
        """
    )
    with pytest.raises(RuntimeError, match=r"packed function 'test_vm\.nowhere' is not registered"):
        ex["main"](rand(2))


EFFECTS = """
@I.ir_module
class Effects:
    @R.function(pure=False)
    def main(x: R.Tensor((3,), "float32")) -> R.Shape([3]):
        R.print(x, format=R.str("x = {}"))
        R.assert_op(R.const(True), format=R.str("never"))
        s = R.shape_of(x)
        return s

    @R.function(pure=False)
    def check(x: R.Tensor((), "bool")) -> R.Tensor((), "bool"):
        R.assert_op(x, x, format=R.str("x is {}"))
        return x
"""


def test_vm_print_shape_of_and_assert(capsys: pytest.CaptureFixture[str]) -> None:
    ex = compile_relax(EFFECTS)
    x = np.array([1.0, 2.0, 3.0], np.float32)
    assert ex["main"](x) == (3,)
    assert capsys.readouterr().out == "x = [1. 2. 3.]\n"
    with pytest.raises(AssertionError, match="x is False"):
        ex["check"](np.array(False))


def test_vm_constants_and_int_outputs() -> None:
    ex = compile_relax(
        """
        @I.ir_module
        class Consts:
            @R.function
            def main(x: R.Tensor((3,), "int32")) -> R.Tensor((3,), "int32"):
                y = R.add(x, R.const([1, 2, 3], "int32"))
                z = R.multiply(y, R.const(2, "int32"))
                return z
        """
    )
    np.testing.assert_array_equal(ex["main"](np.arange(3, dtype=np.int32)), [2, 6, 10])
