"""``@R.function`` definitions: the signature (declared before any body), then the body.

The symbolic dimensions of a signature are declared before its annotations are evaluated:
string dimensions (``R.Tensor(("n", 4))``, ``R.Shape(["n", "m"])``) and module-level
``n = TypeVar("n")`` names, one int64 variable per name and function, visible in the body.
String expressions (``"n * m"``) and the result's annotation may only use declared names. In a
module every Relax signature is evaluated first (`declare_signature`), so calls ``cls.f(x)``
know ``f``'s struct info wherever ``f`` is defined; the body's parse reuses that evaluation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tvmscript.core.ir.span import Span
from tvmscript.core.relax.struct_info import FuncStructInfo, ObjectStructInfo, StructInfo
from tvmscript.core.tir import expr as E
from tvmscript.diagnostics import Diagnostic, DiagnosticError
from tvmscript.script.ir_builder import relax as B
from tvmscript.script.ir_builder.base import IRBuilder
from tvmscript.script.ir_builder.relax.frames import FunctionFrame, RelaxError
from tvmscript.script.ir_builder.relax.sinfo import string_dim_names
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.dispatch import Token
from tvmscript.script.parser.core.evaluator import MISSING, Undefined
from tvmscript.script.parser.core.operators import register_operator
from tvmscript.script.parser.core.parser import Parser
from tvmscript.script.parser.core.poison import POISON
from tvmscript.script.parser.relax import handlers as _handlers  # registers the rules
from tvmscript.script.parser.relax.operators import relax_error

del _handlers


@dataclass
class Signature:
    """A Relax function's evaluated signature, kept for the parse of its body."""

    frame: FunctionFrame
    params: list[tuple[doc.Arg, StructInfo | None]] = field(default_factory=list)
    ret: StructInfo | None = None
    errors: list[DiagnosticError] = field(default_factory=list)

    def struct_info(self) -> FuncStructInfo | None:
        """The function's struct info; None when a parameter could not be evaluated."""
        infos = [info for _, info in self.params]
        if any(info is None for info in infos):
            return None
        ret = self.ret if self.ret is not None else ObjectStructInfo()
        return FuncStructInfo(tuple(infos), ret, self.frame.is_pure)  # type: ignore[arg-type]


def declare_signature(p: Parser, node: doc.FunctionDef, options: dict[str, Any]) -> Signature:
    """Evaluate ``node``'s parameter and result annotations (errors are kept, not reported)."""
    frame = B.function(
        is_pure=bool(options.get("pure", True)), is_private=bool(options.get("private", False))
    )
    frame.check_well_formed = bool(options.get("check_well_formed", True)) and _module_checks(p)
    sig = Signature(frame)
    builder = p.builder or IRBuilder.current()
    builder.push(frame)
    try:
        with p.var_table.with_frame(), p.with_token(Token.RELAX):
            _declare_symbolic_names(p, node, frame)
            for arg in node.args.args:
                sig.params.append((arg, _param_struct_info(p, arg, sig)))
            if node.returns is not None:
                sig.ret = _annotation(p, node.returns, sig, returns=True)
    finally:
        builder.pop(frame)
        frame.allow_string_dims = False
    return sig


def _module_checks(p: Parser) -> bool:
    """Whether the enclosing module (if any) makes well-formedness checks."""
    from tvmscript.script.parser.ir.module import ModuleRef

    ref = p.var_table.get("cls")
    return not isinstance(ref, ModuleRef) or ref.check_well_formed


def _param_struct_info(p: Parser, arg: doc.Arg, sig: Signature) -> StructInfo | None:
    if arg.annotation is None:
        sig.errors.append(
            DiagnosticError.at(
                arg.span,
                "missing-annotation",
                f"parameter '{arg.arg}' needs a struct-info annotation (R.Tensor(...), "
                "R.Shape(...), R.Object, ...)",
            )
        )
        return None
    return _annotation(p, arg.annotation, sig)


def _annotation(
    p: Parser, node: doc.Expr, sig: Signature, returns: bool = False
) -> StructInfo | None:
    try:
        _check_string_dims(p, node, sig.frame, returns)
        value = p.eval_expr(node)
        if value is POISON:
            return None
        return B.as_struct_info(value)
    except DiagnosticError as exc:
        sig.errors.append(exc)
    except RelaxError as exc:
        sig.errors.append(relax_error(node, exc))
    except (TypeError, ValueError) as exc:
        sig.errors.append(DiagnosticError.at(node.span, "invalid-annotation", str(exc)))
    return None


def _declare_symbolic_names(p: Parser, node: doc.FunctionDef, frame: FunctionFrame) -> None:
    """Make string dimensions and ``TypeVar`` names of the signature function variables."""
    from tvmscript.script.parser.tir.function import SymbolicTypeVar

    params = {a.arg for a in node.args.args}
    for arg in node.args.args:
        if arg.annotation is None:
            continue
        for sub in doc.walk(arg.annotation):
            if isinstance(sub, doc.Name) and sub.id not in params:
                if isinstance(p.evaluator.lookup(sub.id), SymbolicTypeVar):
                    _declare(p, frame, sub.id)
            elif isinstance(sub, doc.Tuple | doc.List):
                for elt in sub.elts:
                    if _is_str(elt) and elt.value.isidentifier():  # type: ignore[attr-defined]
                        _declare(p, frame, elt.value)  # type: ignore[attr-defined]
    if node.returns is not None:
        for sub in doc.walk(node.returns):
            if isinstance(sub, doc.Name) and isinstance(
                p.evaluator.lookup(sub.id), SymbolicTypeVar
            ):
                _declare(p, frame, sub.id)


def _declare(p: Parser, frame: FunctionFrame, name: str) -> None:
    var = frame.sym_vars.get(name)
    if var is None:
        var = frame.sym_vars[name] = E.Var(name, "int64")
    p.var_table.add(name, var)


def _check_string_dims(p: Parser, node: doc.Expr, frame: FunctionFrame, returns: bool) -> None:
    """Names in string dimensions must be declared (a result's too, by the parameters)."""
    for sub in doc.walk(node):
        if not isinstance(sub, doc.Tuple | doc.List):
            continue
        for elt in sub.elts:
            if not _is_str(elt):
                continue
            text: str = elt.value  # type: ignore[attr-defined]
            if text.isidentifier() and not returns:
                continue
            for name in string_dim_names(text):
                if name in frame.sym_vars or isinstance(p.evaluator.lookup(name), E.Var):
                    continue
                raise DiagnosticError.at(
                    elt.span,
                    "undefined-symbolic-var",
                    f"symbolic variable '{name}' is not defined by a parameter",
                )


def _is_str(node: doc.Node) -> bool:
    return isinstance(node, doc.Constant) and isinstance(node.value, str)


# ---------------------------------------------------------------------------------------------
# The body


def parse_relax_function(
    p: Parser, node: doc.FunctionDef, options: dict[str, Any], sig: Signature | None = None
) -> FunctionFrame:
    """Build the Relax function of ``node`` in the active builder; returns its frame.

    A closure (a function inside a function) is built the same way; its enclosing function
    binds it.
    """
    nested = IRBuilder.current().find_frame(FunctionFrame) is not None
    p.begin_function(node)
    if not nested:
        p.state = {}
    if sig is None:
        sig = declare_signature(p, node, options)
    frame = sig.frame
    before = _error_count(p.diagnostics)
    with p.var_table.with_frame(), p.with_token(Token.RELAX):
        if not nested:
            _hide_cls(p)
            _convert_metadata(p)
        try:
            with frame:
                _parse_signature(p, node, sig)
                p.visit_body(_without_docstring(node.body))
                if _error_count(p.diagnostics) > before or p.state.pop("relax_poisoned", False):
                    raise _Abandon
        except _Abandon:
            frame.result = None
        except RelaxError as exc:  # raised while finishing the function
            frame.result = None
            p.report(DiagnosticError.at(exc.span or _header_span(node), exc.code, str(exc)))
    return frame


def _header_span(node: doc.FunctionDef) -> Span:
    """``def name``: where a problem of the whole function is reported."""
    span = node.span
    return Span(span.file, span.line, span.column, span.line, span.column + 4 + len(node.name))


def parse_toplevel_function(p: Parser, node: doc.FunctionDef, options: dict[str, Any]) -> None:
    """Build a module's (or a lone) Relax function, reusing its declared signature."""
    from tvmscript.script.parser.ir.module import ModuleRef

    ref = p.var_table.get("cls")
    sig = ref.signatures.pop(node.name, None) if isinstance(ref, ModuleRef) else None
    parse_relax_function(p, node, options, sig)


class _Abandon(Exception):
    """Leaves a frame whose body had errors without building it (no cascading errors)."""


def _error_count(diagnostics: list[Diagnostic]) -> int:
    return sum(1 for d in diagnostics if d.severity == "error")


def _parse_signature(p: Parser, node: doc.FunctionDef, sig: Signature) -> None:
    B.func_name(node.name)
    for name, var in sig.frame.sym_vars.items():
        p.var_table.add(name, var)
    for error in sig.errors:
        p.report(error)
    for arg, info in sig.params:
        if info is None:
            p.var_table.add(arg.arg, POISON)
            continue
        param = B.arg(arg.arg, info)
        p.var_table.add(arg.arg, param)
    if sig.ret is not None:
        try:
            B.func_ret_struct_info(sig.ret)
        except RelaxError as exc:
            assert node.returns is not None
            p.report(relax_error(node.returns, exc))


def _hide_cls(p: Parser) -> None:
    """``cls`` names the module only after ``cls = Module`` (as in TVM 0.27)."""
    from tvmscript.script.parser.ir.module import ModuleRef

    ref = p.var_table.get("cls")
    if not isinstance(ref, ModuleRef):
        return
    p.var_table.add(
        "cls",
        Undefined(
            "missing-cls-binding",
            f"undefined name 'cls': write 'cls = {ref.name}' at the start of the function "
            f"(or use '{ref.name}.<function>')",
        ),
    )


def _convert_metadata(p: Parser) -> None:
    """``metadata["relax.expr.Constant"][i]``: the arrays given in ``extra_vars`` as constants."""
    table = p.evaluator.lookup("metadata")
    if table is MISSING:
        p.var_table.add("metadata", MissingMetadata())
        return
    if not isinstance(table, dict):
        return
    converted: dict[Any, Any] = {}
    for key, values in table.items():
        if isinstance(values, list | tuple):
            converted[key] = [_as_constant(v) for v in values]
        else:
            converted[key] = values
    p.var_table.add("metadata", converted)


class MissingMetadata:
    """``metadata`` in a printed program whose constants were not given (TVM omits them).

    Its constants are unknown: what uses them is not checked (one warning says so).
    """

    warned = False


@register_operator(MissingMetadata, "Subscript")
def _missing_metadata(p: Parser, node: doc.Subscript, base: MissingMetadata, key: Any) -> Any:
    del key
    if not base.warned:
        base.warned = True
        p.diagnostics.append(
            Diagnostic.at(
                node.span,
                "missing-metadata",
                "the constants of 'metadata' are not available (TVM omits them when printing): "
                "bindings using them are not checked; pass them with "
                "extra_vars={'metadata': {...}}",
                "warning",
            )
        )
    p.var_table.poisoned = True
    return POISON


def _as_constant(value: Any) -> Any:
    if isinstance(value, np.ndarray | np.generic):
        from tvmscript.core.relax.op import const

        return const(np.asarray(value))
    return value


def _without_docstring(body: tuple[doc.Stmt, ...]) -> tuple[doc.Stmt, ...]:
    first = body[0] if body else None
    if isinstance(first, doc.ExprStmt) and isinstance(first.value, doc.Constant):
        return body[1:] if isinstance(first.value.value, str) else body
    return body
