"""Doc → Python text, laid out as TVM 0.27's ``DocToPythonScript``.

Statements are laid out here; expressions (literals, precedence, parentheses) in `expr_text`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from tvmscript.script.printer import doc as D
from tvmscript.script.printer.expr_text import (
    Prec,
    escape_string,
    expr_text,
    format_float,
    format_literal,
    joined,
    precedence,
)

__all__ = [
    "Prec",
    "PythonDocPrinter",
    "escape_string",
    "format_float",
    "format_literal",
    "precedence",
    "to_python_script",
]


def comment_line(text: str) -> str:
    """One line of comment: ``# text``, or a bare ``#`` for an empty one."""
    return "# " + text if text else "#"


class PythonDocPrinter:
    """Prints docs: expressions into strings, statements into a list of string pieces."""

    def __init__(self, indent_spaces: int = 4) -> None:
        self.out: list[str] = []
        self._indent = 0
        self._newline = "\n"
        self.step = indent_spaces

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
        if (newline := _NEWLINES.get(value)) is None:
            newline = _NEWLINES[value] = "\n" + " " * value
        self._newline = newline

    # -- dispatch -----------------------------------------------------------------------------

    def print_doc(self, doc: D.Doc) -> None:
        """Print any doc."""
        if isinstance(doc, D.ExprDoc | D.SliceDoc):
            self.out.append(expr_text(doc))
        elif isinstance(doc, D.StmtDoc):
            self.stmt(doc)
        elif isinstance(doc, D.StmtBlockDoc):
            for s in doc.stmts:
                self.stmt(s)
                self.newline()
        else:
            raise TypeError(f"cannot print {type(doc).__name__}")

    def stmt(self, s: D.StmtDoc) -> None:
        _STMT[type(s)](self, s)

    # -- statements ---------------------------------------------------------------------------

    def block(self, stmts: Sequence[D.StmtDoc]) -> None:
        self.indent += self.step
        out, newline, fns = self.out, self._newline, _STMT
        for s in stmts:  # a nested block restores the indentation it changes
            out.append(newline)
            fns[type(s)](self, s)
        if not stmts:
            self.newline()
            self.out.append("pass")
        self.indent -= self.step

    def inline_comment(self, s: D.StmtDoc) -> None:
        if s.comment is not None:
            self.out.append("  " + comment_line(s.comment))

    def comment_above(self, s: D.StmtDoc, newline: bool) -> None:
        if s.comment is None:
            return
        for i, line in enumerate(s.comment.split("\n")):
            if i:
                self.newline()
            self.out.append(comment_line(line))
        if newline:
            self.newline()

    def _assign(self, s: D.AssignDoc) -> None:
        lhs, rhs = s.lhs, s.rhs
        unpack = type(lhs) is D.TupleDoc
        text = joined(lhs.elements) if unpack else expr_text(lhs)  # type: ignore[attr-defined]
        if s.annotation is not None:
            text += ": " + expr_text(s.annotation)
        if rhs is not None:
            # A tuple value is unparenthesised (TVM's rule: two or more elements, or unpacked).
            if type(rhs) is D.TupleDoc and (unpack or len(rhs.elements) > 1):
                text += " = " + joined(rhs.elements)
            else:
                text += " = " + expr_text(rhs)
        if s.comment is not None:
            text += "  " + comment_line(s.comment)
        self.out.append(text)

    def _if(self, s: D.IfDoc) -> None:
        self.comment_above(s, True)
        self.out.append("if ")
        self.out.append(expr_text(s.predicate))
        self.out.append(":")
        self.block(s.then_branch)
        if s.else_branch:
            self.newline()
            self.out.append("else:")
            self.block(s.else_branch)

    def _while(self, s: D.WhileDoc) -> None:
        self.comment_above(s, True)
        self.out.append("while ")
        self.out.append(expr_text(s.predicate))
        self.out.append(":")
        self.block(s.body)

    def _for(self, s: D.ForDoc) -> None:
        if s.comment is not None:
            self.comment_above(s, True)
        lhs = s.lhs
        if type(lhs) is D.TupleDoc:
            target = joined(lhs.elements) + ("," if len(lhs.elements) == 1 else "")
        else:
            target = expr_text(lhs)
        self.out.append("for " + target + " in " + expr_text(s.rhs) + ":")
        self.block(s.body)

    def _scope(self, s: D.ScopeDoc) -> None:
        if s.comment is not None:
            self.comment_above(s, True)
        if s.lhs is None:
            self.out.append("with " + expr_text(s.rhs) + ":")
        else:
            self.out.append("with " + expr_text(s.rhs) + " as " + expr_text(s.lhs) + ":")
        self.block(s.body)

    def _expr_stmt(self, s: D.ExprStmtDoc) -> None:
        if s.comment is None:
            self.out.append(expr_text(s.expr))
        else:
            self.out.append(expr_text(s.expr) + "  " + comment_line(s.comment))

    def _assert(self, s: D.AssertDoc) -> None:
        self.out.append("assert ")
        self.out.append(expr_text(s.test))
        if s.msg is not None:
            self.out.append(", ")
            self.out.append(expr_text(s.msg))
        self.inline_comment(s)

    def _return(self, s: D.ReturnDoc) -> None:
        self.out.append("return ")
        self.out.append(expr_text(s.value))
        self.inline_comment(s)

    def _decorators(self, decorators: Sequence[D.ExprDoc]) -> None:
        for dec in decorators:
            self.out.append("@")
            self.out.append(expr_text(dec))
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
            self.out.append(expr_text(s.return_type))
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
        self.block(s.body)  # no blank line after a class (a function leaves one)

    def _comment(self, s: D.CommentDoc) -> None:
        self.comment_above(s, False)

    def _docstring(self, s: D.DocStringDoc) -> None:
        if s.comment:
            self.out.append('"""' + s.comment + '"""')


P = PythonDocPrinter
_STMT: Final[dict[type, Callable[[P, D.StmtDoc], None]]] = {
    D.AssignDoc: P._assign,  # type: ignore[dict-item]
    D.IfDoc: P._if,  # type: ignore[dict-item]
    D.WhileDoc: P._while,  # type: ignore[dict-item]
    D.ForDoc: P._for,  # type: ignore[dict-item]
    D.ScopeDoc: P._scope,  # type: ignore[dict-item]
    D.ExprStmtDoc: P._expr_stmt,  # type: ignore[dict-item]
    D.AssertDoc: P._assert,  # type: ignore[dict-item]
    D.ReturnDoc: P._return,  # type: ignore[dict-item]
    D.FunctionDoc: P._function,  # type: ignore[dict-item]
    D.ClassDoc: P._class,  # type: ignore[dict-item]
    D.CommentDoc: P._comment,  # type: ignore[dict-item]
    D.DocStringDoc: P._docstring,  # type: ignore[dict-item]
}
_NEWLINES: dict[int, str] = {}  # indentation -> "\n" and that many spaces


def to_python_script(doc: D.Doc, indent_spaces: int = 4) -> str:
    """``doc`` as Python text (TVM's layout; trailing whitespace removed)."""
    printer = PythonDocPrinter(indent_spaces)
    printer.print_doc(doc)
    return printer.text()
