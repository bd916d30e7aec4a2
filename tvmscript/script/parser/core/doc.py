"""The Doc AST: the subset of Python that TVMScript accepts, as slotted dataclasses.

Doc nodes are never changed after conversion; they are not ``frozen`` only because frozen
construction costs 2.4x as much and conversion is on the parser's hot path (its throughput
target is 15x TVM's).

`to_doc` converts a Python ``ast`` tree; constructs outside the subset raise a located
`DiagnosticError` (code ``unsupported-syntax``). Positions are kept as the raw ``ast`` tuple
and turned into a `Span` only when asked (most nodes never need one).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field, fields
from typing import Any, Final

from tvmscript.core.ir.span import Span
from tvmscript.diagnostics import DiagnosticError
from tvmscript.script.parser.core.source import Source

Pos = tuple[int, int, int | None, int | None]


@dataclass(slots=True, eq=False)
class Node:
    """A Doc AST node; ``span`` is computed from the ``ast`` position on demand."""

    pos: Pos = field(repr=False)
    src: Source = field(repr=False)

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


@dataclass(slots=True, eq=False)
class Arg(Node):
    """One parameter of a function."""

    arg: str
    annotation: Expr | None


@dataclass(slots=True, eq=False)
class Arguments(Node):
    """A function's parameter list: positional parameters (keyword-only ones for ``@jit``).

    Keyword-only parameters are accepted only for a ``@T.jit``-style kernel: they are its
    compile-time values.
    """

    args: tuple[Arg, ...]
    defaults: tuple[Expr, ...]
    kwonlyargs: tuple[Arg, ...] = ()
    kw_defaults: tuple[Expr | None, ...] = ()


@dataclass(slots=True, eq=False)
class FunctionDef(Stmt):
    """``def name(args) -> returns: body``."""

    name: str
    args: Arguments
    body: tuple[Stmt, ...]
    decorator_list: tuple[Expr, ...]
    returns: Expr | None


@dataclass(slots=True, eq=False)
class ClassDef(Stmt):
    """``class name: body`` (only ``@I.ir_module`` classes)."""

    name: str
    body: tuple[Stmt, ...]
    decorator_list: tuple[Expr, ...]


@dataclass(slots=True, eq=False)
class Return(Stmt):
    """``return value``."""

    value: Expr | None


@dataclass(slots=True, eq=False)
class Assign(Stmt):
    """``targets[0] = ... = value``."""

    targets: tuple[Expr, ...]
    value: Expr


@dataclass(slots=True, eq=False)
class AugAssign(Stmt):
    """``target op= value``."""

    target: Expr
    op: str
    value: Expr


@dataclass(slots=True, eq=False)
class AnnAssign(Stmt):
    """``target: annotation = value``."""

    target: Expr
    annotation: Expr
    value: Expr | None


@dataclass(slots=True, eq=False)
class For(Stmt):
    """``for target in iter: body``."""

    target: Expr
    iter: Expr
    body: tuple[Stmt, ...]
    orelse: tuple[Stmt, ...]


@dataclass(slots=True, eq=False)
class While(Stmt):
    """``while test: body``."""

    test: Expr
    body: tuple[Stmt, ...]
    orelse: tuple[Stmt, ...]


@dataclass(slots=True, eq=False)
class If(Stmt):
    """``if test: body else: orelse``."""

    test: Expr
    body: tuple[Stmt, ...]
    orelse: tuple[Stmt, ...]


@dataclass(slots=True, eq=False)
class WithItem(Node):
    """``context_expr as optional_vars``."""

    context_expr: Expr
    optional_vars: Expr | None


@dataclass(slots=True, eq=False)
class With(Stmt):
    """``with items: body``."""

    items: tuple[WithItem, ...]
    body: tuple[Stmt, ...]


@dataclass(slots=True, eq=False)
class Assert(Stmt):
    """``assert test, msg``."""

    test: Expr
    msg: Expr | None


@dataclass(slots=True, eq=False)
class ExprStmt(Stmt):
    """An expression evaluated for its effect."""

    value: Expr


@dataclass(slots=True, eq=False)
class Pass(Stmt):
    """``pass``."""


@dataclass(slots=True, eq=False)
class Break(Stmt):
    """``break``."""


@dataclass(slots=True, eq=False)
class Continue(Stmt):
    """``continue``."""


# --- expressions -----------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class BoolOp(Expr):
    """``a and b`` / ``a or b``."""

    op: str
    values: tuple[Expr, ...]


@dataclass(slots=True, eq=False)
class BinOp(Expr):
    """``left op right``."""

    left: Expr
    op: str
    right: Expr


@dataclass(slots=True, eq=False)
class UnaryOp(Expr):
    """``op operand``."""

    op: str
    operand: Expr


@dataclass(slots=True, eq=False)
class Lambda(Expr):
    """``lambda args: body``."""

    args: Arguments
    body: Expr


@dataclass(slots=True, eq=False)
class IfExp(Expr):
    """``body if test else orelse``."""

    test: Expr
    body: Expr
    orelse: Expr


@dataclass(slots=True, eq=False)
class Dict(Expr):
    """``{k: v, ...}``."""

    keys: tuple[Expr | None, ...]
    values: tuple[Expr, ...]


@dataclass(slots=True, eq=False)
class Compare(Expr):
    """``left op1 c1 op2 c2 ...``."""

    left: Expr
    ops: tuple[str, ...]
    comparators: tuple[Expr, ...]


@dataclass(slots=True, eq=False)
class Keyword(Node):
    """``arg=value`` in a call (``arg`` is None for ``**value``)."""

    arg: str | None
    value: Expr


@dataclass(slots=True, eq=False)
class Call(Expr):
    """``func(args, keywords)``."""

    func: Expr
    args: tuple[Expr, ...]
    keywords: tuple[Keyword, ...]


@dataclass(slots=True, eq=False)
class Constant(Expr):
    """A literal."""

    value: Any


@dataclass(slots=True, eq=False)
class Attribute(Expr):
    """``value.attr``."""

    value: Expr
    attr: str


@dataclass(slots=True, eq=False)
class Subscript(Expr):
    """``value[slice]``."""

    value: Expr
    slice: Expr


@dataclass(slots=True, eq=False)
class Starred(Expr):
    """``*value``."""

    value: Expr


@dataclass(slots=True, eq=False)
class Name(Expr):
    """An identifier."""

    id: str


@dataclass(slots=True, eq=False)
class List(Expr):
    """``[elts]``."""

    elts: tuple[Expr, ...]


@dataclass(slots=True, eq=False)
class Tuple(Expr):
    """``(elts)``."""

    elts: tuple[Expr, ...]


@dataclass(slots=True, eq=False)
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


def _is_jit(node: ast.FunctionDef) -> bool:
    """Whether ``node`` is decorated ``@<...>.jit``: its keyword-only parameters are allowed."""
    for deco in node.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
        if name == "jit":
            return True
    return False


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
        return tuple([self.stmt(n) for n in nodes])

    def opt(self, node: ast.expr | None) -> Expr | None:
        return None if node is None else self.expr(node)

    def exprs(self, nodes: list[ast.expr]) -> tuple[Expr, ...]:
        return tuple([self.expr(n) for n in nodes])

    def arguments(self, a: ast.arguments, owner: ast.AST) -> Arguments:
        kwonly_ok = isinstance(owner, ast.FunctionDef) and _is_jit(owner)
        if a.vararg or a.kwarg or a.posonlyargs or (a.kwonlyargs and not kwonly_ok):
            raise self.reject(owner, "only plain positional parameters are supported")
        args = tuple(Arg(self.pos(x), self.src, x.arg, self.opt(x.annotation)) for x in a.args)
        kwonly = tuple(
            Arg(self.pos(x), self.src, x.arg, self.opt(x.annotation)) for x in a.kwonlyargs
        )
        kw_defaults = tuple(self.opt(d) for d in a.kw_defaults)
        pos = self.pos(a.args[0]) if a.args else self.pos(owner)
        return Arguments(pos, self.src, args, self.exprs(a.defaults), kwonly, kw_defaults)

    def stmt(self, n: ast.stmt) -> Stmt:  # noqa: C901  (one case per statement kind)
        p, s = self.pos(n), self.src
        match n:
            case ast.Expr(value=v):
                return ExprStmt(p, s, self.expr(v))
            case ast.Assign(targets=ts, value=v):
                return Assign(p, s, self.exprs(ts), self.expr(v))
            case ast.For(target=t, iter=it, body=b, orelse=o):
                return For(p, s, self.expr(t), self.expr(it), self.stmts(b), self.stmts(o))
            case ast.With(items=items, body=b):
                ws = tuple(
                    WithItem(
                        self.pos(i.context_expr),
                        s,
                        self.expr(i.context_expr),
                        self.opt(i.optional_vars),
                    )
                    for i in items
                )
                return With(p, s, ws, self.stmts(b))
            case ast.AnnAssign(target=t, annotation=a, value=v):
                return AnnAssign(p, s, self.expr(t), self.expr(a), self.opt(v))
            case ast.AugAssign(target=t, op=op, value=v):
                return AugAssign(p, s, self.expr(t), type(op).__name__, self.expr(v))
            case ast.If(test=t, body=b, orelse=o):
                return If(p, s, self.expr(t), self.stmts(b), self.stmts(o))
            case ast.While(test=t, body=b, orelse=o):
                return While(p, s, self.expr(t), self.stmts(b), self.stmts(o))
            case ast.Assert(test=t, msg=m):
                return Assert(p, s, self.expr(t), self.opt(m))
            case ast.Return(value=v):
                return Return(p, s, self.opt(v))
            case ast.Pass():
                return Pass(p, s)
            case ast.Break():
                return Break(p, s)
            case ast.Continue():
                return Continue(p, s)
            case ast.FunctionDef():
                return self.function(n)
            case ast.ClassDef():
                return self.class_def(n)
        raise self.reject(n, _UNSUPPORTED.get(type(n), f"'{type(n).__name__}' is not supported"))

    def function(self, n: ast.FunctionDef) -> FunctionDef:
        return FunctionDef(
            self.pos(n),
            self.src,
            n.name,
            self.arguments(n.args, n),
            self.stmts(n.body),
            self.exprs(n.decorator_list),
            self.opt(n.returns),
        )

    def class_def(self, n: ast.ClassDef) -> ClassDef:
        if n.bases or n.keywords:
            raise self.reject(n, "an IRModule class cannot have base classes")
        return ClassDef(
            self.pos(n), self.src, n.name, self.stmts(n.body), self.exprs(n.decorator_list)
        )

    def expr(self, n: ast.expr) -> Expr:
        convert = _EXPR.get(type(n))
        if convert is None:
            raise self.reject(
                n, _UNSUPPORTED.get(type(n), f"'{type(n).__name__}' is not supported")
            )
        result: Expr = convert(self, n, (n.lineno, n.col_offset, n.end_lineno, n.end_col_offset))
        return result

    def _name(self, n: ast.Name, p: Pos) -> Expr:
        return Name(p, self.src, n.id)

    def _constant(self, n: ast.Constant, p: Pos) -> Expr:
        return Constant(p, self.src, n.value)

    def _attribute(self, n: ast.Attribute, p: Pos) -> Expr:
        return Attribute(p, self.src, self.expr(n.value), n.attr)

    def _call(self, n: ast.Call, p: Pos) -> Expr:
        s = self.src
        kws = tuple(Keyword(self.pos(kw), s, kw.arg, self.expr(kw.value)) for kw in n.keywords)
        return Call(p, s, self.expr(n.func), self.exprs(n.args), kws)

    def _subscript(self, n: ast.Subscript, p: Pos) -> Expr:
        return Subscript(p, self.src, self.expr(n.value), self.expr(n.slice))

    def _binop(self, n: ast.BinOp, p: Pos) -> Expr:
        op = type(n.op).__name__
        return BinOp(p, self.src, self.expr(n.left), op, self.expr(n.right))

    def _tuple(self, n: ast.Tuple, p: Pos) -> Expr:
        return Tuple(p, self.src, self.exprs(n.elts))

    def _list(self, n: ast.List, p: Pos) -> Expr:
        return List(p, self.src, self.exprs(n.elts))

    def _compare(self, n: ast.Compare, p: Pos) -> Expr:
        names = tuple(type(o).__name__ for o in n.ops)
        return Compare(p, self.src, self.expr(n.left), names, self.exprs(n.comparators))

    def _unaryop(self, n: ast.UnaryOp, p: Pos) -> Expr:
        return UnaryOp(p, self.src, type(n.op).__name__, self.expr(n.operand))

    def _boolop(self, n: ast.BoolOp, p: Pos) -> Expr:
        return BoolOp(p, self.src, type(n.op).__name__, self.exprs(n.values))

    def _slice(self, n: ast.Slice, p: Pos) -> Expr:
        return Slice(p, self.src, self.opt(n.lower), self.opt(n.upper), self.opt(n.step))

    def _dict(self, n: ast.Dict, p: Pos) -> Expr:
        keys = tuple(self.opt(k) for k in n.keys)
        return Dict(p, self.src, keys, self.exprs(n.values))

    def _ifexp(self, n: ast.IfExp, p: Pos) -> Expr:
        return IfExp(p, self.src, self.expr(n.test), self.expr(n.body), self.expr(n.orelse))

    def _lambda(self, n: ast.Lambda, p: Pos) -> Expr:
        return Lambda(p, self.src, self.arguments(n.args, n), self.expr(n.body))

    def _starred(self, n: ast.Starred, p: Pos) -> Expr:
        return Starred(p, self.src, self.expr(n.value))


_EXPR: Final[dict[type, Any]] = {
    ast.Name: _Converter._name,
    ast.Constant: _Converter._constant,
    ast.Attribute: _Converter._attribute,
    ast.Call: _Converter._call,
    ast.Subscript: _Converter._subscript,
    ast.BinOp: _Converter._binop,
    ast.Tuple: _Converter._tuple,
    ast.List: _Converter._list,
    ast.Compare: _Converter._compare,
    ast.UnaryOp: _Converter._unaryop,
    ast.BoolOp: _Converter._boolop,
    ast.Slice: _Converter._slice,
    ast.Dict: _Converter._dict,
    ast.IfExp: _Converter._ifexp,
    ast.Lambda: _Converter._lambda,
    ast.Starred: _Converter._starred,
}


def to_doc(node: ast.stmt, src: Source) -> Stmt:
    """Convert one top-level ``ast`` statement (a definition) to the Doc AST."""
    return _Converter(src).stmt(node)


def to_doc_expr(node: ast.expr, src: Source) -> Expr:
    """Convert one ``ast`` expression to the Doc AST."""
    return _Converter(src).expr(node)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    if (names := _FIELD_NAMES.get(cls)) is None:
        names = tuple(f.name for f in fields(cls) if f.name not in ("pos", "src"))
        _FIELD_NAMES[cls] = names
    return names


def children(node: Node) -> list[Node]:
    """The Doc nodes directly under ``node`` (for walkers)."""
    out: list[Node] = []
    names = _FIELD_NAMES.get(type(node)) or _field_names(type(node))
    for name in names:
        value = getattr(node, name)
        if isinstance(value, Node):
            out.append(value)
        elif type(value) is tuple and value:
            out += [v for v in value if isinstance(v, Node)]
    return out


def walk(node: Node) -> list[Node]:
    """``node`` and every node under it, in pre-order."""
    out: list[Node] = []
    stack: list[Node] = [node]
    leaves = _LEAVES
    while stack:
        top = stack.pop()
        out.append(top)
        if type(top) not in leaves:
            stack.extend(reversed(children(top)))
    return out


_LEAVES: Final = frozenset({Name, Constant})
