"""Subscripts in TIR: buffer loads and regions (with rank checks), annotations, containers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.expr import PrimExpr
from tvmscript.diagnostics import DiagnosticError
from tvmscript.script.parser.core import doc

if TYPE_CHECKING:
    from tvmscript.script.parser.core.parser import Parser


def subscript(parser: Parser, node: doc.Subscript, base: Any, key: Any) -> Any:
    """``base[key]``: loads/regions of buffers, else Python indexing of containers."""
    if isinstance(base, Buffer):
        indices = key if isinstance(key, tuple) else (key,)
        check_rank(node, base, indices)
        return parser.evaluator.apply(node, base.__getitem__, indices)
    if isinstance(base, PrimExpr):
        raise DiagnosticError.at(
            node.span,
            "invalid-argument",
            f"a '{base.dtype}' expression cannot be indexed; only buffers can",
        )
    return parser.evaluator.apply(node, _index, base, key)


def _index(base: Any, key: Any) -> Any:
    if isinstance(key, PrimExpr) and hasattr(key, "value"):
        key = key.value
    return base[key]


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
