"""The Doc AST: the subset of Python that TVMScript accepts, as frozen slotted dataclasses.

`to_doc` converts a Python ``ast`` tree; constructs outside the subset raise a located
`DiagnosticError` (code ``unsupported-syntax``). Positions are kept as the raw ``ast`` tuple
and turned into a `Span` only when asked (most nodes never need one).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field, fields
from typing import Any, Final

from tvmscript.diagnostics import DiagnosticError
from tvmscript.ir.span import Span
from tvmscript.script.parser.core.source import Source

Pos = tuple[int, int, int | None, int | None]


@dataclass(frozen=True, slots=True, eq=False)
class Node:
    """A Doc AST node; ``span`` is computed from the ``ast`` position on demand."""

    pos: Pos = field(kw_only=True, repr=False)
    src: Source = field(kw_only=True, repr=False)

    @property
    def span(self) -> Span:
        return self.src.span(*self.pos)

    @property
    def kind(self) -> str:
        return type(self).__name__


class Stmt(Node):
    """A statement."""

    __slots__ = ()


class Expr(Node):
    """An expression."""

    __slots__ = ()


# --- statements ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class Arg(Node):
    """One parameter of a function."""

    arg: str
    annotation: Expr | None


@dataclass(frozen=True, slots=True, eq=False)
class Arguments(Node):
    """A function's parameter list (only plain positional parameters are accepted)."""

    args: tuple[Arg, ...]
    defaults: tuple[Expr, ...]


@dataclass(frozen=True, slots=True, eq=False)
class FunctionDef(Stmt):
    """``def name(args) -> returns: body``."""

    name: str
    args: Arguments
    body: tuple[Stmt, ...]
    decorator_list: tuple[Expr, ...]
    returns: Expr | None


@dataclass(frozen=True, slots=True, eq=False)
class ClassDef(Stmt):
    """``class name: body`` (only ``@I.ir_module`` classes)."""

    name: str
    body: tuple[Stmt, ...]
    decorator_list: tuple[Expr, ...]


@dataclass(frozen=True, slots=True, eq=False)
class Return(Stmt):
    """``return value``."""

    value: Expr | None


@dataclass(frozen=True, slots=True, eq=False)
class Assign(Stmt):
    """``targets[0] = ... = value``."""

    targets: tuple[Expr, ...]
    value: Expr


@dataclass(frozen=True, slots=True, eq=False)
class AugAssign(Stmt):
    """``target op= value``."""

    target: Expr
    op: str
    value: Expr


@dataclass(frozen=True, slots=True, eq=False)
class AnnAssign(Stmt):
    """``target: annotation = value``."""

    target: Expr
    annotation: Expr
    value: Expr | None


@dataclass(frozen=True, slots=True, eq=False)
class For(Stmt):
    """``for target in iter: body``."""

    target: Expr
    iter: Expr
    body: tuple[Stmt, ...]
    orelse: tuple[Stmt, ...]


@dataclass(frozen=True, slots=True, eq=False)
class While(Stmt):
    """``while test: body``."""

    test: Expr
    body: tuple[Stmt, ...]
    orelse: tuple[Stmt, ...]


@dataclass(frozen=True, slots=True, eq=False)
class If(Stmt):
    """``if test: body else: orelse``."""

    test: Expr
    body: tuple[Stmt, ...]
    orelse: tuple[Stmt, ...]


@dataclass(frozen=True, slots=True, eq=False)
class WithItem(Node):
    """``context_expr as optional_vars``."""

    context_expr: Expr
    optional_vars: Expr | None


@dataclass(frozen=True, slots=True, eq=False)
class With(Stmt):
    """``with items: body``."""

    items: tuple[WithItem, ...]
    body: tuple[Stmt, ...]


@dataclass(frozen=True, slots=True, eq=False)
class Assert(Stmt):
    """``assert test, msg``."""

    test: Expr
    msg: Expr | None


@dataclass(frozen=True, slots=True, eq=False)
class ExprStmt(Stmt):
    """An expression evaluated for its effect."""

    value: Expr


@dataclass(frozen=True, slots=True, eq=False)
class Pass(Stmt):
    """``pass``."""


@dataclass(frozen=True, slots=True, eq=False)
class Break(Stmt):
    """``break``."""


@dataclass(frozen=True, slots=True, eq=False)
class Continue(Stmt):
    """``continue``."""


# --- expressions -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class BoolOp(Expr):
    """``a and b`` / ``a or b``."""

    op: str
    values: tuple[Expr, ...]


@dataclass(frozen=True, slots=True, eq=False)
class BinOp(Expr):
    """``left op right``."""

    left: Expr
    op: str
    right: Expr


@dataclass(frozen=True, slots=True, eq=False)
class UnaryOp(Expr):
    """``op operand``."""

    op: str
    operand: Expr


@dataclass(frozen=True, slots=True, eq=False)
class Lambda(Expr):
    """``lambda args: body``."""

    args: Arguments
    body: Expr


@dataclass(frozen=True, slots=True, eq=False)
class IfExp(Expr):
    """``body if test else orelse``."""

    test: Expr
    body: Expr
    orelse: Expr


@dataclass(frozen=True, slots=True, eq=False)
class Dict(Expr):
    """``{k: v, ...}``."""

    keys: tuple[Expr | None, ...]
    values: tuple[Expr, ...]


@dataclass(frozen=True, slots=True, eq=False)
class Compare(Expr):
    """``left op1 c1 op2 c2 ...``."""

    left: Expr
    ops: tuple[str, ...]
    comparators: tuple[Expr, ...]


@dataclass(frozen=True, slots=True, eq=False)
class Keyword(Node):
    """``arg=value`` in a call (``arg`` is None for ``**value``)."""

    arg: str | None
    value: Expr


@dataclass(frozen=True, slots=True, eq=False)
class Call(Expr):
    """``func(args, keywords)``."""

    func: Expr
    args: tuple[Expr, ...]
    keywords: tuple[Keyword, ...]


@dataclass(frozen=True, slots=True, eq=False)
class Constant(Expr):
    """A literal."""

    value: Any


@dataclass(frozen=True, slots=True, eq=False)
class Attribute(Expr):
    """``value.attr``."""

    value: Expr
    attr: str


@dataclass(frozen=True, slots=True, eq=False)
class Subscript(Expr):
    """``value[slice]``."""

    value: Expr
    slice: Expr


@dataclass(frozen=True, slots=True, eq=False)
class Starred(Expr):
    """``*value``."""

    value: Expr


@dataclass(frozen=True, slots=True, eq=False)
class Name(Expr):
    """An identifier."""

    id: str


@dataclass(frozen=True, slots=True, eq=False)
class List(Expr):
    """``[elts]``."""

    elts: tuple[Expr, ...]


@dataclass(frozen=True, slots=True, eq=False)
class Tuple(Expr):
    """``(elts)``."""

    elts: tuple[Expr, ...]


@dataclass(frozen=True, slots=True, eq=False)
class Slice(Expr):
    """``lower:upper:step``."""

    lower: Expr | None
    upper: Expr | None
    step: Expr | None


# --- conversion ------------------------------------------------------------------------------

_UNSUPPORTED: Final[dict[type, str]] = {
    ast.ListComp: "list comprehensions are not supported in TVMScript",
    ast.SetComp: "set comprehensions are not supported in TVMScript",
    ast.DictComp: "dict comprehensions are not supported in TVMScript",
    ast.GeneratorExp: "generator expressions are not supported in TVMScript",
    ast.Await: "'await' is not supported in TVMScript",
    ast.Yield: "'yield' is not supported in TVMScript",
    ast.YieldFrom: "'yield from' is not supported in TVMScript",
    ast.NamedExpr: "assignment expressions (:=) are not supported in TVMScript",
    ast.Try: "'try' is not supported in TVMScript",
    ast.Raise: "'raise' is not supported in TVMScript",
    ast.Global: "'global' is not supported in TVMScript",
    ast.Nonlocal: "'nonlocal' is not supported in TVMScript",
    ast.Delete: "'del' is not supported in TVMScript",
    ast.Import: "'import' is not supported inside TVMScript",
    ast.ImportFrom: "'import' is not supported inside TVMScript",
    ast.AsyncFunctionDef: "'async def' is not supported in TVMScript",
    ast.AsyncFor: "'async for' is not supported in TVMScript",
    ast.AsyncWith: "'async with' is not supported in TVMScript",
    ast.Match: "'match' is not supported in TVMScript",
    ast.Set: "set literals are not supported in TVMScript",
    ast.JoinedStr: "f-strings are not supported in TVMScript",
}
if hasattr(ast, "TryStar"):
    _UNSUPPORTED[ast.TryStar] = "'try' is not supported in TVMScript"


class _Converter:
    """Turns one ``ast`` tree into Doc nodes, rejecting what TVMScript does not accept."""

    def __init__(self, src: Source) -> None:
        self.src = src

    def pos(self, node: ast.AST) -> Pos:
        return (
            node.lineno,  # type: ignore[attr-defined]
            node.col_offset,  # type: ignore[attr-defined]
            node.end_lineno,  # type: ignore[attr-defined]
            node.end_col_offset,  # type: ignore[attr-defined]
        )

    def reject(self, node: ast.AST, message: str) -> DiagnosticError:
        return DiagnosticError.at(self.src.span(*self.pos(node)), "unsupported-syntax", message)

    def stmts(self, nodes: list[ast.stmt]) -> tuple[Stmt, ...]:
        return tuple(self.stmt(n) for n in nodes)

    def opt(self, node: ast.expr | None) -> Expr | None:
        return None if node is None else self.expr(node)

    def exprs(self, nodes: list[ast.expr]) -> tuple[Expr, ...]:
        return tuple(self.expr(n) for n in nodes)

    def arguments(self, a: ast.arguments, owner: ast.AST) -> Arguments:
        if a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs:
            raise self.reject(owner, "only plain positional parameters are supported")
        args = tuple(
            Arg(x.arg, self.opt(x.annotation), pos=self.pos(x), src=self.src) for x in a.args
        )
        pos = self.pos(a.args[0]) if a.args else self.pos(owner)
        return Arguments(args, self.exprs(a.defaults), pos=pos, src=self.src)

    def stmt(self, n: ast.stmt) -> Stmt:  # noqa: C901, PLR0911  (one case per statement kind)
        p, s = self.pos(n), self.src
        match n:
            case ast.Expr(value=v):
                return ExprStmt(self.expr(v), pos=p, src=s)
            case ast.Assign(targets=ts, value=v):
                return Assign(self.exprs(ts), self.expr(v), pos=p, src=s)
            case ast.For(target=t, iter=it, body=b, orelse=o):
                return For(self.expr(t), self.expr(it), self.stmts(b), self.stmts(o), pos=p, src=s)
            case ast.With(items=items, body=b):
                ws = tuple(
                    WithItem(
                        self.expr(i.context_expr), self.opt(i.optional_vars),
                        pos=self.pos(i.context_expr), src=s,
                    )
                    for i in items
                )
                return With(ws, self.stmts(b), pos=p, src=s)
            case ast.AnnAssign(target=t, annotation=a, value=v):
                return AnnAssign(self.expr(t), self.expr(a), self.opt(v), pos=p, src=s)
            case ast.AugAssign(target=t, op=op, value=v):
                return AugAssign(self.expr(t), type(op).__name__, self.expr(v), pos=p, src=s)
            case ast.If(test=t, body=b, orelse=o):
                return If(self.expr(t), self.stmts(b), self.stmts(o), pos=p, src=s)
            case ast.While(test=t, body=b, orelse=o):
                return While(self.expr(t), self.stmts(b), self.stmts(o), pos=p, src=s)
            case ast.Assert(test=t, msg=m):
                return Assert(self.expr(t), self.opt(m), pos=p, src=s)
            case ast.Return(value=v):
                return Return(self.opt(v), pos=p, src=s)
            case ast.Pass():
                return Pass(pos=p, src=s)
            case ast.Break():
                return Break(pos=p, src=s)
            case ast.Continue():
                return Continue(pos=p, src=s)
            case ast.FunctionDef():
                return self.function(n)
            case ast.ClassDef():
                return self.class_def(n)
        raise self.reject(n, _UNSUPPORTED.get(type(n), f"'{type(n).__name__}' is not supported"))

    def function(self, n: ast.FunctionDef) -> FunctionDef:
        return FunctionDef(
            n.name, self.arguments(n.args, n), self.stmts(n.body), self.exprs(n.decorator_list),
            self.opt(n.returns), pos=self.pos(n), src=self.src,
        )

    def class_def(self, n: ast.ClassDef) -> ClassDef:
        if n.bases or n.keywords:
            raise self.reject(n, "an IRModule class cannot have base classes")
        return ClassDef(
            n.name, self.stmts(n.body), self.exprs(n.decorator_list), pos=self.pos(n), src=self.src
        )

    def expr(self, n: ast.expr) -> Expr:  # noqa: C901, PLR0911, PLR0912  (one case per kind)
        p, s = self.pos(n), self.src
        match n:
            case ast.Name(id=i):
                return Name(i, pos=p, src=s)
            case ast.Constant(value=v):
                return Constant(v, pos=p, src=s)
            case ast.Attribute(value=v, attr=a):
                return Attribute(self.expr(v), a, pos=p, src=s)
            case ast.Call(func=f, args=a, keywords=k):
                kws = tuple(
                    Keyword(kw.arg, self.expr(kw.value), pos=self.pos(kw), src=s) for kw in k
                )
                return Call(self.expr(f), self.exprs(a), kws, pos=p, src=s)
            case ast.Subscript(value=v, slice=sl):
                return Subscript(self.expr(v), self.expr(sl), pos=p, src=s)
            case ast.BinOp(left=left, op=op, right=r):
                return BinOp(self.expr(left), type(op).__name__, self.expr(r), pos=p, src=s)
            case ast.Tuple(elts=e):
                return Tuple(self.exprs(e), pos=p, src=s)
            case ast.List(elts=e):
                return List(self.exprs(e), pos=p, src=s)
            case ast.Compare(left=left, ops=ops, comparators=c):
                names = tuple(type(o).__name__ for o in ops)
                return Compare(self.expr(left), names, self.exprs(c), pos=p, src=s)
            case ast.UnaryOp(op=op, operand=o):
                return UnaryOp(type(op).__name__, self.expr(o), pos=p, src=s)
            case ast.BoolOp(op=op, values=v):
                return BoolOp(type(op).__name__, self.exprs(v), pos=p, src=s)
            case ast.Slice(lower=lo, upper=up, step=st):
                return Slice(self.opt(lo), self.opt(up), self.opt(st), pos=p, src=s)
            case ast.Dict(keys=ks, values=vs):
                return Dict(tuple(self.opt(k) for k in ks), self.exprs(vs), pos=p, src=s)
            case ast.IfExp(test=t, body=b, orelse=o):
                return IfExp(self.expr(t), self.expr(b), self.expr(o), pos=p, src=s)
            case ast.Lambda(args=a, body=b):
                return Lambda(self.arguments(a, n), self.expr(b), pos=p, src=s)
            case ast.Starred(value=v):
                return Starred(self.expr(v), pos=p, src=s)
        raise self.reject(n, _UNSUPPORTED.get(type(n), f"'{type(n).__name__}' is not supported"))


def to_doc(node: ast.stmt, src: Source) -> Stmt:
    """Convert one top-level ``ast`` statement (a definition) to the Doc AST."""
    return _Converter(src).stmt(node)


def to_doc_expr(node: ast.expr, src: Source) -> Expr:
    """Convert one ``ast`` expression to the Doc AST."""
    return _Converter(src).expr(node)


def children(node: Node) -> list[Node]:
    """The Doc nodes directly under ``node`` (for walkers)."""
    out: list[Node] = []
    for f in fields(node):
        value = getattr(node, f.name)
        if isinstance(value, Node):
            out.append(value)
        elif isinstance(value, tuple):
            out.extend(v for v in value if isinstance(v, Node))
    return out
