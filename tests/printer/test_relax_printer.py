"""Hand-built Relax IR → TVM 0.27's exact text (goldens taken from the real TVM's print)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import numpy as np

from tvmscript.core.ir.global_info import VDevice
from tvmscript.core.ir.module import GlobalVar, IRModule
from tvmscript.core.ir.node import Node
from tvmscript.core.ir.op import get_op
from tvmscript.core.ir.target import Target
from tvmscript.core.relax import expr as rx
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
from tvmscript.core.tir.buffer import make_buffer
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.stmt import Evaluate
from tvmscript.script.printer import print_script

Dim = int | E.PrimExpr
F32 = "float32"


def i64(v: int) -> E.IntImm:
    return E.IntImm("int64", v)


def dims(values: Sequence[Dim]) -> tuple[E.PrimExpr, ...]:
    return tuple(i64(v) if isinstance(v, int) else v for v in values)


def tensor(*shape: Dim, dtype: str = F32, vdevice: VDevice | None = None) -> TensorStructInfo:
    return TensorStructInfo(rx.ShapeExpr(dims(shape)), dtype, vdevice=vdevice)


def var(name: str, info: StructInfo | None, cls: type[rx.Var] = rx.Var) -> rx.Var:
    return cls(name, struct_info=info)


def call(
    name: str,
    *args: rx.Expr,
    info: StructInfo | None = None,
    attrs: dict[str, object] | None = None,
    sinfo_args: Sequence[StructInfo] = (),
) -> rx.Call:
    return rx.Call(get_op("relax." + name), args, attrs or {}, tuple(sinfo_args), struct_info=info)


def func(
    params: Sequence[rx.Var],
    blocks: Sequence[rx.BindingBlock],
    body: rx.Expr,
    ret: StructInfo,
    **options: object,
) -> rx.Function:
    return rx.Function(tuple(params), rx.SeqExpr(tuple(blocks), body), ret, **options)  # type: ignore[arg-type]


def block(*bindings: rx.Binding, dataflow: bool = False) -> rx.BindingBlock:
    return (rx.DataflowBlock if dataflow else rx.BindingBlock)(bindings)


def bind(v: rx.Var, value: rx.Expr) -> rx.VarBinding:
    return rx.VarBinding(v, value)


def module(**functions: Node) -> IRModule:
    return IRModule({GlobalVar(name): f for name, f in functions.items()})


def golden(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


def function_text(text: str) -> str:
    """The printed text from the ``def`` line on (no header, no type variables)."""
    return text[text.index("def ") :]


def empty_prim_func(name: str) -> PrimFunc:
    a = make_buffer("A", (E.IntImm("int32", 4),), F32)
    handle = E.Var("A_handle", "handle")
    return PrimFunc((handle,), Evaluate(E.IntImm("int32", 0)), {handle: a}, {"global_symbol": name})


def test_dataflow_block_prints_outputs_and_shows_every_annotation() -> None:
    x = var("x", tensor(4, 16))
    w = var("w", tensor(16, 32))
    mm = var("matmul", tensor(4, 32), rx.DataflowVar)
    gv = var("gv", tensor(4, 32))
    matmul = call("matmul", x, w, info=tensor(4, 32), attrs={"out_dtype": None})
    f = func(
        [x, w],
        [block(bind(mm, matmul), bind(gv, mm), dataflow=True)],
        gv,
        tensor(4, 32),
        attrs={"global_symbol": "main", "num_input": 1},
    )
    assert print_script(module(main=f)) == golden("""
        # from tvm.script import ir as I
        # from tvm.script import relax as R

        @I.ir_module
        class Module:
            @R.function
            def main(x: R.Tensor((4, 16), dtype="float32"), w: R.Tensor((16, 32), dtype="float32")) -> R.Tensor((4, 32), dtype="float32"):
                R.func_attr({"num_input": 1})
                with R.dataflow():
                    matmul: R.Tensor((4, 32), dtype="float32") = R.matmul(x, w, out_dtype=None)
                    gv: R.Tensor((4, 32), dtype="float32") = matmul
                    R.output(gv)
                return gv
    """)  # noqa: E501


def test_call_tir_hides_an_annotation_equal_to_its_output_and_aliases_the_module() -> None:
    x = var("x", tensor(8))
    out = tensor(8)
    lv = var("lv", tensor(8))
    lv1 = var("lv1", TensorStructInfo(None, F32, 1))
    gv = GlobalVar("exp")
    args = rx.Tuple((x,))
    f = func(
        [x],
        [
            block(
                bind(lv, call("call_tir", gv, args, sinfo_args=[out])),
                bind(lv1, call("call_tir", gv, args, sinfo_args=[out])),
            )
        ],
        lv1,
        out,
        attrs={"global_symbol": "main"},
    )
    mod = IRModule({gv: empty_prim_func("exp"), GlobalVar("main"): f})
    text = print_script(mod)
    expected = golden("""
        @R.function
        def main(x: R.Tensor((8,), dtype="float32")) -> R.Tensor((8,), dtype="float32"):
            cls = Module
            lv = R.call_tir(cls.exp, (x,), out_ty=R.Tensor((8,), dtype="float32"))
            lv1: R.Tensor(dtype="float32", ndim=1) = R.call_tir(cls.exp, (x,), out_ty=R.Tensor((8,), dtype="float32"))
            return lv1
    """)  # noqa: E501
    assert textwrap.indent(expected, "    ") in text
    assert text.index("def exp") < text.index("def main")


def test_signature_dims_are_type_vars_and_compound_ones_strings() -> None:
    n, m = E.Var("n", "int64"), E.Var("m", "int64")
    x = var("x", tensor(E.Mul(n, m)))
    s = var("s", ShapeStructInfo(dims([n, m])))
    y = var("y", tensor(n, m))
    reshape = call("reshape", x, rx.ShapeExpr(dims([n, m])), info=tensor(n, m))
    f = func([x, s], [block(bind(y, reshape))], y, tensor(n, m), attrs={"global_symbol": "main"})
    assert print_script(module(main=f)) == golden("""
        # from typing import TypeVar
        # from tvm.script import ir as I
        # from tvm.script import relax as R

        m = TypeVar("m")
        n = TypeVar("n")
        @I.ir_module
        class Module:
            @R.function
            def main(x: R.Tensor(("n * m",), dtype="float32"), s: R.Shape([n, m])) -> R.Tensor((n, m), dtype="float32"):
                y: R.Tensor((n, m), dtype="float32") = R.reshape(x, R.shape([n, m]))
                return y
    """)  # noqa: E501


def test_match_cast_declares_its_new_dims_at_the_top_of_the_function() -> None:
    n, m = E.Var("n", "int64"), E.Var("m", "int64")
    x = var("x", TensorStructInfo(None, F32, 2))
    lv = var("lv", tensor(n, m))
    f = func(
        [x],
        [block(rx.MatchCast(lv, x, tensor(n, m)))],
        lv,
        TensorStructInfo(None, F32, 2),
        attrs={"global_symbol": "f"},
    )
    assert print_script(f) == golden("""
        # from tvm.script import tirx as T
        # from tvm.tirx.layout import Axis
        # from tvm.script import relax as R

        @R.function
        def f(x: R.Tensor(dtype="float32", ndim=2)) -> R.Tensor(dtype="float32", ndim=2):
            n = T.int64()
            m = T.int64()
            lv: R.Tensor((n, m), dtype="float32") = R.match_cast(x, R.Tensor((n, m), dtype="float32"))
            return lv
    """)  # noqa: E501


def test_if_assigns_the_binding_at_the_end_of_each_branch() -> None:
    cond = var("cond", tensor(dtype="bool"))
    x = var("x", tensor(3))
    y, w1, w2 = var("y", tensor(3)), var("w", tensor(3)), var("w", tensor(3))
    z = var("z", tensor(3))
    then = rx.SeqExpr((block(bind(w1, call("exp", x, info=tensor(3)))),), w1)
    other = rx.SeqExpr((block(bind(w2, call("negative", x, info=tensor(3)))),), w2)
    f = func(
        [cond, x],
        [block(bind(y, rx.If(cond, then, other)), bind(z, call("add", y, x, info=tensor(3))))],
        z,
        tensor(3),
        attrs={"global_symbol": "main"},
    )
    assert function_text(print_script(f)) == golden("""
        def main(cond: R.Tensor((), dtype="bool"), x: R.Tensor((3,), dtype="float32")) -> R.Tensor((3,), dtype="float32"):
            if cond:
                w: R.Tensor((3,), dtype="float32") = R.exp(x)
                y: R.Tensor((3,), dtype="float32") = w
            else:
                w: R.Tensor((3,), dtype="float32") = R.negative(x)
                y: R.Tensor((3,), dtype="float32") = w
            z: R.Tensor((3,), dtype="float32") = R.add(y, x)
            return z
    """)  # noqa: E501


def test_nested_function_repeats_the_header_and_declares_its_type_vars() -> None:
    n, n_inner = E.Var("n", "int64"), E.Var("n", "int64")
    x = var("x", tensor(n))
    y = var("y", tensor(n_inner))
    z = var("z", tensor(n_inner))
    inner = func([y], [block(bind(z, call("add", y, y, info=tensor(n_inner))))], z, tensor(n_inner))
    inner_var = var("inner", FuncStructInfo((tensor(n_inner),), tensor(n_inner)))
    a = var("a", tensor(n))
    f = func(
        [x],
        [block(bind(inner_var, inner), bind(a, rx.Call(inner_var, (x,), struct_info=tensor(n))))],
        a,
        tensor(n),
        attrs={"global_symbol": "main"},
    )
    assert print_script(module(main=f)) == golden("""
        # from typing import TypeVar
        # from tvm.script import ir as I
        # from tvm.script import relax as R

        n = TypeVar("n")
        @I.ir_module
        class Module:
            @R.function
            def main(x: R.Tensor((n,), dtype="float32")) -> R.Tensor((n,), dtype="float32"):
                # from typing import TypeVar
                # from tvm.script import relax as R
                PLACEHOLDER
                n_1 = TypeVar("n_1")
                @R.function
                def inner(y: R.Tensor((n_1,), dtype="float32")) -> R.Tensor((n_1,), dtype="float32"):
                    z: R.Tensor((n_1,), dtype="float32") = R.add(y, y)
                    return z

                a: R.Tensor((n,), dtype="float32") = inner(x)
                return a
    """).replace("PLACEHOLDER", "")  # noqa: E501


def test_decorator_marks_private_and_impure_functions() -> None:
    x = var("x", tensor(4))
    private = func([x], [], x, tensor(4))
    x2 = var("x", tensor(4))
    v = var("v", TupleStructInfo(()))
    fmt = rx.StringImm("x = {}", struct_info=ObjectStructInfo())
    printed = call("print", fmt, x2, info=TupleStructInfo(()))
    impure = func(
        [x2], [block(bind(v, printed))], x2, tensor(4), is_pure=False, attrs={"global_symbol": "i"}
    )
    text = print_script(module(helper=private, i=impure))
    assert "    @R.function(private=True)\n    def helper(" in text
    assert "    @R.function(pure=False)\n    def i(" in text
    assert '        R.print(x, format=R.str("x = {}"))\n' in text


def test_packed_calls_print_their_callee_name_and_ty_args() -> None:
    x = var("x", tensor(2, 3))
    y, z = var("y", tensor(2, 3)), var("z", TupleStructInfo(()))
    extern = rx.ExternFunc("vm.builtin.copy")
    pure = call("call_pure_packed", extern, x, info=tensor(2, 3), sinfo_args=[tensor(2, 3)])
    void = TupleStructInfo(())
    packed = rx.Call(rx.ExternFunc("relax.run.print"), (x,), {}, (void,), struct_info=void)
    bindings = [bind(y, pure), bind(z, packed)]
    f = func([x], [block(*bindings)], y, tensor(2, 3), is_pure=False, attrs={"global_symbol": "f"})
    text = print_script(f)
    assert (
        '    y: R.Tensor((2, 3), dtype="float32") = R.call_pure_packed("vm.builtin.copy", x, '
        'ty_args=(R.Tensor((2, 3), dtype="float32"),))\n'
        '    R.call_packed("relax.run.print", x, ty_args=(R.Tuple,))\n'
    ) in text


def test_constants_print_inline_scalars_and_metadata_tensors() -> None:
    x = var("x", tensor(2, 3))
    data = np.arange(6, dtype=F32).reshape(2, 3)
    lv, lv1, lv2 = var("lv", tensor(2, 3)), var("lv1", tensor(2, 3)), var("lv2", tensor(2, 3))
    scalar = rx.Constant(np.array(2.0, dtype=F32), struct_info=tensor(dtype=F32))
    const = rx.Constant(data, struct_info=tensor(2, 3))
    same_data = rx.Constant(data, struct_info=tensor(2, 3))
    f = func(
        [x],
        [
            block(
                bind(lv, call("add", x, const, info=tensor(2, 3))),
                bind(lv1, call("multiply", lv, scalar, info=tensor(2, 3))),
                bind(lv2, call("add", lv1, same_data, info=tensor(2, 3))),
            )
        ],
        lv2,
        tensor(2, 3),
        attrs={"global_symbol": "main"},
    )
    text = print_script(f)
    assert 'R.add(x, metadata["ir.GenericConst"][0])' in text
    assert 'R.multiply(lv, R.const(2.0, "float32"))' in text
    assert 'R.add(lv1, metadata["ir.GenericConst"][0])' in text
    assert text.endswith(
        "    return lv2\n\n# Metadata omitted. Use show_meta=True in script() method to show it."
    )


def test_struct_info_spellings() -> None:
    f_info = FuncStructInfo((tensor(4),), tensor(4), purity=True)
    params = [
        var("a", TensorStructInfo()),
        var("b", TensorStructInfo(None, F32)),
        var("c", TensorStructInfo(None, "void", 3)),
        var("d", ShapeStructInfo(ndim=-1)),
        var("e", ObjectStructInfo()),
        var("f", f_info),
        var("g", FuncStructInfo(None, ObjectStructInfo(), purity=False)),
        var("h", FuncStructInfo(None, tensor(4), purity=True)),
        var("i", PrimStructInfo("bool")),
        var("j", TupleStructInfo(())),
    ]
    f = func(params, [], params[0], TensorStructInfo(), attrs={"global_symbol": "main"})
    head = print_script(f).splitlines()[5]
    callable_f = (
        'R.Callable((R.Tensor((4,), dtype="float32"),), R.Tensor((4,), dtype="float32"), True)'
    )
    assert head == (
        'def main(a: R.Tensor, b: R.Tensor(dtype="float32"), c: R.Tensor(ndim=3), '
        f"d: R.Shape(ndim=-1), e: R.Any, f: {callable_f}, g: R.Callable, "
        'h: R.Callable(ret=R.Tensor((4,), dtype="float32"), purity=True), '
        "i: T.bool, j: R.Tuple) -> R.Tensor:"
    )


def test_vdevice_prints_its_index_among_devices_of_its_kind() -> None:
    llvm0 = VDevice(Target({"kind": "llvm"}), 0)
    cuda0 = VDevice(Target({"kind": "cuda"}), 0)
    llvm1 = VDevice(Target({"kind": "llvm"}), 1)
    x = var("x", tensor(4, vdevice=llvm1))
    f = func([x], [], x, tensor(4, vdevice=llvm1), attrs={"global_symbol": "main"})
    mod = IRModule({GlobalVar("main"): f}, {"attr": 10}, {"vdevice": [llvm0, cuda0, llvm1]})
    assert print_script(mod) == golden("""
        # from tvm.script import ir as I
        # from tvm.script import relax as R

        @I.ir_module
        class Module:
            I.module_attrs({"attr": 10})
            I.module_global_infos({"vdevice": [I.vdevice({"kind": "llvm"}, 0, "global"), I.vdevice({"kind": "cuda"}, 0, "global"), I.vdevice({"kind": "llvm"}, 1, "global")]})
            @R.function
            def main(x: R.Tensor((4,), dtype="float32", vdevice="llvm:1:global")) -> R.Tensor((4,), dtype="float32", vdevice="llvm:1:global"):
                return x
    """)  # noqa: E501


def test_tuples_shapes_and_scalar_values() -> None:
    n = E.Var("n", "int64")
    x = var("x", tensor(n, 4))
    t = var("t", TupleStructInfo((tensor(n, 4), tensor(n, 4))))
    t0 = var("t0", tensor(n, 4))
    s = var("s", ShapeStructInfo(dims([n, E.Mul(i64(2), n)])))
    p = var("p", PrimStructInfo("int64"))
    e = var("e", TupleStructInfo(()))
    bindings = [
        bind(t, rx.Tuple((x, x))),
        bind(t0, rx.TupleGetItem(t, 0)),
        bind(s, rx.ShapeExpr(dims([n, E.Mul(i64(2), n)]))),
        bind(p, rx.PrimValue(E.Add(n, i64(1)))),
        bind(e, rx.Tuple(())),
    ]
    ret = TupleStructInfo((tensor(n, 4), ShapeStructInfo(dims([n]))))
    result = rx.Tuple((x, rx.ShapeExpr(dims([n]))))
    f = func([x], [block(*bindings)], result, ret, attrs={"global_symbol": "main"})
    assert function_text(print_script(f)) == golden("""
        def main(x: R.Tensor((n, 4), dtype="float32")) -> R.Tuple(R.Tensor((n, 4), dtype="float32"), R.Shape([n])):
            t: R.Tuple(R.Tensor((n, 4), dtype="float32"), R.Tensor((n, 4), dtype="float32")) = x, x
            t0: R.Tensor((n, 4), dtype="float32") = t[0]
            s: R.Shape([n, 2 * n]) = R.shape([n, 2 * n])
            p: T.int64 = n + 1
            R.tuple()
            return (x, R.shape([n]))
    """)  # noqa: E501


def test_scalar_parameter_names_its_tir_variable() -> None:
    n_var = E.Var("n", "int64")
    n = var("n", PrimStructInfo("int64", n_var))
    x = var("x", tensor(n_var))
    f = func([n, x], [], x, tensor(n_var), attrs={"global_symbol": "main"})
    assert print_script(f).splitlines()[5] == (
        'def main(n: T.int64, x: R.Tensor((n,), dtype="float32")) -> '
        'R.Tensor((n,), dtype="float32"):'
    )


def test_module_orders_prim_funcs_then_relax_functions_then_main() -> None:
    x = var("x", tensor(4))
    mod = module(
        main=func([x], [], x, tensor(4), attrs={"global_symbol": "main"}),
        a_relax=func([var("x", tensor(4))], [], rx.Tuple(()), TupleStructInfo(())),
        z_prim=empty_prim_func("z_prim"),
    )
    text = print_script(mod)
    assert text.index("def z_prim") < text.index("def a_relax") < text.index("def main")


def test_relax_fragments_print_as_tvm_str() -> None:
    x = var("x", tensor(4))
    assert print_script(x) == "x"
    assert print_script(call("add", x, x, info=tensor(4))) == "R.add(x, x)"
    assert print_script(tensor(E.Var("n", "int64"), 4)) == 'R.Tensor((n, 4), dtype="float32")'


def test_module_extern_function_prints_as_an_assignment() -> None:
    x = var("x", tensor(4))
    mod = module(main=func([x], [], x, tensor(4), attrs={"global_symbol": "main"}),
                 ext_fn=rx.ExternFunc("my_ext"))  # fmt: skip
    assert '    ext_fn = R.ExternFunc("my_ext")\n    @R.function\n    def main(' in print_script(
        mod
    )
