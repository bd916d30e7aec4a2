"""Recognising TVMScript decorators without running anything."""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Literal

from tvmscript.diagnostics import DiagnosticError
from tvmscript.script.parser.core import doc

if TYPE_CHECKING:
    from tvmscript.script.parser.core.parser import Parser

DefinitionKind = Literal["prim_func", "ir_module", "relax_function", "macro", "jit"]

# Decorator names that mark a TVMScript definition whatever the module they come from, and
# those that do only after a TVMScript-looking module name (`@tf.function` is not TVMScript).
_SCRIPT_DECORATORS: Final = frozenset({"prim_func", "ir_module"})
_SCRIPT_METHODS: Final = frozenset({"function", "macro", "inline", "jit"})
_SCRIPT_MODULES: Final = frozenset(
    {"T", "R", "I", "tvm", "script", "ts", "tir", "tirx", "relax", "ir", "tvmscript"}
)


@dataclass
class DecoratorInfo:
    """What a decorator makes of the definition, with the options written on it."""

    kind: DefinitionKind
    options: dict[str, Any] = field(default_factory=dict)


def decorator_info(p: Parser, node: doc.FunctionDef | doc.ClassDef) -> DecoratorInfo | None:
    """The TVMScript decorator of ``node`` (None: not a TVMScript definition).

    Raises `DiagnosticError` when the decorator is called with arguments it does not take
    (``@T.prim_func(stir=True)``).
    """
    return decorators_info(p, node.decorator_list)


def decorators_info(p: Parser, decorators: Sequence[doc.Expr]) -> DecoratorInfo | None:
    """`decorator_info` of a definition with these ``decorators``."""
    for deco in decorators:
        target = deco.func if isinstance(deco, doc.Call) else deco
        value, kind = _kind_of(p, target)
        if kind is None:
            continue
        options = _options(p, deco, value) if isinstance(deco, doc.Call) else {}
        return DecoratorInfo(kind, options)
    return None


def _options(p: Parser, deco: doc.Call, decorator: Any) -> dict[str, Any]:
    args = [p.eval_expr(a) for a in deco.args]
    options = {kw.arg: p.eval_expr(kw.value) for kw in deco.keywords if kw.arg is not None}
    try:
        _signature(decorator).bind(*args, **options)
    except TypeError as exc:
        name = _dotted(deco.func)
        raise DiagnosticError.at(deco.span, "invalid-call", f"@{name}(): {exc}") from None
    except ValueError:  # no signature to check against
        pass
    if args:
        raise DiagnosticError.at(
            deco.args[0].span, "invalid-call", f"@{_dotted(deco.func)}() takes keywords only"
        )
    return options


_SIGNATURES: dict[int, tuple[Any, inspect.Signature]] = {}


def _signature(decorator: Any) -> inspect.Signature:
    """``inspect.signature`` of a decorator, computed once per decorator object."""
    known = _SIGNATURES.get(id(decorator))
    if known is not None and known[0] is decorator:
        return known[1]
    signature = inspect.signature(decorator)
    _SIGNATURES[id(decorator)] = (decorator, signature)
    return signature


def _kind_of(p: Parser, target: doc.Expr) -> tuple[Any, DefinitionKind | None]:
    try:
        value = p.eval_expr(target)
    except DiagnosticError:
        return None, None
    from tvmscript.script.parser import decorators

    return value, decorators.kind_of(value)


def unresolved_decorator(decorators: Sequence[doc.Expr]) -> doc.Expr | None:
    """One of ``decorators`` that looks like TVMScript's (``@X.prim_func``), if any.

    Asked after `decorator_info` found none: such a definition is not checked, and the user
    is told so rather than left with silence.
    """
    for deco in decorators:
        target = deco.func if isinstance(deco, doc.Call) else deco
        if isinstance(target, doc.Name) and target.id in _SCRIPT_DECORATORS:
            return target
        if not isinstance(target, doc.Attribute):
            continue
        if target.attr in _SCRIPT_DECORATORS:
            return target
        root = target.value
        while isinstance(root, doc.Attribute):
            root = root.value
        method = target.attr in _SCRIPT_METHODS
        if method and isinstance(root, doc.Name) and root.id in _SCRIPT_MODULES:
            return target
    return None


def _dotted(node: doc.Expr) -> str:
    if isinstance(node, doc.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    if isinstance(node, doc.Name):
        return node.id
    return "decorator"


def dotted_name(node: doc.Expr) -> str:
    """``T.prim_func`` for the expression ``T.prim_func``."""
    return _dotted(node)


def macro_decorator(p: Parser, node: doc.FunctionDef) -> bool | None:
    """Whether ``node`` is a hygienic macro (None: not decorated ``@T.macro``)."""
    info = decorator_info(p, node)
    if info is None or info.kind != "macro":
        return None
    return bool(info.options.get("hygienic", True))
