"""Hand-built TIR → TVM 0.27's exact text (goldens taken from the real TVM)."""

from __future__ import annotations

import textwrap

import pytest

from tvmscript.core.ir.module import GlobalVar, IRModule
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.buffer import BufferRegion, make_buffer
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.op import call_intrin
from tvmscript.core.tir.stmt import BufferStore, For, ForKind, SBlock, SBlockRealize
from tvmscript.script.printer import print_script

X, Y = E.Var("x"), E.Var("y")
F = E.Var("f", "float32")


def i32(v: int) -> E.IntImm:
    return E.IntImm("int32", v)


@pytest.mark.parametrize(
    ("expr", "text"),
    [
        (E.Add(X, E.Mul(Y, i32(2))), "x + y * 2"),
        (E.Mul(E.Add(X, Y), i32(2)), "(x + y) * 2"),
        (E.Sub(X, E.Sub(Y, i32(1))), "x - (y - 1)"),
        (E.FloorMod(E.FloorDiv(X, Y), i32(3)), "x // y % 3"),
        (E.Add(i32(1), i32(2)), "T.Add(1, 2)"),
        (E.Div(X, Y), "T.Div(x, y)"),
        (E.Div(F, E.FloatImm("float32", 2.0)), "f / T.float32(2.0)"),
        (E.Add(E.Cast("float32", X), F), 'T.Cast("float32", x) + f'),
        (E.Select(E.GT(X, i32(0)), X, Y), "T.Select(x > 0, x, y)"),
        (E.And(E.GT(X, i32(0)), E.Or(E.LT(Y, i32(1)), E.EQ(X, Y))), "x > 0 and (y < 1 or x == y)"),
        (E.Not(E.GT(X, i32(0))), "not x > 0"),
        (E.IntImm("int64", 5), "T.int64(5)"),
        (E.Ramp(X, i32(1), 4), "T.Ramp(x, 1, 4)"),
        (E.Broadcast(F, 4), "T.Broadcast(f, 4)"),
        (E.Min(X, Y), "T.min(x, y)"),
        (E.Mod(X, Y), "T.truncmod(x, y)"),
        (E.FloatImm("float32", 0.1), "T.float32(0.10000000000000001)"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_tir_printer_expression_fragment(expr: E.PrimExpr, text: str) -> None:
    assert print_script(expr) == text


def test_tir_printer_store_fragment_defines_free_names() -> None:
    a = make_buffer("A", (i32(8), i32(32)))
    store = BufferStore(a, E.FloatImm("float32", 0.5), (E.Add(X, i32(1)), Y))
    assert print_script(store) == textwrap.dedent("""\
        A = T.Buffer((8, 32))
        x = T.int32()
        y = T.int32()
        A[x + 1, y] = T.float32(0.5)""")


def _exp_module() -> IRModule:
    a = make_buffer("A", (i32(8), i32(32)))
    c = make_buffer("compute", (i32(8), i32(32)))
    ha, hc = E.Var("A", "handle"), E.Var("compute", "handle")
    i0, i1, v0, v1 = E.Var("i0"), E.Var("i1"), E.Var("v_i0"), E.Var("v_i1")
    point = (E.Range(v0, i32(1)), E.Range(v1, i32(1)))
    axes = (
        E.IterVar(E.Range(i32(0), i32(8)), v0, E.IterType.DATA_PAR),
        E.IterVar(E.Range(i32(0), i32(32)), v1, E.IterType.DATA_PAR),
    )
    value = call_intrin("float32", "tir.exp", E.BufferLoad(a, (v0, v1)))
    block = SBlock(axes, (BufferRegion(a, point),), (BufferRegion(c, point),), "compute",
                   BufferStore(c, value, (v0, v1)))  # fmt: skip
    inner = SBlockRealize((i0, i1), E.IntImm("bool", 1), block)
    loops = For(i0, i32(0), i32(8), ForKind.SERIAL, For(i1, i32(0), i32(32), ForKind.SERIAL, inner))
    root = SBlockRealize((), E.IntImm("bool", 1), SBlock((), (), (), "root", loops))
    attrs = {"global_symbol": "exp_f32_8x32", "s_tir": True, "tirx.noalias": True}
    func = PrimFunc((ha, hc), root, {ha: a, hc: c}, attrs=attrs)
    return IRModule({GlobalVar("exp_f32_8x32"): func})


def test_tir_printer_module_with_blocks() -> None:
    assert print_script(_exp_module()) == textwrap.dedent("""\
        # from tvm.script import ir as I
        # from tvm.script import tirx as T
        # from tvm.tirx.layout import Axis

        @I.ir_module
        class Module:
            @T.prim_func(s_tir=True)
            def exp_f32_8x32(A: T.Buffer((8, 32), "float32"), compute: T.Buffer((8, 32), "float32")):
                T.func_attr({"tirx.noalias": True})
                # with T.sblock("root"):
                for i0, i1 in T.grid(8, 32):
                    with T.sblock("compute"):
                        v_i0, v_i1 = T.axis.remap("SS", [i0, i1])
                        T.reads(A[v_i0, v_i1])
                        T.writes(compute[v_i0, v_i1])
                        compute[v_i0, v_i1] = T.exp(A[v_i0, v_i1])""")  # noqa: E501


def test_tir_printer_one_function_of_a_module() -> None:
    text = print_script(_exp_module(), func_name="exp_f32_8x32")
    assert text.startswith("# from tvm.script import tirx as T\n")
    assert 'def exp_f32_8x32(A: T.Buffer((8, 32), "float32")' in text


def test_tir_printer_indent_option() -> None:
    text = print_script(_exp_module(), indent_spaces=2)
    assert "\n  @T.prim_func(s_tir=True)\n  def exp_f32_8x32(" in text


def test_tir_printer_private_function_without_global_symbol() -> None:
    a = make_buffer("A", (i32(8),))
    ha = E.Var("A", "handle")
    body = BufferStore(a, E.FloatImm("float32", 1.0), (i32(0),))
    func = PrimFunc((ha,), body, {ha: a})
    assert print_script(func) == textwrap.dedent("""\
        # from tvm.script import tirx as T
        # from tvm.tirx.layout import Axis

        @T.prim_func(private=True)
        def main(A: T.Buffer((8,), "float32")):
            A[0] = T.float32(1.0)""")
