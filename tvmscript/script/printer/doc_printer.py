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

_PREC: Final[dict[D.OpKind, int]] = {k: int(v) for k, v in _OP_PREC.items()}
_OP_SPACED: Final[dict[D.OpKind, str]] = {k: f" {v} " for k, v in _OP_TEXT.items()}
_ATOM: Final = int(Prec.ATOM)
_LAMBDA: Final = int(Prec.LAMBDA)

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


class PythonDocPrinter:
    """Prints docs: expressions into strings, statements into a list of string pieces."""

    def __init__(self, indent_spaces: int = 4) -> None:
        self.out: list[str] = []
        self._indent = 0
        self._newline = "\n"
        self.step = indent_spaces
        self._expr: dict[type, Callable[[D.ExprDoc], str]] = {
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
            D.SliceDoc: self._slice,  # type: ignore[dict-item]
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
        self.out.append(self._newline)

    @property
    def indent(self) -> int:
        """The current indentation, in spaces."""
        return self._indent

    @indent.setter
    def indent(self, value: int) -> None:
        self._indent = value
        self._newline = "\n" + " " * value

    # -- dispatch -----------------------------------------------------------------------------

    def print_doc(self, doc: D.Doc) -> None:
        """Print any doc."""
        if isinstance(doc, D.ExprDoc | D.SliceDoc):
            self.out.append(self.expr(doc))  # type: ignore[arg-type]
        elif isinstance(doc, D.StmtDoc):
            self.stmt(doc)
        elif isinstance(doc, D.StmtBlockDoc):
            for s in doc.stmts:
                self.stmt(s)
                self.newline()
        else:
            raise TypeError(f"cannot print {type(doc).__name__}")

    def expr(self, e: D.ExprDoc) -> str:
        """The text of expression ``e``."""
        return self._expr[type(e)](e)

    def stmt(self, s: D.StmtDoc) -> None:
        self._stmt[type(s)](s)

    def child(self, e: D.ExprDoc, parent: int, same_too: bool = False) -> str:
        """``e``'s text, parenthesised when it binds less tightly than ``parent``."""
        cls = type(e)
        if cls is D.IdDoc:
            return e.name  # type: ignore[attr-defined,no-any-return]
        text = self._expr[cls](e)
        if cls is D.OperationDoc:
            prec = _PREC[e.kind]  # type: ignore[attr-defined]
        elif cls is D.LambdaDoc:
            prec = _LAMBDA
        else:
            return text
        if prec < parent or (same_too and prec == parent):
            return "(" + text + ")"
        return text

    def joined(self, docs: Sequence[D.ExprDoc | D.SliceDoc]) -> str:
        fns = self._expr
        return ", ".join([fns[type(d)](d) for d in docs])  # type: ignore[arg-type]

    # -- expressions --------------------------------------------------------------------------

    @staticmethod
    def _literal(e: D.LiteralDoc) -> str:
        value = e.value
        return str(value) if type(value) is int else format_literal(value)

    def _id(self, e: D.IdDoc) -> str:
        return e.name

    def _attr(self, e: D.AttrAccessDoc) -> str:
        return self.child(e.value, _ATOM) + "." + e.name

    def _index(self, e: D.IndexDoc) -> str:
        if not e.indices:
            return self.child(e.value, _ATOM) + "[()]"
        return self.child(e.value, _ATOM) + "[" + self.joined(e.indices) + "]"

    def _call(self, e: D.CallDoc) -> str:
        fns = self._expr
        parts = [fns[type(a)](a) for a in e.args]
        if e.kwargs_keys:
            for key, value in zip(e.kwargs_keys, e.kwargs_values, strict=True):
                parts.append(key + "=" + fns[type(value)](value))
        callee = e.callee
        if type(callee) is D.AttrAccessDoc and type(callee.value) is D.IdDoc:  # `T.name(...)`
            return callee.value.name + "." + callee.name + "(" + ", ".join(parts) + ")"
        return self.child(callee, _ATOM) + "(" + ", ".join(parts) + ")"

    def _operation(self, e: D.OperationDoc) -> str:
        kind, ops = e.kind, e.operands
        prec = _PREC[kind]
        if kind <= K.NOT:
            return _OP_TEXT[kind] + self.child(ops[0], prec)
        if kind == K.POW:
            return self.child(ops[0], prec, True) + " ** " + self.child(ops[1], Prec.UNARY)
        if kind == K.IF_THEN_ELSE:
            return (
                self.child(ops[1], prec)
                + " if "
                + self.child(ops[0], prec, True)
                + " else "
                + self.child(ops[2], prec, True)
            )
        return self.child(ops[0], prec) + _OP_SPACED[kind] + self.child(ops[1], prec, True)

    def _lambda(self, e: D.LambdaDoc) -> str:
        return "lambda " + self.joined(e.args) + ": " + self.child(e.body, _LAMBDA)

    def _tuple(self, e: D.TupleDoc) -> str:
        if len(e.elements) == 1:
            return "(" + self.expr(e.elements[0]) + ",)"
        return "(" + self.joined(e.elements) + ")"

    def _list(self, e: D.ListDoc) -> str:
        return "[" + self.joined(e.elements) + "]"

    def _dict(self, e: D.DictDoc) -> str:
        fns = self._expr
        items = [
            fns[type(k)](k) + ": " + fns[type(v)](v) for k, v in zip(e.keys, e.values, strict=True)
        ]
        return "{" + ", ".join(items) + "}"

    def _slice(self, e: D.SliceDoc) -> str:
        text = "" if e.start is None else self.expr(e.start)
        text += ":"
        if e.stop is not None:
            text += self.expr(e.stop)
        if e.step is not None:
            text += ":" + self.expr(e.step)
        return text

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
            self.out.append(self.joined(s.lhs.elements))
        else:
            self.out.append(self.expr(s.lhs))
        if s.annotation is not None:
            self.out.append(": ")
            self.out.append(self.expr(s.annotation))
        if s.rhs is not None:
            self.out.append(" = ")
            if isinstance(s.lhs, D.TupleDoc) and isinstance(s.rhs, D.TupleDoc):
                self.out.append(self.joined(s.rhs.elements))
            else:
                self.out.append(self.expr(s.rhs))
        self.inline_comment(s)

    def _if(self, s: D.IfDoc) -> None:
        self.comment_above(s, True)
        self.out.append("if ")
        self.out.append(self.expr(s.predicate))
        self.out.append(":")
        self.block(s.then_branch)
        if s.else_branch:
            self.newline()
            self.out.append("else:")
            self.block(s.else_branch)

    def _while(self, s: D.WhileDoc) -> None:
        self.comment_above(s, True)
        self.out.append("while ")
        self.out.append(self.expr(s.predicate))
        self.out.append(":")
        self.block(s.body)

    def _for(self, s: D.ForDoc) -> None:
        self.comment_above(s, True)
        self.out.append("for ")
        if isinstance(s.lhs, D.TupleDoc):
            self.out.append(self.joined(s.lhs.elements))
            if len(s.lhs.elements) == 1:
                self.out.append(",")
        else:
            self.out.append(self.expr(s.lhs))
        self.out.append(" in ")
        self.out.append(self.expr(s.rhs))
        self.out.append(":")
        self.block(s.body)

    def _scope(self, s: D.ScopeDoc) -> None:
        self.comment_above(s, True)
        self.out.append("with ")
        self.out.append(self.expr(s.rhs))
        if s.lhs is not None:
            self.out.append(" as ")
            self.out.append(self.expr(s.lhs))
        self.out.append(":")
        self.block(s.body)

    def _expr_stmt(self, s: D.ExprStmtDoc) -> None:
        self.out.append(self.expr(s.expr))
        self.inline_comment(s)

    def _assert(self, s: D.AssertDoc) -> None:
        self.out.append("assert ")
        self.out.append(self.expr(s.test))
        if s.msg is not None:
            self.out.append(", ")
            self.out.append(self.expr(s.msg))
        self.inline_comment(s)

    def _return(self, s: D.ReturnDoc) -> None:
        self.out.append("return ")
        self.out.append(self.expr(s.value))
        self.inline_comment(s)

    def _decorators(self, decorators: Sequence[D.ExprDoc]) -> None:
        for dec in decorators:
            self.out.append("@")
            self.out.append(self.expr(dec))
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
            self.out.append(self.expr(s.return_type))
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
