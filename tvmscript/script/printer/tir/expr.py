"""Printers of TIR expressions: constants, variables, operators, calls (as text, `tir.text`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from tvmscript.core.ir.dtype import DataType
from tvmscript.core.ir.module import GlobalVar
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.op import DTYPE_PRINTED_FIRST, DTYPE_PRINTED_LAST, op_info
from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import NULL_PATH, AccessPath
from tvmscript.script.printer.expr_text import (
    binary_of,
    escape_string,
    format_literal,
    op_precedence,
    operation_of,
)
from tvmscript.script.printer.ir_docsifier import IRDocsifier, register, register_named_type
from tvmscript.script.printer.tir.text import (
    ATOM,
    TEXT_PRINTERS,
    Text,
    arg_text,
    doc_text,
    register_text,
    text_of,
    tir_call,
)
from tvmscript.script.printer.tir.utils import (
    define_var,
    find_lowest_var_def,
    tir,
    var_creation,
)
from tvmscript.script.tokens import Token

# Intrinsics TVM 0.27 prints as Python operators.
_OPERATOR_CALLS: Final = {
    "tir.shift_left": D.OpKind.LSHIFT, "tir.shift_right": D.OpKind.RSHIFT,
    "tir.bitwise_and": D.OpKind.BIT_AND, "tir.bitwise_or": D.OpKind.BIT_OR,
    "tir.bitwise_xor": D.OpKind.BIT_XOR, "tir.bitwise_not": D.OpKind.INVERT,
}  # fmt: skip


@register_text(E.IntImm)
def _int_imm_text(imm: E.IntImm, d: IRDocsifier) -> Text:
    value = imm.value
    if imm.dtype == d.cfg.int_dtype:
        return (str(value) if type(value) is int else format_literal(value)), ATOM
    if imm.dtype == "bool":
        return tir_call(d, "bool", [format_literal(bool(value))])
    return tir_call(d, imm.dtype, [format_literal(value)])


@register_text(E.FloatImm)
def _float_imm_text(imm: E.FloatImm, d: IRDocsifier) -> Text:
    value = format_literal(float(imm.value))
    if imm.dtype == d.cfg.float_dtype:
        return value, ATOM
    return tir_call(d, imm.dtype, [value])


@register_text(E.StringImm)
def _string_imm_text(s: E.StringImm, d: IRDocsifier) -> Text:
    if "\n" in s.value:
        return doc_text(d.add_metadata(s))
    return escape_string(s.value), ATOM


def _is_literal(e: E.PrimExpr, d: IRDocsifier) -> bool:
    """Whether ``e`` prints as a bare Python literal."""
    if isinstance(e, E.IntImm):
        return e.dtype == d.cfg.int_dtype
    if isinstance(e, E.FloatImm):
        return e.dtype == d.cfg.float_dtype
    return isinstance(e, E.StringImm) and "\n" not in e.value


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


@register_text(E.Var, E.SizeVar, doc=False)
def _var_text(var: E.Var, d: IRDocsifier) -> Text:
    if (info := d.obj2info.get(id(var))) is not None and info.name is not None:
        return info.name, ATOM
    return doc_text(_print_var(var, NULL_PATH, d))


register(Token.DEFAULT, E.Var)(_print_var)
register(Token.DEFAULT, E.SizeVar)(_print_var)
register_named_type(E.Var)
register_named_type(E.SizeVar)


@register(Token.DEFAULT, E.IterVar)
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


@register(Token.DEFAULT, E.Range)
def _print_range(r: E.Range, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return tir(d, "Range").call(
        d.as_doc(r.min, p.attr("min")), d.as_doc(arith.add(r.min, r.extent), p.attr("extent"))
    )


@register_text(E.Not)
def _not_text(node: E.Not, d: IRDocsifier) -> Text:
    a = text_of(node.a, d)
    if _is_literal(node.a, d):
        return tir_call(d, "Not", [a[0]])
    return operation_of(D.OpKind.NOT, [a]), op_precedence(D.OpKind.NOT)


@register_text(E.Cast)
def _cast_text(cast: E.Cast, d: IRDocsifier) -> Text:
    return tir_call(d, "Cast", [escape_string(cast.dtype), arg_text(cast.value, d)])


@register_text(E.Select)
def _select_text(s: E.Select, d: IRDocsifier) -> Text:
    args = [arg_text(s.condition, d), arg_text(s.true_value, d), arg_text(s.false_value, d)]
    return tir_call(d, "Select", args)


@register_text(E.Ramp)
def _ramp_text(r: E.Ramp, d: IRDocsifier) -> Text:
    args = [arg_text(r.base, d), arg_text(r.stride, d), format_literal(r.lanes)]
    return tir_call(d, "Ramp", args)


@register_text(E.Broadcast)
def _broadcast_text(b: E.Broadcast, d: IRDocsifier) -> Text:
    return tir_call(d, "Broadcast", [arg_text(b.value, d), format_literal(b.lanes)])


@register_text(E.Shuffle)
def _shuffle_text(s: E.Shuffle, d: IRDocsifier) -> Text:
    return tir_call(d, "Shuffle", [arg_text(s.vectors, d), arg_text(s.indices, d)])


@register(Token.DEFAULT, E.CommReducer)
def _print_comm_reducer(r: E.CommReducer, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    with d.frame(r) as f:
        args = [define_var(v, f, d) for v in (*r.lhs, *r.rhs)]
        res_p = p.attr("result")
        results = [d.as_doc(e, res_p.index(i)) for i, e in enumerate(r.result)]
        body: D.ExprDoc = results[0] if len(results) == 1 else D.TupleDoc(results)
        lam = D.LambdaDoc(args, body)  # type: ignore[arg-type]
    ident = d.as_doc(r.identity_element, p.attr("identity_element"))
    return tir(d, "comm_reducer").call(lam, ident)


@register_text(E.Reduce)
def _reduce_text(r: E.Reduce, d: IRDocsifier) -> Text:
    """As TVM 0.27: ``T.reduce(combiner, source=[...], init=[...], axis=[...], ...)``."""
    combiner = arg_text(r.combiner, d)
    kwargs = [
        "source=" + arg_text(list(r.source), d),
        "init=" + arg_text(list(r.init), d),
        "axis=" + arg_text(list(r.axis), d),
        "condition=" + arg_text(r.condition, d),
        "value_index=" + format_literal(r.value_index),
    ]
    return tir_call(d, "reduce", [combiner, *kwargs])


@register_text(E.Let)
def _let_text(let: E.Let, d: IRDocsifier) -> Text:
    where = "{" + arg_text(let.var, d) + ": " + arg_text(let.value, d) + "}"
    return tir_call(d, "Let", [arg_text(let.body, d), "where=" + where])


@register_text(E.Call)
def _call_text(call: E.Call, d: IRDocsifier) -> Text:
    if isinstance(call.op, GlobalVar):  # TVM 0.27 names a PrimFunc's callee by its module
        args = [arg_text(a, d) for a in call.args]
        return "Module." + call.op.name_hint + "(" + ", ".join(args) + ")", ATOM
    assert isinstance(call.op, E.Op)
    name = call.op.name
    if (kind := _OPERATOR_CALLS.get(name)) is not None and len(call.args) == (
        1 if kind <= D.OpKind.NOT else 2
    ):
        return operation_of(kind, [text_of(a, d) for a in call.args]), op_precedence(kind)
    args = [arg_text(a, d) for a in call.args]
    info = op_info(call.op)
    if call.attrs:
        args.extend(f"{k}={arg_text(v, d)}" for k, v in call.attrs.items())
    if info.dtype_print == DTYPE_PRINTED_FIRST:
        args.insert(0, _dtype_argument(call.dtype, d))
    elif info.dtype_print == DTYPE_PRINTED_LAST:
        args.append(escape_string(call.dtype))
    return tir_call(d, info.script_name, args)


def _dtype_argument(dtype: str, d: IRDocsifier) -> str:
    """A call's result dtype as its first argument (a pointer as TVM 0.27 spells its type)."""
    if dtype == "handle":
        return tir_call(d, "handle", [])[0] + ".ty"
    return escape_string(dtype)


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
    prec = 0 if kind is None else op_precedence(kind)

    def _binary_text(e: E.BinaryOp, d: IRDocsifier) -> Text:
        a, b = e.a, e.b
        text_a = TEXT_PRINTERS[type(a)](a, d)  # operands are expressions: no fallback needed
        text_b = TEXT_PRINTERS[type(b)](b, d)
        if kind is not None:
            # Inlined fast path of `_rebuilds`: no constant operand, one dtype.
            if (
                not_logical
                and type(a) not in _CONST_TYPES
                and type(b) not in _CONST_TYPES
                and a.dtype == b.dtype
            ) or _rebuilds(build, e):
                return binary_of(kind, text_a, text_b), prec
            return tir_call(d, name, [text_a[0], text_b[0]])
        if not _rebuilds(build, e):
            # Deliberate difference: `T.min(0, 3)` (TVM's text) would fold when parsed back.
            return tir_call(d, node.__name__, [text_a[0], text_b[0]])
        return tir_call(d, name, [text_a[0], text_b[0]])

    register_text(node)(_binary_text)


_CONSTS: Final = (E.IntImm, E.FloatImm)
_CONST_TYPES: Final = frozenset(
    cls for cls in vars(E).values() if isinstance(cls, type) and issubclass(cls, _CONSTS)
)


_LOGICAL: Final[frozenset[type]] = frozenset({E.And, E.Or})


def _rebuilds(build: Callable[[object, object], E.PrimExpr], e: E.BinaryOp) -> bool:
    a, b = e.a, e.b
    # Fast path. Rebuilding folds only constants: both operands, or one that is 0 or 1 (an
    # identity, absorbing or dividing-by-zero value); And/Or fold any constant and cast
    # non-bools; differing dtypes are cast. Anything else rebuilds the same node.
    if a.dtype == b.dtype and type(e) not in _LOGICAL:
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


@register_text(E.Div)
def _div_text(e: E.Div, d: IRDocsifier) -> Text:
    a = text_of(e.a, d)
    b = text_of(e.b, d)
    if _div_rebuilds(e):
        return binary_of(D.OpKind.DIV, a, b), op_precedence(D.OpKind.DIV)
    return tir_call(d, "Div", [a[0], b[0]])


def _div_rebuilds(e: E.Div) -> bool:
    """Whether ``a / b`` parses back to this node (not integer division, nothing folded)."""
    if DataType.of(e.a.dtype).is_integer and DataType.of(e.b.dtype).is_integer:
        return False
    try:
        again = arith.div(e.a, e.b)
    except (TypeError, ValueError, ZeroDivisionError):
        return False
    return isinstance(again, E.Div)
