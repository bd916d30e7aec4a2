"""``@T.prim_func`` definitions: parameters, return type, body."""

from __future__ import annotations

from typing import Any

from tvmscript.core.ir.dtype import is_valid_dtype
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.expr import PrimExpr, Var
from tvmscript.diagnostics import Diagnostic, DiagnosticError
from tvmscript.script.ir_builder import tir as B
from tvmscript.script.ir_builder.base import IRBuilder
from tvmscript.script.ir_builder.tir.meta import ConstexprAnnotation
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.dispatch import Token
from tvmscript.script.parser.core.evaluator import MISSING, Undefined
from tvmscript.script.parser.core.parser import Parser
from tvmscript.script.parser.core.poison import POISON


def parse_prim_func(
    p: Parser,
    node: doc.FunctionDef,
    options: dict[str, Any],
    constexpr: dict[str, Any] | None = None,
) -> None:
    """Build the PrimFunc of ``node`` in the active builder.

    ``constexpr``: the values of a ``@T.jit`` kernel's compile-time parameters (None for a
    plain prim_func).
    """
    from tvmscript.script.parser.tir.jit import bind_constexpr_params

    p.begin_function(node)
    p.state = {}
    with p.var_table.with_frame(), p.with_token(Token.TIR):
        frame = B.prim_func(
            is_private=bool(options.get("private", False)),
            s_tir=bool(options.get("s_tir", options.get("is_stir", False))),
        )
        with frame:
            B.func_name(node.name)
            bind_constexpr_params(p, node, constexpr)
            _declare_signature_names(p, node)
            for arg in node.args.args:
                try:
                    _parse_param(p, arg)
                except DiagnosticError as exc:
                    p.report(exc)
            if node.returns is not None:
                ret = p.eval_expr(node.returns)
                if ret is not None and ret is not POISON:
                    ret_type = _as_type(ret)
                    B.func_ret(ret_type)
                    p.state["ret_dtype"] = getattr(ret_type, "dtype", None)
            p.visit_body(_without_docstring(node.body))
            if frame.has_blocks and not frame.s_tir and _checks_well_formed(p, options):
                _report_missing_s_tir(p, node)
            _check_env_threads(p, node, frame)


def _check_env_threads(p: Parser, node: doc.FunctionDef, frame: Any) -> None:
    """A `T.env_thread` variable used without `T.launch_thread` is undefined (TVM rejects)."""
    idle = [v for v in frame.env_threads if id(v) not in frame.launched]
    if not idle or not _uses_any(frame.stmts, {id(v) for v in idle}):
        return
    where: doc.Node = node.decorator_list[0] if node.decorator_list else node
    names = ", ".join(f"'{v.name}'" for v in idle)
    raise p.error(
        where,
        "unlaunched-thread",
        f"{names} (T.env_thread) is used but never launched with T.launch_thread: "
        "it is undefined in the kernel",
    )


def _uses_any(value: Any, ids: set[int], depth: int = 0) -> bool:
    """Whether the IR ``value`` mentions a variable whose id is in ``ids``."""
    from tvmscript.core.ir.node import Node, node_fields

    if id(value) in ids:
        return True
    if isinstance(value, list | tuple):
        return any(_uses_any(v, ids, depth) for v in value)
    if isinstance(value, Node) and depth < 200:
        return any(
            _uses_any(getattr(value, name), ids, depth + 1) for name, _ in node_fields(type(value))
        )
    return False


def _checks_well_formed(p: Parser, options: dict[str, Any]) -> bool:
    """Whether TVM checks the function is well-formed.

    ``check_well_formed=False`` on the function or on its module turns that off (TVM 0.27).
    """
    from tvmscript.script.parser.ir.module import ModuleRef

    if options.get("check_well_formed", True) is False:
        return False
    ref = p.var_table.get("cls")
    return not isinstance(ref, ModuleRef) or ref.check_well_formed


def _report_missing_s_tir(p: Parser, node: doc.FunctionDef) -> None:
    """``T.sblock`` in a prim_func not declared ``s_tir=True``: TVM 0.27 rejects the function.

    Code written for older TVM does this everywhere, so it is a warning, not an error (the
    function is still built), on the decorator, where a quick fix adds ``s_tir=True``.
    """
    where: doc.Node = node.decorator_list[0] if node.decorator_list else node
    p.diagnostics.append(
        Diagnostic.at(
            where.span,
            "missing-s-tir",
            f"'{node.name}' uses T.sblock but is not declared @T.prim_func(s_tir=True); "
            "TVM 0.27 rejects it as not well-formed (tvmscript reads it as older TVM did)",
            "warning",
        )
    )


def declare_signature(p: Parser, node: doc.FunctionDef, options: dict[str, Any]) -> Any:
    """The signature of a PrimFunc (its parameters and return type, an empty body), or None.

    Built in a builder of its own before any body is parsed, so that a call from another
    function of the module (``Module.f(x)``) knows ``f``'s parameters and result dtype.
    Errors are left for the real parse to report.
    """
    saved_diags, saved_state, saved_builder = len(p.diagnostics), p.state, p.builder
    try:
        with IRBuilder() as builder, p.var_table.with_frame(), p.with_token(Token.TIR):
            p.builder = builder
            p.state = {}
            with B.prim_func(
                is_private=bool(options.get("private", False)),
                s_tir=bool(options.get("s_tir", False)),
            ):
                B.func_name(node.name)
                _declare_signature_names(p, node)
                for arg in node.args.args:
                    _parse_param(p, arg)
                if node.returns is not None:
                    ret = p.eval_expr(node.returns)
                    if ret is not None and ret is not POISON:
                        B.func_ret(_as_type(ret))
        return builder.result
    except Exception:  # the body's parse reports the problem
        return None
    finally:
        del p.diagnostics[saved_diags:]
        p.state, p.builder = saved_state, saved_builder


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
    if isinstance(annotation, ConstexprAnnotation):  # a @T.jit parameter, in a prim_func
        p.var_table.add(
            arg.arg,
            Undefined(
                "constexpr-in-prim-func",
                f"'{arg.arg}' is a T.constexpr parameter: only @T.jit kernels take them "
                f"(their .specialize({arg.arg}=...) gives the value)",
            ),
        )
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
    if isinstance(value, Var):  # `A: T.Buffer(("n",)), n: T.int32`: one variable
        value = _shape_name(arg.arg, value)
    param = B.arg(arg.arg, value)
    IRBuilder.name(arg.arg, param)
    p.var_table.add(arg.arg, param)
    if isinstance(param, Var):
        p.state.setdefault("params", set()).add(id(param))
    if isinstance(param, Buffer):
        _bind_symbolic_dims(p, param)


def _shape_name(name: str, var: Var) -> Var:
    """The size variable an earlier buffer parameter named ``name`` (by string), if any."""
    from tvmscript.script.ir_builder.tir.frames import PrimFuncFrame

    frame = IRBuilder.current().find_frame(PrimFuncFrame)
    known = None if frame is None else frame.sym_vars.get(name)
    return known if known is not None and known.dtype == var.dtype else var


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
        for sub in doc.walk(ann):
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
