"""Parse rules keyed by (dialect token, Doc node type), with a default dialect fallback."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from tvmscript.script.parser.core import doc
from tvmscript.script.tokens import Token

__all__ = ["RegistryError", "Rule", "Token", "dialect_names", "get_rule", "register"]

if TYPE_CHECKING:
    from tvmscript.script.parser.core.parser import Parser

N = TypeVar("N", bound=doc.Node)
Rule: TypeAlias = Callable[["Parser", N], Any]


class RegistryError(Exception):
    """Two rules registered for the same (token, node type)."""


_RULES: dict[tuple[Token, type[doc.Node]], Rule[Any]] = {}


def register(token: Token, node_type: type[N]) -> Callable[[Rule[N]], Rule[N]]:
    """Make the decorated function the ``token`` dialect's rule for ``node_type``."""

    def decorate(fn: Rule[N]) -> Rule[N]:
        if (token, node_type) in _RULES:
            raise RegistryError(f"two parse rules for {token}/{node_type.__name__}")
        _RULES[token, node_type] = fn
        return fn

    return decorate


def get_rule(token: Token, node_type: type[doc.Node]) -> Rule[Any] | None:
    """The rule for ``node_type`` in ``token``, else in the default dialect, else None."""
    rule = _RULES.get((token, node_type))
    if rule is None:
        rule = _RULES.get((Token.DEFAULT, node_type))
    return rule


_NAMES: dict[Token, dict[str, Any]] = {}


def register_name(token: Token, name: str, value: Any) -> None:
    """Make ``name`` mean ``value`` inside ``token``'s definitions (``range`` in TIR)."""
    _NAMES.setdefault(token, {})[name] = value


def dialect_names(token: Token) -> dict[str, Any]:
    """The names ``token``'s dialect defines over the builtins."""
    return _NAMES.get(token, {})
