"""``@T.prim_func`` definitions: parameters, return type, body."""

from __future__ import annotations

from typing import Any

from tvmscript.core.ir.dtype import is_valid_dtype
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.expr import PrimExpr, Var
from tvmscript.diagnostics import DiagnosticError
from tvmscript.script.ir_builder import tir as B
from tvmscript.script.ir_builder.base import IRBuilder
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.dispatch import Token
from tvmscript.script.parser.core.evaluator import MISSING
from tvmscript.script.parser.core.parser import Parser
from tvmscript.script.parser.core.poison import POISON


def parse_prim_func(p: Parser, node: doc.FunctionDef, options: dict[str, Any]) -> None:
    """Build the PrimFunc of ``node`` in the active builder."""
    p.begin_function(node)
    p.state = {}
    with p.var_table.with_frame(), p.with_token(Token.TIR):
        frame = B.prim_func(
            is_private=bool(options.get("private", False)),
            s_tir=bool(options.get("s_tir", False)),
        )
        with frame:
            B.func_name(node.name)
            _declare_signature_names(p, node)
            for arg in node.args.args:
                try:
                    _parse_param(p, arg)
                except DiagnosticError as exc:
                    p.report(exc)
            if node.returns is not None:
                ret = p.eval_expr(node.returns)
                if ret is not None and ret is not POISON:
                    B.func_ret(_as_type(ret))
            p.visit_body(_without_docstring(node.body))


def _parse_param(p: Parser, arg: doc.Arg) -> None:
    if arg.annotation is None:
        p.var_table.add(arg.arg, POISON)
        raise p.error(
            arg,
            "invalid-argument",
            f"parameter '{arg.arg}' needs a type annotation "
            "(T.Buffer(...), T.handle, T.int32, ...)",
        )
    try:
        annotation = p.eval_expr(arg.annotation)
    except Exception:
        p.var_table.add(arg.arg, POISON)
        raise
    if annotation is POISON:
        p.var_table.add(arg.arg, POISON)
        return
    value = _as_param(annotation)
    if value is None:
        p.var_table.add(arg.arg, POISON)
        raise p.error(
            arg.annotation,
            "invalid-argument",
            f"expected a parameter type (T.Buffer(...), T.handle, T.int32, ...), "
            f"got '{type(annotation).__name__}'",
        )
    param = B.arg(arg.arg, value)
    IRBuilder.name(arg.arg, param)
    p.var_table.add(arg.arg, param)
    if isinstance(param, Buffer):
        _bind_symbolic_dims(p, param)


def _as_param(annotation: Any) -> Var | Buffer | None:
    if isinstance(annotation, Var | Buffer):
        return annotation
    if callable(annotation):  # `T.handle`, `T.int32` written without a call
        value = annotation()
        if isinstance(value, Var | Buffer):
            return value
    return None


def _as_type(ret: Any) -> Any:
    if callable(ret) and not isinstance(ret, PrimExpr):
        return ret()
    return ret


def _bind_symbolic_dims(p: Parser, buffer: Buffer) -> None:
    """Names of shape variables a signature introduces (``"n"``) become visible."""
    exprs: list[Any] = [*buffer.shape, *buffer.strides, buffer.elem_offset]
    for e in exprs:
        if isinstance(e, Var) and not p.var_table.exist(e.name):
            p.var_table.add(e.name, e)


def _without_docstring(body: tuple[doc.Stmt, ...]) -> tuple[doc.Stmt, ...]:
    first = body[0] if body else None
    if isinstance(first, doc.ExprStmt) and isinstance(first.value, doc.Constant):
        return body[1:] if isinstance(first.value.value, str) else body
    return body


class SymbolicTypeVar:
    """``n = TypeVar("n")`` at module level: an int64 size variable, fresh in each function."""

    def __init__(self, name: str, *constraints: Any, **options: Any) -> None:
        if constraints or options:
            raise ValueError(f"symbolic TypeVar '{name}' must not have constraints or a bound")
        self.name = name
        self.__name__ = name

    def __repr__(self) -> str:
        return f"TypeVar({self.name!r})"


def _declare_signature_names(p: Parser, node: doc.FunctionDef) -> None:
    """Declare the size variables a signature names before defining them.

    These are strings in buffer shapes (``T.Buffer(("n", n), ...)``) and module-level
    ``TypeVar``s.
    """
    scalar_dtypes = _scalar_param_dtypes(node)
    annotations = [a.annotation for a in node.args.args if a.annotation is not None]
    params = {a.arg for a in node.args.args}
    for ann in annotations:
        for sub in _walk(ann):
            if isinstance(sub, doc.Name) and sub.id not in params:
                value = p.evaluator.lookup(sub.id)
                if isinstance(value, SymbolicTypeVar) and not p.var_table.exist(sub.id):
                    p.var_table.add(sub.id, Var(sub.id, "int64"))
                continue
            if not isinstance(sub, doc.Tuple | doc.List):  # a shape: ("n", 4)
                continue
            declare_shape_names(p, sub, params, scalar_dtypes)


def declare_shape_names(
    p: Parser, shape: doc.Tuple | doc.List, params: set[str], dtypes: dict[str, str]
) -> None:
    """Define the size names a shape introduces.

    Those are ``"n"``, or a bare name not yet defined: TVM defines the missing names of
    signature and ``T.match_buffer`` shapes as int32 variables.
    """
    from tvmscript.script.ir_builder.tir.buffers import _sym_var

    for elt in shape.elts:
        if isinstance(elt, doc.Constant) and isinstance(elt.value, str):
            name = elt.value
        elif isinstance(elt, doc.Name):
            name = elt.id
        else:
            continue
        if not name.isidentifier() or name in params or p.evaluator.lookup(name) is not MISSING:
            continue
        p.var_table.add(name, _sym_var(name, dtypes.get(name, "int32")))


def _scalar_param_dtypes(node: doc.FunctionDef) -> dict[str, str]:
    out: dict[str, str] = {}
    for arg in node.args.args:
        ann = arg.annotation
        if not isinstance(ann, doc.Attribute) or not isinstance(ann.value, doc.Name):
            continue
        if is_valid_dtype(ann.attr):
            out[arg.arg] = ann.attr
    return out


def _walk(node: doc.Node) -> list[doc.Node]:
    out = [node]
    for child in doc.children(node):
        out.extend(_walk(child))
    return out
