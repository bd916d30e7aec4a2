"""What Python operators mean on a dialect's values, registered by the dialect.

The evaluator applies ``+``, ``*``, ... through the values' own Python operators; the forms
Python does not let a class define (``and``, ``or``, ``not``, ``x if c else y``), comparisons
that must build IR rather than a bool, and subscripts with TVMScript meaning (a buffer load)
are looked up here by the class of an operand, as TVM's parser registers them per type. So the
parser core names no dialect: TIR registers its rules for `PrimExpr` and `Buffer`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, TypeVar

OperatorRule = Callable[..., Any]
_F = TypeVar("_F", bound=OperatorRule)

OPERATORS: Final = frozenset(
    {
        "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "And", "Or", "Not", "IfExp", "Subscript",
        "Index", "Call", "CallResult",
    }
)  # fmt: skip
"""The operators a dialect may define: comparisons, boolean forms, ``IfExp`` (called with the
condition and both values), ``Subscript`` (called with the parser, the node, base and key),
``Index`` (turns a key into a Python index before ``container[key]``), ``Call`` (calling a
value that is not a Python callable, such as a module function: called with the parser, the
node, the callee, the arguments and the keywords) and ``CallResult`` (called with the parser,
the node and the value a call returned, which it may check or annotate)."""

_RULES: dict[tuple[type, str], OperatorRule] = {}
_FOUND: dict[tuple[type, str], OperatorRule | None] = {}
_SCOPED: dict[tuple[object, type, str], OperatorRule] = {}
_SCOPED_FOUND: dict[tuple[object, type, str], OperatorRule | None] = {}


def register_operator(cls: type, op: str, token: object = None) -> Callable[[_F], _F]:
    """Make the decorated function the meaning of ``op`` when an operand is a ``cls``.

    With ``token`` (a dialect's parser token) the rule applies only inside that dialect and
    wins over the unscoped one there: a module function called from TIR builds a TIR call,
    from Relax a Relax call.
    """
    if op not in OPERATORS:
        raise ValueError(f"unknown script operator {op!r}")

    def register(fn: _F) -> _F:
        table: dict[Any, OperatorRule] = _RULES if token is None else _SCOPED
        key = (cls, op) if token is None else (token, cls, op)
        if key in table:
            raise RuntimeError(f"two rules for {op} on {cls.__name__}")
        table[key] = fn
        _FOUND.clear()
        _SCOPED_FOUND.clear()
        return fn

    return register


def scoped_operator_for(op: str, value: object, token: object) -> OperatorRule | None:
    """The rule for ``op`` on ``value`` inside dialect ``token``, else the unscoped one."""
    if not _SCOPED:
        return operator_for(op, value)
    key = (token, type(value), op)
    if (found := _SCOPED_FOUND.get(key, _MISSING)) is not _MISSING:
        return found  # type: ignore[return-value]
    mro = type(value).__mro__
    rule = next((r for c in mro if (r := _SCOPED.get((token, c, op))) is not None), None)
    _SCOPED_FOUND[key] = rule = rule or operator_for(op, value)
    return rule


def operator_for(op: str, value: object) -> OperatorRule | None:
    """The rule for ``op`` on ``value``'s class (or a base class), or None."""
    key = (type(value), op)
    if (found := _FOUND.get(key, _MISSING)) is not _MISSING:
        return found  # type: ignore[return-value]
    rule = next((r for c in type(value).__mro__ if (r := _RULES.get((c, op))) is not None), None)
    _FOUND[key] = rule
    return rule


def binary_operator(op: str, lhs: object, rhs: object) -> OperatorRule | None:
    """The rule for ``op`` on the left operand, else on the right one."""
    return operator_for(op, lhs) or operator_for(op, rhs)


_MISSING: Final = object()
