"""Recognising TVMScript decorators without running anything."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from tvmscript.diagnostics import DiagnosticError
from tvmscript.script.parser.core import doc

if TYPE_CHECKING:
    from tvmscript.script.parser.core.parser import Parser

DefinitionKind = Literal["prim_func", "ir_module", "relax_function", "macro"]


@dataclass
class DecoratorInfo:
    """What a decorator makes of the definition, with the options written on it."""

    kind: DefinitionKind
    options: dict[str, Any] = field(default_factory=dict)


def decorator_info(p: Parser, node: doc.FunctionDef | doc.ClassDef) -> DecoratorInfo | None:
    """The TVMScript decorator of ``node`` (None: not a TVMScript definition)."""
    for deco in node.decorator_list:
        target, options = _split_call(p, deco)
        kind = _kind_of(p, target)
        if kind is not None:
            return DecoratorInfo(kind, options)
    return None


def _split_call(p: Parser, deco: doc.Expr) -> tuple[doc.Expr, dict[str, Any]]:
    if not isinstance(deco, doc.Call):
        return deco, {}
    options = {kw.arg: p.eval_expr(kw.value) for kw in deco.keywords if kw.arg is not None}
    return deco.func, options


def _kind_of(p: Parser, target: doc.Expr) -> DefinitionKind | None:
    try:
        value = p.eval_expr(target)
    except DiagnosticError:
        return None
    from tvmscript.script.parser import decorators

    return decorators.kind_of(value)


def macro_decorator(p: Parser, node: doc.FunctionDef) -> bool | None:
    """Whether ``node`` is a hygienic macro (None: not decorated ``@T.macro``)."""
    info = decorator_info(p, node)
    if info is None or info.kind != "macro":
        return None
    return bool(info.options.get("hygienic", True))
