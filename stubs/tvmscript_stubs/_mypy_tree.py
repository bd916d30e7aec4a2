"""TVMScript definitions read as mypy should: the tree rewrite of `tvmscript_stubs.mypy`.

mypy's parser turns a call in an annotation (``A: T.Buffer((8,), "float32")``) into an
invalid type before any plugin hook sees the function, and ``--strict`` wants a ``-> None``
on every prim_func. The one hook that sees the parsed tree before semantic analysis is
``get_additional_deps``; there `rewrite_file` changes, inside TVMScript definitions only (a
function decorated with ``@T.prim_func``/``@T.macro``/``@R.function``, or a method of an
``@I.ir_module`` class, as the file's imports name them):

1. a call-form parameter or return annotation ``T.Buffer(...)`` becomes the type of what it
   builds (the plugin's type hook gives ``T.Buffer``'s return type), and the call itself is
   checked, as TVM evaluates it, by an expression statement placed before the definition, at
   the annotation's position (so ``T.Buffer((8,), "float32", scop="x")`` is still reported);
2. a local annotation (``x: T.let[T.int32] = v``, ``lv: R.Tensor(...) = ...``) declares a
   dtype or struct info, not a Python type: it is checked as an expression and the variable
   takes the value's type;
3. a missing return annotation is ``None`` (``Any`` when the body returns a value), an
   unannotated macro parameter ``Any``;
4. the functions of an ``@I.ir_module`` class are static (they take no ``self``);
5. symbolic dimensions (``"n"`` in a shape, ``n = T.int32()`` in the body: strings in the
   checks, as TVM also accepts them; a module-level
   ``n = TypeVar("n")``, made a ``T.int64()``, or ``R.builder.sym_var("n")`` in a file
   without T) are read as TVM reads them;
6. in a Relax function, a Python tuple bound or returned (``gv = (a, b)``, ``return (a, b)``)
   is the Relax tuple TVM makes of it, ``R.tuple(a, b)``; a local ``@R.function`` is
   rewritten as the others.

The rewrite needs the source (it reads the file at ``MypyFile.path``); without it, or when
mypy hands the hook a tree without definitions (``--num-workers``), nothing changes and
``tvmscript lint`` drops what remains.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from mypy.nodes import (
    ARG_NAMED,
    ARG_POS,
    ARG_STAR,
    ARG_STAR2,
    AssignmentStmt,
    Block,
    CallExpr,
    ClassDef,
    Decorator,
    DictExpr,
    Expression,
    ExpressionStmt,
    FakeInfo,
    FloatExpr,
    ForStmt,
    IfStmt,
    Import,
    ImportAll,
    ImportFrom,
    IndexExpr,
    IntExpr,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    OpExpr,
    ReturnStmt,
    SliceExpr,
    Statement,
    StrExpr,
    TryStmt,
    TupleExpr,
    UnaryExpr,
    WhileStmt,
    WithStmt,
)
from mypy.types import AnyType, CallableType, Instance, NoneType, Type, TypeOfAny, UnboundType

from tvmscript_stubs.names import (
    CLASS_DECORATORS,
    DIALECTS,
    FUNCTION_DECORATORS,
    imported_names,
    resolve,
)

_BINOPS: Final[dict[type[ast.operator], str]] = {
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//",
    ast.Mod: "%", ast.Pow: "**",
}  # fmt: skip
_UNARY: Final[dict[type[ast.unaryop], str]] = {ast.USub: "-", ast.UAdd: "+", ast.Not: "not"}


@dataclass
class FileFacts:
    """What the rewrite learnt about one file, for the plugin's later hooks."""

    range_calls: set[tuple[int, int]] = field(default_factory=set)
    """``(line, column)`` of each ``range(...)`` loop in a TVMScript function (a `T.serial`)."""
    definitions: int = 0


def rewrite_file(tree: MypyFile, source: str | None) -> FileFacts | None:
    """Rewrite the TVMScript definitions of ``tree`` in place; None when it has none."""
    names = _file_names(tree)
    if not names or source is None:
        return None
    try:
        python = ast.parse(source)
    except SyntaxError:
        return None
    rewriter = _Rewriter(names, _function_index(python))
    rewriter.block(tree.defs, in_module=False)
    if not rewriter.facts.definitions:
        return None
    _symbolic_typevars(tree, names, _typevar_names(python))
    return rewriter.facts


def _symbolic_typevars(tree: MypyFile, names: dict[str, str], typevars: frozenset[str]) -> None:
    """``n = TypeVar("n")``: TVM's printed symbolic dimension, a PrimExpr (``T.int64()``).

    A Relax file without T gets the builder's ``R.builder.sym_var("n")``, a Var all the same.
    """
    if not typevars:
        return
    for stmt in tree.defs:
        match stmt:
            case AssignmentStmt(lvalues=[NameExpr(name=name)], rvalue=CallExpr() as call) if (
                name in typevars and (var := _symbolic_var(names, name)) is not None
            ):
                for node in (var, var.callee, *_callee_parts(var.callee), *var.args):
                    node.set_line(call)
                stmt.rvalue = var


def _symbolic_var(names: dict[str, str], name: str) -> CallExpr | None:
    local = {full: local for local, full in names.items()}
    if (tir := local.get("tvmscript.tir")) is not None:
        return CallExpr(MemberExpr(NameExpr(tir), "int64"), [], [], [])
    if (relax := local.get("tvmscript.relax")) is not None:
        builder = MemberExpr(MemberExpr(NameExpr(relax), "builder"), "sym_var")
        return CallExpr(builder, [StrExpr(name)], [ARG_POS], [None])
    return None


def _callee_parts(callee: Expression) -> Iterator[Expression]:
    while isinstance(callee, MemberExpr):
        callee = callee.expr
        yield callee


def _file_names(tree: MypyFile) -> dict[str, str]:
    froms: list[tuple[str, str, str | None]] = []
    plain: list[tuple[str, str | None]] = []
    for imp in tree.imports:
        if isinstance(imp, ImportFrom) and not imp.relative:
            froms += [(imp.id, name, asname) for name, asname in imp.names]
        elif isinstance(imp, Import):
            plain += list(imp.ids)
        elif isinstance(imp, ImportAll) and not imp.relative and imp.id in DIALECTS:
            froms += [(imp.id, n.rsplit(".", 1)[1], None) for n in FUNCTION_DECORATORS]
    return imported_names(froms, plain)


def _function_index(tree: ast.Module) -> dict[tuple[str, int], ast.FunctionDef]:
    return {
        (node.name, node.lineno): node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
    }


def _typevar_names(tree: ast.Module) -> frozenset[str]:
    """Module-level ``n = TypeVar("n")``: TVM's printed symbolic dimensions."""
    found = set()
    for node in tree.body:
        match node:
            case ast.Assign(targets=[ast.Name(id=name)], value=ast.Call(func=ast.Name("TypeVar"))):
                found.add(name)
    return frozenset(found)


class _Rewriter:
    def __init__(
        self, names: dict[str, str], functions: dict[tuple[str, int], ast.FunctionDef]
    ) -> None:
        self.names = names
        self.functions = functions
        self.facts = FileFacts()

    def dotted(self, node: Expression) -> str | None:
        """``T.prim_func`` / ``T.prim_func(...)`` as the full name it resolves to."""
        if isinstance(node, CallExpr):
            node = node.callee
        parts: list[str] = []
        while isinstance(node, MemberExpr):
            parts.append(node.name)
            node = node.expr
        if not isinstance(node, NameExpr):
            return None
        return resolve(".".join([node.name, *reversed(parts)]), self.names)

    def kind(self, decorators: list[Expression], table: dict[str, str]) -> str | None:
        for deco in decorators:
            if (full := self.dotted(deco)) is not None and full in table:
                return table[full]
        return None

    def block(self, body: list[Statement], in_module: bool) -> None:
        """The statements of a module (or of an ``@I.ir_module`` class body)."""
        inserts: list[tuple[int, list[Statement]]] = []
        for index, stmt in enumerate(body):
            if isinstance(stmt, Decorator):
                kind = self.kind(stmt.decorators, FUNCTION_DECORATORS)
                if kind is None and in_module:
                    kind = "prim_func"  # a module's function: TVMScript all the same
                if kind is not None:
                    inserts.append((index, self.function(stmt, kind, in_module)))
            elif isinstance(stmt, ClassDef) and self.kind(stmt.decorators, CLASS_DECORATORS):
                self.facts.definitions += 1
                self.block(stmt.defs.body, in_module=True)
        for index, checks in reversed(inserts):
            body[index:index] = checks

    def function(self, deco: Decorator, kind: str, in_module: bool) -> list[Statement]:
        """Rewrite one TVMScript function; the annotation checks to place before it."""
        fdef = deco.func
        node = self.functions.get((fdef.name, fdef.line))
        if node is None:
            return []
        self.facts.definitions += 1
        if in_module:
            fdef.is_static = True
            deco.var.is_staticmethod = True
        symbolic = _string_dims(node) | _body_vars(node)
        convert = _Converter(symbolic)
        checks: list[Statement] = []
        arg_types: list[Type] = []
        params = [*node.args.posonlyargs, *node.args.args]
        params += [a for a in (node.args.vararg,) if a is not None] + node.args.kwonlyargs
        params += [a for a in (node.args.kwarg,) if a is not None]
        old = fdef.type if isinstance(fdef.type, CallableType) else None
        for k, (argument, param) in enumerate(zip(fdef.arguments, params, strict=False)):
            current = old.arg_types[k] if old is not None else None
            new, check = self.annotation(param.annotation, current, kind, convert)
            argument.type_annotation = new
            arg_types.append(new)
            checks += check
        returns, check = self.annotation(node.returns, old.ret_type if old else None, "", convert)
        checks += check
        if node.returns is None:
            returns = AnyType(TypeOfAny.explicit) if _returns_value(node) else NoneType()
        fdef.type = fdef.unanalyzed_type = CallableType(
            arg_types,
            [a.kind for a in fdef.arguments],
            list(fdef.arg_names),
            returns,
            old.fallback if old is not None else _fallback(),
            line=fdef.line,
            column=fdef.column,
        )
        self.body(fdef.body.body, node, convert)
        relax = next(
            (local for local, full in self.names.items() if full == "tvmscript.relax"), None
        )
        if kind == "function" and relax is not None:
            _relax_tuples(fdef.body.body, relax)
        return checks

    def annotation(
        self, ann: ast.expr | None, current: Type | None, kind: str, convert: _Converter
    ) -> tuple[Type, list[Statement]]:
        """The type of one parameter (or the return), and the check of a call-form annotation."""
        if ann is None:
            if current is not None and not _unannotated(current):
                return current, []
            return AnyType(TypeOfAny.explicit if kind == "macro" else TypeOfAny.unannotated), []
        if not isinstance(ann, ast.Call) or (callee := _dotted_ast(ann.func)) is None:
            return current if current is not None else AnyType(TypeOfAny.unannotated), []
        if resolve(callee, self.names) is None:
            return current if current is not None else AnyType(TypeOfAny.unannotated), []
        unbound = UnboundType(callee, line=ann.lineno, column=ann.col_offset)
        expr = convert.expr(ann)
        return unbound, ([_statement(expr, ann)] if expr is not None else [])

    def body(self, stmts: list[Statement], node: ast.FunctionDef, convert: _Converter) -> None:
        """Local annotations become checks; ``range`` loops are noted; local functions rewritten."""
        annotated = {  # by line: mypy's parsers differ on the column of a statement
            n.lineno: n
            for n in ast.walk(node)
            if isinstance(n, ast.AnnAssign) and n.value is not None
        }
        inserts: list[tuple[int, Statement]] = []
        for index, stmt in enumerate(stmts):
            if isinstance(stmt, AssignmentStmt) and stmt.type is not None:
                found = annotated.get(stmt.line)
                if found is not None and (expr := convert.expr(found.annotation)) is not None:
                    inserts.append((index, _statement(expr, found.annotation)))
                    stmt.type = stmt.unanalyzed_type = None
                    stmt.new_syntax = False
            if isinstance(stmt, ForStmt) and _is_range(stmt.expr):
                self.facts.range_calls.add((stmt.expr.line, stmt.expr.column))
            if isinstance(stmt, Decorator) and (
                kind := self.kind(stmt.decorators, FUNCTION_DECORATORS)
            ):  # a local `@R.function`: TVMScript too
                inserts += [(index, check) for check in self.function(stmt, kind, False)]
            for block in _blocks(stmt):
                self.body(block.body, node, convert)
        for index, check in reversed(inserts):
            stmts.insert(index, check)


def _relax_tuples(stmts: list[Statement], relax: str) -> None:
    """A Python tuple bound or returned in a Relax function is a Relax tuple: ``R.tuple(...)``."""
    for stmt in stmts:
        match stmt:
            case AssignmentStmt(rvalue=TupleExpr() as value):
                stmt.rvalue = _relax_tuple(value, relax)
            case ReturnStmt(expr=TupleExpr() as value):
                stmt.expr = _relax_tuple(value, relax)
        for block in _blocks(stmt):
            _relax_tuples(block.body, relax)


def _relax_tuple(value: TupleExpr, relax: str) -> CallExpr:
    items = [_relax_tuple(i, relax) if isinstance(i, TupleExpr) else i for i in value.items]
    namespace = NameExpr(relax)
    callee = MemberExpr(namespace, "tuple")
    call = CallExpr(callee, items, [ARG_POS] * len(items), [None] * len(items))
    for node in (call, callee, namespace):
        node.set_line(value)
    return call


def _blocks(stmt: Statement) -> Iterator[Block]:
    match stmt:
        case ForStmt() | WhileStmt():
            yield stmt.body
            if stmt.else_body is not None:
                yield stmt.else_body
        case IfStmt():
            yield from stmt.body
            if stmt.else_body is not None:
                yield stmt.else_body
        case WithStmt():
            yield stmt.body
        case TryStmt():
            yield stmt.body
            yield from stmt.handlers
            for extra in (stmt.else_body, stmt.finally_body):
                if extra is not None:
                    yield extra


def _is_range(expr: Expression) -> bool:
    return (
        isinstance(expr, CallExpr)
        and isinstance(expr.callee, NameExpr)
        and expr.callee.name == "range"
    )


def _unannotated(typ: Type) -> bool:
    return isinstance(typ, AnyType) and typ.type_of_any == TypeOfAny.unannotated


def _fallback() -> Instance:
    return Instance(FakeInfo("fallback can't be filled out until semanal"), [], -1)


def _returns_value(node: ast.FunctionDef) -> bool:
    return any(isinstance(n, ast.Return) and n.value is not None for n in ast.walk(node))


def _dotted_ast(node: ast.expr) -> str | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return ".".join([node.id, *reversed(parts)])


def _string_dims(node: ast.FunctionDef) -> frozenset[str]:
    """Identifiers written as strings in the signature's annotations (``T.Buffer(("n",))``)."""
    anns = [a.annotation for a in (*node.args.args, *node.args.kwonlyargs) if a.annotation]
    anns += [node.returns] if node.returns is not None else []
    return frozenset(
        n.value
        for ann in anns
        for n in ast.walk(ann)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value.isidentifier()
    )


def _body_vars(node: ast.FunctionDef) -> frozenset[str]:
    """``n = T.int32()`` in the body: TVM declares a symbolic dimension after its first use."""
    found = set()
    for stmt in node.body:
        match stmt:
            case ast.Assign(targets=[ast.Name(id=name)], value=ast.Call(args=[], keywords=[])):
                found.add(name)
    return frozenset(found)


def _statement(expr: Expression, where: ast.expr) -> Statement:
    stmt = ExpressionStmt(expr)
    _locate(stmt, where)
    return stmt


def _locate(node: Expression | Statement, where: ast.expr) -> None:
    node.set_line(where.lineno, where.col_offset, where.end_lineno, where.end_col_offset)


class _Converter:
    """Python ``ast`` expressions (annotations) as mypy expressions, positions kept."""

    def __init__(self, symbolic: frozenset[str]) -> None:
        self.symbolic = symbolic

    def expr(self, node: ast.expr) -> Expression | None:
        try:
            out = self._expr(node)
        except _Unsupported:
            return None
        return out

    def _expr(self, node: ast.expr) -> Expression:
        out = self._build(node)
        _locate(out, node)
        return out

    def _build(self, node: ast.expr) -> Expression:  # noqa: C901  (one case per node kind)
        match node:
            case ast.Name(id=name) if name in self.symbolic:
                return StrExpr(name)
            case ast.Name(id="True" | "False" | "None" as name) | ast.Name(id=name):
                return NameExpr(name)
            case ast.Attribute(value=value, attr=attr):
                return MemberExpr(self._expr(value), attr)
            case ast.Constant(value=bool() | None as value):
                return NameExpr(str(value))
            case ast.Constant(value=str() as value):
                return StrExpr(value)
            case ast.Constant(value=int() as value):
                return IntExpr(value)
            case ast.Constant(value=float() as value):
                return FloatExpr(value)
            case ast.Tuple(elts=elts):
                return TupleExpr([self._expr(e) for e in elts])
            case ast.List(elts=elts):
                return ListExpr([self._expr(e) for e in elts])
            case ast.Dict(keys=keys, values=values):
                return DictExpr(
                    [(self._key(k), self._expr(v)) for k, v in zip(keys, values, strict=True)]
                )
            case ast.UnaryOp(op=op, operand=operand) if type(op) in _UNARY:
                return UnaryExpr(_UNARY[type(op)], self._expr(operand))
            case ast.BinOp(left=left, op=op, right=right) if type(op) in _BINOPS:
                return OpExpr(_BINOPS[type(op)], self._expr(left), self._expr(right))
            case ast.Subscript(value=value, slice=index):
                return IndexExpr(self._expr(value), self._expr(index))
            case ast.Slice(lower=lower, upper=upper, step=step):
                parts = [self._expr(p) if p is not None else None for p in (lower, upper, step)]
                return SliceExpr(*parts)
            case ast.Call(func=func, args=args, keywords=keywords):
                return self._call(func, args, keywords)
        raise _Unsupported

    def _key(self, key: ast.expr | None) -> Expression:
        if key is None:  # `{**other}`
            raise _Unsupported
        return self._expr(key)

    def _call(self, func: ast.expr, args: list[ast.expr], keywords: list[ast.keyword]) -> CallExpr:
        values = [self._expr(a.value if isinstance(a, ast.Starred) else a) for a in args]
        kinds = [ARG_STAR if isinstance(a, ast.Starred) else ARG_POS for a in args]
        names: list[str | None] = [None] * len(args)
        for kw in keywords:
            values.append(self._expr(kw.value))
            kinds.append(ARG_STAR2 if kw.arg is None else ARG_NAMED)
            names.append(kw.arg)
        return CallExpr(self._expr(func), values, kinds, names)


class _Unsupported(Exception):
    """An annotation expression outside what the converter knows: left unchecked."""
