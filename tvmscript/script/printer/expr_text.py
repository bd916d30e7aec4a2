"""Expression docs → text: literals, precedence and parenthesisation (the one place for them).

Parenthesisation follows CPython's precedence table (`Prec`); a child is wrapped when it binds
less tightly than its parent, and the right operand of a binary operator also when it binds
equally (TVM never relies on associativity). ``**`` is the exception: its right side is compared
against the unary level.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Final

from tvmscript.script.printer import doc as D


class Prec(IntEnum):
    """Expression precedence, loosest first (Python's reference table)."""

    LAMBDA = 1
    IF_THEN_ELSE = 2
    BOOL_OR = 3
    BOOL_AND = 4
    BOOL_NOT = 5
    COMPARISON = 6
    BIT_OR = 7
    BIT_XOR = 8
    BIT_AND = 9
    SHIFT = 10
    ADD = 11
    MULT = 12
    UNARY = 13
    EXP = 14
    ATOM = 15


K = D.OpKind

_OP_PREC: Final[dict[D.OpKind, Prec]] = {
    K.USUB: Prec.UNARY, K.INVERT: Prec.UNARY, K.NOT: Prec.BOOL_NOT,
    K.ADD: Prec.ADD, K.SUB: Prec.ADD,
    K.MULT: Prec.MULT, K.DIV: Prec.MULT, K.FLOOR_DIV: Prec.MULT, K.MOD: Prec.MULT,
    K.POW: Prec.EXP, K.LSHIFT: Prec.SHIFT, K.RSHIFT: Prec.SHIFT,
    K.BIT_AND: Prec.BIT_AND, K.BIT_OR: Prec.BIT_OR, K.BIT_XOR: Prec.BIT_XOR,
    K.LT: Prec.COMPARISON, K.LT_E: Prec.COMPARISON, K.EQ: Prec.COMPARISON,
    K.NOT_EQ: Prec.COMPARISON, K.GT: Prec.COMPARISON, K.GT_E: Prec.COMPARISON,
    K.AND: Prec.BOOL_AND, K.OR: Prec.BOOL_OR, K.IF_THEN_ELSE: Prec.IF_THEN_ELSE,
}  # fmt: skip

_OP_TEXT: Final[dict[D.OpKind, str]] = {
    K.USUB: "-", K.INVERT: "~", K.NOT: "not ",
    K.ADD: "+", K.SUB: "-", K.MULT: "*", K.DIV: "/", K.FLOOR_DIV: "//", K.MOD: "%",
    K.POW: "**", K.LSHIFT: "<<", K.RSHIFT: ">>",
    K.BIT_AND: "&", K.BIT_OR: "|", K.BIT_XOR: "^",
    K.LT: "<", K.LT_E: "<=", K.EQ: "==", K.NOT_EQ: "!=", K.GT: ">", K.GT_E: ">=",
    K.AND: "and", K.OR: "or",
}  # fmt: skip

_PREC: Final[dict[D.OpKind, int]] = {k: int(v) for k, v in _OP_PREC.items()}
_OP_SPACED: Final[dict[D.OpKind, str]] = {k: f" {v} " for k, v in _OP_TEXT.items()}
_ATOM: Final = int(Prec.ATOM)
_LAMBDA: Final = int(Prec.LAMBDA)
_UNARY: Final = int(Prec.UNARY)

_ESCAPES: Final = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def precedence(e: D.ExprDoc) -> Prec:
    """How tightly ``e`` binds."""
    if isinstance(e, D.OperationDoc):
        return _OP_PREC[e.kind]
    if isinstance(e, D.LambdaDoc):
        return Prec.LAMBDA
    if isinstance(e, D.TextDoc):
        return Prec(e.prec)
    return Prec.ATOM


# ---------------------------------------------------------------------------------------------
# Literals


def format_float(value: float) -> str:
    """TVM's float literal: integral values as ``%.1f``, others with 17 significant digits."""
    if math.isinf(value) or math.isnan(value):
        return f'"{value:.17g}"'
    if value == math.floor(value):
        return f"{value:.1f}"
    return f"{value:.17g}"


def escape_string(text: str) -> str:
    """``text`` as a double-quoted Python string literal."""
    if text.isprintable() and '"' not in text and "\\" not in text:
        return '"' + text + '"'
    out = []
    for c in text:
        if (esc := _ESCAPES.get(c)) is not None:
            out.append(esc)
        elif c < " ":
            out.append(f"\\x{ord(c):02x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def format_literal(value: D.LiteralValue) -> str:
    """A literal's text."""
    cls = type(value)
    if cls is int:
        return str(value)
    if cls is str:
        return escape_string(value)  # type: ignore[arg-type]
    if value is None:
        return "None"
    if value is True:
        return "True"
    if value is False:
        return "False"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_float(value)
    return escape_string(value)


# ---------------------------------------------------------------------------------------------
# Expression docs → text


def expr_text(e: D.ExprDoc | D.SliceDoc) -> str:
    """The text of expression ``e``."""
    if type(e) is D.TextDoc:  # the commonest: an expression printed already
        return e.text
    return _EXPR[type(e)](e)


def child_text(e: D.ExprDoc, parent: int, same_too: bool = False) -> str:
    """``e``'s text, parenthesised when it binds less tightly than ``parent``."""
    cls = type(e)
    if cls is D.IdDoc:
        return e.name  # type: ignore[attr-defined,no-any-return]
    if cls is D.TextDoc:
        return wrap(e.text, e.prec, parent, same_too)  # type: ignore[attr-defined]
    text = _EXPR[cls](e)
    if cls is D.OperationDoc:
        return wrap(text, _PREC[e.kind], parent, same_too)  # type: ignore[attr-defined]
    if cls is D.LambdaDoc:
        return wrap(text, _LAMBDA, parent, same_too)
    return text


def wrap(text: str, prec: int, parent: int, same_too: bool = False) -> str:
    """``text`` (binding ``prec``) parenthesised when it binds less tightly than ``parent``.

    With ``same_too`` also when it binds as tightly (the right operand of a binary operator).
    """
    if prec < parent or (same_too and prec == parent):
        return "(" + text + ")"
    return text


def joined(docs: Sequence[D.ExprDoc | D.SliceDoc]) -> str:
    """The texts of ``docs``, comma separated."""
    fns = _EXPR
    return ", ".join([fns[type(d)](d) for d in docs])


def _literal(e: D.LiteralDoc) -> str:
    value = e.value
    return str(value) if type(value) is int else format_literal(value)


def _id(e: D.IdDoc) -> str:
    return e.name


def _text(e: D.TextDoc) -> str:
    return e.text


def _attr(e: D.AttrAccessDoc) -> str:
    return attr_text(e.value, e.name)


def attr_text(value: D.ExprDoc, name: str) -> str:
    """``value.name``."""
    return child_text(value, _ATOM) + "." + name


def _index(e: D.IndexDoc) -> str:
    return index_text(e.value, e.indices)


def index_text(value: D.ExprDoc, indices: Sequence[D.ExprDoc | D.SliceDoc]) -> str:
    """``value[indices]`` (``value[()]`` without indices)."""
    if not indices:
        return child_text(value, _ATOM) + "[()]"
    return child_text(value, _ATOM) + "[" + joined(indices) + "]"


def _call(e: D.CallDoc) -> str:
    return call_text(e.callee, e.args, e.kwargs_keys, e.kwargs_values)


def call_text(
    callee: D.ExprDoc,
    args: Sequence[D.ExprDoc],
    keys: Sequence[str] = (),
    values: Sequence[D.ExprDoc] = (),
) -> str:
    """``callee(args, key=value, ...)``."""
    fns = _EXPR
    parts = [fns[type(a)](a) for a in args]
    if keys:
        for key, value in zip(keys, values, strict=True):
            parts.append(key + "=" + fns[type(value)](value))
    return child_text(callee, _ATOM) + "(" + ", ".join(parts) + ")"


def _operation(e: D.OperationDoc) -> str:
    return operation_text(e.kind, e.operands)


def operation_text(kind: D.OpKind, ops: Sequence[D.ExprDoc]) -> str:
    """A unary, binary or conditional operation, operands parenthesised as needed."""
    return operation_of(kind, [(expr_text(o), int(precedence(o))) for o in ops])


def operation_of(kind: D.OpKind, ops: Sequence[tuple[str, int]]) -> str:
    """`operation_text` over operands already printed: (text, precedence) pairs."""
    prec = _PREC[kind]
    if kind <= K.NOT:
        return _OP_TEXT[kind] + wrap(*ops[0], prec)
    if kind == K.POW:
        return wrap(*ops[0], prec, True) + " ** " + wrap(*ops[1], _UNARY)
    if kind == K.IF_THEN_ELSE:
        return (
            wrap(*ops[1], prec)
            + " if "
            + wrap(*ops[0], prec, True)
            + " else "
            + wrap(*ops[2], prec, True)
        )
    return wrap(*ops[0], prec) + _OP_SPACED[kind] + wrap(*ops[1], prec, True)


def binary_of(kind: D.OpKind, a: tuple[str, int], b: tuple[str, int]) -> str:
    """`operation_of` for a (left-associative) binary operator other than ``**``."""
    prec = _PREC[kind]
    # `wrap`'s rule, inlined (the hottest path): the left operand is wrapped when it binds
    # less tightly, the right one also when it binds as tightly.
    left = a[0] if a[1] >= prec else "(" + a[0] + ")"
    right = b[0] if b[1] > prec else "(" + b[0] + ")"
    return left + _OP_SPACED[kind] + right


def op_precedence(kind: D.OpKind) -> int:
    """How tightly an operation of ``kind`` binds."""
    return _PREC[kind]


def _lambda(e: D.LambdaDoc) -> str:
    return "lambda " + joined(e.args) + ": " + child_text(e.body, _LAMBDA)


def _tuple(e: D.TupleDoc) -> str:
    if len(e.elements) == 1:
        return "(" + expr_text(e.elements[0]) + ",)"
    return "(" + joined(e.elements) + ")"


def _list(e: D.ListDoc) -> str:
    return "[" + joined(e.elements) + "]"


def _dict(e: D.DictDoc) -> str:
    fns = _EXPR
    items = [
        fns[type(k)](k) + ": " + fns[type(v)](v) for k, v in zip(e.keys, e.values, strict=True)
    ]
    return "{" + ", ".join(items) + "}"


def _slice(e: D.SliceDoc) -> str:
    text = "" if e.start is None else expr_text(e.start)
    text += ":"
    if e.stop is not None:
        text += expr_text(e.stop)
    if e.step is not None:
        text += ":" + expr_text(e.step)
    return text


_EXPR: Final[dict[type, Callable[[D.ExprDoc | D.SliceDoc], str]]] = {
    D.LiteralDoc: _literal,  # type: ignore[dict-item]
    D.IdDoc: _id,  # type: ignore[dict-item]
    D.TextDoc: _text,  # type: ignore[dict-item]
    D.AttrAccessDoc: _attr,  # type: ignore[dict-item]
    D.IndexDoc: _index,  # type: ignore[dict-item]
    D.CallDoc: _call,  # type: ignore[dict-item]
    D.OperationDoc: _operation,  # type: ignore[dict-item]
    D.LambdaDoc: _lambda,  # type: ignore[dict-item]
    D.TupleDoc: _tuple,  # type: ignore[dict-item]
    D.ListDoc: _list,  # type: ignore[dict-item]
    D.DictDoc: _dict,  # type: ignore[dict-item]
    D.SliceDoc: _slice,  # type: ignore[dict-item]
}
