"""What ``and``/``or``/``not``, comparisons, ``x if c else y`` and subscripts mean in TIR.

On a `PrimExpr` they build IR (``i < n`` is ``LT``, ``a and b`` is ``And``, a conditional
expression is ``Select``); a `Buffer` subscript is a load or a region, checked for its rank.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.buffer import Buffer
from tvmscript.diagnostics import DiagnosticError
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.operators import register_operator

if TYPE_CHECKING:
    from tvmscript.script.parser.core.parser import Parser

_COMPARISONS: Final[dict[str, type[E.CmpOp]]] = {
    "Eq": E.EQ,
    "NotEq": E.NE,
    "Lt": E.LT,
    "LtE": E.LE,
    "Gt": E.GT,
    "GtE": E.GE,
}


def _binary(cls: type[E.CmpOp]) -> Any:
    def build(lhs: Any, rhs: Any) -> E.PrimExpr:
        return arith.script_binary(cls, lhs, rhs)

    return build


_BOOLEAN: Final[dict[str, type[E.CmpOp]]] = {"And": E.And, "Or": E.Or}
for _op, _cls in (_COMPARISONS | _BOOLEAN).items():
    register_operator(E.PrimExpr, _op)(_binary(_cls))
del _op, _cls


@register_operator(E.PrimExpr, "Not")
def _not(value: E.PrimExpr) -> E.PrimExpr:
    return E.Not(value)


@register_operator(E.PrimExpr, "IfExp")
def _select(cond: E.PrimExpr, then: Any, orelse: Any) -> E.PrimExpr:
    return E.Select(cond, *arith.match_types(arith.as_expr(then), arith.as_expr(orelse)))


@register_operator(E.PrimExpr, "Index")
def _index(key: E.PrimExpr) -> Any:
    """A constant used as a Python index (``dims[T.int32(0)]``) is its value."""
    return key.value if hasattr(key, "value") else key


@register_operator(Buffer, "Subscript")
def _buffer_subscript(parser: Parser, node: doc.Subscript, base: Buffer, key: Any) -> Any:
    indices = key if isinstance(key, tuple) else (key,)
    if 0 < len(indices) < len(base.shape) and not is_empty_index(indices):
        # TIRx: `A[i]` of a 2-D buffer is the row, a region (`A[i, 0:n]`)
        whole = tuple(slice(None) for _ in base.shape[len(indices) :])
        return parser.evaluator.apply(node, base.__getitem__, (*indices, *whole))
    check_rank(node, base, indices)
    return parser.evaluator.apply(node, base.__getitem__, indices)


@register_operator(E.PrimExpr, "Subscript")
def _expr_subscript(parser: Parser, node: doc.Subscript, base: E.PrimExpr, key: Any) -> Any:
    del parser, key
    raise DiagnosticError.at(
        node.span,
        "invalid-argument",
        f"a '{base.dtype}' expression cannot be indexed; only buffers can",
    )


def check_rank(node: doc.Subscript, buffer: Buffer, indices: tuple[Any, ...]) -> None:
    """A buffer access must give one index per dimension (a 0-d buffer takes ``[()]``)."""
    n = 0 if is_empty_index(indices) else len(indices)
    if n == len(buffer.shape):
        return
    raise DiagnosticError.at(
        node.span,
        "buffer-rank-mismatch",
        f"buffer '{buffer.name}' has {len(buffer.shape)} dimension"
        f"{'s' if len(buffer.shape) != 1 else ''} but is indexed with {n}",
    )


def is_empty_index(indices: tuple[Any, ...] | list[Any]) -> bool:
    """``A[()]``: the index of a 0-d buffer."""
    return len(indices) == 1 and isinstance(indices[0], tuple) and not indices[0]
