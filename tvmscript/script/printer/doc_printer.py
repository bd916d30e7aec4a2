"""Doc → Python text, laid out as TVM 0.27's ``DocToPythonScript``.

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

_ESCAPES: Final = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def precedence(e: D.ExprDoc) -> Prec:
    """How tightly ``e`` binds."""
    if isinstance(e, D.OperationDoc):
        return _OP_PREC[e.kind]
    if isinstance(e, D.LambdaDoc):
        return Prec.LAMBDA
    return Prec.ATOM


def format_float(value: float) -> str:
    """TVM's float literal: integral values as ``%.1f``, others with 17 significant digits."""
    if math.isinf(value) or math.isnan(value):
        return f'"{value:.17g}"'
    if value == math.floor(value):
        return f"{value:.1f}"
    return f"{value:.17g}"


def escape_string(text: str) -> str:
    """``text`` as a double-quoted Python string literal."""
    if not any(c in _ESCAPES or c < " " for c in text):
        return f'"{text}"'
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


class PythonDocPrinter:
    """Prints docs into a list of string pieces; `text` joins them."""

    def __init__(self, indent_spaces: int = 4) -> None:
        self.out: list[str] = []
        self.indent = 0
        self.step = indent_spaces
        self._expr: dict[type, Callable[[D.ExprDoc], None]] = {
            D.LiteralDoc: self._literal,  # type: ignore[dict-item]
            D.IdDoc: self._id,  # type: ignore[dict-item]
            D.AttrAccessDoc: self._attr,  # type: ignore[dict-item]
            D.IndexDoc: self._index,  # type: ignore[dict-item]
            D.CallDoc: self._call,  # type: ignore[dict-item]
            D.OperationDoc: self._operation,  # type: ignore[dict-item]
            D.LambdaDoc: self._lambda,  # type: ignore[dict-item]
            D.TupleDoc: self._tuple,  # type: ignore[dict-item]
            D.ListDoc: self._list,  # type: ignore[dict-item]
            D.DictDoc: self._dict,  # type: ignore[dict-item]
        }
        self._stmt: dict[type, Callable[[D.StmtDoc], None]] = {
            D.AssignDoc: self._assign,  # type: ignore[dict-item]
            D.IfDoc: self._if,  # type: ignore[dict-item]
            D.WhileDoc: self._while,  # type: ignore[dict-item]
            D.ForDoc: self._for,  # type: ignore[dict-item]
            D.ScopeDoc: self._scope,  # type: ignore[dict-item]
            D.ExprStmtDoc: self._expr_stmt,  # type: ignore[dict-item]
            D.AssertDoc: self._assert,  # type: ignore[dict-item]
            D.ReturnDoc: self._return,  # type: ignore[dict-item]
            D.FunctionDoc: self._function,  # type: ignore[dict-item]
            D.ClassDoc: self._class,  # type: ignore[dict-item]
            D.CommentDoc: self._comment,  # type: ignore[dict-item]
            D.DocStringDoc: self._docstring,  # type: ignore[dict-item]
        }

    def text(self) -> str:
        """Everything printed so far, trailing whitespace removed."""
        return "".join(self.out).rstrip()

    def newline(self) -> None:
        self.out.append("\n" + " " * self.indent)

    # -- dispatch -----------------------------------------------------------------------------

    def print_doc(self, doc: D.Doc) -> None:
        """Print any doc."""
        if isinstance(doc, D.ExprDoc):
            self.expr(doc)
        elif isinstance(doc, D.StmtDoc):
            self.stmt(doc)
        elif isinstance(doc, D.StmtBlockDoc):
            for s in doc.stmts:
                self.stmt(s)
                self.newline()
        elif isinstance(doc, D.SliceDoc):
            self._slice(doc)
        else:
            raise TypeError(f"cannot print {type(doc).__name__}")

    def expr(self, e: D.ExprDoc) -> None:
        self._expr[type(e)](e)

    def stmt(self, s: D.StmtDoc) -> None:
        self._stmt[type(s)](s)

    def child(self, e: D.ExprDoc, parent: Prec, same_too: bool = False) -> None:
        prec = precedence(e)
        if prec < parent or (same_too and prec == parent):
            self.out.append("(")
            self.expr(e)
            self.out.append(")")
        else:
            self.expr(e)

    def joined(self, docs: Sequence[D.ExprDoc | D.SliceDoc], sep: str = ", ") -> None:
        for i, d in enumerate(docs):
            if i:
                self.out.append(sep)
            if isinstance(d, D.SliceDoc):
                self._slice(d)
            else:
                self.expr(d)

    # -- expressions --------------------------------------------------------------------------

    def _literal(self, e: D.LiteralDoc) -> None:
        self.out.append(format_literal(e.value))

    def _id(self, e: D.IdDoc) -> None:
        self.out.append(e.name)

    def _attr(self, e: D.AttrAccessDoc) -> None:
        self.child(e.value, Prec.ATOM)
        self.out.append("." + e.name)

    def _index(self, e: D.IndexDoc) -> None:
        self.child(e.value, Prec.ATOM)
        if not e.indices:
            self.out.append("[()]")
            return
        self.out.append("[")
        self.joined(e.indices)
        self.out.append("]")

    def _call(self, e: D.CallDoc) -> None:
        self.child(e.callee, Prec.ATOM)
        self.out.append("(")
        self.joined(e.args)
        for i, (key, value) in enumerate(zip(e.kwargs_keys, e.kwargs_values, strict=True)):
            if i or e.args:
                self.out.append(", ")
            self.out.append(key + "=")
            self.expr(value)
        self.out.append(")")

    def _operation(self, e: D.OperationDoc) -> None:
        kind, ops = e.kind, e.operands
        prec = _OP_PREC[kind]
        if kind <= K.NOT:
            self.out.append(_OP_TEXT[kind])
            self.child(ops[0], prec)
        elif kind == K.POW:
            self.child(ops[0], prec, same_too=True)
            self.out.append(" ** ")
            self.child(ops[1], Prec.UNARY)
        elif kind == K.IF_THEN_ELSE:
            self.child(ops[1], prec)
            self.out.append(" if ")
            self.child(ops[0], prec, same_too=True)
            self.out.append(" else ")
            self.child(ops[2], prec, same_too=True)
        else:
            self.child(ops[0], prec)
            self.out.append(f" {_OP_TEXT[kind]} ")
            self.child(ops[1], prec, same_too=True)

    def _lambda(self, e: D.LambdaDoc) -> None:
        self.out.append("lambda ")
        self.joined(e.args)
        self.out.append(": ")
        self.child(e.body, Prec.LAMBDA)

    def _tuple(self, e: D.TupleDoc) -> None:
        self.out.append("(")
        self.joined(e.elements)
        self.out.append(",)" if len(e.elements) == 1 else ")")

    def _list(self, e: D.ListDoc) -> None:
        self.out.append("[")
        self.joined(e.elements)
        self.out.append("]")

    def _dict(self, e: D.DictDoc) -> None:
        self.out.append("{")
        for i, (k, v) in enumerate(zip(e.keys, e.values, strict=True)):
            if i:
                self.out.append(", ")
            self.expr(k)
            self.out.append(": ")
            self.expr(v)
        self.out.append("}")

    def _slice(self, e: D.SliceDoc) -> None:
        if e.start is not None:
            self.expr(e.start)
        self.out.append(":")
        if e.stop is not None:
            self.expr(e.stop)
        if e.step is not None:
            self.out.append(":")
            self.expr(e.step)

    # -- statements ---------------------------------------------------------------------------

    def block(self, stmts: Sequence[D.StmtDoc]) -> None:
        self.indent += self.step
        for s in stmts:
            self.newline()
            self.stmt(s)
        if not stmts:
            self.newline()
            self.out.append("pass")
        self.indent -= self.step

    def inline_comment(self, s: D.StmtDoc) -> None:
        if s.comment is not None:
            self.out.append("  # " + s.comment)

    def comment_above(self, s: D.StmtDoc, newline: bool) -> None:
        if s.comment is None:
            return
        for i, line in enumerate(s.comment.split("\n") if s.comment else []):
            if i:
                self.newline()
            self.out.append("# " + line)
        if newline:
            self.newline()

    def _assign(self, s: D.AssignDoc) -> None:
        if isinstance(s.lhs, D.TupleDoc):
            self.joined(s.lhs.elements)
        else:
            self.expr(s.lhs)
        if s.annotation is not None:
            self.out.append(": ")
            self.expr(s.annotation)
        if s.rhs is not None:
            self.out.append(" = ")
            if isinstance(s.lhs, D.TupleDoc) and isinstance(s.rhs, D.TupleDoc):
                self.joined(s.rhs.elements)
            else:
                self.expr(s.rhs)
        self.inline_comment(s)

    def _if(self, s: D.IfDoc) -> None:
        self.comment_above(s, True)
        self.out.append("if ")
        self.expr(s.predicate)
        self.out.append(":")
        self.block(s.then_branch)
        if s.else_branch:
            self.newline()
            self.out.append("else:")
            self.block(s.else_branch)

    def _while(self, s: D.WhileDoc) -> None:
        self.comment_above(s, True)
        self.out.append("while ")
        self.expr(s.predicate)
        self.out.append(":")
        self.block(s.body)

    def _for(self, s: D.ForDoc) -> None:
        self.comment_above(s, True)
        self.out.append("for ")
        if isinstance(s.lhs, D.TupleDoc):
            self.joined(s.lhs.elements)
            if len(s.lhs.elements) == 1:
                self.out.append(",")
        else:
            self.expr(s.lhs)
        self.out.append(" in ")
        self.expr(s.rhs)
        self.out.append(":")
        self.block(s.body)

    def _scope(self, s: D.ScopeDoc) -> None:
        self.comment_above(s, True)
        self.out.append("with ")
        self.expr(s.rhs)
        if s.lhs is not None:
            self.out.append(" as ")
            self.expr(s.lhs)
        self.out.append(":")
        self.block(s.body)

    def _expr_stmt(self, s: D.ExprStmtDoc) -> None:
        self.expr(s.expr)
        self.inline_comment(s)

    def _assert(self, s: D.AssertDoc) -> None:
        self.out.append("assert ")
        self.expr(s.test)
        if s.msg is not None:
            self.out.append(", ")
            self.expr(s.msg)
        self.inline_comment(s)

    def _return(self, s: D.ReturnDoc) -> None:
        self.out.append("return ")
        self.expr(s.value)
        self.inline_comment(s)

    def _decorators(self, decorators: Sequence[D.ExprDoc]) -> None:
        for dec in decorators:
            self.out.append("@")
            self.expr(dec)
            self.newline()

    def _block_comment(self, text: str) -> None:
        self.indent += self.step
        self.newline()
        self.out.append('"""')
        for line in text.split("\n"):
            if line:
                self.newline()
                self.out.append(line)
            else:
                self.out.append("\n")
        self.newline()
        self.out.append('"""')
        self.indent -= self.step

    def _function(self, s: D.FunctionDoc) -> None:
        self._decorators(s.decorators)
        self.out.append("def " + s.name.name + "(")
        for i, arg in enumerate(s.args):
            if i:
                self.out.append(", ")
            self._assign(arg)
        self.out.append(")")
        if s.return_type is not None:
            self.out.append(" -> ")
            self.expr(s.return_type)
        self.out.append(":")
        if s.comment is not None:
            self._block_comment(s.comment)
        self.block(s.body)
        self.out.append("\n")

    def _class(self, s: D.ClassDoc) -> None:
        self._decorators(s.decorators)
        self.out.append("class " + s.name.name + ":")
        if s.comment is not None:
            self._block_comment(s.comment)
        self.block(s.body)
        self.out.append("\n")

    def _comment(self, s: D.CommentDoc) -> None:
        self.comment_above(s, False)

    def _docstring(self, s: D.DocStringDoc) -> None:
        if s.comment:
            self.out.append('"""' + s.comment + '"""')


def to_python_script(doc: D.Doc, indent_spaces: int = 4) -> str:
    """``doc`` as Python text (TVM's layout; trailing whitespace removed)."""
    printer = PythonDocPrinter(indent_spaces)
    printer.print_doc(doc)
    return printer.text()
