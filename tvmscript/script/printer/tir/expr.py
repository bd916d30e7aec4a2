"""Printers of TIR expressions: constants, variables, operators, calls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from tvmscript.ir.dtype import DataType
from tvmscript.ir.module import GlobalVar
from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import AccessPath
from tvmscript.script.printer.ir_docsifier import IRDocsifier, register, register_named_type
from tvmscript.script.printer.tir.utils import (
    define_var,
    dtype_doc,
    find_lowest_var_def,
    tir,
    var_creation,
)
from tvmscript.tir import arith
from tvmscript.tir import expr as E
from tvmscript.tir.op import op_info

# Intrinsics whose result dtype is printed as their first (or last) argument.
_DTYPE_FIRST: Final = frozenset(
    {
        "tir.call_extern", "tir.call_pure_extern", "tir.call_llvm_intrin",
        "tir.call_llvm_pure_intrin", "tir.reinterpret", "tir.call_intrin",
        "tir.tvm_struct_get", "tir.ptx_ldg32",
    }
)  # fmt: skip
_DTYPE_LAST: Final = frozenset({"tir.type_annotation"})
# Intrinsics TVM 0.27 prints as Python operators.
_OPERATOR_CALLS: Final = {
    "tir.shift_left": D.OpKind.LSHIFT, "tir.shift_right": D.OpKind.RSHIFT,
    "tir.bitwise_and": D.OpKind.BIT_AND, "tir.bitwise_or": D.OpKind.BIT_OR,
    "tir.bitwise_xor": D.OpKind.BIT_XOR, "tir.bitwise_not": D.OpKind.INVERT,
}  # fmt: skip


@register("", E.IntImm)
def _print_int_imm(imm: E.IntImm, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    if imm.dtype == d.cfg.int_dtype:
        value = imm.value
        if (doc := d.int_literals.get(value)) is not None:
            return doc
        doc = D.LiteralDoc(value)
        if not d.keep_paths and type(value) is int:  # unchanged without paths: share it
            d.int_literals[value] = doc
        return doc
    if imm.dtype == "bool":
        return tir(d, "bool").call(D.LiteralDoc(bool(imm.value)))
    return tir(d, imm.dtype).call(D.LiteralDoc(imm.value))


@register("", E.FloatImm)
def _print_float_imm(imm: E.FloatImm, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    if imm.dtype == d.cfg.float_dtype:
        return D.LiteralDoc(float(imm.value))
    return tir(d, imm.dtype).call(D.LiteralDoc(float(imm.value)))


@register("", E.StringImm)
def _print_string_imm(s: E.StringImm, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    if "\n" in s.value:
        return d.add_metadata(s)
    return D.LiteralDoc(s.value)


def _print_var(var: E.Var, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    """A variable's name, defining it (``v = T.int32()``) where first needed."""
    if (info := d.obj2info.get(id(var))) is not None:
        return info.doc()
    if (frame := find_lowest_var_def(var, d)) is not None:
        lhs = define_var(var, frame, d)
        frame.stmts.append(D.AssignDoc(lhs, var_creation(var, p, d)))
    if (doc := d.get_var_doc(var)) is not None:
        return doc
    raise IndexError(f"variable is not defined in the environment: {var.name}")


register("", E.Var)(_print_var)
register_named_type(E.Var)


@register("", E.IterVar)
def _print_iter_var(iv: E.IterVar, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    dom: D.ExprDoc = D.LiteralDoc(None) if iv.dom is None else d.as_doc(iv.dom, p.attr("dom"))
    return tir(d, "iter_var").call(
        d.as_doc(iv.var, p.attr("var")),
        dom,
        D.LiteralDoc(_ITER_TYPE_NAMES[iv.iter_type]),
        D.LiteralDoc(iv.thread_tag),
    )


_ITER_TYPE_NAMES: Final = {
    E.IterType.DATA_PAR: "DataPar", E.IterType.THREAD_INDEX: "ThreadIndex",
    E.IterType.COMM_REDUCE: "CommReduce", E.IterType.ORDERED: "Ordered",
    E.IterType.OPAQUE: "Opaque", E.IterType.UNROLLED: "Unrolled",
    E.IterType.VECTORIZED: "Vectorized", E.IterType.PARALLELIZED: "Parallelized",
    E.IterType.TENSORIZED: "Tensorized",
}  # fmt: skip


@register("", E.Range)
def _print_range(r: E.Range, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return tir(d, "Range").call(
        d.as_doc(r.min, p.attr("min")), d.as_doc(arith.add(r.min, r.extent), p.attr("extent"))
    )


@register("", E.Not)
def _print_not(node: E.Not, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    a = d.as_doc(node.a, p.attr("a"))
    if isinstance(a, D.LiteralDoc):
        return tir(d, "Not").call(a)
    return D.OperationDoc(D.OpKind.NOT, [a])


@register("", E.Cast)
def _print_cast(cast: E.Cast, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return tir(d, "Cast").call(dtype_doc(cast.dtype), d.as_doc(cast.value, p.attr("value")))


@register("", E.Select)
def _print_select(s: E.Select, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return tir(d, "Select").call(
        d.as_doc(s.condition, p.attr("condition")),
        d.as_doc(s.true_value, p.attr("true_value")),
        d.as_doc(s.false_value, p.attr("false_value")),
    )


@register("", E.Ramp)
def _print_ramp(r: E.Ramp, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return tir(d, "Ramp").call(
        d.as_doc(r.base, p.attr("base")),
        d.as_doc(r.stride, p.attr("stride")),
        D.LiteralDoc(r.lanes),
    )


@register("", E.Broadcast)
def _print_broadcast(b: E.Broadcast, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return tir(d, "Broadcast").call(d.as_doc(b.value, p.attr("value")), D.LiteralDoc(b.lanes))


@register("", E.Shuffle)
def _print_shuffle(s: E.Shuffle, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return tir(d, "Shuffle").call(
        d.as_doc(s.vectors, p.attr("vectors")), d.as_doc(s.indices, p.attr("indices"))
    )


@register("", E.CommReducer)
def _print_comm_reducer(r: E.CommReducer, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    with d.frame(r) as f:
        args = [define_var(v, f, d) for v in (*r.lhs, *r.rhs)]
        res_p = p.attr("result")
        results = [d.as_doc(e, res_p.index(i)) for i, e in enumerate(r.result)]
        body: D.ExprDoc = results[0] if len(results) == 1 else D.TupleDoc(results)
        lam = D.LambdaDoc(args, body)  # type: ignore[arg-type]
    ident = d.as_doc(r.identity_element, p.attr("identity_element"))
    return tir(d, "comm_reducer").call(lam, ident)


@register("", E.Let)
def _print_let(let: E.Let, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    where = D.DictDoc([d.as_doc(let.var, p.attr("var"))], [d.as_doc(let.value, p.attr("value"))])
    return tir(d, "Let").call(d.as_doc(let.body, p.attr("body")), kwargs=[("where", where)])


@register("", E.Call)
def _print_call(call: E.Call, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    args_p = p.attr("args")
    args = [d.as_doc(a, args_p.index(i)) for i, a in enumerate(call.args)]
    if isinstance(call.op, GlobalVar):
        return d.as_doc(call.op, p.attr("op")).call(*args)  # type: ignore[no-any-return]
    assert isinstance(call.op, E.Op)
    name = call.op.name
    if (kind := _OPERATOR_CALLS.get(name)) is not None and len(args) == (
        1 if kind <= D.OpKind.NOT else 2
    ):
        return D.OperationDoc(kind, args)
    if name in _DTYPE_FIRST:
        args.insert(0, dtype_doc(call.dtype))
    elif name in _DTYPE_LAST:
        args.append(dtype_doc(call.dtype))
    return tir(d, op_info(call.op).script_name).call(*args)


# ---------------------------------------------------------------------------------------------
# Binary operators: Python syntax when rebuilding the node gives the same node back (no
# folding or casting happened), else the explicit ``T.Add(a, b)`` form.


def _register_binary(
    node: type[E.PrimExpr],
    build: Callable[[object, object], E.PrimExpr],
    name: str,
    kind: D.OpKind | None,
) -> None:
    not_logical = node not in (E.And, E.Or)

    def _print_binary(e: E.BinaryOp, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
        a, b = e.a, e.b
        doc_a = d.as_doc(a, p.attr("a"))
        doc_b = d.as_doc(b, p.attr("b"))
        if kind is not None:
            # Inlined fast path of `_rebuilds`: no constant operand, one dtype.
            if (
                not_logical
                and type(a) not in _CONST_TYPES
                and type(b) not in _CONST_TYPES
                and a.dtype == b.dtype
            ) or _rebuilds(build, e):
                return D.OperationDoc(kind, [doc_a, doc_b])
            return tir(d, name).call(doc_a, doc_b)
        if not _rebuilds(build, e):
            # Deliberate difference: `T.min(0, 3)` (TVM's text) would fold when parsed back.
            return tir(d, node.__name__).call(doc_a, doc_b)
        return tir(d, name).call(doc_a, doc_b)

    register("", node)(_print_binary)


_CONSTS: Final = (E.IntImm, E.FloatImm)
_CONST_TYPES: Final = frozenset(
    cls for cls in vars(E).values() if isinstance(cls, type) and issubclass(cls, _CONSTS)
)


def _rebuilds(build: Callable[[object, object], E.PrimExpr], e: E.BinaryOp) -> bool:
    a, b = e.a, e.b
    # Fast path. Rebuilding folds only constants: both operands, or one that is 0 or 1 (an
    # identity, absorbing or dividing-by-zero value); And/Or fold any constant and cast
    # non-bools; differing dtypes are cast. Anything else rebuilds the same node.
    if a.dtype == b.dtype and not isinstance(e, E.And | E.Or):
        const_a, const_b = isinstance(a, _CONSTS), isinstance(b, _CONSTS)
        if not const_a and not const_b:
            return True
        if const_a != const_b and (a if const_a else b).value not in (0, 1):  # type: ignore[attr-defined]
            return True
    try:
        again = build(e.a, e.b)
    except (TypeError, ValueError, ZeroDivisionError):
        return False
    return (
        isinstance(again, E.BinaryOp | E.CmpOp)
        and type(again) is type(e)
        and again.a is e.a
        and again.b is e.b
    )


K = D.OpKind
_BINARY: Final = [
    (E.Add, arith.add, "Add", K.ADD), (E.Sub, arith.sub, "Sub", K.SUB),
    (E.Mul, arith.mul, "Mul", K.MULT), (E.FloorDiv, arith.floordiv, "FloorDiv", K.FLOOR_DIV),
    (E.FloorMod, arith.floormod, "FloorMod", K.MOD), (E.LT, arith.less, "LT", K.LT),
    (E.LE, arith.less_equal, "LE", K.LT_E), (E.EQ, arith.equal, "EQ", K.EQ),
    (E.NE, arith.not_equal, "NE", K.NOT_EQ), (E.GT, arith.greater, "GT", K.GT),
    (E.GE, arith.greater_equal, "GE", K.GT_E), (E.And, arith.logical_and, "And", K.AND),
    (E.Or, arith.logical_or, "Or", K.OR), (E.Mod, arith.truncmod, "truncmod", None),
    (E.Min, arith.min_, "min", None), (E.Max, arith.max_, "max", None),
]  # fmt: skip
for _node, _build, _name, _kind in _BINARY:
    _register_binary(_node, _build, _name, _kind)


@register("", E.Div)
def _print_div(e: E.Div, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    a = d.as_doc(e.a, p.attr("a"))
    b = d.as_doc(e.b, p.attr("b"))
    ta, tb = DataType.of(e.a.dtype), DataType.of(e.b.dtype)
    if ta.is_integer and tb.is_integer:
        return tir(d, "Div").call(a, b)
    try:
        again = arith.div(e.a, e.b)
    except (TypeError, ValueError, ZeroDivisionError):
        return tir(d, "Div").call(a, b)
    if not isinstance(again, E.Div):
        return tir(d, "Div").call(a, b)
    return D.OperationDoc(D.OpKind.DIV, [a, b])
