"""Parsing Relax functions: signatures, bindings, dataflow, branches, modules and calls."""

from __future__ import annotations

from typing import Any

import numpy as np
from conftest import script

import tvmscript
from tvmscript.core.ir.module import IRModule
from tvmscript.core.ir.structural import structural_equal
from tvmscript.core.relax import expr as X
from tvmscript.core.relax.struct_info import (
    FuncStructInfo,
    ObjectStructInfo,
    PrimStructInfo,
    ShapeStructInfo,
    TensorStructInfo,
    TupleStructInfo,
)
from tvmscript.core.tir import expr as E

HEADER = "from tvm.script import ir as I, relax as R, tirx as T\n"


def parse(text: str, extra_vars: dict[str, Any] | None = None) -> Any:
    return tvmscript.from_source(HEADER + script(text), extra_vars=extra_vars)


def bindings(func: X.Function) -> list[X.Binding]:
    assert isinstance(func.body, X.SeqExpr)
    return [b for block in func.body.blocks for b in block.bindings]


def tensor_dims(info: object) -> tuple[object, ...] | None:
    assert isinstance(info, TensorStructInfo)
    values = info.shape_values
    return None if values is None else tuple(getattr(v, "value", v) for v in values)


def test_lone_function_parses_to_a_function() -> None:
    func = parse("""
        @R.function
        def main(x: R.Tensor((2, 3), "float32")) -> R.Tensor((2, 3), "float32"):
            y = R.exp(x)
            return y
    """)
    assert isinstance(func, X.Function)
    assert func.attrs["global_symbol"] == "main"
    [binding] = bindings(func)
    assert binding.var.name_hint == "y"
    assert tensor_dims(binding.var.struct_info) == (2, 3)


def test_signature_annotations() -> None:
    func = parse("""
        @R.function
        def f(
            a: R.Tensor(("n", 4), "float32"),
            b: R.Tensor(ndim=2),
            c: R.Tensor,
            d: R.Shape(["n", "m"]),
            e: R.Shape(ndim=2),
            f: R.Tuple(R.Tensor((2,), "int32"), R.Object),
            g: R.Object,
            h: R.Prim("int64"),
            i: R.Callable([R.Tensor((4,), "float32")], R.Tensor((4,), "float32")),
            j: T.float32,
        ):
            return a
    """)
    a, b, c, d, e, f, g, h, i, j = (p.struct_info for p in func.params)
    assert isinstance(a, TensorStructInfo)
    assert isinstance(d, ShapeStructInfo)
    assert a.shape_values is not None
    assert d.values is not None
    assert a.shape_values[0] is d.values[0]  # one "n" per function
    assert isinstance(b, TensorStructInfo)
    assert (b.ndim, b.dtype) == (2, "void")
    assert isinstance(c, TensorStructInfo)
    assert c.ndim == -1
    assert isinstance(e, ShapeStructInfo)
    assert e.ndim == 2
    assert isinstance(f, TupleStructInfo)
    assert isinstance(f.fields[1], ObjectStructInfo)
    assert isinstance(g, ObjectStructInfo)
    assert isinstance(h, PrimStructInfo)
    assert h.dtype == "int64"
    assert isinstance(i, FuncStructInfo)
    assert i.purity
    assert isinstance(j, PrimStructInfo)
    assert j.dtype == "float32"


def test_string_expression_dims_use_the_signature_names() -> None:
    func = parse("""
        @R.function
        def f(x: R.Tensor(("n * m",), "float32"), s: R.Shape(["n", "m"])):
            return x
    """)
    x, s = (p.struct_info for p in func.params)
    dim = x.shape_values[0]
    assert isinstance(dim, E.Mul)
    assert (dim.a, dim.b) == s.values


def test_typevar_dims_are_fresh_in_each_function() -> None:
    mod = tvmscript.from_source(
        HEADER
        + script("""
        from typing import TypeVar
        n = TypeVar("n")

        @I.ir_module
        class Module:
            @R.function
            def f(x: R.Tensor((n, 4), "float32")) -> R.Tensor((n, 4), "float32"):
                y = R.reshape(x, R.shape([n, 4]))
                return y

            @R.function
            def g(x: R.Tensor((n,), "float32")):
                return x
    """)
    )
    f, g = mod["f"], mod["g"]
    n_f = f.params[0].struct_info.shape_values[0]
    assert isinstance(n_f, E.Var)
    assert n_f is not g.params[0].struct_info.shape_values[0]
    assert f.ret_struct_info.shape_values[0] is n_f


def test_body_redeclaration_names_the_signature_dim() -> None:
    func = parse("""
        @R.function
        def f(x: R.Tensor(("n", 4), "float32")):
            n = T.int64()
            y: R.Tensor((n, 4), "float32") = R.exp(x)
            return y
    """)
    [binding] = bindings(func)
    assert binding.var.struct_info.shape_values[0] is func.params[0].struct_info.shape_values[0]


def test_dataflow_block_and_output() -> None:
    func = parse("""
        @R.function
        def f(x: R.Tensor((4,), "float32")):
            with R.dataflow():
                a = R.exp(x)
                b = R.add(a, x)
                R.output(b)
            return b
    """)
    [block] = func.body.blocks
    assert isinstance(block, X.DataflowBlock)
    a, b = block.bindings
    assert type(a.var) is X.DataflowVar
    assert type(b.var) is X.Var
    assert func.body.body is b.var


def test_nested_calls_get_tvm_names() -> None:
    func = parse("""
        @R.function
        def f(x: R.Tensor((4,), "float32")):
            y = R.exp(x)
            z = R.multiply(R.exp(y), y)
            return R.add(z, z)
    """)
    assert [b.var.name_hint for b in bindings(func)] == ["y", "gv1", "z", "gv3"]


def test_annotated_binding_keeps_the_annotation_of_a_call() -> None:
    func = parse("""
        @R.function
        def f(x: R.Tensor("float32", ndim=2)):
            y: R.Tensor((4, 4), "float32") = R.exp(x)
            return y
    """)
    assert tensor_dims(bindings(func)[0].var.struct_info) == (4, 4)
    assert tensor_dims(func.ret_struct_info) == (4, 4)


def test_tuples_unpacking_and_items() -> None:
    func = parse("""
        @R.function
        def f(pair: R.Tuple(R.Tensor((4,), "float32"), R.Tensor((4,), "float32"))):
            a = pair[0]
            s, d = R.add(a, a), R.subtract(a, a)
            nested = (s, (d, a))
            return (nested[1], s)
    """)
    names = [b.var.name_hint for b in bindings(func)]
    assert names == ["a", "s", "d", "nested", "gv4"]
    body = func.body.body
    assert isinstance(body, X.Tuple)
    assert isinstance(func.ret_struct_info, TupleStructInfo)


def test_match_cast_defines_dims_and_erases_them_from_the_result() -> None:
    func = parse("""
        @R.function
        def f(x: R.Tensor(ndim=2, dtype="float32")):
            n = T.int64()
            m = T.int64()
            a = R.match_cast(x, R.Tensor((n, m), "float32"))
            b = R.sum(a, axis=1)
            return b
    """)
    first, second = bindings(func)
    assert isinstance(first, X.MatchCast)
    assert isinstance(second.var.struct_info, TensorStructInfo)
    assert second.var.struct_info.shape_values is not None
    ret = func.ret_struct_info
    assert isinstance(ret, TensorStructInfo)
    assert (ret.shape, ret.ndim) == (None, 1)


def test_if_else_joins_the_branches() -> None:
    func = parse("""
        @R.function
        def f(c: R.Tensor((), "bool"), x: R.Tensor((2, 3), "float32")):
            if c:
                y = R.permute_dims(x)
            else:
                y = x
            return y
    """)
    [binding] = bindings(func)
    assert isinstance(binding.value, X.If)
    assert binding.var.name_hint == "y"
    assert binding.value.true_branch.body.name_hint == "y_then"
    info = binding.var.struct_info
    assert (info.shape, info.ndim, info.dtype) == (None, 2, "float32")


def test_module_with_prim_func_and_call_tir() -> None:
    mod = parse("""
        @I.ir_module
        class Module:
            @R.function
            def main(x: R.Tensor((4,), "float32")) -> R.Tensor((4,), "float32"):
                cls = Module
                with R.dataflow():
                    y = R.call_tir(cls.add_one, (x,), out_ty=R.Tensor((4,), "float32"))
                    R.output(y)
                return y

            @T.prim_func(private=True)
            def add_one(A: T.Buffer((4,), "float32"), B: T.Buffer((4,), "float32")):
                for i in range(4):
                    B[i] = A[i] + T.float32(1)
    """)
    assert isinstance(mod, IRModule)
    assert [gv.name_hint for gv in mod.functions] == ["main", "add_one"]
    [binding] = bindings(mod["main"])
    call = binding.value
    assert isinstance(call, X.Call)
    assert call.args[0] is mod.get_global_var("add_one")
    assert tensor_dims(binding.var.struct_info) == (4,)


def test_call_tir_accepts_the_seed_spelling_out_sinfo() -> None:
    mod = parse("""
        @I.ir_module
        class Module:
            @T.prim_func
            def copy(A: T.Buffer((4,), "float32"), B: T.Buffer((4,), "float32")):
                for i in range(4):
                    B[i] = A[i]

            @R.function
            def main(x: R.Tensor((4,), "float32")):
                cls = Module
                y = R.call_tir(cls.copy, (x,), out_sinfo=R.Tensor((4,), "float32"))
                return y
    """)
    assert tensor_dims(mod["main"].ret_struct_info) == (4,)


def test_calls_between_functions_use_the_callee_signature() -> None:
    mod = parse("""
        @I.ir_module
        class Module:
            @R.function
            def main(x: R.Tensor((3, 5), "float32")):
                cls = Module
                y = cls.step(x)
                return y

            @R.function
            def step(x: R.Tensor(("n", "m"), "float32")) -> R.Tensor(("m", "n"), "float32"):
                return R.permute_dims(x)
    """)
    assert tensor_dims(mod["main"].ret_struct_info) == (5, 3)


def test_module_name_works_without_cls() -> None:
    mod = parse("""
        @I.ir_module
        class Module:
            @R.function
            def helper(x: R.Tensor((4,), "float32")) -> R.Tensor((4,), "float32"):
                return x

            @R.function
            def main(x: R.Tensor((4,), "float32")):
                return Module.helper(x)
    """)
    assert tensor_dims(mod["main"].ret_struct_info) == (4,)


def test_callee_without_declared_result_gives_object() -> None:
    mod = parse("""
        @I.ir_module
        class Module:
            @R.function
            def main(x: R.Tensor((4,), "float32")):
                cls = Module
                y = cls.step(x)
                return y

            @R.function
            def step(x: R.Tensor((4,), "float32")):
                return R.exp(x)
    """)
    assert isinstance(mod["main"].ret_struct_info, ObjectStructInfo)


def test_closure_is_bound_to_its_name() -> None:
    func = parse("""
        @R.function
        def main(x: R.Tensor((8,), "float32"), s: R.Tensor((8,), "float32")):
            @R.function
            def scaled(v: R.Tensor((8,), "float32")) -> R.Tensor((8,), "float32"):
                r = R.multiply(v, s)
                return r
            y = scaled(x)
            return y
    """)
    closure, call = bindings(func)
    assert closure.var.name_hint == "scaled"
    assert isinstance(closure.value, X.Function)
    assert isinstance(call.value, X.Call)
    assert call.value.op is closure.var
    assert tensor_dims(call.var.struct_info) == (8,)


def test_macro_expands_at_its_call() -> None:
    func = tvmscript.from_source(
        HEADER
        + script("""
        @R.macro
        def double(x):
            y = R.add(x, x)
            return y

        @R.function
        def f(x: R.Tensor((3,), "float32")):
            z = double(x)
            return z
    """)
    )
    assert [b.var.name_hint for b in bindings(func)] == ["y", "z"]


def test_void_call_statement_is_bound_to_underscore() -> None:
    func = parse("""
        @R.function(pure=False)
        def f(x: R.Tensor((4,), "float32")):
            R.print(x, format=R.str("x = {}"))
            y = R.add(x, x)
            return y
    """)
    first, second = bindings(func)
    assert first.var.name_hint == "_"
    assert second.var.name_hint == "y"
    assert func.is_pure is False


def test_python_operators_call_relax_operators() -> None:
    func = parse("""
        @R.function
        def f(x: R.Tensor((4,), "float32"), y: R.Tensor((4,), "float32")):
            z = x + y * x
            w = z < y
            return w
    """)
    ops = [b.value.op.name for b in bindings(func)]
    assert ops == ["relax.multiply", "relax.add", "relax.less"]


def test_metadata_constants_come_from_extra_vars() -> None:
    data = np.arange(6, dtype="float32").reshape(2, 3)
    func = parse(
        """
        @R.function
        def f(x: R.Tensor((2, 3), "float32")):
            y = R.add(x, metadata["ir.GenericConst"][0])
            return y
        """,
        {"metadata": {"ir.GenericConst": [data]}},
    )
    [binding] = bindings(func)
    const = binding.value.args[1]
    assert isinstance(const, X.Constant)
    assert np.array_equal(const.data, data)


def test_module_attrs_and_vdevices() -> None:
    mod = parse("""
        @I.ir_module
        class Module:
            I.module_attrs({"attr": 10})
            I.module_global_infos({"vdevice": [I.vdevice("llvm"), I.vdevice("cuda", 0)]})

            @R.function
            def main(x: R.Tensor((2,), "float32", "cuda")):
                return x
    """)
    assert mod.attrs == {"attr": 10}
    vdevice = mod["main"].params[0].struct_info.vdevice
    assert vdevice is mod.global_infos["vdevice"][1]


def test_func_attr_and_private() -> None:
    mod = parse("""
        @I.ir_module
        class Module:
            @R.function(private=True)
            def helper(x: R.Tensor((2,), "float32")):
                R.func_attr({"num_input": 1})
                return x
    """)
    helper = mod["helper"]
    assert helper.private
    assert helper.attrs == {"num_input": 1}


def test_printed_corpus_style_roundtrips_structurally() -> None:
    hand = parse("""
        @R.function
        def f(x: R.Tensor((2, 3), "float32")):
            y = R.nn.relu(R.exp(x))
            return y
    """)
    printed = parse("""
        @R.function
        def f(x: R.Tensor((2, 3), dtype="float32")) -> R.Tensor((2, 3), dtype="float32"):
            gv: R.Tensor((2, 3), dtype="float32") = R.exp(x)
            y: R.Tensor((2, 3), dtype="float32") = R.nn.relu(gv)
            return y
    """)
    assert structural_equal(hand, printed)
