from __future__ import annotations

import math

import pytest

from tvmscript import tir as T
from tvmscript import tirx
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.op import op_info


def test_tirx_is_the_same_module() -> None:
    assert tirx is T


def test_dtype_constructor_constant_cast_and_var() -> None:
    one = T.float32(1)
    assert isinstance(one, E.FloatImm)
    assert (one.dtype, one.value) == ("float32", 1.0)
    assert isinstance(T.int64(5), E.IntImm)
    folded = T.float32(T.int32(3))
    assert isinstance(folded, E.FloatImm)
    n = T.int32()
    assert isinstance(n, E.Var)
    assert isinstance(T.float32(n), E.Cast)
    assert isinstance(T.int32x4(1), E.Broadcast)
    inf = T.float32("inf")
    assert isinstance(inf, E.FloatImm)
    assert math.isinf(inf.value)
    assert T.bool(1).dtype == "bool"
    assert T.i64 is T.int64


def test_handle_pointer_annotation() -> None:
    p = T.handle("float32", "shared")
    assert isinstance(p.type_annotation, E.PointerType)
    assert p.type_annotation.storage_scope == "shared"
    assert T.handle().type_annotation is None


def test_let_annotation_makes_var() -> None:
    var = T.let[T.int64].as_var()
    assert var.dtype == "int64"
    assert T.let.as_var("float32").dtype == "float32"


def test_math_intrinsic_is_call_of_op() -> None:
    x = T.float32()
    call = T.exp(x)
    assert isinstance(call, E.Call)
    assert isinstance(call.op, E.Op)
    assert (call.dtype, call.op.name, call.args) == ("float32", "tir.exp", (x,))
    assert op_info(call.op).script_name == "exp"


def test_floor_folds_constants_and_passes_ints() -> None:
    assert isinstance(T.floor(T.float32(1.5)), E.FloatImm)
    n = T.int32()
    assert T.floor(n) is n


def test_abs_of_signed_int_is_select() -> None:
    n = T.int32()
    sel = T.abs(n)
    assert isinstance(sel, E.Select)
    assert isinstance(sel.false_value, E.Sub)
    assert T.abs(T.float32()).op.name == "tir.fabs"  # type: ignore[attr-defined]


def test_if_then_else_matches_types_and_folds() -> None:
    n = T.int32()
    call = T.if_then_else(n < 2, 1, 2.0)
    assert isinstance(call, E.Call)
    assert call.dtype == "float32"
    assert isinstance(T.if_then_else(True, 1, 2), E.IntImm)


def test_call_extern_and_packed() -> None:
    call = T.call_extern("float32", "expf", T.float32())
    assert isinstance(call, E.Call)
    assert isinstance(call.args[0], E.StringImm)
    packed = T.call_packed("f", 1)
    assert isinstance(packed, E.Call)
    assert (packed.dtype, packed.op.name) == ("int32", "tir.tvm_call_packed")  # type: ignore[attr-defined]
    assert op_info(packed.op).script_name == "call_packed"  # type: ignore[arg-type]


def test_limits() -> None:
    assert T.min_value("int32").value == -(2**31)  # type: ignore[attr-defined]
    assert T.max_value("uint8").value == 255  # type: ignore[attr-defined]
    assert T.max_value("float16").value == 65504.0  # type: ignore[attr-defined]


def test_isinf_is_built_like_tvm() -> None:
    expr = T.isinf(T.float32())
    assert isinstance(expr, E.And)


def test_ceildiv_is_floordiv_of_sum() -> None:
    expr = T.ceildiv(T.int32(), 4)
    assert isinstance(expr, E.FloorDiv)


def test_warp_shuffle_takes_value_dtype() -> None:
    call = T.tvm_warp_shuffle_down(T.tvm_warp_activemask(), T.float32(), 16, 32, 32)
    assert call.dtype == "float32"


def test_target_keeps_config() -> None:
    target = T.target({"kind": "cuda", "arch": "sm_80"})
    assert target.kind == "cuda"
    config = T.target("llvm -mcpu=native").config
    # The options given, and the defaults TVM 0.27 prints for the kind (`keys`, `tag`, ...).
    assert {"kind": "llvm", "mcpu": "native"}.items() <= config.items()
    assert config["keys"] == ["cpu"]


def test_comm_reducer_names_and_dtypes() -> None:
    red = T.comm_reducer(lambda x, y: x + y, [T.float32(0)])
    assert [v.name for v in red.lhs + red.rhs] == ["x", "y"]
    assert red.result[0].dtype == "float32"


def test_bad_dtype_argument_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="number"):
        T.float32("oops")
