"""Struct-info analyses: base check, least upper bound, erasure, call derivation."""

from __future__ import annotations

import pytest

from tvmscript.core.ir.structural import structural_equal
from tvmscript.core.relax import analysis as A
from tvmscript.core.relax.analysis import BaseCheck
from tvmscript.core.relax.expr import ShapeExpr
from tvmscript.core.relax.struct_info import (
    FuncStructInfo,
    ObjectStructInfo,
    PrimStructInfo,
    ShapeStructInfo,
    StructInfo,
    TensorStructInfo,
    TupleStructInfo,
)
from tvmscript.core.tir import expr as E

N = E.Var("n", "int64")
M = E.Var("m", "int64")


def i64(v: int) -> E.IntImm:
    return E.IntImm("int64", v)


def tensor(*dims: E.PrimExpr | int, dtype: str = "float32") -> TensorStructInfo:
    values = tuple(i64(d) if isinstance(d, int) else d for d in dims)
    return TensorStructInfo(ShapeExpr(values), dtype)


def test_base_check_object_is_base_of_everything() -> None:
    assert A.base_check(ObjectStructInfo(), tensor(2, 3)) == BaseCheck.PASS


def test_base_check_less_specific_annotation_passes() -> None:
    assert A.is_base_of(TensorStructInfo(None, "float32", 2), tensor(2, 3))


def test_base_check_more_specific_shape_needs_a_runtime_check() -> None:
    assert A.base_check(tensor(2, 3), TensorStructInfo(None, "float32", 2)) == BaseCheck.FAIL_L2


def test_base_check_dtype_contradiction_is_l0() -> None:
    assert A.base_check(tensor(2, 3, dtype="int32"), tensor(2, 3)) == BaseCheck.FAIL_L0


def test_base_check_unknown_derived_dtype_is_l1() -> None:
    assert A.base_check(tensor(2, 3), tensor(2, 3, dtype="void")) == BaseCheck.FAIL_L1


def test_base_check_constant_dims_that_differ_are_l0() -> None:
    assert A.base_check(tensor(3, 4), tensor(3, 5)) == BaseCheck.FAIL_L0


def test_base_check_distinct_symbolic_dims_are_l2() -> None:
    assert A.base_check(tensor(M, 4), tensor(N, 4)) == BaseCheck.FAIL_L2


def test_base_check_object_derived_is_l1() -> None:
    assert A.base_check(tensor(2), ObjectStructInfo()) == BaseCheck.FAIL_L1


def test_base_check_other_kind_is_l0() -> None:
    assert A.base_check(ShapeStructInfo(ndim=2), tensor(2, 3)) == BaseCheck.FAIL_L0


def test_base_check_tuples_combine_their_fields() -> None:
    base = TupleStructInfo((tensor(2), tensor(M)))
    derived = TupleStructInfo((tensor(2), tensor(N)))
    assert A.base_check(base, derived) == BaseCheck.FAIL_L2


def test_base_check_pure_function_is_not_base_of_impure() -> None:
    pure = FuncStructInfo((tensor(2),), tensor(2), purity=True)
    impure = FuncStructInfo((tensor(2),), tensor(2), purity=False)
    assert A.base_check(pure, impure) == BaseCheck.FAIL_L0
    assert A.is_base_of(impure, pure)


def test_lca_of_two_shapes_keeps_the_rank() -> None:
    joined = A.struct_info_lca(tensor(3, 2), tensor(2, 3))
    assert isinstance(joined, TensorStructInfo)
    assert (joined.shape, joined.ndim, joined.dtype) == (None, 2, "float32")


def test_lca_of_equal_shapes_keeps_the_shape() -> None:
    a = tensor(N, 4)
    assert A.struct_info_lca(a, tensor(N, 4)) is a


def test_lca_of_different_dtypes_is_unknown_dtype() -> None:
    joined = A.struct_info_lca(tensor(4), tensor(4, dtype="int32"))
    assert isinstance(joined, TensorStructInfo)
    assert joined.dtype == "void"


def test_lca_of_different_kinds_is_object() -> None:
    assert isinstance(A.struct_info_lca(tensor(4), ShapeStructInfo((i64(1),))), ObjectStructInfo)


def test_lca_of_tuples_is_fieldwise() -> None:
    joined = A.struct_info_lca(TupleStructInfo((tensor(2),)), TupleStructInfo((tensor(3),)))
    assert isinstance(joined, TupleStructInfo)
    assert isinstance(joined.fields[0], TensorStructInfo)
    assert joined.fields[0].ndim == 1


def test_erase_drops_a_shape_with_an_undefined_var() -> None:
    erased = A.erase_to_well_defined(tensor(N, M), defined=lambda v: v is N)
    assert isinstance(erased, TensorStructInfo)
    assert (erased.shape, erased.ndim) == (None, 2)


def test_erase_substitutes_mapped_vars() -> None:
    erased = A.erase_to_well_defined(tensor(N * 2), {N: i64(3)}, lambda v: False)
    assert structural_equal(erased, tensor(6))


def test_erase_keeps_defined_info_unchanged() -> None:
    info = tensor(N, 4)
    assert A.erase_to_well_defined(info, defined=lambda v: True) is info


def test_erase_drops_an_undefined_prim_value() -> None:
    erased = A.erase_to_well_defined(PrimStructInfo("int64", N), defined=lambda v: False)
    assert isinstance(erased, PrimStructInfo)
    assert erased.value is None


def test_definable_vars_are_bare_dims_only() -> None:
    assert A.definable_tir_vars(tensor(N, M * 2)) == [N]
    assert A.collect_tir_vars(tensor(N, M * 2)) == [N, M]


def test_derive_binds_symbolic_params_to_arguments() -> None:
    callee = FuncStructInfo((tensor(N, M),), tensor(M, N))
    ret = A.derive_call_ret_struct_info(callee, [tensor(3, 5)])
    assert structural_equal(ret, tensor(5, 3))


def test_derive_erases_vars_the_arguments_do_not_bind() -> None:
    k = E.Var("k", "int64")
    callee = FuncStructInfo((tensor(N),), tensor(N, k))
    ret = A.derive_call_ret_struct_info(callee, [tensor(4)])
    assert isinstance(ret, TensorStructInfo)
    assert (ret.shape, ret.ndim) == (None, 2)


def test_derive_reports_a_wrong_argument_count() -> None:
    callee = FuncStructInfo((tensor(2), tensor(2)), tensor(2))
    with pytest.raises(A.CallMismatch, match="takes 2 arguments but is called with 1") as info:
        A.derive_call_ret_struct_info(callee, [tensor(2)], name="function 'f'")
    assert info.value.code == "call-arity-mismatch"


def test_derive_reports_an_argument_that_never_fits() -> None:
    callee = FuncStructInfo((tensor(4),), tensor(4))
    with pytest.raises(A.CallMismatch) as info:
        A.derive_call_ret_struct_info(callee, [tensor(4, dtype="int32")])
    assert (info.value.code, info.value.index) == ("call-argument-mismatch", 0)


def test_derive_of_opaque_callee_uses_sinfo_args() -> None:
    opaque = FuncStructInfo(None, ObjectStructInfo(), purity=False)
    out: StructInfo = A.derive_call_ret_struct_info(opaque, [], [tensor(2)])
    assert structural_equal(out, tensor(2))


def test_prim_func_struct_info_gives_int64_tensors() -> None:
    import tvmscript

    func = tvmscript.from_source(
        "from tvmscript import tir as T\n"
        "@T.prim_func\n"
        "def f(A: T.Buffer((4,), 'float32'), n: T.int32):\n"
        "    A[0] = T.float32(0)\n"
    )
    info = A.prim_func_struct_info(func)
    assert info.purity is False
    assert structural_equal(info.params, (tensor(4), PrimStructInfo("int32")))
