"""Structural equality and hashing: renaming, definitions, mismatch paths, hash consistency."""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tvmscript.core.tir.buffer import BufferRegion, MatchBufferRegion, make_buffer
from tvmscript.core.tir.expr import (
    Add,
    BinaryOp,
    BufferLoad,
    Call,
    FloatImm,
    FloorDiv,
    IntImm,
    IterType,
    IterVar,
    Let,
    Max,
    Min,
    Mul,
    PrimExpr,
    Range,
    SizeVar,
    StringImm,
    Sub,
    Var,
)
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.op import get_op
from tvmscript.core.tir.stmt import (
    AllocBuffer,
    BufferStore,
    Evaluate,
    For,
    ForKind,
    SBlock,
    SBlockRealize,
    SeqStmt,
)
from tvmscript.ir import (
    GlobalVar,
    IRModule,
    assert_structural_equal,
    structural_equal,
    structural_hash,
)


def i32(value: int) -> IntImm:
    return IntImm("int32", value)


def f32(value: float) -> FloatImm:
    return FloatImm("float32", value)


def mismatch(lhs: object, rhs: object, map_free_vars: bool = False) -> str:
    """The message `assert_structural_equal` raises for ``lhs`` and ``rhs``."""
    with pytest.raises(ValueError, match="structural mismatch at") as info:
        assert_structural_equal(lhs, rhs, map_free_vars)
    return str(info.value)


def vector_add(last: int = 1, dtype: str = "float32", attrs: Any = None) -> PrimFunc:
    """A fresh PrimFunc over a symbolic length ``n``: three statements in a loop."""
    n = SizeVar("n")
    a_handle, b_handle = Var("a", "handle"), Var("b", "handle")
    a = make_buffer("A", (n,), dtype)
    b = make_buffer("B", (n,), dtype)
    i = Var("i")
    x = Var("x")
    body = SeqStmt(
        (
            BufferStore(b, BufferLoad(a, (i,)), (i,)),
            Evaluate(Call("int32", get_op("tir.call_extern"), (StringImm("sync"), i))),
            Evaluate(Let(x, i, Add(x, i32(last)))),
        )
    )
    loop = For(i, i32(0), n, ForKind.SERIAL, body)
    return PrimFunc(
        (a_handle, b_handle),
        loop,
        {a_handle: a, b_handle: b},
        attrs={"global_symbol": "main"} if attrs is None else attrs,
    )


def module(**funcs: PrimFunc) -> IRModule:
    return IRModule({GlobalVar(name): func for name, func in funcs.items()})


def block_func(read_b: bool = False) -> PrimFunc:
    """A PrimFunc whose block allocates ``C``, matches a region of ``A`` and binds an axis."""
    a_handle = Var("a", "handle")
    a = make_buffer("A", (i32(16),))
    c = make_buffer("C", (i32(16),))
    sub = make_buffer("S", (i32(4),))
    vi_var, i = Var("vi"), Var("i")
    vi = IterVar(Range(i32(0), i32(16)), vi_var, IterType.DATA_PAR)
    read = c if read_b else a
    block = SBlock(
        iter_vars=(vi,),
        reads=(BufferRegion.full(read),),
        writes=(BufferRegion.full(c),),
        name_hint="blk",
        body=BufferStore(c, BufferLoad(read, (vi_var,)), (vi_var,)),
        alloc_buffers=(c,),
        match_buffers=(MatchBufferRegion(sub, BufferRegion.full(a)),),
    )
    realize = SBlockRealize((i,), IntImm("bool", 1), block)
    return PrimFunc((a_handle,), For(i, i32(0), i32(16), ForKind.SERIAL, realize), {a_handle: a})


# ---------------------------------------------------------------------------------------------
# Equality


def test_structural_equal_renamed_functions_are_equal() -> None:
    assert structural_equal(vector_add(), vector_add())
    assert structural_equal(module(main=vector_add()), module(main=vector_add()))


def test_structural_equal_shared_free_var_equals_itself() -> None:
    x = Var("x")
    assert structural_equal(Add(x, i32(1)), Add(x, i32(1)))


def test_structural_equal_free_vars_differ_unless_mapped() -> None:
    lhs, rhs = Add(Var("x"), i32(1)), Add(Var("y"), i32(1))
    assert not structural_equal(lhs, rhs)
    assert structural_equal(lhs, rhs, map_free_vars=True)
    assert "map_free_vars=True" in mismatch(lhs, rhs)


def test_structural_equal_mapping_is_bijective() -> None:
    x, y = Var("x"), Var("y")
    assert not structural_equal(Add(x, x), Add(x, y), map_free_vars=True)
    assert not structural_equal(Add(x, y), Add(x, x), map_free_vars=True)
    assert structural_equal(Add(x, y), Add(y, x), map_free_vars=True)


def test_structural_equal_let_binds_its_var() -> None:
    x, y = Var("x"), Var("y")
    assert structural_equal(Let(x, i32(1), Mul(x, x)), Let(y, i32(1), Mul(y, y)))
    assert not structural_equal(Let(x, i32(1), Mul(x, x)), Let(y, i32(1), Mul(y, i32(2))))


def test_structural_equal_var_dtype_and_class_matter() -> None:
    assert not structural_equal(Var("x"), Var("x", "int64"), map_free_vars=True)
    assert not structural_equal(Var("n"), SizeVar("n"), map_free_vars=True)


def test_assert_structural_equal_names_constant_path() -> None:
    message = mismatch(module(main=vector_add(1)), module(main=vector_add(2)))
    assert message == (
        'structural mismatch at <root>.functions["main"].body.body.seq[2].value.body.b: '
        "IntImm('int32', 1) vs IntImm('int32', 2) (value: 1 vs 2)"
    )


def test_assert_structural_equal_names_buffer_dtype_path() -> None:
    message = mismatch(vector_add(dtype="float32"), vector_add(dtype="float16"))
    assert message.startswith("structural mismatch at <root>.buffer_map[Var('a', 'handle')].")
    assert "'float32' vs 'float16'" in message


def test_assert_structural_equal_names_different_ops() -> None:
    x = Var("x")
    message = mismatch(Mul(Add(x, x), x), Mul(Sub(x, x), x))
    assert message.startswith("structural mismatch at <root>.a: Add(")
    assert "(different node types)" in message


def test_structural_equal_module_pairs_functions_by_name() -> None:
    lhs = IRModule({GlobalVar("f"): vector_add(1), GlobalVar("g"): vector_add(2)})
    rhs = IRModule({GlobalVar("g"): vector_add(2), GlobalVar("f"): vector_add(1)})
    assert structural_equal(lhs, rhs)
    assert structural_hash(lhs) == structural_hash(rhs)
    assert "different function names" in mismatch(module(f=vector_add()), module(g=vector_add()))


def test_structural_equal_global_var_compares_by_name() -> None:
    assert structural_equal(GlobalVar("f"), GlobalVar("f"))
    assert not structural_equal(GlobalVar("f"), GlobalVar("g"))


def test_structural_equal_attrs_compare_by_key_and_value() -> None:
    one = vector_add(attrs={"global_symbol": "main", "tir.noalias": True})
    other = vector_add(attrs={"tir.noalias": True, "global_symbol": "main"})
    assert structural_equal(one, other)
    assert structural_hash(one) == structural_hash(other)
    changed = vector_add(attrs={"global_symbol": "main", "tir.noalias": 1})
    assert mismatch(one, changed).startswith('structural mismatch at <root>.attrs["tir.noalias"]')


def test_structural_equal_numpy_and_nan_values() -> None:
    lhs = vector_add(attrs={"c": np.arange(4, dtype="float32"), "nan": math.nan})
    rhs = vector_add(attrs={"c": np.arange(4, dtype="float32"), "nan": math.nan})
    assert structural_equal(lhs, rhs)
    assert structural_hash(lhs) == structural_hash(rhs)
    other = vector_add(attrs={"c": np.arange(4, dtype="float64"), "nan": math.nan})
    assert not structural_equal(lhs, other)


def test_structural_equal_symbolic_shapes_are_defined_by_buffers() -> None:
    n, m = SizeVar("n"), SizeVar("m")
    a, b = Var("a", "handle"), Var("b", "handle")
    body = Evaluate(i32(0))
    same = PrimFunc((a, b), body, {a: make_buffer("A", (n,)), b: make_buffer("B", (n,))})
    distinct = PrimFunc((a, b), body, {a: make_buffer("A", (n,)), b: make_buffer("B", (m,))})
    assert not structural_equal(same, distinct)
    assert not structural_equal(distinct, same)
    assert structural_equal(same, vector_add_shapes())


def vector_add_shapes() -> PrimFunc:
    k = SizeVar("k")
    a, b = Var("p", "handle"), Var("q", "handle")
    return PrimFunc(
        (a, b), Evaluate(i32(0)), {a: make_buffer("X", (k,)), b: make_buffer("Y", (k,))}
    )


def test_structural_equal_blocks_define_buffers_and_axes() -> None:
    assert structural_equal(block_func(), block_func())
    message = mismatch(block_func(), block_func(read_b=True))
    assert message.startswith("structural mismatch at <root>.body.body.block.reads[0].buffer")


def test_structural_equal_alloc_buffer_defines_its_buffer() -> None:
    def alloc() -> SeqStmt:
        c = make_buffer("C", (i32(8),))
        return SeqStmt((AllocBuffer(c), BufferStore(c, f32(0.0), (i32(0),))))

    assert structural_equal(alloc(), alloc())


def test_structural_equal_sequences_of_different_length_differ() -> None:
    message = mismatch((i32(1), i32(2)), (i32(1),))
    assert message == (
        "structural mismatch at <root>: (IntImm('int32', 1), IntImm('int32', 2)) vs "
        "(IntImm('int32', 1),) (2 vs 1 elements)"
    )


# ---------------------------------------------------------------------------------------------
# Hash


def test_structural_hash_ignores_names() -> None:
    assert structural_hash(vector_add()) == structural_hash(vector_add())
    assert structural_hash(block_func()) == structural_hash(block_func())


def test_structural_hash_differs_for_different_trees() -> None:
    assert structural_hash(vector_add(1)) != structural_hash(vector_add(2))
    assert structural_hash(vector_add(dtype="float16")) != structural_hash(vector_add())
    x, y = Var("x"), Var("y")
    assert structural_hash(Add(x, x)) != structural_hash(Add(x, y))
    assert structural_hash(Add(x, y)) != structural_hash(Sub(x, y))


# ---------------------------------------------------------------------------------------------
# Properties: random expressions over a few variables


_FREE: tuple[Var, ...] = (Var("x"), Var("y"), Var("z"))
_BINARY: tuple[type[BinaryOp], ...] = (Add, Sub, Mul, Min, Max, FloorDiv)


@st.composite
def exprs(draw: st.DrawFn, env: tuple[Var, ...] = _FREE, depth: int = 4) -> PrimExpr:
    """A random int32 expression using the variables ``env`` and `Let`-bound ones."""
    kind = draw(st.sampled_from(("const", "var", "binary", "binary", "let")))
    if depth == 0 or kind == "const":
        return i32(draw(st.integers(-3, 3)))
    if kind == "var":
        return draw(st.sampled_from(env))
    if kind == "binary":
        op = draw(st.sampled_from(_BINARY))
        return op(draw(exprs(env, depth - 1)), draw(exprs(env, depth - 1)))
    var = Var("t")
    return Let(var, draw(exprs(env, depth - 1)), draw(exprs((*env, var), depth - 1)))


def rename(e: PrimExpr, names: dict[Var, Var]) -> PrimExpr:
    """``e`` rebuilt with every variable replaced by a fresh one (consistently)."""
    if isinstance(e, Var):
        return fresh(e, names)
    if isinstance(e, BinaryOp):
        return type(e)(rename(e.a, names), rename(e.b, names))
    if isinstance(e, Let):
        return Let(fresh(e.var, names), rename(e.value, names), rename(e.body, names))
    assert isinstance(e, IntImm)
    return i32(e.value)


def fresh(var: Var, names: dict[Var, Var]) -> Var:
    return names.setdefault(var, Var(var.name + "_renamed", var.dtype))


def change_leaf(e: PrimExpr, index: int) -> tuple[PrimExpr, int]:
    """``e`` with its ``index``-th leaf (DFS) changed, and how many leaves remain to skip."""
    if isinstance(e, IntImm | Var):
        if index > 0:
            return e, index - 1
        return (i32(e.value + 1) if isinstance(e, IntImm) else i32(0)), -1
    if isinstance(e, BinaryOp):
        a, index = change_leaf(e.a, index)
        b, index = change_leaf(e.b, index) if index >= 0 else (e.b, index)
        return type(e)(a, b), index
    assert isinstance(e, Let)
    value, index = change_leaf(e.value, index)
    body, index = change_leaf(e.body, index) if index >= 0 else (e.body, index)
    return Let(e.var, value, body), index


@settings(max_examples=200, deadline=None)
@given(exprs())
def test_structural_property_renaming_keeps_equality_and_hash(e: PrimExpr) -> None:
    renamed = rename(e, {})
    assert structural_equal(e, renamed, map_free_vars=True)
    assert structural_hash(e) == structural_hash(renamed)


@settings(max_examples=200, deadline=None)
@given(exprs(), st.integers(0, 1000))
def test_structural_property_changing_a_leaf_breaks_equality(e: PrimExpr, pick: int) -> None:
    leaves = count_leaves(e)
    changed, _ = change_leaf(rename(e, {}), pick % leaves)
    assert not structural_equal(e, changed, map_free_vars=True)
    assert not structural_equal(changed, e, map_free_vars=True)
    assert structural_hash(e) != structural_hash(changed)


def count_leaves(e: PrimExpr) -> int:
    if isinstance(e, BinaryOp):
        return count_leaves(e.a) + count_leaves(e.b)
    if isinstance(e, Let):
        return count_leaves(e.value) + count_leaves(e.body)
    return 1


def test_buffer_map_order_does_not_matter() -> None:
    """TVM's buffer_map is a Map: entries pair up through their parameters, not their order."""
    func = vector_add()
    shuffled = dataclasses.replace(func, buffer_map=dict(reversed(func.buffer_map.items())))
    assert structural_equal(func, shuffled)
    assert structural_hash(func) == structural_hash(shuffled)
    swapped_params = dataclasses.replace(func, params=tuple(reversed(func.params)))
    assert not structural_equal(func, swapped_params)
