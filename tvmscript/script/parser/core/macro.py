"""``@T.macro``: a TVMScript fragment expanded at each call site."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from typing import TYPE_CHECKING, Any

from tvmscript.diagnostics import DiagnosticError
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.var_table import VarTable

if TYPE_CHECKING:
    from tvmscript.script.parser.core.parser import Parser


class MacroReturn(Exception):
    """Carries the value of ``return`` out of an expanding macro body."""

    def __init__(self, value: Any) -> None:
        super().__init__("return")
        self.value = value


ExpansionScope = Callable[[str], AbstractContextManager[Any]]
_EXPANSION_SCOPES: list[ExpansionScope] = []


def register_expansion_scope(scope: ExpansionScope) -> ExpansionScope:
    """Enter ``scope(suffix)`` around each macro expansion (a dialect's registration).

    ``suffix`` is ``""`` for a macro's first expansion and ``"_1"``, ``"_2"``, ... after: TIR
    appends it to the names of the blocks the expansion builds, as TVM does.
    """
    _EXPANSION_SCOPES.append(scope)
    return scope


class Macro:
    """A parsed-on-use function body; calling it inside TVMScript expands the body there."""

    def __init__(self, func: doc.FunctionDef, hygienic: bool, closure: dict[str, Any]) -> None:
        self.func = func
        self.hygienic = hygienic
        self.closure = closure  # names visible where the macro was defined
        self.calls = 0
        """How many times the macro was expanded (names its expansions apart)."""

    @property
    def name(self) -> str:
        return self.func.name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("a T.macro can only be called inside TVMScript")

    def expand(
        self, parser: Parser, node: doc.Call, args: list[Any], kwargs: dict[str, Any]
    ) -> Any:
        """Visit the body at the call site with parameters bound to the arguments."""
        params = [a.arg for a in self.func.args.args]
        defaults = self.func.args.defaults
        if len(args) > len(params):
            raise DiagnosticError.at(
                node.span,
                "invalid-call",
                f"macro '{self.name}' takes {len(params)} arguments, got {len(args)}",
            )
        bound: dict[str, Any] = dict(zip(params, args, strict=False))
        for key, value in kwargs.items():
            if key not in params:
                raise DiagnosticError.at(
                    node.span, "invalid-call", f"macro '{self.name}' has no parameter '{key}'"
                )
            bound[key] = value
        first_default = len(params) - len(defaults)
        for i, name in enumerate(params):
            if name not in bound:
                if i < first_default:
                    raise DiagnosticError.at(
                        node.span,
                        "invalid-call",
                        f"macro '{self.name}' is missing argument '{name}'",
                    )
                bound[name] = parser.eval_expr(defaults[i - first_default])
        saved = parser.var_table
        if self.hygienic:
            parser.var_table = VarTable()
            for name, value in self.closure.items():
                parser.var_table.add(name, value)
        parser.state["macro_depth"] = parser.state.get("macro_depth", 0) + 1
        suffix = f"_{self.calls}" if self.calls else ""
        self.calls += 1
        try:
            with ExitStack() as scopes, parser.var_table.with_frame():
                for scope in _EXPANSION_SCOPES:
                    scopes.enter_context(scope(suffix))
                for name, value in bound.items():
                    parser.var_table.add(name, value)
                parser.visit_body(self.func.body)
        except MacroReturn as ret:
            return ret.value
        finally:
            parser.var_table = saved
            parser.state["macro_depth"] -= 1
        return None
