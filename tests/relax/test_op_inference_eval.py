"""Builds the calls of a small ``@R.function`` text through our constructors (test helper).

Not a parser: the parameters' annotations and the right-hand sides of the body's bindings are
read from Python's `ast` and interpreted here, so the operator tests do not depend on the
Relax parser. Anything outside that subset raises `Unsupported`.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from typing import Any

import tvmscript.core.relax.op as ops
from tvmscript.core.relax.expr import ShapeExpr, Var
from tvmscript.core.relax.op import _common as C
from tvmscript.core.relax.struct_info import (
    ObjectStructInfo,
    PrimStructInfo,
    ShapeStructInfo,
    StructInfo,
    TensorStructInfo,
    TupleStructInfo,
)
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E


class Unsupported(Exception):
    """The text uses something this helper does not interpret."""


_BINOPS: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.FloorDiv: lambda a, b: a // b,
    ast.Div: lambda a, b: a / b,
}


class Evaluator:
    """Interprets annotations and call expressions of one function."""

    def __init__(self) -> None:
        self.env: dict[str, Any] = {}
        self.syms: dict[str, E.Var] = {}

    def sym(self, name: str) -> E.Var:
        if name not in self.syms:
            self.syms[name] = E.Var(name, "int64")
        return self.syms[name]

    def dims(self, node: ast.expr) -> list[E.PrimExpr]:
        value = self.eval(node)
        if not isinstance(value, tuple | list):
            raise Unsupported("shape")
        return [self.sym(v) if isinstance(v, str) else C.dim(v) for v in value]

    def sinfo(self, node: ast.expr) -> StructInfo:  # noqa: C901  (one case per annotation)
        name = _dotted(node.func if isinstance(node, ast.Call) else node)
        args = node.args if isinstance(node, ast.Call) else []
        kw = {k.arg: k.value for k in node.keywords} if isinstance(node, ast.Call) else {}
        if name == "R.Tensor":
            dtype = "void"
            shape = None
            ndim = -1
            for a in args:
                if isinstance(a, ast.Constant) and isinstance(a.value, str):
                    dtype = a.value
                elif not (isinstance(a, ast.Constant) and a.value is None):
                    shape = ShapeExpr(tuple(self.dims(a)))
            if "dtype" in kw:
                dtype = self.eval(kw["dtype"]) or "void"
            if "shape" in kw:
                shape = ShapeExpr(tuple(self.dims(kw["shape"])))
            if "ndim" in kw:
                ndim = self.eval(kw["ndim"])
            return TensorStructInfo(shape, dtype, ndim)
        if name == "R.Shape":
            if args:
                return ShapeStructInfo(tuple(self.dims(args[0])))
            return ShapeStructInfo(None, self.eval(kw["ndim"]) if "ndim" in kw else -1)
        if name == "R.Prim":
            return PrimStructInfo(self.eval(args[0]) if args else self.eval(kw["dtype"]))
        if name == "R.Tuple":
            return TupleStructInfo(tuple(self.sinfo(a) for a in args))
        if name in ("R.Object", "R.Any"):
            return ObjectStructInfo()
        raise Unsupported(f"annotation {name}")

    def eval(self, node: ast.expr) -> Any:
        match node:
            case ast.Constant(value=value):
                return value
            case ast.Name(id=name):
                if name not in self.env:
                    raise Unsupported(f"name {name}")
                return self.env[name]
            case ast.Tuple(elts=elts) | ast.List(elts=elts):
                return (
                    [self.eval(e) for e in elts]
                    if isinstance(node, ast.List)
                    else tuple(self.eval(e) for e in elts)
                )
            case ast.UnaryOp(op=ast.USub(), operand=operand):
                return -self.eval(operand)
            case ast.BinOp(left=left, op=op, right=right) if type(op) in _BINOPS:
                return _BINOPS[type(op)](self.eval(left), self.eval(right))
            case ast.Call(func=func):
                return self.call(node, _dotted(func))
        raise Unsupported(type(node).__name__)

    def call(self, node: ast.Call, name: str) -> Any:
        if name in ("R.Tensor", "R.Shape", "R.Prim", "R.Tuple", "R.Object"):
            return self.sinfo(node)
        if (m := re.fullmatch(r"T\.(u?int\d+|float\d+|bool)", name)) is not None:
            return arith.make_const(m.group(1), self.eval(node.args[0]))
        if not name.startswith("R."):
            raise Unsupported(f"call {name}")
        target: Any = ops
        for part in name.split(".")[1:]:
            if (target := getattr(target, part, None)) is None:
                raise Unsupported(f"no {name}")
        args = [self.eval(a) for a in node.args if not isinstance(a, ast.Starred)]
        kwargs = {k.arg: self.eval(k.value) for k in node.keywords if k.arg is not None}
        kwargs = {("ty_args" if k == "sinfo_args" else k): v for k, v in kwargs.items()}
        return target(*args, **kwargs)


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return _dotted(node.value) + "." + node.attr
    raise Unsupported("callee")


def function_of(source: str) -> ast.FunctionDef:
    """The one function definition of ``source`` (inside a class for modules)."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and any(
            _dotted(d.func if isinstance(d, ast.Call) else d).startswith("R.function")
            for d in node.decorator_list
        ):
            return node
    raise Unsupported("no @R.function")


def run(source: str) -> dict[str, Any]:
    """Every binding of the function's body, built through our constructors."""
    func = function_of(source)
    ev = Evaluator()
    for arg in func.args.args:
        if arg.annotation is None:
            raise Unsupported("unannotated parameter")
        ev.env[arg.arg] = Var(arg.arg, struct_info=ev.sinfo(arg.annotation))
    bindings: dict[str, Any] = {}
    for stmt in func.body:
        if isinstance(stmt, ast.Return):
            continue
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1):
            raise Unsupported(type(stmt).__name__)
        target = stmt.targets[0]
        if not isinstance(target, ast.Name):
            raise Unsupported("unpacking")
        value = ev.eval(stmt.value)
        ev.env[target.id] = bindings[target.id] = value
    return bindings


def printed_annotations(printed: str) -> dict[str, str]:
    """``name -> struct info text`` of each annotated binding of TVM's printed function."""
    out = {}
    for line in printed.splitlines():
        if (m := re.match(r"\s+(\w+): (.*?) = R\.", line)) is not None:
            out[m.group(1)] = m.group(2)
    return out
