"""The Relax IR builder used directly (no parser): frames, bindings, normalisation, checks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tvmscript.core.ir.module import IRModule
from tvmscript.core.ir.structural import structural_equal
from tvmscript.core.relax import expr as X
from tvmscript.core.relax import op
from tvmscript.core.relax.struct_info import (
    FuncStructInfo,
    ObjectStructInfo,
    ShapeStructInfo,
    TensorStructInfo,
    TupleStructInfo,
)
from tvmscript.core.tir import expr as E
from tvmscript.script.ir_builder import ir as I
from tvmscript.script.ir_builder import relax as B
from tvmscript.script.ir_builder.base import BuilderError, IRBuilder
from tvmscript.script.ir_builder.relax import RelaxError


@contextmanager
def function(name: str = "main", **options: bool) -> Iterator[IRBuilder]:
    """A builder with one open function named ``name``."""
    with IRBuilder() as builder, B.function(**options):
        B.func_name(name)
        yield builder


@contextmanager
def scratch(**options: bool) -> Iterator[B.FunctionFrame]:
    """An open function that is never finished (for calls expected to fail)."""
    with IRBuilder() as builder, scratch_in(builder, **options) as frame:
        yield frame


@contextmanager
def scratch_in(builder: IRBuilder, **options: bool) -> Iterator[B.FunctionFrame]:
    """`scratch` in an existing builder."""
    frame = B.function(**options)
    builder.push(frame)
    try:
        yield frame
    finally:
        builder.pop(frame)


def bindings(func: X.Function) -> list[X.Binding]:
    assert isinstance(func.body, X.SeqExpr)
    return [b for block in func.body.blocks for b in block.bindings]


def t(*dims: int | str, dtype: str = "float32") -> TensorStructInfo:
    return B.Tensor(dims, dtype)


def test_function_has_params_body_and_global_symbol() -> None:
    with function() as builder:
        x = B.arg("x", t(2, 3))
        B.func_ret_value(B.emit(op.exp(x)))
    func = builder.get()
    assert isinstance(func, X.Function)
    assert [p.name_hint for p in func.params] == ["x"]
    assert func.attrs == {"global_symbol": "main"}
    assert structural_equal(func.ret_struct_info, t(2, 3))


def test_private_function_has_no_global_symbol() -> None:
    with function(is_private=True) as builder:
        x = B.arg("x", t(2))
        B.func_ret_value(x)
    func = builder.get()
    assert func.private
    assert "global_symbol" not in func.attrs


def test_emitted_names_follow_tvm_name_supply() -> None:
    with function() as builder:
        x = B.arg("x", t(4))
        a = B.emit(op.exp(x))
        with B.dataflow():
            b = B.emit(op.exp(a))
            c = B.emit(op.add(op.multiply(b, b), b))
            B.output(c)
        B.func_ret_value(B.emit(op.exp(a)))
    names = [b.var.name_hint for b in bindings(builder.get())]
    assert names == ["gv", "lv", "lv1", "lv2", "gv1"]


def test_nested_calls_are_bound_first() -> None:
    with function() as builder:
        x = B.arg("x", t(4))
        y = B.emit(op.add(op.exp(x), x))
        B.func_ret_value(y)
    first, second = bindings(builder.get())
    assert isinstance(first.value, X.Call)
    assert isinstance(second.value, X.Call)
    assert second.value.args[0] is first.var


def test_dataflow_outputs_become_plain_vars() -> None:
    with function() as builder:
        x = B.arg("x", t(4))
        with B.dataflow() as block:
            lv = B.emit(op.exp(x))
            out = B.emit(op.exp(lv))
            B.output(out)
        B.func_ret_value(block.output_vars[0])
    func = builder.get()
    assert isinstance(func.body, X.SeqExpr)
    [df] = func.body.blocks
    assert isinstance(df, X.DataflowBlock)
    assert [type(b.var) for b in df.bindings] == [X.DataflowVar, X.Var]
    assert func.body.body is df.bindings[1].var


def test_binding_after_output_is_an_error() -> None:
    with scratch(), B.dataflow():
        x = B.arg("x", t(4))
        lv = B.emit(op.exp(x))
        B.output(lv)
        with pytest.raises(RelaxError, match="no binding may follow") as info:
            B.emit(op.exp(lv))
    assert info.value.code == "binding-after-output"


def test_output_outside_dataflow_is_an_error() -> None:
    with scratch():
        x = B.arg("x", t(4))
        with pytest.raises(RelaxError) as info:
            B.output(x)
    assert info.value.code == "output-outside-dataflow"


def test_output_of_a_var_of_another_block_is_an_error() -> None:
    with scratch(), B.dataflow():
        x = B.arg("x", t(4))
        with pytest.raises(RelaxError, match="not defined in this dataflow block"):
            B.output(x)


def test_annotation_less_specific_than_inference_is_kept_for_calls() -> None:
    with function() as builder:
        x = B.arg("x", t(2, 3))
        y = B.emit(op.exp(x), B.Object())
        B.func_ret_value(y)
    assert isinstance(y.struct_info, ObjectStructInfo)
    assert isinstance(builder.get().ret_struct_info, ObjectStructInfo)


def test_annotation_of_a_variable_value_is_only_checked() -> None:
    with scratch():
        x = B.arg("x", t(2, 3))
        y = B.emit(x, B.Tensor(ndim=2))
    assert y.struct_info is x.struct_info


def test_annotation_that_contradicts_inference_is_an_error() -> None:
    with scratch():
        x = B.arg("x", t(3, 4))
        with pytest.raises(RelaxError, match=r"contradicts the struct info") as info:
            B.emit(op.exp(x), t(3, 5))
    assert info.value.code == "annotation-mismatch"


def test_annotation_with_an_undefined_symbolic_var_is_an_error() -> None:
    with scratch():
        x = B.arg("x", t("n", 4))
        k = E.Var("k", "int64")
        with pytest.raises(RelaxError, match="'k' is not defined") as info:
            B.emit(op.exp(x), B.Tensor((k, 4), "float32"))
    assert info.value.code == "undefined-symbolic-var"


def test_match_cast_defines_symbolic_vars() -> None:
    n, m = E.Var("n", "int64"), E.Var("m", "int64")
    with function() as builder:
        x = B.arg("x", B.Tensor(dtype="float32", ndim=2))
        a = B.emit_match_cast(x, B.Tensor((n, m), "float32"))
        b = B.emit(op.exp(a), B.Tensor((n, m), "float32"))
        B.func_ret_value(b)
    func = builder.get()
    assert isinstance(bindings(func)[0], X.MatchCast)
    ret = func.ret_struct_info
    assert isinstance(ret, TensorStructInfo)
    assert (ret.shape, ret.ndim) == (None, 2)  # n, m are not defined by a parameter


def test_impossible_match_cast_is_an_error() -> None:
    with scratch():
        x = B.arg("x", t(4))
        with pytest.raises(RelaxError) as info:
            B.emit_match_cast(x, t(4, dtype="int32"))
    assert info.value.code == "impossible-match-cast"


def test_string_dims_are_one_var_per_name() -> None:
    with function() as builder:
        x = B.arg("x", t("n", 4))
        y = B.arg("y", B.Shape(["n", "m"]))
        z = B.arg("z", B.Tensor(("n * m",), "float32"))
        B.func_ret_value(x)
    params = builder.get().params
    n = params[0].struct_info.shape.values[0]
    assert y.struct_info.values[0] is n
    assert isinstance(z.struct_info.shape.values[0], E.Mul)


def test_if_joins_the_branches() -> None:
    with function() as builder:
        c = B.arg("c", B.Tensor((), "bool"))
        x = B.arg("x", t(2, 3))
        with B.If(c) as frame:
            with B.Then():
                IRBuilder.name("y", B.emit(op.permute_dims(x)))
            with B.Else():
                IRBuilder.name("y", B.emit(x))
        assert frame.var is not None
        B.func_ret_value(frame.var)
    func = builder.get()
    [binding] = bindings(func)
    assert isinstance(binding.value, X.If)
    assert binding.var.name_hint == "y"
    then_body = binding.value.true_branch
    assert isinstance(then_body, X.SeqExpr)
    assert isinstance(then_body.body, X.Var)
    assert then_body.body.name_hint == "y_then"
    else_body = binding.value.false_branch
    assert isinstance(else_body, X.SeqExpr)
    assert else_body.body is x  # `y = x` is dropped: the branch's value is x
    info = binding.var.struct_info
    assert isinstance(info, TensorStructInfo)
    assert (info.shape, info.ndim) == (None, 2)


def _if_binding_y_then_z(c: X.Var, x: X.Var) -> None:
    with B.If(c):
        with B.Then():
            IRBuilder.name("y", B.emit(op.exp(x)))
        with B.Else():
            IRBuilder.name("z", B.emit(op.exp(x)))


def test_if_branches_must_bind_the_same_name() -> None:
    with scratch():
        c = B.arg("c", B.Tensor((), "bool"))
        x = B.arg("x", t(2))
        with pytest.raises(RelaxError) as info:
            _if_binding_y_then_z(c, x)
    assert info.value.code == "if-branch-mismatch"


def test_if_inside_dataflow_is_an_error() -> None:
    with scratch(), B.dataflow():
        c = B.arg("c", B.Tensor((), "bool"))
        with pytest.raises(RelaxError) as info, B.If(c):
            pass
    assert info.value.code == "if-in-dataflow"


def test_tuple_values_and_items() -> None:
    with function() as builder:
        x = B.arg("x", t(2))
        pair = B.emit(X.Tuple((x, op.exp(x))))
        first = B.emit(B.TupleGetItem(pair, 1))
        B.func_ret_value(first)
    names = [b.var.name_hint for b in bindings(builder.get())]
    assert names == ["gv", "gv1", "gv2"]
    assert isinstance(pair.struct_info, TupleStructInfo)


def test_tuple_index_out_of_range_is_an_error() -> None:
    with scratch():
        x = B.arg("x", t(2))
        pair = B.emit(X.Tuple((x, x)))
        with pytest.raises(RelaxError) as info:
            B.TupleGetItem(pair, 2)
    assert info.value.code == "tuple-index-out-of-range"


def test_impure_call_in_dataflow_is_an_error() -> None:
    with scratch(is_pure=False), B.dataflow():
        x = B.arg("x", t(2))
        with pytest.raises(RelaxError) as info:
            B.emit(op.print(x, format="x"))
    assert info.value.code == "impure-call-in-dataflow"


def _function_printing_its_argument() -> None:
    with function():
        x = B.arg("x", t(2))
        B.emit(op.print(x, format="x"))
        B.func_ret_value(x)


def test_impure_call_in_pure_function_is_an_error() -> None:
    with pytest.raises(RelaxError) as info:
        _function_printing_its_argument()
    assert info.value.code == "impure-call-in-pure-function"


def test_force_pure_attribute_allows_impure_calls() -> None:
    with function() as builder:
        x = B.arg("x", t(2))
        B.func_attr({"relax.force_pure": True})
        B.emit(op.print(x, format="x"))
        B.func_ret_value(x)
    assert builder.get().attrs["relax.force_pure"] is True


def test_missing_return_is_an_error() -> None:
    with pytest.raises(RelaxError) as info, function():
        B.arg("x", t(2))
    assert info.value.code == "missing-return"


def test_closure_is_left_to_the_enclosing_function() -> None:
    with function() as builder:
        x = B.arg("x", t(2))
        with B.function() as inner:
            v = B.arg("v", t(2))
            B.func_ret_value(B.emit(op.multiply(v, x)))
        f = B.emit(inner.result)
        B.func_ret_value(B.emit(B.call_function(f, [x])))
    func = builder.get()
    closure, call = bindings(func)
    assert isinstance(closure.value, X.Function)
    assert closure.value.attrs == {}
    assert isinstance(closure.var.struct_info, FuncStructInfo)
    assert structural_equal(call.var.struct_info, t(2))


def test_module_functions_are_called_by_their_signature() -> None:
    with IRBuilder() as builder, I.ir_module() as module:
        gv = I.decl_function("step")
        main = I.decl_function("main")
        module.set_signature(gv, FuncStructInfo((t(4),), t(4)))
        with B.function():
            B.func_name("main")
            x = B.arg("x", t(4))
            B.func_ret_value(B.emit(B.call_function(gv, [x])))
        with B.function():
            B.func_name("step")
            y = B.arg("y", t(4))
            B.func_ret_value(y)
        del main
    mod = builder.get()
    assert isinstance(mod, IRModule)
    assert [g.name_hint for g in mod.functions] == ["step", "main"]
    main_func = mod["main"]
    assert isinstance(main_func, X.Function)
    assert structural_equal(main_func.ret_struct_info, t(4))


def test_call_of_module_function_with_wrong_arity_is_an_error() -> None:
    with IRBuilder() as builder:
        module = I.ir_module()
        builder.push(module)  # left open: the module is never finished
        gv = I.decl_function("step")
        module.set_signature(gv, FuncStructInfo((t(4), t(4)), t(4)))
        with scratch_in(builder):
            x = B.arg("x", t(4))
            with pytest.raises(RelaxError) as info:
                B.call_function(gv, [x])
    assert info.value.code == "call-arity-mismatch"


def test_vdevice_strings_name_the_module_devices() -> None:
    with IRBuilder(), I.ir_module():
        I.module_global_infos({"vdevice": [I.vdevice("llvm"), I.vdevice({"kind": "cuda"})]})
        cuda = B.Tensor((2,), "float32", "cuda")
        assert cuda.vdevice is not None
        assert cuda.vdevice.target.kind == "cuda"
        with pytest.raises(RelaxError) as info:
            B.Tensor((2,), "float32", "llvm:1")
    assert info.value.code == "unknown-vdevice"


def test_tensor_annotation_rejects_shape_and_ndim() -> None:
    with pytest.raises(ValueError, match="a shape or ndim, not both"):
        B.Tensor((4,), "float32", ndim=2)


def test_tensor_annotation_takes_dtype_first() -> None:
    info = B.Tensor("float32", ndim=2)
    assert (info.dtype, info.ndim, info.shape) == ("float32", 2, None)


def test_dtype_aliases_are_normalised() -> None:
    assert B.Tensor((2,), "float").dtype == "float32"


def test_shape_annotation() -> None:
    assert B.Shape(ndim=2).ndim == 2
    assert isinstance(B.Shape([1, 2]), ShapeStructInfo)


def test_bare_annotations_are_struct_info() -> None:
    assert isinstance(B.as_struct_info(B.Tuple), TupleStructInfo)
    assert isinstance(B.as_struct_info(B.Tensor), TensorStructInfo)


def test_builder_outside_a_function_is_an_error() -> None:
    with IRBuilder(), pytest.raises(BuilderError):
        B.arg("x", t(2))
