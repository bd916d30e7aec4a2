"""What subscripts and calls mean on Relax values.

- ``t[i]`` on a Relax value is ``TupleGetItem`` (the value must be a tuple).
- ``cls.f(x)``, ``closure(x)``, ``param_f(x)``: calls of module functions, closures and
  function parameters, their struct info derived from the callee's signature.
- Every Relax value a call returns gets the call's span (so later errors point at it), and an
  ``R.call_tir`` is checked against the PrimFunc it calls, each problem at the argument it is
  about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tvmscript.core.ir.module import GlobalVar
from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.struct_info import StructInfo
from tvmscript.diagnostics import DiagnosticError
from tvmscript.script.ir_builder import relax as B
from tvmscript.script.ir_builder.relax.calls import CallProblem, check_call_against_callee
from tvmscript.script.ir_builder.relax.calls import is_call_tir as _is_call_tir
from tvmscript.script.ir_builder.relax.frames import RelaxError, enclosing_function
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.operators import register_operator

if TYPE_CHECKING:
    from tvmscript.script.parser.core.parser import Parser


def relax_error(node: doc.Node, exc: RelaxError) -> DiagnosticError:
    """The diagnostic of a builder error, at its own span or at ``node``."""
    return DiagnosticError.at(exc.span or node.span, exc.code, str(exc))


@register_operator(Expr, "Subscript")
def _tuple_item(parser: Parser, node: doc.Subscript, base: Expr, key: Any) -> Any:
    del parser
    if isinstance(key, bool) or not isinstance(key, int):
        raise DiagnosticError.at(
            node.slice.span,
            "invalid-argument",
            f"a Relax tuple is indexed by an integer, got {type(key).__name__!r}",
        )
    try:
        return B.TupleGetItem(base, key, span=node.span)
    except RelaxError as exc:
        raise relax_error(node, exc) from None


def _call(
    parser: Parser, node: doc.Call, callee: Any, args: list[Any], kwargs: dict[str, Any]
) -> Any:
    del parser
    if kwargs:
        raise DiagnosticError.at(
            node.span,
            "invalid-call",
            f"a call of {_callee_text(node)} takes positional arguments only, got "
            + ", ".join(f"'{k}'" for k in kwargs),
        )
    try:
        call = B.call_function(callee, args)
    except RelaxError as exc:
        raise relax_error(node, exc) from None
    except (TypeError, ValueError) as exc:
        raise DiagnosticError.at(node.span, "invalid-argument", str(exc)) from None
    object.__setattr__(call, "span", node.span)
    return call


register_operator(GlobalVar, "Call")(_call)
register_operator(Expr, "Call")(_call)


def _callee_text(node: doc.Call) -> str:
    func = node.func
    if isinstance(func, doc.Attribute) and isinstance(func.value, doc.Name):
        return f"'{func.value.id}.{func.attr}'"
    if isinstance(func, doc.Name):
        return f"'{func.id}'"
    return "the function"


@register_operator(Expr, "CallResult")
def _expr_result(parser: Parser, node: doc.Call, value: Expr) -> Expr:
    del parser
    if value.span is None and not _is_var(value):
        object.__setattr__(value, "span", node.span)
    if isinstance(value, Call) and _is_call_tir(value):
        _check_call_tir(node, value)
    return value


@register_operator(StructInfo, "CallResult")
def _struct_info_result(parser: Parser, node: doc.Call, value: StructInfo) -> StructInfo:
    del parser
    if value.span is None:
        object.__setattr__(value, "span", node.span)
    return value


def _is_var(value: Expr) -> bool:
    from tvmscript.core.relax.expr import Var

    return isinstance(value, Var)


def _check_call_tir(node: doc.Call, call: Call) -> None:
    func = enclosing_function()
    if func is not None and not func.check_well_formed:
        return
    problem = check_call_against_callee(call)
    if func is not None:
        func.checked_calls.add(id(call))
    if problem is None:
        return
    raise DiagnosticError.at(_problem_span(node, problem), problem.code, problem.message)


def _problem_span(node: doc.Call, problem: CallProblem) -> Any:
    args = _argument(node, 1, "args")
    if problem.part == "out":
        out = _argument(node, 2, "out_ty") or _argument(node, 2, "out_sinfo")
        return (out or node).span
    index = problem.index
    is_tuple = isinstance(args, doc.Tuple | doc.List)
    if problem.part == "arg" and is_tuple and index is not None and index < len(args.elts):  # type: ignore[union-attr]
        return args.elts[index].span  # type: ignore[union-attr]
    if problem.part in ("args", "arg") and args is not None:
        return args.span
    return node.span


def _argument(node: doc.Call, position: int, keyword: str) -> doc.Expr | None:
    for kw in node.keywords:
        if kw.arg == keyword:
            return kw.value
    if position < len(node.args):
        return node.args[position]
    return None
