"""``@T.jit`` kernels: a prim_func whose ``T.constexpr`` parameters ``.specialize`` fills in.

::

    @T.jit
    def add_const(A: T.Buffer((N,), "float32"), *, N: T.constexpr, C: T.constexpr = 2.0): ...

    kernel = add_const.specialize(N=256)   # a PrimFunc: N and C baked in

In a file the kernel is checked once with each constant bound to its default (or, without
one, to a symbolic ``int32``); each ``.specialize(...)`` parses it again with the values
given. The constant parameters are not parameters of the PrimFunc.
"""

from __future__ import annotations

from typing import Any

from tvmscript.core.tir.expr import Var
from tvmscript.diagnostics import Diagnostic, DiagnosticError
from tvmscript.script.ir_builder.base import IRBuilder
from tvmscript.script.ir_builder.tir.meta import ConstexprAnnotation
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.parser import Parser
from tvmscript.script.parser.core.poison import POISON


class JitKernel:
    """A parsed-on-demand ``@T.jit`` kernel (call ``.specialize(name=value, ...)``)."""

    def __init__(
        self, node: doc.FunctionDef, options: dict[str, Any], globals_: dict[str, Any]
    ) -> None:
        self.node = node
        self.options = options
        self.globals = globals_
        self.__name__ = node.name
        self.checked: Any = None
        """The PrimFunc of the check, each constant at its default or a symbol."""

    @property
    def constexpr_names(self) -> list[str]:
        """The compile-time parameters, in order."""
        return [a.arg for a in self.node.args.kwonlyargs]

    def specialize(self, **values: Any) -> Any:
        """The PrimFunc with the compile-time parameters set to ``values``."""
        from tvmscript.script.parser.tir.function import parse_prim_func

        unknown = sorted(set(values) - set(self.constexpr_names))
        if unknown:
            raise TypeError(f"'{self.node.name}' has no T.constexpr parameter {unknown[0]!r}")
        diagnostics: list[Diagnostic] = []
        parser = Parser(dict(self.globals), diagnostics)
        with IRBuilder() as builder:
            parser.builder = builder
            try:
                parse_prim_func(parser, self.node, self.options, constexpr=values)
            except DiagnosticError as exc:
                parser.report(exc)
        errors = [d for d in diagnostics if d.severity == "error"]
        if errors:
            raise DiagnosticError(errors)
        return builder.result

    def __repr__(self) -> str:
        return f"<T.jit kernel '{self.node.name}'>"


def bind_constexpr_params(p: Parser, node: doc.FunctionDef, values: dict[str, Any] | None) -> None:
    """Bind each ``T.constexpr`` parameter: its given value, its default, or a symbol.

    ``values`` is None for a plain ``@T.prim_func``, which takes no keyword-only parameters.
    """
    args = node.args
    if not args.kwonlyargs:
        return
    if values is None:
        raise p.error(
            args.kwonlyargs[0],
            "invalid-argument",
            "keyword-only parameters (T.constexpr) are only for @T.jit kernels",
        )
    defaults = list(args.kw_defaults) + [None] * (len(args.kwonlyargs) - len(args.kw_defaults))
    for arg, default in zip(args.kwonlyargs, defaults, strict=True):
        annotation = None if arg.annotation is None else p.eval_expr(arg.annotation)
        if not isinstance(annotation, ConstexprAnnotation) and annotation is not POISON:
            raise p.error(
                arg, "invalid-argument", f"'{arg.arg}': a @T.jit keyword parameter is T.constexpr"
            )
        if arg.arg in values:
            value = values[arg.arg]
        elif default is not None:
            value = p.eval_expr(default)
        else:  # checked without a value: any int32
            value = Var(arg.arg, "int32")
        p.var_table.add(arg.arg, value)


def check_annotation_names(p: Parser, node: doc.FunctionDef, lazy: bool) -> None:
    """Report a ``T.constexpr`` name used in an annotation Python evaluates too early.

    Without ``from __future__ import annotations`` Python evaluates each annotation when the
    ``def`` runs, before a ``T.constexpr`` parameter has a value: a ``NameError``.
    """
    if lazy:
        return
    names = {a.arg for a in node.args.kwonlyargs}
    for arg in node.args.args:
        if arg.annotation is None:
            continue
        for sub in _walk(arg.annotation):
            if isinstance(sub, doc.Name) and sub.id in names:
                raise p.error(
                    sub,
                    "undefined-name",
                    f"name '{sub.id}' is not defined when Python runs this 'def': a "
                    "T.constexpr parameter in an annotation needs "
                    "'from __future__ import annotations'",
                )


def _walk(node: doc.Node) -> list[doc.Node]:
    out = [node]
    for child in doc.children(node):
        out.extend(_walk(child))
    return out
