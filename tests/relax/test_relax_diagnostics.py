"""Relax diagnostics: each has a stable code, a position on what it is about and a message."""

from __future__ import annotations

from conftest import script

from tvmscript import check_source
from tvmscript.diagnostics import Diagnostic, render

HEADER = "from tvm.script import ir as I, relax as R, tirx as T"


def diags(text: str) -> list[Diagnostic]:
    """The diagnostics of ``text`` (whose first line must be ``HEADER``)."""
    return check_source(script(text), "k.py")


def pinned(d: Diagnostic) -> tuple[str, int, int]:
    return (d.code, d.line, d.column)


def module(main: str) -> str:
    """A module with the PrimFunc ``add`` (two inputs, one output) and ``main`` (at line 11).

    ``main`` is the Relax function's text, indented as a method of the class.
    """
    return (
        HEADER
        + """
@I.ir_module
class Module:
    @T.prim_func
    def add(A: T.Buffer((4,), "float32"), B: T.Buffer((4,), "float32"),
            C: T.Buffer((4,), "float32")):
        for i in range(4):
            C[i] = A[i] + B[i]

    @R.function
"""
        + main
    )


def mdiags(main: str) -> list[Diagnostic]:
    return check_source(module(main), "k.py")


def test_annotation_contradicting_inference_is_reported_at_the_value() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((3, 4), "float32"), w: R.Tensor((4, 5), "float32")):
            y: R.Tensor((3, 4), "float32") = R.matmul(x, w)
            return y
    """)
    assert pinned(d) == ("annotation-mismatch", 5, 38)
    assert d.message == (
        'the annotation R.Tensor((3, 4), dtype="float32") contradicts the struct info of the '
        'value, R.Tensor((3, 5), dtype="float32")'
    )
    assert "tvmscript/" not in render([d])


def test_operator_inference_error_keeps_its_code() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((4, 8), "float32"), b: R.Tensor((4,), "float32")):
            y = R.add(x, b)
            return y
    """)
    assert pinned(d) == ("shape-mismatch", 5, 9)
    assert 'R.Tensor((4, 8), dtype="float32")' in d.message


def test_wrong_keyword_is_reported_with_the_signature() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((4, 8), "float32")):
            y = R.sum(x, axes=1)
            return y
    """)
    assert pinned(d) == ("invalid-call", 5, 9)
    assert d.message.startswith("R.sum(): got an unexpected keyword argument 'axes'")


def test_dataflow_var_used_after_its_block() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((4,), "float32")):
            with R.dataflow():
                a = R.exp(x)
                b = R.add(a, x)
                R.output(b)
            c = R.multiply(a, b)
            return c
    """)
    assert pinned(d) == ("dataflow-var-outside-block", 9, 20)
    assert d.message == (
        "'a' is local to the dataflow block at line 5; list it in that block's R.output(...) "
        "to use it after the block"
    )


def test_dataflow_block_without_output() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((4,), "float32")):
            with R.dataflow():
                b = R.exp(x)
            return b
    """)
    assert pinned(d) == ("missing-output", 7, 12)
    assert d.message.endswith("end the block with R.output(b)")


def test_binding_after_output() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((4,), "float32")):
            with R.dataflow():
                y = R.exp(x)
                R.output(y)
                z = R.exp(y)
            return y
    """)
    assert pinned(d) == ("binding-after-output", 8, 9)


def test_output_outside_a_dataflow_block() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((4,), "float32")):
            y = R.exp(x)
            R.output(y)
            return y
    """)
    assert pinned(d) == ("output-outside-dataflow", 6, 5)


def test_impure_call_inside_a_dataflow_block() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function(pure=False)
        def f(x: R.Tensor((4,), "float32")):
            with R.dataflow():
                R.print(x, format="x = {{}}")
                y = R.exp(x)
                R.output(y)
            return y
    """)
    assert pinned(d) == ("impure-call-in-dataflow", 6, 9)
    assert d.message.startswith("the impure call of R.print cannot be inside a dataflow block")


def test_impure_call_in_a_pure_function() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((4,), "float32")):
            R.print(x, format="x = {{}}")
            return x
    """)
    assert pinned(d) == ("impure-call-in-pure-function", 5, 5)
    assert d.message.endswith("declare it @R.function(pure=False)")


def test_return_contradicting_the_declared_result_is_a_warning() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((2, 3), "float32")) -> R.Tensor((3, 2), "float32"):
            return x
    """)
    assert (d.severity, *pinned(d)) == ("warning", "return-mismatch", 5, 5)


def test_undefined_symbolic_var_in_an_annotation() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor(("n", 4), "float32")):
            k = T.int64()
            y: R.Tensor((k, 4), "float32") = R.exp(x)
            return y
    """)
    assert pinned(d) == ("undefined-symbolic-var", 6, 38)
    assert d.message.startswith("symbolic variable 'k' is not defined here")


def test_undefined_symbolic_var_in_the_result() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor(("n", 8), "float32")) -> R.Tensor(("m", 8), "float32"):
            return x
    """)
    assert pinned(d) == ("undefined-symbolic-var", 4, 54)
    assert d.message == "symbolic variable 'm' is not defined by a parameter"


def test_string_dim_in_the_body() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor(("n", 4), "float32")):
            y: R.Tensor(("n", 4), "float32") = R.exp(x)
            return y
    """)
    assert pinned(d) == ("string-dim-outside-signature", 5, 8)


def test_missing_parameter_annotation() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((4,), "float32"), y):
            return x
    """)
    assert pinned(d) == ("missing-annotation", 4, 37)


def test_missing_return() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((4,), "float32")):
            y = R.exp(x)
    """)
    assert pinned(d) == ("missing-return", 4, 1)
    assert (d.end_line, d.end_column) == (4, 6)


def test_if_branches_binding_different_names() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(c: R.Tensor((), "bool"), x: R.Tensor((3,), "float32")):
            if c:
                y = R.exp(x)
            else:
                z = R.exp(x)
            return x
    """)
    assert pinned(d) == ("if-branch-mismatch", 5, 5)
    assert d.message.endswith("the then branch binds 'y', the else branch 'z'")


def test_if_without_else() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(c: R.Tensor((), "bool"), x: R.Tensor((3,), "float32")):
            if c:
                y = R.exp(x)
            return y
    """)
    assert pinned(d) == ("missing-else", 5, 5)


def test_if_inside_a_dataflow_block() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(c: R.Tensor((), "bool"), x: R.Tensor((4,), "float32")):
            with R.dataflow():
                if c:
                    z = x
                else:
                    z = R.negative(x)
                R.output(z)
            return z
    """)
    assert pinned(d) == ("if-in-dataflow", 6, 9)


def test_unbound_value_statement() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((3,), "float32")):
            R.add(x, x)
            return x
    """)
    assert pinned(d) == ("unused-value", 5, 5)


def test_unpacking_a_relax_tuple() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((4, 6), "float32")):
            a, b = R.split(x, 2, axis=1)
            return R.add(a, b)
    """)
    assert pinned(d) == ("unpack-relax-value", 5, 12)


def test_indexing_a_tensor() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((4, 3), "float32")):
            row = x[0]
            return row
    """)
    assert pinned(d) == ("not-a-tuple", 5, 11)
    assert d.message == "only tuples can be indexed; 'x' is R.Tensor((4, 3), dtype=\"float32\")"


def test_tuple_index_out_of_range() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((2, 3), "float32")):
            parts = R.split(x, 3, axis=1)
            y = parts[3]
            return y
    """)
    assert pinned(d) == ("tuple-index-out-of-range", 6, 9)


def test_impossible_match_cast() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((4,), "float32")):
            n = T.int64()
            y = R.match_cast(x, R.Tensor((n,), "int32"))
            return y
    """)
    assert pinned(d) == ("impossible-match-cast", 6, 5)


def test_cls_without_its_binding() -> None:
    [d] = mdiags("""\
    def main(x: R.Tensor((4,), "float32")):
        y = R.call_tir(cls.add, (x, x), out_ty=R.Tensor((4,), "float32"))
        return y
""")
    assert d.code == "missing-cls-binding"
    assert d.message.startswith("undefined name 'cls': write 'cls = Module'")


def test_unknown_module_function() -> None:
    [d] = mdiags("""\
    def main(x: R.Tensor((4,), "float32")):
        cls = Module
        y = R.call_tir(cls.ad, (x, x), out_ty=R.Tensor((4,), "float32"))
        return y
""")
    assert d.code == "unknown-function"
    assert d.message == "module 'Module' has no function 'ad'; did you mean 'add'?"


def test_call_tir_with_the_wrong_number_of_tensors() -> None:
    [d] = mdiags("""\
    def main(x: R.Tensor((4,), "float32")):
        cls = Module
        y = R.call_tir(cls.add, (x,), out_ty=R.Tensor((4,), "float32"))
        return y
""")
    assert pinned(d) == ("call-tir-arity", 13, 33)
    assert d.message == (
        "PrimFunc 'add' takes 3 buffers, but R.call_tir passes 1 input and 1 output"
    )


def test_call_tir_with_a_tensor_of_the_wrong_dtype() -> None:
    [d] = mdiags("""\
    def main(x: R.Tensor((4,), "float32"), i: R.Tensor((4,), "int32")):
        cls = Module
        y = R.call_tir(cls.add, (x, i), out_ty=R.Tensor((4,), "float32"))
        return y
""")
    assert pinned(d) == ("call-tir-argument-mismatch", 13, 37)
    assert d.message.startswith("argument 1 of R.call_tir does not fit buffer 1 of PrimFunc 'add'")


def test_call_tir_with_the_wrong_rank() -> None:
    [d] = mdiags("""\
    def main(x: R.Tensor((4,), "float32"), m: R.Tensor((2, 2), "float32")):
        cls = Module
        y = R.call_tir(cls.add, (m, x), out_ty=R.Tensor((4,), "float32"))
        return y
""")
    assert pinned(d) == ("call-tir-argument-mismatch", 13, 34)


def test_out_ty_disagreeing_with_the_prim_func() -> None:
    [d] = mdiags("""\
    def main(x: R.Tensor((4,), "float32")):
        cls = Module
        y = R.call_tir(cls.add, (x, x), out_ty=R.Tensor((8,), "float32"))
        return y
""")
    assert pinned(d) == ("call-tir-output-mismatch", 13, 48)
    assert d.message == (
        'the out_ty of R.call_tir, R.Tensor((8,), dtype="float32"), disagrees with PrimFunc '
        "'add', whose output buffer gives R.Tensor((4,), dtype=\"float32\")"
    )


def test_call_of_a_relax_function_with_a_wrong_argument_count() -> None:
    [d] = diags(f"""
        {HEADER}
        @I.ir_module
        class Module:
            @R.function
            def dense(x: R.Tensor((2, 4), "float32"), w: R.Tensor((4, 4), "float32")):
                return R.matmul(x, w)

            @R.function
            def main(x: R.Tensor((2, 4), "float32")):
                cls = Module
                return cls.dense(x)
    """)
    assert pinned(d) == ("call-arity-mismatch", 12, 16)
    assert d.message == "function 'dense' takes 2 arguments but is called with 1"


def test_call_of_a_relax_function_with_a_wrong_argument() -> None:
    [d] = diags(f"""
        {HEADER}
        @I.ir_module
        class Module:
            @R.function
            def step(x: R.Tensor((4,), "float32")) -> R.Tensor((4,), "float32"):
                return x

            @R.function
            def main(x: R.Tensor((4,), "int32")):
                cls = Module
                return cls.step(x)
    """)
    assert pinned(d) == ("call-argument-mismatch", 12, 16)


def test_unknown_vdevice_index() -> None:
    [d] = diags(f"""
        {HEADER}
        @I.ir_module
        class Module:
            I.module_global_infos({{"vdevice": [I.vdevice("llvm")]}})

            @R.function
            def main(a: R.Tensor((2, 3), "float32", "llvm:1")):
                return a
    """)
    assert pinned(d) == ("unknown-vdevice", 8, 45)  # the "llvm:1" string


def test_every_error_of_a_function_is_reported() -> None:
    found = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((4,), "float32"), y: R.Tensor((4,), "int32")):
            a = R.add(x, y)
            b = R.sum(x, axes=0)
            c = R.exp(a)
            d = x[0]
            return x
    """)
    assert [pinned(d) for d in found] == [
        ("dtype-mismatch", 5, 9),
        ("invalid-call", 6, 9),
        ("not-a-tuple", 8, 9),
    ]


def test_every_function_of_a_module_is_checked() -> None:
    found = diags(f"""
        {HEADER}
        @I.ir_module
        class Module:
            @R.function
            def f(x: R.Tensor((4,), "float32")):
                return x[0]

            @R.function
            def g(x: R.Tensor((4,), "float32")):
                return R.sum(x, axes=0)
    """)
    assert [d.code for d in found] == ["not-a-tuple", "invalid-call"]


def test_check_well_formed_false_turns_off_the_well_formedness_checks() -> None:
    found = diags(f"""
        {HEADER}
        @R.function(check_well_formed=False)
        def f(x: R.Tensor((3, 4), "float32"), w: R.Tensor((4, 5), "float32")):
            y: R.Tensor((3, 4), "float32") = R.matmul(x, w)
            R.print(x, format="x")
            return y
    """)
    assert found == []


def test_a_decorator_called_on_a_value_is_an_error_not_an_internal_one() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((4,), "float32")):
            y = R.function(x)
            return x
    """)
    assert pinned(d) == ("unsupported-call", 5, 9)
    assert d.message == (
        "'R.function' is a decorator: it goes above a def or class, it is not called on a value "
        "in TVMScript"
    )


def test_const_with_a_dtype_numpy_cannot_read_says_so() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((4,), "float32")):
            y = R.multiply(x, R.const(2.0, ","))
            return y
    """)
    assert (d.code, d.line, d.message) == ("invalid-argument", 5, "unknown data type ','")


def test_prim_value_of_a_non_prim_value_says_what_it_got() -> None:
    [d] = diags(f"""
        {HEADER}
        @R.function
        def f(x: R.Tensor((4,), "float32")):
            y = R.prim_value("n")
            return x
    """)
    assert (d.code, d.line) == ("invalid-argument", 5)
    assert d.message == "R.prim_value takes a TIR expression or a Python number, got 'str'"
